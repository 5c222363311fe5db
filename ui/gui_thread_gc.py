"""Python's cyclic garbage collected on the GUI thread only.

The network threads (phones' room, live sharing, the relay) run Python too, and Python's
automatic collection runs in whichever thread happens to allocate past its threshold: there it
may destroy a Qt object of the GUI thread held in a reference cycle (a window's timer, a
watcher), which Qt answers with « Timers cannot be stopped from another thread » or a crash.
As pyqtgraph's ``GarbageCollector`` does, automatic collection is switched off and the same
thresholds are checked on a GUI-thread timer instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 200


class GuiThreadCollector(QObject):
    """Collects generation by generation, as Python would, from a timer of ``parent``'s thread."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(INTERVAL_MS)
        gc.disable()

    def check(self) -> int:
        """Collect the oldest generation whose count passed its threshold; objects freed."""
        first, second, third = gc.get_count()
        if first <= self.thresholds[0]:
            return 0
        if third > self.thresholds[2]:
            return gc.collect(2)
        if second > self.thresholds[1]:
            return gc.collect(1)
        return gc.collect(0)

    def pause(self) -> None:
        """No collection until ``resume``: while the app starts, its objects all live on, and
        collecting them before the first frame cost that frame ~10 ms (issue 28)."""
        self._timer.stop()

    def resume(self) -> None:
        self._timer.start(INTERVAL_MS)

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install the collector on ``app`` once (later calls return the same one)."""
    # not app.findChild: it wraps each of the app's children for Python, and wrapping its
    # style makes QStyle's Python enums at start-up (~50 M instructions, issue 28)
    existing = getattr(app, "_gui_thread_collector", None)
    if isinstance(existing, GuiThreadCollector):
        return existing
    collector = GuiThreadCollector(app)
    app._gui_thread_collector = collector  # type: ignore[attr-defined]
    return collector
