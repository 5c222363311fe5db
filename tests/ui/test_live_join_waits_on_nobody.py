"""Joining a live session never makes the window wait on the network (issue 25): the copy
is fetched on a network loop behind a progress dialog, and « Annuler » gives the window back."""

from __future__ import annotations

import socket
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog

from ui import telling_box


def test_a_facilitator_who_does_not_answer_leaves_the_window_running(
    qtbot, window, monkeypatch
) -> None:
    from ui.live_share import join_with

    silent = socket.socket()  # accepts connections (the kernel's backlog) and never answers
    silent.bind(("127.0.0.1", 0))
    silent.listen(4)
    shown: list[str] = []
    monkeypatch.setattr(telling_box, "tell", lambda *args: shown.append(args[2]))
    seen: list[bool] = []
    ticks: list[float] = []

    def tick() -> None:  # the window's own timers (phones, live peers) while it waits
        ticks.append(time.monotonic())
        if len(ticks) == 10:  # the window runs: « Annuler » on the dialog that says why
            progress = window.findChild(QProgressDialog)
            seen.append(progress is not None and progress.isVisible())
            if progress is not None:
                progress.cancel()

    clock = QTimer(window)
    clock.timeout.connect(tick)
    began = time.monotonic()
    clock.start(50)
    try:
        assert join_with(window, "127.0.0.1", silent.getsockname()[1], "hjk-479", "T9") is None
    finally:
        clock.stop()
        silent.close()
    # the network's own limit is 30 s: the window ran, and was given back, well before
    assert time.monotonic() - began < 20
    assert seen == [True]  # « Réception de l'atelier de l'animateur… », with « Annuler »
    assert shown == []  # a cancel is no error
