"""Editing the room reads (issue 23, build item 5): the in-place editor shows the whole idea
at the card's size, keys mean one thing at a time, an unknown marker is flagged as typed."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QTextCursor

from fabrique_desktop.model import Card
from tests.ui.test_wall_panels import full_screen


@pytest.fixture
def three(window):  # type: ignore[no-untyped-def]
    ids = [window.board_actions.capture_line(t) for t in ("Alpha", "Bravo", "Charlie")]
    window.scene.notes.measure_all()
    return ids


def longest_card(window) -> str:  # type: ignore[no-untyped-def]
    scene = window.scene
    items = [i for c in scene.columns for i in scene.cards_in(c.key)]
    return max(items, key=lambda i: len(i.card.text)).card.id


def test_the_in_place_editor_shows_the_whole_idea_at_the_cards_size(qtbot, wall) -> None:
    """It was a one-line field showing the end of a long idea (« arles en souterrain »),
    80 px high over the card's other lines."""
    window = wall
    full_screen(qtbot, window)
    card_id = longest_card(window)
    window.scene.select_cards([card_id])
    window.board.view.setFocus()
    qtbot.keyClick(window.board.view, Qt.Key.Key_F2)
    editor = window.board_actions.editor
    assert editor.isVisible()
    assert editor.card_id == card_id
    text = window.controller.card(card_id).text
    assert editor.text().startswith(text)
    assert editor.font().pixelSize() == round(window.scene.pixel_size)  # the card's type
    item = window.scene.items_by_id[card_id]
    view = window.board.view
    card = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
    assert editor.width() == card.width()
    # over the whole note, not a strip of it (as much of it as the cards' area shows: the
    # column headers stay in sight)
    assert editor.height() >= min(card.height(), view.viewport().height())
    assert editor.verticalScrollBar().maximum() == 0  # every line in sight
    assert editor.document().blockCount() == 1
    first, last = QTextCursor(editor.document()), QTextCursor(editor.document())
    last.movePosition(QTextCursor.MoveOperation.End)
    inside = QRect(editor.viewport().rect())
    assert inside.contains(editor.cursorRect(first))  # the first word and the last
    assert inside.contains(editor.cursorRect(last))
    assert editor.geometry().bottom() <= window.board.height()
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.keyClicks(editor, " ajout")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Enter saves: never a line break in an idea
    assert window.controller.card(card_id).text == text + " ajout"
    assert window.board.view.hasFocus()


def test_a_pasted_line_break_is_a_space(qtbot, wall) -> None:
    window = wall
    card_id = longest_card(window)
    window.board_actions.edit_card(card_id)
    editor = window.board_actions.editor
    editor.setText("Deux\nlignes")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    card = window.store.get(Card, card_id)
    assert card.text == "Deux lignes"


# keys mean one thing at a time


def test_star_twelve_enter_counts_the_dots_and_opens_no_editor(qtbot, window, store, session):
    """« * 12 Entrée »: the second digit records the count; the Enter typed after it out of
    habit opened the card's editor too."""
    from fabrique_desktop import votes
    from tests.ui.test_wall_room_votes import selected_card

    card_id = selected_card(window)
    view = window.board.view
    qtbot.keyClick(view, Qt.Key.Key_Asterisk)
    entry = window.board.count_entry
    qtbot.keyClick(entry, Qt.Key.Key_1)
    qtbot.keyClick(entry, Qt.Key.Key_2)
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert votes.totals(store, session.id)[card_id] == 12
    assert not window.board_actions.editor.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Return)  # a later Enter is « edit » again
    assert window.board_actions.editor.isVisible()


