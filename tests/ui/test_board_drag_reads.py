"""One drag, one read of the card's row, one layout of the board (issue 25)."""

from __future__ import annotations

import pytest

from db import store as store_module
from fabrique_desktop.model import Card
from tests.ui.test_board import add, column_point, drag, point_of


def count_layouts(placement, monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """Each layout of the board (the whole, or some columns), one entry per pass: a pass that
    hands over to a whole layout counts once."""
    layouts: list[str] = []
    depth = [0]

    def counted(name, function):  # type: ignore[no-untyped-def]
        def run(*args):  # type: ignore[no-untyped-def]
            if not depth[0]:
                layouts.append(name)
            depth[0] += 1
            try:
                function(*args)
            finally:
                depth[0] -= 1

        return run

    monkeypatch.setattr(placement, "lay_out_all", counted("all", placement.lay_out_all))
    monkeypatch.setattr(placement, "lay_out_columns", counted("columns", placement.lay_out_columns))
    return layouts


@pytest.mark.parametrize("target", ["art", "mieux"])  # an empty column, one with a card
def test_a_drag_reads_the_card_once_and_lays_the_board_out_once(
    qtbot, window, store, monkeypatch, target
) -> None:
    ids = [add(qtbot, window, text) for text in ("Alpha", "Bravo", "Charlie")]
    add(qtbot, window, "Delta >mieux")
    window.scene.notes.measure_all()
    moved = ids[1]
    reads: list[str] = []
    decode = store_module.decode

    def counting_decode(cls, row):  # type: ignore[no-untyped-def]
        if cls is Card:
            reads.append(row["id"])
        return decode(cls, row)

    decode_rows = store_module.decode_rows

    def counting_decode_rows(cls, names, rows):  # type: ignore[no-untyped-def]
        found = decode_rows(cls, names, rows)
        reads.extend(c.id for c in found if cls is Card)
        return found

    monkeypatch.setattr(store_module, "decode", counting_decode)
    monkeypatch.setattr(store_module, "decode_rows", counting_decode_rows)
    layouts = count_layouts(window.scene.placement, monkeypatch)
    drag(window, point_of(window, moved), column_point(window, target, 30))

    assert store.get(Card, moved).column == target  # (read after the count)
    assert reads.count(moved) == 2  # the drag's own read, then this test's
    assert len(layouts) == 1, layouts
    assert window.scene.items_by_id[moved].card.column == target
    assert [i.card.id for i in window.scene.cards_in("inbox")] == [ids[0], ids[2]]


def test_a_drop_that_changes_nothing_puts_the_card_back_with_one_layout(
    qtbot, window, monkeypatch
) -> None:
    ids = [add(qtbot, window, text) for text in ("Alpha", "Bravo")]
    window.scene.notes.measure_all()
    item = window.scene.items_by_id[ids[0]]
    home = item.pos()
    layouts = count_layouts(window.scene.placement, monkeypatch)
    start = point_of(window, ids[0])
    drag(window, start, point_of(window, ids[0], 12))  # dropped where it was
    assert item.pos() == home
    assert len(layouts) == 1, layouts
