"""File → Export and File → Import ideas, on the demo atelier."""

from __future__ import annotations

import pytest

from fabrique_desktop.board import session_cards


@pytest.fixture
def demo_window(qtbot, fabrique_app, demo_session):
    window = fabrique_app.open_session(demo_session.id)
    qtbot.addWidget(window)
    window.show()
    qtbot.wait_exposed(window)
    return window


def test_file_menu_has_the_exchange_entries(demo_window) -> None:
    texts = [a.text() for a in demo_window.file_menu.actions()]
    assert "Exporter…" in texts
    assert "Exporter la synthèse de la série…" in texts
    assert "Importer des idées (CSV)…" in texts
    assert texts[-1] == "Quitter"


@pytest.mark.parametrize(
    ("key", "name", "magic"),
    [
        ("pdf", "rapport.pdf", b"%PDF"),
        ("series", "synthese.pdf", b"%PDF"),
        ("png", "tableau.png", b"\x89PNG"),
        ("csv", "idees.csv", b"\xef\xbb\xbftexte;colonne"),
        ("md", "rapport.md", b"# Atelier 3"),
        ("decidim", "decidim.csv", b"title/fr"),
        ("json", "atelier.json", b"{"),
    ],
)
def test_export_each_format_with_progress_and_open_button(
    qtbot, demo_window, tmp_path, key, name, magic
) -> None:
    menu = demo_window.exchange_menu
    menu.export(key)
    dialog = menu.dialog
    qtbot.addWidget(dialog)
    assert dialog.current_format.key == key
    target = tmp_path / name
    with qtbot.wait_signal(dialog.exported, timeout=30000):
        dialog.export_to(target)
    assert target.read_bytes().startswith(magic)
    assert dialog.open_button.isVisible()
    assert str(target) in dialog.status.text()
    dialog.reject()


def test_export_failure_is_a_french_message(qtbot, demo_window, tmp_path) -> None:
    menu = demo_window.exchange_menu
    menu.export("pdf")
    dialog = menu.dialog
    qtbot.addWidget(dialog)
    with qtbot.wait_signal(dialog.export_failed, timeout=30000) as blocker:
        dialog.export_to(tmp_path / "absent" / "rapport.pdf")
    assert "n'existe pas" in blocker.args[0]
    assert not dialog.open_button.isVisible()
    dialog.reject()


