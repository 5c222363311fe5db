"""Fichier › Remettre une sauvegarde en place…: the dialog shows each backup's date, why it
was taken, its ateliers and counts; choosing one puts it back and shows the atelier again."""

from __future__ import annotations

from db.backups import Backups, list_backups
from fabrique_desktop import board
from fabrique_desktop.model import Card


def test_restore_from_the_file_menu(
    qtbot, window, fabrique_app, store, session, data_dir, tmp_path
):
    store.apply(board.capture(store, session.id, "Dans la sauvegarde"))
    Backups(store, data_dir.backups).take("avant-import")
    store.apply(board.capture(store, session.id, "Écrite après"))
    assert window.restore_action in window.file_menu.actions()
    window.restore_action.trigger()
    dialog = fabrique_app.restore_dialog
    qtbot.wait_exposed(dialog)
    first = dialog.backups.item(0).text()
    assert "avant un import" in first
    assert "5 ateliers · " in first  # was « 5 atelier(s) »
    assert " idées, aucun vote, 8 personas" in first  # was « 0 votes »
    assert "n° 1 · " in dialog.details.text()
    dialog.grab().save("/tmp/h22/restore.png")
    before = len(list_backups(data_dir.backups))
    dialog.restore_button.click()
    texts = sorted(c.text for c in store.find(Card, session_id=session.id))
    assert texts == ["Dans la sauvegarde"]
    assert len(list_backups(data_dir.backups)) == before + 1  # the state before, kept
    shown = fabrique_app.window
    assert shown is not window
    assert shown.session.id == session.id
    assert "remise en place" in shown.statusBar().currentMessage()
