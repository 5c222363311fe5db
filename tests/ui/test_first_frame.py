"""Work deferred « after the first frame » waits for the window's first paint (issue 28).

On X the first paint waits for the server to map the window and send Expose; zero-delay
timers queued before then ran first, so the icons, menus, fonts and backup that were meant to
come after the first frame came before it (~150 ms between show() and a visible window). A
shown window whose updates are held back stands for that wait here.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from ui.first_frame import after_first_frame


class Painted(QWidget):
    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log
        self.resize(200, 100)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.log.append("paint")


def test_work_waits_for_the_first_paint_of_a_shown_window(qtbot) -> None:
    log: list[str] = []
    window = Painted(log)
    qtbot.addWidget(window)
    window.setUpdatesEnabled(False)  # shown, not yet painted: the X server has not mapped it
    after_first_frame(window, lambda: log.append("menus"))
    after_first_frame(window, lambda: log.append("icons"))
    after_first_frame(window, lambda: log.append("window shown"), first=True)
    QTimer.singleShot(0, lambda: log.append("a zero timer"))
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    qtbot.wait(20)
    assert log == ["a zero timer"]  # nothing deferred ran before the frame
    window.setUpdatesEnabled(True)
    window.update()
    qtbot.wait_until(lambda: "icons" in log)
    assert log == ["a zero timer", "paint", "window shown", "menus", "icons"]
    after_first_frame(window, lambda: log.append("later"))  # painted already: next turn
    qtbot.wait_until(lambda: "later" in log)


def test_a_window_not_shown_runs_its_work_at_the_next_turn(qtbot) -> None:
    log: list[str] = []
    window = Painted(log)
    qtbot.addWidget(window)
    after_first_frame(window, lambda: log.append("clusters"))
    qtbot.wait_until(lambda: log == ["clusters"])


def test_start_up_work_comes_after_the_boards_first_frame(qtbot, fabrique_app, session) -> None:
    """The icons (qtawesome), the feature menus and the groups wait for the window on screen."""
    window = fabrique_app.open_session(session.id, at_start_up=True)
    qtbot.addWidget(window)
    window.setUpdatesEnabled(False)  # shown, the X server not done with it yet
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    qtbot.wait(20)
    assert not hasattr(window, "animation")
    assert window.undo_action.icon().isNull()
    window.setUpdatesEnabled(True)
    window.update()
    qtbot.wait_until(lambda: hasattr(window, "animation"))
    qtbot.wait_until(lambda: not window.undo_action.icon().isNull())
