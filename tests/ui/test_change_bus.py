"""One road for every write (ui/change_bus.py): dialogs, panels and other laptops.

Each dialog writes through the window's bus: the board, the capture completion and the
panels show it at once, Ctrl+Z on the board undoes it, a write that fails is no step, and
an undo never overwrites what another laptop changed since.
"""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fabrique_desktop import agenda, board, votes
from fabrique_desktop.changes import Change, Edit, Origin, touched_elsewhere
from fabrique_desktop.model import Card, Persona
from tests.core.sync_helpers import Laptop


@pytest.fixture
def boxes(monkeypatch) -> list[str]:
    """The main window's « Non enregistré » box, without a modal loop."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **_: shown.append(args[2]) or 0)
    return shown


def _deck(window):
    from ui.persona_deck import PersonaDeck

    series = window.controller.series
    return PersonaDeck(window.store, window.bus, series, window.session.id, None, window)


def _select(deck, first_name: str) -> None:
    for row in range(deck.list.count()):
        persona = _persona_at(deck, row)
        if persona.first_name == first_name:
            deck.list.setCurrentRow(row)
            return
    raise AssertionError(first_name)


def _persona_at(deck, row: int) -> Persona:
    return deck.store.get(Persona, deck.list.item(row).data(Qt.ItemDataRole.UserRole))


def _look(window, card_id: str) -> str:
    return window.scene.items_by_id[card_id].look.persona_name


def test_a_persona_renamed_in_its_dialog_shows_at_once_and_undoes_from_the_board(
    qtbot, window
) -> None:
    card_id = window.board_actions.capture_line("Un tram jusqu'à Pertuis @bernard")
    assert _look(window, card_id) == "Bernard"
    deck = _deck(window)
    qtbot.addWidget(deck)
    _select(deck, "Bernard")
    deck.first_name.setText("Bernardo")
    assert deck.save()
    names = [p.first_name for p in window.capture.vocabulary.personas]
    assert "Bernardo" in names  # capture offers @Bernardo at once
    assert "Bernard" not in names
    assert _look(window, card_id) == "Bernardo"  # the board too
    deck.close()
    window.undo_action.trigger()  # Ctrl+Z on the board undoes the dialog's step
    assert _look(window, card_id) == "Bernard"
    assert "Bernard" in [p.first_name for p in window.capture.vocabulary.personas]


def test_tables_added_in_their_dialog_are_voters_at_once_and_undo_from_the_board(
    qtbot, window
) -> None:
    from ui.tables_dialog import TablesDialog

    window.animation.votes.show_panel()
    panel = window.animation.votes.panel
    assert panel.voter_list.count() == 0
    dialog = TablesDialog(window.store, window.bus, window.session, window)
    qtbot.addWidget(dialog)
    dialog.count.setValue(3)
    dialog.add_tables()
    assert panel.voter_list.count() == 3  # the vote panel shows them at once
    assert len(window.scene.notes.tables) == 3
    dialog.close()
    window.undo_action.trigger()
    assert panel.voter_list.count() == 0
    assert not window.scene.notes.tables


def test_a_vote_correction_from_the_panel_shows_on_the_board_and_undoes(qtbot, window) -> None:
    window.bus.push(votes.add_tables(window.store, window.session.id, 2))
    card_id = window.controller.capture("Des jardins partagés")
    window.animation.votes.show_panel()
    window.scene.select_cards([card_id])
    window.animation.votes.add_dot()
    window.animation.votes.add_dot()
    assert window.scene.votes.counts == {card_id: 2}
    window.animation.votes.panel.clear_button.click()  # « Effacer ses votes »: a correction
    assert window.scene.votes.counts == {}
    window.undo_action.trigger()
    assert window.scene.votes.counts == {card_id: 2}
    window.undo_action.trigger()  # each dot was its own step
    assert window.scene.votes.counts == {card_id: 1}


def test_an_agenda_step_moved_in_its_panel_undoes_from_the_board(qtbot, window) -> None:
    store, session = window.store, window.session
    window.bus.push(agenda.install(store, session, "valeurs"))
    window.animation.agenda.toggle()
    panel = window.animation.agenda.panel
    before = [a.title for a in agenda.activities(store, session.id)]
    assert panel.items.count() == len(before) > 2
    panel.items.setCurrentRow(1)
    panel._move(-1)
    moved = [a.title for a in agenda.activities(store, session.id)]
    assert moved[:2] == [before[1], before[0]]
    assert before[1] in panel.items.item(0).text()  # the panel shows it at once
    window.undo_action.trigger()
    assert [a.title for a in agenda.activities(store, session.id)] == before
    assert before[0] in panel.items.item(0).text()


def test_a_write_that_fails_is_no_step_and_changes_nothing(qtbot, window, boxes) -> None:
    card_id = window.board_actions.capture_line("Un tram @bernard")
    steps = window.bus.history.count()
    deck = _deck(window)
    qtbot.addWidget(deck)
    _select(deck, "Bernard")
    window.store.conn.execute("PRAGMA query_only = ON")  # the database became read-only
    try:
        deck.first_name.setText("Bernardo")
        assert not deck.save()
        window.scene.select_cards([card_id])
        window.board.view.setFocus()
        qtbot.keyClick(window.board.view, Qt.Key.Key_1)
    finally:
        window.store.conn.execute("PRAGMA query_only = OFF")
    assert len(boxes) == 2  # said each time, calmly
    assert window.bus.history.count() == steps
    assert _look(window, card_id) == "Bernard"
    assert window.store.get(Card, card_id).column == "inbox"
    assert window.scene.items_by_id[card_id].card.column == "inbox"


def test_a_change_that_changes_nothing_is_no_step(window) -> None:
    card_id = window.controller.capture("Une idée")
    card = window.store.get(Card, card_id)
    steps = window.bus.history.count()
    same = Change("Rien", (Edit(Card.kind, card_id, {"text": card.text}, {"text": card.text}),))
    assert window.bus.push(same)
    assert window.bus.push(board.set_fields([card], "Couleur", colour=card.colour))
    assert window.bus.history.count() == steps


def test_undo_after_another_laptop_moved_the_same_card_keeps_its_move(qtbot, window) -> None:
    """The issue's case: Vivre Mieux here, Vivre Monde on another laptop, Ctrl+Z here."""
    from db.sync_store import SyncJournal
    from fabrique_desktop.live.engine import EngineDoc
    from tests.ui.test_copy_merge_undo import _Wrap

    store, session = window.store, window.session
    card_id = window.controller.capture("Un tram jusqu'à Pertuis")
    here = EngineDoc(store, SyncJournal(store), session.id)
    other = Laptop()
    other.merge(Laptop.handout(_Wrap(store), session.id))
    there = EngineDoc(other.store, other.journal, session.id)
    heard: list[Origin] = []
    window.bus.changed.connect(lambda _change, origin: heard.append(origin))

    window.scene.select_cards([card_id])
    window.board.view.setFocus()
    qtbot.keyClick(window.board.view, Qt.Key.Key_1)
    assert store.get(Card, card_id).column == "mieux"
    there.apply_remote(here.sync.flush())  # the link carries the move over
    card = other.store.get(Card, card_id)
    assert card.column == "mieux"
    other.store.apply(board.move(other.store, session.id, [card], "monde"))  # later, there
    changed = here.apply_remote(there.sync.flush())
    window.bus.announce(touched_elsewhere("Reçu d'un autre ordinateur", changed), Origin.REMOTE)
    assert window.scene.items_by_id[card_id].card.column == "monde"

    window.undo_action.trigger()
    assert store.get(Card, card_id).column == "monde"  # not back to « À trier »
    assert window.scene.items_by_id[card_id].card.column == "monde"
    assert "Rien à annuler" in window.statusBar().currentMessage()
    assert heard == [Origin.LOCAL, Origin.REMOTE, Origin.UNDO]
    other.close()


