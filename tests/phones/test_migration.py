"""Migration 0007: dots sent from phones before votes were told apart join their vote."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from db import migrations
from db.store import APPLICATION_ID, Store
from fabrique_desktop.model import Vote
from fabrique_desktop.phones import room as phone_room

STAMP = "2026-12-04T10:00:00+00:00"


def test_phone_dots_of_an_older_database_belong_to_the_latest_vote(tmp_path) -> None:
    path = tmp_path / "fabrique.sqlite"
    db = Database(path)
    db.execute(f"PRAGMA application_id={APPLICATION_ID}")
    before = Migrations(migrations.SET_NAME)
    for name in migrations.NAMES[: migrations.NAMES.index("0006_phones") + 1]:
        module = __import__(f"db.migrations.m{name}", fromlist=["migrate"])
        before(name=name)(module.migrate)
    before.apply(db)
    entity = {"created_at": STAMP, "updated_at": STAMP, "deleted_at": None}
    db["series"].insert({"id": "s", **entity, "title": "Série", "template": "{}"})
    db["sessions"].insert({"id": "a", **entity, "series_id": "s", "number": 1, "title": "A"})
    db["phones"].insert({"id": "p", **entity, "session_id": "a", "number": 1, "token_hash": ""})
    for poll, opened in (("old", "2026-12-04T09:00:00+00:00"), ("new", STAMP)):
        db["phone_polls"].insert(
            {"id": poll, **entity, "session_id": "a", "card_ids": "[]", "opened_at": opened}
        )
    db["cards"].insert({"id": "c", **entity, "session_id": "a", "text": "Idée", "column": "inbox"})
    for vote, voter in (("v1", "p"), ("v2", "t")):  # a phone's dots, a table's dots
        db["votes"].insert(
            {"id": vote, **entity, "session_id": "a", "card_id": "c", "voter_id": voter, "dots": 2}
        )
    db.close()

    store = Store.open(path)
    try:
        assert store.get(Vote, "v1").poll_id == "new"
        assert store.get(Vote, "v2").poll_id is None
        assert not phone_room.settings(store, "a").moderated
    finally:
        store.close()
