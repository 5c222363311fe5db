"""Charts of the reports, drawn as vectors with reportlab's own graphics.

Every chart prints its numbers beside its bars (a chart must read in black-and-white print
and by someone who does not trust a bar's length), uses the template's colours, and shades
the parts of a stacked bar from dark to pale so that they differ without colour too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics import shapes
from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from exports.fonts import BOLD, REGULAR, register_fonts
from fabrique_desktop.typography import typeset

register_fonts()
# reportlab starts every drawing in Helvetica, which is not embedded: start in DejaVu instead
shapes.STATE_DEFAULTS["fontName"] = REGULAR

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5F6368")
RULE = colors.HexColor("#CFD8DC")
SHADES = (0.0, 0.45, 0.78)
"""How far towards white each part of a stacked bar is: dark, mid, pale."""


@dataclass(frozen=True)
class Segment:
    label: str
    value: int


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    colour: colors.Color
    note: str = ""


def _towards_white(colour: colors.Color, amount: float) -> colors.Color:
    r, g, b = colour.red, colour.green, colour.blue
    return colors.Color(r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


def _ink_on(colour: colors.Color) -> colors.Color:
    luminance = 0.2126 * colour.red + 0.7152 * colour.green + 0.0722 * colour.blue
    return INK if luminance > 0.55 else colors.white


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` typeset (``typography.typeset``) and cut with « … » to fit ``width`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = typeset(text)

    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _wrap(text: str, font: str, size: float, width: float, most: int = 2) -> list[str]:
    """``text`` on at most ``most`` lines of ``width`` points, the last cut with « … »."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    for word in text.split():
        if lines and stringWidth(f"{lines[-1]} {word}", font, size) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    if len(lines) > most:
        lines = [*lines[: most - 1], " ".join(lines[most - 1 :])]
    return [_fit(line, font, size, width) for line in lines]


def stacked_bars(
    rows: Sequence[tuple[str, colors.Color, Sequence[Segment]]],
    width: float,
    *,
    total_label: str = "",
) -> Drawing:
    """One horizontal bar per row (a Vivre), split into segments (horizons), each with its
    number inside, the row's total at the end, and a legend of the segments' shades."""
    label_w = 34 * mm
    total_w = 14 * mm
    bar_h = 8 * mm
    gap = 4 * mm
    legend_h = 9 * mm if rows and len(rows[0][2]) > 1 else 2 * mm  # a legend only for several
    height = legend_h + len(rows) * (bar_h + gap)
    drawing = Drawing(width, height)
    biggest = max((sum(s.value for s in segs) for _, _, segs in rows), default=0) or 1
    span = width - label_w - total_w
    y = height - legend_h
    for label, colour, segments in rows:
        y -= bar_h + gap
        # a long label (« Pas encore dans un Vivre ») on two lines rather than cut
        lines = _wrap(label, BOLD, 9, label_w - 4)
        for k, line in enumerate(lines):
            baseline = y + bar_h / 2 - 3 + (len(lines) - 1) * 5 - k * 10
            drawing.add(String(0, baseline, line, fontName=BOLD, fontSize=9))
        x = label_w
        for i, segment in enumerate(segments):
            if not segment.value:
                continue
            w = span * segment.value / biggest
            fill = _towards_white(colour, SHADES[min(i, len(SHADES) - 1)])
            drawing.add(Rect(x, y, w, bar_h, fillColor=fill, strokeColor=colour, strokeWidth=0.6))
            number = str(segment.value)
            if w >= 7 * len(number) + 4:
                drawing.add(
                    String(
                        x + w / 2,
                        y + bar_h / 2 - 3,
                        number,
                        fontName=BOLD,
                        fontSize=8.5,
                        fillColor=_ink_on(fill),
                        textAnchor="middle",
                    )
                )
            x += w
        total = sum(s.value for s in segments)
        drawing.add(
            String(
                x + 4, y + bar_h / 2 - 3.5, str(total), fontName=BOLD, fontSize=10, fillColor=INK
            )
        )
    # legend: each segment's shade as it is drawn, in every row's colour (a grey swatch
    # matched no bar); none when the bars have one segment (the title says what they count)
    if rows and len(rows[0][2]) > 1:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        x = label_w
        top = height - legend_h + 2
        stripe = 3.0
        for i, segment in enumerate(rows[0][2]):
            shade = SHADES[min(i, len(SHADES) - 1)]
            for n, (_, colour, _) in enumerate(rows):
                fill = _towards_white(colour, shade)
                drawing.add(Rect(x + n * stripe, top, stripe, 6, fillColor=fill, strokeColor=None))
            swatch = stripe * len(rows)
            text = typeset(segment.label)
            drawing.add(
                String(x + swatch + 3, top, text, fontName=REGULAR, fontSize=8, fillColor=MUTED)
            )
            x += swatch + 3 + stringWidth(text, REGULAR, 8) + 14
        if total_label:
            drawing.add(
                String(
                    width,
                    top,
                    total_label,
                    fontName=REGULAR,
                    fontSize=8,
                    fillColor=MUTED,
                    textAnchor="end",
                )
            )
    return drawing


