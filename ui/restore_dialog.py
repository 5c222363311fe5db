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

from db.backups import MIGRATION_LABEL, Contents, label_of, list_backups, peek
from fabrique_desktop.errors import StorageError
from ui.count_words import counted

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
                text = self.describe(peek(path))
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

    def describe(self, contents: Contents) -> str:
        """« 08/12/2026 06:09 (ouverture d'un atelier) · 5 ateliers · 106 idées, aucun vote,
        8 personas » in the app's language (db's ``Contents.describe`` is the CLI's French)."""
        taken = contents.taken
        when = taken.astimezone().strftime("%d/%m/%Y %H:%M") if taken else self.tr("date inconnue")
        label = label_of(contents.path)
        why = {
            "": self.tr("automatique"),
            "ouverture": self.tr("ouverture d'un atelier"),
            "avant-import": self.tr("avant un import"),
            "avant-import-idees": self.tr("avant un import d'idées"),
            "avant-import-modele": self.tr("avant un import de modèle"),
            "avant-restauration": self.tr("avant une remise en place"),
            "avant-restauration-brut": self.tr(
                "avant une remise en place (copie du fichier refusé)"
            ),
            "salle-telephones": self.tr("ouverture de la salle aux téléphones"),
        }.get(label)
        if why is None and label.startswith(MIGRATION_LABEL):
            why = self.tr("avant la mise à jour {}").format(label[len(MIGRATION_LABEL) :])
        counts = contents.counts
        said = [
            counted(
                len(contents.ateliers),
                self.tr("1 atelier"),
                self.tr("{} ateliers"),
                none=self.tr("aucun atelier"),
            ),
            ", ".join(
                (
                    counted(
                        counts.get("idées", 0),
                        self.tr("1 idée"),
                        self.tr("{} idées"),
                        none=self.tr("aucune idée"),
                    ),
                    counted(
                        counts.get("votes", 0),
                        self.tr("1 vote"),
                        self.tr("{} votes"),
                        none=self.tr("aucun vote"),
                    ),
                    counted(
                        counts.get("personas", 0),
                        self.tr("1 persona"),
                        self.tr("{} personas"),
                        none=self.tr("aucun persona"),
                    ),
                )
            ),
        ]
        return " · ".join((f"{when} ({why or label})", *said))

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
            self.tr("Ateliers : {}\nFichier : {}").format(
                self.tr(" ; ").join(contents.ateliers), path
            )
        )

    def _accept(self) -> None:
        item = self.backups.currentItem()
        if item is None:
            return
        self.accept()
        self.chosen.emit(Path(item.data(PATH_ROLE)))
