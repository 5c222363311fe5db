"""Session codes: what the projector shows so that only people in the room can join.

Six characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B), shown as
``ABC-DEF``: about 2.4e8 codes (25⁶), against at most a handful of tries a minute per address (see
``peers.Throttle``). Typing is forgiving: case, spaces and dashes do not matter.
"""

from __future__ import annotations

import hmac
import secrets

ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
LENGTH = 6


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(text: str) -> str:
    if text.isascii() and text.isalnum():  # as typed or read from an address: nothing to drop
        return text.upper()
    return "".join(ch for ch in text.upper() if ch.isalnum())


def display(code: str) -> str:
    """``ABCDEF`` → ``ABC-DEF``, easier to read from the back of the room."""
    code = normalise(code)
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}" if len(code) == LENGTH else code


def matches(expected: str, given: str) -> bool:
    """Whether ``given`` is the code, compared in constant time."""
    a, b = normalise(expected).encode(), normalise(given).encode()
    return bool(a) and hmac.compare_digest(a, b)
