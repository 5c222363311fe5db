"""« Textes du livret… »: the editorial voice of the series' synthesis booklet.

The facilitator writes the organisation that publishes the booklet (cover, running header,
PDF author), its logo, the introduction, « pourquoi ce projet », « la suite » and the list
of those who took part. A new series starts from its template's texts. Saving is one
undoable change of the series, through the window's change bus.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop import booklet
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.limits import MAX_LOGO_BYTES
from fabrique_desktop.model import Series
from fabrique_desktop.ports import Store
from ui.change_bus import ChangeBus
from ui.dialog_buttons import action_buttons
from ui.series_dialog import SeriesDialog


class BookletTextsDialog(SeriesDialog):
    """Signals:
    texts_changed(): the booklet texts of the series were saved.
    """

    texts_changed = Signal()

    def __init__(
        self,
        store: Store,
        bus: ChangeBus,
        series: Series,
        media_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, bus, series, media_dir, parent)
        self.setWindowTitle(self.tr("Textes du livret — {}").format(series.title))
        self.resize(900, 640)
        current = booklet.texts(series)

        self.organisation = QLineEdit(current["organisation"])
        self.organisation.setPlaceholderText(self.tr("Ex. : Métropole Aix-Marseille-Provence"))
        self.logo = QLineEdit(current["logo"])
        self.logo.setReadOnly(True)
        self.logo.setPlaceholderText(self.tr("Aucun logo"))
        choose = QPushButton(self.tr("Choisir…"))
        choose.clicked.connect(self.choose_logo)
        remove = QPushButton(self.tr("Retirer"))
        remove.clicked.connect(self.logo.clear)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(choose)
        logo_row.addWidget(remove)
        form = QFormLayout()
        form.addRow(self.tr("Organisation"), self.organisation)
        form.addRow(self.tr("Logo"), logo_row)

        self.texts: dict[str, QPlainTextEdit] = {}
        tabs = QTabWidget()
        for name, title, hint in (
            (
                "introduction",
                self.tr("Introduction"),
                self.tr("Le mot d'ouverture, en tête du livret."),
            ),
            ("why", self.tr("Pourquoi ce projet ?"), self.tr("Le sens de la démarche.")),
            ("next", self.tr("La suite"), self.tr("Ce qui vient après les ateliers.")),
            (
                "participants",
                self.tr("Ils ont participé"),
                self.tr("Les noms de ceux qui ont pris part, séparés par « / ». Vide : aucun nom."),
            ),
        ):
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.addWidget(QLabel(hint))
            edit = QPlainTextEdit(current[name])
            edit.setTabChangesFocus(True)
            layout.addWidget(edit)
            tabs.addTab(page, title)
            self.texts[name] = edit
        self.tabs = tabs
        note = QLabel(
            self.tr("Une ligne vide sépare deux paragraphes. Les textes paraissent dans le livret.")
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(tabs, 1)
        layout.addWidget(note)
        layout.addWidget(action_buttons(self, self.tr("Enregistrer"), self._save_clicked))

    def values(self) -> dict[str, str]:
        values = {name: edit.toPlainText() for name, edit in self.texts.items()}
        values["organisation"] = self.organisation.text()
        values["logo"] = self.logo.text()
        return values

    def choose_logo(self) -> None:
        path = self.choose_image(self.tr("Logo de l'organisation"))
        if path is not None:
            self.set_logo(path)

    def set_logo(self, path: Path) -> None:
        """Keep a copy of the logo in the data folder's media folder (where the booklet, a
        .fabrique copy and an exported template find it) and name it."""
        if self.media_dir is None:
            self.logo.setText(str(path))
            return
        name = self.keep_image(
            path,
            prefix="logo",
            what="Le logo",  # in the core's French message
            limit=MAX_LOGO_BYTES,
            caption=self.tr("Logo de l'organisation"),
        )
        if name is not None:
            self.logo.setText(name)

    def _save_clicked(self) -> None:
        self.save()

    def save(self) -> bool:
        """Write the texts (one undo step) and close; ``False`` when refused, kept open."""
        try:
            change = booklet.edit_texts(self.series, self.values())
        except FabriqueError as error:
            QMessageBox.warning(self, self.tr("Textes du livret"), str(error))
            return False
        if change:
            if not self.bus.push(change):  # an undo step (Ctrl+Z gives the texts back)
                return False
            self.texts_changed.emit()
        self.accept()
        return True
