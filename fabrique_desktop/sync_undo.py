"""Undoing a notes import or a conflict's choice, soundly with the merge engine.

A merge cannot be taken out of the session's CRDT document: other updates are built on it,
and it may already have gone on (a copy handed out, live sharing). So an undo here is what
every board undo is: a *new* change of the rows (``Change`` values, written by
``Store.apply``, mirrored into the document at the next flush), which every laptop then
merges like any edit.

- **Notes import.** ``import_undoable`` merges a file like ``sync.import_file`` and also
  returns the ``Change`` the merge made to this session's rows (and to the series' own
  data): entities it added, fields it changed. Undo applies the inverse: what the import
  added is deleted (a tombstone: nothing is lost, redo brings it back), what it changed gets
  its previous value back, and the conflicts it found are closed (redo opens them again).
  Since the undo is an edit, it travels: on the next merge or live update the other
  laptops drop those ideas too, and merging the same file again adds nothing (the engine
  has seen it): redo is the way back.
- **Conflict choice.** ``resolve`` keeps a version (``SessionSync.resolve``) and returns the
  value shown before; undo writes that value back (a new version, which wins everywhere
  like the choice did) and opens the conflict again on this laptop.
- **Never over someone else's edit.** ``rebased`` keeps, of an undo or redo, only the fields
  that still hold the value the step left: a field changed since (by a peer, live) keeps
  its newer value. Local steps made after the import are on the undo stack above it and
  are undone first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fabrique_desktop import sync
from fabrique_desktop.changes import Change, Edit, rebased
from fabrique_desktop.model import ENTITY_TYPES, Entity, Session, utc_now
from fabrique_desktop.ports import Store

BOOKKEEPING = frozenset({"updated_at"})  # set by the store on every write


class _Recorder:
    """A ``SyncJournal`` that keeps, for each entity a merge writes back, its row before."""

    def __init__(self, store: Store, inner: sync.SyncJournal) -> None:
        self.store = store
        self.inner = inner
        self.before: dict[tuple[str, str], dict[str, Any] | None] = {}
        self.after: dict[tuple[str, str], dict[str, Any]] = {}

    def materialize(self, entities: list[Entity]) -> None:
        for entity in entities:
            key = (entity.kind, entity.id)
            if key not in self.before:
                old = self.store.get(type(entity), entity.id)
                self.before[key] = old.to_record() if old is not None else None
            self.after[key] = entity.to_record()
        self.inner.materialize(entities)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@dataclass
class UndoableImport:
    """A merged file: the summary, the parsed bundle and what undo needs."""

    summary: sync.MergeSummary
    parsed: Any
    change: Change
    conflict_ids: list[str] = field(default_factory=list)  # the conflicts this import opened


def import_undoable(
    store: Store, journal: sync.SyncJournal, path: Path, media_dir: Path, session_id: str
) -> UndoableImport:
    """``sync.import_file``, noting the rows it wrote (those of ``session_id`` and of the
    series' own data) as one ``Change``. Only meaningful when the file is a copy of
    ``session_id``: a copy of another session gives an empty change."""
    recorder = _Recorder(store, journal)
    series_before = _series_rows(store, session_id)
    opened = {row["id"] for row in journal.conflicts(session_id)}
    summary, parsed = sync.import_file(store, recorder, path, media_dir)
    if parsed.session.id != session_id:
        return UndoableImport(summary, parsed, Change(""))
    edits = [
        edit
        for (kind, id), after in recorder.after.items()
        if (edit := _edit(kind, id, recorder.before.get((kind, id)), after)) is not None
    ]
    for key, after in _series_rows(store, session_id).items():
        if after is not None and (edit := _edit(*key, series_before.get(key), after)) is not None:
            edits.append(edit)
    new_conflicts = [r["id"] for r in journal.conflicts(session_id) if r["id"] not in opened]
    label = f"Importer les notes de « {path.name} »"
    return UndoableImport(summary, parsed, Change(label, tuple(edits)), new_conflicts)


def _series_rows(store: Store, session_id: str) -> dict[tuple[str, str], dict[str, Any] | None]:
    """The series' own rows (the series, its personas…) that an import may overwrite."""
    session = store.get(Session, session_id)
    if session is None:
        return {}
    rows: dict[tuple[str, str], dict[str, Any] | None] = {}
    for kind, cls in ENTITY_TYPES.items():
        if kind == "series":
            series = store.get(cls, session.series_id)
            if series is not None:
                rows[(kind, series.id)] = series.to_record()
        elif kind not in sync.session_kinds() and "series_id" in _names(cls):
            for entity in store.iter_all(cls, series_id=session.series_id):
                rows[(kind, entity.id)] = entity.to_record()
    return rows


def _names(cls: type[Entity]) -> set[str]:
    import dataclasses

    return {f.name for f in dataclasses.fields(cls)}


def _edit(kind: str, id: str, before: dict[str, Any] | None, after: dict[str, Any]) -> Edit | None:
    """The edit from ``before`` (``None``: no row) to ``after``; ``None`` if nothing changed."""
    if before is None:
        return Edit(kind, id, None, after)
    fields = [k for k, v in after.items() if k not in BOOKKEEPING and before.get(k) != v]
    if not fields:
        return None
    return Edit(kind, id, {k: before.get(k) for k in fields}, {k: after[k] for k in fields})


def apply_step(
    store: Store, journal: sync.SyncJournal, change: Change, conflicts: list[str], undo: bool
) -> tuple[Change, int]:
    """Undo (or redo) an import: the rebased change applied, and its conflicts closed (or
    opened again), in one transaction. Returns what was applied and what was left alone."""
    step, skipped = rebased(store, change.inverse() if undo else change)
    with store.atomic():
        store.apply(step)
        if conflicts:
            if undo:
                journal.resolve_conflicts(conflicts, json.dumps(None), utc_now())
            else:
                journal.reopen_conflicts(conflicts)
    return step, skipped


# conflicts


def resolve(sync_: sync.SessionSync, conflict: sync.Conflict, value: Any) -> Change:
    """Keep ``value`` for a conflicting field; the change it made (its ``before`` is the
    value shown until now), for the undo stack."""
    cls = ENTITY_TYPES[conflict.kind]
    row = sync_.store.get(cls, conflict.entity_id)
    previous = getattr(row, conflict.field) if row is not None else conflict.kept
    sync_.resolve(conflict, value)
    edit = Edit(
        conflict.kind, conflict.entity_id, {conflict.field: previous}, {conflict.field: value}
    )
    return Change(f"Trancher le conflit « {conflict.field} »", (edit,))


def reopen(
    store: Store, journal: sync.SyncJournal, conflict: sync.Conflict, change: Change
) -> tuple[Change, int]:
    """Undo a choice (``change``, from ``resolve``): the value shown before comes back — a new
    edit, which wins everywhere the session goes next like the choice did — unless the field
    was changed since; the conflict is open again on this laptop."""
    step, skipped = rebased(store, change.inverse())
    with store.atomic():
        store.apply(step)
        journal.reopen_conflicts(conflict.ids)
    return step, skipped
