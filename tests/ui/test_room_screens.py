"""The room's screens over a full-screen wall at 1280×720 and 1920×1080 (notes/s10-wall2):
the engagements (Ctrl+Maj+E), the récit (Ctrl+Maj+C) and the ranking (Ctrl+Maj+K) stayed
1260×700-sized dialogs in the middle of the wall, in a 1280×720 screen's type at 1920×1080 too.

Runs ``tests.ui.room_screens`` on an offscreen screen of each size, in a process of its own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def screens_at(size: str, out: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    command = [sys.executable, "-m", "tests.ui.room_screens", size, str(out)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return {line["screen"]: line for line in lines}


def test_the_room_s_screens_fill_the_wall_s_screen_and_their_type_grows_with_it(
    tmp_path: Path,
) -> None:
    small = screens_at("1280x720", tmp_path)
    large = screens_at("1920x1080", tmp_path)
    assert sorted(small) == sorted(large) == ["classement", "engagements", "récit"]
    for name in small:
        assert small[name]["full_screen"], name
        assert small[name]["geometry"] == [0, 0, 1280, 720], name
        assert large[name]["full_screen"], name
        assert large[name]["geometry"] == [0, 0, 1920, 1080], name
        assert min(small[name]["type"]) >= 15, name  # the projector's type, as before
        growth = [b / a for a, b in zip(small[name]["type"], large[name]["type"], strict=True)]
        assert growth == [1.5] * len(growth), (name, small[name]["type"], large[name]["type"])
