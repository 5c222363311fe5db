"""The timer has its own place on the wall (issue 13): at the end of the capture bar's row
(« haut », costing the board no height), right of the columns or in a compact band under
them — never over a header, a count or a card — and the facilitator moves it; large, it
fills the board until Esc."""

from __future__ import annotations

import pytest

from tests.ui.wall_check import global_rect, problems, whole_placeholder
from ui.timer_overlay import PLACES, SMALL_PIXELS


def covered(window, timer) -> list[str]:
    board = window.board
    mine = global_rect(timer)
    hit = [k for k, h in board.headers.items() if global_rect(h).intersects(mine)]
    if global_rect(board.view.viewport()).intersects(mine):
        hit.append("cards")
    if global_rect(window.capture.field).intersects(mine):
        hit.append("capture")
    return hit


@pytest.fixture
def timer(qtbot, window):
    window.set_projector_mode(True)
    window.showNormal()  # the offscreen screen is one size: the window is the projector
    window.resize(1280, 720)
    window.board_actions.capture_line("Une idée >1")
    window.animation.timer.show_or_hide()
    overlay = window.animation.timer.overlay
    qtbot.wait(20)
    assert overlay.isVisible()
    return overlay


def test_the_timer_never_covers_a_header_a_count_or_a_card(qtbot, window, timer) -> None:
    for _ in PLACES:
        qtbot.wait(20)
        assert covered(window, timer) == [], timer.place
        assert timer.digit_pixels() >= SMALL_PIXELS
        assert f"font-size: {timer.digit_pixels()}px" in timer.time_label.styleSheet()
        timer.move_to_next_place()
    assert timer.place == PLACES[0]


def test_at_the_top_it_costs_the_board_no_height(qtbot, window, timer) -> None:
    """1280×720 full screen: the timer sits beside the capture field (it took a 90 px
    band above the headers: two cards a column were left in sight)."""
    assert timer.place == "haut"
    assert timer.parentWidget() is window.capture
    with_timer = window.board.view.height()
    timer.hide()
    qtbot.wait(20)
    assert window.board.view.height() - with_timer <= 4
    timer.show()
    qtbot.wait(20)
    assert problems(window) == []
    assert window.capture.field.width() >= 0.4 * window.capture.width()


def test_the_facilitator_moves_it_and_it_is_remembered(qtbot, window, timer) -> None:
    timer.set_place("droite")
    qtbot.wait(20)
    assert window.settings.get("timer_place") == "droite"
    assert covered(window, timer) == []
    assert global_rect(timer).left() > global_rect(window.board.view).right()
    timer.set_place("bas")
    qtbot.wait(20)
    assert covered(window, timer) == []
    assert global_rect(timer).top() > global_rect(window.board.view).bottom()
    assert timer.height() <= 80  # a compact band (it was 90 px)


def test_large_it_fills_the_board_and_comes_back(qtbot, window, timer) -> None:
    timer.set_large(True)
    qtbot.wait(20)
    assert global_rect(timer).contains(global_rect(window.board.view).center())
    assert timer.digit_pixels() > 200
    timer.set_large(False)
    qtbot.wait(20)
    assert covered(window, timer) == []
    assert timer.parentWidget() is window.capture


@pytest.mark.parametrize(("width", "height"), [(800, 600), (1024, 768)])
def test_a_narrow_window_puts_it_beside_the_filter_on_a_second_row(
    qtbot, window, timer, width, height
) -> None:
    """Too narrow for the capture row: the filter and the timer make a second row under
    the capture field (a band across the board took 56 px above the headers for a timer a
    third of its width, and the capture field's words were cut)."""
    timer.hide()
    window.resize(width, height)
    qtbot.wait(30)
    board_alone = window.board.view.height()
    timer.show()
    qtbot.wait(30)
    capture = window.capture
    assert covered(window, timer) == []
    assert timer.parentWidget() is capture
    assert capture.two_rows()
    assert global_rect(capture.search).intersects(global_rect(timer).adjusted(-2000, 0, 0, 0))
    assert timer.digit_pixels() >= SMALL_PIXELS
    # the board pays the timer's row and no more; the capture field's words are whole
    assert board_alone - window.board.view.height() <= timer.height() + 8
    assert whole_placeholder(capture.field)
    assert problems(window) == []
    timer.hide()
    qtbot.wait(20)
    assert not capture.two_rows()
    assert window.board.view.height() == board_alone
    timer.show()
    window.resize(1280, 720)
    qtbot.wait(30)
    assert timer.parentWidget() is capture
    assert not capture.two_rows()


def test_the_timer_s_duration_has_a_key_of_its_own_listed_by_f1(qtbot, window, monkeypatch):
    """« Régler la durée… » was only in the timer's ⋯ menu (Tab to the button, Espace, then
    the arrows) and F1 did not list it. Maj+F8 (beside F8, « Ajouter une minute ») asks the
    round's minutes; no other action of the window answers to it; F1 lists it."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QInputDialog, QWidget

    from ui.shortcuts_dialog import ShortcutsDialog

    key = QKeySequence("Shift+F8")
    answering = {  # (an action is in its menu too)
        action
        for widget in [window, *window.findChildren(QWidget)]
        for action in widget.actions()
        if key in action.shortcuts()
    }
    assert [action.text() for action in answering] == ["Régler la durée du minuteur…"]
    asked = []
    monkeypatch.setattr(
        QInputDialog, "getInt", staticmethod(lambda *args: asked.append(args) or (7, True))
    )
    window.activateWindow()
    qtbot.wait_until(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert len(asked) == 1
    overlay = window.animation.timer.overlay
    assert overlay is not None
    assert overlay.isVisible()
    assert overlay.minutes.value() == 7
    assert overlay.remaining() == 7 * 60
    shown = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: shown.append(self) or 0)
    window.help_action.trigger()
    lines = shown[0].browser.toPlainText().splitlines()
    name = "Régler la durée du minuteur…"
    assert key.toString(QKeySequence.SequenceFormat.NativeText) in lines[lines.index(name) - 1]
