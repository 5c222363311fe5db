"""Card fusion: several duplicate ideas become one (Ctrl+M), and back (Ctrl+Shift+M).

(Merging laptops' copies of a session is another thing: ``ui/notes_menu.py``.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from fabrique_desktop import card_fusion
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Card
from ui.animation.context import FeatureContext

if TYPE_CHECKING:
    from ui.fusion_dialog import FusionDialog


class FusionFeature(QObject):
    def __init__(self, context: FeatureContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.dialog: FusionDialog | None = None

    def fuse(self) -> None:
        """Ask for the wording of the selected ideas fused into one."""
        cards = self.context.selected_cards()
        if len(cards) < 2:
            self.context.refuse(
                self.tr("Sélectionnez au moins deux idées à fusionner (Ctrl+clic).")
            )
            return
        from ui.fusion_dialog import FusionDialog

        dialog = FusionDialog(cards, self.context.window)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.fuse_with_text(cards, dialog.fused_text()))
        dialog.open()

    def fuse_with_text(self, cards: list[Card], text: str) -> None:
        """One undo step; the fused card is selected and in sight."""
        try:
            change = card_fusion.fuse(cards, text)
        except FabriqueError as error:
            self.context.report(str(error))
            return
        if self.context.bus.push(change):
            self.context.select_and_show(change.touched(Card.kind) - {c.id for c in cards})

    def unfuse(self) -> None:
        """The originals of the selected fused ideas come back, selected."""
        context = self.context
        try:
            change, originals = card_fusion.unfuse_selection(
                context.store, context.selected_cards()
            )
        except FabriqueError as error:
            context.refuse(str(error))
            return
        if context.bus.push(change):
            context.select_and_show(originals)
