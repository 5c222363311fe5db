"""Where Fabrique keeps its data: the platform's user data folder unless told otherwise."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "FABRIQUE_DATA_DIR"
DB_NAME = "fabrique.db"


# data folders in use by this process: no export may be written over their own files
# (``exports.safe_write.check_target``)
in_use: list[Path] = []


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


def media_file(media_dir: Path | None, name: str) -> Path | None:
    """The file ``name`` of the media folder, or ``None`` if ``name`` is not a plain file name
    of that folder (absolute, ``..``, a folder, a link leading outside, a device…).

    Photos' and portraits' names come from the database, which may have been written by an
    older version or filled by an import: every use resolves them here, never ``media / name``.
    """
    from fabrique_desktop.limits import is_media_name  # not at start-up: its patterns compile

    if media_dir is None or not is_media_name(name):
        return None
    candidate = media_dir / name
    try:
        real = candidate.resolve(strict=True)
        if not real.is_relative_to(media_dir.resolve()) or not real.is_file():
            return None
    except (OSError, RuntimeError):
        return None
    return candidate
