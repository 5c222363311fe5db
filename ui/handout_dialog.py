"""« Préparer une copie pour un preneur de notes » : which table, with or without the photos."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop.model import Session, Table
from ui.dialog_buttons import action_buttons


class HandoutDialog(QDialog):
    """Asks for the note-taker's table and the file kind; ``table()`` and ``with_photos()``."""

    def __init__(self, session: Session, tables: list[Table], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Préparer une copie pour un preneur de notes"))
        self.resize(760, 340)
        intro = QLabel(
            self.tr(
                "Une copie de « {} » pour l'ordinateur d'un preneur de notes. Il l'ouvre avec "
                "Fichier › Importer des notes ; à la fin, vous importez sa copie de la même "
                "façon : ses idées s'ajoutent aux vôtres, sans doublon."
            ).format(session.title)
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("font-size: 13pt;")
        label = QLabel(self.tr("&Table du preneur de notes :"))
        label.setStyleSheet("font-size: 13pt;")
        self.tables = QComboBox()
        self.tables.setStyleSheet("font-size: 14pt;")
        self.tables.addItem(self.tr("Aucune table en particulier"), None)
        for table in sorted(tables, key=lambda t: t.number):
            name = (
                f" — {table.name}" if table.name and table.name != f"Table {table.number}" else ""
            )
            self.tables.addItem(self.tr("Table {}").format(table.number) + name, table)
        label.setBuddy(self.tables)
        self.photos = QCheckBox(self.tr("Joindre les &photos (fichier .fabrique)"))
        self.photos.setStyleSheet("font-size: 13pt;")
        self.photos.setChecked(True)
        buttons = action_buttons(self, self.tr("Enregistrer la copie…"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addWidget(label)
        layout.addWidget(self.tables)
        layout.addWidget(self.photos)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.tables.setFocus()

    def table(self) -> Table | None:
        return self.tables.currentData()

    def with_photos(self) -> bool:
        return self.photos.isChecked()
