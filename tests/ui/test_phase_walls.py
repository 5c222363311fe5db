"""Each phase's own wall (issue 26, template format 3): a Valeurs atelier gathers what the
personas tell of the Métropole today in « Atouts » and « Problèmes » (and the values the
room proposes), sent there by keyboard and by mouse, undone with Ctrl+Z, paired into a
paradox; its report lists them under those columns (pdftotext)."""

from __future__ import annotations

import io
import os

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from exports.session_report import build_session_pdf
from fabrique_desktop.model import Card, Engagement, Series
from fabrique_desktop.report import gather_session
from fabrique_desktop.workspace import list_sessions
from tests.exports.pdf_text import flat, pdftotext, printed
from tests.ui.conftest import shown_window, type_text
from tests.ui.test_board import add, board_key, click, column_point, drag, point_of
from ui.animation.paradox_feature import ParadoxDialog

ASSET = "Des calanques magnifiques"
PROBLEM = "Des embouteillages pour y aller"


@pytest.fixture
def valeurs_wall(qtbot, fabrique_app, valeurs_session):
    return shown_window(qtbot, fabrique_app, valeurs_session)


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
    return shown_window(qtbot, fabrique_app, fifth)


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

    # the mouse: a click chooses it for an engagement only (no action on the selection sees
    # it), a double click edits nothing, a drag moves nothing
    window.board.view.show_card(piste.id)
    click(window, piste.id)
    assert window.scene.selected_card_ids() == []
    assert window.scene.selected_earlier_ids() == [piste.id]
    assert "lecture seule" in window.statusBar().currentMessage()
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
    # the atelier's own card moves with the number keys
    window.scene.select_cards([own])
    board_key(qtbot, window, Qt.Key.Key_2)
    assert store.get(Card, own).column == "monde"
    window.undo_action.trigger()
    assert store.get(Card, own).column == "mieux"


def test_an_engagement_is_traced_to_earlier_pistes_chosen_with_the_keyboard(
    qtbot, convergence_wall, store, demo, demo_session
) -> None:
    """On the Convergence wall the facilitator chooses two pistes of ateliers 3 et 4 with the
    arrows and promotes them (Ctrl+E): the engagement is traced to both, in one undo step,
    and the report names them with their ateliers. They still cannot be moved nor deleted."""
    window = convergence_wall
    ctrl = Qt.KeyboardModifier.ControlModifier
    window.scene.notes.measure_all()
    window.board.view.setFocus()
    board_key(qtbot, window, Qt.Key.Key_Down)  # the first note of the wall
    board_key(qtbot, window, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    first = next(c.key for c in window.scene.columns if window.scene.stack(c.key))
    chosen = [i.card.id for i in window.scene.stack(first)][:2]  # the wall's first two notes
    assert set(chosen) <= set(window.scene.notes.read_only)  # pistes of ateliers 3 et 4
    assert "Ateliers 3 et 4 · lecture seule" in window.statusBar().currentMessage()
    assert window.scene.selected_card_ids() == []  # no action on the selection sees them
    before = {c.id: (c.column, c.position, c.text, c.deleted) for c in store.find(Card)}
    steps = window.bus.history.count()

    board_key(qtbot, window, Qt.Key.Key_E, ctrl)
    dialog = window.animation.engagements.dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.ideas.text().count("Ateliers 3 et 4 · lecture seule") == 2  # where from
    dialog.title.setText("Des circuits courts partout")
    type_text(dialog.how, "Un marché par quartier")
    dialog.accept()
    made = store.find(Engagement, session_id=window.controller.session.id)
    assert [e.card_ids for e in made] == [chosen]
    assert made[0].how == ["Un marché par quartier"]
    assert window.bus.history.count() == steps + 1
    listed = window.animation.engagements.view  # the list (Ctrl+Shift+E) shows the trace
    assert listed is not None
    listed.select(made[0].id)
    assert listed.trace.toPlainText().count("Ateliers 3 et 4") == 2

    # the report: the engagement, its « Comment ? », its pistes and their ateliers
    fifth = window.controller.session
    out = io.BytesIO()
    build_session_pdf(gather_session(store, fifth), out)
    text = flat(pdftotext(out.getvalue()))
    assert printed("Des circuits courts partout") in text
    for card_id in chosen:
        line = f"{store.get(Card, card_id).text} (ateliers 3 et 4)"
        assert printed(line) in text

    # still read-only: Delete, a number key, a drag change nothing of theirs
    window.scene.select_cards(chosen)
    alt = Qt.KeyboardModifier.AltModifier
    refused = [
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_3, Qt.KeyboardModifier.NoModifier),  # a column
        (Qt.Key.Key_Down, ctrl),  # reordered
        (Qt.Key.Key_Plus, Qt.KeyboardModifier.NoModifier),  # a dot
        (Qt.Key.Key_Minus, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Asterisk, Qt.KeyboardModifier.NoModifier),  # dots counted
        (Qt.Key.Key_G, ctrl),  # grouped
        (Qt.Key.Key_G, ctrl | Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_M, ctrl),  # fused
        (Qt.Key.Key_M, ctrl | Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_A, ctrl | alt),  # adopted as a value
        (Qt.Key.Key_P, ctrl | alt),  # a paradox
        (Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier),  # edited
    ]
    for key, modifiers in refused:
        window.statusBar().clearMessage()
        board_key(qtbot, window, key, modifiers)
        assert "lecture seule" in window.statusBar().currentMessage(), key  # said, calmly
        assert window.scene.selected_earlier_ids() == chosen
    window.board.view.show_card(chosen[0])
    drag(window, point_of(window, chosen[0]), column_point(window, "art", 60))
    after = {c.id: (c.column, c.position, c.text, c.deleted) for c in store.find(Card)}
    assert after == before
    assert window.bus.history.count() == steps + 1

    window.undo_action.trigger()  # one step: the engagement is gone, the pistes stay
    assert store.find(Engagement, session_id=fifth.id) == []


