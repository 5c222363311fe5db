"""Shared fixtures. Qt runs offscreen: this is set before anything imports Qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("FABRIQUE_DATA_DIR", None)

from pathlib import Path

import pytest

from db.store import Store
from fabrique_desktop import changes
from fabrique_desktop.changes import Change
from fabrique_desktop.model import Series, Session
from fabrique_desktop.paths import DataDir
from fabrique_desktop.workspace import ensure_first_use, list_sessions
from tests.blank_atelier import empty_first_atelier
from tests.disk import as_nobody, full_disk, read_only_folder, shared_tmp  # noqa: F401

SLOW_TIMEOUT = 600  # seconds; the others get pyproject's ``timeout``


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``slow`` (several processes, live links) get a longer timeout."""
    for item in items:
        if item.get_closest_marker("slow") and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(SLOW_TIMEOUT))


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "data")


@pytest.fixture
def store(data_dir: DataDir):
    store = Store.open(data_dir.database)
    yield store
    store.close()


@pytest.fixture
def demo(store: Store) -> Series:
    series = ensure_first_use(store)
    assert series is not None
    return series


@pytest.fixture
def session(store: Store, demo: Series) -> Session:
    """The first atelier of the demo series (empty board), on the wall every atelier of a
    series had before each phase had its own (template format 2, a territory's own
    template): « À trier » and the four Vivre. ``valeurs_session``: the same atelier with
    its phase's wall."""
    first = empty_first_atelier(store, demo)
    template = {k: v for k, v in demo.template.items() if k != "phases"}
    store.apply(Change("Sans colonnes de phase", (changes.update(demo, template=template),)))
    demo.template = template
    return first


@pytest.fixture
def valeurs_session(store: Store, demo: Series) -> Session:
    """Atelier 1 of the demo series (Valeurs), on its phase's wall: « À trier »,
    « Atouts », « Problèmes », « Valeurs proposées » (empty)."""
    return empty_first_atelier(store, demo)


@pytest.fixture
def demo_session(store: Store, demo: Series) -> Session:
    """Atelier 3 of the demo series, with the seed's project ideas."""
    return next(s for s in list_sessions(store, demo.id) if s.number == 3)
