"""« Aide › À propos de Fabrique »: version, licence, fonts and libraries, data and log folders."""

from __future__ import annotations

from fabrique_desktop import __version__
from ui.about_dialog import AboutDialog


def test_help_menu_ends_the_menu_bar_and_opens_about(window, monkeypatch) -> None:
    window.build_feature_menus()
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    assert menus[-1] is window.help_menu
    assert window.about_action in window.help_menu.actions()
    assert window.help_action in window.help_menu.actions()  # F1, the shortcuts sheet
    shown = []
    monkeypatch.setattr(AboutDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    window.about_action.trigger()
    assert shown
    assert str(shown[0].data_dir.root) in shown[0].heading()


def test_about_tells_version_licences_and_folders(qtbot, fabrique_app, data_dir, tmp_path) -> None:
    dialog = AboutDialog(data_dir)
    qtbot.addWidget(dialog)
    heading = dialog.heading()
    assert f"Fabrique {__version__}" in heading
    assert "Licence : MIT" in heading
    assert str(data_dir.root) in heading
    assert str(data_dir.log_file) in heading
    text = dialog.details.toPlainText()
    for shipped in ("DejaVu Sans", "Noto Sans", "SIL Open Font License 1.1", "Qt (PySide6)",
                    "LGPL-3.0-only", "reportlab", "pycrdt", "cryptography", "uharfbuzz",
                    "Python"):  # fmt: skip
        assert shipped in text, shipped
    assert "pytest" not in text  # test tools are not shipped
    dialog.resize(760, 620)
    dialog.show()
    qtbot.wait_exposed(dialog)
    dialog.grab().save(str(tmp_path / "about.png"))


def test_a_copy_given_at_start_opens_its_atelier_with_the_summary(
    qtbot, window, fabrique_app, tmp_path
) -> None:
    """`fabrique copie.fabrique` (a double-click): another laptop's atelier is imported, shown
    in the window, and the summary box is on that window (not on the one it replaced)."""
    from PySide6.QtWidgets import QMessageBox

    from tests.core.sync_helpers import Laptop

    other, session = Laptop.facilitator(tmp_path / "other" / "fabrique.db")
    copy = tmp_path / "copie.json"
    copy.write_text(other.handout(session.id), encoding="utf-8")
    fabrique_app.import_file(copy)
    backups = fabrique_app.backups.list()
    assert any(b.stem.endswith("-avant-import") for b in backups)  # the state before, kept
    shown = fabrique_app.window
    qtbot.addWidget(shown)
    assert shown is not window
    assert shown.session.id == session.id
    box = shown.notes_menu.dialog
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    assert "Notes importées" in box.text()
    box.close()
    qtbot.waitUntil(lambda: not window.isVisible())
