"""A keyboard user never needs an extra arrow key: after Esc from the capture field, an
unmerge, the undo of a merge, a CSV or notes import, the relevant cards are selected and in
sight, so that 1–4 (send to a column) and + act at once."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from fabrique_desktop import board
from fabrique_desktop.model import Card
from tests.ui.conftest import copy_back_with


@pytest.fixture
def demo_window_keyboard(qtbot, fabrique_app, demo_session):
    window = fabrique_app.open_session(demo_session.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.wait_exposed(window)
    return window


def _cards(window, store, session, texts, column="inbox") -> list[Card]:
    for text in texts:
        store.apply(board.capture(store, session.id, text, column))
    window.board_actions.start(window.controller.cards())
    window.scene.notes.measure_all()
    return board.column_cards(store, session.id, column)


def _press(window, key: str) -> None:
    """A key typed where the keyboard is (the board must have it)."""
    assert window.board.view.hasFocus()
    QTest.keyClicks(window.board.view, key)


def _column(store, card_id) -> str:
    return store.get(Card, card_id).column


def _in_sight(window, card_id) -> bool:
    view = window.board.view
    item = window.scene.items_by_id[card_id]
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return shown.intersects(item.sceneBoundingRect())


def test_esc_from_the_capture_field_selects_a_card_before_anything_is_captured(
    qtbot, window, store, session
) -> None:
    first, _second = _cards(window, store, session, ["Un tram", "Des vélos"])
    window.focus_capture()
    assert not window.scene.selected_card_ids()
    QTest.keyClick(window.capture.field, Qt.Key.Key_Escape)
    assert window.scene.selected_card_ids() == [first.id]
    _press(window, "2")
    assert _column(store, first.id) == window.scene.columns[2].key


def test_esc_keeps_the_card_selected_before(qtbot, window, store, session) -> None:
    _first, second = _cards(window, store, session, ["Un tram", "Des vélos"])
    window.scene.select_cards([second.id])
    window.focus_capture()
    QTest.keyClick(window.capture.field, Qt.Key.Key_Escape)
    assert window.scene.selected_card_ids() == [second.id]


def test_after_an_unmerge_the_originals_are_selected(qtbot, window, store, session) -> None:
    tram, metro, _velo = _cards(window, store, session, ["Un tram", "Un métro", "Des vélos"])
    window.animation.fusion.fuse_with_text([tram, metro], "Transports en commun")
    (merged,) = [c for c in board.session_cards(store, session.id) if c.text.startswith("Trans")]
    assert window.scene.selected_card_ids() == [merged.id]
    window.animation.unfuse_action.trigger()
    assert set(window.scene.selected_card_ids()) == {tram.id, metro.id}
    assert window.board.view.hasFocus()
    _press(window, "1")
    assert {_column(store, tram.id), _column(store, metro.id)} == {window.scene.columns[1].key}


def test_after_undoing_a_merge_the_originals_are_selected(qtbot, window, store, session) -> None:
    tram, metro, _velo = _cards(window, store, session, ["Un tram", "Un métro", "Des vélos"])
    window.animation.fusion.fuse_with_text([tram, metro], "Transports en commun")
    window.board.view.setFocus()
    QTest.keyClick(window.board.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not store.get(Card, tram.id).merged_into
    assert set(window.scene.selected_card_ids()) == {tram.id, metro.id}
    _press(window, "3")
    assert {_column(store, tram.id), _column(store, metro.id)} == {window.scene.columns[3].key}
    QTest.keyClick(window.board.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(
        window.board.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )  # redo the move: the moved cards are selected
    assert set(window.scene.selected_card_ids()) == {tram.id, metro.id}


def test_after_a_csv_import_the_new_ideas_are_selected_and_in_sight(
    qtbot, demo_window_keyboard, tmp_path, monkeypatch
) -> None:
    window = demo_window_keyboard
    store, session = window.store, window.session
    csv = tmp_path / "idees.csv"
    csv.write_text("texte;colonne\nUn téléphérique;ensemble\nDes bancs;ensemble\n", "utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(csv), ""))
    window.exchange_menu.import_cards()
    dialog = window.exchange_menu.dialog
    qtbot.addWidget(dialog)
    with qtbot.wait_signal(dialog.imported):
        dialog.import_button.click()
    texts = ("Un téléphérique", "Des bancs")
    new = [c for c in board.session_cards(store, session.id) if c.text in texts]
    assert set(window.scene.selected_card_ids()) == {c.id for c in new}
    assert _in_sight(window, new[0].id)  # at the bottom of a long column: scrolled to
    assert window.board.view.hasFocus()
    _press(window, "1")
    assert {_column(store, c.id) for c in new} == {window.scene.columns[1].key}


def test_after_a_notes_import_the_new_ideas_are_selected(
    qtbot, window, store, session, tmp_path
) -> None:
    _cards(window, store, session, ["Une idée de départ"])
    back = copy_back_with(window, session, tmp_path, "Un jardin partagé")
    window.focus_capture()
    assert window.notes_menu.import_path(back)
    (new,) = [c for c in board.session_cards(store, session.id) if c.text == "Un jardin partagé"]
    assert window.scene.selected_card_ids() == [new.id]
    assert window.focusWidget() is window.board.view  # where the keyboard goes back
    window.notes_menu.dialog.done(0)  # the summary closes: the board has the keyboard
    window.activateWindow()  # (the offscreen platform does not give it back by itself)
    qtbot.wait_until(window.board.view.hasFocus)
    _press(window, "4")
    assert _column(store, new.id) == window.scene.columns[4].key
