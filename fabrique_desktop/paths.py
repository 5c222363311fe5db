"""Where Fabrique keeps its data: the platform's user data folder unless told otherwise."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "FABRIQUE_DATA_DIR"
DB_NAME = "fabrique.db"


class DataDir:
    """The data folder: the database, its backups, the log and the settings."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def resolve(cls, override: str | os.PathLike[str] | None = None) -> DataDir:
        chosen = override or os.environ.get(ENV_VAR)
        if not chosen:
            from platformdirs import user_data_dir

            chosen = user_data_dir("Fabrique", appauthor=False)
        return cls(Path(chosen).expanduser().resolve())

    @property
    def database(self) -> Path:
        return self.root / DB_NAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def log_file(self) -> Path:
        return self.root / "logs" / "fabrique.log"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def media(self) -> Path:
        return self.root / "media"
