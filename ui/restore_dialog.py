"""Fichier › Remettre une sauvegarde en place…: the backups, newest first, each with its date,
why it was taken, its ateliers and how many ideas, votes and personas it holds.

Choosing one only says which; ``FabriqueApp.restore_backup`` checks and installs it (the
current state is backed up first, see ``db.backups.restore``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.backups import list_backups, peek
from fabrique_desktop.errors import StorageError

PATH_ROLE = Qt.ItemDataRole.UserRole


class RestoreDialog(QDialog):
    """Signals:
    chosen(Path): the backup to put back in place.
    """

    chosen = Signal(Path)

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Remettre une sauvegarde en place"))
        self.setMinimumWidth(780)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Choisissez l'état à retrouver. L'état actuel est sauvegardé d'abord : "
                "rien n'est perdu, on peut y revenir de la même façon."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.backups = QListWidget()
        layout.addWidget(self.backups, 1)
        self.details = QLabel()
        self.details.setObjectName("restore_details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            self.tr("Remettre en place"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.backups.currentItemChanged.connect(self._show)
        self.backups.itemActivated.connect(lambda _item: self._accept())
        for path in reversed(list_backups(folder)):
            try:
                text = peek(path).describe()
            except StorageError as error:
                text = self.tr("{} : {}").format(path.name, error)
            item = QListWidgetItem(text)
            item.setData(PATH_ROLE, str(path))
            self.backups.addItem(item)
        if self.backups.count():
            self.backups.setCurrentRow(0)
        else:
            self.details.setText(self.tr("Aucune sauvegarde dans « {} ».").format(folder))
        self.restore_button.setEnabled(self.backups.count() > 0)

    def _show(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        path = Path(item.data(PATH_ROLE))
        try:
            contents = peek(path)
        except StorageError as error:
            self.details.setText(self.tr("« {} » : {}").format(path.name, error))
            return
        self.details.setText(
            self.tr("Ateliers : {}\nFichier : {}").format(" ; ".join(contents.ateliers), path)
        )

    def _accept(self) -> None:
        item = self.backups.currentItem()
        if item is None:
            return
        self.accept()
        self.chosen.emit(Path(item.data(PATH_ROLE)))
