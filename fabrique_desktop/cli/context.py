"""What a command needs: the data folder, and the store opened on first use of it."""

from __future__ import annotations

import time

from db.backups import Backups
from db.store import Store
from fabrique_desktop.logs import setup_logging
from fabrique_desktop.paths import DataDir
from fabrique_desktop.settings import Settings
from fabrique_desktop.workspace import ensure_first_use


class Context:
    def __init__(self, data_dir: str | None) -> None:
        self.started = time.perf_counter()
        self.data_dir = DataDir.resolve(data_dir)
        setup_logging(self.data_dir.log_file)
        self._store: Store | None = None
        self._backups: Backups | None = None

    @property
    def store(self) -> Store:
        """The database, created with the built-in series on first use."""
        if self._store is None:
            self._store = Store.open(self.data_dir.database)
            ensure_first_use(self._store)
        return self._store

    @property
    def backups(self) -> Backups:
        if self._backups is None:
            self._backups = Backups(self.store, self.data_dir.backups)
        return self._backups

    @property
    def settings(self) -> Settings:
        return Settings(self.data_dir.settings)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
