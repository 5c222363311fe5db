"""Named groups of ideas on the board: made from the selection (Ctrl+G), undone (Ctrl+Shift+G).

Renaming a group and taking cards out of it are board actions (``ui/group_actions.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog

from fabrique_desktop import groups
from fabrique_desktop.errors import FabriqueError
from ui.animation.context import FeatureContext


class GroupFeature(QObject):
    def __init__(self, context: FeatureContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def group(self) -> None:
        context = self.context
        cards = context.selected_cards()
        if not cards:
            context.refuse(self.tr("Sélectionnez les idées à regrouper."))
            return
        if context.session.phase == "objectifs":  # an objective: a named group of pistes
            title, label = self.tr("Nouvel objectif"), self.tr("Nom de l'objectif :")
        else:
            title, label = self.tr("Regrouper"), self.tr("Nom du groupe :")
        name, ok = QInputDialog.getText(context.window, title, label)
        if not ok:
            return
        try:
            change = groups.group(context.store, cards, name)
        except FabriqueError as error:
            context.report(str(error))
            return
        context.bus.push(change)

    def ungroup(self) -> None:
        context = self.context
        try:
            change = groups.ungroup_selection(context.store, context.selected_cards())
        except FabriqueError as error:
            context.refuse(str(error))
            return
        context.bus.push(change)
