"""Paradoxes formed on the wall of a Valeurs atelier (issue 26): two cards noted from what
the personas said (an atout, a problème), selected with the mouse, formed into a paradox
with Ctrl+Alt+P (title suggested, facts typed); the atelier's report shows it with the
cards it came from (pdftotext); Ctrl+Z undoes it."""

from __future__ import annotations

import io

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from exports.session_report import build_session_pdf
from fabrique_desktop.model import Card, Series
from fabrique_desktop.report import gather_session
from fabrique_desktop.template_exchange import export_template
from tests.exports.pdf_text import flat, pdftotext, printed
from tests.ui.test_board import add, click
from tests.ui.test_phase_walls import _open_room
from ui.animation.paradox_feature import ParadoxDialog

ASSET = "Des plages et des calanques magnifiques"
CHALLENGE = "Des embouteillages pour y aller"
FACT = "93 % des déplacements se font encore en voiture"


def _paradoxes(store, series_id) -> list[dict]:
    return store.get(Series, series_id).template["paradoxes"]


def test_two_cards_of_the_wall_become_a_paradox_of_the_report(
    qtbot, window, store, session, monkeypatch
) -> None:
    assert session.phase == "valeurs"
    shown = []

    def accept(dialog: ParadoxDialog) -> int:
        shown.append((dialog.title.text(), dialog.asset.text(), dialog.challenge.text()))
        dialog.facts.insertPlainText(FACT)  # as typed in the dialog
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ParadoxDialog, "exec", accept)
    asset = add(qtbot, window, ASSET)
    challenge = add(qtbot, window, CHALLENGE)
    window.scene.notes.measure_all()
    click(window, asset)
    click(window, challenge, Qt.KeyboardModifier.ControlModifier)
    ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(window, Qt.Key.Key_P, ctrl_alt)

    title = f"{ASSET}, mais des embouteillages pour y aller"
    assert shown == [(title, ASSET, CHALLENGE)]
    formed = _paradoxes(store, session.series_id)[-1]
    assert (formed["title"], formed["facts"], formed["cards"]) == (
        title,
        [FACT],
        [asset, challenge],
    )
    assert len(_paradoxes(store, session.series_id)) == 8
    out = io.BytesIO()
    build_session_pdf(gather_session(store, session), out)
    text = flat(pdftotext(out.getvalue()))
    assert printed(f"8. {title}") in text
    assert printed(FACT) in text
    assert printed(f"Formé sur le mur à partir de « {ASSET} » et « {CHALLENGE} ».") in text
    # a template holds the method: the wall's cards stay in the data
    exported = export_template(store, store.get(Series, session.series_id))
    assert "cards" not in exported["paradoxes"][-1]

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(_paradoxes(store, session.series_id)) == 7


def test_the_demos_paired_cards_and_adopted_values_say_so_on_the_wall(
    qtbot, fabrique_app, store, demo, monkeypatch
) -> None:
    """The demo's atelier 1: each atout and problème a paradox was formed from says
    « Paradoxe N » under its text, each adopted value « Valeur adoptée »; a paradox formed
    on the wall (Ctrl+Alt+P) marks its two cards at once, Ctrl+Z takes the mark off; the
    audience window (Ctrl+F5) says the same."""
    from fabrique_desktop.workspace import list_sessions
    from tests.ui.conftest import shown_window

    first = list_sessions(store, demo.id)[0]
    window = shown_window(qtbot, fabrique_app, first)
    window.scene.notes.measure_all()
    series = store.get(Series, demo.id)
    for number, paradox in enumerate(series.template["paradoxes"], start=1):
        for card_id in paradox["cards"]:
            assert f"Paradoxe {number}" in window.scene.notes.items[card_id].badge_text()
    values = [i for i in window.scene.cards_in("valeurs")]
    assert len(values) == 5
    assert all("Valeur adoptée" in i.badge_text() for i in values)

    monkeypatch.setattr(ParadoxDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    asset = add(qtbot, window, f"{ASSET} >1")
    challenge = add(qtbot, window, f"{CHALLENGE} >2")
    window.scene.notes.measure_all()
    assert "Paradoxe" not in window.scene.notes.items[asset].badge_text()
    window.scene.select_cards([asset, challenge])  # the 8th of each column (below the fold)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(window, Qt.Key.Key_P, ctrl_alt)
    assert len(store.get(Series, demo.id).template["paradoxes"]) == 8
    for card_id in (asset, challenge):
        assert "Paradoxe 8" in window.scene.notes.items[card_id].badge_text()
    room = _open_room(qtbot, window, monkeypatch)
    qtbot.waitUntil(lambda: asset in room.scene.notes.items)
    room.scene.notes.measure_all()
    assert "Paradoxe 8" in room.scene.notes.items[asset].badge_text()

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Paradoxe" not in window.scene.notes.items[asset].badge_text()
    first_atout = series.template["paradoxes"][0]["cards"][0]
    assert "Paradoxe 1" in window.scene.notes.items[first_atout].badge_text()
    qtbot.waitUntil(lambda: "Paradoxe" not in room.scene.notes.items[asset].badge_text())


def test_a_piste_linked_to_a_value_is_not_said_adopted(
    qtbot, fabrique_app, store, demo_session
) -> None:
    """On an Objectifs wall a value key links a piste to a value (its menu's « Valeurs »):
    no « Valeur adoptée » there (only a Valeurs atelier adopts values)."""
    from fabrique_desktop import board as cards
    from tests.ui.conftest import shown_window

    window = shown_window(qtbot, fabrique_app, demo_session)
    card = add(qtbot, window, "Une piste solidaire")
    window.controller.bus.push(cards.edit(store.get(Card, card), value_keys=["solidarite"]))
    assert store.get(Card, card).value_keys == ["solidarite"]
    window.scene.notes.measure_all()
    assert "Valeur adoptée" not in window.scene.notes.items[card].badge_text()
