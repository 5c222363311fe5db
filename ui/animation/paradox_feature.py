"""Paradoxes on the wall of a Valeurs atelier: the facilitator selects an atout and a
problème (two cards; the first on the board is taken as the atout, the dialog lets the room
swap or rewrite them) and forms a paradox of them (Ctrl+Alt+P): a
title (suggested « atout, mais défi »), the asset, the challenge and the facts, one per line.
One undo step through the bus (``fabrique_desktop.paradoxes``)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from fabrique_desktop import paradoxes
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Series
from ui.animation.context import FeatureContext


class ParadoxDialog(QDialog):
    """Title, asset, challenge and facts of a paradox, pre-filled from the two cards."""

    def __init__(self, parent: QWidget | None, asset: str, challenge: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Former un paradoxe"))
        self.title = QLineEdit(paradoxes.suggested_title(asset, challenge))
        self.asset = QLineEdit(asset)
        self.challenge = QLineEdit(challenge)
        self.facts = QPlainTextEdit()
        self.facts.setPlaceholderText(self.tr("Un fait ou un chiffre par ligne"))
        form = QFormLayout(self)
        form.addRow(self.tr("Titre :"), self.title)
        form.addRow(self.tr("Atout :"), self.asset)
        form.addRow(self.tr("Défi :"), self.challenge)
        form.addRow(self.tr("Faits :"), self.facts)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, str, list[str]]:
        facts = self.facts.toPlainText().splitlines()
        return self.title.text(), self.asset.text(), self.challenge.text(), facts


class ParadoxFeature(QObject):
    def __init__(self, context: FeatureContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def form(self) -> None:
        """Form a paradox from the two selected cards (in board order: atout, problème)."""
        context = self.context
        cards = context.selected_cards()
        if len(cards) != 2:
            context.refuse(
                self.tr("Sélectionnez deux cartes : l'atout et le problème (Ctrl+clic).")
            )
            return
        series = context.store.get(Series, context.session.series_id)
        if series is None:
            return
        dialog = ParadoxDialog(context.window, cards[0].text, cards[1].text)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        title, asset, challenge, facts = dialog.values()
        try:
            change = paradoxes.form(series, cards, title, asset, challenge, facts)
        except FabriqueError as error:
            context.report(str(error))
            return
        context.bus.push(change)
        context.report(self.tr("Paradoxe formé : %1").replace("%1", title.strip()))
