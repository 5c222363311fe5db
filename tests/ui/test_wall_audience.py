"""The audience window on the projector (issue 13, build item 4): the laptop keeps the
keyboard and the controls; the room sees the board, the card just captured and the timer.
Tried under Xvfb with two screens (session 5): with no window manager the audience window,
shown full screen, took the keyboard (every key typed next was lost), the room never saw
the timer (it stayed on the laptop) nor the captured card (its column did not scroll)."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import type_text
from tests.ui.test_wall_panels import full_screen, open_panel
from tests.ui.wall_check import global_rect


@pytest.fixture
def audience(qtbot, wall, monkeypatch):
    window = wall
    monkeypatch.setattr("ui.projector.one_screen", lambda: False)  # offscreen: one screen
    window.focus_capture()
    window.settings.set("projector_screen", QGuiApplication.screens()[-1].name())
    window.audience_action.trigger()  # remembered screen: no question
    room = window.projector_window
    assert room is not None
    qtbot.addWidget(room)
    qtbot.wait_exposed(room)
    qtbot.wait(50)
    return window, room


def test_the_laptop_keeps_the_keyboard(qtbot, audience) -> None:
    window, _room = audience
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)  # activation is queued
    qtbot.wait(50)
    assert QApplication.activeWindow() is window
    assert QApplication.focusWidget() is window.capture.field
    type_text(window.capture.field, "Vue de la salle")
    assert window.capture.field.text() == "Vue de la salle"


def test_the_keyboard_comes_back_when_the_platform_activates_the_room(qtbot, audience) -> None:
    """Some platforms (offscreen, some window managers) activate any window shown, whatever
    its flags: seen in CI, the room's window kept the keyboard."""
    window, room = audience
    room.hide()
    room.show_on(room.screen())  # shown again: the offscreen platform activates it
    qtbot.wait_until(lambda: QApplication.activeWindow() is window)
    qtbot.wait(50)
    assert QApplication.activeWindow() is window
    assert QApplication.focusWidget() is window.capture.field


def test_the_room_sees_the_captured_card_whole(qtbot, audience) -> None:
    window, room = audience
    room.scene.notes.measure_all()
    card_id = window.board_actions.capture_line("Une idée pour la salle")
    item = room.scene.items_by_id[card_id]
    view = room.board.view
    assert item.pos().y() >= 0
    assert item.pos().y() + item.height() <= view.viewport().height()


def test_the_room_sees_the_timer_and_it_covers_nothing(qtbot, audience) -> None:
    window, room = audience
    window.animation.timer.show_or_hide()
    overlay = window.animation.timer.overlay
    qtbot.wait_until(lambda: room.clock.isVisible())
    assert room.clock.time_label.text() == overlay.time_label.text()
    clock = global_rect(room.clock)
    assert not clock.intersects(global_rect(room.board.view.viewport()))
    assert not any(clock.intersects(global_rect(h)) for h in room.board.headers.values())
    overlay.set_large(True)
    qtbot.wait_until(lambda: room.clock.height() > room.board.height() / 2)
    overlay.set_large(False)
    window.animation.timer.show_or_hide()  # hidden on the laptop: gone from the wall
    qtbot.wait_until(lambda: not room.clock.isVisible())
    assert (
        room.board.layout().contentsMargins().top() == window.board.layout().contentsMargins().top()
    )


def test_the_captured_card_stays_whole_when_the_timer_appears(qtbot, audience) -> None:
    """The timer's band makes the view shorter: the card just captured (at the foot of its
    column) must not end up cut at the bottom, for the room nor on the laptop."""
    window, room = audience
    room.scene.notes.measure_all()
    window.board.scene.notes.measure_all()
    card_id = window.board_actions.capture_line("Une idée juste avant le minuteur")
    window.animation.timer.show_or_hide()
    qtbot.wait_until(lambda: room.clock.isVisible())
    qtbot.wait(100)
    for name, board in (("room", room.board), ("laptop", window.board)):
        item = board.scene.items_by_id[card_id]
        assert item.pos().y() >= 0
        assert item.pos().y() + item.height() <= board.view.viewport().height() + 0.5, name


def test_with_the_room_on_the_projector_the_laptops_panels_dock(qtbot, audience) -> None:
    """Panels fold in full screen because that window is the wall; with an audience window
    the laptop's is the facilitator's, and folding them only hid the votes from him."""
    window, _room = audience
    window.resize(1920, 1080)
    full_screen(qtbot, window)
    window.resize(1920, 1080)
    qtbot.wait(50)
    dock = open_panel(window, "votes")
    qtbot.wait(50)
    assert window.panel_strip.folded == []
    assert dock.isVisible()
    window.audience_action.trigger()  # the room's window closes: this one is the wall again
    qtbot.wait(50)
    assert window.panel_strip.folded == [dock]


def test_the_room_sees_the_dots_and_a_secret_vote_as_secret(qtbot, audience) -> None:
    """The room's window followed the counts but not the « secret » state: during a secret
    vote its cards showed no dots at all, as if nobody had voted."""
    window, room = audience
    card_id = next(iter(window.scene.items_by_id))
    window.animation.votes_action.trigger()
    window.scene.select_cards([card_id])
    window.board.view.setFocus()
    qtbot.keyClick(window.board.view, Qt.Key.Key_Plus)
    qtbot.keyClick(window.board.view, Qt.Key.Key_Plus)
    qtbot.wait_until(lambda: room.scene.items_by_id[card_id].votes == 2)
    window.animation.votes.panel.secret.setChecked(True)
    qtbot.wait_until(lambda: room.scene.items_by_id[card_id].vote_mark().label() == "● secret")
    assert room.scene.items_by_id[card_id].votes == 0  # the count is not on the wall
    window.animation.votes.panel.secret.setChecked(False)
    qtbot.wait_until(lambda: room.scene.items_by_id[card_id].votes == 2)
    assert room.scene.items_by_id[card_id].vote_mark().label() != "● secret"


def test_the_room_window_outlives_no_laptop_window(
    qtbot, fabrique_app, demo_session, monkeypatch
) -> None:
    """The laptop's window replaced (a template edited, the language changed, another
    atelier opened): the audience window kept reading the old window's timer every quarter
    second, « Erreur interne » (TimerOverlay already deleted) four times a second."""
    monkeypatch.setattr("ui.projector.one_screen", lambda: False)  # offscreen: one screen
    window = fabrique_app.open_session(demo_session.id)  # not qtbot's: it will be deleted
    window.show()
    qtbot.wait_exposed(window)
    window.settings.set("projector_screen", QGuiApplication.screens()[-1].name())
    window.audience_action.trigger()
    room = window.projector_window
    assert room is not None
    qtbot.wait_exposed(room)
    window.animation.timer.show_or_hide()
    with qtbot.captureExceptions() as errors:
        again = fabrique_app.open_session(window.session.id)
        QApplication.sendPostedEvents(None, 0)  # the old window's deleteLater
        qtbot.wait(600)  # two ticks of the room's clock
    assert not errors, errors
    assert not room.isVisible()
    again.set_audience_window(False)