def bars(items: Sequence[Bar], width: float, *, label_width: float = 80 * mm) -> Drawing:
    """Horizontal bars with their label on the left (cut with « … » when too long) and their
    number at the end: votes per idea, engagements per Vivre."""
    bar_h = 5.5 * mm
    gap = 2.5 * mm
    height = len(items) * (bar_h + gap)
    drawing = Drawing(width, height)
    biggest = max((b.value for b in items), default=0) or 1
    span = width - label_width - 12 * mm
    y = height
    for item in items:
        y -= bar_h + gap
        drawing.add(
            String(
                0,
                y + bar_h / 2 - 3,
                _fit(item.label, REGULAR, 8.5, label_width - 6),
                fontName=REGULAR,
                fontSize=8.5,
                fillColor=INK,
            )
        )
        w = max(span * item.value / biggest, 1.5)
        drawing.add(Rect(label_width, y, w, bar_h, fillColor=item.colour, strokeColor=item.colour))
        drawing.add(
            String(
                label_width + w + 4,
                y + bar_h / 2 - 3.5,
                f"{item.value}{item.note}",
                fontName=BOLD,
                fontSize=9.5,
                fillColor=INK,
            )
        )
    return drawing


@dataclass(frozen=True)
class Step:
    number: int
    date: str
    title: str
    lines: tuple[str, ...]
    colour: colors.Color
    span: int = 1
    """How many steps, from this one, the lines are about (ateliers credited together):
    they are centred under all of them."""


def timeline(steps: Sequence[Step], width: float) -> Drawing:
    """The ateliers on a line, in order: a numbered dot, the date, and below what each
    produced (one short line each, with its numbers)."""
    n = max(len(steps), 1)
    column = width / n
    lines = max((len(s.lines) for s in steps), default=0)
    height = 34 * mm + lines * 4.2 * mm
    drawing = Drawing(width, height)
    axis = height - 9 * mm
    drawing.add(Line(column / 2, axis, width - column / 2, axis, strokeColor=RULE, strokeWidth=2))
    for i, step in enumerate(steps):
        cx = column * i + column / 2
        drawing.add(Circle(cx, axis, 4.2 * mm, fillColor=step.colour, strokeColor=colors.white))
        drawing.add(
            String(
                cx,
                axis - 3.5,
                str(step.number),
                fontName=BOLD,
                fontSize=11,
                fillColor=_ink_on(step.colour),
                textAnchor="middle",
            )
        )
        drawing.add(
            String(
                cx,
                axis - 9.5 * mm,
                _fit(step.date, BOLD, 8.5, column - 4),
                fontName=BOLD,
                fontSize=8.5,
                fillColor=INK,
                textAnchor="middle",
            )
        )
        title = _wrap(step.title, REGULAR, 7.5, column - 4)
        for j, line in enumerate(title):
            drawing.add(
                String(
                    cx,
                    axis - (13.5 + 3.2 * j) * mm,
                    line,
                    fontName=REGULAR,
                    fontSize=7.5,
                    fillColor=MUTED,
                    textAnchor="middle",
                )
            )
        below = 18 + 3.2 * (len(title) - 1)
        span = max(1, min(step.span, n - i))
        if span > 1:
            below = 18 + 3.2 * (
                max(len(_wrap(s.title, REGULAR, 7.5, column - 4)) for s in steps[i : i + span]) - 1
            )
            left, right = column * i + 6, column * (i + span) - 6
            top = axis - (below - 3.2) * mm
            drawing.add(Line(left, top, right, top, strokeColor=RULE, strokeWidth=1))
        lines_x = column * i + column * span / 2
        for j, line in enumerate(step.lines):
            drawing.add(
                String(
                    lines_x,
                    axis - (below + 4.2 * j) * mm,
                    _fit(line, REGULAR, 8, column * span - 4),
                    fontName=REGULAR,
                    fontSize=8,
                    fillColor=INK,
                    textAnchor="middle",
                )
            )
    return drawing