def test_escape_in_the_filter_then_ctrl_z_undoes_the_last_move(qtbot, window, store, three):
    """Ctrl+Z right after Échap in the filter typed the filter back instead."""
    view = window.board.view
    window.scene.select_cards([three[0]])
    view.setFocus()
    before = store.get(Card, three[0]).column
    qtbot.keyClick(view, Qt.Key.Key_2)  # a move on the board
    moved = store.get(Card, three[0]).column
    assert moved != before
    search = window.capture.search
    qtbot.keyClick(window.capture.field, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert search.hasFocus()
    qtbot.keyClicks(search, "Alpha")
    qtbot.keyClick(search, Qt.Key.Key_Escape)  # the filter emptied, the field keeps the keys
    assert search.text() == ""
    qtbot.keyClick(search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert search.text() == ""  # not typed back
    assert store.get(Card, three[0]).column == before  # the move undone


def test_letters_typed_on_the_board_go_to_the_capture_field(qtbot, window, three):
    """Typing while the board had the keyboard dropped the letters, and the first Space
    showed the selected card large."""
    view = window.board.view
    window.scene.select_cards([three[0]])
    view.setFocus()
    from PySide6.QtWidgets import QApplication

    for letter in "Des bancs":  # each key where the keyboard is, as X delivers it
        qtbot.keyClicks(QApplication.focusWidget(), letter)
    field = window.capture.field
    assert field.hasFocus()
    assert field.text() == "Des bancs"
    spotlight = getattr(window.board, "spotlight", None)
    assert spotlight is None or not spotlight.isVisible()
    window.board.view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)  # Space on the board: still the large card
    assert window.board.spotlight.isVisible()


def test_an_unknown_persona_is_told_not_silently_kept(qtbot, window, store, session) -> None:
    """A mistyped « @sophie » stayed in the idea's text on the wall, the ranking and the PDF
    with no warning."""
    field = window.capture.field
    window.focus_capture()
    qtbot.keyClicks(field, "Des bancs @zorglub")
    assert field.property("problem") is True  # orange while typed, even in full screen
    count = len([c for c in store.find(Card, session_id=session.id) if not c.deleted])
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert len([c for c in store.find(Card, session_id=session.id) if not c.deleted]) == count
    assert field.text() == "Des bancs @zorglub"  # nothing lost
    assert "Persona inconnu" in window.statusBar().currentMessage()
    qtbot.keyClick(field, Qt.Key.Key_Return)  # told: a second Enter keeps it as typed
    texts = [c.text for c in store.find(Card, session_id=session.id) if not c.deleted]
    assert "Des bancs @zorglub" in texts
    assert field.text() == ""
    assert field.property("problem") is False


def test_an_unknown_column_is_told_too(qtbot, window, store, session) -> None:
    field = window.capture.field
    window.focus_capture()
    qtbot.keyClicks(field, "Une idee >zzz")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "Colonne inconnue" in window.statusBar().currentMessage()
    assert field.text() == "Une idee >zzz"


def test_the_editor_of_a_very_long_idea_leaves_the_column_headers_in_sight(qtbot, wall) -> None:
    """An idea longer than the board is tall: its editor grew up over the header row and hid
    « À trier (19) » while it was edited (seen at 1280×720, full screen). It keeps to the
    board's cards area and scrolls its own lines."""
    from tests.ui.wall_check import global_rect

    window = wall
    full_screen(qtbot, window)
    long_idea = " ".join(["Une navette électrique gratuite vers les calanques et les gares"] * 6)
    card_id = window.board_actions.capture_line(long_idea)
    window.scene.notes.measure_all()
    window.scene.select_cards([card_id])
    window.board.view.setFocus()
    qtbot.keyClick(window.board.view, Qt.Key.Key_F2)
    editor = window.board_actions.editor
    assert editor.isVisible()
    assert editor.card_id == card_id
    cards_area = global_rect(window.board.view.viewport())
    assert cards_area.contains(global_rect(editor))
    for header in window.board.headers.values():
        if header.isVisible():
            assert not global_rect(header).intersects(global_rect(editor)), header.text()
    assert editor.verticalScrollBar().maximum() > 0  # its lines scroll, none lost
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
