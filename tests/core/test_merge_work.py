"""What a merge does no more than once (issue 28: the 2000-into-2000 merge within 4× a plain
load and insert)."""

from __future__ import annotations

import base64
import dataclasses
import gc
import hashlib
import json
from typing import Any

import pytest
from pycrdt import Map

from fabrique_desktop import board, bundle, crdt, sync, tables, validation
from fabrique_desktop.capture import parse
from fabrique_desktop.errors import BundleError
from fabrique_desktop.model import Card, Series
from tests.core.sync_helpers import Laptop
from tests.core.test_sync_refusals import refused, reseal


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


def test_a_copys_new_ideas_are_validated_once(monkeypatch) -> None:
    """The ideas a copy adds are in its rows (validated by ``bundle.from_json``) and in its
    document: the document's, exactly the same fields, are not validated again."""
    facilitator, session = Laptop.facilitator(cards=3)
    note_taker = Laptop()
    note_taker.merge(facilitator.handout(session.id))
    for i in range(5):
        note_taker.store.apply(board.capture(note_taker.store, session.id, f"note {i}"))
    parsed = bundle.from_json(note_taker.handout(session.id))
    checked: list[str] = []
    record = validation.record

    def counted(kind, data, what="Fichier d'atelier"):  # type: ignore[no-untyped-def]
        checked.append(kind)
        return record(kind, data, what)

    monkeypatch.setattr(validation, "record", counted)
    summary = sync.import_bundle(facilitator.store, facilitator.journal, parsed)
    assert summary.new == 5
    assert checked == []
    monkeypatch.undo()
    assert facilitator.snapshot(session.id) == note_taker.snapshot(session.id)


@pytest.mark.parametrize(
    ("field", "in_row", "in_document", "message"),
    [
        ("position", 1, True, "« position » doit être un nombre"),  # True == 1 in Python
        ("text", "une note", "une note\x07", "caractère"),
        ("tags", ["#a"], ["#a", 1], "tags"),
    ],
)
def test_a_document_unlike_its_rows_is_validated_whole(field, in_row, in_document, message) -> None:
    """A forged copy whose rows are sound but whose document gives a new idea other fields
    (equal to Python, ``True == 1``, or not at all) is checked and refused as before."""
    facilitator, session = Laptop.facilitator(cards=2)
    note_taker = Laptop()
    note_taker.merge(facilitator.handout(session.id))
    note_taker.store.apply(board.capture(note_taker.store, session.id, "une note"))
    card = next(c for c in note_taker.live_cards(session.id) if c.text == "une note")
    document = json.loads(note_taker.handout(session.id))
    forged = crdt.SessionDoc([base64.b64decode(document["crdt"]["update"])])
    root = forged.doc.get("cards", type=Map)
    root[f"{card.id}:{field}"] = json.dumps([in_document, {"9": 9}])
    document["crdt"]["update"] = base64.b64encode(forged.update()).decode()
    for row in document["entities"]["cards"]:
        if row["id"] == card.id:
            row[field] = in_row
    refused(facilitator, reseal(document), message)