def test_the_room_sees_the_earlier_piste_chosen(qtbot, convergence_wall, monkeypatch) -> None:
    """The audience window shows which piste of ateliers 3 et 4 the facilitator chose."""
    window = convergence_wall
    room = _open_room(qtbot, window, monkeypatch)
    window.scene.notes.measure_all()
    window.board.view.setFocus()
    board_key(qtbot, window, Qt.Key.Key_Down)
    chosen = window.scene.selected_earlier_ids()
    assert len(chosen) == 1
    assert room.scene.selected_earlier_ids() == chosen


def _open_menu(qtbot):
    """The menu that popped up (a right click, the context-menu key), as the user sees it."""
    from PySide6.QtWidgets import QApplication

    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=3000)
    return QApplication.activePopupWidget()


def _right_click(window, card_id: str) -> None:
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    viewport = window.board.view.viewport()
    pos = point_of(window, card_id)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)


def test_a_right_click_on_an_earlier_piste_opens_its_menu(
    qtbot, convergence_wall, store, monkeypatch
) -> None:
    """A right click on a piste of ateliers 3 et 4 opens a menu saying where it comes from,
    with « Tracer dans un engagement… » (as Ctrl+E); Shift+F10 and the context-menu key open
    it for the piste chosen with the arrows. The menu changes nothing of the piste."""
    window = convergence_wall
    window.scene.notes.measure_all()
    window.board.view.setFocus()
    board_key(qtbot, window, Qt.Key.Key_Down)
    (piste,) = window.scene.selected_earlier_ids()
    before = {c.id: (c.column, c.position, c.text, c.deleted) for c in store.find(Card)}
    opened = []
    monkeypatch.setattr(QDialog, "open", lambda dialog: opened.append(dialog))

    for key in (Qt.Key.Key_Menu, Qt.Key.Key_F10):
        modifier = Qt.KeyboardModifier.ShiftModifier if key == Qt.Key.Key_F10 else None
        board_key(qtbot, window, key, modifier or Qt.KeyboardModifier.NoModifier)
        menu = _open_menu(qtbot)
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        assert texts == ["Ateliers 3 et 4 · lecture seule", "Tracer dans un engagement…"]
        assert not menu.actions()[0].isEnabled()  # what it is, not an action
        menu.close()

    window.scene.clearSelection()
    window.board.view.show_card(piste)
    _right_click(window, piste)
    menu = _open_menu(qtbot)
    assert window.scene.selected_earlier_ids() == [piste]  # chosen by the right click
    trace = next(a for a in menu.actions() if a.text() == "Tracer dans un engagement…")
    assert trace.shortcut().toString() == "Ctrl+E"
    menu.close()
    trace.trigger()
    dialog = window.animation.engagements.dialog
    assert opened == [dialog]
    assert "Ateliers 3 et 4 · lecture seule" in dialog.ideas.text()
    after = {c.id: (c.column, c.position, c.text, c.deleted) for c in store.find(Card)}
    assert after == before


