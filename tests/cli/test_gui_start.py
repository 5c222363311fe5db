"""``fabrique`` with no command opens the window; ``--verbose`` says when, on standard error."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from pathlib import Path


def test_verbose_start_logs_when_the_window_is_shown(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "fabrique_desktop.cli", "--verbose", "--data-dir", str(data)]
    child = subprocess.Popen(
        command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env
    )
    watchdog = threading.Timer(60, child.kill)  # never wait for ever on a silent window
    watchdog.start()
    try:
        shown = next((line for line in child.stderr if "window shown" in line), "")
    finally:
        watchdog.cancel()
        child.kill()
        child.wait()
    found = re.search(r"window shown (\d+) ms", shown)
    assert found, "the window was never shown"
    milliseconds = int(found.group(1))
    assert 0 < milliseconds < 60_000
    log = (data / "logs" / "fabrique.log").read_text(encoding="utf-8")
    assert f"window shown {milliseconds} ms" in log