def test_undo_keeps_the_fields_nobody_else_changed(qtbot, window) -> None:
    card_id = window.controller.capture("Une idée")
    card = window.store.get(Card, card_id)
    window.bus.push(board.set_fields([card], "Horizon", horizon="2040"))
    window.bus.push(board.edit(window.store.get(Card, card_id), text="Une idée modifiée"))
    # another laptop (written straight to the rows, announced as remote) changes the text
    remote = board.edit(window.store.get(Card, card_id), text="Le texte d'un autre")
    window.store.apply(remote)
    window.bus.announce(remote, Origin.REMOTE)
    window.undo_action.trigger()  # the text edit: nothing left, said so
    assert window.store.get(Card, card_id).text == "Le texte d'un autre"
    window.undo_action.trigger()  # the horizon: nobody touched it, undone
    assert window.store.get(Card, card_id).horizon == ""
    window.redo_action.trigger()
    assert window.store.get(Card, card_id).horizon == "2040"


def test_the_open_session_renamed_in_the_manager_retitles_the_window(
    qtbot, window, monkeypatch
) -> None:
    from ui.session_manager import SessionManager

    manager = SessionManager(window.bus, window.session.id, window)
    qtbot.addWidget(manager)
    monkeypatch.setattr(
        "ui.session_manager.QInputDialog.getText", lambda *a, **k: ("Atelier du jeudi", True)
    )
    manager._rename()
    assert window.session.title == "Atelier du jeudi"
    assert window.windowTitle() == "Fabrique — Atelier du jeudi"
