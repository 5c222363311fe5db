"""SIGTERM closes the app's windows as their close button does: the phones' room is closed
(its pages told « fermée pour l'instant », not left on « Pas de connexion… vérifiez le
Wi-Fi »), without a question, and the app leaves with 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
from pathlib import Path

import pytest

from tests.phones.conftest import Phone


def test_sigterm_closes_the_window_and_the_phones_room(qtbot, window) -> None:
    from ui.close_on_sigterm import CloseOnSigterm

    window.build_feature_menus()
    room = window.phone_menu.ensure()
    assert room.open("127.0.0.1", 0)
    address = room.service.address
    left: list[int] = []
    handler = CloseOnSigterm(_app(), left.append)
    try:
        os.kill(os.getpid(), signal.SIGTERM)  # the process is not gone: the loop acts on it
        qtbot.wait_until(lambda: left == [0], timeout=5_000)
        assert not window.isVisible()
        assert not room.active
        with pytest.raises(urllib.error.URLError):
            Phone(address).call("join")  # the port is closed: the pages were told first
    finally:
        handler.uninstall()


def _app():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()


@pytest.mark.slow
def test_the_app_leaves_with_0_on_sigterm(tmp_path: Path) -> None:
    """Killed outright it left with −15; now its windows close and it leaves with 0."""
    env = {k: v for k, v in os.environ.items() if k != "FABRIQUE_DATA_DIR"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    data = tmp_path / "data"
    app = subprocess.Popen(
        [sys.executable, "-m", "fabrique_desktop.cli", "--data-dir", str(data)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        log = data / "logs" / "fabrique.log"
        deadline = time.monotonic() + 60
        while "window shown" not in (log.read_text(encoding="utf-8") if log.exists() else ""):
            assert time.monotonic() < deadline, "the app never showed its window"
            assert app.poll() is None, app.communicate()
            time.sleep(0.2)
        app.send_signal(signal.SIGTERM)
        assert app.wait(20) == 0
        assert "Traceback" not in (app.stderr.read() if app.stderr else "")
        assert "SIGTERM: the windows close" in log.read_text(encoding="utf-8")
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
