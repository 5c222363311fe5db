"""Opening a 2000-idea atelier lays its board out once before the first frame (issue 28).

The window is built, shown, given the screen's size, then maximised (by the window manager,
after show()): each of those used to lay the 2000-card board out again, 8 times before the
first frame. The layouts asked until the board's first paint are one, done just before it,
and that frame measures and paints only the notes in sight; those below the fold are made
after it.
The column headers fit their text for each width they get, not for each call (43 fits, a
full title first tried in a slim band's 52 px).
"""

from __future__ import annotations

import pytest

from PySide6.QtWidgets import QApplication

from fabrique_desktop.workspace import list_sessions
from tests.bench.test_board_perf import BIG_ATELIER, CARDS, fill
from ui.app import show_whole
from ui.board_notes import EAGER_PER_COLUMN
from ui.board_view import BoardGraphicsView, ColumnHeader
from ui.card_item import CardItem


@pytest.fixture
def big_atelier(store, demo):
    session = next(s for s in list_sessions(store, demo.id) if s.number == BIG_ATELIER)
    fill(store, session.id)
    return session


def test_a_2000_idea_atelier_is_laid_out_once_before_its_first_frame(
    qtbot, fabrique_app, big_atelier, monkeypatch
) -> None:
    painted: list[CardItem] = []
    first_frame: dict[str, object] = {}
    paint_note, paint_view = CardItem.paint, BoardGraphicsView.paintEvent

    def note(item, painter, option, widget=None):  # type: ignore[no-untyped-def]
        if not first_frame:
            painted.append(item)
        paint_note(item, painter, option, widget)

    def view(board_view, event):  # type: ignore[no-untyped-def]
        paint_view(board_view, event)
        if not first_frame:
            scene = board_view.board_scene
            sight = board_view.mapToScene(board_view.viewport().rect()).boundingRect()
            first_frame["layouts"] = scene.placement.passes
            first_frame["notes made"] = len(scene.items_by_id)
            first_frame["in view"] = {
                i
                for i in scene.items_by_id.values()
                if i.isVisible() and i.sceneBoundingRect().intersects(sight)
            }

    fits = [0]
    largest_fitting = ColumnHeader._largest_fitting

    def fit(*args):  # type: ignore[no-untyped-def]
        fits[0] += 1
        return largest_fitting(*args)

    measured = [0]
    measure = CardItem.measure

    def measure_note(item):  # type: ignore[no-untyped-def]
        if not first_frame:
            measured[0] += 1
        return measure(item)

    monkeypatch.setattr(ColumnHeader, "_largest_fitting", staticmethod(fit))
    monkeypatch.setattr(CardItem, "measure", measure_note)
    monkeypatch.setattr(CardItem, "paint", note)
    monkeypatch.setattr(BoardGraphicsView, "paintEvent", view)
    window = fabrique_app.open_session(big_atelier.id, at_start_up=True)
    qtbot.addWidget(window)
    scene = window.scene
    assert len(scene.notes.all_cards()) >= CARDS
    assert scene.placement.passes == 0  # nothing placed while the window is built
    show_whole(window)  # as the app opens it: the screen's size, then maximised
    window.activateWindow()
    window.focus_capture()
    for _ in range(200):
        if first_frame:
            break
        QApplication.processEvents()
        qtbot.wait(5)
    assert first_frame, "the board never painted"
    assert first_frame["layouts"] == 1
    in_view = first_frame["in view"]
    assert isinstance(in_view, set)
    assert in_view
    assert set(painted) <= in_view  # only what is in view is painted
    assert measured[0] <= 2 * len(in_view)  # those in sight, once (53 for 19 in view before)
    columns = len(scene.columns)
    assert first_frame["notes made"] <= columns * EAGER_PER_COLUMN  # the rest after it
    assert fits[0] <= 5 * columns  # the headers' text: 47 tries before
    qtbot.wait_until(lambda: len(scene.items_by_id) == len(scene.notes.all_cards()))
