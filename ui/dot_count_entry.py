"""The count of paper dots on a card, typed on the board (issue 13).

In most rooms the participants put paper stickers on the cards and the facilitator counts
them: « * » on the board, then the number — Enter or a second digit records it (at most
three keystrokes). The count goes to the vote feature, which writes it through the bus.
An Enter typed out of habit right after two digits (« * 12 Entrée ») is taken by the count
(``takes_enter``): it does not also open the card's editor on the board.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QLineEdit, QWidget

if TYPE_CHECKING:  # type hints only
    from PySide6.QtGui import QFocusEvent, QKeyEvent

ENTER_AFTER_S = 1.5  # an Enter this soon after the second digit belongs to the count


class DotCountEntry(QLineEdit):
    """The count of paper dots on the selected card, typed: « = » then the number; Enter,
    or a second digit, records it (issue 13: at most three keystrokes). Esc: nothing."""

    counted = Signal(str, int)  # card id, dots

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.card_id = ""
        self._recorded_at: float | None = None  # when a second digit recorded the count
        self.setValidator(QIntValidator(0, 99, self))
        self.setMaxLength(2)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(self.tr("Nombre de gommettes sur l'idée"))
        self.setPlaceholderText("●")
        self.textEdited.connect(self._edited)
        self.returnPressed.connect(self._record)
        self.hide()

    def ask(self, card_id: str, where: QRect, pixels: int) -> None:
        self.card_id = card_id
        self._recorded_at = None
        self.clear()
        self.setStyleSheet(
            f"font-size: {pixels}px; font-weight: bold; color: white; background: #1A237E;"
            "border: 3px solid #FFD600; border-radius: 8px;"
        )
        height = round(pixels * 1.8)
        self.setGeometry(where.left(), max(0, where.bottom() - height), round(pixels * 3.2), height)
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def takes_enter(self) -> bool:
        """Once, for an Enter typed just after a second digit recorded the count."""
        recorded, self._recorded_at = self._recorded_at, None
        return recorded is not None and time.monotonic() - recorded < ENTER_AFTER_S

    def _edited(self, text: str) -> None:
        if len(text) == 2:
            self._record()
            self._recorded_at = time.monotonic()

    def _record(self) -> None:
        text = self.text()
        self.hide()
        if text.isdigit():
            self.counted.emit(self.card_id, int(text))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.hide()
