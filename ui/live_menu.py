"""Live sharing in the « Fichier » menu: share the open atelier, or join one (issue 8).

Only the two actions are built with the window; the network code (``fabrique_desktop.live``,
``ui.live_share``) is imported when one of them is used: start-up time is measured.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from ui.animation.context import WindowContext
    from ui.live_share import LivePanel, LiveSession
    from ui.main_window import MainWindow
    from ui.relay_share import RelayShare

log = logging.getLogger(__name__)


class LiveMenu(QObject):
    """Adds « Partager l'atelier en direct » and « Rejoindre un atelier » to a window."""

    def __init__(self, window: MainWindow, context: WindowContext) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.live: LiveSession | None = None  # once sharing or joined
        self.panel: LivePanel | None = None  # the sharing panel beside the board
        self.refusal: QWidget | None = None  # why « Rejoindre » cannot, while sharing
        self.share_action = QAction(self.tr("Partager l'atelier en direct…"), window)
        self.share_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.share_action.triggered.connect(self.share)
        self.join_action = QAction(self.tr("Rejoindre un atelier en direct…"), window)
        self.join_action.setShortcut(QKeySequence("Ctrl+Shift+J"))
        self.join_action.triggered.connect(self.join)
        self.relay: RelayShare | None = None  # a series shared through a relay (issue 29)
        self.relay_action = QAction(self.tr("Partager la série par un relais…"), window)
        self.relay_action.triggered.connect(self.share_through_relay)
        self.receive_action = QAction(self.tr("Recevoir une série par un relais…"), window)
        self.receive_action.triggered.connect(self.receive_through_relay)
        menu = window.file_menu
        first = menu.actions()[1] if len(menu.actions()) > 1 else None
        actions = (self.share_action, self.join_action, self.relay_action, self.receive_action)
        for action in actions:
            window.addAction(action)
            menu.insertAction(first, action) if first else menu.addAction(action)
        menu.insertSeparator(first) if first else menu.addSeparator()
        self._resume_relay()

    def share(self) -> None:
        """Start sharing (the code appears large on the board), or show the panel again."""
        from ui.live_share import share_window

        share_window(self.window)

    def join(self) -> bool:
        """« Rejoindre un atelier en direct »; while this window shares live (or already
        follows a facilitator), says why not instead: joining would end that link."""
        from ui.live_share import join_from_window

        live = self.live
        if live is not None and live.active:
            title = self.context.session.title
            if live.role == "host":
                why = self.tr(
                    "Cet ordinateur partage déjà « {} » en direct : il ne peut pas en même "
                    "temps rejoindre un autre atelier. Arrêtez d'abord le partage (Ctrl+Shift+L, "
                    "« Arrêter le partage »)."
                )
            else:
                why = self.tr(
                    "Cet ordinateur suit déjà « {} » en direct : quittez d'abord ce partage "
                    "(Ctrl+Shift+L, « Quitter le partage »)."
                )
            log.info("join refused: this window already shares live (%s)", live.role)
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Rejoindre un atelier en direct"),
                why.format(title),
                parent=self.window,
            )
            self.refusal = box
            box.open()
            return False
        return join_from_window(self.window) is not None

    def share_through_relay(self) -> None:
        self._relay().share()

    def receive_through_relay(self) -> None:
        self._relay().receive()

    def _relay(self) -> RelayShare:
        if self.relay is None:
            from ui.relay_share import RelayShare

            self.relay = RelayShare(self.context)
        return self.relay

    def _resume_relay(self) -> None:
        """A series already shared through a relay is kept in step as soon as it is open (the
        relay's code is imported only then)."""
        settings = self.context.settings
        shared = settings.get("relais") if settings is not None else None
        if isinstance(shared, dict) and self.context.session.series_id in shared:
            self._relay().resume()
