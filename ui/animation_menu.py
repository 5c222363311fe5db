"""The « Animation » menu: agenda, timer, votes, merging, engagements, récit and photos.

One object per window wires the facilitation features to the board: it owns the menu's
actions (each with a shortcut), the agenda and vote docks, the timer overlay and the
projector screens, all created the first time they are needed (the dialogs' modules are
imported inside the slots: start-up time matters). Board changes go through
``window.controller.push`` so that they are undo steps, stored before they are shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QInputDialog, QWidget

from fabrique_desktop import timer, votes
from fabrique_desktop.changes import Change, Edit
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Card
from fabrique_desktop.paths import DataDir

if TYPE_CHECKING:
    from ui.agenda_panel import AgendaPanel
    from ui.engagements_view import EngagementsView
    from ui.main_window import MainWindow
    from ui.photo_gallery import PhotoGallery
    from ui.ranking_view import RankingView
    from ui.recit_view import RecitView
    from ui.timer_overlay import TimerOverlay
    from ui.vote_panel import VotePanel

# changes after which the vote panel and the counts are read again in full (rare); a
# session's change may be its anonymous mode, which names the participants
VOTER_KINDS = ("tables", "participants", "facilitation", "sessions")
# settings key: the sessions whose timer the facilitator hid (it stays hidden on opening)
HIDDEN_TIMERS = "hidden_timers"
# the agenda and the vote panel: one narrow column beside the board, as tabs when both are
# open (a dock area is as wide as its widest dock): the cards keep their width at 1280
DOCK_WIDTH = 280
VOTE_DOCK_WIDTH = 280


class AnimationMenu(QObject):
    """The facilitation features of one main window (``window.animation``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window: Any = window
        self.clock: Callable[[], Any] = timer.system_clock
        self.actions: list[QAction] = []
        self.agenda_dock: QDockWidget | None = None
        self.agenda_panel: AgendaPanel | None = None
        self.vote_dock: QDockWidget | None = None
        self.vote_panel: VotePanel | None = None
        self.timer_overlay: TimerOverlay | None = None
        self.ranking: RankingView | None = None
        self.engagements: EngagementsView | None = None
        self.recit: RecitView | None = None
        self.gallery: PhotoGallery | None = None
        self._counts: dict[str, int] | None = None
        self._tally: votes.Tally | None = None
        self._build()
        window.controller.changed.connect(self._on_changed)
        # a notes import rewrote the board without the controller: count again
        window.board_actions.reloaded.connect(self.update_counts)
        QTimer.singleShot(0, self, self._resume)  # dropped if the window goes first

    # shortcuts of the board

    @property
    def store(self) -> Any:
        return self.window.store

    @property
    def session(self) -> Any:
        return self.window.session

    @property
    def template(self) -> Any:
        return self.window.controller.template

    def selected_cards(self) -> list[Card]:
        cards = (self.store.get(Card, i) for i in self.window.scene.selected_card_ids())
        return [c for c in cards if c is not None and not c.deleted and c.merged_into is None]

    def push(self, change: Change) -> bool:
        """An undo step through the board controller; False if it was not stored."""
        if not change:
            return True
        return self.window.controller.push(change) is not False

    def report(self, error: FabriqueError | str) -> None:
        """A calm French message, without a modal box (the room is watching)."""
        text = str(error)
        self.window.statusBar().showMessage(text, 8000)
        if (
            self.vote_panel is not None
            and self.vote_dock is not None
            and self.vote_dock.isVisible()
        ):
            self.vote_panel.show_message(text)

    # agenda

    def toggle_agenda(self) -> None:
        if self.agenda_dock is None:
            from ui.agenda_panel import AgendaPanel

            self.agenda_panel = AgendaPanel(self.store, self.session, self.clock)
            self.agenda_panel.change_requested.connect(self._push_checked)
            self.agenda_panel.step_started.connect(self._step_started)
            self.agenda_panel.screen_requested.connect(self.show_screen)
            self.agenda_dock = self._dock(self.tr("Déroulé de l'atelier"), self.agenda_panel)
            self.agenda_dock.show()
            self.window.resizeDocks([self.agenda_dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
            self.agenda_dock.raise_()
            return
        self.agenda_dock.setVisible(not self.agenda_dock.isVisible())

    def next_step(self) -> None:
        if self.agenda_panel is None:
            self.toggle_agenda()
        assert self.agenda_panel is not None
        if self.agenda_dock is not None and not self.agenda_dock.isVisible():
            self.agenda_dock.show()
        self.agenda_panel.next_step()

    def show_screen(self, screen: str) -> None:
        """Show what an agenda activity asks for."""
        slots = {
            "tableau": self._focus_board,
            "minuteur": self.show_timer,
            "votes": self.show_votes,
            "classement": self.show_ranking,
            "engagements": self.show_engagements,
            "recit": self.show_recit,
            "photos": self.show_photos,
        }
        slots.get(screen, self._focus_board)()

    # timer

    def overlay(self) -> TimerOverlay:
        if self.timer_overlay is None:
            from ui.timer_overlay import TimerOverlay

            self.timer_overlay = TimerOverlay(
                self.store, self.session.id, lambda: self.clock(), self.window.board
            )
            self.timer_overlay.finished.connect(self._round_over)
            self.timer_overlay.close_button.clicked.connect(lambda: self._remember_timer(False))
        return self.timer_overlay

    def show_timer(self) -> None:
        """Ctrl+T: show the timer, or hide it (remembered: it stays hidden on opening)."""
        overlay = self.overlay()
        overlay.setVisible(not overlay.isVisible() or overlay.large)
        if overlay.large:
            overlay.set_large(False)
        self._remember_timer(overlay.isVisible())

    def toggle_timer(self) -> None:
        overlay = self._shown_overlay()
        overlay.toggle()

    def add_minute(self) -> None:
        overlay = self._shown_overlay()
        overlay.add_minute()

    def large_timer(self) -> None:
        overlay = self._shown_overlay()
        overlay.set_large(not overlay.large)

    def timer_hidden(self) -> bool:
        """The facilitator hid this session's timer (on this laptop)."""
        settings = getattr(self.window, "settings", None)
        hidden = settings.get(HIDDEN_TIMERS, []) if settings is not None else []
        return isinstance(hidden, list) and self.session.id in hidden

    # votes

    def show_votes(self) -> None:
        if self.vote_dock is None:
            from ui.vote_panel import VotePanel

            self.vote_panel = VotePanel(self.store, self.session.id)
            self.vote_panel.change_requested.connect(self._push_checked)
            self.vote_panel.settings_changed.connect(lambda: self.update_counts(reload=False))
            self.vote_dock = self._dock(self.tr("Votes"), self.vote_panel, VOTE_DOCK_WIDTH)
        self.vote_dock.show()
        self.window.resizeDocks([self.vote_dock], [VOTE_DOCK_WIDTH], Qt.Orientation.Horizontal)
        self.vote_dock.raise_()
        self.update_counts(reload=False)  # the tally follows every change

    def voter_id(self) -> str | None:
        if self.vote_panel is not None:
            return self.vote_panel.voter_id()
        return votes.settings(self.store, self.session.id).voter_id

    def add_dot(self) -> None:
        self._vote(votes.add_dot)

    def remove_dot(self) -> None:
        self._vote(votes.remove_dot)

    def next_voter(self, delta: int = 1) -> None:
        self.show_votes()
        assert self.vote_panel is not None
        self.vote_panel.select_voter(delta)

    def reveal(self) -> None:
        self.store.apply(votes.reveal(self.store, self.session.id))
        self.update_counts(force=True, reload=False)

    def tally(self) -> votes.Tally:
        """The session's counts, read once, then followed change by change."""
        if self._tally is None:
            self._tally = votes.Tally(self.store, self.session.id)
        return self._tally

    def update_counts(self, force: bool = False, reload: bool = True) -> None:
        """Dots on the board (hidden while a secret vote is not revealed), panels too.

        The counts are read again from the database, unless ``reload`` is False (the vote
        settings changed, not the dots: the tally that follows the changes is right).
        """
        if reload:
            self._tally = None
        hidden = votes.counts_hidden(votes.settings(self.store, self.session.id))
        counts = {} if hidden else self.tally().totals()
        if force or counts != self._counts:
            self._counts = counts
            scene = self.window.scene
            if hasattr(scene, "set_vote_counts"):
                scene.set_vote_counts(counts)
        self._refresh_vote_views()

    def show_ranking(self) -> None:
        if self.ranking is None:
            from ui.ranking_view import RankingView

            self.ranking = RankingView(self.store, self.session.id, self.template, self.window)
            self.ranking.reveal_requested.connect(self.reveal)
        self._present(self.ranking)

    # merging and clusters

    def merge(self) -> None:
        cards = self.selected_cards()
        if len(cards) < 2:
            self.report(self.tr("Sélectionnez au moins deux idées à fusionner (Ctrl+clic)."))
            return
        from ui.merge_dialog import MergeDialog

        dialog = MergeDialog(cards, self.window)
        self.merge_dialog = dialog
        dialog.accepted.connect(lambda: self._merge(cards, dialog.merged_text()))
        dialog.open()

    def unmerge(self) -> None:
        from fabrique_desktop import merging

        cards = self.selected_cards()
        merged = [c for c in cards if merging.sources(self.store, c)]
        if not merged:
            self.report(self.tr("Sélectionnez une idée issue d'une fusion."))
            return
        edits: list[Edit] = []
        for card in merged:
            edits.extend(merging.unmerge(self.store, card).edits)
        # read before: once unmerged, the originals are no longer « merged into » anything
        originals = [c.id for card in merged for c in merging.sources(self.store, card)]
        if self.push(Change(self.tr("Défaire la fusion"), tuple(edits))):
            self.window.board_actions.select_and_show(originals)

    def group(self) -> None:
        from fabrique_desktop import merging

        cards = self.selected_cards()
        if not cards:
            self.report(self.tr("Sélectionnez les idées à regrouper."))
            return
        name, ok = QInputDialog.getText(
            self.window, self.tr("Regrouper"), self.tr("Nom du groupe :")
        )
        if ok:
            self._try(lambda: merging.group(self.store, cards, name))

    def ungroup(self) -> None:
        from fabrique_desktop import merging

        ids = {c.cluster_id for c in self.selected_cards() if c.cluster_id}
        found = [c for c in (self.store.get(merging.Cluster, i) for i in ids) if c]
        if not found:
            self.report(self.tr("Sélectionnez une idée d'un groupe."))
            return
        edits = [e for cluster in found for e in merging.ungroup(self.store, cluster).edits]
        self.push(Change(self.tr("Défaire le groupe"), tuple(edits)))

    # engagements

    def promote(self) -> None:
        """A new engagement from the selected idea(s), or from their group."""
        from fabrique_desktop import convergence, merging
        from ui.engagements_view import EngagementDialog

        cards = self.selected_cards()
        if not cards:
            self.report(self.tr("Sélectionnez l'idée ou le groupe à promouvoir en engagement."))
            return
        cluster = None
        if len(cards) == 1 and cards[0].cluster_id:
            cluster = self.store.get(merging.Cluster, cards[0].cluster_id)
            if cluster is not None and not cluster.deleted:
                cards = merging.members(self.store, cluster)
        totals = votes.all_totals(self.store, self.session.id)
        ideas = [(c, totals.get(c.id, 0)) for c in cards]
        title = cluster.name if cluster else cards[0].text
        dialog = EngagementDialog(
            self.template, ideas, title=title, column=cards[0].column, parent=self.window
        )
        self.engagement_dialog = dialog

        def save() -> None:
            values = dialog.values()
            self._try(
                lambda: convergence.promote(
                    self.store,
                    self.session.id,
                    cards,
                    title=str(values["title"]),
                    column=str(values["column"]),
                    purpose=str(values["purpose"]),
                    how=str(values["how"]),
                )
            )
            self.show_engagements()

        dialog.accepted.connect(save)
        dialog.open()

    def edit_engagement(self, engagement_id: str) -> None:
        from fabrique_desktop import convergence
        from fabrique_desktop.model import Engagement
        from ui.engagements_view import EngagementDialog

        engagement = self.store.get(Engagement, engagement_id)
        if engagement is None:
            return
        ideas = [(i.card, i.votes) for i in convergence.trace(self.store, engagement)]
        dialog = EngagementDialog(self.template, ideas, engagement, parent=self.window)
        self.engagement_dialog = dialog
        dialog.accepted.connect(
            lambda: self._try(lambda: convergence.edit(engagement, **dialog.values()))
        )
        dialog.open()

    def show_engagements(self) -> None:
        if self.engagements is None:
            from ui.engagements_view import EngagementsView

            self.engagements = EngagementsView(
                self.store, self.session.id, self.template, self.window
            )
            self.engagements.change_requested.connect(self._push_checked)
            self.engagements.edit_requested.connect(self.edit_engagement)
        self._present(self.engagements)

    # récit and photos

    def show_recit(self) -> None:
        if self.recit is None:
            from ui.recit_view import RecitView

            self.recit = RecitView(self.store, self.session, self.template, self.window)
            self.recit.change_requested.connect(self._push_checked)
        self._present(self.recit)

    def show_photos(self) -> None:
        if self.gallery is None:
            from ui.photo_gallery import PhotoGallery

            self.gallery = PhotoGallery(self.store, self.session, self.media_dir(), self.window)
            self.gallery.change_requested.connect(self._push_checked)
        self._present(self.gallery)

    def media_dir(self) -> Path:
        path = getattr(self.store, "path", None)
        root = Path(path).parent if path else Path.home() / ".fabrique-media"
        return DataDir(root).media

    # private

    def _build(self) -> None:
        menu = self.window.menuBar().addMenu(self.tr("A&nimation"))  # Alt+A: Affichage
        self.menu = menu
        add = self._action
        self.agenda_action = add(
            menu, self.tr("Déroulé de l'atelier"), ["Ctrl+Shift+D"], self.toggle_agenda
        )
        self.next_step_action = add(
            menu, self.tr("Étape suivante"), ["Ctrl+Shift+N"], self.next_step
        )
        menu.addSeparator()
        self.timer_action = add(menu, self.tr("Afficher le minuteur"), ["Ctrl+T"], self.show_timer)
        self.start_timer_action = add(
            menu, self.tr("Démarrer ou mettre en pause le minuteur"), ["F7"], self.toggle_timer
        )
        self.minute_action = add(menu, self.tr("Ajouter une minute"), ["F8"], self.add_minute)
        self.large_timer_action = add(
            menu, self.tr("Minuteur en grand"), ["Ctrl+Shift+T"], self.large_timer
        )
        menu.addSeparator()
        self.votes_action = add(menu, self.tr("Votes"), ["Ctrl+Shift+V"], self.show_votes)
        self.add_dot_action = add(
            menu, self.tr("Ajouter une gommette"), ["+", "="], self.add_dot, board=True
        )
        self.remove_dot_action = add(
            menu, self.tr("Retirer une gommette"), ["-"], self.remove_dot, board=True
        )
        self.next_voter_action = add(
            menu, self.tr("Votant suivant"), ["Alt+Down"], lambda: self.next_voter(1)
        )
        self.previous_voter_action = add(
            menu, self.tr("Votant précédent"), ["Alt+Up"], lambda: self.next_voter(-1)
        )
        self.reveal_action = add(menu, self.tr("Révéler les votes"), ["Ctrl+Shift+R"], self.reveal)
        self.ranking_action = add(menu, self.tr("Classement"), ["Ctrl+Shift+K"], self.show_ranking)
        menu.addSeparator()
        self.merge_action = add(menu, self.tr("Fusionner les idées…"), ["Ctrl+M"], self.merge)
        self.unmerge_action = add(
            menu, self.tr("Défaire la fusion"), ["Ctrl+Shift+M"], self.unmerge
        )
        self.group_action = add(menu, self.tr("Regrouper…"), ["Ctrl+G"], self.group)
        self.ungroup_action = add(
            menu, self.tr("Défaire le groupe"), ["Ctrl+Shift+G"], self.ungroup
        )
        menu.addSeparator()
        self.promote_action = add(
            menu, self.tr("Promouvoir en engagement…"), ["Ctrl+E"], self.promote
        )
        self.engagements_action = add(
            menu, self.tr("Engagements"), ["Ctrl+Shift+E"], self.show_engagements
        )
        self.recit_action = add(
            menu, self.tr("Récit prospectif"), ["Ctrl+Shift+C"], self.show_recit
        )
        self.photos_action = add(menu, self.tr("Photos"), ["Ctrl+Shift+I"], self.show_photos)

    def _action(
        self,
        menu: Any,
        text: str,
        keys: list[str],
        slot: Callable[[], None],
        board: bool = False,
    ) -> QAction:
        action = QAction(text, self.window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda _checked=False: slot())
        if board:  # « + » and « - » type characters in the capture field: board only
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.window.board.addAction(action)
        else:
            self.window.addAction(action)
        menu.addAction(action)
        self.actions.append(action)
        return action

    def _dock(self, title: str, widget: QWidget, width: int = DOCK_WIDTH) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(title)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        dock.setMinimumWidth(width)
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        other = self.agenda_dock or self.vote_dock
        if other is not None:
            self.window.tabifyDockWidget(other, dock)
        return dock

    def _present(self, dialog: QWidget) -> None:
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _try(self, build: Callable[[], Change]) -> bool:
        try:
            change = build()
        except FabriqueError as error:
            self.report(error)
            return False
        return self.push(change)

    def _push_checked(self, change: Change) -> None:
        self.push(change)

    def _vote(self, build: Callable[..., Change]) -> None:
        ids = self.window.scene.selected_card_ids()
        voter = self.voter_id()
        if self.vote_panel is not None:
            self.vote_panel.show_message("")
        if self._try(lambda: build(self.store, self.session.id, ids, voter)):
            self.window.scene.select_cards(ids)

    def _merge(self, cards: list[Card], text: str) -> None:
        from fabrique_desktop import merging

        try:
            change = merging.merge(cards, text)
        except FabriqueError as error:
            self.report(error)
            return
        if self.push(change):
            merged = change.touched(Card.kind) - {c.id for c in cards}
            self.window.board_actions.select_and_show(merged)

    def _step_started(self, activity_id: str) -> None:
        """A new agenda step: the timer takes its planned time and starts."""
        from fabrique_desktop import agenda

        activity = self.store.get(agenda.Activity, activity_id)
        if activity is None:
            return
        overlay = self._shown_overlay()
        overlay.set_minutes(activity.planned_minutes, activity.id, start=True)
        overlay.set_caption(activity.title)
        if self.agenda_panel is not None:
            self.agenda_panel.refresh()

    def _round_over(self) -> None:
        self.window.statusBar().showMessage(self.tr("Temps écoulé !"), 10000)

    def _focus_board(self) -> None:
        self.window.board.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_changed(self, change: Change) -> None:
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
        if self.agenda_panel is not None and "activities" in kinds:
            self.agenda_panel.refresh()
        if self.engagements is not None and (moved or kinds & {"engagements", "votes"}):
            self.engagements.refresh()
        if self.recit is not None and kinds & {"dreams", "quotes"}:
            self.recit.refresh()
        if self.gallery is not None and "photos" in kinds:
            self.gallery.refresh()

    def _show_moved_counts(self, moved: dict[str, int]) -> None:
        """Counts that a change moved: only those notes change (none while secret)."""
        if moved and not votes.counts_hidden(votes.settings(self.store, self.session.id)):
            counts = dict(self._counts or {})
            for card_id, value in moved.items():
                if value:
                    counts[card_id] = value
                else:
                    counts.pop(card_id, None)
            self._counts = counts
            scene = self.window.scene
            if hasattr(scene, "update_vote_counts"):
                scene.update_vote_counts(moved)
            elif hasattr(scene, "set_vote_counts"):
                scene.set_vote_counts(counts)
        self._refresh_vote_views()

    def _refresh_vote_views(self) -> None:
        if self.vote_panel is not None:
            self.vote_panel.refresh()
        if self.ranking is not None:
            self.ranking.refresh()

    def _shown_overlay(self) -> TimerOverlay:
        overlay = self.overlay()
        overlay.show()
        self._remember_timer(True)
        return overlay

    def _remember_timer(self, shown: bool) -> None:
        settings = getattr(self.window, "settings", None)
        if settings is None or shown != self.timer_hidden():
            return
        hidden = settings.get(HIDDEN_TIMERS, [])
        hidden = [i for i in hidden if i != self.session.id] if isinstance(hidden, list) else []
        settings.set(HIDDEN_TIMERS, hidden if shown else [*hidden, self.session.id])

    def _resume(self) -> None:
        """On opening (a restart, another session, a language switch): the dots come back
        on the board; a running timer comes back on screen, unless the facilitator had hidden
        it or this is a note-taker's copy. A paused timer waits for Ctrl+T."""
        self.update_counts(force=True)
        state = timer.get(self.store, self.session.id)
        if not state.running:
            return
        from fabrique_desktop import agenda

        overlay = self.overlay()  # it rings at the end of the round, even hidden
        activity = self.store.get(agenda.Activity, state.activity_id or "")
        overlay.set_caption(activity.title if activity else "")
        note_taker = getattr(self.window.board_actions, "default_table", None) is not None
        overlay.setVisible(not self.timer_hidden() and not note_taker)
