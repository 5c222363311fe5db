"""Card fusion: choose which wording of the duplicates to keep (or write a new one), then fuse.

The dialog only gathers the text; the fusion itself is a core ``Change`` pushed by the
caller, so it is one undo step and the originals stay in the history.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop.model import Card
from ui import facilitation_style as style
from ui.dialog_buttons import action_buttons


class FusionDialog(QDialog):
    def __init__(self, cards: Sequence[Card], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards = list(cards)
        self.setWindowTitle(self.tr("Fusionner des idées"))
        style.projector(self)
        layout = QVBoxLayout(self)
        layout.addWidget(
            style.label(self.tr("Fusionner {} idées en une seule").format(len(cards)), "title")
        )
        layout.addWidget(
            style.label(
                self.tr(
                    "Choisissez la formulation à garder, ou modifiez-la. Les idées d'origine, "
                    "leurs personas, étiquettes et gommettes sont conservés."
                ),
                "muted",
            )
        )
        self.choices = QButtonGroup(self)
        for index, card in enumerate(cards):
            button = QRadioButton(card.text)
            button.setAccessibleName(card.text)
            self.choices.addButton(button, index)
            layout.addWidget(button)
        self.choices.idClicked.connect(self._chosen)
        layout.addWidget(style.label(self.tr("Texte de l'idée fusionnée :"), "subtitle"))
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Texte de l'idée fusionnée"))
        self.text.setTabChangesFocus(True)
        self.text.installEventFilter(self)  # Enter fuses: an idea is one paragraph
        layout.addWidget(self.text, 1)
        self.message = style.label("", "message")
        self.message.hide()
        layout.addWidget(self.message)
        buttons = action_buttons(self, self.tr("Fusionner"), self._accept)
        layout.addWidget(buttons)
        self.resize(900, 560)
        if cards:
            self.choices.button(0).setChecked(True)
            self._chosen(0)
        self.text.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.text
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)  # PySide gives the event its real class
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self._accept()
            return True
        return super().eventFilter(watched, event)

    def fused_text(self) -> str:
        return " ".join(self.text.toPlainText().split())

    def _chosen(self, index: int) -> None:
        self.text.setPlainText(self.cards[index].text)
        self.text.selectAll()

    def _accept(self) -> None:
        if not self.fused_text():
            self.message.setText(self.tr("Le texte de l'idée fusionnée ne peut pas être vide."))
            self.message.show()
            return
        self.accept()
