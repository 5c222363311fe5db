"""SIGTERM (a session logging out, a service manager, ``kill``) closes Fabrique's windows as
their close button does, without a question, then leaves: the phones' room tells the open
pages it is closed (they keep what was typed, wait, and come back by themselves when it
reopens) instead of vanishing mid-request; live sharing ends; a card being corrected in place
is saved. Killed outright, the pages said « Pas de connexion… vérifiez le Wi-Fi de la salle ».

Python runs a signal's handler only when it runs Python code, which a Qt loop waiting for
events may not do for a while: the signal's number, written to a socket
(``signal.set_wakeup_fd``), wakes the loop."""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


class CloseOnSigterm(QObject):
    def __init__(self, app: QApplication, leave: Callable[[int], None] | None = None) -> None:
        super().__init__(app)
        self.app = app
        self.leave = leave or app.exit
        self._read, self._write = socket.socketpair()
        self._read.setblocking(False)
        self._write.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._write.fileno())
        self._previous = signal.signal(signal.SIGTERM, self._noted)
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    @staticmethod
    def _noted(signum: int, frame: FrameType | None) -> None:
        """Not the default (the process gone at once): the loop acts on the socket's byte."""

    def _woken(self) -> None:
        try:
            numbers = self._read.recv(64)
        except OSError:
            return
        if signal.SIGTERM in numbers:
            QTimer.singleShot(0, self.close_all)

    def close_all(self) -> None:
        from ui.main_window import MainWindow

        log.info("SIGTERM: the windows close, as with their close button")
        for widget in self.app.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.close()
        self.leave(0)

    def uninstall(self) -> None:
        """The signal's handling as it was (tests)."""
        signal.signal(signal.SIGTERM, self._previous)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._read.close()
        self._write.close()