def test_a_refusal_on_own_cards_says_why_even_with_earlier_pistes_chosen(
    qtbot, convergence_wall
) -> None:
    """The atelier's own card in no group and a piste of ateliers 3 et 4 chosen together:
    Ctrl+Shift+G says the card is in no group (not « lecture seule » alone)."""
    window = convergence_wall
    own = add(qtbot, window, "Un engagement à écrire >1")
    window.scene.notes.measure_all()
    piste = next(i for i in window.scene.notes.read_only if i in window.scene.items_by_id)
    window.scene.select_cards([own, piste])
    assert window.scene.selected_card_ids() == [own]
    window.board.view.setFocus()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    board_key(qtbot, window, Qt.Key.Key_G, ctrl_shift)
    said = window.statusBar().currentMessage()
    assert said.startswith("Sélectionnez une idée d'un groupe."), said
    assert "Ateliers 3 et 4 · lecture seule : laissée de côté" in said
    board_key(qtbot, window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # one to fuse
    assert window.statusBar().currentMessage().startswith("Sélectionnez au moins deux idées")


OBJECTIVE = "Sortir de la dépendance à la voiture"


@pytest.fixture
def objective(store, demo_session):
    """An objective of atelier 3 (Objectifs et pistes): its first three pistes of Vivre
    Mieux, grouped and named there."""
    from fabrique_desktop import board, groups

    mieux = [c for c in board.column_cards(store, demo_session.id, "mieux") if c.is_idea]
    store.apply(groups.group(store, mieux[:3], OBJECTIVE))
    (cluster,) = groups.clusters(store, demo_session.id, "mieux")
    return cluster


def _band_point(window, cluster_id: str):
    item = window.scene.cluster_items[cluster_id]
    return window.board.view.mapFromScene(item.band_rect().translated(item.pos()).center())


def test_an_engagement_is_traced_to_an_objective_of_ateliers_3_and_4(
    qtbot, objective, convergence_wall, store, demo_session, monkeypatch
) -> None:
    """The objectives of ateliers 3 et 4 are on the Convergence wall, around their pistes,
    named and traced, read-only. The facilitator chooses one by its name (mouse) or its
    pistes (keyboard), and Ctrl+E makes an engagement traced to it: the dialog, the list and
    the report name the objective and its ateliers; one undo step; nothing of atelier 3
    changes."""
    from PySide6.QtWidgets import QInputDialog

    from fabrique_desktop import groups

    window = convergence_wall
    ctrl = Qt.KeyboardModifier.ControlModifier
    shift = Qt.KeyboardModifier.ShiftModifier
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(a) or ("X", True))
    members = [c.id for c in groups.members(store, objective)]
    window.scene.notes.measure_all()
    qtbot.waitUntil(lambda: objective.id in window.scene.clusters)  # after the first frame
    window.scene.layout_cards()
    band = window.scene.cluster_items[objective.id]
    assert band.isVisible()
    assert band.label() == f"◎\u00a0{OBJECTIVE}\u00a0(3)"
    assert band.trace == "Objectif · Ateliers 3 et 4 · lecture seule"  # an objective, traced
    assert window.scene.selection.group_cards(objective.id) == members  # around its pistes
    own = add(qtbot, window, "Une idée de l'atelier 5 >1")
    window.scene.notes.measure_all()

    # the mouse: a click on its name chooses it (its band outlined); a double click renames
    # nothing; a drag of the atelier's own card onto it does not put the card in it
    viewport = window.board.view.viewport()
    window.board.view.show_card(members[0])
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_band_point(window, objective.id))
    assert window.scene.selection.selected_objectives() == [objective.id]
    assert window.scene.selected_card_ids() == []
    assert band.selected
    said = window.statusBar().currentMessage()
    assert said.startswith(f"Objectif « {OBJECTIVE} » · Ateliers 3 et 4 · lecture seule"), said
    assert "Ctrl+E le trace dans un engagement" in said
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=_band_point(window, objective.id))
    board_key(qtbot, window, Qt.Key.Key_F2)
    assert asked == []
    window.board.view.show_card(own)
    drag(window, point_of(window, own), point_of(window, members[1]))
    assert store.get(Card, own).cluster_id is None
    steps = window.bus.history.count()

    # Ctrl+E with the objective chosen by its name
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_band_point(window, objective.id))
    board_key(qtbot, window, Qt.Key.Key_E, ctrl)
    dialog = window.animation.engagements.dialog
    assert dialog.title.text() == OBJECTIVE
    shown = dialog.ideas.text()
    assert f"◎ Objectif «\u00a0{OBJECTIVE}\u00a0»  — Ateliers 3 et 4 · lecture seule" in shown
    assert "•" not in shown  # the objective stands for its pistes
    dialog.title.setText("Des transports pour tous")
    type_text(dialog.how, "Un car express par vallée")
    dialog.accept()
    made = store.find(Engagement, session_id=window.controller.session.id)
    assert [e.card_ids for e in made] == [[objective.id]]
    assert window.bus.history.count() == steps + 1
    listed = window.animation.engagements.view
    listed.select(made[0].id)
    item = listed.lists["mieux"].item(0)
    assert "↳ 1 objectif · 0 idée · 0 gommette" in item.text()  # an objective is not an idea
    trace = listed.trace.toPlainText()
    assert f"Objectif « {OBJECTIVE} » — Ateliers 3 et 4 · lecture seule" in trace

    out = io.BytesIO()
    build_session_pdf(gather_session(store, window.controller.session), out)
    text = flat(pdftotext(out.getvalue()))
    assert printed(f"Objectif « {OBJECTIVE} » : 3 pistes (ateliers 3 et 4)") in text
    listed.close()

    # the keyboard: its three pistes chosen with the arrows are the objective, chosen whole
    window.scene.clearSelection()
    window.board.view.setFocus()
    for _ in range(3):  # the wall's first notes: the atelier's own idea, then the objective
        board_key(qtbot, window, Qt.Key.Key_Down)
        if window.scene.selected_earlier_ids() == members[:1]:
            break
    assert window.scene.selected_earlier_ids() == members[:1]
    assert window.scene.selection.selected_objectives() == []  # one piste is one piste
    board_key(qtbot, window, Qt.Key.Key_Down, shift)
    board_key(qtbot, window, Qt.Key.Key_Down, shift)
    assert window.scene.selection.selected_objectives() == [objective.id]
    assert "Objectif « " in window.statusBar().currentMessage()
    opened = []
    monkeypatch.setattr(QDialog, "open", lambda d: opened.append(d))
    board_key(qtbot, window, Qt.Key.Key_E, ctrl)
    assert f"Objectif «\u00a0{OBJECTIVE}\u00a0»" in opened[-1].ideas.text()
    alt = Qt.KeyboardModifier.AltModifier
    refused = [  # still read-only: each said so, calmly
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_3, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Up, ctrl),
        (Qt.Key.Key_Plus, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_G, ctrl),
        (Qt.Key.Key_G, ctrl | shift),
        (Qt.Key.Key_M, ctrl),
        (Qt.Key.Key_A, ctrl | alt),
        (Qt.Key.Key_P, ctrl | alt),
        (Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier),
    ]
    for key, modifiers in refused:
        window.statusBar().clearMessage()
        board_key(qtbot, window, key, modifiers)
        assert "Objectif « " in window.statusBar().currentMessage(), key
        assert "lecture seule" in window.statusBar().currentMessage(), key
        assert window.scene.selection.selected_objectives() == [objective.id]
    assert asked == []
    stored = store.get(groups.Cluster, objective.id)
    assert (stored.name, stored.deleted) == (OBJECTIVE, False)
    for card_id in members:
        card = store.get(Card, card_id)
        assert (card.column, card.cluster_id, card.deleted) == ("mieux", objective.id, False)

    window.undo_action.trigger()  # the engagement, in one step
    assert store.find(Engagement, session_id=window.controller.session.id) == []
    window.redo_action.trigger()
    (back,) = store.find(Engagement, session_id=window.controller.session.id)
    assert back.card_ids == [objective.id]


