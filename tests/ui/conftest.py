from __future__ import annotations

import sys

import pytest

from PySide6.QtCore import QTimer

from db.backups import Backups
from ui.app import FabriqueApp, make_application
from ui.gui_thread_gc import collect_on_gui_thread


@pytest.fixture(autouse=True, scope="session")
def _garbage_on_the_gui_thread(qapp):
    """As in the app: Python's cycles collected on the GUI thread only (ui/gui_thread_gc.py),
    also in tests that build a window without the app."""
    collect_on_gui_thread(qapp)


@pytest.fixture
def fabrique_app(qapp, store, data_dir, demo):
    make_application()
    hook = sys.excepthook
    app = FabriqueApp(qapp, store, data_dir, Backups(store, data_dir.backups))
    # the app's own hook shows a modal box, which would hang a test: an unexpected error in a
    # slot must fail the test instead (pytest-qt); tests/ui/test_error_handler.py tests the box
    sys.excepthook = hook
    yield app
    for timer in app.findChildren(QTimer):  # the periodic backup: the store closes next
        timer.stop()
    if app.window is not None:
        app.window.close()
        # the store closes next: no panel may refresh from it any more (on a loaded machine
        # the agenda's 1-second timer fired before pytest-qt deleted the window)
        for timer in app.window.findChildren(QTimer):
            timer.stop()


def shown_window(qtbot, fabrique_app, session, focused: bool = True):  # type: ignore[no-untyped-def]
    """``session`` opened by the app in a 1280×720 window on screen (its capture field
    focused unless ``focused`` is False)."""
    window = fabrique_app.open_session(session.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    if focused:
        window.focus_capture()
    qtbot.wait_exposed(window)
    return window


@pytest.fixture
def window(qtbot, fabrique_app, session):
    return shown_window(qtbot, fabrique_app, session)


@pytest.fixture
def wall(qtbot, fabrique_app, demo_session):
    """Atelier 3 of the demo (the seed's ~100 ideas) in a 1280×720 window: the wall."""
    return shown_window(qtbot, fabrique_app, demo_session, focused=False)


def type_text(widget, text: str) -> None:
    """Type any text, accents and « » included (QTest.keyClicks only knows ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def copy_back_with(window, session, tmp_path, text: str):  # type: ignore[no-untyped-def]
    """A note-taker's copy of ``session`` made from ``window``, brought back (``retour.json``)
    with the idea ``text`` typed on the note-taker's laptop."""
    from fabrique_desktop import board, sync
    from tests.core.sync_helpers import Laptop

    handout = tmp_path / "copie.json"
    assert window.notes_menu.write_copy(handout, None, photos=False)
    laptop = Laptop(tmp_path / "preneur" / "fabrique.db")
    sync.import_file(laptop.store, laptop.journal, handout, tmp_path / "preneur" / "media")
    laptop.store.apply(board.capture(laptop.store, session.id, text))
    back = tmp_path / "retour.json"
    back.write_text(laptop.handout(session.id), encoding="utf-8")
    laptop.store.close()
    return back


def press_and_move(viewport, start, target, steps: int = 6) -> None:  # type: ignore[no-untyped-def]
    """A left-button drag from ``start`` to ``target`` (viewport points), not yet released."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, steps + 1):
        QTest.mouseMove(viewport, start + (target - start) * step / steps)


@pytest.fixture(autouse=True)
def no_message_box_left(qapp):
    """A message box still on screen after a test (an « Erreur interne » from a timer that
    fired after its store was closed, say) would take the keyboard from the tests that follow:
    it fails the test that left it, and is closed."""
    yield
    from PySide6.QtWidgets import QMessageBox

    left = [w for w in qapp.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    for box in left:
        box.close()
    assert not left, [box.text() for box in left]
