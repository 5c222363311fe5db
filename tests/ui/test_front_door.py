"""A second `fabrique` on a folder the app owns knocks at its front door (ui/front_door.py):
`fabrique --open ATELIER copie.fabrique` imports the copy there, then shows the atelier asked
for, with the import's summary."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from fabrique_desktop.model import Card
from fabrique_desktop.workspace import list_sessions
from tests.ui.conftest import copy_back_with, type_text
from ui.front_door import Answer, knock


def _knock_and_wait(qtbot, folder: Path, **asked) -> Answer:
    answered: list[Answer | None] = []
    thread = threading.Thread(target=lambda: answered.append(knock(folder, **asked)))
    thread.start()  # the second process: it waits for the app's « ok », then what it did
    qtbot.wait_until(lambda: not thread.is_alive(), timeout=10000)
    assert len(answered) == 1
    assert answered[0] is not None
    return answered[0]


def _first_window(qtbot, fabrique_app, session):
    """The app open on ``session`` (not given to qtbot: the app replaces and deletes it, and
    the ``fabrique_app`` fixture closes the last window)."""
    window = fabrique_app.open_session(session.id)
    window.resize(1280, 720)
    window.show()
    qtbot.wait_exposed(window)
    return window


def _texts(window) -> set[str]:
    return {item.card.text for item in window.scene.items_by_id.values()}


def test_open_with_a_copy_imports_it_then_opens_the_atelier_asked_for(
    qtbot, fabrique_app, store, session, data_dir, tmp_path
) -> None:
    back = copy_back_with(
        _first_window(qtbot, fabrique_app, session), session, tmp_path, "Une idée du preneur"
    )
    third = next(s for s in list_sessions(store, session.series_id) if s.number == 3)
    fabrique_app.open_front_door()
    try:
        answer = _knock_and_wait(qtbot, data_dir.root, file=back, session_id=third.id)
        qtbot.wait_until(lambda: fabrique_app.window.session.id == third.id, timeout=10000)
    finally:
        fabrique_app.front_door.close()
    shown = fabrique_app.window
    ideas = [c for c in store.iter_all(Card, session_id=session.id) if not c.deleted]
    assert "Une idée du preneur" in {c.text for c in ideas}  # imported into atelier 1
    assert "Une idée du preneur" not in _texts(shown)  # atelier 3 is shown, as asked
    box = shown.notes_menu.dialog  # the import's summary, in the window shown
    assert isinstance(box, QMessageBox)
    assert "1 nouvelle, aucune mise à jour, aucun conflit." in box.text()
    assert session.title in box.text()
    box.done(0)
    assert answer.done == ("importe « retour.json »", f"ouvre « {third.title} »")
    assert answer.refused == ""
    assert f"Importé « {session.title} » : 1 nouvelle" in answer.details


def test_a_copy_the_open_app_refuses_is_said_refused_in_the_terminal(
    qtbot, fabrique_app, store, session, data_dir, tmp_path
) -> None:
    """The terminal said « importe « coupée.fabrique » » (exit 0) while the app refused it."""
    window = _first_window(qtbot, fabrique_app, session)
    bad = tmp_path / "coupée.fabrique"
    bad.write_bytes(b"PK\x03\x04 coupe")
    before = list(store.conn.iterdump())
    fabrique_app.open_front_door()
    try:
        answer = _knock_and_wait(qtbot, data_dir.root, file=bad)
    finally:
        fabrique_app.front_door.close()
    assert answer.done == ()
    assert answer.refused.startswith("refuse « coupée.fabrique » : ")
    assert answer.refused.endswith(window.notes_menu.last_refusal)
    assert window.notes_menu.dialog.text() == window.notes_menu.last_refusal  # the app says it
    window.notes_menu.dialog.done(0)
    assert list(store.conn.iterdump()) == before


def test_a_copy_of_another_atelier_keeps_the_atelier_asked_for(
    qtbot, fabrique_app, store, session, tmp_path
) -> None:
    """`fabrique --open 3 copie.fabrique` with no app open: the window opens on atelier 3,
    then the copy (of atelier 1) is imported; atelier 3 stays (it followed the copy)."""
    back = copy_back_with(
        _first_window(qtbot, fabrique_app, session), session, tmp_path, "Une idée du preneur"
    )
    third = next(s for s in list_sessions(store, session.series_id) if s.number == 3)
    fabrique_app.open_session(third.id)
    answer = fabrique_app.import_file(back, stay_on=third.id)
    assert answer.done == ("importe « retour.json »", f"ouvre « {third.title} »")  # shown
    shown = fabrique_app.window
    assert shown.session.id == third.id
    assert "Une idée du preneur" in {c.text for c in store.iter_all(Card, session_id=session.id)}
    assert "1 nouvelle, " in shown.notes_menu.dialog.text()
    shown.notes_menu.dialog.done(0)
    fabrique_app.import_file(back)  # without --open, the copy's atelier is shown, as before
    assert fabrique_app.window.session.id == session.id
    fabrique_app.window.notes_menu.dialog.done(0)


def test_an_idea_being_typed_is_kept_when_another_atelier_is_opened(
    qtbot, fabrique_app, store, session
) -> None:
    """`fabrique --open 3` (or « Ouvrir » in the app, or a language change) while the
    note-taker is typing: the words stay in the field, not sent, and the status bar says so
    (the window was replaced and they were gone)."""
    from fabrique_desktop import board

    first = _first_window(qtbot, fabrique_app, session)
    first.capture.field.setFocus()
    type_text(first.capture.field, "Une idée pas encore validée")
    third = next(s for s in list_sessions(store, session.series_id) if s.number == 3)
    fabrique_app.open_asked(third.id)  # what the front door does for `fabrique --open 3`
    shown = fabrique_app.window
    assert shown.session.id == third.id
    assert shown.capture.field.text() == "Une idée pas encore validée"
    assert not shown.capture.field.hasSelectedText()  # the next key does not replace it
    assert "Entrée l'ajoute à « Atelier 3" in shown.statusBar().currentMessage()
    texts = {c.text for c in board.session_cards(store, session.id)}
    texts |= {c.text for c in board.session_cards(store, third.id)}
    assert "Une idée pas encore validée" not in texts  # kept, not sent
    fabrique_app.set_language("en")
    assert fabrique_app.window.capture.field.text() == "Une idée pas encore validée"
    assert not fabrique_app.window.capture.field.hasSelectedText()
    fabrique_app.set_language("fr")


def test_an_idea_being_edited_in_place_is_saved_when_the_window_goes(
    qtbot, fabrique_app, store, demo_session
) -> None:
    """F2 on a card, words typed, then `fabrique --open 1` from a terminal (or « Ouvrir », or
    the language changed): the window was replaced with its editor and the correction was
    never saved. It is saved as Enter would, one undoable edit."""
    from fabrique_desktop import board

    first = _first_window(qtbot, fabrique_app, demo_session)
    card_id = next(iter(first.scene.items_by_id))
    first.scene.select_cards([card_id])
    first.board.view.setFocus()
    first.board_actions.edit_selected()
    editor = first.board_actions.editor
    assert editor.isVisible()
    editor.selectAll()
    type_text(editor, "Une correction pas encore validée")
    other = next(s for s in list_sessions(store, demo_session.series_id) if s.number == 1)
    fabrique_app.open_asked(other.id)  # what the front door does for `fabrique --open 1`
    assert fabrique_app.window.session.id == other.id
    saved = {c.id: c.text for c in board.session_cards(store, demo_session.id)}
    assert saved[card_id] == "Une correction pas encore validée"
    third = fabrique_app.open_session(demo_session.id)  # the language change, the same way
    third.scene.select_cards([card_id])
    third.board.view.setFocus()
    third.board_actions.edit_selected()
    third.board_actions.editor.selectAll()
    type_text(third.board_actions.editor, "Corrigée encore")
    fabrique_app.set_language("en")
    fabrique_app.set_language("fr")
    saved = {c.id: c.text for c in board.session_cards(store, demo_session.id)}
    assert saved[card_id] == "Corrigée encore"
