"""Each phase's own wall (issue 26, template format 3): a Valeurs atelier gathers what the
personas tell of the Métropole today in « Atouts » and « Problèmes » (and the values the
room proposes), sent there by keyboard and by mouse, undone with Ctrl+Z, paired into a
paradox; its report lists them under those columns (pdftotext)."""

from __future__ import annotations

import io

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from exports.session_report import build_session_pdf
from fabrique_desktop.model import Card, Series
from fabrique_desktop.report import gather_session
from fabrique_desktop.workspace import list_sessions
from tests.exports.pdf_text import flat, pdftotext, printed
from tests.ui.test_board import add, board_key, click, column_point, drag, point_of
from ui.animation.paradox_feature import ParadoxDialog

ASSET = "Des calanques magnifiques"
PROBLEM = "Des embouteillages pour y aller"


@pytest.fixture
def valeurs_wall(qtbot, fabrique_app, valeurs_session):
    window = fabrique_app.open_session(valeurs_session.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.focus_capture()
    qtbot.wait_exposed(window)
    return window


def test_a_valeurs_atelier_gathers_atouts_and_problemes_on_its_wall(
    qtbot, valeurs_wall, store, valeurs_session, monkeypatch
) -> None:
    window, session = valeurs_wall, valeurs_session
    assert [c.title for c in window.scene.columns] == [
        "À trier",
        "Atouts",
        "Problèmes",
        "Valeurs proposées",
    ]
    assert ">1 … >3, >0 = À trier" in window.capture.default_hint()  # >4: a Vivre wall's
    asset = add(qtbot, window, ASSET)
    problem = add(qtbot, window, PROBLEM)
    window.scene.notes.measure_all()

    # keyboard: the selected note to the first column after « À trier » (key 1)
    click(window, asset)
    board_key(qtbot, window, Qt.Key.Key_1)
    assert store.get(Card, asset).column == "atouts"
    # mouse: the other note dragged onto « Problèmes »
    window.scene.notes.measure_all()
    drag(window, point_of(window, problem), column_point(window, "problemes", 40))
    assert store.get(Card, problem).column == "problemes"
    assert [i.card.id for i in window.scene.cards_in("problemes")] == [problem]
    window.undo_action.trigger()
    assert store.get(Card, problem).column == "inbox"
    window.redo_action.trigger()
    assert store.get(Card, problem).column == "problemes"

    # the two paired into a paradox (Ctrl+Alt+P), as the room does
    monkeypatch.setattr(ParadoxDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    window.scene.notes.measure_all()
    click(window, asset)
    click(window, problem, Qt.KeyboardModifier.ControlModifier)
    ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(window, Qt.Key.Key_P, ctrl_alt)
    formed = store.get(Series, session.series_id).template["paradoxes"][-1]
    assert (formed["asset"], formed["challenge"], formed["cards"]) == (
        ASSET,
        PROBLEM,
        [asset, problem],
    )

    out = io.BytesIO()
    build_session_pdf(gather_session(store, session), out)
    text = flat(pdftotext(out.getvalue()))
    for shown in ("Atouts", "Problèmes", ASSET, PROBLEM):
        assert printed(shown) in text
    assert "Vivre Mieux" not in text  # not a column of this wall


@pytest.fixture
def convergence_wall(qtbot, fabrique_app, store, demo):
    fifth = next(s for s in list_sessions(store, demo.id) if s.number == 5)
    window = fabrique_app.open_session(fifth.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.focus_capture()
    qtbot.wait_exposed(window)
    return window


def test_a_convergence_wall_shows_the_earlier_pistes_read_only_and_traced(
    qtbot, convergence_wall, store, demo, demo_session
) -> None:
    window = convergence_wall
    pistes = [
        c
        for c in store.find(Card, session_id=demo_session.id)
        if c.is_idea and c.merged_into is None
    ]
    assert len(pistes) == 50
    assert set(window.scene.notes.read_only) == {c.id for c in pistes}
    assert [c.title for c in window.scene.columns][1] == "Vivre Mieux"
    piste = next(c for c in pistes if c.column == "mieux")
    item = window.scene.items_by_id[piste.id]
    assert item.look.trace == "Ateliers 3 et 4 · lecture seule"  # traced, visibly
    assert printed("Ateliers 3 et 4") in printed(item.badge_text())
    own = add(qtbot, window, "Un engagement à écrire >1")
    window.scene.notes.measure_all()
    before = {c.id: (c.column, c.position, c.text) for c in pistes}

    # the mouse: a click chooses nothing, a double click edits nothing, a drag moves nothing
    window.board.view.show_card(piste.id)
    click(window, piste.id)
    assert window.scene.selected_card_ids() == []
    viewport = window.board.view.viewport()
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=point_of(window, piste.id))
    assert not window.board_actions.editor.isVisible()
    window.board_actions.edit_card(piste.id)  # nor asked for by its id
    assert not window.board_actions.editor.isVisible()
    drag(window, point_of(window, piste.id), column_point(window, "art", 60))
    # the keyboard: Delete and the number keys act on nothing of theirs
    board_key(qtbot, window, Qt.Key.Key_Delete)
    board_key(qtbot, window, Qt.Key.Key_4)
    stored = store.find(Card, session_id=demo_session.id)
    assert {c.id: (c.column, c.position, c.text) for c in stored if c.id in before} == before
    # the arrows go to the atelier's own cards only
    window.scene.select_cards([])
    board_key(qtbot, window, Qt.Key.Key_Down)
    assert window.scene.selected_card_ids() == [own]
    board_key(qtbot, window, Qt.Key.Key_Right)
    assert window.scene.selected_card_ids() == [own]
    board_key(qtbot, window, Qt.Key.Key_2)
    assert store.get(Card, own).column == "monde"
    window.undo_action.trigger()
    assert store.get(Card, own).column == "mieux"
