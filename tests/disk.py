"""A real full disk, a real read-only mount and a real « no rights » folder, for the suite.

A small tmpfs is filled to the last byte; a folder is bind-mounted read-only; a command runs
as the unprivileged user ``nobody`` (the administrator ignores permission bits, so a folder
without write permission is only tested as someone else). Each needs the administrator
(mount, setpriv) and skips with the reason elsewhere.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

NOBODY = 65534


def _mount(*args: str) -> None:
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs the administrator's mount (root on Linux) to make a real full disk")
    result = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.skip(f"mount refused here (container without CAP_SYS_ADMIN?): {result.stderr}")


def _unmount(target: Path) -> None:
    subprocess.run(["umount", "-l", str(target)], capture_output=True, check=False)


class FullDisk:
    """A 4 MB tmpfs at ``root``: put files on it, then ``fill()`` it; ``free()`` undoes that."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.filler = root / "filler"

    def fill(self) -> None:
        with self.filler.open("ab", buffering=0) as f:
            for size in (65536, 4096, 1):  # big blocks, then the last bytes of a page
                try:
                    while True:
                        f.write(b"\0" * size)
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[FullDisk]:
    root = tmp_path / "small-disk"
    root.mkdir()
    _mount("-t", "tmpfs", "-o", "size=4m", "tmpfs", str(root))
    try:
        yield FullDisk(root)
    finally:
        _unmount(root)


class ReadOnlyFolder:
    """``source`` can be written by the test; ``root`` shows the same files, read-only."""

    def __init__(self, source: Path, root: Path) -> None:
        self.source = source
        self.root = root


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[ReadOnlyFolder]:
    source, root = tmp_path / "source", tmp_path / "read-only"
    source.mkdir()
    root.mkdir()
    _mount("--bind", str(source), str(root))
    try:
        result = subprocess.run(
            ["mount", "-o", "remount,bind,ro", str(root)], capture_output=True, text=True
        )
        if result.returncode != 0:
            pytest.skip(f"a read-only remount is refused here: {result.stderr}")
        yield ReadOnlyFolder(source, root)
    finally:
        _unmount(root)


@pytest.fixture
def as_nobody() -> list[str]:
    """The command prefix that runs a program as ``nobody`` (no rights on root's folders)."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("permission bits only hold for a user other than the administrator")
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) is needed to run a command as another user")
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder that another user can reach (pytest's own temporary folder is root's only)."""
    folder = Path(tempfile.mkdtemp(prefix="fabrique-test-", dir="/tmp"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
