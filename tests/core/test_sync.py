"""Offline merge between laptops: convergence, idempotence, tombstones, conflicts."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fabrique_desktop import board, card_fusion, grouping, groups, sync, votes
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Card, Table
from tests.core.sync_helpers import Laptop

COLUMNS = ["inbox", "vivre-mieux", "vivre-monde"]
TEXT = st.text(alphabet="abcdéœ« »' ", min_size=1, max_size=12).filter(str.strip)

OPS = st.one_of(
    st.tuples(st.just("capture"), TEXT),
    st.tuples(st.just("edit"), st.integers(0, 20), TEXT),
    st.tuples(st.just("move"), st.integers(0, 20), st.sampled_from(COLUMNS)),
    st.tuples(st.just("delete"), st.integers(0, 20)),
    # what the board really does: drops, dots, groups, card fusion
    st.tuples(
        st.just("place"),
        st.integers(0, 20),
        st.sampled_from(COLUMNS),
        st.integers(0, 6),
        st.booleans(),
    ),
    st.tuples(st.just("vote"), st.integers(0, 20), st.integers(0, 1), st.booleans()),
    st.tuples(st.just("group"), st.integers(0, 20), st.integers(0, 20), TEXT),
    st.tuples(st.just("ungroup"), st.integers(0, 20)),
    st.tuples(st.just("fuse"), st.integers(0, 20), st.integers(0, 20), TEXT),
    st.tuples(st.just("unfuse"), st.integers(0, 20)),
)


def play(laptop: Laptop, session_id: str, ops: list[tuple]) -> None:
    for op in ops:
        cards = laptop.live_cards(session_id)
        if op[0] == "capture":
            laptop.store.apply(board.capture(laptop.store, session_id, op[1]))
        elif not cards:
            continue
        elif op[0] == "edit":
            laptop.store.apply(board.edit(cards[op[1] % len(cards)], text=op[2]))
        elif op[0] == "move":
            card = cards[op[1] % len(cards)]
            laptop.store.apply(board.move(laptop.store, session_id, [card], op[2]))
        elif op[0] == "delete":
            laptop.store.apply(board.delete([cards[op[1] % len(cards)]]))
        else:
            try:
                change = _board_op(laptop, session_id, cards, op)
            except FabriqueError:  # refused as in the room (no dots left, two columns…)
                continue
            laptop.store.apply(change)


def _board_op(laptop: Laptop, session_id: str, cards: list[Card], op: tuple):
    store = laptop.store
    shown = [c for c in cards if c.merged_into is None]
    if not shown:
        raise FabriqueError("rien au tableau")
    card = shown[op[1] % len(shown)]
    if op[0] == "place":
        in_column = grouping.column_order(store, session_id, op[2])[0]
        index = op[3] % (len(in_column) + 1)
        group = next((c.cluster_id for c in in_column if c.cluster_id), None) if op[4] else None
        return grouping.place(store, session_id, [card], op[2], index, group)
    if op[0] == "vote":
        voters = sorted(store.find(Table, session_id=session_id), key=lambda t: t.number)
        if not voters:
            raise FabriqueError("pas de table pour voter")
        voter = voters[op[2] % len(voters)].id
        if op[3]:
            return votes.add_dot(store, session_id, [card.id], voter)
        return votes.remove_dot(store, session_id, [card.id], voter)
    if op[0] == "group":
        other = shown[op[2] % len(shown)]
        return groups.group(store, [card] if other.id == card.id else [card, other], op[3])
    if op[0] == "ungroup":
        return groups.ungroup_selection(store, [card])
    if op[0] == "fuse":
        other = shown[op[2] % len(shown)]
        return card_fusion.fuse([card, other] if other.id != card.id else [card], op[3])
    return card_fusion.unfuse_selection(store, [card])[0]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_order_of_merges_converges_and_repeats_are_no_ops(data) -> None:
    facilitator, session = Laptop.facilitator()
    facilitator.store.apply(votes.add_tables(facilitator.store, session.id, 2))
    base = facilitator.handout(session.id)
    laptops = [facilitator]
    for _ in range(3):
        laptop = Laptop()
        laptop.merge(base)
        laptops.append(laptop)
    for laptop in laptops:
        play(laptop, session.id, data.draw(st.lists(OPS, max_size=6)))
    copies = [laptop.handout(session.id) for laptop in laptops]

    receivers = [Laptop(), Laptop()]
    for receiver in receivers:
        for text in data.draw(st.permutations(copies)):
            receiver.merge(text)
    # and every laptop merges every other copy, in its own order
    for i, laptop in enumerate(laptops):
        others = copies[i + 1 :] + copies[:i]
        for text in data.draw(st.permutations(others)):
            laptop.merge(text)

    expected = receivers[0].snapshot(session.id)
    for laptop in [receivers[1], *laptops]:
        assert laptop.snapshot(session.id) == expected
    # nothing lost: every card created anywhere is there (live or tombstoned)
    created = set().union(*({c.id for c in laptop.cards(session.id)} for laptop in laptops))
    assert {c["id"] for c in expected["cards"]} == created
    # merging any copy again changes nothing
    again = receivers[0].merge(data.draw(st.sampled_from(copies)))
    assert (again.new, again.updated, again.conflicts) == (0, 0, 0)
    assert receivers[0].snapshot(session.id) == expected


@settings(max_examples=20, deadline=None)
@given(text=TEXT, deleter_first=st.booleans(), column=st.sampled_from(COLUMNS))
def test_a_deletion_wins_over_an_edit_made_elsewhere(text, deleter_first, column) -> None:
    facilitator, session = Laptop.facilitator()
    base = facilitator.handout(session.id)
    deleter, editor = Laptop(), Laptop()
    deleter.merge(base)
    editor.merge(base)
    target = facilitator.live_cards(session.id)[0]
    deleter.store.apply(board.delete([deleter.store.get(Card, target.id)]))
    card = editor.store.get(Card, target.id)
    editor.store.apply(board.edit(card, text=text, column=column))
    copies = [deleter.handout(session.id), editor.handout(session.id)]
    for text_ in copies if deleter_first else reversed(copies):
        summary = facilitator.merge(text_)
        assert summary.conflicts == 0
    merged = facilitator.store.get(Card, target.id)
    assert merged.deleted
    assert merged.text == text  # the edit is kept inside the tombstone
    assert target.id not in {c.id for c in facilitator.live_cards(session.id)}


@settings(max_examples=15, deadline=None)
@given(a=TEXT, b=TEXT)
def test_the_same_card_edited_on_two_laptops_is_a_conflict_resolved_the_same_everywhere(
    a, b
) -> None:
    facilitator, session = Laptop.facilitator()
    base = facilitator.handout(session.id)
    one, two = Laptop(), Laptop()
    one.merge(base)
    two.merge(base)
    target = facilitator.live_cards(session.id)[0]
    one.store.apply(board.edit(one.store.get(Card, target.id), text=a))
    two.store.apply(board.edit(two.store.get(Card, target.id), text=b))
    copies = [one.handout(session.id), two.handout(session.id)]
    first, second = Laptop(), Laptop()
    counts = [sum(first.merge(t).conflicts for t in copies)]
    counts.append(sum(second.merge(t).conflicts for t in reversed(copies)))
    kept = {first.store.get(Card, target.id).text, second.store.get(Card, target.id).text}
    assert len(kept) == 1
    if a == b:
        assert counts == [0, 0]
        return
    assert counts == [1, 1]
    (conflict,) = first.conflicts(session.id)
    assert conflict.field == "text"
    assert set(conflict.versions) == {a, b}
    assert conflict.kept == kept.pop()
    # the facilitator chooses the other version: it wins everywhere, the conflict is closed
    other = b if conflict.kept == a else a
    sync.SessionSync(first.store, first.journal, session.id).resolve(conflict, other)
    assert first.store.get(Card, target.id).text == other
    assert first.conflicts(session.id) == []
    resolved = first.handout(session.id)
    for laptop in (second, one, two):
        summary = laptop.merge(resolved)
        assert summary.conflicts == 0
        assert laptop.store.get(Card, target.id).text == other
    # bringing an old copy back re-opens nothing
    assert first.merge(copies[0]).conflicts == 0
    assert first.conflicts(session.id) == []


def test_edits_of_different_fields_of_one_card_both_survive() -> None:
    facilitator, session = Laptop.facilitator()
    base = facilitator.handout(session.id)
    note_taker = Laptop()
    note_taker.merge(base)
    target = facilitator.live_cards(session.id)[0]
    note_taker.store.apply(board.edit(note_taker.store.get(Card, target.id), text="précisée"))
    facilitator.store.apply(
        board.move(facilitator.store, session.id, [facilitator.store.get(Card, target.id)], "v")
    )
    summary = facilitator.merge(note_taker.handout(session.id))
    assert (summary.new, summary.updated, summary.conflicts) == (0, 1, 0)
    card = facilitator.store.get(Card, target.id)
    assert (card.text, card.column) == ("précisée", "v")


def test_three_note_takers_and_the_facilitator_converge_with_nothing_lost(tmp_path) -> None:
    from fabrique_desktop.tables import add_tables, session_tables

    facilitator, session = Laptop.facilitator(tmp_path / "animateur" / "fabrique.db", cards=10)
    facilitator.store.apply(add_tables(facilitator.store, session.id, 3))
    tables = session_tables(facilitator.store, session.id)
    note_takers = []
    for table in tables:
        laptop = Laptop(tmp_path / f"table-{table.number}" / "fabrique.db")
        copy = facilitator.handout(session.id, {"table_id": table.id})
        summary = laptop.merge(copy)
        assert summary.new >= 13  # ten ideas and three tables
        note_takers.append((laptop, table))
    # the round: each table's note-taker types ideas; the facilitator sorts and tidies
    for laptop, table in note_takers:
        for i in range(5):
            laptop.store.apply(
                board.capture(
                    laptop.store, session.id, f"table {table.number} : idée {i}", table_id=table.id
                )
            )
    first = facilitator.live_cards(session.id)[0]
    facilitator.store.apply(board.move(facilitator.store, session.id, [first], "vivre-mieux"))
    facilitator.store.apply(board.delete([facilitator.live_cards(session.id)[1]]))
    # the note-taker of table 1 corrects a starting idea the facilitator does not touch
    one, _ = note_takers[0]
    third = one.store.get(Card, facilitator.live_cards(session.id)[2].id)
    one.store.apply(board.edit(third, text="idée de départ corrigée"))

    totals = [0, 0, 0]
    for laptop, _ in note_takers:
        summary = facilitator.merge(laptop.handout(session.id))
        totals = [
            t + n
            for t, n in zip(totals, (summary.new, summary.updated, summary.conflicts), strict=True)
        ]
    assert totals == [15, 1, 0]
    final = facilitator.handout(session.id)
    for laptop, _ in note_takers:
        laptop.merge(final)
    expected = facilitator.snapshot(session.id)
    for laptop, _ in note_takers:
        assert laptop.snapshot(session.id) == expected
    live = facilitator.live_cards(session.id)
    assert len(live) == 10 - 1 + 15
    for _, table in note_takers:
        assert sum(1 for c in live if c.table_id == table.id) == 5
    assert facilitator.store.get(Card, third.id).text == "idée de départ corrigée"
    assert facilitator.store.get(Card, first.id).column == "vivre-mieux"
    for laptop in [facilitator, *(n for n, _ in note_takers)]:
        laptop.close()


def test_the_first_copy_of_a_session_that_predates_sync_holds_everything(
    store, demo_session
) -> None:
    from db.sync_store import SyncJournal

    copy = sync.handout_bundle(store, SyncJournal(store), demo_session)
    receiver = Laptop()
    summary = sync.import_bundle(receiver.store, receiver.journal, copy)
    assert summary.new == len(list(store.iter_all(Card, session_id=demo_session.id)))
    assert receiver.store.count(Card, session_id=demo_session.id) == store.count(
        Card, session_id=demo_session.id
    )


def test_merge_counts_are_the_same_in_any_order() -> None:
    facilitator, session = Laptop.facilitator()
    base = facilitator.handout(session.id)
    copies = []
    for n in range(3):
        laptop = Laptop()
        laptop.merge(base)
        for i in range(n + 1):
            laptop.store.apply(board.capture(laptop.store, session.id, f"idée {n}.{i}"))
        copies.append(laptop.handout(session.id))
    finals = set()
    for order in itertools.permutations(copies):
        receiver = Laptop()
        receiver.merge(base)
        new = sum(receiver.merge(t).new for t in order)
        assert new == 6
        finals.add(repr(receiver.snapshot(session.id)))
    assert len(finals) == 1


def test_live_updates_from_flush_and_receive_converge_and_survive_compaction(monkeypatch) -> None:
    monkeypatch.setattr(sync, "COMPACT_AFTER", 3)
    facilitator, session = Laptop.facilitator()
    peer = Laptop()
    peer.merge(facilitator.handout(session.id))
    engines = {
        laptop: sync.SessionSync(laptop.store, laptop.journal, session.id)
        for laptop in (facilitator, peer)
    }
    for i in range(8):
        for laptop, other in ((facilitator, peer), (peer, facilitator)):
            laptop.store.apply(board.capture(laptop.store, session.id, f"{i} en direct"))
            update = engines[laptop].flush()
            assert update is not None
            engines[other].receive(update)
    assert facilitator.snapshot(session.id) == peer.snapshot(session.id)
    assert len(facilitator.live_cards(session.id)) == 4 + 16
    stored = facilitator.journal.load(session.id)
    assert len(stored) <= 4  # compacted
    reloaded = sync.SessionSync(facilitator.store, facilitator.journal, session.id)
    assert reloaded.doc.texts() == engines[facilitator].doc.texts()
    assert reloaded.flush() is None  # nothing left to mirror
