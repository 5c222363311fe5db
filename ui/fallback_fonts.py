"""Chinese, Japanese, Korean and Indic names in the window on a computer without such fonts.

The fonts shipped in resources/fonts/fallback (Droid Sans Fallback: CJK ideographs and kana;
NanumSquare: Korean Hangul; Noto Sans Devanagari, Tamil and Bengali, which Qt shapes itself)
are registered right after the first paint (reading 5.2 MB of fonts costs about 1 ms of
start-up) and put after DejaVu Sans in the application font's
families, the list Qt goes through, per character, for glyphs the first family lacks. Widgets
are told their font changed, and the board measures its notes again.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QGraphicsView

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


def install(app: QApplication) -> None:
    """Register the fallback fonts and let every widget and board use them."""
    font = with_fallbacks(app.font())
    if font.families() == app.font().families():
        return
    app.setFont(font)  # widgets that did not set their own font are told it changed
    for widget in app.allWidgets():
        scene = QGraphicsView.scene(widget) if isinstance(widget, QGraphicsView) else None
        if scene is not None and hasattr(scene, "refresh_fonts"):  # the board (BoardScene)
            scene.refresh_fonts()
        widget.update()  # text drawn before the fonts were there (empty boxes)
