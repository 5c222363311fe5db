"""``kill -9`` in the middle of a migration or of the very first start: the next open finds
the database whole (the migration applied again, the demo series all there), never refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from db import migrations
from db.store import Store
from fabrique_desktop.model import Card, Series
from fabrique_desktop.workspace import DEMO_ATELIER, ensure_first_use, list_sessions

EXTRA = "9000_extra_column"

# runs in a child process, killed (SIGKILL) where the test says
CHILD = """
import os, signal, sys
from db import migrations
from db.store import Store
from fabrique_desktop import workspace

path, where = sys.argv[1], sys.argv[2]
step = migrations.step

def killing_step(name):
    if where == "last-migration" and name == migrations.NAMES[-1]:
        def migrate(db):
            step(name)(db)
            os.kill(os.getpid(), signal.SIGKILL)
        return migrate
    if name == "{extra}":
        def migrate(db):
            db.table("cards").add_column("extra", str, not_null_default="")
            os.kill(os.getpid(), signal.SIGKILL)
        return migrate
    return step(name)

migrations.step = killing_step
if where == "new-migration":
    migrations.NAMES = [*migrations.NAMES, "{extra}"]
if where == "demo":
    def killing_demo(session, template):
        os.kill(os.getpid(), signal.SIGKILL)
    workspace.demo_ideas = killing_demo
store = Store.open(path)
workspace.ensure_first_use(store)
""".replace("{extra}", EXTRA)


def _killed(path: Path, where: str) -> None:
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), where], capture_output=True, timeout=120
    )
    assert child.returncode == -9, child.stderr.decode()


def _ideas_per_atelier(path: Path) -> dict[int, int]:
    store = Store.open(path)
    try:
        ensure_first_use(store)
        series = store.find(Series)
        assert len(series) == 1
        sessions = list_sessions(store, series[0].id)
        return {s.number: store.count(Card, session_id=s.id) for s in sessions}
    finally:
        store.close()


def _whole(path: Path) -> None:
    found = _ideas_per_atelier(path)
    expected = _ideas_per_atelier(path.with_name("uninterrupted.db"))
    assert found == expected
    assert len(found) == 5
    assert found[DEMO_ATELIER] > 0


def test_first_start_killed_in_its_last_migration_opens_whole(tmp_path: Path) -> None:
    path = tmp_path / "fabrique.db"
    _killed(path, "last-migration")
    _whole(path)  # was: « n'est pas une base de données Fabrique » (no application id yet)


def test_first_start_killed_before_the_demo_ideas_opens_whole(tmp_path: Path) -> None:
    path = tmp_path / "fabrique.db"
    _killed(path, "demo")
    _whole(path)  # was: the series there, atelier 3 without its ideas, for ever


def test_a_migration_killed_half_way_is_applied_again_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "fabrique.db"
    Store.open(path).close()
    _killed(path, "new-migration")
    monkeypatch.setattr(migrations, "NAMES", [*migrations.NAMES, EXTRA])
    step = migrations.step

    def extra_step(name: str):
        if name != EXTRA:
            return step(name)
        return lambda db: db.table("cards").add_column("extra", str, not_null_default="")

    monkeypatch.setattr(migrations, "step", extra_step)
    store = Store.open(path)  # was: « duplicate column name: extra » at every open
    assert "extra" in store.columns("cards")
    assert store.pending_migrations() == []
    store.close()
