"""Nothing stale on the wall (issue 13): after each step of a projector scenario, the
pixels on screen are those of a fresh render of the board's scene.

Each size runs in its own process: the offscreen screen's size is fixed when Qt starts.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


@pytest.mark.parametrize("size", ["1280x720", "1920x1080"])
def test_the_wall_shows_a_fresh_render_after_every_step(size, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.fresh_render", size, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    steps = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(steps) >= 15
    stale = {s["step"]: s["differing"] for s in steps if s["differing"]}
    assert stale == {}, f"pixels differing from a fresh render (images in {tmp_path}): {stale}"
