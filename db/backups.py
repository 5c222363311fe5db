"""Rolling backups of the database, made with SQLite's online backup API.

A backup is taken when a session opens and at most every ``MIN_INTERVAL`` seconds after;
the newest ``KEEP`` are kept. To restore one: ``fabrique backups`` lists them and
``fabrique restore FILE`` puts one back (the current database is backed up first).
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from db import errors
from db.store import Store
from fabrique_desktop import disk
from fabrique_desktop.errors import StorageError

KEEP = 8
MIN_INTERVAL = 600.0
PREFIX = "fabrique-"


class Backups:
    def __init__(self, store: Store, folder: Path, keep: int = KEEP) -> None:
        self.store = store
        self.folder = folder
        self.keep = keep
        self._last = 0.0

    def take(self) -> Path:
        """Back up now, whatever the time since the last one."""
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        target = self.folder / f"{PREFIX}{stamp}.db"
        partial = target.with_suffix(".part")
        try:
            dest = sqlite3.connect(partial)
            try:
                self.store.conn.backup(dest)
            finally:
                dest.close()
            partial.replace(target)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise StorageError(
                f"Sauvegarde impossible dans « {self.folder} » : {disk.reason(error)}."
            ) from error
        except sqlite3.Error as error:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            if not errors.is_environment(error):
                raise
            raise StorageError(
                f"Sauvegarde impossible : {errors.message(partial, error)}"
            ) from error
        self._last = time.monotonic()
        self._prune()
        return target

    def maybe_take(self) -> Path | None:
        """Back up if the last backup is older than ``MIN_INTERVAL`` seconds."""
        if self._last and time.monotonic() - self._last < MIN_INTERVAL:
            return None
        return self.take()

    def list(self) -> list[Path]:
        return list_backups(self.folder)

    def _prune(self) -> None:
        for old in self.list()[: -self.keep]:
            old.unlink(missing_ok=True)


def list_backups(folder: Path) -> list[Path]:
    """Backups, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{PREFIX}*.db"))


def restore(backup: Path, database: Path) -> None:
    """Replace the database file with a backup. The app must not have it open."""
    Store.open(backup).close()  # refuses a file that is not a Fabrique database
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    partial = database.with_suffix(".restoring")
    shutil.copyfile(backup, partial)
    partial.replace(database)
