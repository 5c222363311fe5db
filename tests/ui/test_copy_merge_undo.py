"""Undo of « Importer des notes » and of a choice in « Conflits à trancher »."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fabrique_desktop import board
from fabrique_desktop.model import Card
from tests.core.sync_helpers import Laptop


def _copy_back(store, session, tmp_path, edit: str = "version du preneur"):
    """A note-taker's copy with a new idea and an edit of the facilitator's first idea."""
    store.apply(board.capture(store, session.id, "une idée de départ"))
    laptop = Laptop()
    laptop.merge(Laptop.handout(_Wrap(store), session.id))
    laptop.store.apply(board.capture(laptop.store, session.id, "Nadïa : « un jardin partagé »"))
    first = next(c for c in laptop.live_cards(session.id) if c.text == "une idée de départ")
    laptop.store.apply(board.edit(first, text=edit))
    back = tmp_path / "retour.json"
    back.write_text(laptop.handout(session.id), encoding="utf-8")
    return back, first.id


class _Wrap(Laptop):
    """The window's own store seen as a laptop (to hand out a copy)."""

    def __init__(self, store) -> None:
        from db.sync_store import SyncJournal

        self.store = store
        self.journal = SyncJournal(store)


def _texts(window) -> set[str]:
    return {item.card.text for item in window.scene.items_by_id.values()}


def test_an_import_is_one_undo_step_that_says_what_it_means(
    qtbot, window, store, session, tmp_path
) -> None:
    back, first_id = _copy_back(store, session, tmp_path)
    window.notes_menu.refresh()
    store.apply(board.capture(store, session.id, "avant l'import"))
    window.notes_menu.refresh()
    window.controller.capture("saisie avant l'import")
    assert window.notes_menu.import_path(back)
    box = window.notes_menu.dialog
    assert isinstance(box, QMessageBox)
    assert "Ctrl+Z" in box.text()
    box.done(0)
    assert "Nadïa : « un jardin partagé »" in _texts(window)
    assert store.get(Card, first_id).text == "version du preneur"
    assert window.undo_action.text() == "Annuler Importer les notes de « retour.json »"

    window.undo_action.trigger()
    assert "Nadïa : « un jardin partagé »" not in _texts(window)
    assert store.get(Card, first_id).text == "une idée de départ"
    assert "une idée de départ" in _texts(window)
    message = window.statusBar().currentMessage()
    assert "Import annulé" in message
    assert "autres ordinateurs" in message
    assert "Rétablir" in message
    # the step before the import is still there, and undoes as before
    assert window.undo_action.text() == "Annuler Ajouter une idée"
    window.redo_action.trigger()
    assert "Nadïa : « un jardin partagé »" in _texts(window)
    assert store.get(Card, first_id).text == "version du preneur"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert "saisie avant l'import" not in _texts(window)


