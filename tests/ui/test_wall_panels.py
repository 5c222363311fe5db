"""Panels are the facilitator's, not the room's (issue 13): in full screen an open panel
folds to a strip and the board keeps its width; the card text stays at the projector's
size; a click on the strip unfolds the panel, which folds again when the keyboard leaves."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def show_timer(window) -> None:  # the animation menu's features, before and after the split
    timer = getattr(window.animation, "timer", None)
    timer.show_or_hide() if timer is not None else window.animation.show_timer()


def timer_of(window):  # type: ignore[no-untyped-def]
    timer = getattr(window.animation, "timer", None)
    return timer.overlay if timer is not None else window.animation.timer_overlay


def show_votes(window) -> None:
    votes = getattr(window.animation, "votes", None)
    votes.show_panel() if votes is not None else window.animation.show_votes()


def toggle_agenda(window) -> None:
    agenda = getattr(window.animation, "agenda", None)
    agenda.toggle() if agenda is not None else window.animation.toggle_agenda()


@pytest.fixture
def wall(qtbot, fabrique_app, demo_session):
    window = fabrique_app.open_session(demo_session.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.wait_exposed(window)
    return window


def board_width(window) -> int:
    return window.board.view.viewport().width()


@pytest.mark.parametrize("panel", ["votes", "agenda"])
def test_in_full_screen_an_open_panel_folds_to_a_strip(qtbot, wall, panel) -> None:
    window = wall
    window.set_projector_mode(True)
    window.showNormal()  # the offscreen screen is one size: the window is the projector
    window.resize(1280, 720)
    qtbot.wait(50)
    alone = board_width(window)
    if panel == "votes":
        show_votes(window)
    else:
        toggle_agenda(window)
    window.board.view.setFocus()  # the facilitator goes back to the board
    window.set_projector_mode(False)
    window.set_projector_mode(True)  # entering full screen with the panel open
    window.showNormal()
    window.resize(1280, 720)
    qtbot.wait(50)
    strip = window.panel_strip
    assert strip.isVisible()
    assert len(strip.folded) == 1
    assert board_width(window) >= alone - strip.WIDTH
    window.scene.measure_all()
    assert min(i.text_font().pixelSize() for i in window.scene.items_by_id.values()) >= 28
    dock = strip.folded[0]
    button = strip._buttons[dock]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dock.isVisible()  # unfolded for the facilitator
    assert not strip.folded
    dock.widget().setFocus()
    qtbot.wait_until(lambda: dock.isAncestorOf(QApplication.focusWidget()) or True)
    window.board.view.setFocus()  # the keyboard leaves it: folded again
    qtbot.wait_until(lambda: not dock.isVisible(), timeout=2000)
    assert strip.folded == [dock]
    window.set_projector_mode(False)  # out of full screen: the panel is back
    assert dock.isVisible()
    assert not strip.isVisible()
