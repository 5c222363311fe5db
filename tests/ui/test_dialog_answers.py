"""The walk's dialog answerer (tests/ui/dialogs.py) answers as a user would, also the boxes Qt
makes itself: ``QMessageBox.question`` (the room guard's « Changer d'atelier », « Nouveau code
de la salle »…) lives on the C++ stack, and a button taken from it before the click was gone
when the click came: the box stayed, was refused after 16 tries, and the walks never went
past a « Oui »."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.ui.dialogs import answering_dialogs


def test_a_question_qt_makes_itself_is_answered_yes(qtbot, tmp_path) -> None:
    button = QMessageBox.StandardButton
    with answering_dialogs(tmp_path) as answers:
        answer = QMessageBox.question(
            None, "Nouveau code de la salle", "Sûr ?", button.Yes | button.No, button.No
        )
    assert answer == button.Yes
    assert answers.seen == ["QMessageBox: Nouveau code de la salle"]
    assert answers.refused == []


def test_a_box_with_only_ok_is_answered_ok(qtbot, tmp_path) -> None:
    with answering_dialogs(tmp_path) as answers:
        answer = QMessageBox.information(None, "Fabrique", "Importé.")
    assert answer == QMessageBox.StandardButton.Ok
    assert answers.refused == []
