"""The agenda dock: the session's steps, the next step, and the screen each step asks for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from fabrique_desktop.changes import Change, Origin
from ui.animation.context import FeatureContext

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from ui.agenda_panel import AgendaPanel

DOCK_WIDTH = 280  # the agenda and the vote panel share one narrow column beside the board


class AgendaFeature(QObject):
    """Signals:
    step_started(str): a new step began (its activity id): the timer takes its time.
    screen_requested(str): a step asks for a screen (« votes », « classement »…).
    """

    step_started = Signal(str)
    screen_requested = Signal(str)

    def __init__(self, context: FeatureContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.dock: QDockWidget | None = None
        self.panel: AgendaPanel | None = None
        context.bus.changed.connect(self._on_changed)

    def toggle(self) -> None:
        """Ctrl+Shift+D: the agenda open (beside the board, or folded in full screen) or
        closed."""
        if self.dock is None:
            self._make_dock()
        elif self.context.dock_open(self.dock):
            self.context.hide_dock(self.dock)
        else:
            self.context.show_dock(self.dock, DOCK_WIDTH)

    def next_step(self) -> None:
        if self.panel is None or self.dock is None:
            self._make_dock()
        assert self.panel is not None
        assert self.dock is not None
        if not self.context.dock_open(self.dock):
            self.context.show_dock(self.dock, DOCK_WIDTH)
        self.panel.next_step()

    def refresh(self) -> None:
        if self.panel is not None:
            self.panel.refresh()

    # private

    def _make_dock(self) -> None:
        from ui.agenda_panel import AgendaPanel

        context = self.context
        self.panel = AgendaPanel(context.store, context.session, lambda: context.clock())
        self.panel.write = self._push
        self.panel.step_started.connect(self.step_started)
        self.panel.screen_requested.connect(self.screen_requested)
        self.dock = context.add_dock(self.tr("Déroulé de l'atelier"), self.panel, DOCK_WIDTH)
        context.show_dock(self.dock, DOCK_WIDTH)

    def _push(self, change: Change) -> bool:
        return self.context.bus.push(change)

    def _on_changed(self, change: Change, origin: Origin) -> None:
        if self.panel is not None and any(e.kind == "activities" for e in change.edits):
            self.panel.refresh()
