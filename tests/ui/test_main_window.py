from PySide6.QtCore import Qt

from db.backups import list_backups
from fabrique_desktop.model import Card
from tests.ui.conftest import type_text


def test_demo_window_shows_the_template_columns(window, session) -> None:
    assert window.windowTitle() == f"Fabrique — {session.title}"
    titles = [h.column.title for h in window.board.headers.values()]
    assert titles == ["À trier", "Vivre Mieux", "Vivre Monde", "Vivre Ensemble", "Art de Vivre"]
    assert window.capture.field.hasFocus()


def test_typing_and_enter_adds_a_persisted_card(qtbot, window, store, session) -> None:
    type_text(window.capture.field, "Un tramway jusqu'à Aubagne « vite » — Nadïa, œuvre")
    qtbot.keyClick(window.capture.field, Qt.Key.Key_Return)
    cards = store.find(Card, session_id=session.id)
    assert [c.text for c in cards] == ["Un tramway jusqu'à Aubagne « vite » — Nadïa, œuvre"]
    assert cards[0].column == "inbox"
    assert window.capture.field.text() == ""
    assert window.capture.field.hasFocus()
    assert cards[0].id in window.scene.items_by_id
    assert window.board.headers["inbox"].text() == "À trier  (1)"


def test_escape_selects_the_last_captured_card(qtbot, window) -> None:
    type_text(window.capture.field, "Première")
    qtbot.keyClick(window.capture.field, Qt.Key.Key_Return)
    qtbot.keyClick(window.capture.field, Qt.Key.Key_Escape)
    selected = window.scene.selectedItems()
    assert [i.card.text for i in selected] == ["Première"]


def test_undo_redo_follow_the_database(qtbot, window, store, session) -> None:
    type_text(window.capture.field, "À annuler")
    qtbot.keyClick(window.capture.field, Qt.Key.Key_Return)
    window.undo_action.trigger()
    assert store.count(Card, session_id=session.id) == 0
    assert not window.scene.items_by_id
    window.redo_action.trigger()
    assert [c.text for c in store.find(Card, session_id=session.id)] == ["À annuler"]
    assert len(window.scene.items_by_id) == 1


def test_opening_a_session_takes_a_backup(qtbot, window, data_dir) -> None:
    qtbot.wait_until(lambda: bool(list_backups(data_dir.backups)))  # after the first frame


def test_language_switch_to_english_and_back(window, fabrique_app) -> None:
    fabrique_app.set_language("en")
    english = fabrique_app.window
    assert english.file_menu.title() == "&File"
    fabrique_app.set_language("fr")
    assert fabrique_app.window.file_menu.title() == "&Fichier"


def test_screenshot_at_projector_size(window, tmp_path) -> None:
    window.resize(1280, 720)
    image = window.grab()
    assert image.width() == 1280
    assert image.save(str(tmp_path / "window.png"))


def test_a_failed_write_keeps_the_words_and_says_so(
    qtbot, window, store, session, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from fabrique_desktop.errors import StorageError

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))

    def full_disk(change):
        raise StorageError("Le disque est plein : impossible d'enregistrer.")

    monkeypatch.setattr(store, "apply", full_disk)
    type_text(window.capture.field, "Idée précieuse")
    qtbot.keyClick(window.capture.field, Qt.Key.Key_Return)
    assert window.capture.field.text() == "Idée précieuse"
    assert shown == ["Le disque est plein : impossible d'enregistrer."]
    assert not window.scene.items_by_id
    assert window.bus.history.count() == 0
    monkeypatch.undo()
    qtbot.keyClick(window.capture.field, Qt.Key.Key_Return)
    assert [c.text for c in store.find(Card, session_id=session.id)] == ["Idée précieuse"]


def test_the_first_window_is_maximized_on_any_screen(qtbot) -> None:
    """At 1280×720 the title bar pushed the status bar below the screen; at 1920×1080 the
    window stayed 1280×720 (issue 13): it is maximized, its geometry set (no window manager)."""
    from PySide6.QtWidgets import QApplication, QWidget

    from ui.app import show_whole

    available = QApplication.primaryScreen().availableGeometry()
    for size in ((available.width(), available.height()), (640, 400)):
        window = QWidget()
        qtbot.addWidget(window)
        window.resize(*size)
        show_whole(window)
        assert window.isMaximized()
        assert window.width() >= available.width() - 4  # (the platform's frame, if any)
        assert window.height() >= available.height() - 4


def test_a_maximized_window_stays_maximized_when_the_language_changes(window, fabrique_app) -> None:
    window.showMaximized()
    fabrique_app.set_language("en")
    try:
        assert fabrique_app.window.isMaximized()
    finally:
        fabrique_app.set_language("fr")


def test_qt_file_dialog_labels_are_in_french(fabrique_app) -> None:
    """« Look in: » and « Files of type: » were in English in Fabrique's own file dialogs."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    fabrique_app.set_language("fr")
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert "&Voir dans :" in labels
    assert "Fichiers de &type :" in labels
    dialog.deleteLater()
