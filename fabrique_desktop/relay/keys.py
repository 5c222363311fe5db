"""The series key and the relay's room names.

A series key is 20 random bytes written in base 32 (``FAB-XXXX-XXXX-…``, eight groups, no ambiguous
letters to read aloud or copy by hand). Every room of the series is named by a hash of the key
and of what the room holds (the series' index, or one atelier), so that a relay — and anyone
who reads its store or its logs — sees only opaque names, and a laptop without the key cannot
find, let alone read, the series.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from fabrique_desktop.errors import FabriqueError

PREFIX = "FAB"
SECRET_BYTES = 20
_GROUP = 4
_KEY = re.compile(r"^FAB(?:-[A-Z2-7]{4}){8}$")
INDEX = "index"


class SeriesKeyError(FabriqueError):
    """A series key that is not one (mistyped, cut)."""


@dataclass(frozen=True)
class SeriesKey:
    secret: bytes

    @classmethod
    def new(cls) -> SeriesKey:
        return cls(secrets.token_bytes(SECRET_BYTES))

    @classmethod
    def parse(cls, text: str) -> SeriesKey:
        cleaned = re.sub(r"\s+", "", text.strip().upper())
        if not _KEY.match(cleaned):
            raise SeriesKeyError(
                "Cette clé de série n'est pas valable : elle commence par « FAB- » et compte "
                "huit groupes de quatre lettres ou chiffres (copiez-la en entier)."
            )
        letters = cleaned[len(PREFIX) :].replace("-", "")
        return cls(base64.b32decode(letters))

    def __str__(self) -> str:
        letters = base64.b32encode(self.secret).decode("ascii").rstrip("=")
        groups = [letters[i : i + _GROUP] for i in range(0, len(letters), _GROUP)]
        return "-".join([PREFIX, *groups])

    def room(self, name: str) -> str:
        """The relay's room for ``name`` (``INDEX`` or an atelier's id): an opaque hex name."""
        digest = hmac.new(self.secret, f"fabrique-relay:{name}".encode(), hashlib.sha256)
        return "fab-" + digest.hexdigest()[:40]

    def __repr__(self) -> str:  # never print the secret by accident
        return "SeriesKey(…)"


def new_token() -> str:
    """The relay's access token: the first segment of every path it serves."""
    return secrets.token_urlsafe(18)


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
