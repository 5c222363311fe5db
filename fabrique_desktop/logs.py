"""The log file in the data folder: details for us, never shown raw to the user.

When the data folder refuses the log (read-only folder, no rights) it goes to a private
folder of the user's in the system's temporary folder instead (``fallback_log_file``); a log
that cannot be written at all (disk full) falls silent. Logging never prints a traceback of
its own and never stops the app; ``where_details`` tells the error messages where the
details really are."""

from __future__ import annotations

import contextlib
import logging
import sys
from pathlib import Path

from fabrique_desktop.disk import reason

MAX_BYTES = 2_000_000


def setup_logging(log_file: Path) -> None:
    """Log to ``log_file``; a log grown past ``MAX_BYTES`` is set aside as ``.1`` first."""
    root = logging.getLogger()
    for existing in [h for h in root.handlers if isinstance(h, QuietFileHandler)]:
        if existing.fabrique == log_file:
            return
        root.removeHandler(existing)  # another data folder: log there from now on
        existing.close()
    with contextlib.suppress(OSError):  # if the folder refuses, the handler finds another
        log_file.parent.mkdir(parents=True, exist_ok=True)
        if log_file.exists() and log_file.stat().st_size > MAX_BYTES:
            log_file.replace(log_file.with_suffix(".log.1"))
    handler = QuietFileHandler(log_file)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


class QuietFileHandler(logging.FileHandler):
    """A log file that falls silent when the disk refuses it (instead of logging's
    « --- Logging error --- » and a traceback on the standard error for every record)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.fabrique = path  # the data folder's log (baseFilename may move to the fallback)
        self.broken: OSError | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.broken is not None:
            return
        if self.stream is None:  # opened at the first record (FileHandler does it unguarded)
            try:
                self.stream = self._open()
            except OSError as error:
                if not self._use_fallback():
                    self.broken = error
                    return
        logging.StreamHandler.emit(self, record)
        if self.stream is not None and self.stream.tell() > MAX_BYTES:
            self._roll()

    def _roll(self) -> None:
        """The log grew past ``MAX_BYTES`` while running (a flood of refusals from a room's
        Wi-Fi): set aside as ``.1`` (the older one dropped); the next record starts anew."""
        self._drop_stream()
        path = Path(self.baseFilename)
        with contextlib.suppress(OSError):
            path.replace(path.with_suffix(".log.1"))

    def handleError(self, record: logging.LogRecord) -> None:
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):
            super().handleError(record)  # a bad format string: a bug, said as logging says it
            return
        self._drop_stream()
        if self._use_fallback():
            logging.StreamHandler.emit(self, record)  # fails again: back here, and silent
        else:
            self.broken = error

    def _use_fallback(self) -> bool:
        """Go on in the temporary folder's log (once); False if already there or refused."""
        fallback = fallback_log_file()
        if Path(self.baseFilename) == fallback:
            return False
        try:
            fallback.parent.mkdir(parents=True, exist_ok=True)
            self.baseFilename = str(fallback)
            self.stream = self._open()
        except OSError:
            return False
        return True

    def _drop_stream(self) -> None:
        if self.stream is not None:
            with contextlib.suppress(OSError):
                self.stream.close()  # closing flushes what is left: it may fail the same way
            self.stream = None


_fallback: dict[str, Path] = {}  # the fallback chosen, once per temporary folder


def fallback_log_file() -> Path:
    """Where the log goes when the data folder cannot hold it: a private folder of this
    user's (``fabrique-<user>`` in the temporary folder, made 0700; if another account made
    it first, or it is a link, or others can write to it, a fresh private one instead)."""
    import tempfile  # only when the data folder refused the log: not paid at start-up

    base = tempfile.gettempdir()
    if base not in _fallback:
        _fallback[base] = private_folder(Path(base)) / "fabrique.log"
    return _fallback[base]


def private_folder(base: Path) -> Path:
    import getpass
    import os
    import stat
    import tempfile

    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment nor in the password database
        user = "user"
    name = f"fabrique-{user}"
    folder = base / name
    with contextlib.suppress(OSError):
        base.mkdir(parents=True, exist_ok=True)
        os.mkdir(folder, 0o700)
    try:
        info = os.lstat(folder)
        mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
        if stat.S_ISDIR(info.st_mode) and mine and not info.st_mode & 0o077:
            return folder
    except OSError:
        pass
    try:
        return Path(tempfile.mkdtemp(prefix=f"{name}-", dir=base))  # 0700, a name nobody guesses
    except OSError:
        return base / f"{name}-refused" / name  # opening it fails: the log falls silent


def where_details() -> str:
    """Where an error's details are, said to the user: « les détails sont dans « … » »."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, QuietFileHandler):
            if handler.broken is None:
                return f"les détails sont dans « {handler.baseFilename} »"
            return (
                f"les détails n'ont pas pu être écrits dans le journal ({reason(handler.broken)})"
            )
    return "les détails n'ont pas été écrits (pas de journal)"


def echo_to_stderr() -> None:
    """Also write the log to the standard error (``fabrique --verbose``)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
