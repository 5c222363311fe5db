"""Data that cannot be written (here a read-only mount) still opens: the board is read,
presented and exported, the window says why nothing can change, and a typed idea stays in
the field with the reason instead of being lost."""

from __future__ import annotations

import shutil
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from db.backups import Backups
from db.store import Store
from fabrique_desktop.model import Card
from fabrique_desktop.report import gather_session
from tests.disk import ReadOnlyFolder
from tests.ui.conftest import type_text
from ui import telling_box
from ui.app import FabriqueApp


def test_read_only_data_opens_to_read_and_export(
    qtbot, qapp, store, demo_session, data_dir, read_only_folder: ReadOnlyFolder, monkeypatch
) -> None:
    store.close()
    shutil.copyfile(data_dir.database, read_only_folder.source / "fabrique.db")
    read_only = Store.open(read_only_folder.root / "fabrique.db")
    assert read_only.read_only
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(telling_box, "tell", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the app installs its own
    app = FabriqueApp(qapp, read_only, data_dir, Backups(read_only, data_dir.backups))
    window = app.open_session(demo_session.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.wait_exposed(window)
    assert len(window.scene.items_by_id) == 87
    notice = window.findChild(QLabel, "read_only_notice")
    assert notice is not None
    assert notice.isVisible()
    assert "lecture seule" in notice.text()
    assert "lecture seule" in window.windowTitle()

    type_text(window.capture.field, "Idée à garder")
    qtbot.keyClick(window.capture.field, Qt.Key.Key_Return)
    assert window.capture.field.text() == "Idée à garder"  # kept, not lost
    assert len(shown) == 1
    assert "lecture seule" in shown[0]
    assert window.bus.history.count() == 0
    assert read_only.count(Card, session_id=demo_session.id) == 87

    from ui.live_share import share_window  # it shared, and refused every laptop's ideas

    assert share_window(window, host="127.0.0.1", port=0, discovery_port=None) is None
    assert "Le partage en direct est impossible" in shown[-1]
    assert "lecture seule" in shown[-1]

    from exports.session_report import write_session_pdf

    target = data_dir.root / "rapport.pdf"
    write_session_pdf(gather_session(read_only, demo_session, media_dir=data_dir.media), target)
    assert target.stat().st_size > 10_000
    window.close()
    qtbot.wait(20)  # what the app deferred (backup, groups) runs while its store is open
    read_only.close()
