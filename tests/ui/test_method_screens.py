"""Issue 4's screens: persona deck, persona presenter, method slides, tables, template editor,
and the « Méthode » menu. Each renders at 1280×720; set FABRIQUE_SCREENSHOTS=DIR to keep PNGs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pypdf
import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from fabrique_desktop import personas, tables
from fabrique_desktop.model import Participant, Persona, Series, Session, Table
from fabrique_desktop.workspace import list_series, series_template
from tests.ui.conftest import type_text
from ui import telling_box
from ui.change_bus import ChangeBus


def _shot(widget, name: str, tmp_path: Path) -> Path:
    widget.showNormal()  # a full-screen show takes the offscreen screen's size otherwise
    widget.resize(1280, 720)
    folder = Path(os.environ.get("FABRIQUE_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    QApplication.processEvents()
    widget.resize(1280, 720)
    image = widget.grab()
    assert (image.width(), image.height()) == (1280, 720), (
        "the screen must fit a 1280×720 projector"
    )
    assert image.save(str(path))
    return path


@pytest.fixture(autouse=True)
def app_style(qapp):
    """The real application's fonts and stylesheet: screens must fit 1280×720 with them."""
    from ui.app import make_application

    make_application()


@pytest.fixture
def no_modal(monkeypatch):
    """Dialogs show instead of blocking; message boxes are recorded, not shown."""
    shown: list[str] = []
    monkeypatch.setattr(QDialog, "exec", lambda self: (self.show(), 0)[1])
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    monkeypatch.setattr(telling_box, "tell", lambda _p, _t, text, *a: shown.append(text))
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: shown.append(text) or 0)
    )
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, _t, text, *a: shown.append(text) or 0)
    )
    return shown


def test_persona_deck_edits_are_saved_undoable_and_shown(
    qtbot, store, demo, session, data_dir, tmp_path, no_modal
) -> None:
    from ui.persona_deck import PersonaDeck

    deck = PersonaDeck(store, ChangeBus(store), demo, session.id, data_dir.media)
    qtbot.addWidget(deck)
    assert deck.list.count() == 8
    listed = [deck.list.item(i).text() for i in range(8)]
    assert all("(s)" not in text for text in listed)  # counted as one says it
    assert any(text.endswith("· aucune idée") for text in listed)
    deck.list.setCurrentRow(2)
    assert deck.first_name.text() == "Thảo"
    # its ideas here, counted as one says it (it read « 0 idée(s) de Thảo, dont 0 attribuée(s) »)
    assert deck.counts.text() == "Dans cet atelier : aucune idée de Thảo."
    assert deck.ideas_line(1, "Thảo", 0) == (
        "Dans cet atelier : 1 idée de Thảo, dont aucune attribuée directement."
    )
    assert deck.ideas_line(3, "Thảo", 2) == (
        "Dans cet atelier : 3 idées de Thảo, dont 2 attribuées directement."
    )
    deck.first_name.clear()
    type_text(deck.first_name, "Thảo-Nhi")
    deck.age.setText("22")
    assert deck.save()
    thao = store.get(Persona, deck.current_id())
    assert (thao.first_name, thao.age) == ("Thảo-Nhi", 22)
    deck.age.setText("deux")
    assert not deck.save()
    assert "Âge invalide" in no_modal[-1]
    deck.bus.undo()
    assert store.get(Persona, thao.id).first_name == "Thảo"
    deck.new_persona()
    assert deck.list.count() == 9
    deck.retire()
    assert len(personas.deck(store, demo.id)) == 8
    assert "(retiré)" in deck.list.currentItem().text()
    _shot(deck, "persona-deck", tmp_path)


def test_a_photo_is_copied_into_the_media_folder(qtbot, store, demo, data_dir, tmp_path) -> None:
    from PySide6.QtGui import QColor, QImage

    from ui.persona_deck import PersonaDeck

    source = tmp_path / "bernard.png"
    image = QImage(80, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("#33691E"))
    image.save(str(source))
    deck = PersonaDeck(store, ChangeBus(store), demo, None, data_dir.media)
    qtbot.addWidget(deck)
    deck.list.setCurrentRow(0)
    assert deck.set_photo(source)
    bernard = store.get(Persona, deck.current_id())
    assert bernard.portrait.startswith("persona-")
    assert (data_dir.media / bernard.portrait).read_bytes() == source.read_bytes()
    source.unlink()  # the deck does not depend on the original file
    assert not deck.portrait.pixmap().isNull()


