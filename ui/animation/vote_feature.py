"""Dot votes: the vote dock, + and − on the selected cards, the counts on the board, reveal
and the ranking screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from fabrique_desktop import votes
from fabrique_desktop.changes import Change, Origin
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Card
from ui.animation.context import FeatureContext

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from fabrique_desktop.ports import Store
    from ui.ranking_view import RankingView
    from ui.vote_panel import VotePanel

# votes.add_dot, votes.remove_dot: (store, session id, card ids, voter id) → the change
DotsChange = Callable[["Store", str, list[str], str | None], Change]

# changes after which the vote panel and the counts are read again in full (rare); a
# session's change may be its anonymous mode, which names the participants
VOTER_KINDS = ("tables", "participants", "facilitation", "sessions")
DOCK_WIDTH = 280


class VoteFeature(QObject):
    def __init__(self, context: FeatureContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.dock: QDockWidget | None = None
        self.panel: VotePanel | None = None
        self.ranking: RankingView | None = None
        self._counts: dict[str, int] | None = None
        self._tally: votes.Tally | None = None
        context.bus.changed.connect(self._on_changed)
        board = getattr(context, "board", None)
        if board is not None and hasattr(board, "dots_counted"):
            board.dots_counted.connect(self.count_dots)  # « * » then the number

    def show_panel(self) -> None:
        """The vote panel, beside the board or folded (``ui/panel_strip.py``)."""
        context = self.context
        if self.dock is None:
            from ui.vote_panel import VotePanel

            self.panel = VotePanel(context.store, context.session.id)
            self.panel.write = self._push
            self.panel.voter_requested.connect(lambda change: context.bus.apply(change))
            self.dock = context.add_dock(self.tr("Votes"), self.panel, DOCK_WIDTH)
        context.show_dock(self.dock, DOCK_WIDTH)
        self.update_counts(reload=False)  # the tally follows every change

    def voter_id(self) -> str | None:
        if self.panel is not None:
            return self.panel.voter_id()
        return votes.settings(self.context.store, self.context.session.id).voter_id

    def add_dot(self) -> None:
        """+: a dot of the chosen voter on the selected cards; with no voter chosen, one of
        the room's dots (no budget: the facilitator counts the paper stickers)."""
        self._vote(votes.add_dot, 1)

    def remove_dot(self) -> None:
        self._vote(votes.remove_dot, -1)

    def ask_count(self) -> None:
        """*: type how many paper dots the selected card has (then Enter, or two digits)."""
        context = self.context
        if not context.scene.selected_card_ids() and context.scene.selected_earlier_ids():
            # an earlier atelier's piste: its dots are counted on its own wall
            context.refuse(self.tr("Choisissez d'abord l'idée dont vous comptez les gommettes."))
            return
        ask = getattr(context.board, "ask_dot_count", None)  # ui.board_view.BoardView
        if ask is not None:
            ask()

    def count_dots(self, card_id: str, total: int) -> None:
        """The facilitator counted ``total`` dots on a card: its count becomes that."""
        context = self.context
        try:
            change = votes.set_card_dots(context.store, context.session.id, card_id, total)
        except FabriqueError as error:
            self.report(str(error))
            return
        if change.edits and context.bus.push(change):
            context.scene.select_cards([card_id])

    def next_voter(self, delta: int = 1) -> None:
        if self.dock is None or not self.context.dock_open(self.dock):
            self.show_panel()  # (folded in full screen: it stays folded, the voter changes)
        assert self.panel is not None
        self.panel.select_voter(delta)
        label = self.panel.chosen_voter_label()
        if label and not self.panel.isVisible():
            self.context.report(self.tr("Votant : {}").format(label))

    def reveal(self) -> None:
        context = self.context
        context.bus.push(votes.reveal(context.store, context.session.id))

    def show_ranking(self) -> None:
        if self.ranking is None:
            from ui.ranking_view import RankingView

            context = self.context
            self.ranking = RankingView(
                context.store, context.session.id, context.template, context.window
            )
            self.ranking.reveal_requested.connect(self.reveal)
            self.ranking.write = self._push
        self.ranking.refresh()
        from ui import ranking_view, room_screen

        room_screen.present(self.ranking, self.context.window, ranking_view.SIZE)

    def tally(self) -> votes.Tally:
        """The session's counts, read once, then followed change by change."""
        if self._tally is None:
            self._tally = votes.Tally(self.context.store, self.context.session.id)
        return self._tally

    def update_counts(self, force: bool = False, reload: bool = True) -> None:
        """Dots on the board (hidden while a secret vote is not revealed), panels too.

        The counts are read again from the database, unless ``reload`` is False (the vote
        settings changed, not the dots: the tally that follows the changes is right).
        """
        if reload:
            self._tally = None
        store, session_id = self.context.store, self.context.session.id
        hidden = votes.counts_hidden(votes.settings(store, session_id))
        counts = {} if hidden else self.tally().totals()
        scene = self.context.scene
        if force or counts != self._counts:
            self._counts = counts
            scene.votes.set_counts(counts)
        scene.votes.set_secret(hidden)  # the cards say « secret » until the reveal
        self._refresh_views()

    def report(self, text: str) -> None:
        """A calm French message, without a modal box (the room is watching)."""
        self.context.report(text)
        if self.panel is not None and self.panel.isVisible():
            self.panel.show_message(text)

    # private

    def _push(self, change: Change) -> bool:
        return self.context.bus.push(change)

    def _vote(self, build: DotsChange, room_dots: int) -> None:
        context = self.context
        ids = context.scene.selected_card_ids()
        if self.panel is not None:
            self.panel.show_message("")
        chosen = context.scene.selection.chosen_group
        if chosen is not None and chosen == context.scene.selected_group():
            # a group chosen by its band (Up/Down stop on it while the dots are counted): a
            # dot goes on an idea, not on each of the group's at once
            self.report(
                self.tr(
                    "Le groupe est choisi en entier : une gommette va sur une idée. "
                    "↓ choisit sa première idée."
                )
            )
            return
        voter = self.voter_id()
        try:
            if voter:
                change = build(context.store, context.session.id, ids, voter)
            else:  # no voter chosen: the room's dots
                change = votes.add_room_dots(context.store, context.session.id, ids, room_dots)
        except FabriqueError as error:
            if not ids and context.scene.selected_earlier_ids():  # read-only: said as such
                context.refuse(str(error))
            else:
                self.report(str(error))
            return
        if context.bus.push(change):
            context.scene.select_cards(ids)

    def _on_changed(self, change: Change, origin: Origin) -> None:
        """Only what a change can alter is read again: capturing, moving or editing an idea
        without dots costs one read of that card, not a count of the whole board."""
        kinds = {e.kind for e in change.edits}
        moved: dict[str, int] = {}
        if kinds & {"votes", "cards"} and self._tally is not None:
            moved = self._tally.apply(change)
        if self._tally is None or kinds & set(VOTER_KINDS):
            # not counted yet; or the voters, the budget, the secret mode changed
            self.update_counts(reload=self._tally is None)
        elif moved or "votes" in kinds:
            self._show_moved_counts(moved)
        elif self.ranking is not None and any(
            self.tally().count(i) for i in change.touched(Card.kind)
        ):
            self.ranking.refresh()  # a ranked idea's text changed

    def _show_moved_counts(self, moved: dict[str, int]) -> None:
        """Counts that a change moved: only those notes change (none while secret)."""
        store, session_id = self.context.store, self.context.session.id
        if moved and not votes.counts_hidden(votes.settings(store, session_id)):
            counts = dict(self._counts or {})
            for card_id, value in moved.items():
                if value:
                    counts[card_id] = value
                else:
                    counts.pop(card_id, None)
            self._counts = counts
            scene = self.context.scene
            scene.votes.update(moved)
            chosen = scene.current_card_id()
            if chosen in moved:  # its dots' pill came: the card grew, its end stays in sight
                scene.show_card_whole(chosen, unfold=False)
        self._refresh_views()

    def _refresh_views(self) -> None:
        if self.panel is not None:
            self.panel.refresh()
        if self.ranking is not None:
            self.ranking.refresh()
