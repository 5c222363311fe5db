from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture
def fabrique(tmp_path: Path):
    """Run the real command in a subprocess against a data folder of this test."""
    data = tmp_path / "data"

    def run(
        *args: str, data_dir: Path | None = None, check: bool = True
    ) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if k != "FABRIQUE_DATA_DIR"}
        env["QT_QPA_PLATFORM"] = "offscreen"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "fabrique_desktop.cli",
                "--data-dir",
                str(data_dir or data),
                *args,
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=60,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"exit {result.returncode}: {result.stderr}")
        return result

    return run