def test_a_conflict_choice_is_undone_in_the_dialog_and_from_the_board(
    qtbot, window, store, session, tmp_path
) -> None:
    back, first_id = _copy_back(store, session, tmp_path)
    store.apply(board.edit(store.get(Card, first_id), text="version de l'animatrice"))
    window.notes_menu.refresh()
    assert window.notes_menu.import_path(back)
    window.notes_menu.dialog.done(0)  # the summary; the conflicts open
    dialog = window.notes_menu.dialog
    qtbot.wait_until(lambda: dialog.isVisible())
    kept = store.get(Card, first_id).text
    assert dialog.list.count() == 1
    qtbot.mouseClick(dialog.version_buttons[1], Qt.MouseButton.LeftButton)
    chosen = store.get(Card, first_id).text
    assert chosen != kept
    assert dialog.list.count() == 0
    assert chosen in _texts(window)

    dialog.activateWindow()
    qtbot.wait_until(dialog.isActiveWindow)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.get(Card, first_id).text == kept
    assert dialog.list.count() == 1
    assert kept in _texts(window)
    assert "de nouveau à trancher" in window.statusBar().currentMessage()
    dialog.grab().save(str(tmp_path / "conflicts.png"))
    qtbot.keyClick(
        dialog,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert store.get(Card, first_id).text == chosen
    assert dialog.list.count() == 0
    # a second Ctrl+Z in the dialog undoes the choice, a third one does not undo the import
    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.detail.text() == "Aucun choix à annuler."
    assert "Nadïa : « un jardin partagé »" in _texts(window)
    dialog.close()
    import shutil

    shutil.copy(tmp_path / "conflicts.png", "/tmp/merge_undo_conflicts.png")
    # from the board: redo the choice, then undo it with the window's own action
    window.redo_action.trigger()
    assert store.get(Card, first_id).text == chosen
    assert window.undo_action.text().startswith("Annuler Trancher le conflit")
    window.undo_action.trigger()
    assert store.get(Card, first_id).text == kept
    assert "Conflits à trancher" in window.statusBar().currentMessage()


def test_an_import_undo_refused_by_the_disk_leaves_the_history_where_it_was(
    qtbot, window, store, session, tmp_path, monkeypatch
) -> None:
    """One undo protocol (issue 25): the import's undo is written before the history moves;
    a full disk says so and the step stays undoable (it moved the history and not the data)."""
    from fabrique_desktop import sync_undo
    from fabrique_desktop.errors import StorageError

    back, first_id = _copy_back(store, session, tmp_path)
    window.notes_menu.refresh()
    failures: list[str] = []
    window.bus.failed.disconnect()  # no message box: the text is kept
    window.bus.failed.connect(failures.append)
    assert window.notes_menu.import_path(back)
    window.notes_menu.dialog.done(0)
    history = window.bus.history
    index = history.index()

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise StorageError("Le disque est plein : rien n'a été enregistré.")

    monkeypatch.setattr(sync_undo, "apply_step", full)
    window.undo_action.trigger()
    assert failures == ["Le disque est plein : rien n'a été enregistré."]
    assert history.index() == index  # still the import to undo
    assert "Nadïa : « un jardin partagé »" in _texts(window)
    monkeypatch.undo()
    window.undo_action.trigger()
    assert history.index() == index - 1
    assert "Nadïa : « un jardin partagé »" not in _texts(window)
    assert store.get(Card, first_id).text == "une idée de départ"


def test_an_import_is_written_and_announced_by_the_bus_or_not_at_all(
    qtbot, window, store, session, tmp_path, monkeypatch
) -> None:
    """The merge hands its change to the window's bus: one write, heard once as an import;
    a full disk leaves the database as it was and the facilitator reads why, in French."""
    from fabrique_desktop.changes import Origin
    from fabrique_desktop.errors import StorageError

    back, _first_id = _copy_back(store, session, tmp_path)
    window.notes_menu.refresh()
    dump = list(store.conn.iterdump())
    applied = store.apply

    def full(change):  # type: ignore[no-untyped-def]
        raise StorageError("Le disque est plein : rien n'a été enregistré.")

    monkeypatch.setattr(store, "apply", full)
    heard: list[tuple[object, object]] = []
    window.bus.changed.connect(lambda change, origin: heard.append((change, origin)))
    assert not window.notes_menu.import_path(back)
    box = window.notes_menu.dialog
    assert box.text() == "Le disque est plein : rien n'a été enregistré."
    box.done(0)
    monkeypatch.setattr(store, "apply", applied)
    assert list(store.conn.iterdump()) == dump
    assert heard == []
    assert "Nadïa : « un jardin partagé »" not in _texts(window)

    assert window.notes_menu.import_path(back)
    window.notes_menu.dialog.done(0)
    imports = [(c, o) for c, o in heard if o is Origin.IMPORT]
    assert len(imports) == 1
    change, _origin = imports[0]
    texts = {card.text for card in change.read(Card).values()}
    assert "Nadïa : « un jardin partagé »" in texts
    assert "Nadïa : « un jardin partagé »" in _texts(window)


def test_values_left_as_they_are_are_counted_as_one_says_it(qapp) -> None:
    """Undoing an import or a conflict's choice tells how many values changed elsewhere since
    were left alone: « 1 valeur … laissée telle quelle », « 3 valeurs … laissées telles
    quelles » (it read « 3 valeur(s) modifiée(s) … laissée(s) telle(s) quelle(s) »)."""
    from ui.sync_commands import _skipped

    assert _skipped(0) == ""
    assert _skipped(1) == " 1 valeur modifiée depuis, ailleurs, laissée telle quelle."
    assert _skipped(3) == " 3 valeurs modifiées depuis, ailleurs, laissées telles quelles."
