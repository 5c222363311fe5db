"""Changes to the data, as values with an inverse.

A ``Change`` is a labelled list of ``Edit``s. Each edit names one entity and the fields
it had before and has after. ``before is None`` creates the entity; ``after is None``
deletes it (a tombstone). Applying a change goes through the store in one transaction;
undo applies ``change.inverse()``. The UI's undo stack only ever holds such values.

Every change is applied and announced by one road, the session window's change bus
(``ui/change_bus.py``), which says where it came from with an ``Origin``.

A merge (a note-taker's copy, a peer's update, the relay) is a change too, computed by its
engine and written by the writer it is given: its rows are edits whose ``after`` is the whole
row as the copy or the document holds it (``Mode.ROW``, ``Mode.DOCUMENT``: written as they
are, timestamps and tombstones kept), and what the session's sync journal gains with them
(updates of the CRDT document, conflicts found or closed) is its ``journal``
(``JournalWrite``), written in the same transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field, replace
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar, cast

from fabrique_desktop.model import ENTITY_TYPES, Entity
from fabrique_desktop.quick_dataclass import quick_dataclass

if TYPE_CHECKING:
    from fabrique_desktop.ports import Store

E = TypeVar("E", bound=Entity)


class Origin(Enum):
    """Where a change announced on the bus came from."""

    LOCAL = "local"  # the user of this laptop (a key, a drag, a dialog): an undo step
    UNDO = "undo"  # Ctrl+Z of an earlier step (rebased: never over a later edit elsewhere)
    REDO = "redo"
    REMOTE = "remote"  # another laptop: the live link or a merged copy
    IMPORT = "import"  # a file brought in (notes of a note-taker, cards from a CSV)
    PHONE = "phone"  # a participant's phone


class Mode(Enum):
    """How the store writes an edit."""

    EDIT = "edit"  # fields set now (``updated_at`` now); noted for the session's document
    ROW = "row"  # ``after`` is a whole row from a copy (last writer wins): written as it is
    DOCUMENT = "document"  # a whole row as the merged CRDT document holds it: written as it
    # is, and not noted for the document (it comes from there)


@quick_dataclass(frozen=True)
class Edit:
    kind: str
    id: str
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None
    mode: Mode = Mode.EDIT

    def inverse(self) -> Edit:
        return Edit(self.kind, self.id, self.after, self.before, self.mode)

    @property
    def is_noop(self) -> bool:
        """An update whose every field keeps its value (a creation or deletion never is)."""
        if self.before is None or self.after is None:
            return False
        return all(k in self.before and self.before[k] == v for k, v in self.after.items())


@quick_dataclass(frozen=True)
class JournalWrite:
    """What a merge writes to one session's sync journal (``sync.SyncJournal``), in the
    transaction of its rows: updates of the CRDT document appended (oldest first, with
    where they came from), then, if ``state`` is given, all of them replaced by that one
    state (compaction); the rows the document caught up with; conflicts found (one already
    recorded is kept as it is), closed (id, choice as JSON, when) or opened again."""

    session_id: str
    updates: tuple[tuple[bytes, str], ...] = ()
    state: bytes | None = None
    caught_up: tuple[tuple[str, str], ...] = ()
    conflicts: tuple[Mapping[str, Any], ...] = ()
    resolved: tuple[tuple[str, str, str], ...] = ()
    reopened: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(
            self.updates
            or self.state is not None
            or self.caught_up
            or self.conflicts
            or self.resolved
            or self.reopened
        )


@quick_dataclass(frozen=True)
class Change:
    """``rows``: once the bus has written and announces it, the rows it touched as they now
    are (``read``), read once for every listener; None before. ``journal``: what a merge
    writes to the sync journal with its rows (never undone by ``inverse``: a merge is undone
    by a change of the rows, see ``sync_undo``)."""

    label: str
    edits: tuple[Edit, ...] = field(default_factory=tuple)
    rows: Rows | None = field(default=None, compare=False, repr=False)
    journal: JournalWrite | None = None

    def read(self, cls: type[E]) -> dict[str, E]:
        """The rows of ``cls`` this change touched, as written, by id (an id with no row is
        absent; a deleted one is there, tombstoned). Only an announced change has them."""
        if self.rows is None:
            raise LookupError(f"« {self.label} » n'a pas été annoncé : pas de lignes lues")
        return self.rows.of(cls)

    def inverse(self) -> Change:
        return Change(self.label, tuple(e.inverse() for e in reversed(self.edits)))

    def touched(self, kind: str) -> set[str]:
        """Ids of the entities of one kind that this change touches."""
        return {e.id for e in self.edits if e.kind == kind}

    def effective(self) -> Change:
        """The same change without its edits that change nothing (possibly empty)."""
        if not any(e.is_noop for e in self.edits):
            return self
        return replace(self, edits=tuple(e for e in self.edits if not e.is_noop))

    def __bool__(self) -> bool:
        return bool(self.edits) or bool(self.journal)


class Rows:
    """The rows a change touched, as they are once it is written: each kind read from the
    store in one query the first time a listener asks, then the same rows for all."""

    def __init__(self, store: Store, change: Change) -> None:
        self._store = store
        self._change = change
        self._read: dict[str, dict[str, Entity]] = {}

    def of(self, cls: type[E]) -> dict[str, E]:
        found = self._read.get(cls.kind)
        if found is None:
            ids = self._change.touched(cls.kind)
            found = dict(self._store.get_many(cls, ids)) if ids else {}
            self._read[cls.kind] = found
        return cast("dict[str, E]", found)


def announced(store: Store, change: Change) -> Change:
    """``change`` as the bus hands it to its listeners: with the rows it touched (``Rows``)."""
    return replace(change, rows=Rows(store, change))


def session_of(change: Change) -> str | None:
    """The atelier a merge's change belongs to (its journal's, or its atelier row's, or its
    first row's), or ``None`` when nothing says (the series' rows only)."""
    if change.journal is not None:
        return change.journal.session_id
    for edit in change.edits:
        if edit.kind == "sessions":
            return edit.id
    for edit in change.edits:
        owner = (edit.after or edit.before or {}).get("session_id")
        if isinstance(owner, str):
            return owner
    return None


def touched_elsewhere(label: str, ids: Mapping[str, set[str]]) -> Change:
    """What another engine (the live link) rewrote, by kind and id, fields unknown: a change
    to announce so that views read those entities again, never one to apply."""
    edits = tuple(Edit(kind, i, {}, {}) for kind, found in ids.items() for i in sorted(found))
    return Change(label, edits)


def combine(first: Change, second: Change, label: str | None = None) -> Change:
    """One change that does ``first`` then ``second`` (one undo step for both).

    Updates of an entity that both change are folded into one edit: the earliest value of
    each field before, the latest after, fields back where they started dropped. Creations
    and deletions are kept as they are, in order. The inverse restores what was there
    before ``first``.
    """
    edits: list[Edit | None] = list(first.edits)
    last: dict[tuple[str, str], int] = {(e.kind, e.id): i for i, e in enumerate(first.edits)}
    for edit in second.edits:
        key = (edit.kind, edit.id)
        index = last.get(key)
        earlier = edits[index] if index is not None else None
        if index is None or earlier is None or not _is_update(earlier) or not _is_update(edit):
            last[key] = len(edits)
            edits.append(edit)
            continue
        before = {**(edit.before or {}), **(earlier.before or {})}  # each field as at first
        after = {**(earlier.after or {}), **(edit.after or {})}
        back = {k for k in after if k in before and before[k] == after[k]}
        folded = Edit(
            edit.kind,
            edit.id,
            {k: v for k, v in before.items() if k not in back},
            {k: v for k, v in after.items() if k not in back},
        )
        edits[index] = folded if folded.after else None
        if not folded.after:
            del last[key]
    kept = tuple(e for e in edits if e is not None)
    return Change(first.label if label is None else label, kept)


def rebased(store: Store, change: Change) -> tuple[Change, int]:
    """``change`` without what someone else changed since, and how many fields (or
    entities) were left as they are: the rule of every undo and redo.

    An update keeps the fields whose row still holds the edit's ``before`` (a field another
    laptop or an import changed since keeps its newer value); a deletion is dropped if the
    entity is already deleted; a creation is kept, unless what it creates is a tombstone.
    """
    edits: list[Edit] = []
    skipped = 0
    for edit in change.edits:
        row = store.get(ENTITY_TYPES[edit.kind], edit.id)
        current = row.to_record() if row is not None else None
        if edit.before is None:
            if not edit.after or edit.after.get("deleted_at") is None:
                edits.append(edit)  # (a tombstone that came with an import stays one)
        elif edit.after is None:
            if current is not None and current.get("deleted_at") is None:
                edits.append(edit)
        elif current is None:
            skipped += 1
        else:
            keep = [k for k in edit.after if current.get(k) == edit.before.get(k)]
            skipped += len(edit.after) - len(keep)
            if keep:
                before, after = edit.before, edit.after
                edits.append(
                    Edit(
                        edit.kind,
                        edit.id,
                        {k: before[k] for k in keep},
                        {k: after[k] for k in keep},
                    )
                )
    return Change(change.label, tuple(edits)), skipped


def as_edits(change: Change, label: str, ignored: frozenset[str] = frozenset()) -> Change:
    """What a merge (``Mode.ROW``/``DOCUMENT`` edits holding whole rows) did, as plain edits:
    a row it created is created, a row it changed gets the fields that differ (but
    ``ignored``, e.g. ``updated_at``); its inverse undoes the merge on the rows."""
    edits: list[Edit] = []
    for edit in change.edits:
        if edit.mode is Mode.EDIT:
            edits.append(edit)
            continue
        before, after = edit.before, edit.after
        if after is None:
            continue
        if before is None:
            edits.append(Edit(edit.kind, edit.id, None, after))
            continue
        names = [k for k, v in after.items() if k not in ignored and before.get(k) != v]
        if names:
            edits.append(
                Edit(
                    edit.kind,
                    edit.id,
                    {k: before.get(k) for k in names},
                    {k: after[k] for k in names},
                )
            )
    return Change(label, tuple(edits))


def _is_update(edit: Edit) -> bool:
    return edit.before is not None and edit.after is not None


def create(entity: Entity) -> Edit:
    record = entity.to_record()
    return Edit(entity.kind, entity.id, None, record)


def delete(entity: Entity) -> Edit:
    return Edit(entity.kind, entity.id, entity.to_record(), None)


def update(entity: Entity, **after: Any) -> Edit:
    """Set some fields of an entity; only the fields that really change are kept."""
    before = {name: getattr(entity, name) for name in after}
    changed = {k: v for k, v in after.items() if before[k] != v}
    return Edit(entity.kind, entity.id, {k: before[k] for k in changed}, changed)
