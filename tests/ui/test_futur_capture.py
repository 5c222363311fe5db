"""A « Futur engagé » item typed in the capture field (« !futur »), and by keyboard on the
board (Enter or F2 edits the card as one line, markers included); undone by Ctrl+Z."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fabrique_desktop.model import FUTUR, IDEA, Card
from tests.ui.conftest import type_text


def test_futur_engage_is_typed_shown_and_undone(qtbot, window, store, session) -> None:
    type_text(window.capture.field, "Tarif unique métropolitain !futur !2024 #mobilité")
    assert "Futur engagé" in window.capture.hint.text()
    qtbot.keyClick(window.capture.field, Qt.Key.Key_Return)
    (card,) = store.find(Card, session_id=session.id)
    assert (card.text, card.card_kind, card.horizon) == (
        "Tarif unique métropolitain",
        FUTUR,
        "2024",
    )
    assert "Futur engagé" in window.scene.items_by_id[card.id].badge_text()
    window.undo_action.trigger()
    assert store.count(Card, session_id=session.id) == 0
    window.redo_action.trigger()
    assert store.get(Card, card.id).card_kind == FUTUR


def test_the_keyboard_turns_an_idea_into_futur_engage_and_back(qtbot, window, store, session):
    type_text(window.capture.field, "Gare Saint-Charles en souterrain")
    qtbot.keyClick(window.capture.field, Qt.Key.Key_Return)
    (card,) = store.find(Card, session_id=session.id)
    qtbot.keyClick(window.capture.field, Qt.Key.Key_Escape)  # the board, on that card
    qtbot.keyClick(window.board.view, Qt.Key.Key_F2)
    editor = window.board_actions.editor
    assert editor.text() == "Gare Saint-Charles en souterrain"
    editor.end(False)
    type_text(editor, " !futur")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert store.get(Card, card.id).card_kind == FUTUR
    qtbot.keyClick(window.board.view, Qt.Key.Key_F2)
    assert editor.text() == "Gare Saint-Charles en souterrain !futur"  # the line says it
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    window.undo_action.trigger()
    assert store.get(Card, card.id).card_kind == IDEA
