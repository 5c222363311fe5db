"""A series shared by many laptops through ``fabrique relay`` (issue 29).

20 laptops (data folders) × 5 ateliers × 2 000 ideas by default (``FABRIQUE_BENCH_LAPTOPS``,
``FABRIQUE_BENCH_CARDS``, ``FABRIQUE_BENCH_CHANGES``). The relay is a real ``fabrique relay``
process; each laptop's round is ``fabrique sync`` run in this process, one laptop at a time (as
each laptop would run on its own machine). Prints:

- the first share and the first receive of the whole series (p50/p95 over the laptops);
- a change reaching every laptop: the writer's round, then each other laptop's round (the time
  a laptop that syncs right after the change waits), p50/p95 over all laptops and changes;
- a round with nothing new (a laptop in step: the price of syncing every minute);
- a laptop back after a day offline, while the others wrote ``CHANGES`` ideas: its one round;
- the relay's memory (VmRSS, VmHWM) and its store's size.

Run: .venv/bin/python -m pytest tests/bench/test_relay_crowd.py -s
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db.store import Store
from fabrique_desktop.changes import Change
from fabrique_desktop.cli import main
from fabrique_desktop.model import Card, Series, Session
from fabrique_desktop.workspace import ensure_first_use, rename
from tests.bench.ideas import many_ideas

LAPTOPS = int(os.environ.get("FABRIQUE_BENCH_LAPTOPS", "20"))
CARDS = int(os.environ.get("FABRIQUE_BENCH_CARDS", "2000"))
CHANGES = int(os.environ.get("FABRIQUE_BENCH_CHANGES", "5"))
SERIES = "Série du banc"


def _cards(session_id: str, count: int, prefix: str) -> Change:
    return many_ideas(session_id, count, prefix)


def _sessions(store: Store) -> list[Session]:
    (series,) = [s for s in store.iter_all(Series) if s.title == SERIES]
    return sorted(store.iter_all(Session, series_id=series.id), key=lambda s: s.number)


def _round(folder: Path, *args: str) -> float:
    start = time.perf_counter()
    code = main(["--data-dir", str(folder), "sync", *args])
    assert code == 0
    return time.perf_counter() - start


def _write(folder: Path, count: int, prefix: str) -> None:
    store = Store.open(folder / "fabrique.db")
    for session in _sessions(store):
        store.apply(_cards(session.id, count // 5 or 1, f"{prefix} {session.number}"))
    store.close()


def _memory(pid: int) -> str:
    status = Path(f"/proc/{pid}/status").read_text()
    found = {
        line.split(":")[0]: line.split(":")[1].strip()
        for line in status.splitlines()
        if line.startswith(("VmRSS", "VmHWM"))
    }
    return f"VmRSS {found.get('VmRSS')}, VmHWM {found.get('VmHWM')}"


def _p(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"


@pytest.mark.timeout(3600)
def test_relay_crowd(tmp_path: Path, capsys) -> None:
    command = [sys.executable, "-m", "fabrique_desktop.cli", "--data-dir", str(tmp_path / "logs")]
    relay = subprocess.Popen(
        [*command, "relay", "--port", "0", "--data", str(tmp_path / "relay")],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert relay.stdout is not None
        url = relay.stdout.readline().strip()
        folders = [tmp_path / f"laptop{i:02}" for i in range(LAPTOPS)]
        first = Store.open(folders[0] / "fabrique.db")
        demo = ensure_first_use(first)
        assert demo is not None
        first.apply(rename(demo, SERIES))
        for session in _sessions(first):
            first.apply(_cards(session.id, CARDS, f"idée {session.number}"))
        first.close()

        with capsys.disabled():
            print(f"\n{LAPTOPS} laptops × 5 ateliers × {CARDS} ideas, relay {url}")
        share = _round(folders[0], SERIES, "--relay", url)
        key = capsys.readouterr().out.splitlines()[0]
        receives = [_round(f, "--relay", url, "--key", key) for f in folders[1:]]
        with capsys.disabled():
            print(f"first share of the series: {share * 1000:.0f} ms")
            print(f"first receive of the whole series: {_p(receives)}")
            print(f"relay after the first receives: {_memory(relay.pid)}")

        offline = folders[-1]
        online = folders[:-1]
        writers, reaches, idle = [], [], []
        for n in range(CHANGES):
            writer = online[n % len(online)]
            store = Store.open(writer / "fabrique.db")
            session = _sessions(store)[n % 5]
            store.apply(_cards(session.id, 1, f"changement {n}"))
            store.close()
            sent = _round(writer, SERIES, "--relay", url)
            writers.append(sent)
            for other in online:
                if other != writer:
                    reaches.append(sent + _round(other, SERIES, "--relay", url))
        idle = [_round(f, SERIES, "--relay", url) for f in online[:5]]

        # a day: the offline laptop writes 50 ideas, each other one 10, and syncs
        _write(offline, 50, "hors ligne")
        for n, laptop in enumerate(online):
            _write(laptop, 10, f"journée {n}")
            _round(laptop, SERIES, "--relay", url)
        back = _round(offline, SERIES, "--relay", url)
        _round(online[0], SERIES, "--relay", url)

        a, b = Store.open(online[0] / "fabrique.db"), Store.open(offline / "fabrique.db")
        for left, right in zip(_sessions(a), _sessions(b), strict=True):
            assert sorted(c.text for c in a.iter_all(Card, session_id=left.id)) == sorted(
                c.text for c in b.iter_all(Card, session_id=right.id)
            )
        a.close()
        b.close()
        store_size = sum(p.stat().st_size for p in (tmp_path / "relay").glob("relay.db*"))
        with capsys.disabled():
            print(f"writer's round (change sent): {_p(writers)}")
            print(f"a change reaching each other laptop (writer + its round): {_p(reaches)}")
            print(f"a round with nothing new: {_p(idle)}")
            print(
                f"a laptop back after a day offline ({10 * len(online)} ideas from the others, "
                f"50 of its own), one round: {back * 1000:.0f} ms"
            )
            print(f"relay at the end: {_memory(relay.pid)}; store {store_size / 1e6:.1f} MB")
    finally:
        relay.terminate()
        relay.wait(30)
