"""A relay in a thread of the test (``fabrique relay``'s own ``Relay``), and laptops as data
folders driven through the real command line (``fabrique_desktop.cli.main``) in this process."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from db.store import Store
from fabrique_desktop import board
from fabrique_desktop.cli import main
from fabrique_desktop.model import Card, Series, Session
from fabrique_desktop.paths import DataDir
from fabrique_desktop.relay.server import Relay
from fabrique_desktop.workspace import ensure_first_use


class RunningRelay:
    def __init__(self, data: Path, port: int = 0) -> None:
        self.data = data
        self.stop = threading.Event()
        self.relay = Relay(data)
        self.thread = threading.Thread(
            target=self.relay.serve, args=("127.0.0.1", port, self.stop), daemon=True
        )

    def start(self) -> RunningRelay:
        self.thread.start()
        assert self.relay.ready.wait(30)
        assert self.relay.address is not None
        self.url = self.relay.address.url
        return self

    def close(self) -> None:
        self.stop.set()
        self.thread.join(30)


@contextmanager
def running_relay(data: Path, port: int = 0) -> Iterator[RunningRelay]:
    relay = RunningRelay(data, port)
    relay.start()
    try:
        yield relay
    finally:
        relay.close()


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[RunningRelay]:
    with running_relay(tmp_path / "relay") as running:
        yield running


class Laptop:
    """One data folder, as a town's laptop."""

    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.folder = folder
        self.capsys = capsys

    def run(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--data-dir", str(self.folder), *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    @contextmanager
    def store(self) -> Iterator[Store]:
        store = Store.open(DataDir(self.folder).database)
        ensure_first_use(store)
        try:
            yield store
        finally:
            store.close()

    def texts(self, series_title: str, number: int) -> list[str]:
        with self.store() as store:
            return sorted(c.text for c in self._cards(store, series_title, number))

    def add(self, series_title: str, number: int, text: str) -> None:
        with self.store() as store:
            session = self.session(store, series_title, number)
            store.apply(board.capture(store, session.id, text))

    def edit_first(self, series_title: str, number: int, text: str) -> str:
        with self.store() as store:
            card = sorted(self._cards(store, series_title, number), key=lambda c: c.id)[0]
            store.apply(board.edit(card, text=text))
            return card.id

    def session(self, store: Store, series_title: str, number: int) -> Session:
        (series,) = [s for s in store.iter_all(Series) if s.title == series_title]
        (session,) = [s for s in store.iter_all(Session, series_id=series.id) if s.number == number]
        return session

    def _cards(self, store: Store, series_title: str, number: int) -> list[Card]:
        session = self.session(store, series_title, number)
        return [c for c in store.iter_all(Card, session_id=session.id) if not c.deleted_at]


@pytest.fixture
def laptops(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    def make(name: str) -> Laptop:
        return Laptop(tmp_path / name, capsys)

    return make