def test_import_cards_dialog_previews_imports_and_undoes(
    qtbot, demo_window, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    store, session = demo_window.store, demo_window.session
    before = len(session_cards(store, session.id))
    bad = tmp_path / "mauvais.csv"
    bad.write_text("texte;colonne\nA;mieux\nB;Vivre Plus\n", encoding="utf-8")
    good = tmp_path / "bon.csv"
    good.write_bytes("texte;colonne\n« Cœur » de ville;monde\nSans colonne;\n".encode("cp1252"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    demo_window.exchange_menu.import_cards()
    dialog = demo_window.exchange_menu.dialog
    qtbot.addWidget(dialog)
    assert "Ligne 3" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.load(good)
    assert "2 idées" in dialog.summary.text()
    with qtbot.wait_signal(dialog.imported):
        dialog.import_button.click()
    assert len(session_cards(store, session.id)) == before + 2
    assert "« Cœur » de ville" in {i.card.text for i in demo_window.scene.items_by_id.values()}
    demo_window.bus.undo()
    assert len(session_cards(store, session.id)) == before


def test_import_cards_dialog_does_not_add_a_joint_csvs_cards_twice(
    qtbot, demo_window, tmp_path
) -> None:
    """A CSV with the cards' ``id`` (a joint atelier's): the cards already on the series'
    walls are said and not added; only the new line is."""
    from ui.import_cards_dialog import ImportCardsDialog

    store, session = demo_window.store, demo_window.session
    cards = session_cards(store, session.id)
    known = tmp_path / "commun.csv"
    known.write_text(
        "texte;id\n" + "".join(f"{c.text};{c.id}\n" for c in cards[:2]), encoding="utf-8"
    )
    dialog = ImportCardsDialog(demo_window.controller, demo_window.controller.template, demo_window)
    qtbot.addWidget(dialog)
    assert not dialog.load(known)
    assert dialog.summary.text() == "Aucune idée à ajouter : 2 déjà présentes, non ajoutées."
    assert not dialog.import_button.isEnabled()
    with known.open("a", encoding="utf-8") as out:
        out.write("Une idée nouvelle;\n")
    assert dialog.load(known)
    assert "1 déjà présente" not in dialog.summary.text()
    assert dialog.summary.text().endswith(" ; 2 déjà présentes, non ajoutées.")
    with qtbot.wait_signal(dialog.imported):
        dialog.import_button.click()
    assert len(session_cards(store, session.id)) == len(cards) + 1


def test_a_large_board_image_names_its_other_pages(qtbot, demo_window, store, tmp_path) -> None:
    from fabrique_desktop import changes
    from fabrique_desktop.changes import Change
    from fabrique_desktop.model import Card

    session = demo_window.session
    cards = [
        Card(session_id=session.id, text=f"Piste {n} " * 15, column="monde", position=1e6 + n)
        for n in range(60)
    ]
    store.apply(Change("test", tuple(changes.create(c) for c in cards)))
    menu = demo_window.exchange_menu
    menu.export("png")
    dialog = menu.dialog
    qtbot.addWidget(dialog)
    with qtbot.wait_signal(dialog.exported, timeout=30000):
        dialog.export_to(tmp_path / "tableau.png")
    assert (tmp_path / "tableau-2.png").read_bytes().startswith(b"\x89PNG")
    assert "tableau-2.png" in dialog.status.text()
    dialog.reject()


@pytest.mark.parametrize(
    ("key", "name", "start"),
    [
        ("csv", "ideas.csv", b"\xef\xbb\xbftext;column"),
        ("md", "report.md", b"# Atelier 3"),
        ("pdf", "report.pdf", b"%PDF"),
    ],
)
def test_exports_from_the_app_speak_the_interfaces_language(
    qtbot, demo_window, tmp_path, key, name, start
) -> None:
    """The settings' language is the documents' (#27), as the CLI's default: with the
    interface in English, « Exporter… » writes an English CSV header, Markdown, PDF."""
    demo_window.settings.set("language", "en")
    menu = demo_window.exchange_menu
    menu.export(key)
    dialog = menu.dialog
    qtbot.addWidget(dialog)
    target = tmp_path / name
    with qtbot.wait_signal(dialog.exported, timeout=30000):
        dialog.export_to(target)
    data = target.read_bytes()
    assert data.startswith(start)
    if key == "md":
        assert "## Key figures" in data.decode("utf-8")
    if key == "pdf":
        from tests.exports.pdf_text import pdftotext

        text = pdftotext(data)
        assert "Key figures" in text
        assert "Chiffres clés" not in text
    dialog.reject()


def test_a_copy_exported_writes_the_documents_catching_up_through_the_bus(
    qtbot, demo_window, tmp_path
) -> None:
    """« Atelier complet » brings the session's merge document up to date before the copy is
    made: that write is the window bus's (on its thread), not the export thread's own."""
    written = []
    bus = demo_window.bus
    original = bus.write

    def spy(change, origin):  # type: ignore[no-untyped-def]
        written.append(change)
        original(change, origin)

    bus.write = spy  # type: ignore[method-assign]
    menu = demo_window.exchange_menu
    menu.export("json")
    dialog = menu.dialog
    qtbot.addWidget(dialog)
    with qtbot.wait_signal(dialog.exported, timeout=30000):
        dialog.export_to(tmp_path / "atelier.json")
    assert written  # the demo's rows, never mirrored yet, reach its document
    assert all(change.journal is not None and not change.edits for change in written)
    dialog.reject()


def test_a_name_typed_without_its_extension_asks_before_replacing_that_file(
    qtbot, demo_window, tmp_path, monkeypatch
) -> None:
    """« rapport » typed in « Enregistrer sous »: the dialog asked about « rapport », the export
    would write « rapport.md », which exists: asked, and kept when the answer is no."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    mine = tmp_path / "rapport.md"
    mine.write_text("mes notes à moi\n", encoding="utf-8")
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(tmp_path / "rapport"), "")),
    )
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda _p, _t, text, *a: asked.append(text) or answer[0]),
    )
    menu = demo_window.exchange_menu
    menu.export("md")
    dialog = menu.dialog
    qtbot.addWidget(dialog)
    dialog.choose_file()
    assert asked == [f"« rapport.md » existe déjà dans « {tmp_path} ». Le remplacer ?"]
    assert mine.read_text(encoding="utf-8") == "mes notes à moi\n"
    assert dialog.worker is None or not dialog.worker.isRunning()
    answer[0] = QMessageBox.StandardButton.Yes
    with qtbot.wait_signal(dialog.exported, timeout=30000):
        dialog.choose_file()
    assert mine.read_text(encoding="utf-8").startswith("# ")
    dialog.reject()


def test_atelier_4s_decidim_file_says_where_its_joint_pistes_are(
    qtbot, fabrique_app, store, demo, tmp_path
) -> None:
    """Atelier 4's Decidim file leaves out the pistes of ateliers 3 et 4 held on atelier 3's
    wall (each piste is one proposal, in that file): the dialog said only « Exporté », over a
    file with a header alone. It now says where they are, in the interface's language."""
    from fabrique_desktop.workspace import list_sessions

    fourth = next(s for s in list_sessions(store, demo.id) if s.number == 4)
    window = fabrique_app.open_session(fourth.id)
    qtbot.addWidget(window)
    window.show()
    qtbot.wait_exposed(window)
    for language, said in (
        ("fr", "Les 50 pistes des ateliers 3 et 4 qui sont sur le mur de l’atelier 3"),
        ("en", "The 50 project ideas of workshops 3 and 4 on the wall of workshop 3"),
    ):
        window.exchange_menu.export("decidim")
        dialog = window.exchange_menu.dialog
        qtbot.addWidget(dialog)
        dialog.language = language
        target = tmp_path / f"decidim-{language}.csv"
        with qtbot.wait_signal(dialog.exported, timeout=30000):
            dialog.export_to(target)
        assert len(target.read_text(encoding="utf-8").splitlines()) == 1  # the header
        assert said in dialog.status.text()
        dialog.reject()
