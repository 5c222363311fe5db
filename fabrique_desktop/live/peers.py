"""Who is connected, who is refused: the facilitator's view of the laptops, and the limits.

- ``PeerInfo``: one connected laptop, as the facilitator's list shows it.
- ``Throttle``: after a few bad attempts (wrong code, garbage, newer version) from one
  address, that address is refused outright for a while; and wrong codes from all addresses
  together are limited too, so that many addresses (one laptop can take dozens on a Wi-Fi) do
  not multiply the guesses: a code cannot be guessed.
- ``is_local``: only addresses of a local network (private ranges, link-local, loopback)
  may talk to a sharing Fabrique.
"""

from __future__ import annotations

import functools
import ipaddress
import time
from collections import deque
from dataclasses import dataclass, field

MAX_BAD_ATTEMPTS = 5
BAD_WINDOW = 60.0
BAN_SECONDS = 60.0
MAX_WRONG_CODES = 10
"""Wrong codes from all addresses together within ``BAD_WINDOW``: beyond, only the addresses that
already proved the code may try (a note-taker reconnecting); the others are told to wait. A room
mistyping the code makes a few; at 10 a minute, a whole day of guessing finds the code once in
~50 000 sharings (25⁶ codes)."""
MAX_PEERS = 32


@dataclass
class PeerInfo:
    """A connected laptop. ``name`` is what the note-taker typed (a table, a first name)."""

    id: str
    name: str
    address: str
    connected_at: float = field(default_factory=time.time)
    received: int = 0
    """Sync messages received from it so far."""


@functools.lru_cache(maxsize=4096)  # asked for every request a phone makes
def is_local(address: str) -> bool:
    """Whether ``address`` belongs to a local network (RFC 1918, link-local, loopback, ULA)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback or ip.is_link_local or (ip.is_private and not ip.is_unspecified)


class Throttle:
    """Counts bad attempts per address (too many within a minute bans it for a minute) and wrong
    codes from all addresses together (too many within a minute: only trusted addresses, those
    that proved the code, may try until the oldest leaves the window)."""

    def __init__(
        self,
        limit: int = MAX_BAD_ATTEMPTS,
        window: float = BAD_WINDOW,
        ban: float = BAN_SECONDS,
        wrong_codes: int = MAX_WRONG_CODES,
    ) -> None:
        self.limit = limit
        self.window = window
        self.ban = ban
        self.wrong_codes = wrong_codes
        self._attempts: dict[str, deque[float]] = {}
        self._banned: dict[str, float] = {}
        self._guesses: deque[float] = deque()
        self._trusted: set[str] = set()

    def trust(self, address: str) -> None:
        """``address`` proved the code: the limit on everyone's wrong codes does not stop it."""
        self._trusted.add(address)

    def may_guess(self, address: str, now: float | None = None) -> bool:
        """Whether ``address`` may try a code now, given everyone's wrong codes of the minute."""
        if address in self._trusted:
            return True
        now = time.monotonic() if now is None else now
        while self._guesses and self._guesses[0] <= now - self.window:
            self._guesses.popleft()
        return len(self._guesses) < self.wrong_codes

    def guarded_for(self, now: float | None = None) -> float:
        """Seconds until laptops that never proved the code may try again (0: they may)."""
        now = time.monotonic() if now is None else now
        while self._guesses and self._guesses[0] <= now - self.window:
            self._guesses.popleft()
        excess = len(self._guesses) - self.wrong_codes
        return 0.0 if excess < 0 else self._guesses[excess] + self.window - now

    def wrong_code(self, address: str, now: float | None = None) -> bool:
        """Record a wrong code (a bad attempt of its address too); True if the address is now
        banned."""
        now = time.monotonic() if now is None else now
        self._guesses.append(now)
        return self.bad(address, now)

    def allowed(self, address: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        until = self._banned.get(address)
        if until is None:
            return True
        if now >= until:
            del self._banned[address]
            self._attempts.pop(address, None)
            return True
        return False

    def bad(self, address: str, now: float | None = None) -> bool:
        """Record a bad attempt; True if the address is now banned."""
        now = time.monotonic() if now is None else now
        attempts = self._attempts.setdefault(address, deque())
        attempts.append(now)
        while attempts and attempts[0] < now - self.window:
            attempts.popleft()
        if len(attempts) >= self.limit:
            self._banned[address] = now + self.ban
            return True
        return False
