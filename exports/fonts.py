"""Fonts embedded in every PDF: DejaVu Sans (shipped in resources/fonts) covers French,
Latin Extended (œ æ « » ’ – — … €), Vietnamese, Greek, Cyrillic and basic Arabic letters."""

from __future__ import annotations

import logging
import re
from functools import cache

from fabrique_desktop.resources import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
# The regular outlines under a name that bold and italic styles do not remap: DejaVu Sans
# Oblique has no Arabic letters and Bold lacks some, so a run the style's face cannot draw
# is set upright rather than printed as empty boxes.
UPRIGHT = "DejaVuSans-Upright"

log = logging.getLogger(__name__)


@cache
def register_fonts() -> str:
    """Register the bundled fonts with reportlab once; returns the family name to use."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name in (REGULAR, BOLD, ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", f"{name}.ttf"))))
    pdfmetrics.registerFont(TTFont(UPRIGHT, str(resource("fonts", f"{REGULAR}.ttf"))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(UPRIGHT, bold, italic, UPRIGHT)
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


# Scripts DejaVu Sans lacks (Chinese, Japanese, Korean, Devanagari, Thai…): a TrueType font
# of the system is embedded for those characters only, so a name like « 美林 » prints as
# itself. reportlab embeds TrueType outlines only (not CFF/OpenType-PS fonts such as Noto
# CJK), hence this list. Without any of them the characters are logged, never dropped.
FALLBACK = "FabriqueFallback"
FALLBACK_CANDIDATES = (
    # Linux (fonts-droid-fallback, fonts-arphic-uming, fonts-unfonts-core, fonts-noto-core)
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf",
    # Windows
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "C:/Windows/Fonts/malgun.ttf",
    "C:/Windows/Fonts/Nirmala.ttf",
    # macOS
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
)


@cache
def covered() -> frozenset[int]:
    """Code points DejaVu Sans draws."""
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return frozenset(pdfmetrics.getFont(REGULAR).face.charToGlyph)


@cache
def covered_in_every_style() -> frozenset[int]:
    """Code points the regular, bold and oblique faces all draw."""
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    faces = [pdfmetrics.getFont(name).face.charToGlyph for name in (REGULAR, BOLD, ITALIC)]
    return frozenset(set(faces[0]).intersection(*faces[1:]))


def missing(text: str) -> set[str]:
    """Characters of ``text`` that DejaVu Sans cannot draw (spacing marks aside)."""
    if text.isascii():
        return set()
    have = covered()
    return {c for c in text if ord(c) not in have and c not in "\n\r\t\u200b\u200c\u200d"}


@cache
def fallback_font(candidates: tuple[str, ...] = FALLBACK_CANDIDATES) -> tuple[str, frozenset[int]]:
    """Register the first usable fallback font; ``("", ∅)`` when the system has none."""
    from pathlib import Path

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for candidate in candidates:
        if not Path(candidate).is_file():
            continue
        try:
            font = TTFont(FALLBACK, candidate, subfontIndex=0)
        except Exception:
            log.info("fallback font %s not usable", candidate, exc_info=True)
            continue
        pdfmetrics.registerFont(font)
        return FALLBACK, frozenset(font.face.charToGlyph)
    return "", frozenset()


def with_fallback(markup_of: str, escaped: str) -> str:
    """``escaped`` (already markup-safe) with runs DejaVu lacks set in the fallback font, and
    runs only its regular face draws (Arabic in an italic quote) set upright."""
    if markup_of.isascii():
        return escaped
    every = covered_in_every_style()
    upright = {c for c in markup_of if ord(c) not in every and ord(c) in covered()}
    lacking = missing(markup_of)
    name, glyphs = fallback_font() if lacking else ("", frozenset())
    drawable = {c for c in lacking if ord(c) in glyphs}
    if lacking - drawable:
        log.warning(
            "no font on this computer draws %s: install one (e.g. fonts-droid-fallback)",
            "".join(sorted(lacking - drawable)),
        )
    if not drawable and not upright:
        return escaped
    font_of = {c: UPRIGHT for c in upright} | {c: name for c in drawable}
    out: list[str] = []
    run: list[str] = []
    run_font = ""
    for char in escaped:
        font = font_of.get(char, "")
        if run and font != run_font:
            out.append(f'<font name="{run_font}">{"".join(run)}</font>')
            run = []
        if font:
            run.append(char)
            run_font = font
        else:
            out.append(char)
    if run:
        out.append(f'<font name="{run_font}">{"".join(run)}</font>')
    return "".join(out)
