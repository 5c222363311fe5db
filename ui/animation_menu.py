"""The « Animation » menu: agenda, timer, votes, card fusion, groups, engagements, récit, photos.

One object per window (``window.animation``) builds the menu's actions (each with a
shortcut) and hands each concern to its feature controller in ``ui/animation/``, which gets
a typed ``FeatureContext`` rather than the window. Features write through the window's
change bus (``ui/change_bus.py``) and refresh their views from it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ui.animation.agenda_feature import AgendaFeature
from ui.animation.context import FeatureContext, WindowContext
from ui.animation.engagement_feature import EngagementFeature
from ui.animation.fusion_feature import FusionFeature
from ui.animation.group_feature import GroupFeature
from ui.animation.paradox_feature import ParadoxFeature
from ui.animation.photo_feature import PhotoFeature
from ui.animation.recit_feature import RecitFeature
from ui.animation.timer_feature import TimerFeature
from ui.animation.values_feature import ValuesFeature
from ui.animation.vote_feature import VoteFeature

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class AnimationMenu(QObject):
    """The facilitation features of one main window, and their menu."""

    def __init__(self, window: MainWindow, context: FeatureContext | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.context: FeatureContext = context or WindowContext(window)
        self.agenda = AgendaFeature(self.context, self)
        self.timer = TimerFeature(self.context, self)
        self.votes = VoteFeature(self.context, self)
        self.fusion = FusionFeature(self.context, self)
        self.groups = GroupFeature(self.context, self)
        self.values = ValuesFeature(self.context, self)
        self.paradoxes = ParadoxFeature(self.context, self)
        self.engagements = EngagementFeature(self.context, self)
        self.recit = RecitFeature(self.context, self)
        self.photos = PhotoFeature(self.context, self)
        self.agenda.step_started.connect(self.timer.start_step)
        self.agenda.screen_requested.connect(self.show_screen)
        self.actions: list[QAction] = []
        self._build()
        # a notes import rewrote the board: count again
        window.board_actions.reloaded.connect(self.votes.update_counts)
        QTimer.singleShot(0, self, self._resume)  # dropped if the window goes first

    def show_screen(self, screen: str) -> None:
        """Show what an agenda activity asks for."""
        slots = {
            "tableau": self.context.focus_board,
            "minuteur": self.timer.show_or_hide,
            "votes": self.votes.show_panel,
            "classement": self.votes.show_ranking,
            "engagements": self.engagements.show_list,
            "recit": self.recit.show,
            "photos": self.photos.show,
        }
        slots.get(screen, self.context.focus_board)()

    # private

    def _build(self) -> None:
        menu = self.window.menuBar().addMenu(self.tr("A&nimation"))  # Alt+A: Affichage
        self.menu = menu
        add = self._action
        agenda, timer, votes = self.agenda, self.timer, self.votes
        self.agenda_action = add(
            menu, self.tr("Déroulé de l'atelier"), ["Ctrl+Shift+D"], agenda.toggle
        )
        self.next_step_action = add(
            menu, self.tr("Étape suivante"), ["Ctrl+Shift+N"], agenda.next_step
        )
        menu.addSeparator()
        self.timer_action = add(
            menu, self.tr("Afficher le minuteur"), ["Ctrl+T"], timer.show_or_hide
        )
        self.start_timer_action = add(
            menu, self.tr("Démarrer ou mettre en pause le minuteur"), ["F7"], timer.toggle
        )
        self.minute_action = add(menu, self.tr("Ajouter une minute"), ["F8"], timer.add_minute)
        self.timer_minutes_action = add(  # its ⋯ menu's « Régler la durée… », by the keyboard
            menu, self.tr("Régler la durée du minuteur…"), ["Shift+F8"], timer.ask_minutes
        )
        self.large_timer_action = add(
            menu, self.tr("Minuteur en grand"), ["Ctrl+Shift+T"], timer.toggle_large
        )
        menu.addSeparator()
        self.votes_action = add(menu, self.tr("Votes"), ["Ctrl+Shift+V"], votes.show_panel)
        self.add_dot_action = add(
            menu, self.tr("Ajouter une gommette"), ["+", "="], votes.add_dot, board=True
        )
        self.remove_dot_action = add(
            menu, self.tr("Retirer une gommette"), ["-"], votes.remove_dot, board=True
        )
        self.count_dots_action = add(
            menu, self.tr("Compter les gommettes de l'idée…"), ["*"], votes.ask_count, board=True
        )
        self.next_voter_action = add(
            menu, self.tr("Votant suivant"), ["Alt+Down"], lambda: votes.next_voter(1)
        )
        self.previous_voter_action = add(
            menu, self.tr("Votant précédent"), ["Alt+Up"], lambda: votes.next_voter(-1)
        )
        self.reveal_action = add(menu, self.tr("Révéler les votes"), ["Ctrl+Shift+R"], votes.reveal)
        self.ranking_action = add(menu, self.tr("Classement"), ["Ctrl+Shift+K"], votes.show_ranking)
        menu.addSeparator()
        self.fuse_action = add(menu, self.tr("Fusionner les idées…"), ["Ctrl+M"], self.fusion.fuse)
        self.unfuse_action = add(
            menu, self.tr("Défaire la fusion"), ["Ctrl+Shift+M"], self.fusion.unfuse
        )
        self.group_action = add(menu, self.tr("Regrouper…"), ["Ctrl+G"], self.groups.group)
        self.ungroup_action = add(
            menu, self.tr("Défaire le groupe"), ["Ctrl+Shift+G"], self.groups.ungroup
        )
        self.adopt_value_action = add(
            menu, self.tr("Adopter comme valeur…"), ["Ctrl+Alt+A"], self.values.adopt
        )
        self.paradox_action = add(
            menu, self.tr("Former un paradoxe…"), ["Ctrl+Alt+P"], self.paradoxes.form
        )
        menu.addSeparator()
        self.promote_action = add(
            menu, self.tr("Promouvoir en engagement…"), ["Ctrl+E"], self.engagements.promote
        )
        self.engagements_action = add(
            menu, self.tr("Engagements"), ["Ctrl+Shift+E"], self.engagements.show_list
        )
        self.recit_action = add(
            menu, self.tr("Récit prospectif"), ["Ctrl+Shift+C"], self.recit.show
        )
        self.photos_action = add(menu, self.tr("Photos"), ["Ctrl+Shift+I"], self.photos.show)

    def _action(
        self,
        menu: QMenu,
        text: str,
        keys: list[str],
        slot: Callable[[], object],
        board: bool = False,
    ) -> QAction:
        action = QAction(text, self.window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(lambda _checked=False: slot())
        if board:  # « + » and « - » type characters in the capture field: board only
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.context.board.addAction(action)
        else:
            self.window.addAction(action)
        menu.addAction(action)
        self.actions.append(action)
        return action

    def _resume(self) -> None:
        """On opening: the dots come back on the board, a running timer on screen."""
        self.votes.update_counts(force=True)
        self.timer.resume()
