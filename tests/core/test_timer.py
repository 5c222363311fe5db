from datetime import UTC, datetime, timedelta

import pytest

from db.store import Store
from fabrique_desktop import timer
from fabrique_desktop.timer import TimerError

T0 = datetime(2017, 5, 9, 10, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def test_a_fresh_timer_is_twenty_minutes_and_stopped(store, session) -> None:
    state = timer.get(store, session.id)
    assert not state.running
    assert timer.remaining(state, T0) == 20 * 60
    assert timer.format_seconds(timer.remaining(state, T0)) == "20:00"


def test_start_pause_add_minute(store, session) -> None:
    clock = FakeClock(T0)
    store.apply(timer.set_duration(store, timer.get(store, session.id), 5 * 60))
    store.apply(timer.start(store, timer.get(store, session.id), clock()))
    clock.advance(90)
    assert timer.remaining(timer.get(store, session.id), clock()) == 210
    store.apply(timer.pause(store, timer.get(store, session.id), clock()))
    clock.advance(600)  # paused: nothing moves
    state = timer.get(store, session.id)
    assert not state.running
    assert timer.remaining(state, clock()) == 210
    store.apply(timer.add_seconds(store, state, clock()))
    assert timer.remaining(timer.get(store, session.id), clock()) == 270
    store.apply(timer.start(store, timer.get(store, session.id), clock()))
    store.apply(timer.add_seconds(store, timer.get(store, session.id), clock()))
    clock.advance(30)
    assert timer.remaining(timer.get(store, session.id), clock()) == 300


def test_overrun_is_negative_and_a_minute_restarts_from_now(store, session) -> None:
    clock = FakeClock(T0)
    store.apply(timer.set_duration(store, timer.get(store, session.id), 60))
    store.apply(timer.start(store, timer.get(store, session.id), clock()))
    clock.advance(75)
    state = timer.get(store, session.id)
    assert timer.is_over(state, clock())
    assert timer.format_seconds(timer.remaining(state, clock())) == "−0:15"
    store.apply(timer.add_seconds(store, state, clock()))
    assert timer.remaining(timer.get(store, session.id), clock()) == 60


def test_timer_resumes_after_a_restart(data_dir, store, session) -> None:
    clock = FakeClock(T0)
    store.apply(timer.set_duration(store, timer.get(store, session.id), 20 * 60))
    store.apply(timer.start(store, timer.get(store, session.id), clock()))
    clock.advance(7 * 60)
    store.close()  # the laptop's battery dies mid-round…
    clock.advance(60)  # …and it takes a minute to come back
    reopened = Store.open(data_dir.database)
    try:
        state = timer.get(reopened, session.id)
        assert state.running
        assert timer.remaining(state, clock()) == 12 * 60
        reopened.apply(timer.pause(reopened, state, clock()))
    finally:
        reopened.close()
    clock.advance(3600)
    again = Store.open(data_dir.database)
    try:
        state = timer.get(again, session.id)
        assert not state.running
        assert timer.remaining(state, clock()) == 12 * 60
    finally:
        again.close()


def test_reset_and_bad_durations(store, session) -> None:
    clock = FakeClock(T0)
    store.apply(timer.set_duration(store, timer.get(store, session.id), 300))
    store.apply(timer.start(store, timer.get(store, session.id), clock()))
    clock.advance(100)
    store.apply(timer.reset(store, timer.get(store, session.id)))
    state = timer.get(store, session.id)
    assert not state.running
    assert timer.remaining(state, clock()) == 300
    with pytest.raises(TimerError, match="durée"):
        timer.set_duration(store, state, 0)


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0:00"), (0.2, "0:01"), (59.5, "1:00"), (3723, "1:02:03")]
)
def test_format_seconds(seconds, text) -> None:
    assert timer.format_seconds(seconds) == text
