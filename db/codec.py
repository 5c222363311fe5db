"""Between entities and SQLite rows: lists and dicts as JSON text, booleans as integers.

``decode`` reads one row given as a dict; ``decode_rows`` many rows as SQLite returns them
(tuples, with their column names), the way a 2000-idea board is opened: the plan of which
column is which field is made once, an empty list is not parsed, and the same JSON text
(2000 cards share a few dozen tag lists) is parsed once per read.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from typing import Any, TypeVar

from fabrique_desktop.model import Entity

E = TypeVar("E", bound=Entity)

_CODECS: dict[type[Entity], dict[str, str]] = {}


def _codecs(cls: type[Entity]) -> dict[str, str]:
    """Field name → 'json', 'bool' or '' (stored as is), from the dataclass annotations."""
    if cls not in _CODECS:  # not functools.cache: mypy does not see a class as Hashable
        _CODECS[cls] = _read_codecs(cls)
    return _CODECS[cls]


def _read_codecs(cls: type[Entity]) -> dict[str, str]:
    kinds = {}
    for f in dataclasses.fields(cls):
        annotation = str(f.type)
        if annotation.startswith(("list", "dict")):
            kinds[f.name] = "json"
        elif annotation == "bool":
            kinds[f.name] = "bool"
        else:
            kinds[f.name] = ""
    return kinds


_JSON = json.JSONEncoder(ensure_ascii=False)
"""``json.dumps(value, ensure_ascii=False)``'s encoder, made once (``dumps`` makes one per call
when given an option: most of a small list's cost)."""
_EMPTY_LIST = "[]"


def encode(cls: type[Entity], record: dict[str, Any]) -> dict[str, Any]:
    codecs = _codecs(cls)
    row = {}
    for name, value in record.items():
        codec = codecs.get(name)
        if codec is None:
            continue
        if codec == "json":
            value = _EMPTY_LIST if value == [] else _JSON.encode(value)
        elif codec == "bool":
            value = int(bool(value))
        row[name] = value
    return row


def decode(cls: type[E], row: dict[str, Any]) -> E:
    codecs = _codecs(cls)
    values = {}
    for name, codec in codecs.items():
        if name not in row:
            continue
        value = row[name]
        if codec == "json":
            value = json.loads(value) if value else ([] if _is_list(cls, name) else {})
        elif codec == "bool":
            value = bool(value)
        values[name] = value
    return cls(**values)


_SCALARS = (str, int, float, bool, type(None))


def decode_rows(cls: type[E], names: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[E]:
    """Entities from rows of values in the order of ``names`` (a cursor's description);
    the same as ``decode`` of each row as a dict, with less work per row."""
    codecs = _codecs(cls)
    # the fields' own names: a cursor's are equal strings but not the same objects, and
    # ``cls(**values)`` matched them to its parameters by comparing text (~2/3 of the work)
    fields = {n: n for n in codecs}
    known = [(i, fields[n], codecs[n]) for i, n in enumerate(names) if n in fields]
    plain = [(i, n) for i, n, codec in known if codec == ""]
    texts = [(i, n, _is_list(cls, n)) for i, n, codec in known if codec == "json"]
    flags = [(i, n) for i, n, codec in known if codec == "bool"]
    parsed: dict[str, list[Any]] = {}  # JSON text → its flat list of scalars (copied out)
    out: list[E] = []
    for row in rows:
        values = {n: row[i] for i, n in plain}
        for i, n, is_list in texts:
            text = row[i]
            if not text or text == "[]":
                values[n] = [] if is_list else {}
            elif text in parsed:
                values[n] = list(parsed[text])  # each entity its own list
            else:
                value = values[n] = json.loads(text)
                if type(value) is list and all(type(v) in _SCALARS for v in value):
                    parsed[text] = list(value)
        for i, n in flags:
            values[n] = bool(row[i])
        out.append(cls(**values))
    return out


def field_codecs(cls: type[Entity]) -> dict[str, str]:
    return _codecs(cls)


def decode_field(cls: type[Entity], name: str, value: Any) -> Any:
    """One stored column's value as its field holds it (``decode``, for one field)."""
    codec = _codecs(cls)[name]
    if codec == "json":
        return json.loads(value) if value else ([] if _is_list(cls, name) else {})
    if codec == "bool":
        return bool(value)
    return value


def _is_list(cls: type[Entity], name: str) -> bool:
    return next(str(f.type) for f in dataclasses.fields(cls) if f.name == name).startswith("list")
