"""The room's dots (issue 13): with no voter chosen, + and − add and take back the room's
dots on a card, with no budget; a count of paper dots typed for a card sets its total."""

from __future__ import annotations

import pytest

from fabrique_desktop import changes, votes
from fabrique_desktop.model import Card
from fabrique_desktop.workspace import list_sessions


@pytest.fixture
def card(store, demo):
    session = list_sessions(store, demo.id)[0]
    card = Card(session_id=session.id, text="Des bancs à l'ombre", column="mieux")
    store.apply(changes.Change("Ajouter", (changes.create(card),)))
    return card


def test_room_dots_have_no_budget_and_never_go_below_none(store, card) -> None:
    for _ in range(votes.DEFAULT_DOTS + 4):
        store.apply(votes.add_room_dots(store, card.session_id, [card.id]))
    assert votes.totals(store, card.session_id)[card.id] == votes.DEFAULT_DOTS + 4
    store.apply(votes.add_room_dots(store, card.session_id, [card.id], -1))
    assert votes.room_dots(store, card.session_id, card.id) == votes.DEFAULT_DOTS + 3
    store.apply(votes.set_card_dots(store, card.session_id, card.id, 0))
    with pytest.raises(votes.VoteError):
        votes.add_room_dots(store, card.session_id, [card.id], -1)


def test_a_typed_count_sets_the_card_total_keeping_the_voters_dots(store, card) -> None:
    store.apply(votes.add_tables(store, card.session_id, 1))
    table = votes.voters(store, card.session_id)[0]
    store.apply(votes.add_dot(store, card.session_id, [card.id], table.id))
    store.apply(votes.set_card_dots(store, card.session_id, card.id, 12))
    assert votes.totals(store, card.session_id)[card.id] == 12
    assert votes.room_dots(store, card.session_id, card.id) == 11
    assert not votes.set_card_dots(store, card.session_id, card.id, 12).edits  # no change
    with pytest.raises(votes.VoteError):
        votes.set_card_dots(store, card.session_id, card.id, -1)
    summary = {voter.id: used for voter, used, _left in votes.voter_summary(store, card.session_id)}
    assert summary == {table.id: 1}  # the room is not a voter with a budget
