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


def test_ctrl_n_while_a_card_is_edited_leaves_the_keyboard_in_the_capture_field(
    qtbot, active, store, session
) -> None:
    """Enter on a card opens its editor; Ctrl+N saved the edit and gave the keyboard to the
    board instead of the capture field: the idea typed next was lost, its digits sent the
    chosen card to other columns and its spaces showed it large (real window, xdotool)."""
    from fabrique_desktop.model import Card as CardModel

    window = active
    window.focus_capture()
    type_text(window.capture.field, "Première idée")
    qtbot.keyClick(window.capture.field, Qt.Key.Key_Return)
    (first,) = store.find(CardModel, session_id=session.id)
    window.scene.select_cards([first.id])
    window.board.view.setFocus()
    has_keyboard(qtbot, window, window.board.view)
    qtbot.keyClick(window.board.view, Qt.Key.Key_Return)  # the chosen card's editor
    editor = window.board_actions.editor
    has_keyboard(qtbot, window, editor)
    qtbot.keyClick(editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    has_keyboard(qtbot, window, window.capture.field)
    qtbot.wait(50)
    assert QApplication.focusWidget() is window.capture.field
    type_text(QApplication.focusWidget(), "Seconde idée 12")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    texts = sorted(c.text for c in store.find(CardModel, session_id=session.id))
    assert texts == ["Première idée", "Seconde idée 12"]
