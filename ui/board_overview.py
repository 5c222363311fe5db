"""The overview (Ctrl+8): the whole board at a glance, each card a tile with its first
words, the type and the tiles per row chosen so that the back of the room reads it.

Tiles are never under 20 px (read from the back of the room). When the board does not fit
at that size, the overview has pages: every column shows the same rows of tiles, and Page
Down / Page Up (or the wheel) turn the page of the whole board together — no column
scrolls on its own, no tile is half in sight.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontMetricsF

from fabrique_desktop import board_layout
from fabrique_desktop.board_layout import COLUMN_PADDING, TILE_GAP
from ui.card_item import TILE_PADDING

OVERVIEW_LARGEST, OVERVIEW_SMALLEST = 24, 20  # px: the overview's tiles (back of the room)
TILE_LETTERS = 15  # letters a tile shows where the board allows: the idea's first words
FEWEST_LETTERS = 12  # a tile never shows fewer (the whole board in sight needs it at 720 px)
FIRST_WORDS = 30  # letters beyond these add little to a tile
TILE_LINES = 3  # a tile may wrap its first words onto this many lines
WRAPPED = 0.8  # the share of a wrapped tile's room its words fill
LINE_LETTERS = 10  # a tile wraps only lines that hold this many letters
TILE_MARGIN = 8  # px above and below a tile's lines, together


@dataclass(frozen=True)
class Overview:
    """The whole board at a glance: each card a tile of ``lines`` lines (its first words)
    in ``across`` tiles per column row, in ``font``."""

    font: QFont
    across: int
    tile_height: float
    lines: int = 1
    rows: int = 0  # tile rows in sight (0: as many as the tallest column has)
    pages: int = 1  # the board does not fit: pages of ``rows`` rows, turned together

    def tile_width(self, column_width: float) -> float:
        return board_layout.tile_width(column_width, self.across)

    def page_offset(self, page: int) -> float:
        """How far every column is scrolled to show ``page`` (0: the first)."""
        return page * self.rows * (self.tile_height + TILE_GAP)


def choose_overview(height: int, width: float, tallest: int, text: QFont) -> Overview:
    """The tiles' type and how many go across a column: the whole board in sight, read
    best from the back of the room — the largest type times the letters a tile shows
    (up to its first words). Trying the largest type first put two tiles a row of ten
    letters at 24 px on a 1080 px wall, where one a row at 23 px shows the first line.
    When no type holds the whole board, the columns scroll."""
    font = QFont(text)
    best: Overview | None = None
    best_score = 0.0
    for lines, pixels in itertools.product(
        range(1, TILE_LINES + 1), range(OVERVIEW_LARGEST, OVERVIEW_SMALLEST - 1, -1)
    ):
        font.setPixelSize(pixels)
        metrics = QFontMetricsF(font)
        tile = _tile_height(metrics, lines)
        rows = max(1, int((height - 2 * COLUMN_PADDING - TILE_GAP) // (tile + TILE_GAP)))
        overview = Overview(QFont(font), math.ceil(tallest / rows), float(tile), lines)
        room = overview.tile_width(width) - 2 * TILE_PADDING - metrics.horizontalAdvance("…")
        per_line = room / metrics.averageCharWidth()
        if lines > 1 and per_line < LINE_LETTERS:
            continue  # a word or two a line: a column of syllables, not first words
        # words wrapped onto a second line leave the end of the first one empty
        letters = per_line * lines * (WRAPPED if lines > 1 else 1)
        score = pixels * pixels * min(letters, FIRST_WORDS)
        if letters >= FEWEST_LETTERS and score > best_score:
            best, best_score = overview, score
    if best is not None:
        return best
    return _paged(height, width, tallest, text)


def _paged(height: int, width: float, tallest: int, text: QFont) -> Overview:
    """Too many ideas for the whole board at 20 px: pages of tiles at the size and width
    that read best (one tile a row where the column allows its first words)."""
    font = QFont(text)
    best: Overview | None = None
    best_score = 0.0
    for lines, pixels, across in itertools.product(
        range(1, TILE_LINES + 1), range(OVERVIEW_LARGEST, OVERVIEW_SMALLEST - 1, -1), (1, 2)
    ):
        font.setPixelSize(pixels)
        metrics = QFontMetricsF(font)
        tile = _tile_height(metrics, lines)
        rows = max(1, int((height - 2 * COLUMN_PADDING - TILE_GAP) // (tile + TILE_GAP)))
        probe = Overview(QFont(font), across, float(tile), lines)
        room = probe.tile_width(width) - 2 * TILE_PADDING - metrics.horizontalAdvance("…")
        per_line = room / metrics.averageCharWidth()
        if per_line < LINE_LETTERS:
            continue
        letters = per_line * lines * (WRAPPED if lines > 1 else 1)
        pages = math.ceil(tallest / (rows * across))
        # readable first, then as few pages as may be
        score = pixels * pixels * min(letters, FIRST_WORDS) / pages
        if letters >= FEWEST_LETTERS and score > best_score:
            best = Overview(QFont(font), across, _filling(height, rows), lines, rows, pages)
            best_score = score
    if best is not None:
        return best
    font.setPixelSize(OVERVIEW_SMALLEST)  # a column too narrow for any: one a row, one line
    metrics = QFontMetricsF(font)
    tile = _tile_height(metrics, 1)
    rows = max(1, int((height - 2 * COLUMN_PADDING - TILE_GAP) // (tile + TILE_GAP)))
    return Overview(QFont(font), 1, _filling(height, rows), 1, rows, math.ceil(tallest / rows))


def _filling(height: int, rows: int) -> float:
    """A page's tiles as tall as ``rows`` of them fill the view: the next page's first row
    starts at most a few pixels above its bottom edge, never half in sight, and the last row
    ends above it. Whole pixels: a tile at a fraction of a pixel is drawn differently when a
    part of the view is repainted (531 px in 12 rows: 39 px tiles, 5 px of the next row's top
    margin in sight; rounding up instead cut the last row by 3 px)."""
    return float(math.floor((height - COLUMN_PADDING) / rows - TILE_GAP))


def _tile_height(metrics: QFontMetricsF, lines: int) -> int:
    return math.ceil(metrics.height() + (lines - 1) * metrics.lineSpacing() + TILE_MARGIN)
