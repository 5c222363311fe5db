"""A secret vote stays secret in the report until it is revealed in the room."""

from fabrique_desktop import board, votes
from fabrique_desktop.model import Table
from fabrique_desktop.report import gather_session


def test_secret_votes_are_left_out_until_revealed(store, session) -> None:
    store.apply(board.capture(store, session.id, "Un tramway pour Aubagne"))
    (card,) = board.session_cards(store, session.id)
    store.apply(votes.add_tables(store, session.id, 1))
    (table,) = store.find(Table, session_id=session.id)
    store.apply(votes.set_secret(store, session.id, True))
    store.apply(votes.add_dot(store, session.id, [card.id], table.id))

    hidden = gather_session(store, session)
    assert [i.votes for i in hidden.ideas] == [0]
    assert not hidden.top_ideas

    store.apply(votes.reveal(store, session.id))
    shown = gather_session(store, session)
    assert [i.votes for i in shown.ideas] == [1]
    assert [i.text for i in shown.top_ideas] == ["Un tramway pour Aubagne"]
