"""A window serving the room (phones' room open, atelier shared live) is not replaced without
asking: opening another atelier (« Ateliers et séries », `fabrique --open`, a copy of another
atelier), changing the language, quitting. « Non » keeps the room and the sharing as they were;
« Oui » goes on, and what the phones sent is kept. « Rejoindre un atelier en direct » while
sharing says why it cannot."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from fabrique_desktop.board import session_cards
from fabrique_desktop.workspace import list_sessions
from tests.phones.conftest import Phone
from tests.ui.test_phone_room import off_thread
from ui import telling_box


@pytest.fixture
def asked(monkeypatch):
    """The questions asked, answered with ``asked.answer`` (« Non » until set)."""

    class Questions(list):
        answer = QMessageBox.StandardButton.No

    questions = Questions()

    def question(parent, title, text, *rest):  # type: ignore[no-untyped-def]
        questions.append(f"{title}\n{text}")
        return questions.answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return questions


@pytest.fixture
def room(window):
    """The phones' room of ``window``, open on the loopback."""
    window.build_feature_menus()
    room = window.phone_menu.ensure()
    assert room.open("127.0.0.1", 0)
    yield room
    room.close()


def _third(store, session):
    return next(s for s in list_sessions(store, session.series_id) if s.number == 3)


def test_opening_another_atelier_asks_while_the_phones_room_is_open(
    qtbot, fabrique_app, window, room, store, session, asked
) -> None:
    """Before, `fabrique --open 3` (or « Ouvrir ») closed the room without a word: the phones
    in the room could send nothing more."""
    phone = off_thread(qtbot, lambda: Phone(room.service.address).join())
    off_thread(qtbot, phone.call, "idea", {"text": "Des fontaines dans le parc"})
    third = _third(store, session)

    answer = fabrique_app.open_asked(third.id)  # what `fabrique --open 3` asks of the app
    assert len(asked) == 1
    assert "Changer d'atelier" in asked[0]
    assert "La salle est ouverte aux téléphones (1 téléphone) :" in asked[0]
    assert f"Ouvrir « {third.title} » quand même ?" in asked[0]
    assert fabrique_app.window is window
    assert room.active
    assert "n'est pas ouvert : la fenêtre reste sur" in answer.refused  # the terminal is told

    fabrique_app.set_language("en")  # the window would be replaced too: asked, kept
    assert len(asked) == 2
    assert "Rouvrir l'atelier" in asked[1]
    assert fabrique_app.language == "fr"
    assert window.french_action.isChecked()
    assert not window.english_action.isChecked()
    assert room.active

    asked.answer = QMessageBox.StandardButton.Yes
    answer = fabrique_app.open_asked(third.id)
    assert answer.refused == ""
    assert answer.done == (f"ouvre « {third.title} »",)
    qtbot.addWidget(fabrique_app.window)
    assert fabrique_app.window.session.id == third.id
    assert not room.active  # closed with its window, the phone's idea kept
    assert "Des fontaines dans le parc" in {c.text for c in session_cards(store, session.id)}


def test_a_window_sharing_live_asks_before_it_goes_and_does_not_join_another(
    qtbot, fabrique_app, window, store, session, asked, monkeypatch
) -> None:
    from ui.live_join_dialog import LiveJoinDialog
    from ui.live_share import share_window

    dialogs: list[LiveJoinDialog] = []  # the join dialog, had it opened (cancelled at once)
    monkeypatch.setattr(LiveJoinDialog, "exec", lambda dialog: dialogs.append(dialog) or 0)

    live = share_window(window, host="127.0.0.1", port=0, discovery_port=None)
    assert live is not None
    try:
        window.live_menu.join_action.trigger()  # it offered to join while sharing
        assert dialogs == []
        box = window.live_menu.refusal
        assert isinstance(box, QMessageBox)
        assert f"Cet ordinateur partage déjà « {session.title} » en direct" in box.text()
        assert "Arrêtez d'abord le partage" in box.text()
        box.done(0)
        assert live.active

        window.quit_action.trigger()
        assert len(asked) == 1
        assert "L'atelier est partagé en direct (aucun ordinateur connecté) :" in asked[0]
        assert window.isVisible()
        window.request_session(_third(store, session).id)
        assert len(asked) == 2
        assert fabrique_app.window is window
        assert live.active
    finally:
        live.stop()


