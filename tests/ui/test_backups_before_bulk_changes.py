"""The app backs the data up before each bulk change it makes from its menus — a note-taker's
copy imported, a template imported, the phones' room opened (issue 22: the command line did,
the window did not) — and such a backup never thins the others."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from db.backups import label_of, list_backups
from db.sync_store import SyncJournal
from fabrique_desktop import sync, template_exchange
from fabrique_desktop.bundle import to_json
from fabrique_desktop.model import Series
from tests.ui.dialogs import answering_dialogs


def _labels(data_dir) -> list[str]:  # type: ignore[no-untyped-def]
    return [label_of(path) for path in list_backups(data_dir.backups)]


def test_importing_notes_backs_up_first(qtbot, window, store, data_dir, tmp_path: Path) -> None:
    copy = tmp_path / "notes.json"
    copy.write_text(
        to_json(sync.handout_bundle(store, SyncJournal(store), window.session)), encoding="utf-8"
    )
    window.build_feature_menus()
    before = _labels(data_dir)

    assert window.notes_menu.import_path(copy)
    window.notes_menu.dialog.close()  # the import's summary

    assert _labels(data_dir).count("avant-import") == before.count("avant-import") + 1


def test_importing_a_template_backs_up_first(qtbot, window, store, data_dir, tmp_path) -> None:
    series = store.get(Series, window.session.series_id)
    assert series is not None
    source = tmp_path / "modele.json"
    data = template_exchange.export_template(store, series, data_dir.media)
    source.write_bytes(template_exchange.to_json(data).encode("utf-8"))
    window.build_feature_menus()

    with answering_dialogs(tmp_path / "dialogs"):  # « Série créée » is answered as a user would
        window.method_menu.import_template_from(source)
    assert window.successor is not None  # the new series' first atelier replaced the window
    summary = window.successor.method_menu.dialog
    assert isinstance(summary, QMessageBox)
    summary.close()  # « Série créée », over the new window

    assert "avant-import-modele" in _labels(data_dir)


def test_opening_the_phones_room_backs_up_first(qtbot, window, data_dir) -> None:
    window.build_feature_menus()
    room = window.phone_menu.ensure()
    try:
        assert room.open("127.0.0.1", 0)
        assert "salle-telephones" in _labels(data_dir)
    finally:
        room.close()
