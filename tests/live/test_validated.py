"""A laptop that knows the code sends what the app would refuse in a file: the same validator
refuses it (``sync.check_document``, via ``EngineDoc.apply_remote``), nothing changes on the
facilitator's laptop, nothing is passed on, the refusal is logged in French, and the laptop is
told it was refused and stops.

Real engines and databases on both sides, in one process; the note-taker's document is written
directly (``SessionDoc.write``), as a modified Fabrique would.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from db.store import Store
from db.sync_store import SyncJournal
from fabrique_desktop import board, tables
from fabrique_desktop.live import events, protocol
from fabrique_desktop.live.client import fetch_copy
from fabrique_desktop.live.engine import EngineDoc, import_copy, make_copy
from fabrique_desktop.live.link import LiveLink
from fabrique_desktop.model import Card, Series, Session, Table
from fabrique_desktop.workspace import ensure_first_use, list_series, list_sessions
from tests.live.docs import MapDoc
from tests.live.test_link import CODE, LOOPBACK, pump_until

pytest.importorskip(
    "fabrique_desktop.validation", reason="the trust-boundary validator (issue 14) is not here yet"
)

MARKER = "PIRATE-7f3a"


@dataclass
class Laptop:
    store: Store
    engine: EngineDoc
    session: Session
    link: LiveLink | None = None


def open_store(path: Path) -> tuple[Store, SyncJournal]:
    path.mkdir(parents=True, exist_ok=True)
    store = Store.open(path / "fabrique.db")
    return store, SyncJournal(store)


@pytest.fixture
def room(tmp_path: Path) -> Iterator[tuple[Laptop, Laptop, LiveLink, MapDoc]]:
    """The facilitator sharing atelier 3, a note-taker that joined with its copy, and a
    second note-taker (a plain document) that sees what the facilitator passes on."""
    store, journal = open_store(tmp_path / "host")
    series = ensure_first_use(store) or list_series(store)[0]
    ateliers = list_sessions(store, series.id)
    session = next(s for s in ateliers if s.number == 3)
    elsewhere = next(s for s in ateliers if s.number == 1)
    store.apply(board.capture(store, elsewhere.id, "Une idée de l'atelier 1"))
    store.apply(tables.add_tables(store, elsewhere.id, 1))
    engine = EngineDoc(store, journal, session.id)
    link = LiveLink.share(engine, host=LOOPBACK, code=CODE, session_id=session.id)
    link.server.copy = make_copy(store, journal, session)
    host = Laptop(store, engine, session, link)

    nstore, njournal = open_store(tmp_path / "note")
    _, copy = fetch_copy(LOOPBACK, link.server.port, CODE, "Table 1")
    nsession = import_copy(nstore, njournal, copy)
    nengine = EngineDoc(nstore, njournal, nsession.id)
    note = Laptop(nstore, nengine, nsession)
    note.link = LiveLink.join(
        nengine, host=LOOPBACK, port=link.server.port, code=CODE, name="Table 1",
        peer_id="table-1", session_id=nsession.id,
    )  # fmt: skip
    other = MapDoc()
    watcher = LiveLink.join(other, host=LOOPBACK, port=link.server.port, code=CODE, name="Table 2")
    links = [link, note.link, watcher]
    pump_until(links, lambda: len(link.peers) == 2 and note.link.connected, timeout=20)
    pump_until(links, lambda: len(other.doc.get_update()) > 10_000, timeout=20)
    try:
        yield host, note, watcher, other
    finally:
        for each in links:
            each.close()
        store.close()
        nstore.close()


def rows(store: Store) -> list[tuple[Any, ...]]:
    """Every card and session of every atelier, as stored."""
    cards = sorted((c.id, c.session_id, c.text, c.position, c.column) for c in store.iter_all(Card))
    sessions = sorted((s.id, s.series_id, s.title, s.number) for s in store.iter_all(Session))
    return cards + sessions


def another_atelier(store: Store, session: Session) -> Session:
    return next(s for s in list_sessions(store, session.series_id) if s.number == 1)


def a_card(store: Store, session_id: str) -> Card:
    return next(c for c in store.iter_all(Card, session_id=session_id) if c.deleted_at is None)


def crafted(kind: str, host: Laptop, note: Laptop) -> list[tuple[str, str, dict[str, Any]]]:
    mine = a_card(note.store, note.session.id)
    if kind == "card moved to another atelier":
        elsewhere = another_atelier(host.store, host.session)
        return [("cards", mine.id, {"session_id": elsewhere.id, "text": MARKER})]
    if kind == "another atelier's card taken over":
        theirs = a_card(host.store, another_atelier(host.store, host.session).id)
        record = {**theirs.to_record(), "session_id": note.session.id, "text": MARKER}
        return [("cards", theirs.id, record)]
    if kind == "idea pointing to another atelier's table":
        table = host.store.find(Table, session_id=another_atelier(host.store, host.session).id)[0]
        return [("cards", mine.id, {"text": MARKER, "table_id": table.id})]
    if kind == "idea merged into another atelier's idea":
        theirs = a_card(host.store, another_atelier(host.store, host.session).id)
        return [("cards", mine.id, {"text": MARKER, "merged_into": theirs.id})]
    if kind == "atelier moved into another series":
        series = Series(title="Une autre série")
        host.store.put_many([series])
        return [("sessions", note.session.id, {"series_id": series.id, "title": MARKER})]
    if kind == "text over the limit":
        return [("cards", mine.id, {"text": MARKER + "x" * 6000})]
    if kind == "position not a number":
        return [("cards", mine.id, {"text": MARKER, "position": float("nan")})]
    if kind == "5 000 themes":
        return [("cards", mine.id, {"text": MARKER, "tags": [f"t{i}" for i in range(5000)]})]
    if kind == "colour not a colour":
        return [("cards", mine.id, {"text": MARKER, "colour": "#FFFFFF\n"})]
    raise AssertionError(kind)


@pytest.mark.parametrize(
    "kind",
    [
        "card moved to another atelier",
        "another atelier's card taken over",
        "idea pointing to another atelier's table",
        "idea merged into another atelier's idea",
        "atelier moved into another series",
        "text over the limit",
        "position not a number",
        "5 000 themes",
        "colour not a colour",
    ],
)
def test_what_a_file_import_refuses_is_refused_live_and_changes_nothing(
    room: tuple[Laptop, Laptop, LiveLink, MapDoc], kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    host, note, watcher, other = room
    assert host.link is not None
    assert note.link is not None
    before, state = rows(host.store), host.engine.doc.get_state()
    with caplog.at_level(logging.WARNING, "fabrique_desktop.live"):
        note.engine.sync.doc.write(crafted(kind, host, note))  # sent as it is written
        links = [host.link, note.link, watcher]
        pump_until(links, lambda: note.link.ended != "", timeout=10)
    assert note.link.ended == "rejected"
    assert "refusé des données" in events.refusal_message(note.link.ended)
    assert rows(host.store) == before
    assert host.engine.doc.get_state() == state  # not even in the document
    assert host.link.bad_messages == 1
    assert MARKER.encode() not in other.doc.get_update()  # not passed on
    refusal = next(r for r in caplog.records if "unusable message" in r.getMessage())
    reason = refusal.getMessage().partition("(update: ")[2]  # the validator's French sentence
    assert any(word in reason for word in ("atelier", "Mise à jour", "invalide", "dépasse"))
    # the facilitator and the other note-taker go on
    other.write("ok", text="toujours là")
    watcher.local_changed()
    pump_until([host.link, watcher], lambda: "table-1" not in host.link.peers)
    assert len(host.link.peers) == 1


WARMED = """
import sys, tempfile, threading
from pathlib import Path
from db.store import Store
from db.sync_store import SyncJournal
from fabrique_desktop.live.engine import EngineDoc
from fabrique_desktop.workspace import ensure_first_use, list_sessions