def test_a_right_click_on_an_objective_opens_its_menu(
    qtbot, objective, convergence_wall, monkeypatch
) -> None:
    window = convergence_wall
    window.scene.notes.measure_all()
    qtbot.waitUntil(lambda: objective.id in window.scene.clusters)
    window.scene.layout_cards()

    # the keyboard: one piste of it chosen, its menu (menu key) chooses the whole objective
    members = window.scene.selection.group_cards(objective.id)
    window.scene.select_cards(members[:1])
    window.board.view.setFocus()
    board_key(qtbot, window, Qt.Key.Key_Menu)
    menu = _open_menu(qtbot)
    choose = next(a for a in menu.actions() if a.text().startswith("Choisir l'objectif"))
    assert choose.text() == f"Choisir l'objectif « {OBJECTIVE} »"
    menu.close()
    choose.trigger()
    assert window.scene.selection.selected_objectives() == [objective.id]
    assert window.scene.selected_earlier_ids() == members
    window.scene.clearSelection()
    window.board.view.show_card(window.scene.selection.group_cards(objective.id)[0])
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    viewport = window.board.view.viewport()
    pos = _band_point(window, objective.id)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    menu = _open_menu(qtbot)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        f"Objectif « {OBJECTIVE} » · Ateliers 3 et 4 · lecture seule",
        "Tracer dans un engagement…",
    ]
    assert window.scene.selection.selected_objectives() == [objective.id]
    menu.close()

    # with a card of this atelier chosen too, a refusal says its own reason
    window.focus_capture()
    own = add(qtbot, window, "Une idée de l'atelier 5 >2")
    chosen = [*window.scene.selected_earlier_ids(), own]
    window.scene.select_cards(chosen)
    window.scene.selection.chosen_group = objective.id
    window.board.view.setFocus()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    board_key(qtbot, window, Qt.Key.Key_G, ctrl_shift)
    said = window.statusBar().currentMessage()
    assert said == (
        f"Sélectionnez une idée d'un groupe. (Objectif « {OBJECTIVE} » · Ateliers 3 et 4 · "
        "lecture seule : laissé de côté)"
    )


