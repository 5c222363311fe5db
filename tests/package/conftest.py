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


BUILD_TIMEOUT = 1800  # seconds; the build is ~1–3 minutes on a loaded 2-core machine


MEASURED: dict[str, float] = {}  # shown at the end of the run (CI's log keeps the numbers)


def pytest_terminal_summary(terminalreporter) -> None:
    if MEASURED:
        terminalreporter.write_line(
            "standalone app: "
            + ", ".join(f"{name} {value:.0f}" for name, value in MEASURED.items())
        )


def pytest_collection_modifyitems(config, items) -> None:
    """The build happens in the first test's set-up: no per-test timeout may cut it short."""
    if config.pluginmanager.hasplugin("timeout"):
        for item in items:
            if item.get_closest_marker("package"):
                item.add_marker(pytest.mark.timeout(BUILD_TIMEOUT))


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
        timeout=BUILD_TIMEOUT,
    )
    seconds = time.monotonic() - started
    MEASURED["build s"] = seconds
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
