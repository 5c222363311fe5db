"""Icons from qtawesome, imported on first use: start-up does not wait for the icon fonts."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from PySide6.QtGui import QIcon


@cache
def icon(name: str, color: str | None = None) -> QIcon:
    import qtawesome

    return qtawesome.icon(name, color=color) if color else qtawesome.icon(name)
