"""Which cards are chosen on the board: clicks (Ctrl, Shift), the arrow keys, a group
chosen by its name band. The scene holds the items; this says which are selected and
which one is current (where the keyboard acts)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from fabrique_desktop.grouping import group_of, whole

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from ui.board_scene import BoardScene
    from ui.card_item import CardItem

ARROW_STEPS = {
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
}
"""The arrow keys as steps (columns, cards) on the board, for ``BoardScene.move_selection``:
the board and the large card (Space) move the same way."""


class BoardSelection:
    def __init__(self, scene: BoardScene) -> None:
        self._scene = scene
        self.current: str | None = None
        self.chosen_group: str | None = None  # the group whose band was clicked

    def selected_card_ids(self) -> list[str]:
        """Selected cards of this atelier in board order (column by column, top to bottom):
        what every action on the selection acts on. An earlier atelier's piste, read-only on
        a Convergence wall, is never among them (``selected_earlier_ids``)."""
        earlier = self._scene.notes.read_only
        return [i for i in self._selected() if i not in earlier]

    def selected_earlier_ids(self) -> list[str]:
        """Selected pistes of earlier ateliers (a Convergence wall), in board order: they
        may only be traced by an engagement."""
        earlier = self._scene.notes.read_only
        return [i for i in self._selected() if i in earlier]

    def selected_objectives(self) -> list[str]:
        """Earlier ateliers' objectives chosen whole on a Convergence wall: by their name
        band, or all their pistes (two or more) selected. Their ids, in the order they came
        onto the wall (``earlier_pistes.earlier_objectives``)."""
        scene = self._scene
        if not scene.groups.read_only:
            return []
        chosen = set(self.selected_earlier_ids())
        found = []
        for cluster_id in scene.groups.read_only:
            ids = self.group_cards(cluster_id)
            whole = ids and chosen.issuperset(ids)
            if whole and (len(ids) >= 2 or cluster_id == self.chosen_group):
                found.append(cluster_id)
        return found

    def _selected(self) -> list[str]:
        scene = self._scene
        return [i.card.id for c in scene.columns for i in scene.stack(c.key) if i.isSelected()]

    def current_card_id(self) -> str | None:
        selected = self.selected_card_ids()
        if self.current in selected:
            return self.current
        return selected[-1] if selected else None

    def select_cards(self, card_ids: Iterable[str], current: str | None = None) -> None:
        scene = self._scene
        scene.clearSelection()
        ids = [i for i in card_ids if i in scene.items_by_id]
        self.current = current if current in ids else (ids[-1] if ids else None)
        if self.current is not None:
            scene.unfold_for(scene.items_by_id[self.current])
        for card_id in ids:
            scene.items_by_id[card_id].setSelected(True)

    def click(self, item: CardItem, modifiers: Qt.KeyboardModifier) -> bool:
        """A card was clicked: Ctrl adds or removes it, Shift takes the range from the current
        card. True if a later release, without a drag, selects just it (a plain click on one
        card of a selection)."""
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        if shift and self._select_range(item, add=control):
            return False
        was_selected = item.isSelected()
        if control:
            item.setSelected(not was_selected)
        elif not was_selected:
            self._scene.clearSelection()
            item.setSelected(True)
        self.current = item.card.id if item.isSelected() else self.current
        return was_selected and not control

    def move(self, dx: int, dy: int, extend: bool = False) -> str | None:
        """Arrow keys: the next card up/down in the column, or the nearest in the next column."""
        scene = self._scene
        on_band = self._on_band()
        self.chosen_group = None
        selected = self._selected()  # an earlier atelier's piste too: the arrows go on from it
        current = self.current if self.current in selected else (selected[-1] if selected else None)
        if current is None:
            first = next((s[0] for c in scene.columns if (s := scene.stack(c.key))), None)
            if first is not None and not self._stop_on_band(first):
                self.select_cards([first.card.id])
            return first.card.id if first else None
        item = scene.items_by_id[current]
        keys = [c.key for c in scene.columns]
        col = keys.index(item.card.column) if item.card.column in keys else 0
        stack = scene.stack(item.card.column)
        row = stack.index(item)
        target: CardItem | None = None
        if dy and not extend:
            # a group's band (the wall's own ▦ or an earlier objective ◎) is a stop between
            # its first card and the note above: Down onto it from above, Up onto it from its
            # first card; chosen there whole, as a click on its name chooses it
            if on_band and dy > 0:
                self.select_cards([current])  # its first piste (the band's current card)
                return current
            below = stack[row + 1] if row + 1 < len(stack) else None
            if not on_band and self._stop_on_band(below if dy > 0 else item):
                return self.current
        if dy:
            new_row = row + dy
            if 0 <= new_row < len(stack):
                target = stack[new_row]
        elif dx:
            c = col + dx
            while 0 <= c < len(keys) and target is None:
                others = scene.stack(keys[c])
                if others:
                    y = item.pos().y()
                    target = min(others, key=lambda i: abs(i.pos().y() - y))
                c += dx
        if target is None:
            return current
        scene.unfold_for(target)
        if not extend:
            scene.clearSelection()
        target.setSelected(True)
        self.current = target.card.id
        return target.card.id

    def _on_band(self) -> bool:
        """A group chosen by its band (a click, or the arrows): all its cards selected, the
        first one current; an earlier objective (Convergence) or the wall's own group."""
        chosen = self.chosen_group
        if chosen is None:
            return False
        if chosen in self._scene.groups.read_only:
            return chosen in self.selected_objectives()
        return chosen == self.selected_group()

    def _stop_on_band(self, item: CardItem | None) -> bool:
        """If ``item`` is the first card of a group (the wall's own, or an earlier
        objective on a Convergence wall), choose that group by its band (as a click on its
        name would) and say True."""
        if item is None:
            return False
        cluster_id = group_of(item.card, self._scene.clusters)
        if cluster_id is None:
            return False
        ids = self.group_cards(cluster_id)
        if not ids or ids[0] != item.card.id:
            return False
        self.select_group(cluster_id)
        return True

    def group_cards(self, cluster_id: str) -> list[str]:
        """The ids of a group's cards, as shown."""
        scene = self._scene
        cluster = scene.clusters.get(cluster_id)
        if cluster is None:
            return []
        return [
            i.card.id
            for i in scene.stack(cluster.column)
            if group_of(i.card, scene.clusters) == cluster_id
        ]

    def selected_group(self) -> str | None:
        """The group selected as a whole: its cards, all and only them, are selected —
        two or more, or one whose band was clicked. None otherwise."""
        scene = self._scene
        if not scene.clusters:
            return None
        selected = self.selected_card_ids()
        if not selected:
            return None
        cards = [scene.items_by_id[i].card for i in selected]
        cluster = scene.clusters.get(group_of(cards[0], scene.clusters) or "")
        if cluster is None:
            return None
        inside = [scene.items_by_id[i].card for i in self.group_cards(cluster.id)]
        chosen = cluster.id == self.chosen_group
        return cluster.id if whole(cards, cluster, inside, chosen) is not None else None

    def select_group(self, cluster_id: str) -> None:
        """Select a group (its band): all its cards."""
        ids = self.group_cards(cluster_id)
        self.chosen_group = cluster_id
        self.select_cards(ids, ids[0] if ids else None)

    def show_chosen_group(self) -> None:
        """The selected group's band is outlined (F2 renames it, Ctrl+Up/Down move it)."""
        items = self._scene.cluster_items
        if not items:
            return
        chosen = self.selected_group()
        objectives = set(self.selected_objectives())  # an earlier atelier's (Convergence)
        for cluster_id, item in items.items():
            item.set_selected(cluster_id == chosen or cluster_id in objectives)

    def _select_range(self, item: CardItem, add: bool) -> bool:
        """Shift+click: the cards from the current one to ``item``, if in the same column."""
        scene = self._scene
        anchor = scene.items_by_id.get(self.current or "")
        if anchor is None or anchor.card.column != item.card.column:
            return False
        stack = scene.stack(item.card.column)
        first, last = sorted((stack.index(anchor), stack.index(item)))
        if not add:
            scene.clearSelection()
        for other in stack[first : last + 1]:
            other.setSelected(True)
        return True  # the anchor stays current: another Shift+click changes the range