def test_putting_a_backup_back_asks_while_the_phones_room_is_open(
    qtbot, fabrique_app, window, room, store, session, data_dir, asked
) -> None:
    """« Remettre une sauvegarde en place » replaced the window: the room closed unasked."""
    from db.backups import Backups, list_backups

    Backups(store, data_dir.backups).take("avant-import")
    backup = list_backups(data_dir.backups)[0]
    before = list(store.conn.iterdump())
    fabrique_app.restore_backup(backup)
    assert len(asked) == 1
    assert "Remettre la sauvegarde en place quand même ?" in asked[0]
    assert fabrique_app.window is window
    assert room.active
    assert list(store.conn.iterdump()) == before  # nothing put back


def test_a_second_fabrique_waits_while_a_dialog_of_the_window_is_open(
    qtbot, fabrique_app, window, store, session, tmp_path
) -> None:
    """`fabrique --open 2` while « Quitter Fabrique ? » was open replaced the window under
    the question: the app crashed (« double free or corruption ») when it was answered."""
    asks = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = QMessageBox(QMessageBox.Icon.Question, "Quitter Fabrique", "?", asks, parent=window)
    box.open()
    qtbot.wait_until(box.isVisible)
    answer = fabrique_app.open_asked(_third(store, session).id)
    assert "n'est pas ouvert : une fenêtre de dialogue est ouverte dans Fabrique" in answer.refused
    assert "(« Quitter Fabrique »)" in answer.refused
    assert fabrique_app.window is window
    answer = fabrique_app.import_file(tmp_path / "copie.fabrique")
    assert answer.refused.startswith("« copie.fabrique » n'est pas importé : une fenêtre")
    box.done(0)


@pytest.mark.parametrize("opened", ["open()", "shown application-modal"])
def test_a_box_that_only_tells_does_not_stop_a_second_fabrique(
    qtbot, fabrique_app, window, store, session, opened
) -> None:
    """A double-clicked copy is imported and its summary shown (« OK » only); a second
    double-clicked copy, or `fabrique --open 3`, was then refused until that summary was
    closed (tests/cli/test_data_folder_owner failed: « une fenêtre de dialogue est ouverte
    dans Fabrique (« Fabrique ») »). A box that only tells goes with its window. What counts
    is what the box is (one « OK »), not how it was opened: shown application-modal, and not
    waited for, it was taken for a question."""
    box = QMessageBox(QMessageBox.Icon.Information, "Fabrique", "Importé…", parent=window)
    if opened == "open()":
        box.open()
    else:
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        box.show()
    qtbot.wait_until(box.isVisible)
    third = _third(store, session)
    answer = fabrique_app.open_asked(third.id)
    assert answer.refused == ""
    assert fabrique_app.window is not window
    qtbot.addWidget(fabrique_app.window)
    assert fabrique_app.window.session.id == third.id
    assert box.parent() is window  # it goes with the window it was over (deleted later)
    box.done(0)


def test_a_box_that_only_tells_over_a_dialog_being_answered_still_stops_a_second_fabrique(
    qtbot, fabrique_app, window, store, session
) -> None:
    """A refusal shown over « Tables » (a dialog of the window, being answered) is the box on
    top, yet the dialog under it would be replaced too: the second `fabrique` waits."""
    dialog = QDialog(window)
    dialog.setWindowTitle("Tables")
    dialog.open()
    box = QMessageBox(QMessageBox.Icon.Warning, "Tables", "Choisissez d'abord…", parent=dialog)
    box.open()
    qtbot.wait_until(box.isVisible)
    assert QApplication.activeModalWidget() is box
    answer = fabrique_app.open_asked(_third(store, session).id)
    assert "une fenêtre de dialogue est ouverte dans Fabrique (« Tables »)" in answer.refused
    assert fabrique_app.window is window
    box.done(0)
    dialog.done(0)


