"""The « Méthode » menu of the main window: personas, tables, the method's slides, the
series' template and its exchange. Dialogs are imported when first used (start-up time)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from fabrique_desktop import disk
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Series
from fabrique_desktop.paths import DataDir
from ui import telling_box
from ui.count_words import by_count

if TYPE_CHECKING:
    from collections.abc import Callable

    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


class MethodMenu(QObject):
    """Adds the « Méthode » menu to a ``MainWindow`` and runs its dialogs (their edits go
    through the window's change bus: every view hears of them there)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QWidget | None = None  # the last dialog or show opened (kept for tests)
        self.menu = window.menuBar().addMenu(self.tr("&Méthode"))
        self.personas_action = self._action(
            self.tr("Personas…"), "Ctrl+Shift+P", self.edit_personas
        )
        self.present_personas_action = self._action(
            self.tr("Présenter les personas"), "F9", self.present_personas
        )
        self.print_deck_action = self._action(
            self.tr("Imprimer les cartes personas…"), None, self.print_deck
        )
        self.menu.addSeparator()
        self.tables_action = self._action(
            self.tr("Tables et participants…"), "Ctrl+Shift+B", self.edit_tables
        )
        self.menu.addSeparator()
        self.method_action = self._action(self.tr("La méthode…"), None, self.browse_method)
        self.slides_action = self._action(
            self.tr("Diaporama de la méthode"), "F6", self.present_method
        )
        self.menu.addSeparator()
        self.template_action = self._action(
            self.tr("Modèle de la série…"), None, self.edit_template
        )
        self.booklet_action = self._action(
            self.tr("Textes du livret…"), None, self.edit_booklet_texts
        )
        self.export_template_action = self._action(
            self.tr("Exporter le modèle…"), None, self.export_template
        )
        self.import_template_action = self._action(
            self.tr("Importer un modèle…"), None, self.import_template
        )

    # what the actions work on

    @property
    def store(self):
        return self.window.store

    @property
    def session(self):
        return self.window.session

    def series(self) -> Series:
        series = self.store.get(Series, self.session.series_id)
        assert series is not None
        return series

    def media_dir(self) -> Path | None:
        path = getattr(self.store, "path", None)
        return DataDir(Path(path).parent).media if path else None

    # slots

    def edit_personas(self) -> None:
        from ui.persona_deck import PersonaDeck

        self.dialog = dialog = PersonaDeck(
            self.store,
            self.window.bus,
            self.series(),
            self.session.id,
            self.media_dir(),
            self.window,
        )
        dialog.exec()

    def present_personas(self) -> None:
        from fabrique_desktop.personas import deck
        from ui.persona_presenter import PersonaPresenter

        personas = deck(self.store, self.session.series_id)
        if not personas:
            self._inform(self.tr("Cette série n'a aucun persona."))
            return
        self.dialog = dialog = PersonaPresenter(personas, 0, self.media_dir(), self.window)
        dialog.present()

    def edit_tables(self) -> None:
        from ui.tables_dialog import TablesDialog

        self.dialog = dialog = TablesDialog(self.store, self.window.bus, self.session, self.window)
        dialog.exec()

    def browse_method(self) -> None:
        from fabrique_desktop.workspace import series_template
        from ui.method_slides import MethodSlides

        self.dialog = dialog = MethodSlides(series_template(self.series()), self.window)
        dialog.exec()

    def present_method(self) -> None:
        from fabrique_desktop.workspace import series_template
        from ui.method_slides import MethodPresenter, build_slides

        self.dialog = dialog = MethodPresenter(
            build_slides(series_template(self.series())), 0, self.window
        )
        dialog.present()

    def edit_template(self) -> None:
        from ui.template_editor import TemplateEditor

        self.dialog = dialog = TemplateEditor(
            self.store, self.window.bus, self.series(), self.window
        )
        dialog.template_changed.connect(self._reopen)
        dialog.exec()

    def edit_booklet_texts(self) -> None:
        from ui.booklet_texts_dialog import BookletTextsDialog

        self.dialog = BookletTextsDialog(
            self.store, self.window.bus, self.series(), self.media_dir(), self.window
        )
        self.dialog.exec()

    def print_deck(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Imprimer les cartes personas"),
            self.tr("cartes-personas.pdf"),
            self.tr("PDF (*.pdf)"),
        )
        if path:
            self.print_deck_to(Path(path))

    def print_deck_to(self, target: Path) -> bool:
        from exports.persona_deck import write_deck
        from fabrique_desktop.personas import deck

        series = self.series()
        personas = deck(self.store, series.id)
        if not personas:
            self._inform(self.tr("Cette série n'a aucun persona."))
            return False
        try:
            from fabrique_desktop.booklet import texts

            pages = write_deck(
                personas,
                target,
                title=series.title,
                media_dir=self.media_dir(),
                author=texts(series)["organisation"],
            )
        except FabriqueError as error:
            self._refuse(str(error))
            return False
        saved = by_count(
            pages,
            self.tr("Cartes enregistrées : {} (1 page)."),
            self.tr("Cartes enregistrées : {} ({} pages)."),
        ).format(target.name, pages)
        self.window.statusBar().showMessage(saved, 6000)
        return True

    def export_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Exporter le modèle"),
            self.tr("modele-fabrique.json"),
            self.tr("Modèle Fabrique (*.json)"),
        )
        if path:
            self.export_template_to(Path(path))

    def export_template_to(self, target: Path) -> bool:
        from exports.safe_write import write_bytes
        from fabrique_desktop import template_exchange

        try:
            data = template_exchange.export_template(self.store, self.series(), self.media_dir())
            write_bytes(target, template_exchange.to_json(data).encode("utf-8"))
        except FabriqueError as error:
            self._refuse(str(error))
            return False
        self.window.statusBar().showMessage(
            self.tr("Modèle exporté : {}").format(target.name), 6000
        )
        return True

    def import_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Importer un modèle"), "", self.tr("Modèle Fabrique (*.json)")
        )
        if path:
            self.import_template_from(Path(path))

    def import_template_from(self, source: Path) -> Series | None:
        """A new series from a template file; a calm message, and nothing changed, if refused."""
        from fabrique_desktop import template_exchange
        from fabrique_desktop.changes import Origin
        from fabrique_desktop.workspace import list_sessions

        try:
            data = source.read_bytes()
        except OSError as error:
            self._refuse(
                self.tr("Impossible de lire « {} » : {}").format(source.name, disk.reason(error))
            )
            return None
        self.window.back_up_before("avant-import-modele")
        try:
            change, series = template_exchange.import_template(
                self.store, data, source.name, self.media_dir()
            )
        except FabriqueError as error:
            self._refuse(str(error))
            return None
        if not self.window.bus.push(change, origin=Origin.IMPORT):
            return None  # not stored: the bus said why
        sessions = list_sessions(self.store, series.id)
        made = by_count(
            len(sessions),
            self.tr("Série créée : « {} » (1 atelier)."),
            self.tr("Série créée : « {} » ({} ateliers)."),
        ).format(series.title, len(sessions))
        if sessions and self.window.request_session(sessions[0].id):
            successor = self.window.successor  # set by FabriqueApp
            if successor is not None:  # the series' first atelier replaced this window
                successor.build_feature_menus()
                successor.method_menu._inform(made)  # over it: this one is going
                return series
        self._inform(made)
        return series

    # private

    def _reopen(self) -> None:
        """The board's columns come from the template: reopen the session to show them."""
        self.window.request_session(self.session.id)

    def _forget_dialog(self) -> None:
        """A closed dialog or show is deleted when the next one opens."""
        if self.dialog is not None and not self.dialog.isVisible():
            self.dialog.deleteLater()
        self.dialog = None

    def _action(self, text: str, shortcut: str | None, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))

        def triggered(_checked: bool = False) -> None:
            self._forget_dialog()
            slot()

        action.triggered.connect(triggered)
        self.menu.addAction(action)
        self.window.addAction(action)
        return action

    def _inform(self, text: str) -> None:
        self.dialog = telling_box.tell(
            self.window, self.tr("Fabrique"), text, QMessageBox.Icon.Information
        )

    def _refuse(self, text: str) -> None:
        log.warning("refused: %s", text)
        self.dialog = telling_box.tell(self.window, self.tr("Fabrique"), text)