def _open_room(qtbot, window, monkeypatch, size: tuple[int, int] | None = None):
    """The audience window (Ctrl+F5), on the remembered screen; ``size``: the projector's."""
    monkeypatch.setattr("ui.projector.one_screen", lambda: False)  # offscreen: one screen
    window.settings.set("projector_screen", QGuiApplication.screens()[-1].name())
    window.audience_action.trigger()
    room = window.projector_window
    assert room is not None
    qtbot.addWidget(room)
    if size is not None:
        room.setWindowState(Qt.WindowState.WindowNoState)
        room.setGeometry(0, 0, *size)
    qtbot.waitExposed(room)
    room.scene.notes.measure_all()
    room.scene.layout_cards()
    return room


def _readable_band(room, cluster_id: str):
    """A group's band on the room's wall: shown, in the room's type (never smaller than the
    notes' badges there), its name and trace whole inside it."""
    item = room.scene.cluster_items[cluster_id]
    assert item.isVisible()
    assert item.font().pixelSize() >= room.scene.fonts.text.pixelSize() * 0.85
    assert item._small.pixelSize() >= room.scene.fonts.small.pixelSize()
    band = item.band_rect()
    assert band.height() >= item.band_height(band.width())  # nothing cut
    column = room.scene.column_rect(room.scene.clusters[cluster_id].column)
    frame = item.frame_rect()
    assert column.left() <= frame.left()
    assert frame.right() <= column.right()
    return item


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_room_sees_the_groups_and_the_objectives_of_ateliers_3_and_4(
    qtbot, objective, convergence_wall, monkeypatch, size
) -> None:
    """The audience window frames and names groups as the laptop's wall does: the objective
    of ateliers 3 et 4 (« ◎ … », its trace) and a group the room makes now (« ▦ … »), in the
    projector's type, whole at 1280×720 and 1920×1080; a band chosen on the laptop is
    outlined for the room too. It showed the pistes and the cards, no frame, no name."""
    from fabrique_desktop import groups

    window = convergence_wall
    window.scene.notes.measure_all()
    qtbot.waitUntil(lambda: objective.id in window.scene.clusters)  # after the first frame
    room = _open_room(qtbot, window, monkeypatch, size)
    laptop = window.scene.cluster_items[objective.id]

    band = _readable_band(room, objective.id)
    assert band.label() == f"◎\u00a0{OBJECTIVE}\u00a0(3)"
    assert band.trace == "Objectif · Ateliers 3 et 4 · lecture seule"
    assert band.font().pixelSize() > laptop.font().pixelSize()  # the projector's type
    members = window.scene.selection.group_cards(objective.id)
    assert room.scene.selection.group_cards(objective.id) == members  # round its pistes
    frame = band.frame_rect()
    assert all(frame.contains(room.scene.items_by_id[i].sceneBoundingRect()) for i in members)

    # a group of this atelier made on the laptop (Ctrl+G): framed and named for the room
    monkeypatch.setattr(
        "ui.animation.group_feature.QInputDialog.getText",
        lambda *a, **k: ("Des transports pour tous", True),
    )
    window.focus_capture()
    own = [add(qtbot, window, f"Idée {n} de l'atelier 5 >1") for n in (1, 2)]
    window.scene.select_cards(own)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.board.view.setFocus()
    board_key(qtbot, window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    (made,) = [c for c in window.scene.clusters.values() if c.id != objective.id]
    assert [c.id for c in groups.members(window.controller.store, made)] == own
    group = _readable_band(room, made.id)
    assert group.label() == "▦\u00a0Des transports pour tous\u00a0(2)"
    assert group.trace == ""

    # the objective chosen by its name on the laptop: outlined on the room's wall
    window.board.view.show_card(members[0])
    viewport = window.board.view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_band_point(window, objective.id))
    assert laptop.selected
    assert band.selected
    assert not group.selected
    # the room reads its name, above its pistes: the band is in sight, and the first piste
    shown = room.board.view.mapFromScene(band.band_rect().translated(band.pos())).boundingRect()
    assert room.board.view.viewport().rect().contains(shown)
    first = room.board.view.mapFromScene(room.scene.items_by_id[members[0]].sceneBoundingRect())
    assert room.board.view.viewport().rect().contains(first.boundingRect())
    if os.environ.get("FABRIQUE_SHOTS"):  # the PNGs looked at (notes/s9-converge2)
        room.grab().save(f"{os.environ['FABRIQUE_SHOTS']}/room-{size[0]}x{size[1]}.png")

    # the group undone on the laptop (Ctrl+Z) is gone from the room's wall; the objective stays
    board_key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert made.id not in window.scene.clusters
    assert made.id not in room.scene.cluster_items
    assert room.scene.cluster_items[objective.id].isVisible()


