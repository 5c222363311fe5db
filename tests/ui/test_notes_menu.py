"""Fichier › note-takers' copies, import of notes, conflicts to settle."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fabrique_desktop import board
from fabrique_desktop.model import Card, Series
from fabrique_desktop.tables import add_tables, session_tables
from tests.core.sync_helpers import Laptop
from tests.ui.conftest import type_text


def _labels(window) -> list[str]:
    return [a.text() for a in window.file_menu.actions()]


def test_the_file_menu_offers_copies_imports_and_conflicts(window) -> None:
    labels = _labels(window)
    assert "Préparer une copie pour un preneur de notes…" in labels
    assert "Importer des notes…" in labels
    assert "Conflits à trancher…" in labels
    assert window.notes_menu.import_action.shortcut().toString() == "Ctrl+I"


def test_a_note_takers_copy_comes_back_with_new_ideas_and_a_conflict(
    qtbot, window, store, session, tmp_path
) -> None:
    store.apply(board.capture(store, session.id, "une idée de départ"))
    window.notes_menu.refresh()
    target = tmp_path / "copie.fabrique"
    assert window.notes_menu.write_copy(target, None, photos=True)
    # the note-taker's laptop
    laptop = Laptop(tmp_path / "preneur" / "fabrique.db")
    from fabrique_desktop import sync

    sync.import_file(laptop.store, laptop.journal, target, tmp_path / "preneur" / "media")
    laptop.store.apply(board.capture(laptop.store, session.id, "Nadïa : « un jardin partagé »"))
    start = laptop.live_cards(session.id)
    first = next(c for c in start if c.text == "une idée de départ")
    laptop.store.apply(board.edit(first, text="version du preneur"))
    back = tmp_path / "retour.json"
    back.write_text(laptop.handout(session.id), encoding="utf-8")
    # meanwhile the facilitator edits the same idea
    here = store.get(Card, first.id)
    store.apply(board.edit(here, text="version de l'animatrice"))

    assert window.notes_menu.import_path(back)
    summary = window.notes_menu.last_summary
    assert (summary.new, summary.conflicts) == (1, 1)
    box = window.notes_menu.dialog
    assert isinstance(box, QMessageBox)
    assert "1 nouvelle, " in box.text()  # it read « 1 nouvelle(s), 0 mise(s) à jour »
    assert " mise à jour, 1 conflit." in box.text()
    texts = {item.card.text for item in window.scene.items_by_id.values()}
    assert "Nadïa : « un jardin partagé »" in texts
    assert window.bus.history.count() == 1  # the import is one undo step
    box.done(0)  # closing the summary opens the conflicts
    dialog = window.notes_menu.dialog
    qtbot.wait_until(lambda: dialog.isVisible())
    assert dialog.list.count() == 1
    assert dialog.heading.text().startswith("1 conflit : la même idée")  # was « 1 conflit(s) »
    versions = [b.text() for b in dialog.version_buttons]
    assert any("version du preneur" in v for v in versions)
    assert any("version de l'animatrice" in v for v in versions)
    dialog.grab().save(str(tmp_path / "conflicts.png"))
    kept = store.get(Card, first.id).text
    assert kept in versions[0]  # the version every laptop shows comes first
    assert "(affichée partout)" in versions[0]
    qtbot.mouseClick(dialog.version_buttons[1], Qt.MouseButton.LeftButton)
    assert store.get(Card, first.id).text != kept
    assert dialog.list.count() == 0
    texts = {item.card.text for item in window.scene.items_by_id.values()}
    assert store.get(Card, first.id).text in texts
    dialog.close()


def test_a_refused_copy_says_why_and_changes_nothing(window, store, tmp_path) -> None:
    bad = tmp_path / "faux.json"
    bad.write_bytes(b"\x89PNG pas un atelier")
    before = list(store.conn.iterdump())
    assert not window.notes_menu.import_path(bad)
    assert "n'est pas un atelier Fabrique" in window.notes_menu.dialog.text()
    assert list(store.conn.iterdump()) == before
    window.notes_menu.dialog.close()


def test_a_copy_for_a_table_attributes_the_note_takers_ideas(
    qtbot, fabrique_app, store, session, tmp_path
) -> None:
    store.apply(add_tables(store, session.id, 3))
    table = session_tables(store, session.id)[2]
    copy = tmp_path / "table-3.json"
    copy.write_text(_handout(store, session, table), encoding="utf-8")
    # the note-taker's Fabrique: another data folder, empty
    from db.backups import Backups
    from db.store import Store
    from fabrique_desktop.paths import DataDir
    from fabrique_desktop.workspace import ensure_first_use, list_sessions
    from ui.app import FabriqueApp

    other_dir = DataDir(tmp_path / "preneur")
    other = Store.open(other_dir.database)
    series = ensure_first_use(other)
    app = FabriqueApp(fabrique_app.app, other, other_dir, Backups(other, other_dir.backups))
    window = app.open_session(list_sessions(other, series.id)[0].id)
    qtbot.addWidget(window)
    assert window.notes_menu.import_path(copy)
    # both laptops made their own demo: the facilitator's is told apart from this one's
    kept = f"{series.title} (copie d'un autre ordinateur)"
    assert (
        f"celle de la copie est enregistrée ici sous « {kept} »" in window.notes_menu.dialog.text()
    )
    assert sorted(s.title for s in other.find(Series)) == [series.title, kept]
    window.notes_menu.dialog.close()
    qtbot.wait_until(lambda: app.window is not window)
    opened = app.window
    qtbot.addWidget(opened)
    assert opened.session.id == session.id
    assert opened.board_actions.default_table == 3
    opened.focus_capture()
    type_text(opened.capture.field, "des bancs à l'ombre")
    qtbot.keyClick(opened.capture.field, Qt.Key.Key_Return)
    card = next(
        c for c in other.find(Card, session_id=session.id) if c.text == "des bancs à l'ombre"
    )
    assert card.table_id == table.id
    # the store stays open: the windows' timers may still read it until they are deleted


def _handout(store, session, table) -> str:
    from db.sync_store import SyncJournal
    from fabrique_desktop import bundle, sync

    return bundle.to_json(
        sync.handout_bundle(
            store, SyncJournal(store), session, {"table_id": table.id, "table_number": 3}
        )
    )


def test_the_merge_engine_and_the_crypto_are_not_loaded_at_start_up(tmp_path) -> None:
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from ui.app import make_application\n"
        "from fabrique_desktop.cli import main\n"
        "from PySide6.QtCore import QTimer\n"
        "app = make_application()\n"
        "def check():\n"
        "    loaded = [m for m in sys.modules if m.startswith(('pycrdt', 'cryptography'))]\n"
        "    print('LOADED' if loaded else 'NOT LOADED', flush=True)\n"
        "    app.quit()\n"
        "QTimer.singleShot(0, check)\n"
        f"main(['--data-dir', {str(tmp_path / 'data')!r}])\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert "NOT LOADED" in result.stdout, result.stdout + result.stderr


def test_an_imports_counts_read_as_one_says_them(fabrique_app, window) -> None:
    """« Notes importées dans « … » : 1 nouvelle, aucune mise à jour, 3 conflits. » (it read
    « 1 nouvelle(s), 0 mise(s) à jour, 3 conflit(s) »), and in English."""
    from fabrique_desktop.sync import MergeSummary

    counts = window.notes_menu.counts
    assert counts(MergeSummary(new=1, updated=0, conflicts=3)) == (
        "1 nouvelle",
        "aucune mise à jour",
        "3 conflits",
    )
    assert counts(MergeSummary(new=12, updated=1, conflicts=0)) == (
        "12 nouvelles",
        "1 mise à jour",
        "aucun conflit",
    )
    fabrique_app.translations.use("en")
    try:
        assert counts(MergeSummary(new=0, updated=2, conflicts=1)) == (
            "nothing new",
            "2 updated",
            "1 conflict",
        )
    finally:
        fabrique_app.translations.use("fr")
