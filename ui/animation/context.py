"""What a facilitation feature may use of its window: a typed context, not the window.

``FeatureContext`` names everything a feature controller uses; ``WindowContext`` is the
main window's implementation. A test (or another window) can give a feature any object
with these attributes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from fabrique_desktop import timer
from fabrique_desktop.model import Card, Session
from fabrique_desktop.ports import Store
from fabrique_desktop.settings import Settings
from fabrique_desktop.template import Template

if TYPE_CHECKING:
    from fabrique_desktop.board import ColumnEnds
    from fabrique_desktop.groups import Cluster
    from ui.board_scene import BoardScene
    from ui.change_bus import ChangeBus
    from ui.main_window import MainWindow


class FeatureContext(Protocol):
    """The window as a facilitation feature sees it."""

    clock: Callable[[], datetime]  # now, for the timer and the agenda (tests set it)

    @property
    def store(self) -> Store: ...  # to read; writes go through ``bus``

    @property
    def session(self) -> Session: ...

    @property
    def template(self) -> Template: ...

    @property
    def bus(self) -> ChangeBus: ...

    @property
    def scene(self) -> BoardScene: ...

    @property
    def settings(self) -> Settings | None: ...

    @property
    def window(self) -> QMainWindow: ...  # parent of the features' dialogs

    @property
    def board(self) -> QWidget: ...  # the board's widget (the timer floats over it)

    @property
    def note_taker(self) -> bool: ...  # this laptop is a note-taker's copy

    def selected_cards(self) -> list[Card]: ...

    def selected_earlier_cards(self) -> list[Card]: ...  # earlier ateliers' pistes (Convergence)

    # earlier ateliers' objectives chosen whole (Convergence); their pistes are among
    # ``selected_earlier_cards``
    def selected_earlier_objectives(self) -> list[Cluster]: ...

    def select_and_show(self, card_ids: Iterable[str]) -> None: ...

    def report(self, text: str) -> None: ...  # a calm message in the status bar

    # the selection cannot be acted on: ``text``, or that its earlier ateliers' pistes are
    # read-only (a Convergence wall)
    def refuse(self, text: str) -> None: ...

    def focus_board(self) -> None: ...

    def add_dock(self, title: str, widget: QWidget, width: int) -> QDockWidget: ...

    def show_dock(self, dock: QDockWidget, width: int) -> None: ...

    def hide_dock(self, dock: QDockWidget) -> None: ...

    def dock_open(self, dock: QDockWidget) -> bool: ...  # beside the board, or folded


class WindowContext:
    """``FeatureContext`` of a ``MainWindow``."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.clock: Callable[[], datetime] = timer.system_clock
        self._docks: list[QDockWidget] = []

    @property
    def store(self) -> Store:
        return self._window.store

    @property
    def session(self) -> Session:
        return self._window.session

    @property
    def template(self) -> Template:
        return self._window.controller.template

    @property
    def bus(self) -> ChangeBus:
        return self._window.bus

    @property
    def ends(self) -> ColumnEnds:
        """Where a new card goes (the board controller's, following every change)."""
        return self._window.controller.ends

    @property
    def scene(self) -> BoardScene:
        return self._window.scene

    @property
    def settings(self) -> Settings | None:
        return self._window.settings

    @property
    def window(self) -> QMainWindow:
        return self._window

    @property
    def board(self) -> QWidget:
        return self._window.board

    @property
    def note_taker(self) -> bool:
        return self._window.board_actions.default_table is not None

    def selected_cards(self) -> list[Card]:
        found = (self.store.get(Card, i) for i in self.scene.selected_card_ids())
        return [c for c in found if c is not None and not c.deleted and c.merged_into is None]

    def selected_earlier_cards(self) -> list[Card]:
        found = (self.store.get(Card, i) for i in self.scene.selected_earlier_ids())
        return [c for c in found if c is not None and not c.deleted and c.merged_into is None]

    def selected_earlier_objectives(self) -> list[Cluster]:
        from fabrique_desktop.groups import Cluster

        chosen = self.scene.selection.selected_objectives()
        found = (self.store.get(Cluster, i) for i in chosen)
        return [c for c in found if c is not None and not c.deleted]

    def select_and_show(self, card_ids: Iterable[str]) -> None:
        self._window.board_actions.select_and_show(card_ids)

    def report(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 8000)

    def refuse(self, text: str) -> None:
        self.report(self._window.board_actions.refusal(text))

    def back_up_before(self, label: str) -> None:
        self._window.back_up_before(label)

    def focus_board(self) -> None:
        self._window.board.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def add_dock(self, title: str, widget: QWidget, width: int) -> QDockWidget:
        """A dock in the column right of the board; docks after the first become tabs of it
        (a dock area is as wide as its widest dock: the cards keep their width)."""
        window = self._window
        dock = QDockWidget(title, window)
        dock.setObjectName(title)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        dock.setMinimumWidth(width)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        if self._docks:
            window.tabifyDockWidget(self._docks[0], dock)
        self._docks.append(dock)
        return dock

    def show_dock(self, dock: QDockWidget, width: int) -> None:
        """Beside the board if the cards keep their width, else folded to the strip at the
        right edge (full screen, a small window): ``ui/panel_strip.py``."""
        self._window.panel_strip.show_panel(dock, width)

    def hide_dock(self, dock: QDockWidget) -> None:
        self._window.panel_strip.hide_panel(dock)

    def dock_open(self, dock: QDockWidget) -> bool:
        return self._window.panel_strip.is_open(dock)