def test_the_arrows_stop_on_an_objective_band_of_ateliers_3_and_4(
    qtbot, objective, convergence_wall, monkeypatch
) -> None:
    """Up and Down stop on an earlier objective's band, between the note above and its first
    piste: the objective is chosen whole, as a click on its name chooses it (its band
    outlined and in sight, the status bar says it), and Ctrl+E traces an engagement to it.
    The keyboard reached an objective only through all its pistes (Shift+arrows) or a
    piste's menu."""
    window = convergence_wall
    scene, view = window.scene, window.board.view
    qtbot.waitUntil(lambda: objective.id in scene.clusters)  # after the first frame
    own = add(qtbot, window, "Une idée de l'atelier 5 >1")  # the note above the objective
    scene.notes.measure_all()
    members = scene.selection.group_cards(objective.id)
    band = scene.cluster_items[objective.id]
    scene.clearSelection()
    view.setFocus()

    def down(n: int = 1, key=Qt.Key.Key_Down) -> None:
        for _ in range(n):
            board_key(qtbot, window, key)

    down()
    assert scene.selected_card_ids() == [own]
    down()  # the band: the objective chosen whole
    assert scene.selection.selected_objectives() == [objective.id]
    assert scene.selected_earlier_ids() == members
    assert band.selected
    said = window.statusBar().currentMessage()
    assert said.startswith(f"Objectif « {OBJECTIVE} » · Ateliers 3 et 4 · lecture seule"), said
    shown = view.mapFromScene(band.band_rect().translated(band.pos())).boundingRect()
    assert view.viewport().rect().contains(shown)  # its name in sight
    down()  # its first piste, alone
    assert scene.selected_earlier_ids() == members[:1]
    assert scene.selection.selected_objectives() == []
    assert not band.selected
    down(key=Qt.Key.Key_Up)  # back onto the band
    assert scene.selection.selected_objectives() == [objective.id]
    down(key=Qt.Key.Key_Up)  # the note above
    assert scene.selected_card_ids() == [own]
    assert scene.selected_earlier_ids() == []
    down()
    opened = []
    monkeypatch.setattr(QDialog, "open", lambda d: opened.append(d))
    board_key(qtbot, window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert f"Objectif «\u00a0{OBJECTIVE}\u00a0»" in opened[-1].ideas.text()
    down(2)  # from the band: its first piste, then its second, one by one
    assert scene.selected_earlier_ids() == members[1:2]


def test_the_arrows_stop_on_every_group_band_as_on_an_objectives(
    qtbot, objective, convergence_wall, monkeypatch
) -> None:
    """On the Convergence wall an earlier objective's band (◎) stopped Up and Down while the
    atelier's own group (▦) did not: the keyboard chose an objective whole but an own group
    only card by card (Shift+arrows), so F2 and Ctrl+Up/Down on it needed the mouse. Now
    every band is a stop between the note above and its first card, chosen whole as a
    click on its name chooses it."""
    window = convergence_wall
    scene, view = window.scene, window.board.view
    qtbot.waitUntil(lambda: objective.id in scene.clusters)
    monkeypatch.setattr(
        "ui.animation.group_feature.QInputDialog.getText",
        lambda *a, **k: ("Des transports pour tous", True),
    )
    above, first, second = (
        add(qtbot, window, f"Idée {n} de l'atelier 5 >1") for n in ("du haut", "1", "2")
    )
    scene.select_cards([first, second])
    view.setFocus()
    board_key(qtbot, window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    (made,) = [c for c in scene.clusters.values() if c.id != objective.id]
    scene.notes.measure_all()
    stack = [i.card.id for i in scene.stack("mieux")]
    assert stack.index(first) == stack.index(above) + 1  # the group just below the note
    band = scene.cluster_items[made.id]
    scene.select_cards([above])
    view.setFocus()

    def key(k=Qt.Key.Key_Down) -> None:
        board_key(qtbot, window, k)

    key()  # onto the group's band: chosen whole, outlined, in sight
    assert scene.selection.chosen_group == made.id
    assert scene.selected_group() == made.id
    assert scene.selected_card_ids() == [first, second]
    assert band.selected
    shown = view.mapFromScene(band.band_rect().translated(band.pos())).boundingRect()
    assert view.viewport().rect().contains(shown)
    key()  # its first card, alone
    assert scene.selected_card_ids() == [first]
    assert not band.selected
    key(Qt.Key.Key_Up)  # back onto the band
    assert scene.selected_group() == made.id
    assert band.selected
    key(Qt.Key.Key_Up)  # the note above
    assert scene.selected_card_ids() == [above]
    key()  # the band again: F2 renames the group, as after a click on its name
    renamed = []
    monkeypatch.setattr(
        "ui.group_actions.QInputDialog.getText",
        lambda *a, **k: (renamed.append(True), ("Des bus pour tous", True))[1],
    )
    board_key(qtbot, window, Qt.Key.Key_F2)
    assert renamed
    assert scene.clusters[made.id].name == "Des bus pour tous"


def test_atelier_4s_empty_wall_says_where_the_joint_pistes_are(
    qtbot, fabrique_app, store, demo
) -> None:
    """Atelier 4 (Objectifs, élus) opened: an empty « À trier + 4 Vivre » wall and nothing
    said, while the pistes of ateliers 3 et 4 are on atelier 3's wall. The status bar says
    where they are and that its report shows them; atelier 3 and atelier 1 say nothing of
    it."""
    sessions = {s.number: s for s in list_sessions(store, demo.id)}
    window = shown_window(qtbot, fabrique_app, sessions[4])
    said = "Les pistes communes des ateliers 3 et 4 sont sur le mur de l'atelier 3"
    qtbot.waitUntil(lambda: said in window.statusBar().currentMessage())
    assert "Ctrl+O pour l'ouvrir" in window.statusBar().currentMessage()
    status = window.statusBar()  # whole at 1280 pixels
    assert status.fontMetrics().horizontalAdvance(status.currentMessage()) < status.width() - 20
    from fabrique_desktop.credit import pistes_elsewhere

    assert pistes_elsewhere(store, sessions[4]) == ((3, 4), (3,))
    assert pistes_elsewhere(store, sessions[2]) == ((1, 2), (1,))  # its cards on atelier 1's
    for number in (1, 3, 5):  # walls with cards, atelier 5
        assert pistes_elsewhere(store, sessions[number]) == ((), ())


def test_atelier_2s_empty_wall_says_where_the_joint_valeurs_work_is(
    qtbot, fabrique_app, store, demo
) -> None:
    """Atelier 2 (Valeurs, Conseil de Développement) opened: the atouts, problèmes and
    values of ateliers 1 et 2 are on atelier 1's wall; the status bar says so, whole at
    1280 pixels, as atelier 4's says where the pistes of 3 et 4 are."""
    sessions = {s.number: s for s in list_sessions(store, demo.id)}
    window = shown_window(qtbot, fabrique_app, sessions[2])
    said = (
        "Les atouts, problèmes et valeurs des ateliers 1 et 2 sont sur le mur de l'atelier 1 "
        "(Ctrl+O) ; le compte rendu d'ici les montre aussi."
    )
    qtbot.waitUntil(lambda: said in window.statusBar().currentMessage())
    status = window.statusBar()
    assert status.fontMetrics().horizontalAdvance(status.currentMessage()) < status.width() - 20


def test_atelier_4_run_by_a_facilitator_and_both_reports_read_back(
    qtbot, fabrique_app, store, demo, monkeypatch
) -> None:
    """The elected officials' atelier: the facilitator notes two pistes on atelier 4's own
    wall (keyboard), groups them into an objective (click, Ctrl+click, Ctrl+G), and both
    reports, read back with pdftotext, show the same 52 pistes and the objective as the
    joint work of ateliers 3 et 4; Decidim gets each piste once, from the wall holding it."""
    import csv

    from exports.csv_export import session_csv
    from exports.decidim import decidim_csv, elsewhere_note

    sessions = {s.number: s for s in list_sessions(store, demo.id)}
    window = shown_window(qtbot, fabrique_app, sessions[4])
    pistes = [add(qtbot, window, f"Piste des élus {n} >1") for n in (1, 2)]
    assert {store.get(Card, i).column for i in pistes} == {"mieux"}
    monkeypatch.setattr(
        "ui.animation.group_feature.QInputDialog.getText",
        lambda *a, **k: ("Un territoire apaisé", True),
    )
    window.scene.notes.measure_all()
    click(window, pistes[0])
    click(window, pistes[1], Qt.KeyboardModifier.ControlModifier)
    assert window.scene.selected_card_ids() == pistes
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.board.view.setFocus()
    board_key(qtbot, window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    from fabrique_desktop import groups

    assert [c.name for c in groups.clusters(store, sessions[4].id)] == ["Un territoire apaisé"], (
        window.statusBar().currentMessage()
    )
    texts = {}
    for number in (3, 4):
        out = io.BytesIO()
        report = gather_session(store, sessions[number])
        build_session_pdf(report, out)
        texts[number] = flat(pdftotext(out.getvalue()))
        assert len(report.ideas) == 52
        assert [o.name for o in report.objectives] == ["Un territoire apaisé"]
    for text in texts.values():
        assert "Compte rendu commun des ateliers 3 et 4" in text
        assert printed("Vivre mieux — Un territoire apaisé") in text
        assert "Piste des élus 2" in text
        assert "Proximité habitat-Emploi" in text
        assert "Elles sont sur le mur" not in text  # both walls hold some of them now
    rows = {
        n: list(
            csv.DictReader(
                io.StringIO(session_csv(gather_session(store, sessions[n])).decode("utf-8-sig"))
            )
        )
        for n in (3, 4)
    }
    assert [r["id"] for r in rows[3]] == [r["id"] for r in rows[4]]
    proposals = {
        n: list(
            csv.reader(
                io.StringIO(decidim_csv(gather_session(store, sessions[n])).decode()), delimiter=";"
            )
        )[1:]
        for n in (3, 4)
    }
    assert (len(proposals[3]), len(proposals[4])) == (50, 2)
    assert elsewhere_note(gather_session(store, sessions[3])) != ""  # atelier 4's two


def test_an_empty_valeurs_wall_says_what_it_gathers_and_where_the_paradoxes_are(
    qtbot, fabrique_app, valeurs_session
) -> None:
    """Atelier 1 opened: four empty columns and nothing said, while the series' 7 paradoxes
    and 5 values are one key away (F6, the method's slides). The status bar says what the
    wall gathers and where they are."""
    window = shown_window(qtbot, fabrique_app, valeurs_session)
    said = "Les 7 paradoxes et les 5 valeurs de la série : F6. Ce mur recueille les atouts"
    qtbot.waitUntil(lambda: said in window.statusBar().currentMessage())
    message = window.statusBar().currentMessage()
    status = window.statusBar()
    assert status.fontMetrics().horizontalAdvance(message) < status.width() - 20  # not cut


def test_a_valeurs_atelier_on_a_vivre_wall_is_not_told_of_atouts(
    qtbot, fabrique_app, session
) -> None:
    """A template without phases (format 2, a territory's own) gives a Valeurs atelier the
    « À trier + 4 Vivre » wall: no word of atouts and problèmes there."""
    window = shown_window(qtbot, fabrique_app, session)
    qtbot.wait(300)
    assert "Ce mur recueille" not in window.statusBar().currentMessage()


def test_atelier_2s_wall_shows_the_joint_valeurs_work_read_only(
    qtbot, fabrique_app, store, demo
) -> None:
    """Atelier 2 opened: the atouts, problèmes and values of ateliers 1 et 2 (held on
    atelier 1's wall) are on its wall too, read-only, traced « Ateliers 1 et 2 · lecture
    seule », each with what it became (« Paradoxe 1 », « Valeur adoptée »); Delete and the
    number keys change nothing of theirs; the room's own atout goes on atelier 2's wall."""
    sessions = {s.number: s for s in list_sessions(store, demo.id)}
    held = {c.id: c for c in store.find(Card, session_id=sessions[1].id)}
    window = shown_window(qtbot, fabrique_app, sessions[2])
    notes = window.scene.notes
    assert set(notes.read_only) == set(held)
    notes.measure_all()
    first = store.get(Series, demo.id).template["paradoxes"][0]["cards"][0]
    badge = notes.items[first].badge_text()
    assert "Ateliers 1 et 2 · lecture seule" in badge.replace("\u00a0", " ")
    assert "Paradoxe 1" in badge
    assert [len(window.scene.cards_in(k)) for k in ("atouts", "problemes", "valeurs")] == [
        7,
        7,
        5,
    ]
    click(window, first)
    for key in (Qt.Key.Key_Delete, Qt.Key.Key_2):
        board_key(qtbot, window, key)
    assert {c.id: c for c in store.find(Card, session_id=sessions[1].id)} == held
    own = add(qtbot, window, "Le soleil toute l'année >1")
    assert (store.get(Card, own).session_id, store.get(Card, own).column) == (
        sessions[2].id,
        "atouts",
    )
