"""Undoing a notes import or a conflict's choice, soundly with the merge engine.

A merge cannot be taken out of the session's CRDT document: other updates are built on it,
and it may already have gone on (a copy handed out, live sharing). So an undo here is what
every board undo is: a *new* change of the rows (``Change`` values, written by the writer
of the undo history — the window's change bus —, mirrored into the document at the next
flush), which every laptop then merges like any edit. Nothing here writes: the merge hands
its change to the ``Write`` it is given, the undo steps are returned to be written.

- **Notes import.** ``import_undoable`` merges a file like ``sync.import_file`` and also
  returns, as plain edits, the ``Change`` the merge made to this session's rows (and to the
  series' own data): entities it added, fields it changed. Undo applies the inverse: what the import
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
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from fabrique_desktop import sync
from fabrique_desktop.changes import Change, Edit, JournalWrite, as_edits, rebased
from fabrique_desktop.model import ENTITY_TYPES, utc_now
from fabrique_desktop.ports import Store, Write, store_writer

BOOKKEEPING = frozenset({"updated_at"})  # set by the store on every write


@dataclass
class UndoableImport:
    """A merged file: the summary, the parsed bundle and what undo needs."""

    summary: sync.MergeSummary
    parsed: Any
    change: Change
    conflict_ids: list[str] = field(default_factory=list)  # the conflicts this import opened
    session_id: str = ""


def import_undoable(
    store: Store,
    journal: sync.SyncJournal,
    path: Path,
    media_dir: Path,
    session_id: str,
    write: Write | None = None,
) -> UndoableImport:
    """``sync.import_file`` (its change handed to ``write``), and the rows it wrote (those of
    ``session_id`` and of the series' own data) as plain edits, for the undo history. Only
    meaningful when the file is a copy of ``session_id``: a copy of another session gives an
    empty change."""
    written: list[Change] = []

    def keep(change: Change) -> None:
        (write if write is not None else store_writer(store))(change)
        written.append(change)

    summary, parsed = sync.import_file(store, journal, path, media_dir, keep)
    if parsed.session.id != session_id or not written:
        return UndoableImport(summary, parsed, Change(""), session_id=session_id)
    merged = written[-1]
    label = f"Importer les notes de « {path.name} »"
    change = as_edits(merged, label, BOOKKEEPING)
    found = [str(row["id"]) for row in merged.journal.conflicts] if merged.journal else []
    return UndoableImport(summary, parsed, change, found, session_id)


def apply_step(store: Store, done: UndoableImport, undo: bool) -> tuple[Change, int]:
    """Undo (or redo) an import: the rebased change, with its conflicts closed (or opened
    again) in its journal, to be written in one transaction; and what was left alone."""
    step, skipped = rebased(store, done.change.inverse() if undo else done.change)
    step = step.effective()
    conflicts = tuple(done.conflict_ids)
    if not conflicts:
        return step, skipped
    if undo:
        at, choice = utc_now(), json.dumps(None)
        journal = JournalWrite(done.session_id, resolved=tuple((i, choice, at) for i in conflicts))
    else:
        journal = JournalWrite(done.session_id, reopened=conflicts)
    return replace(step, journal=journal), skipped


# conflicts


def resolve(sync_: sync.SessionSync, conflict: sync.Conflict, value: Any) -> Change:
    """Keep ``value`` for a conflicting field (written by the engine's writer); the change it
    made (its ``before`` is the value shown until now), for the undo stack."""
    cls = ENTITY_TYPES[conflict.kind]
    row = sync_.store.get(cls, conflict.entity_id)
    previous = getattr(row, conflict.field) if row is not None else conflict.kept
    sync_.resolve(conflict, value)
    edit = Edit(
        conflict.kind, conflict.entity_id, {conflict.field: previous}, {conflict.field: value}
    )
    return Change(f"Trancher le conflit « {conflict.field} »", (edit,))


def reopen(
    store: Store, session_id: str, conflict: sync.Conflict, change: Change
) -> tuple[Change, int]:
    """Undo a choice (``change``, from ``resolve``): the value shown before comes back — a new
    edit, which wins everywhere the session goes next like the choice did — unless the field
    was changed since; the conflict is open again on this laptop. Returned to be written."""
    step, skipped = rebased(store, change.inverse())
    journal = JournalWrite(session_id, reopened=tuple(conflict.ids))
    return replace(step.effective(), journal=journal), skipped
