"""What a merge does no more than once (issue 28: the 2000-into-2000 merge within 4× a plain
load and insert)."""

from __future__ import annotations

import dataclasses
import gc
from typing import Any

from fabrique_desktop import board, bundle, crdt, sync
from fabrique_desktop.model import Card, Series
from tests.core.sync_helpers import Laptop


def test_a_merge_reads_no_document_whole(monkeypatch) -> None:
    """Neither this laptop's document nor the copy's is serialised whole (Yrs says which keys
    differ, on either side: ``sync.compare``), and the rows come out as a full re-read would
    give them."""
    facilitator, session = Laptop.facilitator(cards=3)
    note_taker = Laptop()
    note_taker.merge(facilitator.handout(session.id))
    for i in range(4):
        note_taker.store.apply(board.capture(note_taker.store, session.id, f"note {i}"))
    facilitator.store.apply(board.capture(facilitator.store, session.id, "ici pendant ce temps"))
    back = note_taker.handout(session.id)
    reads: list[int] = []
    raw = crdt.SessionDoc.raw

    def counted(self, kind):  # type: ignore[no-untyped-def]
        reads.append(1)
        return raw(self, kind)

    monkeypatch.setattr(crdt.SessionDoc, "raw", counted)
    summary = facilitator.merge(back)
    assert summary.new == 4
    assert reads == []
    monkeypatch.undo()
    facilitator.merge(facilitator.handout(session.id))  # brings nothing
    note_taker.merge(facilitator.handout(session.id))
    assert facilitator.snapshot(session.id) == note_taker.snapshot(session.id)


def test_a_merge_sets_off_no_garbage_collection_and_leaves_it_as_it_was(monkeypatch) -> None:
    """The tens of thousands of small dicts a big merge builds set off no collection while it
    computes (``sync.held_collection``: ~12 % of a 2000-idea merge), and collection is as it
    was afterwards: on (the command line) or off (the app, ``ui/gui_thread_gc.py``)."""
    facilitator, session = Laptop.facilitator(cards=3)
    note_taker = Laptop()
    note_taker.merge(facilitator.handout(session.id))
    for i in range(20):
        note_taker.store.apply(board.capture(note_taker.store, session.id, f"note {i}"))
    parsed = bundle.from_json(note_taker.handout(session.id))
    inside: list[bool] = [False]
    during: list[int] = []
    merge = sync.SessionSync._merge

    def noted(self, *args):  # type: ignore[no-untyped-def]
        inside[0] = True
        try:
            return merge(self, *args)
        finally:
            inside[0] = False

    def collected(phase: str, info: dict[str, Any]) -> None:
        if phase == "start" and inside[0]:
            during.append(info["generation"])

    monkeypatch.setattr(sync.SessionSync, "_merge", noted)
    thresholds = gc.get_threshold()
    gc.set_threshold(1, 1, 1)  # a collection at (nearly) every dict made, unless held
    gc.callbacks.append(collected)
    try:
        summary = sync.import_bundle(facilitator.store, facilitator.journal, parsed)
        assert gc.isenabled()
        gc.disable()
        again = sync.import_bundle(facilitator.store, facilitator.journal, parsed)
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.callbacks.remove(collected)
        gc.set_threshold(*thresholds)
    assert (summary.new, again.new) == (20, 0)
    assert during == []


def test_to_record_is_asdict_and_copies_lists() -> None:
    card = Card(session_id="s", text="une idée", tags=["#vélo"], value_keys=["v"])
    record = card.to_record()
    assert record == dataclasses.asdict(card)
    record["tags"].append("#autre")
    assert card.tags == ["#vélo"]
    series = Series(title="Acte 1", template={"columns": [{"key": "inbox"}]})
    nested = series.to_record()
    assert nested == dataclasses.asdict(series)
    nested["template"]["columns"].append({})
    assert series.template == {"columns": [{"key": "inbox"}]}
