"""A narrow projector (800×600, 1024×768): the card text keeps the projector's size and the
columns that do not fit fold to slim bands with their count (issue 13, session 5: the text
stepped down to 16–17 px at 800×600). A folded column comes into sight when one of its cards
is chosen (arrows, a capture, a selection from elsewhere) or its band is clicked; a drop on
its band puts the cards after its last one; the other columns do not scroll."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from fabrique_desktop import board
from fabrique_desktop.model import Card
from tests.ui.conftest import press_and_move, type_text
from tests.ui.test_board_narrow_projector import projector_window
from tests.ui.wall_check import problems, smallest_card_text

SIZES = [(800, 600), (1024, 768)]


JUST_CAPTURED = (
    "Des navettes de nuit entre les gares",
    "Un jardin partagé au pied de chaque tour",
    "Des bancs à l'ombre le long du canal",
    "Un marché paysan le samedi matin",
    "Des pistes cyclables séparées de la route",
    "Une maison des associations par quartier",
)


@pytest.fixture
def narrow(qtbot, fabrique_app, demo_session, store):
    """Atelier 3 in the middle of a session: its Vivre filled, and ideas just captured waiting
    in « À trier » (the demo's own « À trier » is empty since it holds the seed's pistes only)."""
    for text in JUST_CAPTURED:
        store.apply(board.capture(store, demo_session.id, text))
    return lambda width, height: projector_window(qtbot, fabrique_app, demo_session, width, height)


def in_sight(window) -> list[str]:  # type: ignore[no-untyped-def]
    folded = window.board.folded_columns()
    return [c.key for c in window.scene.columns if c.key not in folded]


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_text_keeps_the_projector_size_and_columns_fold(narrow, width, height) -> None:
    window = narrow(width, height)
    assert smallest_card_text(window) >= 28
    assert window.board.folded_columns()
    for key in window.board.folded_columns():
        header = window.board.headers[key]
        assert header.text() == str(window.scene.notes.count(key))  # its count stays in sight
    assert problems(window) == []


@pytest.mark.parametrize("panel", ["votes", "agenda"])
def test_a_panel_on_a_narrow_projector_keeps_the_text(qtbot, narrow, panel) -> None:
    window = narrow(800, 600)
    if panel == "votes":
        window.animation.votes.show_panel()
    else:
        window.animation.agenda.toggle()
    qtbot.wait(50)
    assert smallest_card_text(window) >= 28
    assert problems(window) == []


def test_the_arrows_bring_a_folded_column_into_sight(qtbot, narrow) -> None:
    window = narrow(800, 600)
    scene, view = window.scene, window.board.view
    assert in_sight(window) == ["inbox", "mieux"]
    scene.select_cards([scene.cards_in("mieux")[0].card.id])
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Right)
    current = scene.items_by_id[scene.current_card_id() or ""]
    assert current.card.column == "monde"
    assert current.isVisible()
    assert current.isSelected()
    assert in_sight(window) == ["mieux", "monde"]
    box = view.mapFromScene(current.sceneBoundingRect()).boundingRect()
    assert view.viewport().rect().contains(box)
    QTest.keyClick(view, Qt.Key.Key_Left)
    QTest.keyClick(view, Qt.Key.Key_Left)
    assert scene.items_by_id[scene.current_card_id() or ""].card.column == "inbox"
    assert in_sight(window) == ["inbox", "mieux"]
    assert problems(window) == []


def test_a_capture_into_a_folded_column_shows_the_new_card_whole(qtbot, narrow) -> None:
    window = narrow(800, 600)
    scene, view = window.scene, window.board.view
    assert "art" in window.board.folded_columns()
    window.focus_capture()
    type_text(window.capture.field, "Une navette fluviale entre l'Estaque et le Vieux-Port >4")
    qtbot.keyClick(window.capture.field, Qt.Key.Key_Return)
    item = scene.items_by_id[window._last_captured]
    assert item.card.column == "art"
    assert "art" in in_sight(window)
    assert item.isVisible()
    assert item.pos().y() >= 0
    assert item.pos().y() + item.height() <= view.viewport().height()
    assert smallest_card_text(window) >= 28


def test_a_click_on_a_folded_band_unfolds_it(qtbot, narrow) -> None:
    window = narrow(800, 600)
    scene, view = window.scene, window.board.view
    band = scene.column_rect("ensemble").center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(band))
    assert "ensemble" in in_sight(window)
    assert all(i.isVisible() for i in scene.cards_in("ensemble"))


def test_a_selection_made_elsewhere_unfolds_its_column(narrow) -> None:
    window = narrow(1024, 768)
    scene = window.scene
    assert in_sight(window)[-1] != "art"
    card = scene.cards_in("art")[3].card.id
    scene.select_cards([card])  # the ranking, a search, the audience window following
    assert scene.items_by_id[card].isSelected()
    assert "art" in in_sight(window)


def test_a_drop_on_a_folded_band_goes_after_its_last_card(qtbot, narrow, store) -> None:
    window = narrow(800, 600)
    scene, view = window.scene, window.board.view
    viewport = view.viewport()
    last = scene.cards_in("ensemble")[-1].card.position
    item = scene.cards_in("mieux")[0]
    start = view.mapFromScene(item.sceneBoundingRect().center())
    target = view.mapFromScene(scene.column_rect("ensemble").center().x(), 200)
    press_and_move(viewport, start, target)
    assert scene.column_rect("ensemble").contains(scene.indicator.rect().center())
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    moved = store.get(Card, item.card.id)
    assert moved.column == "ensemble"
    assert moved.position > last
    # the column it went to comes into sight, the card whole at its end
    assert "ensemble" in in_sight(window)
    assert item.isVisible()
    assert item.pos().y() + item.height() <= view.viewport().height()


def test_a_phone_card_leaves_the_folds_as_they_are(qtbot, narrow) -> None:
    from fabrique_desktop.changes import Origin

    window = narrow(800, 600)
    before = window.board.folded_columns()
    assert "art" in before
    card = window.scene.cards_in("art")[0].card
    window.scene.clearSelection()
    window.bus.announce(_edit_of(window, card), Origin.PHONE)
    assert window.board.folded_columns() == before


def _edit_of(window, card):  # type: ignore[no-untyped-def]
    from fabrique_desktop.changes import Change, Edit

    row = {"text": card.text}
    return Change("test", (Edit(Card.kind, card.id, row, row),))
