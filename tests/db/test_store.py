import json
import sqlite3

import pytest

from db import migrations
from db.backups import Backups, list_backups, restore
from db.store import Store
from fabrique_desktop import board, changes
from fabrique_desktop.changes import Change
from fabrique_desktop.errors import StorageError
from fabrique_desktop.model import Card


def test_new_database_is_wal_with_foreign_keys(store) -> None:
    assert store.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    applied = {r["name"] for r in store.query("select name from _sqlite_migrations")}
    assert applied == set(migrations.NAMES)


def test_data_survives_reopen(data_dir, session) -> None:
    first = Store.open(data_dir.database)
    first.apply(board.capture(first, session.id, "Une idée accentuée : été, œuf, « oui »"))
    first.close()
    again = Store.open(data_dir.database)
    assert [c.text for c in again.find(Card, session_id=session.id)] == [
        "Une idée accentuée : été, œuf, « oui »"
    ]
    again.close()


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"Ceci n'est pas une base.\n" * 10)
    before = path.read_bytes()
    with pytest.raises(StorageError, match="n'est pas une base"):
        Store.open(path)
    assert path.read_bytes() == before


def test_a_foreign_sqlite_database_is_refused_untouched(tmp_path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("create table recettes (nom text)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="n'est pas une base de données Fabrique"):
        Store.open(path)
    assert path.read_bytes() == before


def test_a_newer_database_is_refused_untouched(data_dir, store) -> None:
    store.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at) values (?, ?, ?)",
        ["fabrique", "9999_from_the_future", "2030-01-01"],
    )
    store.close()
    before = data_dir.database.read_bytes()
    with pytest.raises(StorageError, match="plus récente"):
        Store.open(data_dir.database)
    assert data_dir.database.read_bytes() == before


def test_backups_roll_and_restore(data_dir, store, session) -> None:
    backups = Backups(store, data_dir.backups, keep=3)
    store.apply(board.capture(store, session.id, "avant"))
    first = backups.take()
    for _ in range(4):
        backups.take()
    # the newest three, and the oldest of this hour (the state before the burst)
    assert list_backups(data_dir.backups)[0] == first
    assert len(list_backups(data_dir.backups)) == 4
    assert backups.maybe_take() is None  # less than ten minutes since the last one
    store.apply(board.capture(store, session.id, "après"))
    restore(first, data_dir.database, data_dir.backups)
    assert [c.text for c in store.find(Card, session_id=session.id)] == ["avant"]
    store.close()
    reopened = Store.open(data_dir.database)
    assert [c.text for c in reopened.find(Card, session_id=session.id)] == ["avant"]
    reopened.close()


def test_a_read_of_many_cards_parses_each_tag_list_once_and_gives_each_card_its_own(
    store, session, monkeypatch
) -> None:
    """Opening a 2000-idea board (issue 28): the cards are decoded from SQLite's rows as
    they come (tuples), the same JSON text (2000 cards share a few tag lists) parsed once."""
    from db import codec

    texts = [f"Idée {n}" for n in range(60)]
    tags = [["#mobilité"], ["#mobilité", "#école"], [], ["#école"]]
    store.apply(
        Change(
            "bench",
            tuple(
                changes.create(
                    Card(session_id=session.id, text=t, position=float(n), tags=tags[n % 4])
                )
                for n, t in enumerate(texts)
            ),
        )
    )
    rows = store.query("select * from cards where session_id = ? order by position", [session.id])
    one_by_one = [codec.decode(Card, row) for row in rows]
    parsed: list[str] = []
    loads = json.loads

    def counting(text: str) -> object:
        parsed.append(text)
        return loads(text)

    monkeypatch.setattr(codec.json, "loads", counting)
    cards = store.find(Card, session_id=session.id)
    assert cards == one_by_one
    assert [c.tags for c in cards] == [tags[n % 4] for n in range(60)]
    assert sorted(parsed) == sorted(['["#mobilité"]', '["#mobilité", "#école"]', '["#école"]'])
    cards[0].tags.append("#changé")  # each card its own list
    assert cards[4].tags == ["#mobilité"]
    assert store.find(Card, session_id=session.id)[0].tags == ["#mobilité"]
