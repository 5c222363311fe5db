"""The cards a filter leaves out, drawn faded on the board; the column headers count what
remains (« 3/12 »)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from ui.board_scene import BoardScene
    from ui.card_item import CardItem

DIMMED_OPACITY = 0.22


class DimmedCards:
    def __init__(self, scene: BoardScene) -> None:
        self._scene = scene
        self.ids: set[str] = set()

    @property
    def filtering(self) -> bool:
        return bool(self.ids)

    def set(self, card_ids: set[str]) -> None:
        """These cards (and no others) are drawn faded; the counts follow."""
        before, self.ids = self.ids, set(card_ids)
        for card_id in before ^ self.ids:  # only the notes whose state changes
            item = self._scene.items_by_id.get(card_id)
            if item is not None:
                item.setOpacity(self.opacity_of(card_id))
        self._scene.laid_out.emit()

    def opacity_of(self, card_id: str) -> float:
        return DIMMED_OPACITY if card_id in self.ids else 1.0

    def dress(self, item: CardItem) -> None:
        """A note just made."""
        if item.card.id in self.ids:
            item.setOpacity(DIMMED_OPACITY)
