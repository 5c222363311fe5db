"""Garbage cycles holding Qt objects are freed on the GUI thread, never in a network thread
(ui/gui_thread_gc.py): collected there, a window's timer answered « Timers cannot be stopped
from another thread » and a whole run once crashed in pytest-qt's event processing."""

from __future__ import annotations

import gc
import threading
from typing import ClassVar

from PySide6.QtCore import QTimer

from ui.app import make_application
from ui.gui_thread_gc import INTERVAL_MS, GuiThreadCollector


class _Cycle:
    freed_in: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.me = self
        self.timer = QTimer()  # a GUI-thread Qt object held by the cycle

    def __del__(self) -> None:
        _Cycle.freed_in.append(threading.current_thread().name)


def test_cycles_are_freed_on_the_gui_thread_only(qtbot) -> None:
    app = make_application()
    collector = app.findChild(GuiThreadCollector)
    assert collector is not None
    assert not gc.isenabled()
    _Cycle.freed_in.clear()
    for _ in range(50):
        _Cycle()

    def allocate() -> None:  # what a network thread does all day: cycles, past every threshold
        for _ in range(5000):
            loop: list[object] = []
            loop.append(loop)

    worker = threading.Thread(target=allocate, name="réseau")
    worker.start()
    worker.join()
    assert "réseau" not in _Cycle.freed_in
    qtbot.waitUntil(lambda: len(_Cycle.freed_in) == 50, timeout=5000)
    assert set(_Cycle.freed_in) == {threading.main_thread().name}


def test_a_paused_collector_collects_once_resumed(qtbot) -> None:
    """The app pauses it until its first frame (ui/app.run)."""
    app = make_application()
    collector = app.findChild(GuiThreadCollector)
    assert collector is not None
    collector.pause()
    _Cycle.freed_in.clear()
    for _ in range(collector.thresholds[0] + 10):
        _Cycle()
    qtbot.wait(3 * INTERVAL_MS)
    assert _Cycle.freed_in == []
    collector.resume()
    qtbot.waitUntil(lambda: len(_Cycle.freed_in) > 0, timeout=5000)
