"""« Nouvel atelier »: its title, its phase in the method and its date (today by default).

Dates are shown in the user's format (03/04/2017 in French) and stored as ISO dates.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.dialog_buttons import action_buttons


def shown_date(iso: str) -> str:
    """An ISO date (2017-04-03) in the user's short format (03/04/2017 in French)."""
    date = QDate.fromString(iso, Qt.DateFormat.ISODate)
    if not date.isValid():
        return iso
    return QLocale().toString(date, QLocale.FormatType.ShortFormat)


class NewSessionDialog(QDialog):
    def __init__(self, phase: str = "valeurs", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nouvel atelier"))
        self.setStyleSheet("font-size: 14pt;")
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Titre de l'atelier"))
        self.phase = QComboBox()
        self.phase.setAccessibleName(self.tr("Phase"))
        for key, label in (
            ("valeurs", self.tr("Valeurs")),
            ("objectifs", self.tr("Objectifs & pistes de projet")),
            ("convergence", self.tr("Convergence")),
            ("autre", self.tr("Autre")),
        ):
            self.phase.addItem(label, key)
        self.phase.setCurrentIndex(max(0, self.phase.findData(phase)))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.date.setAccessibleName(self.tr("Date"))
        self.message = QLabel()
        self.message.setStyleSheet("color: #B71C1C; font-weight: bold;")
        self.message.setWordWrap(True)
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Titre :"), self.title)
        form.addRow(self.tr("&Phase :"), self.phase)
        form.addRow(self.tr("&Date :"), self.date)
        buttons = action_buttons(self, self.tr("Créer"), self._accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(640, 0)
        self.title.setFocus()

    def values(self) -> dict[str, str]:
        """The new atelier's fields: title, phase key, ISO date."""
        return {
            "title": self.title.text().strip(),
            "phase": str(self.phase.currentData()),
            "date": self.date.date().toString(Qt.DateFormat.ISODate),
        }

    def _accept(self) -> None:
        if not self.values()["title"]:
            self.message.setText(self.tr("Donnez un titre à l'atelier."))
            self.message.show()
            self.title.setFocus()
            return
        self.accept()
