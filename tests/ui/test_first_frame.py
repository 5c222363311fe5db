"""Work deferred « after the first frame » waits for the window's first paint (issue 28).

On X the first paint waits for the server to map the window and send Expose; zero-delay
timers queued before then ran first, so the icons, menus, fonts and backup that were meant to
come after the first frame came before it (~150 ms between show() and a visible window). A
shown window whose updates are held back stands for that wait here.
"""

from __future__ import annotations

import dataclasses

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
    """The icons (qtawesome), the feature menus, the groups and the filter's clear button (its
    icon looked up in the desktop's icon theme) wait for the window on screen."""
    window = fabrique_app.open_session(session.id, at_start_up=True)
    qtbot.addWidget(window)
    window.setUpdatesEnabled(False)  # shown, the X server not done with it yet
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    qtbot.wait(20)
    assert not hasattr(window, "animation")
    assert window.undo_action.icon().isNull()
    assert not window.capture.search.isClearButtonEnabled()
    window.setUpdatesEnabled(True)
    window.update()
    qtbot.wait_until(lambda: hasattr(window, "animation"))
    qtbot.wait_until(lambda: not window.undo_action.icon().isNull())
    assert window.capture.search.isClearButtonEnabled()


def test_opening_the_board_reads_the_sessions_cards_once(
    fabrique_app, session, monkeypatch
) -> None:
    """The live cards are decoded once, the fused cards' originals not at all (a 2000-idea
    board decoded its cards twice before its first frame)."""
    from db import store as db_store
    from fabrique_desktop import board
    from fabrique_desktop.model import Card

    store = fabrique_app.store
    for text in ("une idée", "la même idée"):
        store.apply(board.capture(store, session.id, text))
    first, second = board.session_cards(store, session.id)[-2:]
    store.put_many([dataclasses.replace(second, merged_into=first.id)])
    live = [c.id for c in board.session_cards(store, session.id)]
    decoded: list[str] = []
    decode_rows = db_store.decode_rows

    def counted(cls, names, rows):  # type: ignore[no-untyped-def]
        found = decode_rows(cls, names, rows)
        decoded.extend(c.id for c in found if cls is Card)
        return found

    monkeypatch.setattr(db_store, "decode_rows", counted)
    window = fabrique_app.open_session(session.id)
    assert sorted(decoded) == sorted(live)
    assert window.scene.notes.fused_sources == {first.id: {second.id}}
    assert second.id not in window.scene.items_by_id
