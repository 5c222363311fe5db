"""The values round of a Valeurs atelier from the facilitator's side: the proposal chosen
by the room (selected on the wall) is adopted as a shared value with its definition
(Ctrl+Alt+A). One undo step through the bus (``fabrique_desktop.values_round``)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog

from fabrique_desktop import values_round
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Series
from ui.animation.context import FeatureContext


class ValuesFeature(QObject):
    def __init__(self, context: FeatureContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def adopt(self) -> None:
        """Ask for the definition of the selected proposal and adopt it as a value."""
        context = self.context
        cards = context.selected_cards()
        if len(cards) != 1:
            context.refuse(self.tr("Sélectionnez la proposition à adopter comme valeur."))
            return
        series = context.store.get(Series, context.session.series_id)
        if series is None:
            return
        title = values_round.value_title(cards[0])
        definition, ok = QInputDialog.getMultiLineText(
            context.window,
            self.tr("Adopter comme valeur"),
            self.tr("Définition de la valeur « %1 » :").replace("%1", title),
        )
        if not ok:
            return
        try:
            change = values_round.adopt(series, cards[0], definition)
        except FabriqueError as error:
            context.report(str(error))
            return
        context.bus.push(change)
        context.report(self.tr("Valeur adoptée : %1").replace("%1", title))
