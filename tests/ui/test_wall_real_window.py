"""A real window on a virtual X screen (issue 13): with and without a window manager, the
first window fills a 1920×1080 screen, F11 fills it, and after a dialog closes the keyboard
is back where it was (typed words land in the capture field, shortcuts work).

Needs Debian's xvfb and xdotool (openbox for the run with a window manager); ``./dev.sh
test`` installs them when it can. Skipped, saying so, when they are missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db.store import Store
from fabrique_desktop.model import Card
from fabrique_desktop.paths import DataDir
from fabrique_desktop.workspace import ensure_first_use, list_sessions

WIDTH, HEIGHT = 1920, 1080
needs = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(
    bool(needs), reason=f"no real-window test: {', '.join(needs)} missing (Debian xvfb, xdotool)"
)


def free_display() -> int:
    for number in range(71, 120):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return number
    raise RuntimeError("no free X display")


class Desktop:
    def __init__(self, window_manager: bool, size: tuple[int, int] = (WIDTH, HEIGHT)) -> None:
        self.number = free_display()
        self.env = {**os.environ, "DISPLAY": f":{self.number}", "QT_QPA_PLATFORM": "xcb"}
        self.env.pop("WAYLAND_DISPLAY", None)
        self.processes = [
            subprocess.Popen(
                [
                    "Xvfb",
                    f":{self.number}",
                    "-screen",
                    "0",
                    f"{size[0]}x{size[1]}x24",
                    "-nolisten",
                    "tcp",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        ]
        self.wait_for(lambda: self.run("xdotool", "getdisplaygeometry").returncode == 0)
        if window_manager:
            self.processes.append(
                subprocess.Popen(["openbox"], env=self.env, stderr=subprocess.DEVNULL)
            )
            time.sleep(1.0)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, env=self.env, capture_output=True, text=True, timeout=20)

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            args, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.processes.insert(0, process)
        return process

    def key(self, *keys: str) -> None:
        self.run("xdotool", "key", "--delay", "60", *keys)
        time.sleep(0.6)

    def type(self, text: str) -> None:
        self.run("xdotool", "type", "--delay", "30", text)
        time.sleep(0.4)

    def window_size(self, window: str) -> tuple[int, int]:
        out = self.run("xdotool", "getwindowgeometry", "--shell", window).stdout
        values = dict(line.split("=", 1) for line in out.split() if "=" in line)
        return int(values["WIDTH"]), int(values["HEIGHT"])

    @staticmethod
    def wait_for(condition, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if condition():
                return
            time.sleep(0.2)
        raise AssertionError("timed out")

    def close(self) -> None:
        for process in self.processes:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.mark.parametrize("window_manager", [False, True], ids=["no-window-manager", "openbox"])
def test_a_real_window_fills_the_screen_and_gets_the_keyboard_back(tmp_path, window_manager):
    if window_manager and shutil.which("openbox") is None:
        pytest.skip("no openbox (Debian openbox): the run with a window manager is skipped")
    data_dir = DataDir(tmp_path / "data")
    store = Store.open(data_dir.database)
    series = ensure_first_use(store)
    assert series is not None
    # atelier 4's wall is blank (its pistes are atelier 3's, credited to both): only the typed
    # ideas. Not a blanked atelier 1: the app's demo update puts its Valeurs work back at start
    atelier = next(s for s in list_sessions(store, series.id) if s.number == 4)
    assert not [c for c in store.find(Card, session_id=atelier.id) if not c.deleted]
    store.close()
    fabrique = Path(sys.executable).with_name("fabrique")
    desktop = Desktop(window_manager)
    try:
        desktop.start(str(fabrique), "--data-dir", str(data_dir.root), "--open", atelier.id)
        found = []
        desktop.wait_for(
            lambda: bool(
                found.extend(
                    desktop.run(
                        "xdotool", "search", "--onlyvisible", "--name", "^Fabrique"
                    ).stdout.split()
                )
                or found
            )
        )
        window = found[0]
        time.sleep(1.5)
        width, height = desktop.window_size(window)
        assert width >= WIDTH - 10, f"first window {width}×{height}, not maximized"
        assert height >= HEIGHT - 80, f"first window {width}×{height}, not maximized"
        desktop.type("Avant le dialogue")  # the capture field has the keyboard at once
        desktop.key("Return")
        desktop.key("F1")  # the shortcuts sheet, then closed with Esc
        desktop.key("Escape")
        desktop.key("ctrl+n")
        desktop.type("Apres le dialogue")
        desktop.key("Return")
        desktop.key("F11")
        time.sleep(1.0)
        assert desktop.window_size(window) == (WIDTH, HEIGHT)
        desktop.key("ctrl+q")
    finally:
        desktop.close()
    store = Store.open(data_dir.database)
    texts = sorted(c.text for c in store.find(Card, session_id=atelier.id) if not c.deleted)
    store.close()
    assert texts == ["Apres le dialogue", "Avant le dialogue"]
