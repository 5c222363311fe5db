"""Editing a card in place: the card's text and markers, over the note itself, wrapped on as
many lines as the note has (the whole idea in sight at the card's size, not one line showing
its end).

Enter (or leaving the editor) saves, Esc cancels. The markers are those of the capture
field, completed the same way, so a card's persona, table, horizon and tags are edited by
keyboard too. An idea is one paragraph: Enter never adds a line, a pasted line break is a
space.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QFontMetrics, QTextCursor, QTextOption
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QWidget

from ui.capture_bar import MarkerCompletion, Vocabulary

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from PySide6.QtGui import QFocusEvent, QKeyEvent


class CardEditor(QPlainTextEdit, MarkerCompletion):
    """Signals:
    finished(str, str): the card id and the edited line (Enter or focus lost).
    cancelled(str): Esc; the card id.
    textEdited(str): the user changed the text (as QLineEdit's: drives the completion).
    """

    finished = Signal(str, str)
    cancelled = Signal(str)
    textEdited = Signal(str)  # noqa: N815 (QLineEdit's name: the completion listens)

    def __init__(self, vocabulary: Vocabulary, parent: QWidget) -> None:
        super().__init__(parent)
        self._setting = False
        self._set_up_completion(vocabulary)
        self.setObjectName("card-editor")
        self.setAccessibleName(self.tr("Modifier l'idée"))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.Box)
        self.setStyleSheet(
            "#card-editor { background: #FFFFFF; color: #111111; border: 3px solid #1565C0; }"
        )
        self.card_id = ""
        self._area: QRect | None = None  # where the editor may be (start's ``area``)
        self.kept_keyboard = False  # the edit ended by Enter or Esc, not by focus going away
        self.hide()
        self.textChanged.connect(self._edited)

    # the line edit's words, which the completion and the tests use

    def text(self) -> str:
        return " ".join(self.toPlainText().splitlines())

    def setText(self, text: str, /) -> None:
        self._setting = True
        self.setPlainText(text)
        self._setting = False

    def cursorPosition(self) -> int:
        return self.textCursor().position()

    def setCursorPosition(self, position: int, /) -> None:
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(position, len(self.toPlainText()))))
        self.setTextCursor(cursor)

    def end(self, mark: bool = False) -> None:
        """The cursor after the last letter (``mark``: selecting what it passes over)."""
        mode = QTextCursor.MoveMode.KeepAnchor if mark else QTextCursor.MoveMode.MoveAnchor
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End, mode)
        self.setTextCursor(cursor)

    def start(
        self, card_id: str, line: str, rect: QRect, pixel_size: int, area: QRect | None = None
    ) -> None:
        """Over the card at ``rect`` (in the parent's coordinates), in the card's type size,
        as tall as the whole line needs (within ``area``, the cards' part of the parent:
        never over the column headers; the whole parent if not given)."""
        self.card_id = card_id
        self._area = area
        font = self.font()
        font.setPixelSize(max(12, pixel_size))
        self.setFont(font)
        self.setText(line)
        self.setGeometry(self.placed(rect, area))
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setCursorPosition(len(line))
        self.ensureCursorVisible()

    def needed_height(self, width: int) -> int:
        """The height that shows every line of the text at ``width``."""
        margins = self.contentsMargins()
        document = round(self.document().documentMargin()) * 2
        inner = width - margins.left() - margins.right() - document - 4
        metrics = QFontMetrics(self.font())
        flags = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere
        text_height = metrics.boundingRect(QRect(0, 0, max(1, inner), 100000), flags, self.text())
        lines = max(metrics.lineSpacing(), text_height.height())
        return lines + margins.top() + margins.bottom() + document + 4

    def placed(self, rect: QRect, area: QRect | None = None) -> QRect:
        """The card's rectangle, taller if the line needs it, moved up if it would go past
        the bottom of ``area`` (the parent's rectangle if not given), never above its top."""
        if area is None:
            parent = self.parentWidget()
            area = parent.rect() if parent is not None else QRect(0, 0, 1, rect.bottom() + 1)
        ceiling, bottom = area.top(), area.top() + area.height()
        height = max(rect.height(), self.needed_height(rect.width()))
        height = min(height, bottom - ceiling)
        top = max(ceiling, min(rect.top(), bottom - height))
        return QRect(rect.left(), top, rect.width(), height)

    # private

    def _edited(self) -> None:
        if not self._setting:
            self.textEdited.emit(self.text())
        if self.card_id and self.isVisible():  # grows with the words typed
            wanted = self.placed(self.geometry(), self._area)
            if wanted.height() > self.height():
                self.setGeometry(wanted)

    def save_pending(self) -> None:
        """The words typed so far saved as Enter would (the window is going: another atelier
        opened, the language changed, Fabrique closed); nothing when no idea is being edited
        or its text was emptied."""
        text = self.text().strip()
        if self.card_id and text:
            self._finish(text)

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

    # Qt overrides

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._completion_key(event):
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text = self.text().strip()
            if text:
                self._finish(text)
            return
        if event.key() == Qt.Key.Key_Escape:
            self._cancel()
            return
        if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return  # no tab in an idea (Tab completes a marker, above)
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if (
            self.card_id
            and not self.completion_visible()
            and event.reason() != (Qt.FocusReason.PopupFocusReason)
        ):
            self._finish(self.text())
