"""A merge computes one change and hands it to the writer it is given (issue 25): it writes
nothing itself, so a refused write (a full disk) leaves the database exactly as it was."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fabrique_desktop import board, bundle, sync
from fabrique_desktop.changes import Change, Mode
from fabrique_desktop.errors import StorageError
from fabrique_desktop.model import Card
from tests.core.sync_helpers import Laptop

FULL = "Le disque est plein : rien n'a été enregistré."


def _copy_with_new_ideas(facilitator: Laptop, session_id: str, count: int) -> str:
    note_taker = Laptop()
    note_taker.merge(facilitator.handout(session_id))
    for i in range(count):
        note_taker.store.apply(board.capture(note_taker.store, session_id, f"note {i}"))
    return note_taker.handout(session_id)


def test_a_merge_refused_by_its_writer_leaves_everything_as_it_was() -> None:
    facilitator, session = Laptop.facilitator(cards=3)
    back = _copy_with_new_ideas(facilitator, session.id, 2)
    facilitator.store.apply(board.capture(facilitator.store, session.id, "pas encore copiée"))
    before = facilitator.dump()
    handed: list[Change] = []

    def full(change: Change) -> None:
        handed.append(change)
        raise StorageError(FULL)

    with pytest.raises(StorageError, match="disque est plein"):
        sync.import_bundle(facilitator.store, facilitator.journal, bundle.from_json(back), "", full)
    assert facilitator.dump() == before  # no row, no journal update, no dirty mark cleared
    (change,) = handed  # one change: the local catching-up, the merge, its rows
    assert change.journal is not None
    assert len(change.journal.updates) == 2
    assert {e.mode for e in change.edits} == {Mode.DOCUMENT}
    assert len(change.touched(Card.kind)) == 2

    summary = facilitator.merge(back)  # the same copy, written this time
    assert (summary.new, summary.conflicts) == (2, 0)
    texts = {c.text for c in facilitator.live_cards(session.id)}
    assert {"note 0", "note 1", "pas encore copiée"} <= texts


def test_a_live_engine_whose_write_failed_merges_the_next_update_whole() -> None:
    """The engine's document held what was not written: it is read again, never trusted."""
    facilitator, session = Laptop.facilitator(cards=2)
    peer = Laptop()
    peer.merge(facilitator.handout(session.id))
    refuse = [True]

    def write(change: Change) -> None:
        if refuse[0]:
            raise StorageError(FULL)
        facilitator.store.apply(change)

    engine = sync.SessionSync(facilitator.store, facilitator.journal, session.id, write)
    peer_sync = sync.SessionSync(peer.store, peer.journal, session.id)
    peer_sync.flush()
    since = engine.doc.state_vector()
    peer.store.apply(board.capture(peer.store, session.id, "du pair"))
    update = peer_sync.flush()
    assert update is not None
    with pytest.raises(StorageError):
        engine.receive(peer_sync.doc.update(since), origin="live")
    assert "du pair" not in {c.text for c in facilitator.live_cards(session.id)}
    refuse[0] = False
    summary = engine.receive(peer_sync.doc.update(since), origin="live")
    assert summary.new == 1
    assert "du pair" in {c.text for c in facilitator.live_cards(session.id)}
    # both laptops end with one session
    peer.merge(facilitator.handout(session.id))
    facilitator.merge(peer.handout(session.id))
    assert facilitator.snapshot(session.id) == peer.snapshot(session.id)


ROOT = Path(__file__).resolve().parents[2]
ALLOWED = {
    "ui/change_bus.py",  # the bus, and its history's commands (``BusCommand._store``)
    "fabrique_desktop/workspace.py",  # the first start and tests (``ensure_first_use``)
}


def test_nothing_writes_the_store_but_the_bus_and_the_command_lines_root() -> None:
    """Issue 25's « done when »: ``store.apply`` (or a row or journal write) is called by the
    window's bus, the command line (``fabrique_desktop/cli/``, the composition root) and the
    first start only; every engine returns or hands over a ``Change``."""
    pattern = re.compile(
        r"\.apply\(|\bput_many\(|\bmaterialize\(|\bjournal\.(append|compact|clear_dirty|"
        r"add_conflicts|resolve_conflicts|reopen_conflicts)\("
    )
    found = []
    for folder in ("fabrique_desktop", "db", "exports", "ui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            name = str(path.relative_to(ROOT))
            if name in ALLOWED or name.startswith("fabrique_desktop/cli/"):
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                code = line.split("#", 1)[0]
                if code.lstrip().startswith("def "):  # the store's own methods
                    continue
                if pattern.search(code) and not re.search(r"\b(bus|_tally|trial)\.apply\(", code):
                    found.append(f"{name}:{number}: {line.strip()}")
    assert found == []
