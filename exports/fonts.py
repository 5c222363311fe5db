"""Fonts embedded in every PDF: DejaVu Sans (shipped in resources/fonts) covers French,
Latin Extended (œ æ « » ’ – — … €), Vietnamese, Greek, Cyrillic and basic Arabic letters."""

from __future__ import annotations

from functools import cache

from fabrique_desktop.resources import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"


@cache
def register_fonts() -> str:
    """Register the bundled fonts with reportlab once; returns the family name to use."""
    from reportlab.lib.fonts import addMapping  # noqa: PLC0415 - reportlab only when exporting
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.ttfonts import TTFont  # noqa: PLC0415

    for name in (REGULAR, BOLD, ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", f"{name}.ttf"))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR
