"""Data folders brought up to date at start, series by series (the demo's content, each
phase's wall): the changes each series needs, then each handed to the writer."""

from __future__ import annotations

import logging
from collections.abc import Callable

from fabrique_desktop.changes import Change
from fabrique_desktop.model import Series
from fabrique_desktop.ports import Store, Write


def series_changes(
    store: Store, change_of: Callable[[Store, Series], Change | None]
) -> list[Change]:
    """``change_of`` each series of ``store``, those that change something."""
    found = (change_of(store, series) for series in store.find(Series))
    return [c for c in found if c is not None and c.edits]


def write_changes(changes: list[Change], write: Write, log: logging.Logger, what: str) -> int:
    """Hand each change to ``write`` (the command line's store writer, at start), logged as
    ``what`` brought up to date; the number of series changed."""
    for change in changes:
        write(change)
        log.info("%s brought up to date (%d edits)", what, len(change.edits))
    return len(changes)
