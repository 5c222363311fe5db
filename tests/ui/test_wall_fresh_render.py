"""Ten minutes of a workshop on the wall (issue 13, « Done when »): atelier 3 projected full
screen, the Votes panel open and the timer running; captures, scrolls, votes, counts of
paper dots, drags, zooms, panels opened and folded. After every step the pixels on screen
are those of a fresh render of the board's scene (nothing stale), and nothing is covered,
cut or crushed (``tests/ui/wall_check.py``: headers and counts whole, card text at least the
projector size, no card under the timer or a panel, the capture bar whole).

Each size runs in its own process: the offscreen screen's size is fixed when Qt starts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def play(size: str, folder) -> tuple[list[dict], dict]:  # type: ignore[no-untyped-def, type-arg]
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.fresh_render", size, str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    steps = [line for line in lines if "step" in line]
    summary = next(line["summary"] for line in lines if "summary" in line)
    return steps, summary


@pytest.mark.parametrize("size", ["1280x720", "1920x1080"])
def test_ten_minutes_on_the_wall_never_show_a_stale_covered_or_crushed_card(size, tmp_path) -> None:
    steps, summary = play(size, tmp_path)
    assert len(steps) >= 50
    stale = {s["step"]: s["differing"] for s in steps if s["differing"]}
    assert stale == {}, f"pixels differing from a fresh render (images in {tmp_path}): {stale}"
    wrong = {s["step"]: s["problems"] for s in steps if s["problems"]}
    assert wrong == {}, f"covered, cut or crushed (screens in {tmp_path}): {wrong}"
    # the steps took effect: 8 ideas captured, 3 cards counted, 4 drags landed
    assert summary["cards"] == summary["cards_at_start"] + 8
    assert summary["counted"] == [7, 8, 9]
    assert summary["drags_landed"] == [True, True, True, True]
    assert summary["timer_running"]
