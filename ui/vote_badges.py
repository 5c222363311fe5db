"""The dots of a vote shown on the board's notes: a badge with the count, or « secret »
while a secret vote is not revealed. Set whole (a vote opened, the projector copying the
laptop's board) or card by card (a dot given: only the notes whose pill came or went move
their column)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from ui.board_scene import BoardScene
    from ui.card_item import CardItem


class VoteBadges:
    def __init__(self, scene: BoardScene) -> None:
        self._scene = scene
        self.counts: dict[str, int] = {}  # dots per card id (absent: none)
        self.secret = False

    def set_counts(self, counts: dict[str, int]) -> None:
        """Dots per card id; the cards show them as a badge (0 or absent: no badge)."""
        self.counts = dict(counts)
        for card_id, item in self._scene.items_by_id.items():
            item.set_votes(self.counts.get(card_id, 0))
        self._scene.layout_cards()

    def set_secret(self, secret: bool) -> None:
        """A secret vote not yet revealed: every card says « secret » instead of a count."""
        if secret == self.secret:
            return
        self.secret = secret
        for card_id, item in self._scene.items_by_id.items():
            item.set_votes(self.counts.get(card_id, 0), secret)
        self._scene.layout_cards()

    def update(self, moved: dict[str, int]) -> None:
        """Some cards' dots changed (0: no more dots); the other notes are not touched."""
        grown: set[str] = set()
        for card_id, value in moved.items():
            if value:
                self.counts[card_id] = value
            else:
                self.counts.pop(card_id, None)
            item = self._scene.items_by_id.get(card_id)
            if item is not None:
                height = item.height()
                item.set_votes(value)
                if item.height() != height:  # the dots' pill came or went: the column moves
                    grown.add(item.card.column)
        self._scene.placement.lay_out_columns(grown, set(moved), grown)

    def dress(self, item: CardItem) -> None:
        """A note just made, not yet measured, takes its card's dots."""
        if self.counts.get(item.card.id) or self.secret:
            item.votes = self.counts.get(item.card.id, 0)
            item.votes_secret = self.secret
