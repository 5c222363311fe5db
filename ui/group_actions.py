"""Groups on the board from the facilitator's side: rename a group, take cards out of it.

A group is selected by a click on its name band (or by selecting all its cards); then F2 or
Enter, a double-click on the band or « Renommer le groupe… » in the context menu renames
it. « Sortir du groupe » takes the selected cards out, just below the frame; Ctrl+Up on a
group's first card or Ctrl+Down on its last does the same by one step (see
``fabrique_desktop.grouping``). Every change is an undo step through the board controller,
stored before it is shown. This module is imported on first use, not at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMenu

from fabrique_desktop import grouping, groups
from fabrique_desktop.errors import FabriqueError

if TYPE_CHECKING:
    from ui.board_actions import BoardActions


class GroupActions(QObject):
    """The group commands of one board (``BoardActions.groups()``)."""

    def __init__(self, actions: BoardActions) -> None:
        super().__init__(actions)
        self.board = actions

    def rename(self, cluster_id: str | None = None) -> None:
        """Ask for the group's new name (the selected group's if none is given)."""
        board = self.board
        cluster_id = cluster_id or board.scene.selected_group() or self._group_of_selection()
        cluster = board.controller.store.get(groups.Cluster, cluster_id or "")
        if cluster is None or cluster.deleted:
            self._report(self.tr("Sélectionnez un groupe (cliquez sur son nom)."))
            return
        title, label = self.tr("Renommer le groupe"), self.tr("Nom du groupe :")
        name, ok = QInputDialog.getText(board.window, title, label, text=cluster.name)
        if not ok:
            return
        try:
            change = groups.rename_cluster(cluster, name)
        except FabriqueError as error:
            self._report(str(error))
            return
        if change:
            board.push(change)

    def take_out(self) -> None:
        """The selected cards leave their group, just below its frame."""
        board = self.board
        cards = board.selected_cards()
        change = grouping.take_out(board.controller.store, board.controller.session.id, cards)
        if not change:
            # an earlier atelier's piste alone: said read-only
            self._report(board.refusal(self.tr("Sélectionnez une idée d'un groupe.")))
            return
        board.scene.selection.chosen_group = None
        board.push(change)

    def add_to_menu(self, menu: QMenu) -> None:
        """The group entries of a card's context menu, when the selection is in a group."""
        if self._group_of_selection() is None:
            return
        menu.addSeparator()
        rename = menu.addAction(self.tr("Renommer le groupe…"))
        rename.triggered.connect(lambda _=False: self.rename())
        take_out = menu.addAction(self.tr("Sortir du groupe"))
        take_out.triggered.connect(lambda _=False: self.take_out())

    # private

    def _group_of_selection(self) -> str | None:
        """The group of the current card (or of the selected group)."""
        scene = self.board.scene
        chosen = scene.selected_group()
        if chosen is not None:
            return chosen
        card = scene.notes.card(scene.current_card_id() or "")
        return grouping.group_of(card, scene.clusters) if card is not None else None

    def _report(self, text: str) -> None:
        status = getattr(self.board.window, "statusBar", None)
        if callable(status):
            status().showMessage(text, 8000)
