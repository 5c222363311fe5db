"""Engagements: a selection (or its group) promoted (Ctrl+E), edited, listed (Ctrl+Shift+E)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from fabrique_desktop import convergence
from fabrique_desktop.changes import Change, Origin
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Engagement
from ui.animation.context import FeatureContext

if TYPE_CHECKING:
    from fabrique_desktop.groups import Cluster
    from ui.engagements_view import EngagementDialog, EngagementsView

# a change of these kinds may change what the engagements list shows (titles, dots)
SHOWN_KINDS = {"engagements", "votes", "cards"}


class EngagementFeature(QObject):
    def __init__(self, context: FeatureContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.view: EngagementsView | None = None
        self.dialog: EngagementDialog | None = None
        context.bus.changed.connect(self._on_changed)

    def promote(self) -> None:
        """A new engagement from the selected idea(s), or from their group; on a Convergence
        wall, the earlier ateliers' pistes selected too (read-only: only traced)."""
        from ui.engagements_view import EngagementDialog

        context = self.context
        # an earlier objective chosen whole stands for its pistes
        objectives = context.selected_earlier_objectives()
        inside = {i for o in objectives for i in context.scene.selection.group_cards(o.id)}
        earlier = [c for c in context.selected_earlier_cards() if c.id not in inside]
        selected = context.selected_cards() + earlier
        try:
            found = convergence.candidate(context.store, context.session.id, selected, objectives)
        except FabriqueError as error:
            context.report(str(error))
            return
        ideas = list(zip(found.cards, found.votes, strict=True))
        dialog = EngagementDialog(
            context.template,
            ideas,
            title=found.title,
            column=found.column,
            parent=context.window,
            origins=context.scene.notes.read_only,
            objectives=[self._objective_line(o) for o in found.objectives],
        )
        self.dialog = dialog

        def save() -> None:
            values = dialog.values()
            self._try(
                lambda: convergence.promote(
                    context.store,
                    context.session.id,
                    list(found.cards),
                    title=str(values["title"]),
                    column=str(values["column"]),
                    purpose=str(values["purpose"]),
                    how=str(values["how"]),
                    objectives=found.objectives,
                )
            )
            self.show_list()

        dialog.accepted.connect(save)
        dialog.open()

    def edit(self, engagement_id: str) -> None:
        from ui.engagements_view import EngagementDialog

        context = self.context
        engagement = context.store.get(Engagement, engagement_id)
        if engagement is None:
            return
        ideas = [(i.card, i.votes) for i in convergence.trace(context.store, engagement)]
        objectives = convergence.traced_objectives(context.store, engagement)
        dialog = EngagementDialog(
            context.template,
            ideas,
            engagement,
            parent=context.window,
            origins=context.scene.notes.read_only,
            objectives=[self._objective_line(o) for o in objectives],
        )
        self.dialog = dialog
        dialog.accepted.connect(
            lambda: self._try(lambda: convergence.edit(engagement, **dialog.values()))
        )
        dialog.open()

    def show_list(self) -> None:
        if self.view is None:
            from ui.engagements_view import EngagementsView

            context = self.context
            self.view = EngagementsView(
                context.store, context.session.id, context.template, context.window
            )
            self.view.write = context.bus.push
            self.view.origin = self._origin
            self.view.edit_requested.connect(self.edit)
        from ui import engagements_view, room_screen

        room_screen.present(self.view, self.context.window, engagements_view.SIZE)

    # private

    def _origin(self, traced_id: str) -> str:
        """Where an earlier piste or objective comes from (« Ateliers 3 et 4 · lecture
        seule »), "" for this atelier's own cards."""
        scene = self.context.scene
        return scene.notes.read_only.get(traced_id) or scene.groups.read_only.get(traced_id, "")

    def _objective_line(self, objective: Cluster) -> str:
        """An earlier objective in the engagement's dialog: its name, where it comes from."""
        line = self.tr("Objectif « {} »").format(objective.name)
        if objective.deleted:
            line += self.tr(" (supprimé)")
        origin = self._origin(objective.id)
        return f"{line}  — {origin}" if origin else line

    def _try(self, build: Callable[[], Change]) -> bool:
        try:
            change = build()
        except FabriqueError as error:
            self.context.report(str(error))
            return False
        return self.context.bus.push(change)

    def _on_changed(self, change: Change, origin: Origin) -> None:
        if self.view is not None and any(e.kind in SHOWN_KINDS for e in change.edits):
            self.view.refresh()
