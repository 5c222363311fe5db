"""Every French UI string has its English translation, and the compiled .qm is up to date."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "fabrique_en.ts"


def test_every_ui_string_is_translated_to_english(tmp_path) -> None:
    copy = tmp_path / "fabrique_en.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [lupdate, *sources, "-no-obsolete", "-locations", "none", "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    untranslated = [
        m.findtext("source")
        for m in ET.parse(copy).iter("message")
        if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")
    ]
    assert not untranslated, (
        "untranslated UI strings: run resources/translations/update.py and translate: "
        f"{untranslated}"
    )


def test_compiled_translation_matches_its_source(tmp_path) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == TS.with_suffix(".qm").read_bytes(), (
        "fabrique_en.qm is stale: run resources/translations/update.py"
    )


def test_every_translation_context_is_one_qt_looks_up() -> None:
    """Qt looks a self.tr() string up under its object's class name. A string written as
    ``parent.tr(…)`` or ``widget.tr(…)`` in a module function was filed by lupdate under
    « parent », « window », « widget »: never looked up, French in the English app (the
    phones' vote line, « Partage impossible », the projector's screen question). Each context
    is a class of ui/ or a context named in a QCoreApplication.translate call."""
    import re

    text = "\n".join(p.read_text() for p in (ROOT / "ui").rglob("*.py"))
    classes = set(re.findall(r"^\s*class (\w+)", text, re.M))
    named = set(re.findall(r"\bQ(?:Core)?Application\.translate\(\s*\"(\w+)\"", text))
    contexts = {c.findtext("name") for c in ET.parse(TS).iter("context")}
    assert sorted(contexts - classes - named) == []


def test_the_english_board_says_undo_and_its_badges_in_english(
    qtbot, fabrique_app, store, session
) -> None:
    """In English, Édition › Annuler is « Undo » (it was the dialogs' « Cancel »), and a
    card's badges « Futur engagé » and « Fusion de 2 idées » (drawn by a graphics item,
    outside self.tr: French on the English wall) are « Committed future » and « 2 ideas
    merged »."""
    from tests.ui.test_fused_card import fused_on_the_board

    fabrique_app.open_session(session.id)
    fabrique_app.set_language("en")
    try:
        window = fabrique_app.window
        assert window.undo_action.text() == "Undo"
        fused, _ids = fused_on_the_board(window, store, session)
        assert window.undo_action.text().startswith("Undo ")
        assert "2 ideas merged" in window.scene.items_by_id[fused.id].badge_text()
        futur = window.board_actions.capture_line("Ligne 3 !futur")
        assert window.scene.items_by_id[futur].badge_text().startswith("Committed future")
    finally:
        fabrique_app.set_language("fr")


def test_every_label_the_core_gives_a_change_is_translated() -> None:
    """The history menu says a step by its change's label, which the core writes in French
    (« Ajouter une idée »): the English app read « Undo Ajouter une idée ». Each literal label
    of the core is listed in ui/change_labels.py, so that it has its English."""
    import ast

    from ui.change_labels import LABELS

    written = set()
    for path in (ROOT / "fabrique_desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "Change"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and node.args[0].value
            ):
                written.add(node.args[0].value)
    assert sorted(written - set(LABELS)) == []


def test_the_english_history_says_its_steps_in_english(qtbot, fabrique_app, session) -> None:
    fabrique_app.open_session(session.id)
    fabrique_app.set_language("en")
    try:
        window = fabrique_app.window
        window.board_actions.capture_line("Un banc à l'ombre")
        assert window.undo_action.text() == "Undo Add an idea"
        window.undo_action.trigger()
        assert window.redo_action.text() == "Redo Add an idea"
    finally:
        fabrique_app.set_language("fr")
    window = fabrique_app.window
    window.board_actions.capture_line("Un banc au soleil")
    assert window.undo_action.text() == "Annuler Ajouter une idée"


def test_the_english_restore_about_and_method_show_say_english(
    qtbot, fabrique_app, store, demo, data_dir
) -> None:
    """Three lines the app took from French-only code (the CLI's wording): each backup's line
    in File › Restore (« (ouverture d'un atelier) · 5 ateliers · 106 idées, aucun vote »),
    About's « installation depuis les sources » and the method slide show's window title
    « Fabrique — Méthode »."""
    from db.backups import Backups
    from fabrique_desktop.workspace import series_template
    from ui.about_dialog import AboutDialog
    from ui.method_slides import MethodPresenter, build_slides
    from ui.restore_dialog import RestoreDialog

    Backups(store, data_dir.backups).take("ouverture")
    fabrique_app.set_language("en")
    try:
        restore = RestoreDialog(data_dir.backups)
        qtbot.addWidget(restore)
        line = restore.backups.item(0).text()
        assert "(opening a workshop) · 5 workshops · " in line, line
        assert "ideas, no votes, 8 personas" in line, line
        assert "; n° 2 · " in restore.details.text()  # was « ; » (French spacing)
        assert " ; " not in restore.details.text()
        about = AboutDialog(data_dir)
        qtbot.addWidget(about)
        assert "installed from source" in about.heading()
        show = MethodPresenter(build_slides(series_template(demo)))
        qtbot.addWidget(show)
        assert show.windowTitle() == "Fabrique — Method"
    finally:
        fabrique_app.set_language("fr")


def test_every_tr_literal_reaches_the_translation_file() -> None:
    """lupdate does not read a tr() written inside an f-string (« f"<h2>{self.tr('Raccourcis')}
    </h2>" »): the F1 sheet's headings and About's « Polices livrées » stayed French in the
    English app. Every literal passed to tr() in ui/ is a source of the .ts."""
    import re

    sources = {m.findtext("source") for m in ET.parse(TS).iter("message")}
    literal = re.compile(r"""\btr\(\s*(?:'([^'\\]*)'|"([^"\\]*)")\s*[,)]""")
    missing = [
        f"{path.name}: {m.group(1) if m.group(1) is not None else m.group(2)}"
        for path in sorted((ROOT / "ui").rglob("*.py"))
        for m in literal.finditer(path.read_text())
        if (m.group(1) if m.group(1) is not None else m.group(2)) not in sources
    ]
    assert missing == []


def test_the_english_room_screens_word_their_counts_in_english(
    qtbot, fabrique_app, store, demo, demo_session
) -> None:
    """The engagements screen's summary said « Vivre Mieux : 0/3 » (French spacing, built in an
    f-string) and the ranking's count « Show the 10 first »: « Vivre Mieux: 0/3 », « Show the
    top 10 ideas »."""
    from fabrique_desktop.workspace import session_template
    from ui.engagements_view import EngagementsView
    from ui.ranking_view import RankingView

    template = session_template(demo, demo_session)
    fabrique_app.set_language("en")
    try:
        engagements = EngagementsView(store, demo_session.id, template)
        qtbot.addWidget(engagements)
        engagements.refresh()
        summary = engagements.summary.text()
        assert "Vivre\u00a0Mieux:\u00a00/3" in summary, summary
        assert " : " not in summary.replace("\u00a0", " ")
        ranking = RankingView(store, demo_session.id, template)
        qtbot.addWidget(ranking)
        assert ranking.top.text() == f"Show the top {ranking.top.value()} ideas"
    finally:
        fabrique_app.set_language("fr")


def test_the_english_shortcut_sheet_has_no_french_left(qtbot, fabrique_app, session) -> None:
    """F1 in English: its headings were « Raccourcis » and « Marqueurs dans la saisie », its
    theme marker « #mobilité » (next to an example line in English)."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QTextEdit

    from ui.shortcuts_dialog import ShortcutsDialog

    fabrique_app.open_session(session.id)
    fabrique_app.set_language("en")
    try:
        window = fabrique_app.window
        sheet = ShortcutsDialog(window.findChildren(QAction), window)
        qtbot.addWidget(sheet)
        text = "\n".join(t.toPlainText() for t in sheet.findChildren(QTextEdit))
        assert "Shortcuts" in text
        assert "Markers when typing" in text
        for french in ("Raccourcis", "Marqueurs", "#mobilité", "idée"):
            assert french not in text, french
    finally:
        fabrique_app.set_language("fr")


def test_the_core_s_labels_with_a_count_or_a_name_are_translated(fabrique_app) -> None:
    """« Undo Fusionner 3 idées » in English: a label the core builds with a blank is
    recognised by its pattern and worded from its translated template."""
    from ui.change_labels import said

    fabrique_app.set_language("en")
    try:
        assert said("Fusionner 3 idées") == "Merge 3 ideas"
        assert said("Importer 1 idée") == "Import 1 idea"
        assert said("Commencer « Tour de table »") == "Start “Tour de table”"
        assert said("Un titre libre") == "Un titre libre"
    finally:
        fabrique_app.set_language("fr")
    assert said("Fusionner 3 idées") == "Fusionner 3 idées"
