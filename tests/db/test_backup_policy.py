"""Backups thinned by age: the newest kept, then the oldest of each hour for a day and of
each day for a month; pre-migration copies never; a burst never pushes out the state before."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from db.backups import STAMP, to_thin

NOW = datetime(2026, 12, 7, 17, 0, tzinfo=UTC)


def named(ago: timedelta, label: str = "") -> Path:
    stamp = (NOW - ago).strftime(STAMP)
    return Path(f"fabrique-{stamp}{'-' + label if label else ''}.db")


def test_a_burst_of_refused_operations_keeps_the_state_before() -> None:
    before = named(timedelta(hours=3))  # the last good state, before the problem
    burst = [named(timedelta(minutes=50 - n), "avant-restauration") for n in range(30)]
    backups = sorted([before, *burst])
    thinned = to_thin(backups, keep=8, now=NOW)
    kept = [p for p in backups if p not in thinned]
    assert before in kept
    assert burst[-8:] == kept[-8:]  # the newest eight
    assert burst[0] in kept  # the oldest of its hour


def test_thinned_by_age() -> None:
    hourly = [named(timedelta(hours=h, minutes=m)) for h in range(1, 20) for m in (10, 40)]
    daily = [named(timedelta(days=d, hours=h)) for d in range(2, 20) for h in (1, 5)]
    old = [named(timedelta(days=60 + d)) for d in range(5)]
    migration = named(timedelta(days=400), "avant-migration-0008_phone_code")
    backups = sorted([*hourly, *daily, *old, migration])
    kept = [p for p in backups if p not in to_thin(backups, keep=3, now=NOW)]
    assert migration in kept
    assert not set(old) & set(kept)
    days = {p.name[9:17] for p in kept if p in daily}
    assert len(days) == 18  # one per day
    hours = [p for p in kept if p in hourly]
    assert 19 <= len(hours) <= 22  # one per hour (and the newest three)
