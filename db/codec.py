"""Between entities and SQLite rows: lists and dicts as JSON text, booleans as integers."""

from __future__ import annotations

import dataclasses
import json
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


def encode(cls: type[Entity], record: dict[str, Any]) -> dict[str, Any]:
    codecs = _codecs(cls)
    row = {}
    for name, value in record.items():
        codec = codecs.get(name)
        if codec is None:
            continue
        if codec == "json":
            value = json.dumps(value, ensure_ascii=False)
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
