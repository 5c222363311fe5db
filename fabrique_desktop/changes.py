"""Changes to the data, as values with an inverse.

A ``Change`` is a labelled list of ``Edit``s. Each edit names one entity and the fields
it had before and has after. ``before is None`` creates the entity; ``after is None``
deletes it (a tombstone). Applying a change goes through the store in one transaction;
undo applies ``change.inverse()``. The UI's undo stack only ever holds such values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from fabrique_desktop.model import Entity


@dataclass(frozen=True)
class Edit:
    kind: str
    id: str
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None

    def inverse(self) -> Edit:
        return Edit(self.kind, self.id, self.after, self.before)


@dataclass(frozen=True)
class Change:
    label: str
    edits: tuple[Edit, ...] = field(default_factory=tuple)

    def inverse(self) -> Change:
        return Change(self.label, tuple(e.inverse() for e in reversed(self.edits)))

    def touched(self, kind: str) -> set[str]:
        """Ids of the entities of one kind that this change touches."""
        return {e.id for e in self.edits if e.kind == kind}

    def __bool__(self) -> bool:
        return bool(self.edits)


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
