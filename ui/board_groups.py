"""The board's groups (clusters): a frame with a name band round each group's cards. The
scene says where the frames go (``BoardPlacement``); this keeps the items, their type and
colours, and finds the group under a point."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ui.cluster_item import ClusterItem

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QGraphicsScene

    from fabrique_desktop.groups import Cluster
    from ui.card_item import Fonts

HIGH_CONTRAST_INK = "#000000"  # a group's frame on the projector's coloured columns


class BoardGroups:
    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = scene
        self.clusters: dict[str, Cluster] = {}  # the live groups, by id
        self.items: dict[str, ClusterItem] = {}
        # an earlier atelier's objective on a Convergence wall: id → its trace (« Ateliers 3
        # et 4 · lecture seule »); said under its name with ``label`` (« Objectif · {} »)
        self.read_only: dict[str, str] = {}
        self.label = "{}"

    def set_clusters(self, clusters: Iterable[Cluster]) -> None:
        """The session's groups: an item for each live one, none for the others."""
        self.clusters = {c.id: c for c in clusters if not c.deleted}
        for cluster_id in list(self.items):
            if cluster_id not in self.clusters:
                self._scene.removeItem(self.items.pop(cluster_id))
        for cluster in self.clusters.values():
            item = self.items.get(cluster.id)
            if item is None:
                item = ClusterItem(cluster.id, cluster.name)
                item.hide()  # until it has cards
                self._scene.addItem(item)
                self.items[cluster.id] = item
            item.name = cluster.name
            trace = self.read_only.get(cluster.id)
            item.set_trace(self.label.format(trace) if trace else "")
            item.update()

    def style(self, fonts: Fonts, colour_of: Callable[[str], str], high_contrast: bool) -> None:
        """The groups' type (the board's, bold) and colours (the column's, or black on the
        projector's coloured columns)."""
        for cluster_id, item in self.items.items():
            cluster = self.clusters.get(cluster_id)
            if cluster is None:
                continue
            item.set_font(fonts.text)
            item.colour = HIGH_CONTRAST_INK if high_contrast else colour_of(cluster.column)
            item.update()

    def at(self, column: str, y: float) -> str | None:
        """The group of ``column`` whose frame covers height ``y``, or None."""
        for cluster_id, item in self.items.items():
            cluster = self.clusters.get(cluster_id)
            if cluster is None or cluster.column != column or not item.isVisible():
                continue
            if cluster_id in self.read_only:  # nothing goes into an earlier objective
                continue
            frame = item.frame_rect()
            if frame.top() <= y <= frame.bottom():
                return cluster_id
        return None

    def band_at(self, pos: QPointF) -> str | None:
        """The group whose name band is at ``pos``, or None."""
        for cluster_id, item in self.items.items():
            if item.isVisible() and item.band_rect().translated(item.pos()).contains(pos):
                return cluster_id
        return None
