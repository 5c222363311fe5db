"""The récit prospectif: a dream per Vivre and the participants' quotes (Ctrl+Shift+C)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from fabrique_desktop.changes import Change, Origin
from ui.animation.context import FeatureContext

if TYPE_CHECKING:
    from ui.recit_view import RecitView


class RecitFeature(QObject):
    def __init__(self, context: FeatureContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.view: RecitView | None = None
        context.bus.changed.connect(self._on_changed)

    def show(self) -> None:
        if self.view is None:
            from ui.recit_view import RecitView

            context = self.context
            self.view = RecitView(context.store, context.session, context.template, context.window)
            self.view.write = context.bus.push
        from ui import recit_view, room_screen

        room_screen.present(self.view, self.context.window, recit_view.SIZE)

    def save_pending(self) -> None:
        """A dream typed less than a moment ago (saved after a pause) is saved now: the window
        is going (another atelier opened, the language changed) and the récit with it."""
        if self.view is not None:
            self.view.save_dream()

    def _on_changed(self, change: Change, origin: Origin) -> None:
        if self.view is not None and any(e.kind in ("dreams", "quotes") for e in change.edits):
            self.view.refresh()
