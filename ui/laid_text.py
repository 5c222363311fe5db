"""Text laid out once, then drawn: what ``QPainter.drawText(rect, flags, text)`` does, in two.

``drawText`` with a rectangle lays its text out (shaping, line breaking) every time it is
called, and ``QFontMetricsF.boundingRect`` lays it out again to measure it. The board image
measures 2000 notes, then draws them: laid out here once, a note's text gives its height
and is drawn from the same layout, and a badge line shared by many notes is laid out once
for all of them. The lines are placed as Qt's own ``qt_format_text`` places them (each
line's top on a whole pixel, left-aligned), so the pixels are the same as ``drawText``'s.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption

from fabrique_desktop.quick_dataclass import quick_dataclass

WRAP_ANYWHERE = int(Qt.TextFlag.TextWrapAnywhere)
HANDLED = (
    int(Qt.TextFlag.TextWordWrap)
    | WRAP_ANYWHERE
    | int(Qt.AlignmentFlag.AlignLeft)
    | int(Qt.AlignmentFlag.AlignTop)
    | int(Qt.TextFlag.TextForceLeftToRight)  # the layout is left to right anyway (_option)
)
WORD_WRAP = int(Qt.TextFlag.TextWordWrap)
LENGTH_VARIANTS = "\x9c"
_OPTIONS: dict[bool, QTextOption] = {}  # by wrap anywhere: Qt's enums are slow to look up


@quick_dataclass(frozen=True)
class LaidText:
    """A text laid out in a width: its height (as ``boundingRect`` measures it) and its
    lines, drawn at a rectangle's top left."""

    layout: QTextLayout
    height: float
    width: float  # the widest line

    def draw(self, painter: QPainter, rect: QRectF) -> bool:
        """Draw the lines at ``rect``'s top left, as ``drawText(rect, …)`` would; False
        (nothing drawn) when ``drawText`` would clip them to ``rect``: draw it so."""
        if self.width > rect.width() or self.height > rect.height():
            return False
        self.layout.draw(painter, QPointF(rect.x(), rect.y()))
        return True


def lay_out(
    text: str, font: QFont, width: float, flags: int, leading: float | None = None
) -> LaidText | None:
    """``text`` laid out in ``width`` with ``font`` as ``drawText`` would with ``flags``
    (word wrap, perhaps anywhere; left, top); None for what only ``drawText`` does (other
    flags, length variants, an empty text). ``leading``: the font's, if known."""
    if flags & ~HANDLED or not flags & WORD_WRAP:
        return None
    if not text or LENGTH_VARIANTS in text:
        return None
    shown = text.replace("\r", " ").replace("\n", "\u2028").replace("\t", " ")
    layout = QTextLayout(shown, font)
    layout.setCacheEnabled(True)  # the shaped glyphs are kept for the drawing
    layout.setTextOption(_option(bool(flags & WRAP_ANYWHERE)))
    if leading is None:
        leading = QFontMetricsF(font).leading()
    height, widest = -leading, 0.0
    line_width = max(0.0, width)
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(line_width)
        height = math.ceil(height + leading)  # each line's top on a whole pixel
        line.setPosition(QPointF(0.0, height))
        height += line.ascent() + line.descent()
        widest = max(widest, line.naturalTextWidth())
    layout.endLayout()
    return LaidText(layout, height, widest)


def _option(anywhere: bool) -> QTextOption:
    """``drawText``'s text option: left to right, left-aligned, wrapped at words or
    anywhere."""
    if anywhere not in _OPTIONS:
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.LeftToRight)
        option.setAlignment(Qt.AlignmentFlag.AlignLeft)
        if anywhere:
            option.setWrapMode(QTextOption.WrapMode.WrapAnywhere)
        _OPTIONS[anywhere] = option
    return _OPTIONS[anywhere]
