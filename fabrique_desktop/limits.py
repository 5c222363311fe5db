"""What the app accepts from outside, in numbers, and how an offending value is shown.

The limits are documented in the README (« Limites des fichiers importés »); they are sized
for real use with room to spare (a 2 000-idea session is far inside them) and checked by
``fabrique_desktop.validation`` before anything is written. This module is light (no
pydantic): the display code uses ``is_media_name`` and ``shown`` too.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TypeVar, cast

from fabrique_desktop.lazy_pattern import LazyPattern

J = TypeVar("J")

# texts, in characters
MAX_ID = 64
MAX_NAME = 200  # a first name, a title, a place, a key word
MAX_TEXT = 5_000  # a story, a definition, an instruction, an engagement's purpose
MAX_IDEA = 2_000  # an idea on the board, a quote (what the report prints in one table row)
MAX_LONG_TEXT = 20_000  # the booklet's introduction, « pourquoi », « la suite », participants
MAX_PHONE_TEXT = 280  # an idea typed on a phone
MAX_TAG = 60
MAX_TIMESTAMP = 40
# lists
MAX_TAGS = 50  # themes on one idea
MAX_ITEMS = 200  # worries, hopes, the « Comment ? » of an engagement, a template's sections
MAX_REFERENCES = 5_000  # the ideas behind one engagement
MAX_PHONE_ADDRESSES = 8  # the addresses a phone is remembered from (how far its ban reaches)
# numbers
MAX_NUMBER = 100_000  # an atelier's or a table's number, minutes, dots
MAX_POSITION = 1e12  # positions on the board or in a list (finite, either sign)
MAX_SECONDS = 7 * 24 * 3600.0  # a timer
# what a facilitator sets: the dialogs offer these, the core refuses beyond them
MAX_DOTS = 50  # dots per voter in a vote (the window's vote panel, the phones' room)
MAX_TABLES = 60  # tables in an atelier
MAX_TIMER_MINUTES = 10 * 60  # one round of the timer
# a whole copy (bundle) or template
MAX_ENTITIES = 200_000  # rows in one copy of a session
MAX_TEMPLATE_BYTES = 4 * 1024 * 1024
MAX_LOGO_BYTES = 1024 * 1024  # the booklet's logo, carried inside a template (base64)
MAX_PORTRAIT_BYTES = 8 * 1024 * 1024  # a persona's photo, printed 24 mm wide on its card
MAX_TEMPLATE_PERSONAS = 200
MAX_TEMPLATE_ATELIERS = 100
MAX_JSON_DEPTH = 32
MAX_INT_DIGITS = 18  # every integer the app keeps fits in 64 bits

ID = LazyPattern(r"[A-Za-z0-9_-]{1,64}")
# a file of the data folder's media folder: a plain name, no folder, no dot first
MEDIA_NAME = LazyPattern(r"[A-Za-z0-9][A-Za-z0-9_-]{0,100}(\.[A-Za-z0-9]{1,8})?")
SHOWN = 60  # characters of an offending value echoed in a message


def is_media_name(name: object) -> bool:
    return isinstance(name, str) and MEDIA_NAME.fullmatch(name) is not None


def shown(value: object, limit: int = SHOWN) -> str:
    """An offending value as it may be printed: one short line, control characters escaped
    (no terminal escape sequence, no line break, no lone surrogate reaches the screen)."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > limit:
        text = text[:limit] + "…"
    out = []
    for char in text:
        category = unicodedata.category(char)
        if category in ("Cc", "Cs") or char in "\u2028\u2029\u202e\u202d\u2066\u2067\u2068":
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


_FORBIDDEN_IN_LINES = LazyPattern("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_FORBIDDEN_IN_LINE = LazyPattern("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029]")


def bad_characters(text: str, *, lines: bool) -> str | None:
    """The first character a text must not hold, if any: control characters (line breaks and
    tabs only where ``lines``), lone surrogates (they cannot be stored), U+FFFE/U+FFFF."""
    found = (_FORBIDDEN_IN_LINES if lines else _FORBIDDEN_IN_LINE).search(text)
    return found.group() if found else None


def composed(value: J) -> J:
    """Text from outside as the app stores it: Unicode NFC, « é » one character. A Mac writes
    files (and its clipboard) decomposed, « é » as e + U+0301: the same words would be another
    text (a filter, the series booklet's « once », a report's sort). Texts inside lists and
    dicts (a row, a template) are composed too; keys and other values are kept as they are,
    and a value already composed is returned as it is (one check for all its texts)."""
    if isinstance(value, str):
        if value.isascii() or unicodedata.is_normalized("NFC", value):
            return value
        return cast(J, unicodedata.normalize("NFC", value))
    texts: list[str] = []
    _texts_in([value], texts)
    # a line break composes with nothing: the texts joined are NFC exactly when each one is
    if unicodedata.is_normalized("NFC", "\n".join(texts)):
        return value
    return _composed_all(value)


def _texts_in(values: Iterable[object], out: list[str]) -> None:
    for item in values:
        if type(item) is str:
            out.append(item)
        elif type(item) is list:
            _texts_in(item, out)
        elif type(item) is dict:
            _texts_in(item.values(), out)


def _composed_all(value: J) -> J:
    if isinstance(value, str):
        return cast(J, unicodedata.normalize("NFC", value))
    if isinstance(value, list):
        return cast(J, [_composed_all(item) for item in value])
    if isinstance(value, dict):
        return cast(J, {key: _composed_all(item) for key, item in value.items()})
    return value
