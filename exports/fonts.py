"""Fonts embedded in every PDF: DejaVu Sans (shipped in resources/fonts) covers French,
Latin Extended (œ æ « » ’ – — … €), Vietnamese, Greek, Cyrillic and basic Arabic letters;
Noto Sans Devanagari, Tamil and Bengali (resources/fonts/fallback) Indic names, shaped
(exports/shaping.py); Droid Sans Fallback and NanumSquare Chinese, Japanese and Korean."""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import Any

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


def joined(text: str) -> str:
    """``text`` with its Arabic letters in their joined forms, still in typed (logical)
    order: what a paragraph wraps, before each line is put in visual order (bidi.py)."""
    if not text or not has_rtl(text):
        return text
    import arabic_reshaper

    return arabic_reshaper.reshape(text)


def visual(text: str) -> str:
    """One line as reportlab must draw it: Arabic letters joined, right-to-left runs
    reordered. For a single line only (names, headers): a paragraph that may wrap is put in
    visual order line by line when drawn (``exports.bidi.Paragraph``).

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


# Scripts DejaVu Sans lacks are drawn, character by character, with the first font of this
# list that has them: fonts shipped in resources/fonts/fallback (Noto Sans Devanagari, Tamil
# and Bengali, 500 KB, first as they are small; Droid Sans Fallback for Chinese and Japanese,
# NanumSquare for Korean Hangul), then fonts of the system for the rest (Thai, Telugu…).
# Each is read only when a text needs it, and embedded as a subset.
# reportlab embeds TrueType outlines only (not CFF/OpenType-PS fonts such as Noto CJK).
# Without any font for a character, it is logged, never dropped.
FALLBACK = "FabriqueFallback"
BUNDLED_FALLBACKS = (
    str(resource("fonts", "fallback", "NotoSansDevanagari-Regular.ttf")),
    str(resource("fonts", "fallback", "NotoSansTamil-Regular.ttf")),
    str(resource("fonts", "fallback", "NotoSansBengali-Regular.ttf")),
    str(resource("fonts", "fallback", "DroidSansFallbackFull.ttf")),
    str(resource("fonts", "fallback", "NanumSquareR.ttf")),
)
SYSTEM_FALLBACKS = (
    # Linux (fonts-noto-core, fonts-arphic-uming, fonts-unfonts-core)
    "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansTelugu-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansGujarati-Regular.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf",
    # Windows
    "C:/Windows/Fonts/Nirmala.ttf",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/malgun.ttf",
    # macOS
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
)
FALLBACK_CANDIDATES = BUNDLED_FALLBACKS + SYSTEM_FALLBACKS

_fallback_names: dict[str, str] = {}
_warned: set[str] = set()  # characters no font draws, logged once


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
def fallback_font(path: str) -> tuple[str, frozenset[int]]:
    """Register the font at ``path`` (once) as a fallback; ``("", ∅)`` when it is absent or
    not usable. Its bold and italic are itself: a Chinese name in bold stays drawn. Its
    shaped clusters (Indic) extract as typed (``shaping.ClusterFont``)."""
    from pathlib import Path

    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    from exports.shaping import ClusterFont

    if not Path(path).is_file():
        return "", frozenset()
    name = f"{FALLBACK}{len(_fallback_names) + 1}"
    try:
        font = ClusterFont(name, path, subfontIndex=0)
    except Exception:
        log.info("fallback font %s not usable", path, exc_info=True)
        return "", frozenset()
    pdfmetrics.registerFont(font)
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)
    _fallback_names[path] = name
    return name, frozenset(font.face.charToGlyph)


def fallback_fonts(
    chars: set[str], candidates: tuple[str, ...] = FALLBACK_CANDIDATES
) -> dict[str, str]:
    """The fallback font of each character DejaVu lacks: the first candidate that draws it.
    Fonts are read in order only while some characters are still without one."""
    todo = {c for c in chars if c not in "\n\r\t\u200b\u200c\u200d"}
    found: dict[str, str] = {}
    for path in candidates:
        if not todo:
            break
        name, glyphs = fallback_font(path)
        drawn = {c for c in todo if ord(c) in glyphs}
        found.update(dict.fromkeys(drawn, name))
        todo -= drawn
    if todo - _warned:
        log.warning(
            "no font on this computer draws %s: install one (e.g. fonts-noto-core)",
            "".join(sorted(todo - _warned)),
        )
        _warned.update(todo)
    return found


def font_runs(text: str, font: str) -> list[tuple[str, str]]:
    """``text`` cut into ``(run, font name)``: ``font`` where it draws the characters, else
    the regular upright face (Arabic in bold or italic), else a fallback font."""
    if text.isascii():
        return [(text, font)] if text else []
    fallback = fallback_fonts(missing(text))
    own = covered() if font in (REGULAR, UPRIGHT) else _glyphs(font)
    runs: list[tuple[str, str]] = []
    for char in text:
        if char in fallback:
            wanted = fallback[char]
        elif ord(char) in own or ord(char) not in covered():
            wanted = font
        else:
            wanted = UPRIGHT
        if runs and char.isspace() and ord(char) in _glyphs(runs[-1][1]):
            wanted = runs[-1][1]  # « 佐藤 花子 » stays one run: one word for text extractors
        if runs and runs[-1][1] == wanted:
            runs[-1] = (runs[-1][0] + char, wanted)
        else:
            runs.append((char, wanted))
    return runs


@cache
def _glyphs(font: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)


def string_width(text: str, font: str, size: float) -> float:
    """Width of ``text`` as ``draw_string`` draws it."""
    from exports.shaping import shaped_run

    return sum(shaped_run(run, name, size)[1] for run, name in font_runs(text, font))


def draw_string(
    canvas: Any, x: float, y: float, text: str, font: str, size: float, align: str = "left"
) -> float:
    """Draw one line typed by people on a canvas (a name, a header) in ``font`` with the runs
    it lacks in a fallback font (Indic runs shaped), right-to-left runs in visual order;
    ``align`` is « left », « right » or « centre » about ``x``. Returns the width drawn."""
    from exports.shaping import shaped_run

    shown = visual(text)
    runs = [(*shaped_run(run, name, size), name) for run, name in font_runs(shown, font)]
    width = sum(w for _, w, _ in runs)
    if align == "right":
        x -= width
    elif align == "centre":
        x -= width / 2
    for run, run_width, name in runs:
        canvas.setFont(name, size)
        canvas.drawString(x, y, run)
        x += run_width
    return width


def with_fallback(markup_of: str, escaped: str) -> str:
    """``escaped`` (already markup-safe) with runs DejaVu lacks set in a fallback font, and
    runs only its regular face draws (Arabic in an italic quote) set upright."""
    if markup_of.isascii():
        return escaped
    every = covered_in_every_style()
    upright = {c for c in markup_of if ord(c) not in every and ord(c) in covered()}
    drawable = fallback_fonts(missing(markup_of))
    if not drawable and not upright:
        return escaped
    font_of = dict.fromkeys(upright, UPRIGHT) | drawable
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
