"""Merging 2000 cards by bundle, vs plain JSON load + insert of the same cards (same run).

Run: .venv/bin/python -m pytest tests/bench/test_merge_speed.py -s
"""

from __future__ import annotations

import json
import time

from db.store import Store
from db.sync_store import SyncJournal
from fabrique_desktop import bundle, sync
from fabrique_desktop.changes import Change
from fabrique_desktop.model import Card
from fabrique_desktop.workspace import ensure_first_use, list_sessions
from tests.bench.ideas import many_ideas
from tests.bench.timing import report

CARDS = 2000
LIMIT = 25.0


def _cards(session_id: str, prefix: str) -> Change:
    return many_ideas(session_id, CARDS, prefix, tags=["#Mobilité"])


def _timed(run) -> tuple[float, object]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def test_merge_2000_cards(tmp_path) -> None:
    facilitator = Store.open(tmp_path / "f" / "fabrique.db")
    series = ensure_first_use(facilitator)
    session = list_sessions(facilitator, series.id)[0]
    facilitator.apply(_cards(session.id, "idée"))

    # baseline: a bundle of the same cards without the merge document, loaded and inserted
    plain = bundle.to_json(bundle.collect(facilitator, session))

    def baseline():
        store = Store.open(tmp_path / f"b{time.perf_counter_ns()}" / "fabrique.db")
        parsed = bundle.from_json(plain)
        store.put_many(parsed.all_entities(), track=False)
        store.close()

    base_time = min(_timed(baseline)[0] for _ in range(3))

    handout_time, copy = _timed(
        lambda: bundle.to_json(sync.handout_bundle(facilitator, SyncJournal(facilitator), session))
    )
    size = len(copy.encode("utf-8"))

    note_taker = Store.open(tmp_path / "n" / "fabrique.db")
    first_time, summary = _timed(
        lambda: sync.import_bundle(note_taker, SyncJournal(note_taker), bundle.from_json(copy))
    )
    assert summary.new == CARDS
    note_taker.apply(_cards(session.id, "note"))
    back = bundle.to_json(sync.handout_bundle(note_taker, SyncJournal(note_taker), session))
    merge_time, summary = _timed(
        lambda: sync.import_bundle(facilitator, SyncJournal(facilitator), bundle.from_json(back))
    )
    assert (summary.new, summary.conflicts) == (CARDS, 0)
    again_time, summary = _timed(
        lambda: sync.import_bundle(facilitator, SyncJournal(facilitator), bundle.from_json(back))
    )
    assert (summary.new, summary.updated) == (0, 0)
    assert facilitator.count(Card, session_id=session.id) == 2 * CARDS

    document = len(json.loads(copy)["crdt"]["update"]) * 3 / 4
    print(f"\nbundle of {CARDS} cards: {size / 1e6:.1f} MB (document {document / 1e6:.1f} MB)")
    print(f"first copy for a note-taker (document built from rows): {handout_time * 1000:.0f} ms")
    report(f"import of a {CARDS}-card copy on a new laptop", first_time, base_time, LIMIT)
    ratio = report(f"merge of {CARDS} new cards into {CARDS}", merge_time, base_time, LIMIT)
    print(f"the same merge again (no-op): {again_time * 1000:.0f} ms")
    assert ratio <= LIMIT
