"""Work that the first frame does not need, run once that frame is on screen.

``QTimer.singleShot(0, …)`` is not « after the first paint » on a real display: the window's
first paint waits for the X server to map it and send Expose, and zero-delay timers queued
before then run first. At start-up that put the icons (qtawesome), the feature menus, the
fallback fonts and a backup between ``show()`` and the first mapped frame (~150 ms on a
quiet machine). Here a shown window's work waits for its first Paint event; a window that is
not shown (tests, a window built to be shown later) runs it on the next turn of the event
loop, as before; a shown window that never paints (minimised at once) runs it after
``LATEST_MS`` all the same.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

LATEST_MS = 5000


class _FirstFrame(QObject):
    """Watches one window for its first paint; holds the work waiting for it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.waiting: list[Callable[[], None]] = []
        self.painted = False
        window.installEventFilter(self)
        QTimer.singleShot(0, self, self._check)
        QTimer.singleShot(LATEST_MS, self, self._release)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint and not self.painted:
            # after this paint, its siblings' and the flush to the screen
            QTimer.singleShot(0, self, self._release)
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.waiting.clear()  # closed before its first frame: its data may be gone too
        return False

    def _check(self) -> None:
        if not self.window.isVisible():  # nobody waits for a frame: run it now
            self._release()

    def _release(self) -> None:
        if self.painted:
            return
        self.painted = True
        self.window.removeEventFilter(self)
        waiting, self.waiting = self.waiting, []
        for work in waiting:
            work()


def after_first_frame(window: QWidget, work: Callable[[], None], first: bool = False) -> None:
    """Run ``work`` once ``window`` has painted its first frame (in the order asked, or
    before the rest if ``first``), or on the next turn of the event loop if it has already,
    or is not shown. The work is dropped if the window is destroyed first."""
    watcher = getattr(window, "_first_frame_watcher", None)
    if not isinstance(watcher, _FirstFrame):
        watcher = _FirstFrame(window)
        window._first_frame_watcher = watcher  # type: ignore[attr-defined]
    if watcher.painted:
        QTimer.singleShot(0, watcher, work)
    else:
        watcher.waiting.insert(0 if first else len(watcher.waiting), work)
