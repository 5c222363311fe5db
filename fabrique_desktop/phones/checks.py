"""What a phone may send, and how often. Everything from a phone is untrusted.

The server (network thread) checks the shape of each request here before anything else sees
it: a JSON object with exactly the expected fields, of the expected types and sizes. A request
that fails gets a 4xx with a reason code (the page words it in French or English) and changes
nothing. ``Bucket``/``Limits`` cap how fast one phone, and one address, may write.
"""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from fabrique_desktop.limits import bad_characters, composed

MAX_BODY = 4096
"""Bytes in one request body; an idea is at most ``MAX_TEXT`` characters."""
MAX_TEXT = 280
MAX_NAME = 40
EDIT_SECONDS = 60.0
"""A phone may correct or withdraw an idea this long after sending it."""
MAX_PHONES = 400
"""Phones present at once in one room (a room is about a hundred people)."""
PHONES_PER_ADDRESS = 6
"""Phones present at once from one network address (a phone, its private tab, a tablet…)."""
PRESENT_SECONDS = 300.0
"""A phone that asked nothing for this long is no longer counted as present (its page, open,
asks at least every minute)."""


class Refusal(Exception):  # noqa: N818 — a refusal is an answer, not a bug
    """A request refused: HTTP ``status`` and a short ``reason`` code the page translates."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def body(data: Any, required: dict[str, type | tuple[type, ...]], optional: dict | None = None):
    """``data`` as a dict with the ``required`` fields and maybe some ``optional`` ones, each of
    the given type; anything else (another field, another type, not an object) is a 400."""
    optional = optional or {}
    if not isinstance(data, dict):
        raise Refusal(400, "malformed")
    allowed = {**required, **optional}
    if set(data) - set(allowed) or set(required) - set(data):
        raise Refusal(400, "malformed")
    for name, value in data.items():
        types = allowed[name]
        if isinstance(value, bool) and bool not in _as_tuple(types):
            raise Refusal(400, "malformed")
        if not isinstance(value, types):
            raise Refusal(400, "malformed")
    return data


def _as_tuple(types: type | tuple[type, ...]) -> tuple[type, ...]:
    return types if isinstance(types, tuple) else (types,)


def clean_text(text: str, limit: int = MAX_TEXT, *, reason: str = "too-long") -> str:
    """Text as a phone typed it, made safe to store and show: Unicode NFC, control and
    format characters that could hide or reorder text dropped (line breaks become spaces),
    blanks folded. Empty → 400 ``empty``; longer than ``limit`` → 413 ``reason``."""
    text = composed(text)
    if not text.isprintable():  # printable: none of the characters below (most ideas)
        kept = []
        for ch in text:
            category = unicodedata.category(ch)
            if ch in "\r\n\t\u2028\u2029":
                kept.append(" ")
            elif category in ("Cc", "Cs", "Co", "Cn") or (category == "Cf" and ch != "\u200d"):
                continue  # controls, lone surrogates, private use, unassigned, bidi overrides
            else:
                kept.append(ch)
        text = "".join(kept)
    text = " ".join(text.split())
    if not text:
        raise Refusal(400, "empty")
    if bad_characters(text, lines=False) is not None:  # the app's own rule for one line of text
        raise Refusal(400, "malformed")
    if len(text) > limit:
        raise Refusal(413, reason)
    return text


def uuid_like(value: Any) -> str:
    """An id as the server gives them (a UUID's 36 characters); anything else is a 400."""
    if not isinstance(value, str) or len(value) != 36 or value.count("-") != 4:
        raise Refusal(400, "malformed")
    if value.strip("0123456789abcdef-"):  # a character outside these
        raise Refusal(400, "malformed")
    return value


@dataclass
class Bucket:
    """A token bucket: ``burst`` at once, then ``rate`` per second."""

    rate: float
    burst: float
    tokens: float = -1.0
    stamp: float = field(default_factory=time.monotonic)

    def take(self, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        if self.tokens < 0:
            self.tokens = self.burst
        self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


@dataclass(frozen=True)
class Rates:
    """Writes allowed, as (per second, burst): per phone, per address, and joins per address."""

    phone: tuple[float, float] = (0.5, 12)  # 30 a minute, 12 at once
    address: tuple[float, float] = (3.0, 40)  # a few phones behind one address
    join: tuple[float, float] = (0.2, 10)  # new identities from one address
    reads: tuple[float, float] = (5.0, 30)  # page refreshes per address
    atelier: tuple[float, float] = (25.0, 300)  # ideas from every phone of the room together


class Limits:
    """Rate limits per phone and per address; ``allow(kind, key)`` is False when exceeded."""

    MAX_KEYS = 20_000

    def __init__(
        self, rates: Rates | None = None, phones_per_address: int = PHONES_PER_ADDRESS
    ) -> None:
        self.rates = rates or Rates()
        self.phones_per_address = phones_per_address
        self._buckets: dict[tuple[str, str], Bucket] = {}

    def allow(self, kind: str, key: str) -> bool:
        bucket = self._buckets.get((kind, key))
        if bucket is None:
            if len(self._buckets) >= self.MAX_KEYS:
                self._buckets.clear()  # a flood of made-up identities: start over
            rate, burst = getattr(self.rates, kind)
            bucket = self._buckets[(kind, key)] = Bucket(rate, burst)
        return bucket.take()
