"""Groups from the facilitator's side: a card in and out of a group by keyboard and mouse,
a group selected by its name band, renamed (F2, double-click, context menu), all undoable
and stored before it is shown."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from fabrique_desktop import board, groups
from fabrique_desktop.model import Card
from tests.ui.test_board import drag, point_of


@pytest.fixture
def grouped(qtbot, window, store, session):
    """« mieux »: Alpha, [Mobilité: Bravo, Charlie], Delta."""
    for text in ("Alpha", "Bravo", "Charlie", "Delta"):
        store.apply(board.capture(store, session.id, text, "mieux"))
    cards = board.column_cards(store, session.id, "mieux")
    store.apply(groups.group(store, cards[1:3], "Mobilité"))
    window.board_actions.start(window.controller.cards())
    window.board_actions.reload_clusters()
    window.scene.notes.measure_all()
    (cluster,) = groups.clusters(store, session.id)
    return {c.text: c.id for c in cards} | {"group": cluster.id}


def frame(window, cluster_id):
    return window.scene.cluster_items[cluster_id].frame_rect()


def rect(window, card_id):
    return window.scene.items_by_id[card_id].sceneBoundingRect()


def shown(window) -> list[str]:
    return [i.card.text for i in window.scene.cards_in("mieux")]


def cluster_of(store, card_id):
    return store.get(Card, card_id).cluster_id


def band_point(window, cluster_id) -> QPoint:
    item = window.scene.cluster_items[cluster_id]
    centre = item.band_rect().translated(item.pos()).center()
    return window.board.view.mapFromScene(centre)


def shots() -> Path:
    folder = Path(os.environ.get("FABRIQUE_SHOTS") or "/tmp/fabrique-shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_ctrl_up_on_a_groups_first_card_takes_it_out_above_the_frame(
    qtbot, window, store, grouped
) -> None:
    group, bravo = grouped["group"], grouped["Bravo"]
    window.board_actions.select_and_show([bravo])
    view = window.board.view
    QTest.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    window.scene.notes.measure_all()
    assert cluster_of(store, bravo) is None  # in the database first
    assert shown(window) == ["Alpha", "Bravo", "Charlie", "Delta"]
    assert rect(window, bravo).bottom() < frame(window, group).top()  # drawn above the frame
    assert window.scene.cluster_items[group].count == 1
    assert window.scene.selected_card_ids() == [bravo]  # still selected: keys go on
    window.grab().save(str(shots() / "group-card-out-above.png"))
    QTest.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert cluster_of(store, bravo) == group  # back in, at the top of the group
    assert frame(window, group).contains(rect(window, bravo))
    # Ctrl+Down on the last card: out below the frame; the next one: past Delta
    window.board_actions.select_and_show([grouped["Charlie"]])
    QTest.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    window.scene.notes.measure_all()
    charlie = grouped["Charlie"]
    assert cluster_of(store, charlie) is None
    assert rect(window, charlie).top() > frame(window, group).bottom()
    # undo puts it back (keyboard moves of one selection are one step)
    window.undo_action.trigger()
    window.scene.notes.measure_all()
    assert cluster_of(store, charlie) == group
    assert frame(window, group).contains(rect(window, charlie))


def test_the_last_card_out_closes_the_group_and_undo_reopens_it(
    qtbot, window, store, grouped
) -> None:
    group = grouped["group"]
    view = window.board.view
    window.board_actions.select_and_show([grouped["Bravo"]])
    QTest.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    window.board_actions.select_and_show([grouped["Charlie"]])
    QTest.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert groups.clusters(store, window.session.id) == []
    assert group not in window.scene.cluster_items
    window.undo_action.trigger()
    assert [c.id for c in groups.clusters(store, window.session.id)] == [group]
    assert window.scene.cluster_items[group].isVisible()


def test_dragging_a_card_out_of_the_frame_takes_it_out_and_into_it_puts_it_in(
    qtbot, window, store, grouped
) -> None:
    group, charlie, alpha = grouped["group"], grouped["Charlie"], grouped["Alpha"]
    scene = window.scene
    below = rect(window, grouped["Delta"])
    start = point_of(window, charlie)
    end = window.board.view.mapFromScene(QPointF(below.center().x(), below.bottom() + 20))
    drag(window, start, end)
    scene.notes.measure_all()
    assert cluster_of(store, charlie) is None
    assert shown(window) == ["Alpha", "Bravo", "Delta", "Charlie"]
    assert not frame(window, group).intersects(rect(window, charlie))
    # Alpha dropped inside the frame, below Bravo: it joins the group
    inside = rect(window, grouped["Bravo"])
    scene.select_cards([alpha])
    drag(
        window,
        point_of(window, alpha),
        window.board.view.mapFromScene(QPointF(inside.center().x(), inside.bottom() + 4)),
    )
    scene.notes.measure_all()
    assert cluster_of(store, alpha) == group
    assert shown(window) == ["Bravo", "Alpha", "Delta", "Charlie"]
    assert frame(window, group).contains(rect(window, alpha))
    window.undo_action.trigger()
    assert cluster_of(store, alpha) is None


def test_a_click_on_the_band_selects_the_group_and_f2_renames_it(
    qtbot, window, store, grouped, monkeypatch
) -> None:
    group = grouped["group"]
    asked = []

    def answer(parent, title, label, text=""):
        asked.append(text)
        return "Transports en commun", True

    monkeypatch.setattr("ui.group_actions.QInputDialog.getText", answer)
    viewport = window.board.view.viewport()
    QTest.mouseClick(
        viewport,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        band_point(window, group),
    )
    scene = window.scene
    assert scene.selected_card_ids() == [grouped["Bravo"], grouped["Charlie"]]
    assert scene.selected_group() == group
    assert scene.cluster_items[group].selected  # the band is outlined
    window.grab().save(str(shots() / "group-selected.png"))
    window.board.view.setFocus()
    QTest.keyClick(window.board.view, Qt.Key.Key_F2)
    assert asked == ["Mobilité"]  # the dialog starts from the current name
    assert store.get(groups.Cluster, group).name == "Transports en commun"
    assert "Transports en commun" in scene.cluster_items[group].label()
    window.undo_action.trigger()
    assert store.get(groups.Cluster, group).name == "Mobilité"
    assert "Mobilité" in scene.cluster_items[group].label()
    # the whole group moves as a block with Ctrl+Down, its name with it
    QTest.keyClick(window.board.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert shown(window) == ["Alpha", "Delta", "Bravo", "Charlie"]
    assert cluster_of(store, grouped["Bravo"]) == group


def test_double_click_on_the_band_renames_and_an_empty_name_is_refused(
    qtbot, window, store, grouped, monkeypatch
) -> None:
    group = grouped["group"]

    def double_click_band(answer: str) -> None:
        monkeypatch.setattr("ui.group_actions.QInputDialog.getText", lambda *a, **k: (answer, True))
        QTest.mouseDClick(
            window.board.view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            band_point(window, group),
        )

    double_click_band("   ")
    assert store.get(groups.Cluster, group).name == "Mobilité"
    assert window.statusBar().currentMessage() == "Donnez un nom au groupe."
    double_click_band("Mobilités douces")
    assert store.get(groups.Cluster, group).name == "Mobilités douces"
    assert not window.board_actions.editor.isVisible()  # no card editing on the band


def test_the_context_menu_renames_and_takes_a_card_out(
    qtbot, window, store, grouped, monkeypatch
) -> None:
    group, bravo = grouped["group"], grouped["Bravo"]
    monkeypatch.setattr(
        "ui.group_actions.QInputDialog.getText", lambda *a, **k: ("Tram et vélo", True)
    )
    window.scene.select_cards([bravo])
    menu = window.board_actions.context_menu()
    entries = {a.text(): a for a in menu.actions()}
    entries["Renommer le groupe…"].trigger()
    assert store.get(groups.Cluster, group).name == "Tram et vélo"
    entries["Sortir du groupe"].trigger()
    window.scene.notes.measure_all()
    assert cluster_of(store, bravo) is None
    assert shown(window) == ["Alpha", "Charlie", "Bravo", "Delta"]
    assert rect(window, bravo).top() > frame(window, group).bottom()
    # a card outside any group: no group entries
    window.scene.select_cards([grouped["Alpha"]])
    texts = [a.text() for a in window.board_actions.context_menu().actions()]
    assert "Renommer le groupe…" not in texts
