"""The timer over the board: shown, hidden (remembered per session), started, resumed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from fabrique_desktop import timer
from fabrique_desktop.changes import Change, Origin
from ui.animation.context import FeatureContext

if TYPE_CHECKING:
    from ui.timer_overlay import TimerOverlay

# settings key: the sessions whose timer the facilitator hid (it stays hidden on opening)
HIDDEN_TIMERS = "hidden_timers"


class TimerFeature(QObject):
    def __init__(self, context: FeatureContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.overlay: TimerOverlay | None = None
        context.bus.changed.connect(self._on_changed)

    def make_overlay(self) -> TimerOverlay:
        """The overlay, made on first use (hidden)."""
        if self.overlay is None:
            from ui.timer_overlay import TimerOverlay

            context = self.context
            overlay = TimerOverlay(
                context.store, context.session.id, lambda: context.clock(), context.board
            )
            overlay.write = self._store
            overlay.finished.connect(self._round_over)
            overlay.close_button.clicked.connect(lambda: self._remember(False))
            self.overlay = overlay
        return self.overlay

    def show_or_hide(self) -> None:
        """Ctrl+T: show the timer, or hide it (remembered: it stays hidden on opening)."""
        overlay = self.make_overlay()
        overlay.setVisible(not overlay.isVisible() or overlay.large)
        if overlay.large:
            overlay.set_large(False)
        self._remember(overlay.isVisible())

    def toggle(self) -> None:
        self.shown_overlay().toggle()

    def add_minute(self) -> None:
        self.shown_overlay().add_minute()

    def ask_minutes(self) -> None:
        """Maj+F8: the round's minutes, typed (the timer's ⋯ menu's « Régler la durée… »)."""
        self.shown_overlay().ask_minutes()

    def toggle_large(self) -> None:
        overlay = self.shown_overlay()
        overlay.set_large(not overlay.large)

    def start_step(self, activity_id: str) -> None:
        """A new agenda step: the timer takes its planned time and starts."""
        from fabrique_desktop import agenda

        activity = self.context.store.get(agenda.Activity, activity_id)
        if activity is None:
            return
        overlay = self.shown_overlay()
        # the facilitator's own countdown (not a step's, which the next step follows on)
        running = overlay.state.running and overlay.state.activity_id is None
        left = overlay.time_label.text()
        overlay.set_minutes(activity.planned_minutes, activity.id, start=True)
        overlay.set_caption(activity.title)
        if running:  # it was replaced without a word
            self.context.report(
                self.tr(
                    "Le minuteur en cours ({} restant) est remplacé par l'étape « {} »."
                ).format(left, activity.title)
            )

    def hidden(self) -> bool:
        """The facilitator hid this session's timer (on this laptop)."""
        settings = self.context.settings
        hidden = settings.get(HIDDEN_TIMERS, []) if settings is not None else []
        return isinstance(hidden, list) and self.context.session.id in hidden

    def shown_overlay(self) -> TimerOverlay:
        overlay = self.make_overlay()
        overlay.show()
        self._remember(True)
        return overlay

    def resume(self) -> None:
        """On opening (a restart, another session, a language switch): a running timer comes
        back on screen, unless the facilitator had hidden it or this is a note-taker's copy.
        A paused timer waits for Ctrl+T."""
        context = self.context
        state = timer.get(context.store, context.session.id)
        if not state.running:
            return
        from fabrique_desktop import agenda

        overlay = self.make_overlay()  # it rings at the end of the round, even hidden
        activity = context.store.get(agenda.Activity, state.activity_id or "")
        overlay.set_caption(activity.title if activity else "")
        overlay.setVisible(not self.hidden() and not context.note_taker)

    # private

    def _store(self, change: Change) -> bool:
        return self.context.bus.apply(change)  # not an undo step: undoing a start would be a trap

    def _on_changed(self, change: Change, origin: Origin) -> None:
        """Another laptop (or an undo of a step) changed the timer: read it again."""
        kinds = {e.kind for e in change.edits}
        if self.overlay is not None and origin is not Origin.LOCAL and "timers" in kinds:
            self.overlay.reload()

    def _round_over(self) -> None:
        self.context.report(self.tr("Temps écoulé !"))

    def _remember(self, shown: bool) -> None:
        settings = self.context.settings
        if settings is None or shown != self.hidden():
            return
        session_id = self.context.session.id
        hidden = settings.get(HIDDEN_TIMERS, [])
        hidden = [i for i in hidden if i != session_id] if isinstance(hidden, list) else []
        settings.set(HIDDEN_TIMERS, hidden if shown else [*hidden, session_id])
