"""One facilitator, one laptop, the three atelier types of the seed, end to end.

Each scenario drives the app as the facilitator would, by keyboard and menu: load the
built-in agenda, step through it with the timer, capture ideas, merge duplicates, run a
dot vote for the room, show the ranking, converge into engagements, write the récit and
attach photos. Everything is checked in the database, not only on screen.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from fabrique_desktop import (
    agenda,
    board,
    card_fusion,
    convergence,
    groups,
    photos,
    recit,
    timer,
    votes,
)
from fabrique_desktop.model import Engagement
from fabrique_desktop.workspace import list_sessions
from tests.ui.conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2017, 4, 3, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def open_atelier(qtbot, fabrique_app, store, demo):
    def open_(number: int):
        session = next(s for s in list_sessions(store, demo.id) if s.number == number)
        window = fabrique_app.open_session(session.id)
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        qtbot.wait_exposed(window)
        window.activateWindow()
        qtbot.wait_until(window.isActiveWindow)
        clock = Clock()
        window.animation.context.clock = clock
        window.animation.timer.make_overlay().ring = lambda: None
        return window, session, clock

    return open_


def key(qtbot, window, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window, k, modifier)


def board_key(qtbot, window, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    view = window.board.view
    view.setFocus(Qt.FocusReason.ShortcutFocusReason)
    qtbot.keyClick(view, k, modifier)


def capture(qtbot, window, text: str) -> str:
    window.focus_capture()
    type_text(window.capture.field, text)
    qtbot.keyClick(window.capture.field, Qt.Key.Key_Return)
    return window._last_captured


def select(window, *card_ids: str) -> None:
    window.scene.select_cards(list(card_ids))


def step(qtbot, window, clock, minutes: float) -> None:
    """The facilitator lets the round run, then goes to the next step (Ctrl+Shift+N)."""
    clock.advance(minutes)
    key(qtbot, window, Qt.Key.Key_N, CTRL_SHIFT)


def vote(qtbot, window, card_id: str, dots: int = 1) -> None:
    select(window, card_id)
    for _ in range(dots):
        board_key(qtbot, window, Qt.Key.Key_Plus)


def merge_by_keyboard(qtbot, window, card_ids: list[str], text: str | None = None) -> str:
    select(window, *card_ids)
    board_key(qtbot, window, Qt.Key.Key_M, CTRL)
    dialog = window.animation.fusion.dialog
    qtbot.wait_exposed(dialog)
    if text is not None:
        dialog.text.clear()
        type_text(dialog.text, text)
    dialog.accept()
    (merged,) = window.scene.selected_card_ids()
    return merged


def photo(tmp_path, name: str):
    image = QImage(3000, 2000, QImage.Format.Format_RGB32)
    image.fill(QColor("#FFF59D"))
    path = tmp_path / name
    assert image.save(str(path))
    return path


def run_the_whole_agenda(qtbot, window, session, clock, store) -> None:
    items = agenda.activities(store, session.id)
    while agenda.current(agenda.activities(store, session.id)) is not None:
        step(qtbot, window, clock, 10)
    items = agenda.activities(store, session.id)
    assert all(a.done for a in items)
    summary = agenda.summary(items, clock())
    assert summary.done == summary.total == len(items)


def test_atelier_valeurs(qtbot, open_atelier, store, tmp_path) -> None:
    window, session, clock = open_atelier(1)
    assert session.phase == "valeurs"
    key(qtbot, window, Qt.Key.Key_D, CTRL_SHIFT)  # the agenda
    key(qtbot, window, Qt.Key.Key_N, CTRL_SHIFT)  # loads the Valeurs agenda
    assert agenda.activities(store, session.id)[1].title.startswith("Diagnostic")
    key(qtbot, window, Qt.Key.Key_N, CTRL_SHIFT)  # starts « Accueil »: timer set and running
    state = timer.get(store, session.id)
    assert state.running
    assert state.duration == 15 * 60
    step(qtbot, window, clock, 16)  # paradoxes
    step(qtbot, window, clock, 20)  # personas dealt
    step(qtbot, window, clock, 10)  # tour de table
    step(qtbot, window, clock, 25)  # values proposed by the tables
    ideas = {
        text: capture(qtbot, window, text)
        for text in (
            "Innovation : faire plus, mieux, autrement",
            "Ouverture",
            "L'ouverture au monde",
            "Solidarité entre les territoires",
            "Authenticité « provençale »",
        )
    }
    step(qtbot, window, clock, 15)  # grouping close values: merge two duplicates
    merged = merge_by_keyboard(
        qtbot, window, [ideas["Ouverture"], ideas["L'ouverture au monde"]], "Ouverture au monde"
    )
    assert [c.text for c in board.column_cards(store, session.id, "inbox")][1] == (
        "Ouverture au monde"
    )
    step(qtbot, window, clock, 10)  # the vote: three tables, three dots each
    key(qtbot, window, Qt.Key.Key_V, CTRL_SHIFT)
    panel = window.animation.votes.panel
    panel.tables_count.setValue(3)
    panel.tables_button.click()
    vote(qtbot, window, merged, 2)
    vote(qtbot, window, ideas["Solidarité entre les territoires"])
    board_key(qtbot, window, Qt.Key.Key_Down, ALT)  # Table 2
    vote(qtbot, window, merged)
    vote(qtbot, window, ideas["Innovation : faire plus, mieux, autrement"], 2)
    board_key(qtbot, window, Qt.Key.Key_Down, ALT)  # Table 3
    vote(qtbot, window, ideas["Authenticité « provençale »"], 3)
    assert [left for _, _, left in votes.voter_summary(store, session.id)] == [0, 0, 0]
    step(qtbot, window, clock, 10)  # ranking
    key(qtbot, window, Qt.Key.Key_K, CTRL_SHIFT)
    ranking = window.animation.votes.ranking
    assert ranking.rows[0] == ("Ouverture au monde", 3)
    assert len(ranking.rows) == 4
    window.activateWindow()
    qtbot.wait_until(window.isActiveWindow)
    step(qtbot, window, clock, 20)  # photos and closing
    key(qtbot, window, Qt.Key.Key_I, CTRL_SHIFT)
    window.animation.photos.gallery.add_files([photo(tmp_path, "mur-des-valeurs.png")])
    assert len(photos.photos(store, session.id)) == 1
    window.activateWindow()
    qtbot.wait_until(window.isActiveWindow)
    run_the_whole_agenda(qtbot, window, session, clock, store)


def test_atelier_objectifs_et_pistes(qtbot, open_atelier, store, demo, tmp_path) -> None:
    window, session, clock = open_atelier(3)
    assert session.phase == "objectifs"
    key(qtbot, window, Qt.Key.Key_D, CTRL_SHIFT)
    key(qtbot, window, Qt.Key.Key_N, CTRL_SHIFT)
    key(qtbot, window, Qt.Key.Key_N, CTRL_SHIFT)
    for minutes in (10, 15, 15, 20):
        step(qtbot, window, clock, minutes)  # up to « Pistes de projet par table »
    current = agenda.current(agenda.activities(store, session.id))
    assert current.title == "Pistes de projet par table"
    assert window.animation.timer.overlay.time_label.text() == "30:00"
    clock.advance(29)
    window.animation.timer.overlay.update_display()
    assert window.animation.timer.overlay.time_label.text() == "1:00"
    key(qtbot, window, Qt.Key.Key_F8)  # one more minute for the tables
    assert window.animation.timer.overlay.time_label.text() == "2:00"
    tram = capture(qtbot, window, "Un tram jusqu'à Aubagne")
    tramway = capture(qtbot, window, "Le tramway vers Aubagne et La Ciotat")
    for card_id in (tram, tramway):
        select(window, card_id)
        board_key(qtbot, window, Qt.Key.Key_1)  # to Vivre Mieux
    step(qtbot, window, clock, 2)  # sorting
    step(qtbot, window, clock, 25)  # merging duplicates
    merged = merge_by_keyboard(qtbot, window, [tram, tramway])
    assert card_fusion.history(store, store.get(card_fusion.Card, merged))
    step(qtbot, window, clock, 15)  # the vote, secret this time
    key(qtbot, window, Qt.Key.Key_V, CTRL_SHIFT)
    panel = window.animation.votes.panel
    panel.tables_count.setValue(4)
    panel.tables_button.click()
    panel.secret.setChecked(True)
    cards = board.column_cards(store, session.id, "monde")[:3]
    for index in range(4):
        vote(qtbot, window, merged)
        vote(qtbot, window, cards[index % 3].id, 2)
        board_key(qtbot, window, Qt.Key.Key_Down, ALT)
    assert window.scene.items_by_id[merged].votes == 0  # hidden until the reveal
    step(qtbot, window, clock, 10)
    key(qtbot, window, Qt.Key.Key_K, CTRL_SHIFT)
    ranking = window.animation.votes.ranking
    assert ranking.rows == []
    ranking.reveal_button.click()
    assert ranking.rows[0][1] == 4
    assert window.scene.items_by_id[merged].votes == 4
    window.activateWindow()
    qtbot.wait_until(window.isActiveWindow)
    step(qtbot, window, clock, 10)  # récit: quotes from the room
    key(qtbot, window, Qt.Key.Key_C, CTRL_SHIFT)
    view = window.animation.recit.view
    qtbot.wait_until(view.isActiveWindow)
    view.persona.setCurrentIndex(3)
    view.quote.setFocus()
    type_text(view.quote, "En 2040 on va à Aubagne en tram, sans voiture")
    assert view.quote.text().startswith("En 2040"), view.quote.text()
    qtbot.keyClick(view.quote, Qt.Key.Key_Return)
    assert recit.quotes(store, demo.id)[0].persona_id is not None
    window.activateWindow()
    qtbot.wait_until(window.isActiveWindow)
    step(qtbot, window, clock, 15)
    key(qtbot, window, Qt.Key.Key_I, CTRL_SHIFT)
    window.animation.photos.gallery.add_files([photo(tmp_path, "paperboard.png")])
    window.activateWindow()
    qtbot.wait_until(window.isActiveWindow)
    run_the_whole_agenda(qtbot, window, session, clock, store)


def test_atelier_convergence(qtbot, open_atelier, store, demo, monkeypatch, tmp_path) -> None:
    window, session, clock = open_atelier(5)
    assert session.phase == "convergence"
    template = window.controller.template
    # the project team brings back the reworked ideas of the earlier ateliers
    for column in template.vivre_columns:
        for n in range(1, 6):
            store.apply(board.capture(store, session.id, f"{column.title} — piste {n}", column.key))
    window.scene.notes.show(board.session_cards(store, session.id))
    key(qtbot, window, Qt.Key.Key_D, CTRL_SHIFT)
    key(qtbot, window, Qt.Key.Key_N, CTRL_SHIFT)
    key(qtbot, window, Qt.Key.Key_N, CTRL_SHIFT)
    step(qtbot, window, clock, 10)  # re-reading
    step(qtbot, window, clock, 20)  # families: a cluster per Vivre
    names = iter([f"Famille {c.title}" for c in template.vivre_columns])
    monkeypatch.setattr(
        "ui.animation.group_feature.QInputDialog.getText", lambda *a, **k: (next(names), True)
    )
    for column in template.vivre_columns:
        cards = board.column_cards(store, session.id, column.key)
        select(window, cards[0].id, cards[1].id)
        board_key(qtbot, window, Qt.Key.Key_G, CTRL)
    assert len(groups.clusters(store, session.id)) == 4
    step(qtbot, window, clock, 20)  # the vote
    key(qtbot, window, Qt.Key.Key_V, CTRL_SHIFT)
    panel = window.animation.votes.panel
    panel.tables_count.setValue(4)
    panel.tables_button.click()
    for column in template.vivre_columns:
        cards = board.column_cards(store, session.id, column.key)
        vote(qtbot, window, cards[0].id)
        vote(qtbot, window, cards[2].id)
        vote(qtbot, window, cards[3].id)
        board_key(qtbot, window, Qt.Key.Key_Down, ALT)
    step(qtbot, window, clock, 15)
    step(qtbot, window, clock, 10)  # engagements: three per Vivre
    for column in template.vivre_columns:
        cards = board.column_cards(store, session.id, column.key)
        for chosen in (cards[0], cards[2], cards[3]):  # the family, then two single ideas
            select(window, chosen.id)
            board_key(qtbot, window, Qt.Key.Key_E, CTRL)
            dialog = window.animation.engagements.dialog
            type_text(dialog.purpose, "faciliter la vie des habitants")
            type_text(dialog.how, "Un premier point")
            qtbot.keyClick(dialog.how, Qt.Key.Key_Return)
            type_text(dialog.how, "Un second point")
            dialog.accept()
            window.activateWindow()
            qtbot.wait_until(window.isActiveWindow)
    engagements = convergence.engagements(store, session.id, [c.key for c in template.columns])
    assert len(engagements) == 12
    assert {e.column for e in engagements} == {c.key for c in template.vivre_columns}
    family = engagements[0]
    assert family.title == "Famille Vivre Mieux"
    assert len(family.card_ids) == 2
    assert family.purpose == "Pour faciliter la vie des habitants"
    assert family.how == ["Un premier point", "Un second point"]
    assert convergence.total_votes(store, family) == 1
    view = window.animation.engagements.view
    assert [view.lists[c.key].count() for c in template.vivre_columns] == [3, 3, 3, 3]
    assert "12 engagements" in view.summary.text()
    window.activateWindow()
    qtbot.wait_until(window.isActiveWindow)
    step(qtbot, window, clock, 45)  # the dream of each Vivre
    key(qtbot, window, Qt.Key.Key_C, CTRL_SHIFT)
    view = window.animation.recit.view
    qtbot.wait_until(view.isActiveWindow)
    for page in view.pages:
        assert view.tabs.currentWidget() is page
        page.dream.setFocus()
        type_text(page.dream, f"Le rêve : {page.column.title}, en 2047.")
        qtbot.keyClick(page.dream, Qt.Key.Key_PageDown, CTRL)  # next Vivre
    view.close()
    dreams = recit.dreams(store, demo.id)
    assert sorted(dreams) == sorted(c.key for c in template.vivre_columns)
    window.activateWindow()
    qtbot.wait_until(window.isActiveWindow)
    step(qtbot, window, clock, 30)
    key(qtbot, window, Qt.Key.Key_I, CTRL_SHIFT)
    window.animation.photos.gallery.add_files([photo(tmp_path, "engagements.png")])
    window.activateWindow()
    qtbot.wait_until(window.isActiveWindow)
    run_the_whole_agenda(qtbot, window, session, clock, store)
    assert store.count(Engagement, session_id=session.id) == 12
