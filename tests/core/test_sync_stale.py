"""Two engines on one session (the live link's and a dialog's): neither works on a stale copy."""

from __future__ import annotations

from fabrique_desktop import board, sync
from fabrique_desktop.model import Card
from tests.core.sync_helpers import Laptop


def test_an_engine_sees_what_another_engine_of_the_same_laptop_stored() -> None:
    facilitator, session = Laptop.facilitator()
    target = facilitator.live_cards(session.id)[0]
    live = sync.SessionSync(facilitator.store, facilitator.journal, session.id)
    live.flush()  # the live link holds its document from here on
    note_taker = Laptop()
    note_taker.merge(facilitator.handout(session.id))

    dialog = sync.SessionSync(facilitator.store, facilitator.journal, session.id)
    facilitator.store.apply(board.edit(facilitator.store.get(Card, target.id), text="au tableau"))
    dialog.flush()  # stored by another engine than the live one
    note_taker.merge(facilitator.handout(session.id))
    note_taker.store.apply(board.edit(note_taker.store.get(Card, target.id), text="précisée"))

    card = facilitator.store.get(Card, target.id)
    facilitator.store.apply(board.move(facilitator.store, session.id, [card], "mieux"))
    live.flush()  # the live engine writes the moved card: it must know « au tableau » is stored

    summary = note_taker.merge(facilitator.handout(session.id))
    assert summary.conflicts == 0  # the note-taker's later text is not in conflict with a ghost
    card = note_taker.store.get(Card, target.id)
    assert (card.text, card.column) == ("précisée", "mieux")
