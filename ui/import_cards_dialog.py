"""File → Import ideas (CSV): ideas typed in a spreadsheet or transcribed from paper.

The file is checked whole before anything is imported: the dialog shows how many ideas go
to which column, or the French message naming the bad line. Importing is one undoable
change pushed through the board's controller.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop import disk
from fabrique_desktop.changes import Change, Origin
from fabrique_desktop.csv_import import Parsed, read_file
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.template import Template
from ui.board_controller import BoardController
from ui.count_words import counted

PREVIEW = 12


class ImportCardsDialog(QDialog):
    """Signals:
    imported(int): that many ideas were added to the board.
    """

    imported = Signal(int)

    def __init__(
        self, controller: BoardController, template: Template, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.template = template
        self.parsed: Parsed | None = None
        self.change: Change | None = None
        self.setWindowTitle(self.tr("Importer des idées (CSV)"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        help_text = QLabel(
            self.tr(
                "Un fichier CSV dont la première ligne nomme les colonnes : texte, colonne, "
                "persona, horizon, thèmes (seul le texte est obligatoire). Séparateur « ; » "
                "ou « , » ; UTF-8 ou Windows-1252."
            )
        )
        help_text.setWordWrap(True)
        layout.addWidget(help_text)
        self.file_label = QLabel(self.tr("Aucun fichier choisi."))
        self.file_label.setWordWrap(True)
        layout.addWidget(self.file_label)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.preview = QListWidget()
        layout.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Choisir un fichier…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.import_button = QPushButton(self.tr("Importer"))
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.accept_import)
        cancel = QPushButton(self.tr("Annuler"))
        cancel.clicked.connect(self.reject)
        buttons.addWidget(self.choose_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Importer des idées"),
            str(Path.home()),
            self.tr("Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)"),
        )
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> bool:
        """Check ``path``; show what would be imported, or why it is refused."""
        self.parsed, self.change = None, None
        self.preview.clear()
        self.import_button.setEnabled(False)
        self.file_label.setText(self.tr("Fichier : {}").format(path))
        try:
            data = path.read_bytes()
        except OSError as error:
            self._refuse(self.tr("Impossible de lire ce fichier : {}.").format(disk.reason(error)))
            return False
        try:
            parsed, change = read_file(
                self.controller.store, self.controller.session, data, self.template
            )
        except FabriqueError as error:
            self._refuse(str(error))
            return False
        self.parsed, self.change = parsed, change
        titles = {c.key: c.title for c in self.template.columns}
        detail = ", ".join(f"{titles.get(k, k)} : {n}" for k, n in parsed.per_column().items())
        self.summary.setStyleSheet("")
        present = counted(
            parsed.present,
            self.tr("1 déjà présente, non ajoutée"),
            self.tr("{} déjà présentes, non ajoutées"),
            none="",
        )
        if not parsed.rows:
            self.summary.setText(self.tr("Aucune idée à ajouter : {}.").format(present))
            return False
        ready = self.tr("{} idées prêtes à importer ({}).").format(len(parsed.rows), detail)
        if present:
            ready = self.tr("{} idées prêtes à importer ({}) ; {}.").format(
                len(parsed.rows), detail, present
            )
        self.summary.setText(ready)
        for row in parsed.rows[:PREVIEW]:
            self.preview.addItem(f"{titles.get(row.column, row.column)} — {row.text}")
        if len(parsed.rows) > PREVIEW:
            self.preview.addItem(self.tr("… et {} autres").format(len(parsed.rows) - PREVIEW))
        self.import_button.setEnabled(True)
        self.import_button.setFocus()
        return True

    def accept_import(self) -> None:
        if self.change is None or self.parsed is None:
            return
        if self.controller.bus.push(self.change, origin=Origin.IMPORT):
            self.imported.emit(len(self.parsed.rows))
            self.accept()

    def _refuse(self, message: str) -> None:
        self.summary.setStyleSheet("color: #B71C1C; font-weight: bold;")
        self.summary.setText(message)
