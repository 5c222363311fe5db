import logging
import sys

from PySide6.QtWidgets import QMessageBox

from fabrique_desktop.errors import StorageError
from fabrique_desktop.logs import setup_logging
from ui.app import install_error_handler


def test_unhandled_error_is_logged_and_shown_calmly(qapp, data_dir, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box.text()))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    setup_logging(data_dir.log_file)
    install_error_handler(data_dir)
    try:
        raise ZeroDivisionError("division by zero in a slot")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    assert "Rien n'a été perdu" in shown[0]
    assert str(data_dir.log_file) in shown[0]
    assert "Traceback" not in shown[0]
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "ZeroDivisionError" in data_dir.log_file.read_text(encoding="utf-8")


def test_known_errors_show_their_own_french_message(qapp, data_dir, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box.text()))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_error_handler(data_dir)
    error = StorageError("Le disque est plein : impossible d'enregistrer.")
    sys.excepthook(StorageError, error, None)
    assert shown == ["Le disque est plein : impossible d'enregistrer."]


def test_an_error_that_repeats_shows_one_message_at_a_time(qapp, data_dir, monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_error_handler(data_dir)
    for _ in range(3):  # e.g. a paint that fails every time the board is drawn
        try:
            raise ZeroDivisionError("again")
        except ZeroDivisionError:
            sys.excepthook(*sys.exc_info())
    boxes = [w for w in qapp.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1  # shown without blocking: the app goes on
    boxes[0].accept()
    try:
        raise ZeroDivisionError("later")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    boxes = [w for w in qapp.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1  # the next error, once the message was read, is shown again
    boxes[0].accept()


def test_a_programming_error_in_a_write_is_shown_as_internal_and_logged(
    qapp, window, store, data_dir, monkeypatch
) -> None:
    """A bug (here a foreign key violated inside the store's transaction) is not dressed up
    as a disk problem: « Erreur interne », the log's path, and the traceback in the log."""
    import sqlite3

    import pytest

    from fabrique_desktop import changes
    from fabrique_desktop.changes import Change
    from fabrique_desktop.model import Card

    shown = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box.text()))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    setup_logging(data_dir.log_file)
    install_error_handler(data_dir)
    orphan = Card(session_id="no-such-session", text="x", column="inbox", position=1.0)
    steps = window.bus.history.count()
    with pytest.raises(sqlite3.IntegrityError) as raised:
        window.bus.push(Change("Un bogue", (changes.create(orphan),)))
    assert window.bus.history.count() == steps  # never became an undo step
    sys.excepthook(raised.type, raised.value, raised.tb)
    assert shown[0].startswith("Erreur interne")
    assert str(data_dir.log_file) in shown[0]
    assert "disque" not in shown[0]
    for handler in logging.getLogger().handlers:
        handler.flush()
    log = data_dir.log_file.read_text(encoding="utf-8")
    assert "Traceback" in log
    assert "sqlite3.IntegrityError: FOREIGN KEY constraint failed" in log
    assert "db/store.py" in log  # where it happened


def test_a_disk_refusal_that_reached_the_handler_is_named_not_internal(
    qapp, data_dir, monkeypatch
) -> None:
    import errno

    shown = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box.text()))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_error_handler(data_dir)
    error = OSError(errno.ENOSPC, "No space left on device", "/media/clé/photo.jpg")
    sys.excepthook(OSError, error, None)
    assert shown == ["Impossible d'accéder à « /media/clé/photo.jpg » : le disque est plein."]
