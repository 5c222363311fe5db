"""The values round of a Valeurs atelier on the wall (issue 26): a value proposed on the
board (typed, Enter), dot-voted (« + »), adopted with its definition (Ctrl+Alt+A); the
atelier's report shows it among the values, with its proposal and its dots (pdftotext);
Ctrl+Z undoes the adoption."""

from __future__ import annotations

import io

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from exports.session_report import build_session_pdf
from fabrique_desktop.model import Card, Series
from fabrique_desktop.report import gather_session
from tests.exports.pdf_text import flat, pdftotext, printed
from tests.ui.test_board import add, board_key, click

DEFINITION = "Prendre soin de ce qui nous est confié : l'eau, la mer, la terre, l'air."


def _report(store, session) -> str:
    out = io.BytesIO()
    build_session_pdf(gather_session(store, session), out)
    return flat(pdftotext(out.getvalue()))


def _values(store, series_id) -> list[str]:
    return [v["title"] for v in store.get(Series, series_id).template["values"]]


def test_a_proposal_voted_and_adopted_becomes_a_value_of_the_report(
    qtbot, window, store, session, monkeypatch
) -> None:
    assert session.phase == "valeurs"
    asked = []

    def define(parent, title, label, *args, **kwargs):
        asked.append(label)
        return DEFINITION, True

    monkeypatch.setattr(QInputDialog, "getMultiLineText", define)
    proposal = add(qtbot, window, "Sobriété")
    window.scene.notes.measure_all()
    click(window, proposal)
    board_key(qtbot, window, Qt.Key.Key_Plus)
    board_key(qtbot, window, Qt.Key.Key_Plus)
    qtbot.keyClick(
        window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )

    assert asked == ["Définition de la valeur « Sobriété » :"]
    assert _values(store, session.series_id)[-1] == "Sobriété"
    assert store.get(Card, proposal).value_keys
    figures = {f.label: f.value for f in gather_session(store, session).figures}
    assert figures["valeurs"] == "6"
    text = _report(store, session)
    assert printed(DEFINITION) in text
    # the demo's atelier 1: its results are those of ateliers 1 et 2 together
    adopted = "Adoptée par les ateliers 1 et 2 (proposition « Sobriété », 2 gommettes)."
    assert printed(adopted) in text

    board_key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Sobriété" not in _values(store, session.series_id)
    assert not store.get(Card, proposal).value_keys
