"""An idea typed and entered survives ``kill -9`` of the app 150 ms later, accents intact."""

import os
import select
import signal
import subprocess
import sys
import time
from textwrap import dedent

from db.store import Store
from fabrique_desktop.model import Card

IDEA = "Un téléphérique pour Notre-Dame « la Bonne Mère » — œuvre de Nguyễn Thị Thảo et Nadïa"

CHILD = dedent(
    """
    import sys
    from PySide6.QtCore import QEvent, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication
    from ui.app import make_application
    from fabrique_desktop.cli import main

    app = make_application()

    NONE = Qt.KeyboardModifier.NoModifier

    def type_idea():
        tops = QApplication.topLevelWidgets()
        windows = [w for w in tops if hasattr(w, "capture") and w.isVisible()]
        if not windows:  # not on screen yet: try again shortly
            QTimer.singleShot(50, type_idea)
            return
        field = windows[0].capture.field
        for char in sys.argv[2]:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(field, QKeyEvent(kind, 0, NONE, char))
        QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, NONE))
        print("CAPTURED", flush=True)

    QTimer.singleShot(0, type_idea)
    sys.exit(main(["--data-dir", sys.argv[1]]))
    """
)


def test_captured_idea_survives_sigkill(tmp_path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data), IDEA],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        ready, _, _ = select.select([child.stdout], [], [], 60)
        assert ready, "the app never captured the idea"
        assert child.stdout.readline().strip() == "CAPTURED"
        time.sleep(0.150)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    store = Store.open(data / "fabrique.db")
    assert IDEA in [c.text for c in store.find(Card)]
    store.close()
