"""The main window's parts are made in their parents (issue 28, the start-up figure): a part
made alone and put in a layout afterwards is reparented with all its children, each one's
font, palette and style sheet resolved again (~10 M instructions at start-up)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from ui.board_view import BoardView
from ui.capture_bar import CaptureBar


class _Reparented(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.moved: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ParentChange and isinstance(
            watched, (BoardView, CaptureBar)
        ):
            self.moved.append(type(watched).__name__)
        return False


def test_the_board_and_the_capture_bar_are_never_reparented(qtbot, fabrique_app, session):
    app = QApplication.instance()
    assert app is not None
    watch = _Reparented()
    app.installEventFilter(watch)
    try:
        window = fabrique_app.open_session(session.id)
        qtbot.addWidget(window)
    finally:
        app.removeEventFilter(watch)
    assert window.board.parentWidget() is window.centralWidget()
    assert window.capture.parentWidget() is window.centralWidget()
    assert watch.moved == []
