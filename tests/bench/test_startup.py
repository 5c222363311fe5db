"""Start-up: process start to a visible main window on the demo atelier, vs a bare QMainWindow."""

import os
import statistics
from textwrap import dedent

from tests.bench.timing import report, time_until_line

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

# The app is started through its real entry point; the QApplication made here (as in BARE) is
# only there to schedule the print once the event loop runs, and the app reuses it.
FABRIQUE = dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    QTimer.singleShot(0, lambda: print("SHOWN", flush=True))
    from fabrique_desktop.cli import main
    sys.exit(main(["--data-dir", sys.argv[1], "--open", sys.argv[2]]))
    """
)

DEMO = "Atelier 3 — Objectifs et pistes de projet"


def test_startup_ratio(tmp_path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    data = str(tmp_path / "data")
    time_until_line(FABRIQUE, [data, DEMO], "SHOWN", env)  # first use creates the demo
    bare, fabrique = [], []
    for _ in range(7):
        bare.append(time_until_line(BARE, [], "SHOWN", env))
        fabrique.append(time_until_line(FABRIQUE, [data, DEMO], "SHOWN", env))
    ratio = report(
        "start-up to shown window", statistics.median(fabrique), statistics.median(bare), 2.0
    )
    assert ratio <= 2.0