def test_a_peers_update_is_merged_without_a_copy_of_the_document(monkeypatch) -> None:
    """Live sharing: each update a peer sends is applied to this laptop's document itself
    (``sync.absorb``), not to a copy of the whole document made for it (a 2000-idea
    document encoded and decoded again per update); the rows are as a copy would give,
    also of a kind the update brings first (here the atelier's first table)."""
    facilitator, session = Laptop.facilitator(cards=3)
    peer = Laptop()
    peer.merge(facilitator.handout(session.id))
    engine = sync.SessionSync(facilitator.store, facilitator.journal, session.id)
    peer_sync = sync.SessionSync(peer.store, peer.journal, session.id)
    engine.flush()
    peer_sync.flush()
    since = engine.doc.state_vector()
    peer.store.apply(board.capture_parsed(peer.store, session.id, parse("du pair =3")))
    peer_sync.flush()
    assert "tables" not in engine.doc.roots()
    made: list[int] = []
    whole: list[int] = []
    init, update = crdt.SessionDoc.__init__, crdt.SessionDoc.update

    def counted_init(self, updates=()):  # type: ignore[no-untyped-def]
        made.append(1)
        init(self, updates)

    def counted_update(self, since=None):  # type: ignore[no-untyped-def]
        if since is None:
            whole.append(1)
        return update(self, since)

    monkeypatch.setattr(crdt.SessionDoc, "__init__", counted_init)
    monkeypatch.setattr(crdt.SessionDoc, "update", counted_update)
    summary = engine.receive(peer_sync.doc.update(since), origin="live")
    monkeypatch.undo()
    assert (summary.new, summary.new_by_kind) == (2, {"tables": 1, "cards": 1})
    assert (made, whole) == ([], [])
    assert facilitator.snapshot(session.id) == peer.snapshot(session.id)
    assert [t.number for t in tables.session_tables(facilitator.store, session.id)] == [3]


@pytest.mark.parametrize(
    ("kind", "key", "value", "message"),
    [
        ("tables", "t1:number", "trois", r"une table \(t1\)"),
        ("tables", "t1:couleur", "bleu", "mal nommé"),
        ("inconnu", "x:y", 1, "données inconnues"),
    ],
)
def test_a_peers_update_bringing_a_new_kind_is_checked_whole(kind, key, value, message) -> None:
    """A kind this laptop's document does not hold yet, brought by a peer's update, is
    checked like the others: refused in French, nothing written, the document read again."""
    facilitator, session = Laptop.facilitator(cards=2)
    engine = sync.SessionSync(facilitator.store, facilitator.journal, session.id)
    engine.flush()
    assert kind not in engine.doc.roots()
    forged = crdt.SessionDoc()
    forged.doc.get(kind, type=Map)[key] = json.dumps([value, {"7": 1}])
    before = facilitator.dump()
    with pytest.raises(BundleError, match=message):
        engine.receive(forged.update(), origin="live")
    assert facilitator.dump() == before
    assert kind not in engine.doc.roots()  # the document was dropped, read again


def test_a_copys_new_ideas_are_parsed_once_and_own_their_lists(monkeypatch) -> None:
    """An idea new here whole (every field added by the merge: ``Sides.fresh``) is written
    from the values ``check_document`` parsed for it, not parsed again cell by cell; two
    ideas with the same tags (one cell text, parsed once) still get a list each."""
    facilitator, session = Laptop.facilitator(cards=2)
    note_taker = Laptop()
    note_taker.merge(facilitator.handout(session.id))
    for i in range(5):
        note_taker.store.apply(
            board.capture_parsed(note_taker.store, session.id, parse(f"n{i} #vélo"))
        )
    parsed = bundle.from_json(note_taker.handout(session.id))
    again: list[str] = []
    value = sync._value

    def counted(text, parsed):  # type: ignore[no-untyped-def]
        again.append(text)
        return value(text, parsed)

    changes: list[Any] = []

    def write(change):  # type: ignore[no-untyped-def]
        changes.append(change)
        facilitator.store.apply(change)

    monkeypatch.setattr(sync, "_value", counted)
    summary = sync.import_bundle(facilitator.store, facilitator.journal, parsed, write=write)
    monkeypatch.undo()
    assert (summary.new, again) == (5, [])
    tags = [e.after["tags"] for e in changes[0].edits if e.kind == "cards"]
    assert tags == [["#vélo"]] * 5
    assert len({id(t) for t in tags}) == 5  # one list each: none shared between rows
    assert facilitator.snapshot(session.id) == note_taker.snapshot(session.id)


