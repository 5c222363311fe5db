"""Waking Qt's main thread from another thread (the network's, the phones'): ``wake()`` may
be called there as often as it likes; the slot runs once, on the main thread, for every call
made before it ran (a burst of a hundred messages is one pump)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal


class WakeUp(QObject):
    """Signals:
    woken(): queued to the main thread by ``wake`` (internal).
    """

    woken = Signal()

    def __init__(self, slot: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._slot = slot
        self._pending = False
        self.woken.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def wake(self) -> None:
        """From any thread: the slot runs soon on the main thread (once for many wakes)."""
        if not self._pending:
            self._pending = True
            self.woken.emit()

    def _run(self) -> None:
        self._pending = False
        self._slot()
