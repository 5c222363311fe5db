"""Use-cases of the idea board that build ``Change`` values: capture, move, edit, delete.

Cards are ordered within a column by a float ``position``; a card dropped between two
others takes the midpoint, so a move rewrites one row, not the column.
"""

from __future__ import annotations

from collections.abc import Sequence

from fabrique_desktop import changes
from fabrique_desktop.changes import Change
from fabrique_desktop.model import INBOX, Card
from fabrique_desktop.ports import Store

STEP = 1024.0


def session_cards(store: Store, session_id: str) -> list[Card]:
    """Live cards of a session, in board order (column, then position)."""
    return [c for c in store.find(Card, session_id=session_id) if c.merged_into is None]


def column_cards(store: Store, session_id: str, column: str) -> list[Card]:
    return [
        c for c in store.find(Card, session_id=session_id, column=column) if c.merged_into is None
    ]


def capture(
    store: Store, session_id: str, text: str, column: str = INBOX, **fields: object
) -> Change:
    """A new card at the end of ``column``. Empty text captures nothing."""
    text = text.strip()
    if not text:
        return Change("Ajouter une idée")
    existing = column_cards(store, session_id, column)
    position = (existing[-1].position + STEP) if existing else STEP
    card = Card(session_id=session_id, text=text, column=column, position=position, **fields)  # type: ignore[arg-type]
    return Change("Ajouter une idée", (changes.create(card),))


def position_at(cards: Sequence[Card], index: int) -> float:
    """The position of a card inserted at ``index`` among ``cards`` (already sorted)."""
    if not cards:
        return STEP
    if index <= 0:
        return cards[0].position - STEP
    if index >= len(cards):
        return cards[-1].position + STEP
    return (cards[index - 1].position + cards[index].position) / 2


def move(
    store: Store, session_id: str, cards: Sequence[Card], column: str, index: int | None = None
) -> Change:
    """Move cards, in the given order, to ``column`` before the card at ``index`` (end if None)."""
    moving = {c.id for c in cards}
    target = [c for c in column_cards(store, session_id, column) if c.id not in moving]
    index = len(target) if index is None else max(0, min(index, len(target)))
    low = (
        target[index - 1].position if index > 0 else (target[0].position - STEP if target else 0.0)
    )
    high = target[index].position if index < len(target) else low + STEP * (len(cards) + 1)
    step = (high - low) / (len(cards) + 1)
    edits = []
    for i, card in enumerate(cards, start=1):
        edit = changes.update(card, column=column, position=low + step * i)
        if edit.after:
            edits.append(edit)
    label = "Déplacer l'idée" if len(cards) == 1 else f"Déplacer {len(cards)} idées"
    return Change(label, tuple(edits))


def edit(card: Card, **fields: object) -> Change:
    edit_ = changes.update(card, **fields)
    return Change("Modifier l'idée", (edit_,) if edit_.after else ())


def delete(cards: Sequence[Card]) -> Change:
    label = "Supprimer l'idée" if len(cards) == 1 else f"Supprimer {len(cards)} idées"
    return Change(label, tuple(changes.delete(c) for c in cards))
