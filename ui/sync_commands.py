"""Undo steps for a notes import and a conflict's choice (``fabrique_desktop.sync_undo``).

Both are already done when they are pushed (the merge or the choice ran first, so that a
refusal never becomes a step); undo and redo are new edits, like every board undo, and
tell every view what they changed through the window's change bus (``bus.announce``). What the
undo means for the other laptops is said in the status bar each time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from fabrique_desktop import sync, sync_undo
from fabrique_desktop.changes import Change, Origin
from fabrique_desktop.ports import Store

Notify = Callable[[Change, Origin], None]  # ChangeBus.announce
Tell = Callable[[str], None]


class ImportCommand(QUndoCommand):
    """A notes import: undo removes what it added and restores what it changed."""

    def __init__(
        self,
        store: Store,
        journal: sync.SyncJournal,
        done: sync_undo.UndoableImport,
        notify: Notify,
        tell: Tell,
    ) -> None:
        super().__init__(done.change.label)
        self._store, self._journal, self._done = store, journal, done
        self._notify, self._tell = notify, tell
        self._first = True  # the merge itself already ran

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        skipped = self._apply(undo=False)
        self._tell(
            QCoreApplication.translate("SyncCommands", "Notes importées de nouveau.")
            + _skipped(skipped)
        )

    def undo(self) -> None:
        skipped = self._apply(undo=True)
        self._tell(
            QCoreApplication.translate(
                "SyncCommands",
                "Import annulé : les idées ajoutées sont retirées et les modifications "
                "défaites. Ce retrait ira aussi aux autres ordinateurs à la prochaine fusion ; "
                "réimporter le même fichier n'ajouterait rien : Rétablir (Ctrl+Maj+Z) "
                "remet les notes.",
            )
            + _skipped(skipped)
        )

    def _apply(self, undo: bool) -> int:
        done = self._done
        step, skipped = sync_undo.apply_step(
            self._store, self._journal, done.change, done.conflict_ids, undo=undo
        )
        self._notify(step, Origin.UNDO if undo else Origin.REDO)
        return skipped


class ResolveCommand(QUndoCommand):
    """A conflict's choice: undo shows the previous version again and re-opens the conflict."""

    def __init__(
        self,
        store: Store,
        journal: sync.SyncJournal,
        session_id: str,
        conflict: sync.Conflict,
        value: Any,
        change: Change,
        notify: Notify,
        tell: Tell,
    ) -> None:
        super().__init__(change.label)
        self._store, self._journal, self._session_id = store, journal, session_id
        self._conflict, self._value, self._change = conflict, value, change
        self._notify, self._tell = notify, tell
        self._first = True  # the choice itself already ran

    @property
    def conflict(self) -> sync.Conflict:
        return self._conflict

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        # a fresh document: copies, merges or undos may have written to it since
        engine = sync.SessionSync(self._store, self._journal, self._session_id)
        self._change = sync_undo.resolve(engine, self._conflict, self._value)
        self._notify(self._change, Origin.REDO)
        self._tell(
            QCoreApplication.translate(
                "SyncCommands", "Choix rétabli : cette version est gardée partout."
            )
        )

    def undo(self) -> None:
        step, skipped = sync_undo.reopen(self._store, self._journal, self._conflict, self._change)
        self._notify(step, Origin.UNDO)
        self._tell(
            QCoreApplication.translate(
                "SyncCommands",
                "Choix annulé : la version d'avant revient (partout, à la prochaine fusion) et "
                "le conflit est de nouveau à trancher (Fichier › Conflits à trancher).",
            )
            + _skipped(skipped)
        )


def _skipped(count: int) -> str:
    if not count:
        return ""
    text = QCoreApplication.translate(
        "SyncCommands", "{} valeur(s) modifiée(s) depuis, ailleurs, laissée(s) telle(s) quelle(s)."
    )
    return " " + text.format(count)
