"""The incremental vote counts (``votes.Tally``) always equal ``votes.totals``."""

import random

import pytest

from fabrique_desktop import board, card_fusion, votes
from fabrique_desktop.changes import Change, Edit
from fabrique_desktop.model import Card


@pytest.fixture
def room(store, session):
    for n in range(8):
        store.apply(board.capture(store, session.id, f"Idée {n}", "mieux"))
    store.apply(votes.add_tables(store, session.id, 3))
    store.apply(votes.configure(store, session.id, dots_per_voter=50))
    return [v.id for v in votes.voters(store, session.id)]


def check(store, session, tally, change: Change, before: dict[str, int]) -> None:
    store.apply(change)
    moved = tally.apply(change)
    after = votes.totals(store, session.id)
    assert tally.totals() == after
    changed = {k for k in before.keys() | after.keys() if before.get(k, 0) != after.get(k, 0)}
    assert {k for k, v in moved.items()} >= changed
    assert all(after.get(k, 0) == v for k, v in moved.items())


def test_a_captured_idea_moves_no_count_and_reads_one_row(store, session, room) -> None:
    cards = board.column_cards(store, session.id, "mieux")
    store.apply(votes.add_dot(store, session.id, [cards[0].id], room[0]))
    tally = votes.Tally(store, session.id)
    assert tally.totals() == {cards[0].id: 1}
    change = board.capture(store, session.id, "Encore une idée", "inbox")
    store.apply(change)
    reads = []
    real_get = store.get
    store.get = lambda cls, i: reads.append(i) or real_get(cls, i)  # type: ignore[method-assign]
    try:
        assert tally.apply(change) == {}
    finally:
        del store.get
    assert reads == list(change.touched(Card.kind))
    assert tally.apply(Change("rien")) == {}


def test_votes_merges_deletions_and_undo_follow_totals(store, session, room) -> None:
    rng = random.Random(7)
    tally = votes.Tally(store, session.id)
    done: list[Change] = []
    for _ in range(250):
        live = board.session_cards(store, session.id)
        action = rng.random()
        try:
            if action < 0.35 and live:
                change = votes.add_dot(store, session.id, [rng.choice(live).id], rng.choice(room))
            elif action < 0.5 and live:
                change = votes.remove_dot(
                    store, session.id, [rng.choice(live).id], rng.choice(room)
                )
            elif action < 0.6 and len(live) >= 2:
                change = card_fusion.fuse(rng.sample(live, 2), "Fusion")
            elif action < 0.68:
                merged = [c for c in live if card_fusion.sources(store, c)]
                if not merged:
                    continue
                change = card_fusion.unfuse(store, rng.choice(merged))
            elif action < 0.74 and live:
                change = board.delete([rng.choice(live)])
            elif action < 0.8:
                change = board.capture(store, session.id, "Nouvelle", "inbox")
            elif action < 0.86 and live:
                change = board.send(store, session.id, [rng.choice(live)], "monde")
            elif done:
                change = done.pop().inverse()  # undo
                before = votes.totals(store, session.id)
                check(store, session, tally, change, before)
                continue
            else:
                continue
        except votes.VoteError:
            continue
        before = votes.totals(store, session.id)
        check(store, session, tally, change, before)
        done.append(change)
    assert tally.totals() == votes.totals(store, session.id)


def test_remote_edits_without_values_are_read_from_the_store(store, session, room) -> None:
    """Live sharing announces touched ids with empty before/after: the tally reads them."""
    cards = board.column_cards(store, session.id, "mieux")
    tally = votes.Tally(store, session.id)
    change = votes.add_dot(store, session.id, [cards[2].id], room[1])
    store.apply(change)
    remote = Change("à distance", tuple(Edit(e.kind, e.id, {}, {}) for e in change.edits))
    assert tally.apply(remote) == {cards[2].id: 1}
    assert tally.totals() == votes.totals(store, session.id)


def test_without_dots_the_cards_are_not_read_until_the_first_dot(store, session, room) -> None:
    cards = board.column_cards(store, session.id, "mieux")
    tally = votes.Tally(store, session.id)
    change = board.capture(store, session.id, "Une idée", "inbox")
    store.apply(change)
    reads = []
    real_get, real_find = store.get, store.find
    store.get = lambda *a, **k: reads.append(a) or real_get(*a, **k)  # type: ignore[method-assign]
    store.find = lambda *a, **k: reads.append(a) or real_find(*a, **k)  # type: ignore[method-assign]
    try:
        assert tally.apply(change) == {}
        assert reads == []
    finally:
        del store.get, store.find
    first = votes.add_dot(store, session.id, [cards[3].id], room[0])
    store.apply(first)
    assert tally.apply(first) == {cards[3].id: 1}
    assert tally.totals() == votes.totals(store, session.id)
