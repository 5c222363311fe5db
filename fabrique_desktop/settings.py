"""Small per-user preferences (language, last session, projector screen) in a JSON file.

Several processes share the file (the app, ``fabrique import`` recording a note-taker's
table): each write changes its own key only, re-reading the file under a lock first, and
replaces the file at once (a temporary file, synced, renamed): never a half-written file,
never another process' key erased from memory.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class Settings:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._values: dict[str, Any] = self._read()

    def _read(self) -> dict[str, Any]:
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                return loaded
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as error:
            log.warning("settings %s unreadable, using defaults: %s", self.path, error)
        return {}

    def get(self, key: str, default: Any = None) -> Any:
        return self._values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        """Record ``key`` alone: what other processes wrote since is kept."""
        self._values[key] = value
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with _locked(self.path):
                current = self._read()
                if key in current and current[key] == value:  # e.g. the atelier opened last:
                    self._values = {**current}  # not written (and synced) at every start
                    return
                current[key] = value
                self._values = {**current}
                _write_atomically(self.path, json.dumps(current, ensure_ascii=False, indent=1))
        except OSError as error:
            log.warning("settings not saved to %s: %s", self.path, error)


def _write_atomically(path: Path, text: str) -> None:
    import tempfile  # only when a setting changes: not at start-up

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Another process' read-change-write of the same file waits for this one (POSIX)."""
    try:
        import fcntl
    except ImportError:  # Windows: the merge still keeps others' keys, only not under a lock
        yield
        return
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path.with_name(f".{path.name}.lock"), flags, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
