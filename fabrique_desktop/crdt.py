"""A session's CRDT document (Yrs, through pycrdt): the only module that knows its layout.

Why a CRDT: merging notes from several laptops in any order, any number of times, must give
the same session everywhere. Yrs (the Rust port of Yjs, the engine behind Jupyter's real-time
collaboration) gives that for free: updates commute, re-applying one is a no-op, and the same
bytes travel over a file (offline bundles) or a socket (live sync, later).

Layout (version 1): one root ``Map`` per kind of session data (``"sessions"``, ``"cards"``,
``"tables"``, …). Each field of each entity is one key ``"<entity id>:<field>"`` whose value is
the JSON text of ``[value, version]``. Fields are separate keys so that two laptops editing
different fields of one card both keep their edit; an entity is never removed from the
document (deletion is its ``deleted_at`` field: a tombstone).

``version`` is a version vector ``{writer: counter}``: the writer is the Y client id of the
document instance that wrote the field, and every write extends the vector it replaced. Yrs
alone picks the same winner everywhere when two laptops set the same key concurrently; the
vectors tell the app that it *was* concurrent (neither dominates), so that the facilitator can
be shown both versions and choose.

This module imports pycrdt at the top; import it lazily (inside functions), so that the app
starts without it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from pycrdt import Array, Doc, Map

LAYOUT = 1
SEPARATOR = ":"
# Fields that never make a conflict: bookkeeping, and the order of cards within a column
# (Yrs's deterministic choice is good enough there).
QUIET_FIELDS = frozenset({"created_at", "updated_at", "position"})

Version = dict[str, int]
Changes = dict[str, dict[str, Any]]  # key → {"oldValue": text before, "newValue": after}


@dataclass(frozen=True)
class Cell:
    """One field of one entity in the document: its value and the version that wrote it."""

    value: Any
    version: Mapping[str, int]

    def to_json(self) -> str:
        return json.dumps(
            [self.value, dict(self.version)],
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> Cell:
        value, version = json.loads(text)
        return cls(value, version)


# kind -> entity id -> field -> Cell
Cells = dict[str, dict[str, dict[str, Cell]]]


def dominates(a: Mapping[str, int], b: Mapping[str, int]) -> bool:
    """Whether version ``a`` has seen everything ``b`` has (``a ≥ b`` pointwise)."""
    return all(a.get(writer, 0) >= count for writer, count in b.items())


def concurrent(a: Mapping[str, int], b: Mapping[str, int]) -> bool:
    return not dominates(a, b) and not dominates(b, a)


def joined(*versions: Mapping[str, int]) -> Version:
    out: Version = {}
    for version in versions:
        for writer, count in version.items():
            out[writer] = max(out.get(writer, 0), count)
    return out


class SessionDoc:
    """One session's document: load it from stored updates, write entity fields, merge."""

    def __init__(self, updates: Iterable[bytes] = ()) -> None:
        self.doc: Doc = Doc()
        for update in updates:
            self.doc.apply_update(update)
        self._tick = 0

    @property
    def writer(self) -> str:
        return str(self.doc.client_id)

    def roots(self) -> list[str]:
        return list(self.doc.keys())

    def state_vector(self) -> bytes:
        return self.doc.get_state()

    def update(self, since: bytes | None = None) -> bytes:
        """Everything the document has that a peer with state vector ``since`` lacks."""
        return self.doc.get_update(since) if since is not None else self.doc.get_update()

    def clock(self) -> dict[int, int]:
        return decode_state_vector(self.state_vector())

    def apply(self, update: bytes) -> None:
        self.doc.apply_update(update)

    def apply_observed(self, update: bytes, kinds: Iterable[str]) -> dict[str, Changes]:
        """Apply ``update`` and say what it changed in the root maps of ``kinds``: kind →
        {key: Yrs's change}, whose ``"oldValue"`` is the stored text before (absent: the key
        was not there) and ``"newValue"`` the text after (absent: the key was removed). Yrs
        reports the changes as it integrates them, so that a merge reads only the keys that
        changed, never a whole document.

        The maps are observed through pycrdt's integrated (Rust) maps: pycrdt's own events
        walk every change again in Python (as long as Yrs's whole integration, for the
        34 000 keys of a 2000-idea copy)."""
        changes: dict[str, Changes] = {}
        subscriptions = []
        try:
            for kind in kinds:
                root = self._root(kind).integrated
                subscriptions.append(root.observe(partial(_note, changes.setdefault(kind, {}))))
            self.doc.apply_update(update)
        finally:
            for subscription in subscriptions:
                subscription.drop()
        return {kind: keys for kind, keys in changes.items() if keys}

    def lookup(self, kind: str, keys: Iterable[str]) -> dict[str, Any]:
        """The stored texts of some keys of one kind (those present), read in one
        transaction (pycrdt's ``Map.get`` opens one per key: ten times as long)."""
        if kind not in self.roots():
            return {}
        root = self._root(kind).integrated
        out = {}
        with self.doc.transaction() as transaction:
            txn = transaction._txn
            for key in keys:
                if root.has(txn, key):
                    out[key] = root.get(txn, key)
        return out

    def size(self, kind: str) -> int:
        """How many keys the root map of ``kind`` holds."""
        return len(self._root(kind)) if kind in self.roots() else 0

    def listed(self, kind: str) -> int:
        """How many sequence items (an array's or a text's) the root of ``kind`` holds: none
        in a sound document, whose roots are maps; an update may still carry some."""
        return len(self.doc.get(kind, type=Array))

    def _root(self, kind: str) -> Map:
        return self.doc.get(kind, type=Map)

    def raw(self, kind: str) -> dict[str, Any]:
        """The root map of one kind as plain Python (keys → stored JSON texts), serialised
        by Yrs in one call (much faster than reading key by key)."""
        if kind not in self.roots():
            return {}
        return json.loads(str(self._root(kind))) or {}

    def texts(self, kinds: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
        """kind → {key: stored text}, undecoded: what merges compare."""
        return {kind: self.raw(kind) for kind in (self.roots() if kinds is None else kinds)}

    def cells(self, kinds: Iterable[str] | None = None) -> Cells:
        out: Cells = {}
        for kind, raw in self.texts(kinds).items():
            entities: dict[str, dict[str, Cell]] = {}
            for key, text in raw.items():
                entity_id, _, field = split_key(key)
                entities.setdefault(entity_id, {})[field] = Cell.from_json(text)
            out[kind] = entities
        return out

    def entity(self, kind: str, entity_id: str, fields: Iterable[str]) -> dict[str, Cell]:
        """Some fields of one entity, read key by key (for a few entities)."""
        if kind not in self.roots():
            return {}
        root = self._root(kind)
        out = {}
        for field in fields:
            text = root.get(f"{entity_id}{SEPARATOR}{field}")
            if text is not None:
                out[field] = Cell.from_json(text)
        return out

    def write(
        self,
        items: Iterable[tuple[str, str, Mapping[str, Any]]],
        *,
        known: Cells | None = None,
        absorb: Mapping[tuple[str, str, str], Mapping[str, int]] | None = None,
        force: Iterable[tuple[str, str, str]] = (),
    ) -> int:
        """Set entity fields ``(kind, id, {field: value})`` that differ from the document.

        Each written field gets the version it replaces (joined with ``absorb`` for it, the
        versions of a conflict being resolved) extended by this writer. ``force`` names fields
        to write even when their value is unchanged. Returns the number of fields written.
        """
        absorb = absorb or {}
        forced = set(force)
        self._tick += 1
        written = 0
        with self.doc.transaction():
            for kind, entity_id, values in items:
                current = (
                    self.entity(kind, entity_id, values)
                    if known is None
                    else known.get(kind, {}).get(entity_id, {})
                )
                root = None
                for field, value in values.items():
                    key = (kind, entity_id, field)
                    cell = current.get(field)
                    if cell is not None and cell.value == value and key not in forced:
                        continue
                    base = cell.version if cell is not None else {}
                    version = joined(base, absorb.get(key, {}), {self.writer: self._tick})
                    if root is None:
                        root = self._root(kind)
                    root[f"{entity_id}{SEPARATOR}{field}"] = Cell(value, version).to_json()
                    written += 1
        return written


def _note(seen: Changes, event: Any) -> None:
    """Note the keys a Yrs map event changed (in one transaction, one event per map)."""
    seen.update(event.keys)


def split_key(key: str) -> tuple[str, str, str]:
    """``"<id>:<field>"`` → (id, ":", field)."""
    return key.rpartition(SEPARATOR)


def decode_state_vector(data: bytes) -> dict[int, int]:
    """A Yrs state vector (v1 encoding: a count, then client/clock pairs, as var-uints)."""
    values: list[int] = []
    result, shift = 0, 0
    for byte in data:
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            values.append(result)
            result, shift = 0, 0
        else:
            shift += 7
    if not values:
        return {}
    count, pairs = values[0], values[1:]
    return {pairs[2 * i]: pairs[2 * i + 1] for i in range(min(count, len(pairs) // 2))}
