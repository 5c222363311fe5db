"""The capture field: type an idea, Enter adds it, focus stays for the next one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


class CaptureField(QLineEdit):
    """Signals:
    submitted(str): Enter was pressed on non-empty text. The receiver clears the field once
        the idea is safely stored: if storing fails, the words stay in the field.
    left(): Esc was pressed; the board should take the focus.
    """

    submitted = Signal(str)
    left = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text = self.text().strip()
            if text:
                self.submitted.emit(text)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.left.emit()
            return
        super().keyPressEvent(event)


class CaptureBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = CaptureField()
        self.field.setObjectName("capture")
        self.field.setPlaceholderText(self.tr("Nouvelle idée… (Entrée pour ajouter)"))
        self.field.setAccessibleName(self.tr("Saisie d'une idée"))
        self.hint = QLabel(
            self.tr("Ctrl+N : saisir · Entrée : ajouter à « À trier » · Échap : aller au tableau")
        )
        self.hint.setObjectName("hint")
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.hint)
