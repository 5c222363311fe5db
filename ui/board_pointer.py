"""What the mouse does on the board: a click chooses cards (or a group by its name band, or
unfolds a folded column), a press on a chosen card may start a drag (``BoardDrag``), a
double click edits a card or renames a group, a right click asks for the menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem

from ui.card_item import CardItem

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QGraphicsSceneContextMenuEvent, QGraphicsSceneMouseEvent

    from ui.board_scene import BoardScene


class BoardPointer:
    def __init__(self, scene: BoardScene) -> None:
        self._scene = scene

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        """A button went down; False when the scene's own handling is wanted (not the left
        button, or the empty board: clear the selection, or a rubber band in the view)."""
        scene, selection = self._scene, self._scene.selection
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        item = self._card_at(event.scenePos())
        band = scene.groups.band_at(event.scenePos()) if item is None else None
        if band is not None:  # a group's name: the group is selected (all its cards)
            scene.selection.select_group(band)
            return True
        selection.chosen_group = None
        folded = scene.column_at(event.scenePos().x()) if item is None else ""
        if scene.is_folded(folded):  # a folded column's band: it comes into sight
            scene.unfold_requested.emit(folded)
            return True
        if item is None:
            selection.current = None
            return False
        reselect = selection.click(item, event.modifiers())
        scene.drag.press(event.scenePos(), item, reselect)
        return True

    def double_click(self, event: QGraphicsSceneMouseEvent) -> bool:
        """A card: edit it; a group's name band: rename it. False elsewhere."""
        scene = self._scene
        item = self._card_at(event.scenePos())
        band = scene.groups.band_at(event.scenePos()) if item is None else None
        if band is not None:
            scene.selection.select_group(band)
            scene.group_activated.emit(band)
            return True
        if item is None:
            return False
        scene.select_cards([item.card.id])
        scene.card_activated.emit(item.card.id)
        return True

    def context_menu(self, event: QGraphicsSceneContextMenuEvent) -> None:
        """A right click: the card (or group) under it chosen, then the menu asked for."""
        scene = self._scene
        item = self._card_at(event.scenePos())
        band = scene.groups.band_at(event.scenePos()) if item is None else None
        if band is not None:
            scene.selection.select_group(band)
        elif item is not None and not item.isSelected():
            scene.selection.chosen_group = None
            scene.select_cards([item.card.id])
        # an earlier atelier's piste alone too (a Convergence wall): its own, read-only menu
        if scene.selected_card_ids() or scene.selected_earlier_ids():
            scene.context_menu_requested.emit(event.screenPos())

    def _card_at(self, pos: QPointF) -> CardItem | None:
        """The card under ``pos`` that can be chosen (an earlier atelier's piste on a
        Convergence wall too: chosen for an engagement, never dragged, ``BoardDrag``)."""
        return next(
            (
                i
                for i in self._scene.items(pos)
                if isinstance(i, CardItem)
                and i.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            ),
            None,
        )
