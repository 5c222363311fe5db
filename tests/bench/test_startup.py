"""Start-up: from typing ``fabrique`` to its window shown on the demo atelier, vs a process that
shows a bare QMainWindow; both measured to the first turn of the event loop after show()."""

import os
import statistics
from textwrap import dedent

from tests.bench.timing import (
    SHOWN,
    compile_bytecode,
    fabrique_command,
    report,
    time_until_line,
    time_until_output,
)

BARE = dedent(
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([])
    window = QMainWindow()
    window.resize(1280, 720)
    window.show()
    QTimer.singleShot(0, lambda: print("SHOWN", flush=True))
    app.exec()
    """
)

DEMO = "Atelier 3 — Objectifs et pistes de projet"


def test_startup_ratio(tmp_path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    compile_bytecode()
    command = fabrique_command("--data-dir", str(tmp_path / "data"), "--open", DEMO)
    time_until_output(command, SHOWN, env)  # first use creates the demo
    bare, fabrique = [], []
    for _ in range(7):
        bare.append(time_until_line(BARE, [], "SHOWN", env))
        fabrique.append(time_until_output(command, SHOWN, env))
    ratio = report(
        "start-up to shown window", statistics.median(fabrique), statistics.median(bare), 2.0
    )
    assert ratio <= 2.0
