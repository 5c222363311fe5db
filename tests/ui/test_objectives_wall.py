"""Objectives on the wall of an Objectifs atelier (issue 26): the facilitator selects pistes
of one Vivre with the mouse, makes them an objective with Ctrl+G, and the atelier's report
shows the objective with its pistes and their horizon (read back with pdftotext); Ctrl+Z
undoes it."""

from __future__ import annotations

import io

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from exports.session_report import build_session_pdf
from fabrique_desktop import board, groups
from fabrique_desktop.report import gather_session
from tests.exports.pdf_text import flat, pdftotext, printed
from tests.ui.test_board import board_key, click


def _report_text(store, session) -> str:
    out = io.BytesIO()
    build_session_pdf(gather_session(store, session), out)
    return flat(pdftotext(out.getvalue()))


def test_pistes_grouped_on_the_wall_are_the_reports_objectives(
    qtbot, wall, store, demo_session, monkeypatch
) -> None:
    asked = []

    def name(parent, title, label, *args, **kwargs):
        asked.append((title, label))
        return "Sortir de la dépendance à la voiture", True

    monkeypatch.setattr(QInputDialog, "getText", name)
    mobility = [
        c for c in board.column_cards(store, demo_session.id, "mieux") if c.tags == ["#Mobilité"]
    ]
    wall.scene.notes.measure_all()
    wall.board.view.ensureVisible(wall.scene.items_by_id[mobility[0].id])
    click(wall, mobility[0].id)
    click(wall, mobility[1].id, Qt.KeyboardModifier.ControlModifier)
    assert set(wall.scene.selected_card_ids()) == {mobility[0].id, mobility[1].id}
    board_key(qtbot, wall, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)

    assert asked == [("Nouvel objectif", "Nom de l'objectif :")]
    (objective,) = groups.clusters(store, demo_session.id, "mieux")
    assert {c.id for c in groups.members(store, objective)} == {mobility[0].id, mobility[1].id}
    text = _report_text(store, demo_session)
    assert "Les objectifs" in text
    assert "1 objectif" in text
    assert printed("Vivre mieux — Sortir de la dépendance à la voiture") in text
    for card in mobility[:2]:
        assert printed(card.text) + " (2040)" in text

    board_key(qtbot, wall, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not [c for c in groups.clusters(store, demo_session.id) if not c.deleted]
    text = _report_text(store, demo_session)
    assert printed("Sortir de la dépendance à la voiture") not in text
    assert "Aucun objectif n’est encore formé" in text  # and how to make one