def _forged_new_idea(field: str, value: Any) -> tuple[Laptop, str]:
    """A facilitator, and a resealed copy whose document (not its rows) holds one more idea,
    every field of it present (new here whole), one of them ``field`` = ``value``."""
    facilitator, session = Laptop.facilitator(cards=2)
    note_taker = Laptop()
    note_taker.merge(facilitator.handout(session.id))
    document = json.loads(note_taker.handout(session.id))
    forged = crdt.SessionDoc([base64.b64decode(document["crdt"]["update"])])
    record = Card(session_id=session.id, text="ajoutée en douce").to_record()
    entity_id = record["id"] if field != "id" else value
    record[field] = value
    root = forged.doc.get("cards", type=Map)
    for name, cell in record.items():
        root[f"{entity_id}:{name}"] = json.dumps([cell, {"9": 1}])
    document["crdt"]["update"] = base64.b64encode(forged.update()).decode()
    return facilitator, reseal(document)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("id", "mal nommée !", "mal nommé"),
        ("session_id", "un-autre-atelier", "appartient à un autre atelier"),
        ("text", "x" * (sync.MAX_CELL_CHARS + 1), "trop longue"),
        ("text", "une note\x07", "caractère"),
        ("position", True, "« position » doit être un nombre"),
        ("tags", [["#imbriqué"]], "mal formée"),
    ],
)
def test_an_idea_new_here_whole_is_checked_like_any_other(field, value, message) -> None:
    """The shortcut for an entity new here whole (``Sides.fresh``) checks what the cell by
    cell path checks: its id, each cell, the whole entity against its schema, its owner."""
    facilitator, forged = _forged_new_idea(field, value)
    refused(facilitator, forged, message)


def test_a_copys_new_ideas_references_are_checked_once(monkeypatch) -> None:
    """A new idea exactly as in the copy's rows had its references checked with the rows
    (``validation.check_ownership``): the merge does not look at them again."""
    facilitator, session = Laptop.facilitator(cards=2)
    note_taker = Laptop()
    note_taker.merge(facilitator.handout(session.id))
    for i in range(5):
        note_taker.store.apply(board.capture(note_taker.store, session.id, f"note {i}"))
    parsed = bundle.from_json(note_taker.handout(session.id))
    new = {c.id for c in note_taker.live_cards(session.id)} - {
        c.id for c in facilitator.live_cards(session.id)
    }
    looked: list[str] = []
    references = validation.references

    def counted(entity, names=None):  # type: ignore[no-untyped-def]
        looked.append(entity.id)
        return references(entity, names)

    monkeypatch.setattr(validation, "references", counted)
    summary = sync.import_bundle(facilitator.store, facilitator.journal, parsed)
    monkeypatch.undo()
    assert summary.new == 5
    assert sorted(i for i in looked if i in new) == sorted(new)  # once each, with the rows


@pytest.mark.parametrize("update", ["AAAA!", "AA AA", "AAA\\nA", 'AA"A', "AAAAé", "=AAA"])
def test_a_copys_checksum_and_document_read_as_written(update) -> None:
    """The checksum hashes a base64 document text as it is (``_plain_base64``: decoded once,
    strictly, so no other look at its characters): the same digest as its canonical JSON;
    any other text is read as before, resealed then refused as unreadable."""
    facilitator, session = Laptop.facilitator(cards=2)
    document = json.loads(facilitator.handout(session.id))
    body = {k: document[k] for k in ("series", "session", "entities", "crdt", "handout")}
    plain = bundle._plain_base64(body["crdt"])
    assert plain is not None
    assert plain[1] == base64.b64decode(body["crdt"]["update"])
    canonical = bundle._canonical(body).encode("utf-8")
    assert bundle._checksum(body, plain[0]) == hashlib.sha256(canonical).hexdigest()
    assert bundle._checksum(body) == hashlib.sha256(canonical).hexdigest()
    document["crdt"]["update"] = update
    assert bundle._plain_base64(document["crdt"]) is None
    with pytest.raises(BundleError, match="illisible"):
        bundle.from_json(reseal(document))
