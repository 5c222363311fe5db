"""Errors told apart: the machine's (disk full, read-only, no rights, corrupt, busy) get a calm
French message naming the cause and lose nothing; ours (a constraint, a misuse) are not
disguised. Decided by SQLite's error code, never by the message text."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from db import errors
from db.store import Store
from fabrique_desktop import board, changes
from fabrique_desktop.changes import Change
from fabrique_desktop.errors import StorageError
from fabrique_desktop.model import Card
from fabrique_desktop.workspace import ensure_first_use, list_sessions
from tests.disk import FullDisk, ReadOnlyFolder


def sqlite_error(code: int, text: str) -> sqlite3.Error:
    error = sqlite3.OperationalError(text)
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


def test_an_error_is_sorted_by_its_code_not_by_its_words(tmp_path) -> None:
    path = tmp_path / "fabrique.db"
    assert "Le disque est plein" in errors.message(path, sqlite_error(sqlite3.SQLITE_FULL, "?"))
    extended_busy = sqlite3.SQLITE_BUSY | (1 << 8)  # SQLITE_BUSY_RECOVERY
    assert "autre programme" in errors.message(path, sqlite_error(extended_busy, "?"))
    assert "endommagée" in errors.message(path, sqlite_error(sqlite3.SQLITE_NOTADB, "?"))
    assert "lecture seule" in errors.message(path, sqlite_error(sqlite3.SQLITE_READONLY, "?"))
    # words that look like the disk's, with a code that says it is our bug
    bug = sqlite_error(sqlite3.SQLITE_CONSTRAINT, "database or disk is full (readonly)")
    assert not errors.is_environment(bug)
    assert errors.storage_error(path, bug) is None
    # an error the sqlite3 module raises by itself (no code): a misuse, so ours
    assert not errors.is_environment(sqlite3.ProgrammingError("closed database"))


def test_a_programming_error_in_a_write_is_not_disguised(store, session) -> None:
    orphan = Card(session_id="no-such-session", text="x", column="inbox", position=1.0)
    with pytest.raises(sqlite3.IntegrityError) as raised:
        store.apply(Change("Un bogue", (changes.create(orphan),)))
    assert not isinstance(raised.value, StorageError)
    assert raised.value.sqlite_errorname == "SQLITE_CONSTRAINT_FOREIGNKEY"
    assert not store.conn.in_transaction  # rolled back: the next write goes through
    store.apply(board.capture(store, session.id, "Après le bogue"))
    assert [c.text for c in store.find(Card, session_id=session.id)] == ["Après le bogue"]


def _database_on(folder: Path) -> tuple[Path, str]:
    """A data folder's database with the demo series; the id of atelier 3 (87 cards)."""
    path = folder / "fabrique.db"
    store = Store.open(path)
    series = ensure_first_use(store)
    assert series is not None
    atelier = next(s for s in list_sessions(store, series.id) if s.number == 3)
    store.close()
    return path, atelier.id


def test_disk_full_is_named_and_loses_nothing(full_disk: FullDisk) -> None:
    path, atelier = _database_on(full_disk.root)
    store = Store.open(path)
    full_disk.fill()
    refused = None
    for n in range(200):  # the pages left free in the file are used first
        try:
            store.apply(board.capture(store, atelier, f"Idée {n} " + "mot " * 200))
        except StorageError as error:
            refused = error
            break
    assert refused is not None
    assert "Le disque est plein" in str(refused)
    assert "endommag" not in str(refused)
    written = store.count(Card, session_id=atelier)
    store.close()
    full_disk.free()
    again = Store.open(path)
    assert again.read_only is None
    assert again.count(Card, session_id=atelier) == written  # every idea said stored, stored
    again.close()


def test_a_full_disk_still_opens_the_data_to_read(full_disk: FullDisk) -> None:
    path, atelier = _database_on(full_disk.root)
    full_disk.fill()
    store = Store.open(path)  # the WAL index cannot be made: read-only, and said why
    assert store.read_only is not None
    assert "Le disque est plein" in store.read_only
    assert store.count(Card, session_id=atelier) == 87
    with pytest.raises(StorageError, match="Le disque est plein"):
        store.apply(board.capture(store, atelier, "Une de plus"))
    store.close()
    full_disk.free()
    again = Store.open(path)
    assert again.read_only is None
    assert again.count(Card, session_id=atelier) == 87
    again.close()


