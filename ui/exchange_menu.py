"""The exchange entries of the « Fichier » menu: export the atelier (report, image, CSV…),
export the series' synthesis, import ideas from a CSV file. Dialogs load when first used."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from fabrique_desktop.changes import Origin

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class ExchangeMenu(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QWidget | None = None  # the last dialog opened (kept for tests)
        self.export_action = QAction(self.tr("Exporter…"), window)
        self.export_action.setShortcut(QKeySequence("Ctrl+P"))
        self.export_action.triggered.connect(self.export)
        self.series_action = QAction(self.tr("Exporter la synthèse de la série…"), window)
        self.series_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.series_action.triggered.connect(self.export_series)
        self.import_action = QAction(self.tr("Importer des idées (CSV)…"), window)
        self.import_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.import_action.triggered.connect(self.import_cards)
        menu = window.file_menu
        before = getattr(window, "quit_action", None)
        separator = menu.insertSeparator(before) if before is not None else menu.addSeparator()
        for action in (self.export_action, self.series_action, self.import_action):
            menu.insertAction(separator, action)
            window.addAction(action)

    def export(self, key: str = "pdf") -> None:
        from ui.export_dialog import ExportDialog

        settings = self.window.settings
        self.dialog = dialog = ExportDialog(
            self.window.store,
            self.window.session,
            self.window,
            language=settings.get("language", "fr") if settings is not None else "fr",
            write=self.window.bus.writer(Origin.LOCAL, self.window.session.id),
        )
        dialog.select_format(key if isinstance(key, str) else "pdf")
        dialog.exported.connect(
            lambda path: self.window.statusBar().showMessage(
                self.tr("Exporté : {}").format(path), 8000
            )
        )
        dialog.open()

    def export_series(self) -> None:
        self.export("series")

    def import_cards(self) -> None:
        from ui.import_cards_dialog import ImportCardsDialog

        controller = self.window.controller
        self.dialog = dialog = ImportCardsDialog(controller, controller.template, self.window)
        dialog.imported.connect(self._imported)
        dialog.open()
        dialog.choose_file()

    def _imported(self, count: int) -> None:
        """The imported ideas are selected, in sight, and the board has the keyboard."""
        from fabrique_desktop.model import Card

        change = getattr(self.dialog, "change", None)
        if change is not None:
            self.window.board_actions.select_and_show(change.touched(Card.kind))
        self.window.statusBar().showMessage(
            self.tr("{} idées importées (Ctrl+Z pour annuler).").format(count), 8000
        )
