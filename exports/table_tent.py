"""Table tents for the phones: the room's QR code and code, to print and put on each table.

The persona deck's page (``exports.persona_deck``): four A6 cards on an A4 page with the same
cutting marks; each card carries the QR code of the address phones open (drawn as vector
squares: sharp at any printer resolution), the room code in very large type, the address in
full and the three steps. Nothing about the participants is printed.
"""

from __future__ import annotations

import io
from pathlib import Path

from exports.fonts import BOLD, REGULAR, draw_string, register_fonts
from exports.persona_deck import CARD_H, CARD_W, MARGIN, MM, PAGE_H, PAGE_W, _cutting_marks, _fit
from exports.safe_write import write_bytes

GREEN = "#1B5E20"
INK = "#111111"
BAND_H = 18 * MM
STEPS = (
    "1. Rejoignez le Wi-Fi de la salle.",
    "2. Scannez le code, ou tapez l'adresse.",
    "3. Choisissez votre table et votre personnage.",
)


def write_table_tent(target: Path | str, address: str, code: str, title: str = "") -> None:
    """Write the PDF (one page, four cards) through a temporary file."""
    write_bytes(target, table_tent_pdf(address, code, title))


def table_tent_pdf(address: str, code: str, title: str = "") -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(PAGE_W, PAGE_H), pageCompression=1, initialFontName=REGULAR)
    canvas.setTitle(f"Téléphones — {title}" if title else "Téléphones")
    canvas.setAuthor("Fabrique")
    canvas.setCreator("Fabrique")
    for index in range(4):
        x = (index % 2) * CARD_W
        y = PAGE_H - (index // 2 + 1) * CARD_H
        _card(canvas, x, y, address, code, title)
    _cutting_marks(canvas)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _card(canvas, x: float, y: float, address: str, code: str, title: str) -> None:
    left, right = x + MARGIN, x + CARD_W - MARGIN
    width = right - left
    top = y + CARD_H - MARGIN
    canvas.saveState()
    canvas.setFillColor(GREEN)
    canvas.rect(left, top - BAND_H, width, BAND_H, stroke=0, fill=1)
    canvas.setFillColor("#FFFFFF")
    heading = "Vos idées depuis votre téléphone"
    draw_string(
        canvas,
        x + CARD_W / 2,
        top - 11 * MM,
        heading,
        BOLD,
        _fit(heading, BOLD, 15, width - 6 * MM),
        "centre",
    )
    canvas.setFillColor(INK)
    if title:
        draw_string(
            canvas,
            x + CARD_W / 2,
            top - BAND_H - 6 * MM,
            title,
            REGULAR,
            _fit(title, REGULAR, 10, width),
            "centre",
        )
    side = 52 * MM
    _qr(canvas, address, x + (CARD_W - side) / 2, top - BAND_H - 10 * MM - side, side)
    base = top - BAND_H - 14 * MM - side
    draw_string(canvas, x + CARD_W / 2, base, "Code de la salle", REGULAR, 11, "centre")
    size = _fit(code, BOLD, 40, width)
    draw_string(canvas, x + CARD_W / 2, base - 15 * MM, code, BOLD, size, "centre")
    line = base - 23 * MM
    draw_string(
        canvas, x + CARD_W / 2, line, address, REGULAR, _fit(address, REGULAR, 10, width), "centre"
    )
    for step in STEPS:
        line -= 5.5 * MM
        draw_string(canvas, left, line, step, REGULAR, _fit(step, REGULAR, 10, width))
    canvas.restoreState()


def _qr(canvas, address: str, x: float, y: float, side: float) -> None:
    import segno

    qr = segno.make(address, error="m", micro=False)
    rows = list(qr.matrix_iter(scale=1, border=4))
    cell = side / len(rows)
    canvas.setFillColor("#000000")
    for r, row in enumerate(rows):
        for c, dark in enumerate(row):
            if dark:
                canvas.rect(x + c * cell, y + side - (r + 1) * cell, cell, cell, stroke=0, fill=1)
