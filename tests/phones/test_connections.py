"""Connections bounded: idle ones closed, a cap per address and in all (idle ones make room
for a phone), refusals logged once a minute per address, the log rotated while running."""

from __future__ import annotations

import logging
import socket
import time
from pathlib import Path

import pytest

from db.store import Store
from fabrique_desktop import logs
from fabrique_desktop.model import Session
from fabrique_desktop.phones.connections import (
    ConnectionGuard,
    RefusalLog,
    connection_cap,
    raise_open_files,
)
from fabrique_desktop.phones.model import PhoneIdea
from tests.phones.conftest import Phone as Client
from tests.phones.conftest import open_room


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Transport:
    def __init__(self) -> None:
        self.closed = False

    def close(self) -> None:
        self.closed = True


def test_the_guard_caps_per_address_and_makes_room_by_closing_the_longest_idle() -> None:
    clock = Clock()
    guard = ConnectionGuard(total=8, per_address=3, idle_seconds=10.0, clock=clock)
    mine = [Transport() for _ in range(4)]
    assert [guard.opened(("a", i), "10.0.0.1", t) for i, t in enumerate(mine)] == [
        True,
        True,
        True,
        False,
    ]
    assert mine[3].closed
    guard.busy(("a", 0))  # a request being answered, or a notice socket
    others = []
    for i in range(5):
        clock.now += 1
        others.append(Transport())
        assert guard.opened(("b", i), f"10.0.1.{i}", others[-1])
    assert len(guard.open) == 8
    clock.now += 1
    phone = Transport()
    assert guard.opened("phone", "10.0.2.1", phone)  # full: the longest idle makes room
    assert mine[1].closed
    assert not mine[0].closed  # busy: never closed to make room
    assert len(guard.open) == 8
    clock.now += 20
    guard.done(("a", 0))
    assert guard.sweep() == 7  # idle for more than 10 s; the one just answered stays
    assert not mine[0].closed


def test_a_guard_full_of_busy_connections_refuses() -> None:
    guard = ConnectionGuard(total=8, per_address=8, clock=Clock())
    for i in range(8):
        assert guard.opened(i, "10.0.0.1", Transport())
        guard.busy(i)
    late = Transport()
    assert not guard.opened("late", "10.0.0.2", late)
    assert late.closed


def test_refusals_are_logged_once_a_minute_per_address(caplog) -> None:
    clock = Clock()
    refusals = RefusalLog(clock=clock)
    with caplog.at_level(logging.INFO, logger="fabrique_desktop.phones.connections"):
        for _ in range(1000):
            refusals.note("10.0.0.9", "code")
        refusals.note("10.0.0.8", "code")
        assert len(caplog.records) == 2
        clock.now += 61
        refusals.note("10.0.0.9", "code")
    assert len(caplog.records) == 4
    assert "999 more time(s)" in caplog.records[2].getMessage()


def test_the_open_file_limit_is_raised_where_allowed() -> None:
    resource = pytest.importorskip("resource")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = min(hard, 1 << 16) if hard != resource.RLIM_INFINITY else 1 << 16
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(1024, soft), hard))
    try:
        assert raise_open_files() == wanted
        assert resource.getrlimit(resource.RLIMIT_NOFILE) == (wanted, hard)  # hard one kept
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert connection_cap(1024) == 1024 - 384


@pytest.mark.skipif(not Path("/proc").exists(), reason="uses 127.0.x.y loopback addresses")
def test_idle_connections_do_not_keep_a_phone_out(store: Store, session: Session) -> None:
    """Idle connections (no room code needed) used to lock the room: here 60 from 20
    addresses against a cap of 30; a phone still joins and sends, and the idle ones are
    closed after the idle time."""
    for room in open_room(store, session):
        guard = room.service.server.connections
        guard.total, guard.idle_seconds = 30, 1.5
        port = int(room.address.split(":")[2].split("/")[0])
        idle = []
        for i in range(60):
            sock = socket.socket()
            sock.bind((f"127.0.3.{1 + i % 20}", 0))
            sock.connect(("127.0.0.1", port))
            idle.append(sock)
        time.sleep(0.3)
        assert len(guard.open) <= 30
        phone = Client(room.address).join()
        assert phone.call("idea", {"text": "Malgré la foule"})[0] == 200
        assert store.count(PhoneIdea, session_id=session.id) == 1
        deadline = time.monotonic() + 5
        while len(guard.open) > 3 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(guard.open) <= 3  # the phone's kept-alive one at most, and a late one
        closed = 0
        for sock in idle:
            sock.settimeout(0.5)
            try:
                closed += sock.recv(1) == b""
            except OSError:
                closed += 1
            sock.close()
        assert closed == 60


@pytest.fixture
def root_logger():
    root = logging.getLogger()
    saved = list(root.handlers)
    yield root
    for handler in root.handlers:
        if handler not in saved:
            handler.close()
    root.handlers[:] = saved


def test_the_log_is_rotated_while_running(root_logger, tmp_path: Path, monkeypatch) -> None:
    """A flood grew the log to 728 MB in 5 minutes: it is now set aside past its size."""
    monkeypatch.setattr(logs, "MAX_BYTES", 20_000)
    path = tmp_path / "logs" / "fabrique.log"
    logs.setup_logging(path)
    for i in range(2000):
        logging.getLogger("test").warning("ligne %d du journal qui grandit", i)
    assert path.stat().st_size <= 20_000 + 200
    assert path.with_suffix(".log.1").stat().st_size <= 20_000 + 200
    assert "ligne 1999 " in path.read_text(encoding="utf-8")