def test_a_file_that_is_not_a_photo_or_too_heavy_is_refused_calmly(
    qtbot, store, demo, data_dir, tmp_path, no_modal, monkeypatch
) -> None:
    """A portrait is kept as the booklet's logo is (the same code): before, any file named
    .png was copied whole and the card showed no portrait."""
    from PySide6.QtGui import QImage

    from ui import persona_deck
    from ui.persona_deck import PersonaDeck

    deck = PersonaDeck(store, ChangeBus(store), demo, None, data_dir.media)
    qtbot.addWidget(deck)
    deck.list.setCurrentRow(0)
    text_file = tmp_path / "pas-une-photo.png"
    text_file.write_text("<svg/>", encoding="utf-8")
    assert not deck.set_photo(text_file)
    assert no_modal == ["« pas-une-photo.png » n'est pas une image PNG ou JPEG."]
    heavy = tmp_path / "lourde.png"
    QImage(400, 400, QImage.Format.Format_RGB32).save(str(heavy))
    monkeypatch.setattr(persona_deck, "MAX_PORTRAIT_BYTES", 100)
    assert not deck.set_photo(heavy)
    assert "« lourde.png » dépasse" in no_modal[-1]
    assert store.get(Persona, deck.current_id()).portrait == ""
    assert not data_dir.media.exists() or not any(data_dir.media.iterdir())


def test_persona_presenter_keys(qtbot, store, demo, tmp_path) -> None:
    from ui.persona_presenter import PersonaPresenter

    show = PersonaPresenter(personas.deck(store, demo.id), 0)
    qtbot.addWidget(show)
    _shot(show, "persona-presenter", tmp_path)
    assert show.page.name.text() == "Bernard"
    qtbot.keyClick(show, Qt.Key.Key_Right)
    qtbot.keyClick(show, Qt.Key.Key_PageDown)
    assert show.page.name.text() == "Thảo"
    qtbot.keyClick(show, Qt.Key.Key_PageUp)
    assert show.index == 1
    qtbot.keyClick(show, Qt.Key.Key_End)
    assert show.page.name.text() == "Aïcha"
    qtbot.keyClick(show, Qt.Key.Key_Right)  # stays on the last one
    assert show.index == 7
    name_size = show.page.name.font().pixelSize() or show.page.name.fontInfo().pixelSize()
    assert name_size >= 90  # readable from the back of the room
    with qtbot.wait_signal(show.closed):
        qtbot.keyClick(show, Qt.Key.Key_Escape)


