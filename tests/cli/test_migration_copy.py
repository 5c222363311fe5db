"""The database is copied before the first migration of a new version, and the copy is kept:
the older Fabrique can still open it (it refused the migrated file)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import migrations
from db.backups import list_backups, to_thin
from db.store import Store
from fabrique_desktop.cli.context import Context


def test_an_older_database_is_copied_before_it_is_migrated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    with monkeypatch.context() as m:
        m.setattr(migrations, "NAMES", migrations.NAMES[:3])  # as an older Fabrique made it
        Store.open(data / "fabrique.db").close()
    context = Context(str(data))
    try:
        assert context.store.pending_migrations() == []
    finally:
        context.close()
    copies = list_backups(data / "backups")
    assert len(copies) == 1
    assert copies[0].stem.endswith(f"avant-migration-{migrations.NAMES[-1]}")
    conn = sqlite3.connect(copies[0])
    applied = {r[0] for r in conn.execute("select name from _sqlite_migrations")}
    conn.close()
    assert applied == set(migrations.NAMES[:3])  # the file as the older version left it
    assert to_thin(copies, keep=0) == []  # never thinned away
    again = Context(str(data))  # the next start: up to date, no other copy
    try:
        _ = again.store
    finally:
        again.close()
    assert list_backups(data / "backups") == copies