def test_a_read_only_mount_is_read_and_refuses_writes_by_name(
    read_only_folder: ReadOnlyFolder,
) -> None:
    _, atelier = _database_on(read_only_folder.source)
    before = (read_only_folder.source / "fabrique.db").read_bytes()
    store = Store.open(read_only_folder.root / "fabrique.db")
    assert store.read_only is not None
    assert "lecture seule" in store.read_only
    assert "endommag" not in store.read_only
    assert store.count(Card, session_id=atelier) == 87
    with pytest.raises(StorageError, match="lecture seule"):
        store.apply(board.capture(store, atelier, "Une de plus"))
    store.close()
    assert (read_only_folder.source / "fabrique.db").read_bytes() == before


def test_a_new_database_on_a_read_only_mount_is_refused_by_name(
    read_only_folder: ReadOnlyFolder,
) -> None:
    with pytest.raises(StorageError, match="lecture seule"):
        Store.open(read_only_folder.root / "data" / "fabrique.db")


def test_a_read_only_wal_holding_changes_is_not_skipped(
    read_only_folder: ReadOnlyFolder, tmp_path
) -> None:
    """The last edits of a laptop that was switched off are in the ``-wal`` file: read-only,
    they cannot be read without the index, and the file alone would show older data."""
    path, atelier = _database_on(tmp_path)
    store = Store.open(path)
    store.conn.execute("PRAGMA wal_autocheckpoint=0")
    store.apply(board.capture(store, atelier, "Dans le journal seulement"))
    for suffix in ("", "-wal"):  # copied while open: as after a power cut
        shutil.copyfile(f"{path}{suffix}", read_only_folder.source / f"fabrique.db{suffix}")
    store.close()
    assert (read_only_folder.source / "fabrique.db-wal").stat().st_size > 0
    with pytest.raises(StorageError, match=r"fabrique\.db-wal"):
        Store.open(read_only_folder.root / "fabrique.db")


def test_reads_of_a_damaged_page_are_told_not_disguised(data_dir, store, session) -> None:
    """get, find, count, iter_all, query and the sync journal's reads go through the same
    split as writes: a corrupt page is « endommagée », not « Erreur interne »."""
    import contextlib
    import sqlite3

    from db.sync_store import SyncJournal
    from fabrique_desktop import board
    from fabrique_desktop.model import Card

    for n in range(300):
        store.apply(board.capture(store, session.id, f"Idée {n} " + "x" * 200))
    card = store.find(Card, session_id=session.id)[0]
    store.close()
    conn = sqlite3.connect(data_dir.database)
    conn.execute("pragma wal_checkpoint(truncate)")
    root = conn.execute("select rootpage from sqlite_master where name = 'cards'").fetchone()[0]
    size = conn.execute("pragma page_size").fetchone()[0]
    conn.close()
    with data_dir.database.open("r+b") as f:  # the cards' root page: its header scrambled
        f.seek((root - 1) * size)
        f.write(b"\xff" * 12)
    damaged = Store.open(data_dir.database)
    reads = {
        "get": lambda: damaged.get(Card, card.id),
        "find": lambda: damaged.find(Card, session_id=session.id),
        # a count of what the cards' index holds is read from the index alone (0010): this
        # one reads the table
        "count": lambda: damaged.count(Card, text=card.text),
        "iter_all": lambda: list(damaged.iter_all(Card)),
        "query": lambda: damaged.query("select * from cards"),
        "get_fields": lambda: damaged.get_fields(Card, [card.id], ["text"]),
        "journal": lambda: SyncJournal(damaged).dirty(session.id, ["cards"]),
    }
    refused = []
    for name, read in reads.items():
        with contextlib.suppress(StorageError):
            read()
            continue
        refused.append(name)
    damaged.close()
    assert refused == list(reads)
