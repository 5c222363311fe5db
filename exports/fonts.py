"""Fonts embedded in every PDF: DejaVu Sans (shipped in resources/fonts) covers French,
Latin Extended (œ æ « » ’ – — … €), Vietnamese, Greek, Cyrillic and basic Arabic letters."""

from __future__ import annotations

import re
from functools import cache

from fabrique_desktop.resources import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"


@cache
def register_fonts() -> str:
    """Register the bundled fonts with reportlab once; returns the family name to use."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name in (REGULAR, BOLD, ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", f"{name}.ttf"))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR


# Right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko…, and their presentation forms).
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def visual(text: str) -> str:
    """Text as reportlab must draw it: Arabic letters joined, right-to-left runs reordered.

    reportlab draws code points one after the other, left to right, without shaping. DejaVu
    Sans has the Arabic presentation forms, so an Arabic first name is first reshaped (each
    letter in its initial/medial/final form, lam-alef ligatures) by ``arabic_reshaper``, then
    put in visual order by ``bidi`` (the Unicode bidirectional algorithm); text extractors
    such as pypdf read the run back in logical order. Latin-only text is returned as is.
    """
    if not text or not has_rtl(text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text))