store = Store.open(Path(tempfile.mkdtemp()) / "fabrique.db")
session = list_sessions(store, ensure_first_use(store).id)[0]
before = "fabrique_desktop.validation" in sys.modules
EngineDoc(store, SyncJournal(store), session.id)
for thread in threading.enumerate():
    if thread.name == "fabrique-warm-checks":
        thread.join(30)
print(before, "fabrique_desktop.validation" in sys.modules)
"""


def test_the_validator_is_prepared_in_the_background_when_sharing_starts() -> None:
    """Importing it (pydantic, the schemas) takes 0.1–0.5 s: not on the first peer update."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", WARMED], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.split() == ["False", "True"], result.stderr[-2000:]


def test_a_peer_found_bad_is_not_read_again_before_it_is_gone(
    room: tuple[Laptop, Laptop, LiveLink, MapDoc],
) -> None:
    """The host drops a note-taker whose update is unusable; the drop goes through the
    network thread, and a second message of that laptop already received was read too
    (bad_messages 2 in a fresh-clone run of the test above). Found bad, a peer's other
    messages are not read until it joins again."""
    host, _note, _watcher, _other = room
    assert host.link is not None
    peer = next(iter(host.link.peers))  # the note-taker
    host.link._apply([(peer, b"\xff\x01 not an update"), (peer, b"\xfe\x02 nor this")])
    assert host.link.bad_messages == 1
    host.link._sync(peer, protocol.SYNC_UPDATE, b"\xfd\x03 still not")
    assert host.link.bad_messages == 1


def test_what_a_dropped_peer_sent_before_the_drop_is_thrown_away_unread(
    room: tuple[Laptop, Laptop, LiveLink, MapDoc],
) -> None:
    """The host drops a laptop found sending something unusable: what it sent before, still
    waiting in the inbox, is thrown away there (``Inbox.forget``), never read nor refused."""
    host, _note, _watcher, _other = room
    link = host.link
    assert link is not None
    peer = next(iter(link.peers))
    waiting = (protocol.SYNC_UPDATE, b"\xfd\x03 received before the drop")
    link.inbox.put(events.Event(events.SYNC, peer, waiting))
    link._apply([(peer, b"\xff\x01 not an update")])  # found bad: dropped
    assert link.bad_messages == 1
    left = []
    while (event := link.inbox.get()) is not None:
        left.append(event)
    link.inbox.done()
    assert [e.data for e in left if e.kind == events.SYNC and e.peer == peer] == []
