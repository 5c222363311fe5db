"""Méthode › Textes du livret…: the editorial voice of the series' booklet, written in the app,
saved as one change of the series, printed in the booklet; the board knows « Futur engagé »."""

from __future__ import annotations

import io
import os

import pypdf

from PySide6.QtGui import QImage

from exports.series_report import build_series_pdf
from fabrique_desktop.model import FUTUR, IDEA, Card, Series
from fabrique_desktop.report import gather_series
from tests.ui.conftest import type_text
from tests.ui.test_method_screens import no_modal  # noqa: F401  (fixture)


def test_booklet_texts_are_written_in_the_app_and_printed(
    qtbot,
    window,
    store,
    demo,
    data_dir,
    tmp_path,
    no_modal,  # noqa: F811
) -> None:
    menu = window.method_menu
    assert "Textes du livret…" in [a.text() for a in menu.menu.actions()]
    menu.booklet_action.trigger()
    dialog = menu.dialog
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert dialog.organisation.text() == "Métropole Aix-Marseille-Provence"  # the template's
    assert "Hundertwasser" in dialog.texts["introduction"].toPlainText()
    if os.environ.get("FABRIQUE_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["FABRIQUE_SHOTS"], "booklet-texts.png"))
    dialog.organisation.clear()
    type_text(dialog.organisation, "Ville de Saint-Étienne")
    dialog.texts["next"].setPlainText("Rendez-vous le 1er juin : « restitution » publique.")
    logo = tmp_path / "logo.png"
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(0x1565C0)
    image.save(str(logo))
    text_file = tmp_path / "pas-une-image.png"
    text_file.write_text("<svg/>", encoding="utf-8")
    dialog.set_logo(text_file)
    assert no_modal == ["Le logo n'est pas une image PNG ou JPEG."]
    assert dialog.logo.text() == ""
    dialog.set_logo(logo)
    name = dialog.logo.text()  # a copy kept in the media folder, named by its content
    assert (data_dir.media / name).read_bytes() == logo.read_bytes()
    assert dialog.save()
    series = store.get(Series, demo.id)
    assert series.template["booklet"]["organisation"] == "Ville de Saint-Étienne"
    out = io.BytesIO()
    build_series_pdf(gather_series(store, series, media_dir=data_dir.media), out)
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Ville de Saint-Étienne" in text
    assert "Rendez-vous le 1er juin" in text
    assert reader.metadata["/Author"] == "Ville de Saint-Étienne"
    assert "/XObject" in str(reader.pages[0]["/Resources"])  # the logo on the cover
    window.bus.undo()  # one step: the texts as they were
    series = store.get(Series, demo.id)
    assert series.template["booklet"]["organisation"] == "Métropole Aix-Marseille-Provence"


def test_the_board_marks_futur_engage_cards_and_switches_them(
    qtbot, fabrique_app, store, demo_session
) -> None:
    window = fabrique_app.open_session(demo_session.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.wait_exposed(window)
    scene = window.scene
    futur = [i for i in scene.items_by_id.values() if i.card.card_kind == FUTUR]
    stored = [c for c in store.iter_all(Card, session_id=demo_session.id) if not c.deleted]
    assert (
        len(futur) == sum(c.card_kind == FUTUR for c in stored) == 37
    )  # the seed's « Futur engagé »
    assert "Futur engagé" in futur[0].badge_text()
    idea = next(i for i in scene.items_by_id.values() if i.card.card_kind == IDEA)
    scene.clearSelection()
    idea.setSelected(True)
    window.board_actions.set_card_kind(FUTUR)
    assert store.get(Card, idea.card.id).card_kind == FUTUR
    window.bus.undo()
    assert store.get(Card, idea.card.id).card_kind == IDEA