def test_persona_names_and_icons_are_not_cut_on_the_projector(qtbot, store, demo) -> None:
    """« Bernard » at 104 px was wider than the side band and drawn as « 3ernarc »."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QFontMetricsF

    from ui.icons import icon
    from ui.persona_presenter import PersonaCard, portrait_pixmap

    deck = [*personas.deck(store, demo.id), Persona(first_name="Maximilien", icon="fa5s.bicycle")]
    for persona in deck:
        card = PersonaCard(persona, 1.0)
        qtbot.addWidget(card)
        card.resize(1280, 720)
        card.show()
        qtbot.wait_exposed(card)
        label = card.name
        width = QFontMetricsF(label.font()).horizontalAdvance(persona.first_name)
        assert width <= label.contentsRect().width(), persona.first_name
        assert label.font().pixelSize() >= 60, persona.first_name  # still huge
        # the whole glyph is drawn: as wide as the same icon drawn with room to spare
        portrait = _ink_width(portrait_pixmap(persona, None, 260).toImage(), "white")
        glyph = icon(persona.icon or "fa5s.user", color=persona.colour)
        free = _ink_width(glyph.pixmap(QSize(3 * 145, 145)).toImage(), "transparent")
        assert abs(portrait - free) <= 4, (persona.first_name, portrait, free)


def _ink_width(image, background: str) -> int:
    """Width of the drawn (non-background, non-transparent) pixels of ``image``."""
    from PySide6.QtGui import QColor

    blank = QColor(background)
    columns = [
        x
        for x in range(image.width())
        if any(
            (c := image.pixelColor(x, y)).alpha() > 128 and c.rgb() != blank.rgb()
            for y in range(image.height())
        )
    ]
    return columns[-1] - columns[0] + 1 if columns else 0


def test_method_slides_cover_the_whole_method(qtbot, demo, tmp_path) -> None:
    from ui.method_slides import MethodSlides, build_slides

    template = series_template(demo)
    slides = build_slides(template)
    titles = [s.title for s in slides]
    assert sum(s.kicker.startswith("Paradoxe") for s in slides) == 7
    assert {v["title"] for v in template.section("values")} <= set(titles)
    assert {"Vivre Mieux", "Vivre Monde", "Vivre Ensemble", "Art de Vivre"} <= set(titles)
    assert sum(s.section == "Engagements" for s in slides) == 12
    assert sum(s.section == "Inspirations" for s in slides) == 4
    assert any(s.section == "Compétences" for s in slides)
    vivre = next(s for s in slides if s.title == "Vivre Monde")
    assert vivre.colour == template.column("monde").colour
    browser = MethodSlides(template)
    qtbot.addWidget(browser)
    _shot(browser, "method-browser", tmp_path)
    browser.list.setCurrentRow(2)
    show = browser.present()
    qtbot.addWidget(show)
    assert show.index == 2
    _shot(show, "method-slide-paradox", tmp_path)
    qtbot.keyClick(show, Qt.Key.Key_Right)
    assert browser.list.currentRow() == 3
    qtbot.keyClick(show, Qt.Key.Key_Left)
    qtbot.keyClick(show, Qt.Key.Key_Home)
    assert show.index == 0
    qtbot.keyClick(show, Qt.Key.Key_Escape)
    assert not show.isVisible()


def test_tables_dialog_deal_counts_anonymous_and_erase(
    qtbot, store, demo, session, tmp_path, no_modal
) -> None:
    from fabrique_desktop import board
    from ui.tables_dialog import TablesDialog

    dialog = TablesDialog(store, ChangeBus(store), session)
    qtbot.addWidget(dialog)
    assert dialog.anonymous.isChecked()
    dialog.count.setValue(5)
    dialog.add_tables()
    assert dialog.table_grid.rowCount() == 5
    dialog.deal(seed=3)
    made = tables.session_tables(store, session.id)
    assert all(t.persona_ids for t in made)
    store.apply(board.capture(store, session.id, "Une halle", table_id=made[0].id))
    dialog.name.setText("Zoé Ngô")
    dialog.add_participant()
    dialog.reload()
    assert dialog.table_grid.item(0, 3).text() == "1"
    first = store.get(Persona, made[0].persona_ids[0])
    assert f"{first.first_name} 1" in dialog.persona_counts.text()
    _shot(dialog, "tables-dialog", tmp_path)
    dialog.anonymous.setChecked(False)
    assert not store.get(Session, session.id).anonymous
    dialog.people.setCurrentCell(0, 0)
    dialog.erase_participant(confirm=False)
    rows = store.query("select name, deleted_at from participants")
    assert rows[0]["deleted_at"]
    assert rows[0]["name"] == ""
    dialog.bus.undo()  # the erase is not undoable
    assert store.count(Participant, session_id=session.id) == 0
    store.apply(tables.add_tables(store, session.id, 1))
    dialog.reload()
    dialog.table_grid.selectRow(5)
    dialog.remove_table()
    assert store.count(Table, session_id=session.id) == 5


def test_template_editor_saves_columns_and_values(qtbot, store, demo, no_modal, tmp_path) -> None:
    from ui.template_editor import TemplateEditor

    editor = TemplateEditor(store, ChangeBus(store), demo)
    qtbot.addWidget(editor)
    _shot(editor, "template-editor", tmp_path)
    editor.add_column()
    editor.columns.item(5, 0).setText("Économie circulaire")
    editor.columns.item(1, 2).setText("#004d40")
    editor.add_value()
    editor.values.item(5, 0).setText("Sobriété")
    with qtbot.wait_signal(editor.template_changed):
        assert editor.save()
    template = series_template(store.get(Series, demo.id))
    assert [c.title for c in template.columns][-1] == "Économie circulaire"
    assert template.column("mieux").colour == "#004D40"
    assert [v["title"] for v in template.section("values")][-1] == "Sobriété"
    again = TemplateEditor(store, ChangeBus(store), store.get(Series, demo.id))
    qtbot.addWidget(again)
    again.add_column()  # a 7th column is refused before saving
    assert "Au plus 6" in no_modal[-1]
    again.columns.setCurrentCell(0, 0)
    again.remove_column()
    assert "ne peut pas" in no_modal[-1]
    again.columns.item(2, 2).setText("bleu")
    assert not again.save()
    assert "#RRVVBB" in no_modal[-1]


def test_method_menu_actions(qtbot, window, store, session, tmp_path, no_modal) -> None:
    menu = window.method_menu
    titles = [a.text() for a in menu.menu.actions() if a.text()]
    assert "Présenter les personas" in titles
    assert menu.present_personas_action.shortcut().toString() == "F9"
    assert menu.slides_action.shortcut().toString() == "F6"
    menu.present_personas_action.trigger()
    qtbot.addWidget(menu.dialog)
    assert menu.dialog.page.name.text() == "Bernard"
    menu.dialog.close()
    menu.slides_action.trigger()
    qtbot.addWidget(menu.dialog)
    assert menu.dialog.count > 30
    menu.dialog.close()
    for action in (menu.personas_action, menu.tables_action, menu.method_action):
        action.trigger()
        qtbot.addWidget(menu.dialog)
        assert menu.dialog.isVisible()
        menu.dialog.close()
    pdf = tmp_path / "cartes.pdf"
    assert menu.print_deck_to(pdf)
    assert window.statusBar().currentMessage().endswith(" pages).")  # not « page(s) »
    text = "".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages)
    assert "Aïcha" in text
    exported = tmp_path / "modele.json"
    assert menu.export_template_to(exported)
    assert json.loads(exported.read_text(encoding="utf-8"))["format"] == "fabrique-template"


def test_import_template_refusals_are_calm_and_change_nothing(
    qtbot, window, store, tmp_path, no_modal
) -> None:
    menu = window.method_menu
    before = len(list_series(store))
    for name, payload in (
        ("garbage.json", b"\x89PNG"),
        ("bundle.json", json.dumps({"format": "fabrique-session"}).encode()),
        ("newer.json", json.dumps({"format": "fabrique-template", "format_version": 9}).encode()),
    ):
        path = tmp_path / name
        path.write_bytes(payload)
        assert menu.import_template_from(path) is None
    assert len(list_series(store)) == before
    assert "n'est pas un modèle Fabrique" in no_modal[0]
    assert "plus récente" in no_modal[2]
    folder = tmp_path / "modèles œ « q' »"  # a folder chosen where a file is expected
    folder.mkdir()
    empty = tmp_path / "vide é œ.json"
    empty.write_bytes(b"")
    assert menu.import_template_from(folder) is None
    assert menu.import_template_from(empty) is None
    assert no_modal[3] == f"Impossible de lire « {folder.name} » : c'est un dossier, pas un fichier"
    assert "Is a directory" not in no_modal[3]  # never the system's English
    assert "« vide é œ.json » est vide : ce n'est pas un modèle Fabrique" in no_modal[4]
    assert len(list_series(store)) == before
    good = tmp_path / "modele.json"
    assert menu.export_template_to(good)
    with qtbot.wait_signal(window.session_requested):
        series = menu.import_template_from(good)
    assert series is not None
    assert len(list_series(store)) == before + 1


def test_method_shortcuts_clash_with_no_other_action(window) -> None:
    from PySide6.QtGui import QAction

    menu = window.method_menu
    mine = [a for a in menu.menu.actions() if not a.shortcut().isEmpty()]
    assert len(mine) >= 4
    everything = [a for a in window.findChildren(QAction) if a not in mine]
    for action in mine:
        others = [a.text() for a in everything if action.shortcut() in a.shortcuts()]
        assert not others, f"{action.shortcut().toString()} also used by {others}"


def test_enter_in_the_participant_name_adds_a_participant_and_nothing_else(
    qtbot, store, session
) -> None:
    """Enter in the name field used to press « Ajouter » (4 tables) as well."""
    from ui.tables_dialog import TablesDialog

    dialog = TablesDialog(store, ChangeBus(store), session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.wait_exposed(dialog)
    dialog.name.setFocus()
    type_text(dialog.name, "Youssef يوسف")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert store.count(Table, session_id=session.id) == 0
    assert [p.name for p in store.find(Participant, session_id=session.id)] == ["Youssef يوسف"]


def test_a_territory_with_one_of_each_is_counted_as_one_says_it(qtbot, demo) -> None:
    from fabrique_desktop.template import Template
    from ui.method_slides import build_slides

    data = dict(series_template(demo).data)
    for section in ("paradoxes", "values", "competences"):
        data[section] = data.get(section, [])[:1]
    titles = [s.title for s in build_slides(Template.from_dict(data))]
    assert "Le diagnostic : 1 paradoxe" in titles
    assert "1 valeur partagée" in titles
    assert "La compétence métropolitaine" in titles
