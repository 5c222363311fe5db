"""A merge reads only the keys where two documents differ (``sync.compare``, issue 28): on
random edits of two laptops, what it writes — rows, counts, conflicts — is what reading both
documents whole gives (the former way, written out here)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fabrique_desktop import board, bundle, sync
from fabrique_desktop.crdt import QUIET_FIELDS, Cell, SessionDoc, concurrent
from fabrique_desktop.model import ENTITY_TYPES
from tests.core.sync_helpers import Laptop

Texts = dict[str, dict[str, Any]]
ACTS = st.lists(
    st.tuples(
        st.sampled_from(["facilitator", "note"]),
        st.sampled_from(["capture", "text", "move", "delete", "tag"]),
        st.integers(0, 40),
    ),
    max_size=14,
)


def act(laptop: Laptop, session_id: str, what: str, n: int) -> None:
    cards = laptop.live_cards(session_id)
    if what == "capture" or not cards:
        laptop.store.apply(board.capture(laptop.store, session_id, f"idée {n}"))
        return
    card = cards[n % len(cards)]
    change = {
        "text": lambda: board.edit(card, text=f"texte {n % 3}"),
        "move": lambda: board.edit(card, position=float(n)),
        "delete": lambda: board.delete([card]),
        "tag": lambda: board.edit(card, tags=[f"#t{n % 2}"]),
    }[what]()
    laptop.store.apply(change)


def document(laptop: Laptop, session_id: str) -> Texts:
    engine = sync.SessionSync(laptop.store, laptop.journal, session_id)
    engine.flush()
    return engine.doc.texts()


def entities(texts: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for key, text in texts.items():
        entity_id, _, name = key.rpartition(":")
        out.setdefault(entity_id, {})[name] = Cell.from_json(text).value
    return out


def conflicts_read_whole(mine: Texts, theirs: Texts, merged: Texts) -> set[tuple[Any, ...]]:
    """``sync.find_conflicts`` as it was: every key of the copy's document against this
    laptop's and the merged one."""
    found = set()
    for kind, raw in theirs.items():
        local, result = mine.get(kind, {}), merged.get(kind, {})
        for key, text in raw.items():
            here = local.get(key)
            if here is None or here == text:
                continue
            entity_id, _, name = key.rpartition(":")
            if name in QUIET_FIELDS:
                continue
            a, b = Cell.from_json(here), Cell.from_json(text)
            if a.value == b.value or not concurrent(a.version, b.version):
                continue
            tombstone = result.get(f"{entity_id}:deleted_at")
            if name != "deleted_at" and tombstone and Cell.from_json(tombstone).value:
                continue
            found.add((kind, entity_id, name, here, text, result.get(key)))
    return found


def merge_and_compare(receiver: Laptop, sender: Laptop, session_id: str) -> None:
    copy = sender.handout(session_id)
    mine = document(receiver, session_id)
    parsed = bundle.from_json(copy)
    assert parsed.crdt is not None
    theirs = SessionDoc([parsed.crdt]).texts()
    before = receiver.journal.conflicts(session_id, open_only=False)
    known = {
        (c["kind"], c["entity_id"], c["field"], frozenset((c["local"], c["remote"])))
        for c in before
    }

    summary = receiver.merge(copy)

    merged = document(receiver, session_id)
    new = updated = 0
    for kind, texts in merged.items():
        cls, old = ENTITY_TYPES[kind], mine.get(kind, {})
        changed = {key.rpartition(":")[0] for key, text in texts.items() if old.get(key) != text}
        existed = {key.rpartition(":")[0] for key in old}
        for entity_id, fields in entities(texts).items():
            row = receiver.store.get(cls, entity_id)
            assert row is not None
            assert row.to_record() == cls.from_record({**fields, "id": entity_id}).to_record()
            if kind != "sessions" and entity_id in changed:
                updated += entity_id in existed
                new += entity_id not in existed
    assert (summary.new, summary.updated) == (new, updated)
    expected = {
        c
        for c in conflicts_read_whole(mine, theirs, merged)
        if (*c[:3], frozenset(c[3:5])) not in known
    }
    after = receiver.journal.conflicts(session_id, open_only=False)
    added = {
        (c["kind"], c["entity_id"], c["field"], c["local"], c["remote"], c["kept"])
        for c in after
        if c["id"] not in {b["id"] for b in before}
    }
    assert added == expected
    assert summary.conflicts == len(expected)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(acts=ACTS, clash=st.sampled_from(["", "text", "deleted", "both"]), back=st.booleans())
def test_a_merge_writes_what_reading_both_documents_whole_gives(acts, clash, back) -> None:
    facilitator, session = Laptop.facilitator(cards=3)
    note = Laptop()
    note.merge(facilitator.handout(session.id))
    laptops = {"facilitator": facilitator, "note": note}
    if clash:  # the same card edited on both laptops: a conflict, or a deletion that wins
        first = facilitator.live_cards(session.id)[0]
        same = note.live_cards(session.id)[0]
        deleted = clash == "deleted"
        facilitator.store.apply(board.delete([first]) if deleted else board.edit(first, text="ici"))
        note.store.apply(board.edit(same, text="là-bas"))
        if clash == "both":
            facilitator.store.apply(board.edit(first, tags=["#ici"]))
            note.store.apply(board.edit(same, tags=["#là"]))
    for who, what, n in acts:
        act(laptops[who], session.id, what, n)
    merge_and_compare(facilitator, note, session.id)
    if back:
        merge_and_compare(note, facilitator, session.id)
        assert facilitator.snapshot(session.id) == note.snapshot(session.id)