def test_a_box_waited_for_stops_a_second_fabrique_even_if_it_only_tells(
    qtbot, fabrique_app, window, store, session
) -> None:
    """A box waited for (``exec()``: an event loop of its own, started from the app's) would be
    deleted with its window while waited for: the second `fabrique` waits until it is read."""
    box = QMessageBox(QMessageBox.Icon.Information, "Fabrique", "Lu ?", parent=window)
    answers = []

    def asked_while_waited_for() -> None:
        answers.append(fabrique_app.open_asked(_third(store, session).id))
        box.done(0)

    def wait_for_the_box() -> None:
        QTimer.singleShot(50, asked_while_waited_for)
        box.exec()
        app_loop.quit()

    app_loop = QEventLoop()  # the app's own loop (tests have none)
    QTimer.singleShot(0, wait_for_the_box)
    app_loop.exec()
    assert "une fenêtre de dialogue est ouverte dans Fabrique (« Fabrique »)" in answers[0].refused
    assert fabrique_app.window is window


def test_sharing_that_fails_on_a_full_disk_leaves_nothing_half_open(
    qtbot, window, monkeypatch
) -> None:
    """The atelier's copy for the other laptops could not be written (disk full): « Partage
    impossible » was said, yet the port stayed open and the window counted as sharing (« Cet
    ordinateur partage déjà… » to « Rejoindre », Ctrl+Q asking about a sharing never shown)."""
    from fabrique_desktop.errors import StorageError
    from fabrique_desktop.live import engine
    from ui.live_share import share_window

    def full(*args):  # type: ignore[no-untyped-def]
        raise StorageError("Le disque est plein : rien n'a été enregistré.")

    shown: list[str] = []
    monkeypatch.setattr(engine, "make_copy", full)
    monkeypatch.setattr(telling_box, "tell", lambda *args: shown.append(args[2]))
    assert share_window(window, host="127.0.0.1", port=0, discovery_port=None) is None
    assert shown == ["Le disque est plein : rien n'a été enregistré."]
    live = window.live_menu.live
    assert live is not None
    assert not live.active
    assert live.link is None


def test_a_copy_of_another_atelier_imported_beside_the_room_stays_here_if_asked(
    qtbot, fabrique_app, window, room, store, session, tmp_path, asked
) -> None:
    """« Importer des notes » of another atelier follows it to its atelier; with the room
    open and « Non », the copy is merged and the summary says where it went, here."""
    from db.sync_store import SyncJournal
    from fabrique_desktop import bundle, sync

    third = _third(store, session)
    copy = tmp_path / "atelier3.json"
    copy.write_text(
        bundle.to_json(sync.handout_bundle(store, SyncJournal(store), third)), encoding="utf-8"
    )
    assert window.notes_menu.import_path(copy)
    assert len(asked) == 1
    assert fabrique_app.window is window
    assert room.active
    box = window.notes_menu.dialog
    assert f"« {third.title} » n'est pas ouvert : cet atelier reste à l'écran." in box.text()
    box.done(0)


def test_the_question_counts_phones_and_computers_as_one_says_them(
    qtbot, fabrique_app, window, room
) -> None:
    """It said « (1 téléphone(s)) », « (0 ordinateur(s) connecté(s)) »: the counts now agree
    with their noun, in French and in English."""
    from ui.room_guard import RoomGuard

    guard = RoomGuard(window)
    said = [guard.phones(n) for n in (0, 1, 2)] + [guard.computers(n) for n in (0, 1, 3)]
    assert said == [
        "aucun téléphone",
        "1 téléphone",
        "2 téléphones",
        "aucun ordinateur connecté",
        "1 ordinateur connecté",
        "3 ordinateurs connectés",
    ]
    assert guard.what_ends()[0].startswith(
        "La salle est ouverte aux téléphones (aucun téléphone) :"
    )
    fabrique_app.translations.use("en")
    try:
        said = [guard.phones(n) for n in (0, 1, 2)] + [guard.computers(n) for n in (0, 1, 3)]
        assert said == [
            "no phones",
            "1 phone",
            "2 phones",
            "no computers connected",
            "1 computer connected",
            "3 computers connected",
        ]
        assert guard.what_ends()[0].startswith("The room is open to phones (no phones): ")
    finally:
        fabrique_app.translations.use("fr")
