"""How a panel writes: it hands a ``Change`` to its window's change bus (``push`` for an undo
step, ``apply`` otherwise) and learns whether it was stored — a panel keeps what the user
typed when the disk refused it. The feature that makes the panel sets its ``write``."""

from __future__ import annotations

from collections.abc import Callable

from fabrique_desktop.changes import Change

Writer = Callable[[Change], bool]  # True: stored and announced; False: refused (the bus said why)


def unwired(change: Change) -> bool:
    """A panel not (yet) given to a window: nothing is written."""
    return False
