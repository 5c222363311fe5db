"""The type gate: mypy over the four packages (configured in pyproject.toml) finds no error.

A failure lists mypy's own lines. Fix the code; an ignore is for a library whose type
information is wrong, with its code and the reason on the line (``# type: ignore[index]``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_finds_no_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy"],  # files, options and libraries: pyproject's [tool.mypy]
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout
