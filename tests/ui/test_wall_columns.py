"""The wall's columns (issue 13): each scrolls on its own, a capture shows the new card
whole without moving the other columns, an empty column is a slim band one can drop on,
a drag lights its column and leaves the cards under it readable."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from fabrique_desktop.model import Card
from tests.ui.conftest import press_and_move, type_text
from ui.board_scene import SLIM_WIDTH


@pytest.fixture
def wall(qtbot, fabrique_app, demo_session):
    window = fabrique_app.open_session(demo_session.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.wait_exposed(window)
    window.scene.notes.measure_all()
    return window


def empty_inbox(window) -> None:  # type: ignore[no-untyped-def]
    """« À trier » emptied, as after sorting: its cards sent to « Vivre Mieux »."""
    waiting = [i.card.id for i in window.scene.cards_in("inbox")]
    if waiting:
        window.scene.select_cards(waiting)
        window.board_actions.send_to(1)
    assert window.scene.notes.count("inbox") == 0


def offsets(window) -> dict[str, float]:
    return {c.key: window.scene.column_offset(c.key) for c in window.scene.columns}


def tops(window, column: str) -> list[float]:
    return [i.pos().y() for i in window.scene.cards_in(column)]


def wheel_over(window, column: str, notches: int) -> None:
    view = window.board.view
    x = view.mapFromScene(window.scene.column_rect(column).center()).x()
    point = QPointF(x, view.viewport().height() / 2)
    event = QWheelEvent(
        point,
        QPointF(view.viewport().mapToGlobal(point.toPoint())),
        QPoint(),
        QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_the_wheel_scrolls_only_the_column_under_the_pointer(wall) -> None:
    before = {c.key: tops(wall, c.key) for c in wall.scene.columns}
    wheel_over(wall, "monde", 3)
    assert wall.scene.column_offset("monde") > 0
    assert {k: v for k, v in offsets(wall).items() if k != "monde"} == {
        c.key: 0.0 for c in wall.scene.columns if c.key != "monde"
    }
    for column in wall.scene.columns:
        if column.key != "monde":
            assert tops(wall, column.key) == before[column.key]
    moved = wall.scene.column_offset("monde")
    assert tops(wall, "monde") == [y - moved for y in before["monde"]]
    wheel_over(wall, "monde", -100)  # back to the top, and no further
    assert wall.scene.column_offset("monde") == 0
    # the headers stay where they are: the view itself never scrolls
    assert wall.board.view.verticalScrollBar().maximum() == 0


def test_keyboard_selection_scrolls_only_its_column(qtbot, wall) -> None:
    scene, view = wall.scene, wall.board.view
    first = scene.cards_in("ensemble")[0]
    scene.select_cards([first.card.id])
    view.setFocus()
    for _ in range(len(scene.cards_in("ensemble")) - 1):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    last = scene.cards_in("ensemble")[-1]
    assert last.isSelected()
    assert scene.column_offset("ensemble") > 0
    assert last.pos().y() >= 0
    assert last.pos().y() + last.height() <= view.viewport().height()
    assert [k for k, v in offsets(wall).items() if v] == ["ensemble"]


def test_a_capture_shows_the_new_card_whole_and_moves_no_other_column(qtbot, wall) -> None:
    scene, view = wall.scene, wall.board.view
    wheel_over(wall, "mieux", 2)
    before = offsets(wall)
    others = {c.key: tops(wall, c.key) for c in scene.columns if c.key != "art"}
    wall.focus_capture()
    type_text(wall.capture.field, "Une navette fluviale entre l'Estaque et le Vieux-Port >4")
    qtbot.keyClick(wall.capture.field, Qt.Key.Key_Return)
    item = scene.items_by_id[wall._last_captured]
    assert item.card.column == "art"
    assert item.pos().y() >= 0
    assert item.pos().y() + item.height() <= view.viewport().height()  # whole, not half hidden
    assert {c.key: tops(wall, c.key) for c in scene.columns if c.key != "art"} == others
    assert {k: v for k, v in offsets(wall).items() if k != "art"} == {
        k: v for k, v in before.items() if k != "art"
    }


def test_an_empty_column_is_a_slim_band_until_a_card_arrives(qtbot, wall, store) -> None:
    scene = wall.scene
    empty_inbox(wall)
    assert scene.column_rect("inbox").width() == SLIM_WIDTH
    assert wall.board.headers["inbox"].width() == SLIM_WIDTH
    wide = scene.column_rect("mieux").width()
    assert wide > 3 * SLIM_WIDTH
    card = scene.cards_in("mieux")[0].card.id
    scene.select_cards([card])
    wall.board_actions.send_to(0)  # key 0: back to « À trier »
    assert store.get(Card, card).column == "inbox"
    assert scene.column_rect("inbox").width() == scene.column_rect("mieux").width()
    assert wall.board.headers["inbox"].width() == round(scene.column_rect("inbox").width())


def test_a_drop_on_an_empty_column_lights_it_and_does_not_scroll(qtbot, wall, store) -> None:
    scene, view = wall.scene, wall.board.view
    viewport = view.viewport()
    empty_inbox(wall)
    wheel_over(wall, "ensemble", 2)
    before = offsets(wall)
    item = scene.cards_in("mieux")[1]
    start = view.mapFromScene(item.sceneBoundingRect().center())
    target = view.mapFromScene(scene.column_rect("inbox").center().x(), 200)
    press_and_move(viewport, start, target)
    # the compact ghost: one line, whatever the card's height
    assert item.is_ghost
    assert item.boundingRect().height() < item.height() / 2
    assert item.boundingRect().height() < 3 * scene.pixel_size
    # the column under the pointer is lit; the drop line is in it, even empty
    assert scene.column_rect("inbox").contains(scene.indicator.rect().center())
    assert scene.indicator.isVisible()
    lit = scene.backdrops.backgrounds["inbox"].pen().width()
    assert lit > scene.backdrops.backgrounds["mieux"].pen().width()
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    assert store.get(Card, item.card.id).column == "inbox"
    assert not item.is_ghost
    assert (
        scene.backdrops.backgrounds["inbox"].pen().width()
        == scene.backdrops.backgrounds["mieux"].pen().width()
    )
    assert {k: v for k, v in offsets(wall).items() if k not in ("inbox", "mieux")} == {
        k: v for k, v in before.items() if k not in ("inbox", "mieux")
    }
    assert scene.column_offset("ensemble") == before["ensemble"]  # no jump on drop


def test_the_first_message_takes_no_room_from_the_board(qtbot, wall) -> None:
    """Full screen at 1280×720: the status bar was made by the window's first message
    (« Idée ajoutée… »), taking 23 px from the board then; a card just brought whole into
    sight at the bottom of its column had its last line under the status bar."""
    wall.set_projector_mode(True)
    wall.showNormal()
    wall.resize(1280, 720)
    qtbot.wait(50)
    scene, view = wall.scene, wall.board.view
    scene.select_cards([scene.cards_in("mieux")[0].card.id])
    view.setFocus()
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    chosen = scene.items_by_id[scene.current_card_id()]
    assert scene.column_offset("mieux") > 0  # brought into sight: at the bottom edge
    height = view.viewport().height()
    wall.focus_capture()  # an idea for another column: the window's first message
    type_text(wall.capture.field, "Une navette fluviale entre l'Estaque et le Vieux-Port >4")
    qtbot.keyClick(wall.capture.field, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert wall.statusBar().currentMessage()
    assert view.viewport().height() == height
    for item in (chosen, scene.items_by_id[wall._last_captured]):
        assert item.pos().y() >= 0
        assert item.pos().y() + item.height() <= view.viewport().height()


def test_a_header_on_two_lines_after_a_filter_is_whole(qtbot, wall) -> None:
    """Full screen at 1280×720, the votes panel folded, a filter: « Vivre Ensemble (0/22) »
    no longer fits one line and goes to two, but the header row kept its one-line height:
    both lines were cut at the top and bottom. The row takes the height of its tallest
    header, and gives it back when the filter is cleared."""
    from tests.ui.test_wall_panels import full_screen

    window = wall
    window.board_actions.capture_line("Une idée à trier")  # five columns of cards
    full_screen(qtbot, window)
    window.animation.votes.show_panel()  # folded to the strip: the columns a little narrower
    qtbot.wait(20)
    board = window.board
    one_line = board.header_strip.height()
    assert all("\n" not in h.text() for h in board.headers.values())
    window.capture.search.setText("zzzz")  # no idea matches: « (0/n) » everywhere
    qtbot.wait(20)
    two = [h for h in board.headers.values() if h.isVisible() and "\n" in h.text()]
    assert two, [h.text() for h in board.headers.values()]
    for header in board.headers.values():
        if header.isVisible():
            assert header.height() >= header.sizeHint().height(), header.text()
    assert board.header_strip.height() > one_line
    window.capture.search.setText("")
    qtbot.wait(20)
    assert board.header_strip.height() == one_line


def test_a_header_on_two_lines_leaves_the_cards_their_share_of_the_height(qtbot, wall) -> None:
    """A header too long for one line at its least type went to two lines at full size
    (25 px, larger than its neighbours on one line): the header row grew by 25 px and the
    cards had 547 px of a 720 px screen (the wall keeps them 78 % of it). Its two lines are no
    larger than the one line's least type: the row grows by one short line, the cards keep
    their share, and the header stands no larger than the others."""
    from tests.ui.test_wall_panels import full_screen
    from tests.ui.wall_check import BOARD_SHARE

    window = wall
    window.board_actions.capture_line("Une idée à trier")  # five columns of cards
    full_screen(qtbot, window)
    window.animation.votes.show_panel()  # folded to the strip: the columns a little narrower
    window.capture.search.setText("zzzz")  # « Vivre Ensemble (0/22) » goes to two lines
    qtbot.wait(30)
    board = window.board
    shown = [h for h in board.headers.values() if h.isVisible()]
    two = [h for h in shown if "\n" in h.text()]
    assert two, [h.text() for h in shown]
    for header in two:
        assert header.height() >= header.sizeHint().height(), header.text()
        assert header.whole(), header.text()
    one_line_sizes = [h.font().pixelSize() for h in shown if "\n" not in h.text()]
    assert max(h.font().pixelSize() for h in two) <= min(one_line_sizes)
    assert board.view.viewport().height() >= BOARD_SHARE * window.height()
