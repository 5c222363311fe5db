"""The log file in the data folder: details for us, never shown raw to the user."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

MAX_BYTES = 2_000_000


def setup_logging(log_file: Path) -> None:
    """Log to ``log_file``; a log grown past ``MAX_BYTES`` is set aside as ``.1`` first."""
    root = logging.getLogger()
    for existing in [h for h in root.handlers if getattr(h, "fabrique", None)]:
        if existing.fabrique == log_file:  # type: ignore[attr-defined]
            return
        root.removeHandler(existing)  # another data folder: log there from now on
        existing.close()
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        if log_file.exists() and log_file.stat().st_size > MAX_BYTES:
            log_file.replace(log_file.with_suffix(".log.1"))
        handler: logging.Handler = logging.FileHandler(log_file, encoding="utf-8", delay=True)
    except OSError:
        handler = logging.NullHandler()
    handler.fabrique = log_file  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def echo_to_stderr() -> None:
    """Also write the log to the standard error (``fabrique --verbose``)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
