"""Editing a card in place: a line with the card's text and markers, over the note itself.

Enter (or leaving the field) saves, Esc cancels. The markers are those of the capture
field, so a card's persona, table, horizon and tags are edited by keyboard too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtWidgets import QWidget

from ui.capture_bar import MarkerLineEdit, Vocabulary

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from PySide6.QtGui import QFocusEvent


class CardEditor(MarkerLineEdit):
    """Signals:
    finished(str, str): the card id and the edited line (Enter or focus lost).
    cancelled(str): Esc; the card id.
    """

    finished = Signal(str, str)
    cancelled = Signal(str)

    def __init__(self, vocabulary: Vocabulary, parent: QWidget) -> None:
        super().__init__(vocabulary, parent)
        self.setObjectName("card-editor")
        self.setAccessibleName(self.tr("Modifier l'idée"))
        self.card_id = ""
        self.kept_keyboard = False  # the edit ended by Enter or Esc, not by focus going away
        self.hide()
        self.submitted.connect(self._finish)
        self.left.connect(self._cancel)

    def start(self, card_id: str, line: str, rect: QRect, pixel_size: int) -> None:
        self.card_id = card_id
        font = self.font()
        font.setPixelSize(max(12, pixel_size))
        self.setFont(font)
        self.setText(line)
        height = max(rect.height(), self.sizeHint().height())
        self.setGeometry(QRect(rect.topLeft(), QPoint(rect.right(), rect.top() + height)))
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setCursorPosition(len(line))

    def _finish(self, line: str) -> None:
        card_id, self.card_id = self.card_id, ""
        self.kept_keyboard = self.hasFocus()
        self.hide()
        if card_id:
            self.finished.emit(card_id, line)

    def _cancel(self) -> None:
        card_id, self.card_id = self.card_id, ""
        self.kept_keyboard = self.hasFocus()
        self.hide()
        if card_id:
            self.cancelled.emit(card_id)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if (
            self.card_id
            and not self.completion_visible()
            and event.reason() != (Qt.FocusReason.PopupFocusReason)
        ):
            self._finish(self.text())
