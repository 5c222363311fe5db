"""Bad files through the app's own import paths (« Importer des notes… », « Importer des
idées (CSV)… »): each said in French in the window, nothing written, an idea typed before
still there. The command line's refusals are in tests/cli."""

from __future__ import annotations

import json
import zipfile

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fabrique_desktop.model import Card
from tests.ui.conftest import type_text


def _type_idea(qtbot, window, text: str) -> None:
    type_text(window.capture.field, text)
    qtbot.keyClick(window.capture.field, Qt.Key.Key_Return)


def _cards(store, session) -> list[str]:
    return sorted(c.text for c in store.find(Card, session_id=session.id) if not c.deleted)


def test_bad_copies_through_importer_des_notes_are_refused_in_french(
    qtbot, window, store, session, tmp_path
) -> None:
    _type_idea(qtbot, window, "Œdipe : « une idée tapée avant »")
    assert "Œdipe : « une idée tapée avant »" in _cards(store, session)
    folder = tmp_path / "dossier é œ « q' »"
    folder.mkdir()
    good = folder / "copie d'atelier é œ.fabrique"
    assert window.notes_menu.write_copy(good, None, photos=True)
    (folder / "vide.fabrique").write_bytes(b"")
    (folder / "coupée.fabrique").write_bytes(good.read_bytes()[:300])
    (folder / "photo.fabrique").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(2000))
    with zipfile.ZipFile(good) as z:
        document = json.loads(z.read("atelier.json"))
    document["format_version"] += 1
    (folder / "plus récente.json").write_text(json.dumps(document), encoding="utf-8")
    (folder / "latin1.fabrique").write_bytes("Idée d'été".encode("latin-1"))
    expected = {
        "vide.fabrique": "n'est pas un atelier Fabrique",
        "coupée.fabrique": "n'est pas un atelier Fabrique",
        "photo.fabrique": "n'est pas un atelier Fabrique",
        "plus récente.json": "version plus récente de Fabrique",
        "latin1.fabrique": "n'est pas un atelier Fabrique",
    }
    before = list(store.conn.iterdump())
    for name, words in expected.items():
        assert not window.notes_menu.import_path(folder / name), name
        box = window.notes_menu.dialog
        assert isinstance(box, QMessageBox)
        assert words in box.text(), (name, box.text())
        assert "Traceback" not in box.text()
        assert "Error" not in box.text()
        box.close()
    assert not window.notes_menu.import_path(folder)  # a folder where a file is expected
    assert "c'est un dossier, pas un fichier" in window.notes_menu.dialog.text()
    window.notes_menu.dialog.close()
    assert list(store.conn.iterdump()) == before  # nothing written, not even half
    assert window.bus.history.count() == 1  # the typed idea, and nothing else
    # the good copy, from a path of accents, spaces and quotes, merges: nothing new here
    assert window.notes_menu.import_path(good)
    window.notes_menu.dialog.close()
    assert "Œdipe : « une idée tapée avant »" in _cards(store, session)


def test_bad_spreadsheets_through_importer_des_idees_are_refused_in_french(
    qtbot, window, store, session, tmp_path
) -> None:
    from ui.import_cards_dialog import ImportCardsDialog

    _type_idea(qtbot, window, "Zoë : une idée tapée avant")
    controller = window.controller
    dialog = ImportCardsDialog(controller, controller.template, window)
    qtbot.addWidget(dialog)
    folder = tmp_path / "tableurs é œ « q' »"
    folder.mkdir()
    (folder / "vide.csv").write_bytes(b"")
    (folder / "photo.csv").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(2000))
    (folder / "bom latin1.csv").write_bytes(b"\xef\xbb\xbftexte\nId\xe9e d'\xe9t\xe9\n")
    (folder / "énorme.csv").write_bytes(b"texte\n" + b"x" * (11 * 1024 * 1024))
    before = list(store.conn.iterdump())
    for name, words in (
        ("vide.csv", "vide"),
        ("photo.csv", "n'est pas un fichier CSV"),
        ("bom latin1.csv", "CSV UTF-8"),
        ("énorme.csv", "trop gros"),
    ):
        assert not dialog.load(folder / name), name
        assert words in dialog.summary.text(), (name, dialog.summary.text())
        assert not dialog.import_button.isEnabled()
    assert not dialog.load(folder)
    assert "c'est un dossier, pas un fichier" in dialog.summary.text()
    assert list(store.conn.iterdump()) == before
    (folder / "Nguyễn 王芳.csv").write_text(
        "texte;persona\nNguyễn et 王芳 : un tram de nuit;\n", encoding="utf-8"
    )
    assert dialog.load(folder / "Nguyễn 王芳.csv")
    dialog.accept_import()
    assert _cards(store, session) == sorted(
        ["Zoë : une idée tapée avant", "Nguyễn et 王芳 : un tram de nuit"]
    )
