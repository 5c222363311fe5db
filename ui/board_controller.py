"""The board's controller: owns the session's undo stack and is the only path to changes."""

from __future__ import annotations

import logging
from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from fabrique_desktop import board
from fabrique_desktop.changes import Change
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import INBOX, Card, Series, Session
from fabrique_desktop.ports import Store
from fabrique_desktop.template import Template
from fabrique_desktop.workspace import series_template
from ui.undo import ChangeCommand

log = logging.getLogger(__name__)


class BoardController(QObject):
    """Applies board changes for one session.

    Signals:
        changed(Change): a change (or its inverse, on undo) is now in the database.
        failed(str): a change could not be stored (full disk, read-only…): a French message.
    """

    changed = Signal(object)
    failed = Signal(str)

    def __init__(self, store: Store, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.session = session
        series = store.get(Series, session.series_id)
        assert series is not None
        self.series = series
        self.template: Template = series_template(series)
        self.undo_stack = QUndoStack(self)

    def cards(self) -> list[Card]:
        return board.session_cards(self.store, self.session.id)

    def card(self, card_id: str) -> Card | None:
        return self.store.get(Card, card_id)

    def push(self, change: Change, merge_key: Hashable | None = None) -> bool:
        """Apply a change as an undoable step. False (and ``failed``) if it was not stored.

        Consecutive changes pushed with the same ``merge_key`` make one undo step.
        """
        if not change:
            return True
        command = ChangeCommand(self.store, change, self.changed.emit, merge_key)
        try:
            command.apply_first()  # before the stack: a failed write never becomes a step
        except FabriqueError as error:
            log.warning("change %r not stored: %s", change.label, error)
            self.failed.emit(str(error))
            return False
        self.undo_stack.push(command)
        return True

    def capture(self, text: str, column: str = INBOX, **fields: Any) -> str | None:
        """Add a card; returns its id once it is committed, or ``None`` for empty text."""
        change = board.capture(self.store, self.session.id, text, column, **fields)
        if not self.push(change):
            return None
        return next(iter(change.touched(Card.kind)), None)
