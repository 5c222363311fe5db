"""Chinese, Japanese, Korean and Indic names in the window on a computer without such fonts.

The fonts shipped in resources/fonts/fallback (Droid Sans Fallback: CJK ideographs and kana;
NanumSquare: Korean Hangul; Noto Sans Devanagari, Tamil and Bengali, which Qt shapes itself)
are registered right after the first paint (reading 5.2 MB of fonts costs about 1 ms of
start-up) and put after DejaVu Sans in the application font's
families, the list Qt goes through, per character, for glyphs the first family lacks. Widgets
are told their font changed; the window has its boards measure their notes again.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from fabrique_desktop.resources import resource

_families: list[str] = []


def register() -> list[str]:
    """Register the fallback fonts with Qt (once); returns their families."""
    if not _families:
        for path in sorted(resource("fonts", "fallback").glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            for family in QFontDatabase.applicationFontFamilies(font_id):
                if family not in _families:
                    _families.append(family)
    return list(_families)


def with_fallbacks(font: QFont) -> QFont:
    """``font`` whose families go on with the fallback fonts."""
    extended = QFont(font)
    families = [f for f in font.families() or [font.family()] if f not in _families]
    extended.setFamilies(families + register())
    return extended


def install(app: QApplication) -> bool:
    """Register the fallback fonts and put them in the application font (widgets that use it
    are told their font changed); True if it changed: boards must then measure their notes
    again (``BoardScene.refresh_fonts``)."""
    font = with_fallbacks(app.font())
    if font.families() == app.font().families():
        return False
    app.setFont(font)
    return True
