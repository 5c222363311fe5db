"""Undo commands that apply core ``Change`` values through the store.

The command holds values only, never Qt items: redo applies the change, undo applies
its inverse, each committed to the database before the views hear of it.

Commands pushed with the same ``merge_key`` one after the other (keyboard moves of one
selection: 1–4, 0, Ctrl+Up/Down) become one undo step: their changes are combined
(``changes.combine``), so that one undo puts every card back where it was.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtGui import QUndoCommand

from fabrique_desktop.changes import Change, combine
from fabrique_desktop.ports import Store

MERGEABLE_ID = 0x4642  # QUndoCommand.id() of commands that may merge (see ``merge_key``)


class ChangeCommand(QUndoCommand):
    def __init__(
        self,
        store: Store,
        change: Change,
        notify: Callable[[Change], None],
        merge_key: Hashable | None = None,
    ) -> None:
        super().__init__(change.label)
        self._store = store
        self._change = change
        self._notify = notify
        self._merge_key = merge_key
        self._applied = False

    @property
    def change(self) -> Change:
        """What redo applies (undo applies its inverse)."""
        return self._change

    def apply_first(self) -> None:
        """Apply before the command enters the stack, so a failed write never gets there."""
        self._store.apply(self._change)
        self._applied = True

    def redo(self) -> None:
        if not self._applied:
            self._store.apply(self._change)
        self._applied = False
        self._notify(self._change)

    def undo(self) -> None:
        inverse = self._change.inverse()
        self._store.apply(inverse)
        self._notify(inverse)

    # merging (Qt calls these when a command is pushed on top of this one)

    def id(self) -> int:
        return MERGEABLE_ID if self._merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, ChangeCommand)
            or self._merge_key is None
            or other._merge_key != self._merge_key
        ):
            return False
        self._change = combine(self._change, other._change)
        self.setText(self._change.label)
        if not self._change:  # everything is back where it was: no step at all
            self.setObsolete(True)
        return True
