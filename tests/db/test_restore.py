"""Restoring cannot destroy: the chosen file is only read; empty, damaged, foreign and newer
files are refused before anything is written; an older version's copy is migrated as a copy;
the database is replaced in one transaction, under connections that stay open."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from db import migrations
from db.backups import Backups, Contents, check_candidate, list_backups, restore
from db.store import Store
from fabrique_desktop import board
from fabrique_desktop.errors import StorageError
from fabrique_desktop.model import Card, Session


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cards(store: Store, session: Session) -> list[str]:
    return sorted(c.text for c in store.find(Card, session_id=session.id))


@pytest.fixture
def backup(data_dir, store, session) -> Path:
    store.apply(board.capture(store, session.id, "dans la sauvegarde"))
    path = Backups(store, data_dir.backups).take()
    store.apply(board.capture(store, session.id, "après la sauvegarde"))
    return path


def _refused(candidate: Path, data_dir, store, session, match: str) -> None:
    before = candidate.read_bytes()
    database = _digest(data_dir.database)
    backups = list_backups(data_dir.backups)
    with pytest.raises(StorageError, match=match):
        restore(candidate, data_dir.database, data_dir.backups)
    assert candidate.read_bytes() == before  # the user's file is never written
    assert _digest(data_dir.database) == database
    assert list_backups(data_dir.backups) == backups  # no backup taken, none thinned
    assert _cards(store, session) == ["après la sauvegarde", "dans la sauvegarde"]


def test_an_empty_file_is_refused(tmp_path, data_dir, store, session, backup) -> None:
    empty = tmp_path / "vide.db"
    empty.write_bytes(b"")
    _refused(empty, data_dir, store, session, "est vide")


def test_an_empty_sqlite_file_is_refused(tmp_path, data_dir, store, session, backup) -> None:
    empty = tmp_path / "vide.db"
    sqlite3.connect(empty).execute("pragma user_version=1").connection.close()
    _refused(empty, data_dir, store, session, "est vide")


def test_a_foreign_database_is_refused(tmp_path, data_dir, store, session, backup) -> None:
    other = tmp_path / "recettes.db"
    conn = sqlite3.connect(other)
    conn.execute("create table recettes (nom text)")
    conn.commit()
    conn.close()
    _refused(other, data_dir, store, session, "n'est pas une sauvegarde de Fabrique")


def test_a_text_file_is_refused(tmp_path, data_dir, store, session, backup) -> None:
    text = tmp_path / "notes.db"
    text.write_text("des notes\n" * 100, encoding="utf-8")
    _refused(text, data_dir, store, session, "n'est pas une sauvegarde de Fabrique")


def test_a_damaged_page_is_refused(tmp_path, data_dir, store, session, backup) -> None:
    damaged = tmp_path / "abimee.db"
    conn = sqlite3.connect(backup)
    root = conn.execute("select rootpage from sqlite_master where name = 'cards'").fetchone()[0]
    size = conn.execute("pragma page_size").fetchone()[0]
    conn.close()
    data = bytearray(backup.read_bytes())
    start = (root - 1) * size
    data[start : start + 12] = b"\xff" * 12  # the cards' first page: its header scrambled
    damaged.write_bytes(bytes(data))
    _refused(damaged, data_dir, store, session, "endommagée")


def test_a_newer_version_is_refused(tmp_path, data_dir, store, session, backup) -> None:
    newer = tmp_path / "future.db"
    shutil.copyfile(backup, newer)
    conn = sqlite3.connect(newer)
    conn.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at) values (?, ?, ?)",
        ["fabrique", "9999_from_the_future", "2030-01-01"],
    )
    conn.commit()
    conn.close()
    _refused(newer, data_dir, store, session, "version plus récente")


def test_a_backup_without_ateliers_is_refused(tmp_path, data_dir, store, session) -> None:
    bare = Store.open(tmp_path / "nu.db")  # a Fabrique database, never given its series
    bare.close()
    store.apply(board.capture(store, session.id, "après la sauvegarde"))
    store.apply(board.capture(store, session.id, "dans la sauvegarde"))
    _refused(tmp_path / "nu.db", data_dir, store, session, "aucun atelier")


def test_restore_under_an_open_connection(data_dir, store, session, backup) -> None:
    reader = Store.open(data_dir.database)  # another window, another process
    inode = data_dir.database.stat().st_ino
    done = restore(backup, data_dir.database, data_dir.backups)
    assert data_dir.database.stat().st_ino == inode  # never renamed under anyone
    assert _cards(reader, session) == ["dans la sauvegarde"]
    assert _cards(store, session) == ["dans la sauvegarde"]
    store.apply(board.capture(store, session.id, "écrit après"))  # writes go on, and are kept
    reader.close()
    assert "5 ateliers · " in done.contents.describe()
    safety = Store.open(done.safety)  # what was there before, kept
    assert _cards(safety, session) == ["après la sauvegarde", "dans la sauvegarde"]
    safety.close()


def test_an_older_version_is_migrated_as_a_copy(
    tmp_path, data_dir, store, session, monkeypatch
) -> None:
    old = tmp_path / "ancienne.db"
    shutil.copyfile(data_dir.database, tmp_path / "current.db")
    with monkeypatch.context() as m:
        m.setattr(migrations, "NAMES", migrations.NAMES[:3])  # as an older Fabrique made it
        older = Store.open(old)
        current = sqlite3.connect(data_dir.database)
        for table in ("series", "sessions", "cards"):
            names = [r[1] for r in older.conn.execute(f"pragma table_info([{table}])")]
            columns = ", ".join(f"[{n}]" for n in names)
            rows = current.execute(f"select {columns} from [{table}]").fetchall()
            marks = ", ".join("?" for _ in names)
            older.executemany(f"insert into [{table}] ({columns}) values ({marks})", rows)
        current.close()
        older.execute(
            "update cards set text = 'idée d''avant la mise à jour' where rowid = "
            "(select min(rowid) from cards)"
        )
        older.close()
    before = _digest(old)
    old.chmod(0o444)
    restore(old, data_dir.database, data_dir.backups)
    assert _digest(old) == before
    assert not Path(f"{old}-wal").exists()
    texts = [c.text for c in store.iter_all(Card)]
    assert "idée d'avant la mise à jour" in texts
    applied = {r["name"] for r in store.query("select name from _sqlite_migrations")}
    assert applied == set(migrations.NAMES)


def test_restore_from_a_read_only_folder(read_only_folder, data_dir, store, session, backup):
    shutil.copyfile(backup, read_only_folder.source / backup.name)
    candidate = read_only_folder.root / backup.name
    restore(candidate, data_dir.database, data_dir.backups)
    assert _cards(store, session) == ["dans la sauvegarde"]


def test_a_refused_database_is_set_aside_and_replaced(data_dir, store, session, backup) -> None:
    store.close()
    data_dir.database.write_bytes(b"plus une base")
    done = restore(backup, data_dir.database, data_dir.backups)
    assert done.safety.read_bytes() == b"plus une base"
    reopened = Store.open(data_dir.database)
    assert _cards(reopened, session) == ["dans la sauvegarde"]
    reopened.close()


def test_checking_a_candidate_says_what_it_holds(tmp_path, backup) -> None:
    _, contents = check_candidate(backup, tmp_path)
    assert len(contents.ateliers) == 5
    conn = sqlite3.connect(backup)
    ideas = conn.execute("select count(*) from cards where deleted_at is null").fetchone()[0]
    conn.close()
    assert contents.counts["idées"] == ideas > 0


def test_a_backups_counts_read_as_one_says_them(tmp_path) -> None:
    # `fabrique backups`, `restore` and the app's restore dialog print this line; it read
    # « 1 atelier(s) · 1 idées, 0 votes, 0 personas »
    path = tmp_path / "fabrique-2026-12-08T05-00-00-avant-import.db"
    one = Contents(path, None, ["n° 1 · A"], {"idées": 1, "votes": 0, "personas": 0})
    assert one.describe().endswith(" · 1 atelier · 1 idée, aucun vote, aucun persona")
    many = Contents(path, None, ["a", "b"], {"idées": 12, "votes": 3, "personas": 8})
    assert many.describe().endswith(" · 2 ateliers · 12 idées, 3 votes, 8 personas")
    none = Contents(path, None, [], {"idées": 0, "votes": 1, "personas": 1})
    assert none.describe().endswith(" · aucun atelier · aucune idée, 1 vote, 1 persona")


def test_a_backup_with_another_page_size_is_restored(tmp_path, data_dir, store, session) -> None:
    other = tmp_path / "pages.db"
    source = sqlite3.connect(data_dir.database)
    target = sqlite3.connect(other, isolation_level=None)
    source.backup(target)
    source.close()
    target.execute("PRAGMA journal_mode=DELETE")
    target.execute("PRAGMA page_size=8192")
    target.execute("VACUUM")
    assert target.execute("PRAGMA page_size").fetchone()[0] == 8192
    target.close()
    store.apply(board.capture(store, session.id, "après"))
    restore(other, data_dir.database, data_dir.backups)
    assert _cards(store, session) == []
