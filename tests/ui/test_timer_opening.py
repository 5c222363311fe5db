"""The timer on opening a session: only a running timer comes back, unless it was hidden."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from fabrique_desktop import sync, timer

T0 = datetime(2017, 5, 9, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def _set_timer(store, session, *, running: bool, clock: Clock) -> None:
    state = timer.get(store, session.id)
    store.apply(timer.set_duration(store, state, 20 * 60))
    store.apply(timer.start(store, timer.get(store, session.id), clock()))
    clock.now += timedelta(minutes=5)
    if not running:
        store.apply(timer.pause(store, timer.get(store, session.id), clock()))


@pytest.fixture(autouse=True)
def _french_again(qtbot, fabrique_app):
    yield
    fabrique_app.set_language("fr")  # the English translators are the application's
    qtbot.wait(20)  # the window opened again finishes opening before the database closes


def _open(qtbot, fabrique_app, session):
    window = fabrique_app.open_session(session.id)
    window.resize(1280, 720)
    window.show()
    qtbot.wait_exposed(window)
    qtbot.wait(20)  # the timer is resumed right after the window is built
    return window


def _timer_shown(window) -> bool:
    overlay = window.animation.timer.overlay
    return overlay is not None and overlay.isVisible()


def test_a_paused_timer_stays_hidden_until_asked_for(qtbot, fabrique_app, store, session) -> None:
    _set_timer(store, session, running=False, clock=Clock())
    window = _open(qtbot, fabrique_app, session)
    assert not _timer_shown(window)
    fabrique_app.set_language("en")  # a language switch opens the session again
    assert not _timer_shown(fabrique_app.window)
    fabrique_app.window.animation.timer_action.trigger()  # Ctrl+T
    overlay = fabrique_app.window.animation.timer.overlay
    assert overlay.isVisible()
    assert overlay.time_label.text() == "15:00"


def test_a_running_timer_comes_back_unless_the_facilitator_hid_it(
    qtbot, fabrique_app, store, session
) -> None:
    clock = Clock()
    _set_timer(store, session, running=True, clock=clock)
    window = _open(qtbot, fabrique_app, session)
    assert _timer_shown(window)  # a crash mid-round: the room sees the time left
    window.animation.timer_action.trigger()  # Ctrl+T hides it
    assert not _timer_shown(window)
    fabrique_app.set_language("en")
    window = fabrique_app.window
    qtbot.wait(20)
    assert not _timer_shown(window)
    assert timer.get(store, session.id).running  # hidden, still counting
    window.animation.timer_action.trigger()  # asked for again
    assert _timer_shown(window)
    fabrique_app.set_language("fr")
    qtbot.wait(20)
    assert _timer_shown(fabrique_app.window)
    fabrique_app.window.animation.timer.overlay.close_button.click()  # ✕ hides it too
    fabrique_app.set_language("en")
    qtbot.wait(20)
    assert not _timer_shown(fabrique_app.window)


def test_no_timer_pops_up_on_a_note_takers_laptop(qtbot, fabrique_app, store, session) -> None:
    _set_timer(store, session, running=True, clock=Clock())
    fabrique_app.settings.set(sync.NOTE_TAKER_TABLES, {session.id: 2})
    window = _open(qtbot, fabrique_app, session)
    assert not _timer_shown(window)
