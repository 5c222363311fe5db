"""The board's column layout, without Qt (tests/test_layering.py keeps Qt out of the core):
card heights in, positions out."""

from __future__ import annotations

import pytest

from fabrique_desktop import board_layout as layout
from fabrique_desktop.board_layout import CLUSTER_GAP, COLUMN_PADDING, GAP, TILE_GAP


def test_cards_are_stacked_with_a_gap_inside_the_padding() -> None:
    stack = layout.stack_column([40.0, 25.0, 60.0])
    assert stack.tops == [COLUMN_PADDING, COLUMN_PADDING + 40 + GAP, COLUMN_PADDING + 65 + 2 * GAP]
    assert stack.height == COLUMN_PADDING + 125 + 2 * GAP + COLUMN_PADDING
    assert stack.frames == []


def test_an_empty_column_has_no_height() -> None:
    assert layout.stack_column([]) == layout.Stack([], [], 0.0)


def test_a_group_is_framed_under_its_band() -> None:
    heights = [30.0, 20.0, 20.0, 50.0]
    groups = [None, "g", "g", None]
    stack = layout.stack_column(heights, groups, {"g": 18.0})
    first_bottom = COLUMN_PADDING + 30 + GAP
    assert stack.tops[0] == COLUMN_PADDING
    # the band, then the group's cards
    assert stack.tops[1] == first_bottom + 18 + CLUSTER_GAP
    assert stack.tops[2] == stack.tops[1] + 20 + GAP
    (frame,) = stack.frames
    assert (frame.group, frame.top, frame.band, frame.count) == ("g", first_bottom, 18.0, 2)
    assert frame.bottom == stack.tops[2] + 20 + CLUSTER_GAP
    assert stack.tops[3] == frame.bottom + GAP
    assert stack.height == stack.tops[3] + 50 + COLUMN_PADDING


def test_two_groups_one_after_the_other_get_a_frame_each() -> None:
    stack = layout.stack_column([10.0, 10.0, 10.0], ["a", "b", "b"], {"a": 5.0, "b": 7.0})
    assert [(f.group, f.count) for f in stack.frames] == [("a", 1), ("b", 2)]
    assert stack.frames[1].top == stack.frames[0].bottom + GAP


def test_in_sight_counts_the_cards_that_start_above_a_height() -> None:
    stack = layout.stack_column([100.0] * 10)
    assert stack.in_sight(None) == 10
    assert stack.in_sight(0.0) == 0
    assert stack.in_sight(COLUMN_PADDING + 1) == 1
    assert stack.in_sight(stack.tops[4]) == 4


def test_cards_appended_below_continue_the_stack() -> None:
    whole = layout.stack_column([40.0, 25.0, 60.0, 33.0])
    before = layout.stack_column([40.0, 25.0])
    tops, height = layout.append_below(before.height, [60.0, 33.0])
    assert tops == whole.tops[2:]
    assert height == whole.height


def test_tiles_go_across_then_down() -> None:
    places, height = layout.tile_grid(5, 2, 100.0, 30.0)
    assert places[0] == (COLUMN_PADDING, COLUMN_PADDING)
    assert places[1] == (COLUMN_PADDING + 100 + TILE_GAP, COLUMN_PADDING)
    assert places[2] == (COLUMN_PADDING, COLUMN_PADDING + 30 + TILE_GAP)
    assert height == 3 * (30 + TILE_GAP) + 2 * COLUMN_PADDING
    assert layout.tile_width(2 * COLUMN_PADDING + 2 * 100 + TILE_GAP, 2) == 100


def test_columns_side_by_side_and_the_column_under_a_point() -> None:
    widths = [300.0, 64.0, 300.0]
    assert layout.column_lefts(widths) == [0.0, 300 + GAP, 364 + 2 * GAP]
    assert layout.column_at(widths, 0.0) == 0
    assert layout.column_at(widths, 300 + GAP / 2) == 0  # the gap after a column is its own
    assert layout.column_at(widths, 300 + GAP) == 1
    assert layout.column_at(widths, 10_000.0) == 2


@pytest.mark.parametrize(("y", "index"), [(0.0, 0), (29.0, 0), (31.0, 1), (200.0, 2)])
def test_a_drop_lands_before_the_first_card_whose_middle_is_below(y: float, index: int) -> None:
    assert layout.drop_index([(10.0, 40.0), (62.0, 40.0)], y) == index


def test_scrolling_is_kept_within_the_column() -> None:
    assert layout.scroll_limit(1000.0, 400.0, 900.0) == 600.0
    assert layout.scroll_limit(1000.0, 400.0, -5.0) == 0.0
    assert layout.scroll_limit(300.0, 400.0, 50.0) == 0.0
    assert layout.scroll_mark(300.0, 400.0, 0.0) is None
    assert layout.scroll_mark(800.0, 400.0, 200.0) == (100.0, 200.0)
