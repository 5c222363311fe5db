"""One owner per data folder: the process that writes (the app, ``phones``, ``import*``,
``restore``, a migration) holds a lock on ``fabrique.lock``; another writer is refused with a
French message naming the owner, or opens read-only (a second app window).

The lock is the operating system's (``flock`` on POSIX, ``msvcrt.locking`` on Windows): it
goes with the process, so a crash or ``kill -9`` never leaves a folder locked. The file
says who holds it (process, what, since when) so that the refusal can name it. Within one
process the lock is shared: opening the folder twice (tests, the app's own commands) does
not refuse itself.
"""

from __future__ import annotations

import errno
import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path

from fabrique_desktop import disk
from fabrique_desktop.errors import StorageError

LOCK_NAME = "fabrique.lock"
_WINDOWS_BYTE = 1 << 20  # the byte locked on Windows, past what the file says (still readable)

# locks this process holds: resolved path → [file descriptor, users]
_held: dict[Path, list[int]] = {}


class FolderBusyError(StorageError):
    """Another process owns the data folder; ``owner`` names it."""

    def __init__(self, message: str, owner: str) -> None:
        super().__init__(message)
        self.owner = owner


class FolderLock:
    """The data folder's owner lock; ``acquire`` then ``release`` (or ``with``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOCK_NAME
        self._mine = False

    @property
    def held(self) -> bool:
        return self._mine

    def acquire(self, what: str, wait: float = 0.0, long: bool = False) -> None:
        """Own the folder as ``what`` (« l'application Fabrique », « fabrique import »…);
        waits up to ``wait`` seconds for a short owner (not for a ``long`` one: the app, the
        phones' room), then raises ``FolderBusyError`` naming the owner."""
        if self._mine:
            return
        key = self._key()
        if key in _held:
            _held[key][1] += 1
            self._mine = True
            return
        fd = self._open()
        if fd is None:  # a folder nobody can write to (read-only key, no rights): no owner
            return
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() >= deadline or _owner_info(self.path).get("long"):
                owner = describe_owner(self.path)
                os.close(fd)
                raise FolderBusyError(
                    f"Le dossier de données « {self.folder} » est utilisé par {owner} : "
                    "rien n'a été modifié. Recommencez une fois ce programme fermé.",
                    owner,
                )
            time.sleep(0.1)
        _write_owner(fd, what, long)
        _held[key] = [fd, 1]
        self._mine = True

    def release(self) -> None:
        if not self._mine:
            return
        self._mine = False
        key = self._key()
        entry = _held.get(key)
        if entry is None:
            return
        entry[1] -= 1
        if entry[1] == 0:
            del _held[key]
            os.close(entry[0])  # closing the file releases the lock

    def owner(self) -> str | None:
        """Who owns the folder now (another process), or None."""
        if self._key() in _held:
            return None
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            return None
        try:
            if _try_lock(fd):
                return None
            return describe_owner(self.path)
        finally:
            os.close(fd)

    def _key(self) -> Path:
        return self.path.absolute()

    def _open(self) -> int | None:
        """The lock file, or None when the folder cannot be written at all (then nothing
        can be written there either: the store opens read-only and says why)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
            return os.open(self.path, flags, 0o600)
        except OSError as error:
            if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC):
                return None
            raise StorageError(
                f"Impossible de réserver le dossier de données « {self.folder} » : "
                f"{disk.reason(error)}."
            ) from error

    def __enter__(self) -> FolderLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def describe_owner(path: Path) -> str:
    """« l'application Fabrique (processus 1234, depuis 16:42) », from the lock file."""
    info = _owner_info(path)
    what = str(info.get("what") or "un autre programme Fabrique")
    details = []
    if info.get("pid"):
        details.append(f"processus {info['pid']}")
    since = info.get("since")
    if isinstance(since, (int, float)):
        details.append(f"depuis {datetime.fromtimestamp(since).strftime('%H:%M')}")
    return f"{what} ({', '.join(details)})" if details else what


def _owner_info(path: Path) -> dict[str, object]:
    try:
        info = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


def _write_owner(fd: int, what: str, long: bool) -> None:
    info = {"pid": os.getpid(), "what": what, "since": time.time(), "long": long}
    text = json.dumps(info, ensure_ascii=False).encode()
    try:
        os.ftruncate(fd, 0)
        _write_at_start(fd, text)
    except OSError:
        pass  # the lock holds even when its label cannot be written (disk full)


def _write_at_start(fd: int, text: bytes) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, text)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as error:  # a file system without locks: do not refuse the folder
            return error.errno not in (errno.EAGAIN, errno.EWOULDBLOCK)
        return True
