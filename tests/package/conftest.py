"""The standalone app, built once per test run (`standalone/build.py`, ~1–3 minutes).

Set FABRIQUE_FROZEN_APP to an already built `dist/Fabrique` folder to test it without building.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Frozen:
    folder: Path  # dist/Fabrique
    archive: Path | None
    build_seconds: float

    @property
    def exe(self) -> Path:
        return self.folder / "fabrique"


def why_not_buildable() -> str | None:
    if not sys.platform.startswith("linux"):
        return "the frozen app's tests are written for Linux (see README for Windows/macOS)"
    if importlib.util.find_spec("PyInstaller") is None:
        return "PyInstaller is not installed (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="session")
def frozen(tmp_path_factory) -> Frozen:
    reason = why_not_buildable()
    if reason:
        pytest.skip(reason)
    prebuilt = os.environ.get("FABRIQUE_FROZEN_APP")
    if prebuilt:
        folder = Path(prebuilt)
        archives = sorted(folder.parent.glob("Fabrique-*-linux-*.tar.gz"))
        return Frozen(folder, archives[-1] if archives else None, 0.0)
    out = tmp_path_factory.mktemp("standalone")
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "standalone" / "build.py"),
            f"--dist={out / 'dist'}",
            f"--work={out / 'work'}",
        ],
        check=True,
        cwd=ROOT,
        timeout=1800,
    )
    seconds = time.monotonic() - started
    print(f"\nstandalone app built in {seconds:.0f} s", file=sys.stderr)
    archives = sorted((out / "dist").glob("Fabrique-*-linux-*.tar.gz"))
    return Frozen(out / "dist" / "Fabrique", archives[0] if archives else None, seconds)


def clean_env(home: Path, **extra: str) -> list[str]:
    """`env -i`: nothing of ours (no venv on PATH, no PYTHONPATH, no Python variables)."""
    pairs = {"HOME": str(home), "PATH": "/usr/local/bin:/usr/bin:/bin", "PYTHONPATH": "", **extra}
    return ["env", "-i", *(f"{k}={v}" for k, v in pairs.items())]


@pytest.fixture
def run_frozen(frozen: Frozen, tmp_path: Path):
    """Run the frozen `fabrique` as a desktop user would: HOME of this test, empty env."""
    home = tmp_path / "home"
    home.mkdir()

    def run(*args: str, home: Path = home, check: bool = True, **env: str):
        result = subprocess.run(
            [*clean_env(home, **env), str(frozen.exe), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"exit {result.returncode}: {result.stderr}")
        return result

    run.home = home
    return run


def unpack(archive: Path, into: Path) -> Path:
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="tar")
    return into / "Fabrique"
