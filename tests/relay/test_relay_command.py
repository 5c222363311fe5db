"""``fabrique relay`` as a process: the address on its first line, the token kept, SIGTERM
stops it cleanly (exit 0)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_the_relay_prints_its_address_and_stops_on_sigterm(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "FABRIQUE_DATA_DIR"}
    command = [
        sys.executable,
        "-m",
        "fabrique_desktop.cli",
        "--data-dir",
        str(tmp_path / "logs"),
        "relay",
        "--port",
        "0",
        "--data",
        str(tmp_path / "relay"),
    ]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        token = process.stdout.readline().strip()
    finally:
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
    assert url.startswith("ws://127.0.0.1:")
    token_kept = (tmp_path / "relay" / "relay-token.txt").read_text(encoding="utf-8").strip()
    assert url.endswith("/" + token_kept)
    assert token == f"jeton du relais : {token_kept}"
    assert process.returncode == 0, err
    assert "Relais arrêté." in err
    assert not (tmp_path / "logs" / "fabrique.db").exists()  # the relay never opens a database
