"""The phones' server's connections, bounded: a room's Wi-Fi is shared with whoever is on it.

Without bounds, 2 000 idle TCP connections (no room code needed) used up the laptop's open
files and locked the room for everyone. ``ConnectionGuard`` keeps, for each open connection,
its address and since when it has been waiting for a request:

- a connection that sends no complete request within ``idle_seconds`` (just opened, or kept
  alive after an answer) is closed — the page opens another when it needs one;
- at most ``per_address`` connections from one address: more are refused at once;
- at most ``total`` in all (below the open-file limit): a new one closes the connection that
  has waited longest without a request, so that idle ones never keep a phone out;
- a connection busy with a request (its answer, a notice socket) is never closed here.

``refusals`` tells, once a minute per address, who was refused and how often (the log stays
readable when a neighbour floods the room). Pure bookkeeping: the server calls it.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Protocol

log = logging.getLogger(__name__)

IDLE_SECONDS = 10.0
PER_ADDRESS = 24
"""A phone's browser opens up to six connections to a server, and its notice socket."""
MAX_CONNECTIONS = 4000
WANTED_FILES = 1 << 16
"""Open files asked for (no more: a huge limit slows what walks every descriptor)."""
FILES_KEPT = 384
"""Open files left to the rest of the process (the database, its journal, the log, fonts) and
to connections in passing: the loop accepts up to its backlog (128) in one go before the guard
sees any of them, and those the guard let go are closed at the loop's next turn (measured: 1 024
open files, a cap of 768, 2 000 idle connections: up to ~1 020 files open; accept() then failed
« too many open files » and stopped for a second while the backlog filled)."""


class Closable(Protocol):
    def close(self) -> None: ...


@dataclass
class Connection:
    address: str
    transport: Closable
    waiting_since: float | None
    """None while a request is being answered (or a notice socket is open)."""


class ConnectionGuard:
    def __init__(
        self,
        total: int,
        per_address: int = PER_ADDRESS,
        idle_seconds: float = IDLE_SECONDS,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.total = max(8, total)
        self.per_address = per_address
        self.idle_seconds = idle_seconds
        self.clock = clock or time.monotonic
        self.open: dict[Hashable, Connection] = {}
        self._per_address: dict[str, int] = {}
        self.refusals = RefusalLog()
        self.closed_idle = 0
        self.refused = 0

    def opened(self, key: Hashable, address: str, transport: Closable) -> bool:
        """A new connection: False (and closed) when its address has too many."""
        if self._per_address.get(address, 0) >= self.per_address:
            self.refused += 1
            self.refusals.note(address, "connections")
            with contextlib.suppress(Exception):
                transport.close()
            return False
        if len(self.open) >= self.total and not self._close_longest_idle():
            self.refused += 1
            self.refusals.note(address, "full")
            with contextlib.suppress(Exception):
                transport.close()
            return False
        self.open[key] = Connection(address, transport, self.clock())
        self._per_address[address] = self._per_address.get(address, 0) + 1
        return True

    def closed(self, key: Hashable) -> None:
        connection = self.open.pop(key, None)
        if connection is None:
            return
        left = self._per_address.get(connection.address, 1) - 1
        if left > 0:
            self._per_address[connection.address] = left
        else:
            self._per_address.pop(connection.address, None)

    def busy(self, key: Hashable) -> None:
        connection = self.open.get(key)
        if connection is not None:
            connection.waiting_since = None

    def done(self, key: Hashable) -> None:
        connection = self.open.get(key)
        if connection is not None:
            connection.waiting_since = self.clock()

    def sweep(self) -> int:
        """Close the connections that waited too long for a request; how many."""
        limit = self.clock() - self.idle_seconds
        stale = [
            c for c in self.open.values() if c.waiting_since is not None and c.waiting_since < limit
        ]
        for connection in stale:
            with contextlib.suppress(Exception):
                connection.transport.close()
        self.closed_idle += len(stale)
        return len(stale)

    def _close_longest_idle(self) -> bool:
        idle = [(c.waiting_since, key) for key, c in self.open.items() if c.waiting_since]
        if not idle:
            return False
        _since, key = min(idle)
        connection = self.open[key]
        with contextlib.suppress(Exception):
            connection.transport.close()
        self.closed(key)  # its slot is free now; connection_lost comes later and finds nothing
        self.closed_idle += 1
        return True


class RefusalLog:
    """Refusals logged once per address and minute (then how many more there were)."""

    WINDOW = 60.0
    MAX_ADDRESSES = 10_000

    def __init__(self, clock: Callable[[], float] | None = None) -> None:
        self.clock = clock or time.monotonic
        self._windows: dict[str, tuple[float, int, str]] = {}

    def note(self, address: str, reason: str) -> None:
        now = self.clock()
        window = self._windows.get(address)
        if window is not None and now - window[0] < self.WINDOW:
            self._windows[address] = (window[0], window[1] + 1, window[2])
            return
        if window is not None and window[1] > 0:
            log.warning(
                "phones: %s refused %d more time(s) in the last minute (last: %s)",
                address,
                window[1],
                window[2],
            )
        if len(self._windows) >= self.MAX_ADDRESSES:
            self._windows.clear()
        self._windows[address] = (now, 0, reason)
        log.warning(
            "phones: refused %s (%s); further refusals counted for a minute", address, reason
        )


def raise_open_files() -> int:
    """Raise this process's open-file limit towards what the system allows (the soft limit up
    to the hard one, at most ``WANTED_FILES``; the hard limit left as it is); the soft limit in
    force after."""
    try:
        import resource
    except ImportError:  # Windows: no such limit on sockets
        return WANTED_FILES
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return WANTED_FILES
    target = WANTED_FILES if hard == resource.RLIM_INFINITY else min(hard, WANTED_FILES)
    if soft < target:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
    return soft


def connection_cap(open_files: int) -> int:
    """Connections the server keeps open at once for this open-file limit."""
    return max(16, min(MAX_CONNECTIONS, open_files - FILES_KEPT))
