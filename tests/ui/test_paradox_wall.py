"""Paradoxes formed on the wall of a Valeurs atelier (issue 26): two cards noted from what
the personas said (an atout, a problème), selected with the mouse, formed into a paradox
with Ctrl+Alt+P (title suggested, facts typed); the atelier's report shows it with the
cards it came from (pdftotext); Ctrl+Z undoes it."""

from __future__ import annotations

import io

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from exports.session_report import build_session_pdf
from fabrique_desktop.model import Series
from fabrique_desktop.report import gather_session
from fabrique_desktop.template_exchange import export_template
from tests.exports.pdf_text import flat, pdftotext, printed
from tests.ui.test_board import add, click
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
