"""Undo commands that apply core ``Change`` values through the store.

The command holds values only, never Qt items: redo applies the change, undo applies
its inverse, each committed to the database before the views hear of it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from fabrique_desktop.changes import Change
from fabrique_desktop.ports import Store


class ChangeCommand(QUndoCommand):
    def __init__(self, store: Store, change: Change, notify: Callable[[Change], None]) -> None:
        super().__init__(change.label)
        self._store = store
        self._change = change
        self._notify = notify
        self._applied = False

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
