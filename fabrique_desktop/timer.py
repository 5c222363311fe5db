"""The round timer: pure logic over a state kept in the database.

A running timer stores its *deadline* (a UTC instant), a paused one the seconds it has
left. Nothing ticks in the core: the remaining time is computed from a clock passed in.
So a crash or a restart mid-round finds the timer where the room left it: a running
timer is still counting down to the same deadline, a paused one still shows its time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import ClassVar

from fabrique_desktop import changes, limits
from fabrique_desktop.changes import Change, Edit
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Entity, register
from fabrique_desktop.ports import Store

Clock = Callable[[], datetime]
DEFAULT_SECONDS = 20 * 60
MAX_SECONDS = limits.MAX_TIMER_MINUTES * 60


def system_clock() -> datetime:
    return datetime.now(UTC)


class TimerError(FabriqueError):
    """A duration the timer cannot take."""


@register
@dataclass(kw_only=True)
class TimerState(Entity):
    """The timer of one session."""

    kind: ClassVar[str] = "timers"

    session_id: str = ""
    activity_id: str | None = None
    duration: float = DEFAULT_SECONDS  # the round as set, in seconds (extra minutes included)
    remaining: float = DEFAULT_SECONDS  # seconds left, when not running
    deadline: str | None = None  # ISO UTC instant the round ends, when running
    running: bool = False


def get(store: Store, session_id: str) -> TimerState:
    """The session's timer (a fresh, unsaved one if it was never used)."""
    found = store.find(TimerState, session_id=session_id)
    return found[0] if found else TimerState(session_id=session_id)


def remaining(state: TimerState, now: datetime) -> float:
    """Seconds left (negative once the round has overrun)."""
    if state.running and state.deadline:
        return (datetime.fromisoformat(state.deadline) - now).total_seconds()
    return state.remaining


def is_over(state: TimerState, now: datetime) -> bool:
    return remaining(state, now) <= 0


def format_seconds(seconds: float) -> str:
    """« 12:05 », « 1:02:00 », « −0:30 » for an overrun."""
    sign = "−" if seconds < 0 else ""
    total = int(abs(seconds) + (0.999 if seconds > 0 else 0))  # 0.2 s left still shows 0:01
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


def _save(store: Store, state: TimerState, label: str, **fields: object) -> Change:
    if store.get(TimerState, state.id) is None:
        record = {**state.to_record(), **fields}
        return Change(label, (Edit(TimerState.kind, state.id, None, record),))
    edit = changes.update(state, **fields)
    return Change(label, (edit,) if edit.after else ())


def set_duration(
    store: Store, state: TimerState, seconds: float, activity_id: str | None = None
) -> Change:
    """Set (and stop) the timer to a new round of ``seconds``."""
    if not 0 < seconds <= MAX_SECONDS:
        raise TimerError("La durée du minuteur doit être comprise entre 1 seconde et 10 heures.")
    return _save(
        store,
        state,
        "Régler le minuteur",
        duration=float(seconds),
        remaining=float(seconds),
        deadline=None,
        running=False,
        activity_id=activity_id,
    )


def start(store: Store, state: TimerState, now: datetime) -> Change:
    if state.running:
        return Change("Démarrer le minuteur")
    left = state.remaining if state.remaining > 0 else state.duration
    deadline = (now + timedelta(seconds=left)).isoformat()
    return _save(
        store, state, "Démarrer le minuteur", deadline=deadline, running=True, remaining=left
    )


def pause(store: Store, state: TimerState, now: datetime) -> Change:
    if not state.running:
        return Change("Mettre le minuteur en pause")
    left = remaining(state, now)
    return _save(
        store, state, "Mettre le minuteur en pause", running=False, deadline=None, remaining=left
    )


def toggle(store: Store, state: TimerState, now: datetime) -> Change:
    return pause(store, state, now) if state.running else start(store, state, now)


def add_seconds(store: Store, state: TimerState, now: datetime, seconds: float = 60) -> Change:
    """One more minute: pushes the deadline (running) or the time left (paused)."""
    if state.running and state.deadline:
        base = max(datetime.fromisoformat(state.deadline), now)  # an overrun restarts from now
        return _save(
            store,
            state,
            "Ajouter une minute",
            deadline=(base + timedelta(seconds=seconds)).isoformat(),
            duration=state.duration + seconds,
        )
    return _save(
        store,
        state,
        "Ajouter une minute",
        remaining=max(0.0, state.remaining) + seconds,
        duration=state.duration + seconds,
    )


def reset(store: Store, state: TimerState) -> Change:
    return _save(
        store,
        state,
        "Remettre le minuteur à zéro",
        running=False,
        deadline=None,
        remaining=state.duration,
    )
