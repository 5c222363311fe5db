"""The timer has its own place on the wall (issue 13): the board makes room for it above
the headers, right of the columns or under them — never over a header, a count or a card —
and the facilitator moves it; large, it fills the board until Esc."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QPoint, QRect

from ui.timer_overlay import PLACES, SMALL_PIXELS


def rect_in(widget, ancestor) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def covered(window, timer) -> list[str]:
    board = window.board
    mine = rect_in(timer, board)
    hit = [k for k, h in board.headers.items() if rect_in(h, board).intersects(mine)]
    if rect_in(board.view, board).intersects(mine):
        hit.append("cards")
    return hit


@pytest.fixture
def timer(qtbot, window):
    window.set_projector_mode(True)
    window.resize(1280, 720)
    window.board_actions.capture_line("Une idée >1")
    window.animation.timer.show_or_hide()
    overlay = window.animation.timer.overlay
    qtbot.wait(20)
    assert overlay.isVisible()
    return overlay


def test_the_timer_never_covers_a_header_a_count_or_a_card(qtbot, window, timer) -> None:
    for _ in PLACES:
        assert covered(window, timer) == [], timer.place
        assert timer.time_label.font().pixelSize() >= SMALL_PIXELS or "60px" in (
            timer.time_label.styleSheet()
        )
        timer.move_to_next_place()
        qtbot.wait(20)
    assert timer.place == PLACES[0]


def test_the_facilitator_moves_it_and_it_is_remembered(qtbot, window, timer) -> None:
    timer.set_place("droite")
    qtbot.wait(20)
    assert window.settings.get("timer_place") == "droite"
    assert covered(window, timer) == []
    assert rect_in(timer, window.board).left() > rect_in(window.board.view, window.board).right()


def test_hidden_it_gives_the_room_back_and_large_it_fills_the_board(qtbot, window, timer) -> None:
    with_timer = window.board.view.height()
    timer.hide()
    qtbot.wait(20)
    assert window.board.view.height() > with_timer
    timer.show()
    timer.set_large(True)
    qtbot.wait(20)
    assert timer.geometry().contains(rect_in(window.board.view, window.board).center())
    timer.set_large(False)
    qtbot.wait(20)
    assert covered(window, timer) == []
