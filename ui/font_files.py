"""The fonts shipped with Fabrique, registered with Qt: by the app, and by the board image
exported from the command line (which needs them, not the app's window and its modules)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from fabrique_desktop.resources import resource

FONT_FAMILY = "DejaVu Sans"


def register_fonts() -> str:
    """Register the bundled fonts with Qt; returns the family to use."""
    for path in sorted(resource("fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    return FONT_FAMILY
