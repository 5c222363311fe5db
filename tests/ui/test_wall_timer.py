"""The timer has its own place on the wall (issue 13): at the end of the capture bar's row
(« haut », costing the board no height), right of the columns or in a compact band under
them — never over a header, a count or a card — and the facilitator moves it; large, it
fills the board until Esc."""

from __future__ import annotations

import pytest

from tests.ui.wall_check import global_rect, problems
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


def test_a_narrow_window_puts_it_in_a_compact_band(qtbot, window, timer) -> None:
    window.resize(800, 600)
    qtbot.wait(30)
    assert covered(window, timer) == []
    assert timer.parentWidget() is window.board
    assert timer.height() <= 80
    window.resize(1280, 720)
    qtbot.wait(30)
    assert timer.parentWidget() is window.capture
