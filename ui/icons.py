"""Icons from qtawesome's Font Awesome 5 solid font (« fa5s.* »), loaded on first use: start-up
does not wait for the icon font.

Only that font is loaded (``qtawesome.icon`` loads and checksums all twelve it bundles, ~6 MB,
for icons Fabrique never asks for); the standalone app ships that font alone.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from PySide6.QtGui import QIcon
    from qtawesome.iconic_font import IconicFont

PREFIX = "fa5s"
OTHER_FONTS = "fa5s.user"  # a persona named with another font's icon (a copy from elsewhere)


@cache
def _font() -> IconicFont:
    import qtawesome
    from qtawesome.iconic_font import IconicFont

    files = next(f for f in qtawesome._BUNDLED_FONTS if f[0] == PREFIX)
    return IconicFont(files)


@cache
def icon(name: str, color: str | None = None) -> QIcon:
    if not name.startswith(f"{PREFIX}."):
        name = OTHER_FONTS
    return _font().icon(name, color=color) if color else _font().icon(name)
