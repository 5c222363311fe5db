"""Helpers for benchmarks: medians of repeated runs, printed as ratios."""

from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path


def median_seconds(run: Callable[[], None], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_until_line(code: str, args: list[str], marker: str, env: dict[str, str]) -> float:
    """Seconds from starting ``python -c code args`` to it printing the line ``marker``."""
    return time_until_output([sys.executable, "-c", code, *args], marker, env)


def time_until_output(command: list[str], marker: str, env: dict[str, str]) -> float:
    """Seconds from starting ``command`` to a line of its output (standard or error) that
    contains ``marker``; then it is killed."""
    start = time.perf_counter()
    child = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
    )
    try:
        for line in child.stdout:
            if marker in line:
                return time.perf_counter() - start
        raise RuntimeError(f"{marker} never printed")
    finally:
        child.kill()
        child.wait()


def fabrique_command(*args: str) -> list[str]:
    """The ``fabrique`` command as a user types it (the console script of the install), with
    the log on standard error: it says when the window is shown."""
    script = Path(sys.executable).with_name("fabrique")
    return [sys.executable, str(script), "--verbose", *args]


SHOWN = "window shown"


def compile_bytecode() -> None:
    """Measure the app as installed: pip writes the bytecode of what it installs, but this
    checkout is installed in place (editable) and PYTHONDONTWRITEBYTECODE may be set."""
    root = Path(__file__).resolve().parents[2]
    for package in ("fabrique_desktop", "db", "exports", "ui"):
        compileall.compile_dir(root / package, quiet=1)


def report(name: str, value: float, baseline: float, limit: float) -> float:
    ratio = value / baseline
    print(
        f"\n{name}: {value * 1000:.0f} ms vs baseline {baseline * 1000:.0f} ms"
        f" → ratio {ratio:.2f} (limit {limit})"
    )
    return ratio
