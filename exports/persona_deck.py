"""The persona deck as a PDF to print and cut: A6 cards, four per A4 page, with cutting marks.

Each card: the persona's colour band with its portrait (a photo from the data folder's
media, or its icon) and its first name, then age and town, life story, worries and hopes.
Text is set in the bundled DejaVu fonts (accents, œ, « », Vietnamese and Arabic names print
as typed) and shrinks to fit the card when a story is long. No participant data is printed.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from exports import pdf_style as ps
from exports.fonts import (
    BOLD,
    ITALIC,
    REGULAR,
    draw_string,
    register_fonts,
    string_width,
    visual,
)
from exports.safe_write import write_bytes
from fabrique_desktop.model import Persona
from fabrique_desktop.paths import media_file
from fabrique_desktop.report_words import amount, tr
from fabrique_desktop.typography import current_language

log = logging.getLogger(__name__)

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM  # A4 portrait
CARD_W, CARD_H = PAGE_W / 2, PAGE_H / 2  # A6 portrait, 105 × 148.5 mm
PER_PAGE = 4
MARGIN = 7 * MM
BAND_H = 34 * MM
PORTRAIT = 24 * MM
MARK = 8 * MM
INK = "#111111"
ICON_FONT = "FabriqueIconsSolid"


def write_deck(
    personas: Sequence[Persona],
    target: Path | str,
    *,
    title: str = "",
    media_dir: Path | None = None,
    captions: dict[str, str] | None = None,
    author: str = "",
) -> int:
    """Write the deck to ``target`` (through a temporary file); returns the number of pages."""
    data, pages = deck_pdf(
        personas, title=title, media_dir=media_dir, captions=captions, author=author
    )
    write_bytes(target, data)
    return pages


def deck_pdf(
    personas: Sequence[Persona],
    *,
    title: str = "",
    media_dir: Path | None = None,
    captions: dict[str, str] | None = None,
    author: str = "",
) -> tuple[bytes, int]:
    """The PDF bytes and page count. ``captions`` adds a line per persona id (e.g. tables)."""
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(PAGE_W, PAGE_H),
        pageCompression=1,
        initialFontName=REGULAR,
        lang=current_language(),
    )  # no base-14 Helvetica (not embedded) left in the file
    deck = tr("Cartes personas")
    canvas.setTitle(ps.clip(f"{deck} — {title}" if title else deck, 300))
    canvas.setAuthor(ps.clip(author, 300))
    canvas.setSubject(
        tr(
            "{personas} à découper, quatre par page",
            personas=amount(len(personas), "habitant fictif", "habitants fictifs"),
        )
    )
    canvas.setCreator("Fabrique")
    pages = 0
    for start in range(0, max(len(personas), 1), PER_PAGE):
        chunk = personas[start : start + PER_PAGE]
        if not chunk and start:
            break
        for index, persona in enumerate(chunk):
            x = (index % 2) * CARD_W
            y = PAGE_H - (index // 2 + 1) * CARD_H
            _card(canvas, persona, x, y, title, media_dir, (captions or {}).get(persona.id, ""))
        _cutting_marks(canvas)
        canvas.showPage()
        pages += 1
    canvas.save()
    return buffer.getvalue(), pages


def _cutting_marks(canvas) -> None:
    canvas.saveState()
    canvas.setStrokeColor("#000000")
    canvas.setLineWidth(0.5)
    mx, my = CARD_W, CARD_H
    for x1, y1, x2, y2 in (
        (mx, 0, mx, MARK),
        (mx, PAGE_H, mx, PAGE_H - MARK),
        (0, my, MARK, my),
        (PAGE_W, my, PAGE_W - MARK, my),
        (mx - MARK / 2, my, mx + MARK / 2, my),
        (mx, my - MARK / 2, mx, my + MARK / 2),
    ):
        canvas.line(x1, y1, x2, y2)
    canvas.setStrokeColor("#9E9E9E")
    canvas.setLineWidth(0.25)
    canvas.setDash(1, 3)
    canvas.line(mx, MARK + 2 * MM, mx, my - MARK)
    canvas.line(mx, my + MARK, mx, PAGE_H - MARK - 2 * MM)
    canvas.line(MARK + 2 * MM, my, mx - MARK, my)
    canvas.line(mx + MARK, my, PAGE_W - MARK - 2 * MM, my)
    canvas.restoreState()


def _card(canvas, persona: Persona, x: float, y: float, title: str, media, caption: str) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Frame, KeepInFrame, Spacer

    from exports.bidi import Paragraph

    colour = persona.colour or "#455A64"
    ink = _readable_ink(colour)
    left, right = x + MARGIN, x + CARD_W - MARGIN
    top = y + CARD_H - MARGIN
    canvas.saveState()
    canvas.setFillColor(colour)
    canvas.roundRect(left, top - BAND_H, right - left, BAND_H, 3 * MM, stroke=0, fill=1)
    cx, cy = left + 4 * MM + PORTRAIT / 2, top - BAND_H / 2
    _portrait(canvas, persona, cx, cy, media)
    name_x = cx + PORTRAIT / 2 + 4 * MM
    width = right - name_x - 3 * MM
    size = _fit(persona.first_name, BOLD, 26, width)
    canvas.setFillColor(ink)
    draw_string(canvas, name_x, cy + 1.5 * MM, persona.first_name, BOLD, size)
    role_size = _fit(persona.role, REGULAR, 10, width)
    draw_string(canvas, name_x, cy - 5.5 * MM, persona.role, REGULAR, role_size)
    canvas.restoreState()

    base = ParagraphStyle(
        "body", fontName=REGULAR, bulletFontName=REGULAR, fontSize=9.4, leading=12, textColor=INK
    )
    facts = ParagraphStyle("facts", parent=base, fontName=BOLD, fontSize=10.5, leading=13)
    heading = ParagraphStyle(
        "heading", parent=base, fontName=BOLD, textColor=colour, spaceBefore=4, fontSize=9.5
    )
    bullet = ps.hanging(ParagraphStyle("bullet", parent=base))
    story: list = []
    line = " · ".join(
        part
        for part in (tr("{age} ans", age=persona.age) if persona.age else "", persona.town)
        if part
    )
    if line:
        story.append(Paragraph(ps.text(line), facts))
        story.append(Spacer(1, 3))
    if persona.story:
        story.append(Paragraph(ps.text(persona.story), base))
    worries, hopes = tr("Ses inquiétudes"), tr("Ses espoirs")
    for label, items in ((worries, persona.worries), (hopes, persona.hopes)):
        if items:
            story.append(Paragraph(label, heading))
            story.extend(Paragraph(ps.text(i), bullet, bulletText="•") for i in items)
    footer_h = 6 * MM
    frame_top = top - BAND_H - 3 * MM
    frame = Frame(
        left,
        y + MARGIN + footer_h,
        right - left,
        frame_top - (y + MARGIN + footer_h),
        leftPadding=1 * MM,
        rightPadding=1 * MM,
        topPadding=0,
        bottomPadding=0,
        showBoundary=0,
    )
    frame.addFromList(
        [KeepInFrame(frame._aW, frame._aH, story, mode="shrink")],
        canvas,
    )
    canvas.saveState()
    canvas.setFillColor("#424242")
    footer = " — ".join(part for part in (caption, title) if part)
    draw_string(canvas, left + 1 * MM, y + MARGIN, footer[:90], ITALIC, 7)
    canvas.restoreState()


def _portrait(canvas, persona: Persona, cx: float, cy: float, media: Path | None) -> None:
    radius = PORTRAIT / 2
    canvas.setFillColor("#FFFFFF")
    canvas.circle(cx, cy, radius, stroke=0, fill=1)
    photo = media_file(media, persona.portrait)
    if photo is not None:
        try:
            canvas.saveState()
            path = canvas.beginPath()
            path.circle(cx, cy, radius - 0.8 * MM)
            canvas.clipPath(path, stroke=0, fill=0)
            canvas.drawImage(
                str(photo),
                cx - radius,
                cy - radius,
                PORTRAIT,
                PORTRAIT,
                preserveAspectRatio=True,
                anchor="c",
                mask="auto",
            )
            canvas.restoreState()
            return
        except Exception:
            canvas.restoreState()
            log.warning("portrait %s could not be drawn", photo, exc_info=True)
    glyph = _icon_glyph(persona.icon)
    canvas.setFillColor(persona.colour or INK)
    if glyph:
        size = PORTRAIT * 0.52
        canvas.setFont(ICON_FONT, size)
        canvas.drawCentredString(cx, cy - size * 0.36, glyph)
    else:
        initial = (persona.first_name[:1] or "?").upper()
        size = PORTRAIT * 0.55
        draw_string(canvas, cx, cy - size * 0.36, initial, BOLD, size, align="centre")


def _fit(text: str, font: str, size: float, width: float) -> float:
    while size > 7 and string_width(visual(text), font, size) > width:
        size -= 0.5
    return size


def _readable_ink(colour: str) -> str:
    def luminance(hex_: str) -> float:
        channels = [int(hex_[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    try:
        lum = luminance(colour)
    except (ValueError, IndexError):
        return INK
    white = 1.05 / (lum + 0.05)
    black = (lum + 0.05) / (luminance(INK) + 0.05)
    return "#FFFFFF" if white >= black else INK


@cache
def _icon_font() -> dict[str, int] | None:
    """The Font Awesome solid font shipped with qtawesome, registered for reportlab.

    Only the font file is read (qtawesome itself, a Qt library, is not imported here).
    """
    import importlib.util

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    spec = importlib.util.find_spec("qtawesome")
    if spec is None or not spec.submodule_search_locations:
        return None
    fonts = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    ttf = next(iter(sorted(fonts.glob("fontawesome5-solid-webfont-*.ttf"))), None)
    charmap = next(iter(sorted(fonts.glob("fontawesome5-solid-webfont-charmap-*.json"))), None)
    if ttf is None or charmap is None:
        return None
    try:
        pdfmetrics.registerFont(TTFont(ICON_FONT, str(ttf)))
        names = json.loads(charmap.read_text(encoding="utf-8"))
        return {k: int(v, 16) for k, v in names.items()}
    except Exception:
        log.warning("icon font not usable", exc_info=True)
        return None


def _icon_glyph(name: str) -> str:
    if not name.startswith("fa5s."):
        return ""
    charmap = _icon_font()
    code = charmap.get(name.removeprefix("fa5s.")) if charmap else None
    return chr(code) if code else ""
