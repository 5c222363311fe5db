"""Focus lands where a facilitator expects (issue 13): after any dialog or presenter
closes, the main window has the keyboard again, where it was; after opening an atelier, the
capture field has it. The offscreen platform, like an X server with no window manager,
gives nobody the focus back by itself (tests/ui/test_wall_real_window.py: a real one)."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from fabrique_desktop.model import Card
from fabrique_desktop.workspace import list_sessions
from tests.ui.conftest import type_text


@pytest.fixture
def active(qtbot, window):
    # windows left visible by earlier tests would take the focus instead: one window only,
    # as in the room
    for other in QApplication.topLevelWidgets():
        if other is not window and other.isVisible():
            other.close()
    window.activateWindow()  # as the app does when it opens
    qtbot.wait_until(lambda: window.activateWindow() or window.isActiveWindow(), timeout=5000)
    return window


def has_keyboard(qtbot, window, widget) -> None:
    qtbot.wait_until(lambda: QApplication.focusWindow() is window.windowHandle(), timeout=5000)
    qtbot.wait_until(lambda: QApplication.focusWidget() is widget, timeout=5000)


def close_when_shown(qtbot, kind, close) -> None:  # type: ignore[no-untyped-def]
    """Close the next window of ``kind`` as soon as it is on screen (modal or not)."""
    from PySide6.QtCore import QTimer

    def attempt() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if shown and QApplication.focusWindow() is shown[0].windowHandle():  # as a user would
            close(shown[0])
        else:
            if shown:
                shown[0].activateWindow()
            QTimer.singleShot(20, attempt)

    QTimer.singleShot(20, attempt)


def test_shortcuts_work_after_a_non_modal_window_closes(qtbot, active, store, session) -> None:
    window = active
    dialog = QDialog(window)
    dialog.show()
    dialog.activateWindow()
    qtbot.wait_until(lambda: QApplication.focusWindow() is dialog.windowHandle(), timeout=2000)
    dialog.close()
    has_keyboard(qtbot, window, window.capture.field)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    type_text(window.capture.field, "Après la fenêtre")
    qtbot.keyClick(window.capture.field, Qt.Key.Key_Return)
    assert [c.text for c in store.find(Card, session_id=session.id)] == ["Après la fenêtre"]


def test_the_keyboard_comes_back_after_a_presenter(qtbot, active) -> None:
    window = active
    window.board.view.setFocus()
    has_keyboard(qtbot, window, window.board.view)
    window.method_menu.present_method()
    presenter = next(
        w
        for w in QApplication.topLevelWidgets()
        if w is not window and w.isVisible() and w.isWindow() and not isinstance(w, QDialog)
    )
    presenter.activateWindow()
    qtbot.wait_until(lambda: QApplication.focusWindow() is presenter.windowHandle(), timeout=2000)
    presenter.close()
    has_keyboard(qtbot, window, window.board.view)


def test_opening_an_atelier_puts_the_keyboard_in_the_capture_field(
    qtbot, fabrique_app, session, store, demo
) -> None:
    from ui.session_manager import SessionManager

    window = fabrique_app.open_session(session.id)  # replaced below: not given to qtbot
    window.show()
    window.activateWindow()

    other = next(s for s in list_sessions(store, demo.id) if s.number == 2)

    def choose(manager: SessionManager) -> None:
        manager.open_requested.emit(other.id)
        manager.accept()

    close_when_shown(qtbot, SessionManager, choose)
    window.board.view.setFocus()
    fabrique_app.show_manager()
    opened = fabrique_app.window
    assert opened is not window
    has_keyboard(qtbot, opened, opened.capture.field)
    type_text(QApplication.focusWidget(), "Rien de perdu")
    qtbot.keyClick(opened.capture.field, Qt.Key.Key_Return)
    assert [c.text for c in store.find(Card, session_id=other.id)] == ["Rien de perdu"]
