"""Where the board's notes go: columns side by side, cards stacked in each, groups framed.

Pure geometry, sizes in and positions out: the scene measures its notes (Qt) and draws them
where these functions say. Tested without Qt (tests/test_board_layout.py).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping, Sequence

from fabrique_desktop.quick_dataclass import quick_dataclass

GAP = 12.0  # between two cards, and between two columns
COLUMN_PADDING = 10.0  # inside a column, round its cards
CLUSTER_GAP = 6.0  # between a group's frame and its cards, above and below
TILE_GAP = 4.0  # between the overview's tiles
SLIM_WIDTH = 64.0  # an empty (or folded) column, while others have cards: a band to drop on


@quick_dataclass(frozen=True)
class Frame:
    """A group's frame in a column: its name band on top, then its ``count`` cards."""

    group: str
    top: float
    band: float
    bottom: float
    count: int


@quick_dataclass(frozen=True)
class Stack:
    """One column laid out: each card's top (from the column's top, not scrolled), the
    groups' frames, and the column's height with all its cards (0 when it has none)."""

    tops: list[float]
    frames: list[Frame]
    height: float

    def in_sight(self, sight: float | None) -> int:
        """How many cards, from the first, start above ``sight`` (all if None)."""
        return len(self.tops) if sight is None else bisect.bisect_left(self.tops, sight)


def stack_column(
    heights: Sequence[float],
    groups: Sequence[str | None] = (),
    bands: Mapping[str, float] | None = None,
) -> Stack:
    """Cards of ``heights`` stacked top to bottom in the order given. With ``groups`` (each
    card's group or None, a group's cards next to each other) and ``bands`` (each group's
    name band height), a group's cards sit in a frame under its band."""
    tops: list[float] = []
    frames: list[Frame] = []
    y = COLUMN_PADDING
    count = len(heights)
    open_group: tuple[str, float, float, int] | None = None  # group, top, band, first row
    for row, height in enumerate(heights):
        group = groups[row] if groups else None
        if group is not None and open_group is None:
            band = bands[group] if bands else 0.0
            open_group = (group, y, band, row)
            y += band + CLUSTER_GAP
        tops.append(y)
        y += height + GAP
        if open_group is not None:
            following = groups[row + 1] if row + 1 < count else None
            if following != open_group[0]:
                name, top, band, first = open_group
                y += CLUSTER_GAP - GAP
                frames.append(Frame(name, top, band, y, row + 1 - first))
                y += GAP
                open_group = None
    return Stack(tops, frames, y - GAP + COLUMN_PADDING if count else 0.0)


def append_below(height: float, heights: Sequence[float]) -> tuple[list[float], float]:
    """Cards added after the last one of a column ``height`` tall: their tops, and the
    column's new height (the cards above do not move)."""
    tops: list[float] = []
    y = height - COLUMN_PADDING + GAP
    for card in heights:
        tops.append(y)
        y += card + GAP
    return tops, y - GAP + COLUMN_PADDING


def tile_grid(
    count: int, across: int, tile_width: float, tile_height: float
) -> tuple[list[tuple[float, float]], float]:
    """The overview: ``count`` tiles ``across`` to a row, in order. Each tile's place from
    the column's top left corner, and the column's height."""
    places = []
    for index in range(count):
        row, column = divmod(index, across)
        places.append(
            (
                COLUMN_PADDING + column * (tile_width + TILE_GAP),
                COLUMN_PADDING + row * (tile_height + TILE_GAP),
            )
        )
    rows = math.ceil(count / across)
    return places, rows * (tile_height + TILE_GAP) + 2 * COLUMN_PADDING


def tile_width(column_width: float, across: int) -> float:
    """The width of a tile when ``across`` go in a row of a column."""
    inner = column_width - 2 * COLUMN_PADDING - (across - 1) * TILE_GAP
    return math.floor(inner / across)


def column_lefts(widths: Sequence[float]) -> list[float]:
    """Where each column starts, side by side with a gap between them."""
    lefts = []
    x = 0.0
    for width in widths:
        lefts.append(x)
        x += width + GAP
    return lefts


def column_at(widths: Sequence[float], x: float) -> int:
    """The column (index) at ``x``: the gap after a column belongs to it, and past the last
    column it is the last one."""
    right = 0.0
    for index, width in enumerate(widths):
        right += width + GAP
        if x < right:
            return index
    return len(widths) - 1


def drop_index(cards: Sequence[tuple[float, float]], y: float) -> int:
    """Where a drop at height ``y`` lands among cards (top, height) as shown: before the
    first whose middle is below ``y``."""
    return sum(1 for top, height in cards if top + height / 2 < y)


def scroll_limit(content: float, view_height: float, offset: float) -> float:
    """``offset`` kept within what a column ``content`` tall can scroll in a view."""
    return max(0.0, min(offset, content - view_height))


def scroll_mark(content: float, view_height: float, offset: float) -> tuple[float, float] | None:
    """How much of a column is in sight, as a bar along it: (top, length) in view
    coordinates, or None when every card is in sight."""
    if content <= view_height + 0.5:
        return None
    share = view_height / content
    return offset * share, view_height * share
