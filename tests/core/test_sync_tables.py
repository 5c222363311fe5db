"""A table created on several laptops independently is one table after a merge.

Table ids come from (session, number) (``tables.table_id``): every laptop that creates
« Table 3 » — with the ``=3`` marker, the « Tables et participants » dialog or a vote's
tables — creates the same entity, so merges in any order give one « Table 3 » holding
the cards, participants and votes of all of them.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fabrique_desktop import board, report, tables, votes
from fabrique_desktop.capture import parse
from fabrique_desktop.model import Card, Participant, Table, Vote
from tests.core.sync_helpers import Laptop

# how a laptop brings table 3 into being
WAYS = st.sampled_from(["capture", "dialog", "votes", "participant"])


def make_table_3(laptop: Laptop, session_id: str, way: str, tag: str) -> None:
    store = laptop.store
    if way == "capture" or not tables.session_tables(store, session_id):
        parsed = parse(f"idée de {tag} =3")
        store.apply(board.capture_parsed(store, session_id, parsed))
    if way == "dialog":
        while not [t for t in tables.session_tables(store, session_id) if t.number >= 3]:
            store.apply(tables.add_tables(store, session_id, 1))
    elif way == "votes":
        while not [t for t in tables.session_tables(store, session_id) if t.number >= 3]:
            store.apply(votes.add_tables(store, session_id, 1))


def table_3(laptop: Laptop, session_id: str) -> Table:
    (table,) = [t for t in tables.session_tables(laptop.store, session_id) if t.number == 3]
    return table


def work_at_table_3(laptop: Laptop, session_id: str, tag: str, dots: int) -> None:
    """Cards typed with ``=3``, a participant seated there, dots from table 3."""
    store = laptop.store
    table = table_3(laptop, session_id)
    for i in range(2):
        parsed = parse(f"{tag} idée {i} =3")
        store.apply(board.capture_parsed(store, session_id, parsed))
    store.apply(tables.add_participant(session_id, f"Zoé de {tag}", table.id))
    mine = [c for c in board.session_cards(store, session_id) if c.text.startswith(tag)]
    for card in mine[:dots]:
        store.apply(votes.add_dot(store, session_id, [card.id], table.id))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), n=st.integers(2, 4))
def test_the_same_table_made_on_several_laptops_is_one_table_in_any_merge_order(data, n) -> None:
    facilitator, session = Laptop.facilitator(cards=2)
    base = facilitator.handout(session.id)
    laptops = [facilitator]
    for _ in range(n - 1):
        laptop = Laptop()
        laptop.merge(base)
        laptops.append(laptop)
    for i, laptop in enumerate(laptops):
        make_table_3(laptop, session.id, data.draw(WAYS), f"L{i}")
        work_at_table_3(laptop, session.id, f"L{i}", data.draw(st.integers(0, 2)))
    copies = [laptop.handout(session.id) for laptop in laptops]

    receivers = [Laptop(), Laptop()]
    for receiver in receivers:
        for text in data.draw(st.permutations(copies)):
            assert receiver.merge(text).conflicts == 0
    for i, laptop in enumerate(laptops):
        for text in data.draw(st.permutations(copies[i + 1 :] + copies[:i])):
            assert laptop.merge(text).conflicts == 0

    expected = receivers[0].snapshot(session.id)
    for laptop in [receivers[1], *laptops]:
        assert laptop.snapshot(session.id) == expected
    store = receivers[0].store
    table = table_3(receivers[0], session.id)
    assert table.id == tables.table_id(session.id, 3)
    assert [t.number for t in tables.session_tables(store, session.id)].count(3) == 1
    # nothing lost: every card, participant and vote of every laptop is on the one table
    for i in range(n):
        mine = [c for c in board.session_cards(store, session.id) if c.text.startswith(f"L{i} ")]
        assert len(mine) == 2
        assert {c.table_id for c in mine} == {table.id}
    seated = store.find(Participant, session_id=session.id, table_id=table.id)
    assert len(seated) == n
    made = {v.id for laptop in laptops for v in laptop.store.find(Vote, session_id=session.id)}
    merged = store.find(Vote, session_id=session.id)
    assert {v.id for v in merged} == made
    assert {v.voter_id for v in merged} <= {table.id}
    # one voter « Table 3 », with one budget (not one per laptop)
    summary = [
        (voter.label, used, left)
        for voter, used, left in votes.voter_summary(store, session.id)
        if voter.id == table.id
    ]
    spent = sum(v.dots for v in merged)
    budget = votes.settings(store, session.id).dots_per_voter
    assert summary == [("Table 3", spent, budget - spent)]
    # and one table in the report
    built = report.gather_session(store, session)
    on_3 = [c for c in board.session_cards(store, session.id) if c.table_id == table.id]
    assert [(t.name, t.ideas) for t in built.tables if t.name.startswith("Table 3")] == [
        ("Table 3", len(on_3))
    ]


def test_a_removed_table_comes_back_as_the_same_table() -> None:
    facilitator, session = Laptop.facilitator(cards=0)
    store = facilitator.store
    store.apply(tables.add_tables(store, session.id, 3))
    first = table_3(facilitator, session.id)
    store.apply(tables.remove_table(store, first))
    assert [t.number for t in tables.session_tables(store, session.id)] == [1, 2]
    store.apply(board.capture_parsed(store, session.id, parse("a =3")))
    again = table_3(facilitator, session.id)
    assert again.id == first.id
    assert not store.get(Table, first.id).deleted
    (card,) = board.session_cards(store, session.id)
    assert card.table_id == first.id


def test_a_table_removed_here_and_used_there_is_a_conflict_to_settle() -> None:
    """« Removed here, still used there »: deletion wins like for a card, and the facilitator
    sees the conflict only if the other laptop created the table anew (restored it)."""
    facilitator, session = Laptop.facilitator(cards=0)
    store = facilitator.store
    store.apply(tables.add_tables(store, session.id, 3))
    note_taker = Laptop()
    note_taker.merge(facilitator.handout(session.id))
    store.apply(tables.remove_table(store, table_3(facilitator, session.id)))
    parsed = parse("notée =3")
    note_taker.store.apply(board.capture_parsed(note_taker.store, session.id, parsed))
    facilitator.merge(note_taker.handout(session.id))
    (card,) = [c for c in board.session_cards(store, session.id) if c.text == "notée"]
    assert card.table_id == tables.table_id(session.id, 3)
    assert store.get(Table, card.table_id).deleted  # the deletion won; the card kept its link
    assert store.get(Card, card.id).table_id == card.table_id


def test_live_peers_typing_the_same_table_share_it() -> None:
    """Live sync uses the same engine: two laptops typing ``=3`` before they hear of each
    other end up with one « Table 3 »."""
    from fabrique_desktop import sync

    facilitator, session = Laptop.facilitator(cards=0)
    peer = Laptop()
    peer.merge(facilitator.handout(session.id))
    engines = {
        laptop: sync.SessionSync(laptop.store, laptop.journal, session.id)
        for laptop in (facilitator, peer)
    }
    updates = {}
    for laptop, word in ((facilitator, "projecteur"), (peer, "preneur")):
        laptop.store.apply(board.capture_parsed(laptop.store, session.id, parse(f"{word} =3")))
        updates[laptop] = engines[laptop].flush()
    assert engines[facilitator].receive(updates[peer]).conflicts == 0
    assert engines[peer].receive(updates[facilitator]).conflicts == 0
    assert facilitator.snapshot(session.id) == peer.snapshot(session.id)
    (table,) = tables.session_tables(facilitator.store, session.id)
    assert {c.table_id for c in board.session_cards(facilitator.store, session.id)} == {table.id}
