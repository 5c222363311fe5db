"""The room's full-screen surfaces on a real X screen (issue 23, build item 4): with no window
manager (a projector laptop's kiosk session) the QR wall was a 578×880 window at the top left
of a 1920×1080 screen, the slides (F6) and the persona presenter (F9) 1280×720 windows over
the board; after the export's save dialog the keys went to the root window; on one screen
Ctrl+F5 opened the room's window hidden behind, saying nothing.

Runs ``tests.ui.kiosk_surfaces`` (real keys through xdotool on Xvfb) in a process of its own.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
needs = [tool for tool in ("Xvfb", "xdotool", "xwininfo") if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(
    bool(needs), reason=f"no real-window test: {', '.join(needs)} missing (Debian xvfb, xdotool)"
)


def run_kiosk(size: str, window_manager: bool, out: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    command = [sys.executable, "-m", "tests.ui.kiosk_surfaces", size, "--out", str(out)]
    if window_manager:
        command.append("--wm")
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0, done.stderr[-3000:]
    return {line["step"]: line for line in lines}


@pytest.mark.parametrize(
    ("size", "window_manager"),
    [("1920x1080", False), ("1280x720", False), ("1920x1080", True)],
    ids=["1920-no-window-manager", "1280-no-window-manager", "1920-openbox"],
)
def test_the_rooms_surfaces_fill_the_screen_and_give_the_keys_back(
    tmp_path, size, window_manager
) -> None:
    if window_manager and shutil.which("openbox") is None:
        pytest.skip("no openbox (Debian openbox): the run with a window manager is skipped")
    width, height = (int(n) for n in size.split("x"))
    steps = run_kiosk(size, window_manager, tmp_path)
    for name in ("F6 diaporama", "F9 personas", "Ctrl+Maj+W QR des téléphones"):
        step = steps[name]
        assert step["shown"], name
        assert step["x_geometry"] == [0, 0, width, height], step
        assert step["x_has_keys"], step
        assert step["keys_back_to_window"], step
        assert step["typed_reaches_capture"], step
    export = steps["Ctrl+P export, Enregistrer sous"]
    assert export["exported"], export
    assert export["export_dialog_has_keys_after_save"], export  # not the root window
    assert export["keys_back_to_window"], export
    assert export["typed_reaches_capture"], export
    single = steps["Ctrl+F5 un seul écran"]
    assert not single["room_window"], single  # nothing hidden behind the window
    assert single["full_screen"], single
    assert single["window_x_geometry"] == [0, 0, width, height], single
    assert "Un seul écran" in single["status"], single
    assert single["typed_reaches_capture"], single
