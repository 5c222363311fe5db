"""The audience window: the board alone, full screen on the projector, in large type.

It is a second view on the same data: its own ``BoardScene`` fed by the controller's
changes, following the laptop's selection, filter and votes. The laptop window keeps the
capture field, the menus and the keyboard. The chosen screen is remembered in the
settings (``projector_screen``: the screen's name).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QScreen
from PySide6.QtWidgets import QInputDialog, QVBoxLayout, QWidget

from fabrique_desktop.changes import Change, Origin
from fabrique_desktop.model import Card
from fabrique_desktop.settings import Settings
from ui.board_controller import BoardController
from ui.board_scene import BoardScene
from ui.board_view import UNFOLDING, BoardView
from ui.room_clock import RoomClock

if TYPE_CHECKING:  # type hints only
    from ui.timer_overlay import TimerOverlay

SETTING = "projector_screen"


def screen_label(screen: QScreen) -> str:
    size = screen.geometry()
    return f"{screen.name()} — {size.width()}×{size.height()}"


def remembered_screen(settings: Settings | None) -> QScreen | None:
    name = settings.get(SETTING) if settings is not None else None
    return next((s for s in QGuiApplication.screens() if s.name() == name), None)


def one_screen() -> bool:
    """A single screen: the projector mirrors the laptop, or none is plugged in."""
    return len(QGuiApplication.screens()) < 2


def choose_screen(parent: QWidget, settings: Settings | None) -> QScreen | None:
    """Ask which screen is the projector (preselecting the remembered one, else the second)."""
    screens = QGuiApplication.screens()
    if not screens:
        return None
    current = remembered_screen(settings)
    default = screens.index(current) if current in screens else min(1, len(screens) - 1)
    label, ok = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("Projector", "Projection"),
        QCoreApplication.translate("Projector", "Écran du vidéoprojecteur :"),
        [screen_label(s) for s in screens],
        default,
        False,
    )
    if not ok:
        return None
    screen = screens[[screen_label(s) for s in screens].index(label)]
    if settings is not None:
        settings.set(SETTING, screen.name())
    return screen


class ProjectorWindow(QWidget):
    """The board for the room. Closing it (Ctrl+F5 on the laptop) leaves the laptop as it was;
    it never takes the keyboard."""

    def __init__(
        self,
        controller: BoardController,
        source: BoardScene,
        timer: Callable[[], TimerOverlay | None] = lambda: None,
    ) -> None:
        # the keyboard stays on the laptop's window: with no window manager a window shown
        # full screen took it, and every key typed next was lost
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowTitle(self.tr("Fabrique — projection"))
        self.controller = controller
        self.source = source
        self.scene = BoardScene(source.columns, self)
        self.board = BoardView(self.scene)
        self.board.set_projector(True)
        self.board.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.board.view.setDragMode(self.board.view.DragMode.NoDrag)
        self.board.view.setInteractive(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.board)
        self.scene.notes.set_people(source.notes.personas.values(), source.notes.tables.values())
        self.scene.notes.fused_sources = {k: set(v) for k, v in source.notes.fused_sources.items()}
        self.scene.notes.read_only = dict(source.notes.read_only)  # a Convergence wall's pistes
        self._follow_marks()
        self.scene.votes.set_secret(source.votes.secret)
        self.scene.votes.set_counts(source.votes.counts)
        self._follow_groups()  # framed, named, as on the laptop's wall
        self.scene.notes.show(source.notes.all_cards())
        self.scene.dims.set(source.dims.ids)
        self.clock = RoomClock(self.board, timer)  # the laptop's timer, for the room
        controller.bus.changed.connect(self._on_changed)
        source.selectionChanged.connect(self._follow_selection)
        source.laid_out.connect(self._follow_state)

    def show_on(self, screen: QScreen | None) -> None:
        if screen is not None:
            if self.isFullScreen() and screen is not self.screen():
                self.setWindowState(Qt.WindowState.WindowNoState)  # moves unmaximised
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        # not showFullScreen(): it activates the window, which would take the keyboard
        self.setWindowState(
            (self.windowState() & ~Qt.WindowState.WindowMaximized) | Qt.WindowState.WindowFullScreen
        )
        self.show()

    def _on_changed(self, change: Change, origin: Origin) -> None:
        ids = change.touched(Card.kind)
        if ids:
            self.scene.notes.refresh(change.read(Card).values())
        self._follow_selection()
        if len(ids) == 1 and (card_id := next(iter(ids))) in self.scene.items_by_id:
            # a captured (or moved) card: whole in sight for the room too, as on the laptop
            self.board.view.show_card(card_id, unfold=origin in UNFOLDING)

    def _follow_selection(self) -> None:
        # an earlier atelier's piste chosen on a Convergence wall too (the room sees it)
        ids = self.source.selected_card_ids() + self.source.selected_earlier_ids()
        # a group chosen by its band (one of a single card too): outlined for the room
        self.scene.selection.chosen_group = self.source.selection.chosen_group
        self.scene.select_cards(ids)
        if ids:
            self.board.view.show_card(ids[-1])
            self._show_chosen_band()

    def _show_chosen_band(self) -> None:
        """A group or an earlier objective chosen whole: its name band in sight with its
        first cards (the room read its pistes under a band scrolled away)."""
        selection = self.scene.selection
        chosen = selection.selected_group() or next(iter(selection.selected_objectives()), None)
        if chosen is not None:
            self.scene.show_band(chosen)

    def _follow_groups(self) -> None:
        """The laptop's groups, and on a Convergence wall the earlier ateliers' objectives
        with their trace: the same frames and name bands (``BoardGroups``), in the room's
        type. Set again only when they changed (a phone's dot lays the laptop's board out
        too)."""
        mine, theirs = self.scene.groups, self.source.groups
        mine.label = theirs.label  # « Objectif · {} »
        if (mine.clusters, mine.read_only) == (theirs.clusters, theirs.read_only):
            return
        mine.read_only = dict(theirs.read_only)
        self.scene.set_clusters(theirs.clusters.values())

    def _follow_marks(self) -> None:
        """A Valeurs wall's « Paradoxe 2 », « Valeur adoptée », as the laptop's notes say."""
        mine, theirs = self.scene.notes, self.source.notes
        mine.paradox_label, mine.value_label = theirs.paradox_label, theirs.value_label
        if mine.set_marks(theirs.paradoxes, theirs.adopted):
            self.scene.layout_cards()

    def _follow_state(self) -> None:
        self._follow_groups()
        self._follow_marks()
        if self.scene.dims.ids != self.source.dims.ids:
            self.scene.dims.set(self.source.dims.ids)
        if self.scene.votes.secret != self.source.votes.secret:  # before the counts
            self.scene.votes.set_secret(self.source.votes.secret)
        if self.scene.votes.counts != self.source.votes.counts:
            mine, theirs = self.scene.votes.counts, self.source.votes.counts
            # only the cards whose dots changed: a phone's dot must not lay the board out again
            moved = {
                i: theirs.get(i, 0)
                for i in mine.keys() | theirs.keys()
                if theirs.get(i, 0) != mine.get(i, 0)
            }
            self.scene.votes.update(moved)
        if (self.scene.notes.personas.keys(), self.scene.notes.tables.keys()) != (
            self.source.notes.personas.keys(),
            self.source.notes.tables.keys(),
        ):
            self.scene.notes.set_people(
                self.source.notes.personas.values(), self.source.notes.tables.values()
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closed for good (Ctrl+F5 again, or its laptop's window closed or replaced): it
        follows the laptop no more — its timer was read every quarter second after the
        laptop's window had gone (« Erreur interne » four times a second)."""
        if self.clock.following:
            self.clock.stop()
            self.controller.bus.changed.disconnect(self._on_changed)
            self.source.selectionChanged.disconnect(self._follow_selection)
            self.source.laid_out.disconnect(self._follow_state)
        super().closeEvent(event)
