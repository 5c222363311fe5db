"""Helpers for benchmarks: medians of repeated runs, printed as ratios."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable


def median_seconds(run: Callable[[], None], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_until_line(code: str, args: list[str], marker: str, env: dict[str, str]) -> float:
    """Seconds from starting a Python process to it printing ``marker``; then it is killed."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        for line in child.stdout:
            if line.strip() == marker:
                return time.perf_counter() - start
        raise RuntimeError(f"{marker} never printed")
    finally:
        child.kill()
        child.wait()


def report(name: str, value: float, baseline: float, limit: float) -> float:
    ratio = value / baseline
    print(
        f"\n{name}: {value * 1000:.0f} ms vs baseline {baseline * 1000:.0f} ms"
        f" → ratio {ratio:.2f} (limit {limit})"
    )
    return ratio
