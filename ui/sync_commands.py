"""Undo steps for a notes import and a conflict's choice (``fabrique_desktop.sync_undo``).

Both are already done when they are remembered (the merge or the choice was written and
announced through the bus's ``writer`` first, so that a refusal never becomes a step). They
follow the history's one protocol (``BusCommand``): the bus writes an undo or redo first
(``_store``), rebased like every board undo, and a write that fails leaves the history where
it is; then what was written is announced on the window's bus.
What the undo means for the other laptops is said in the status bar each time.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from fabrique_desktop import sync, sync_undo
from fabrique_desktop.changes import Change, Origin
from ui.change_bus import BusCommand, ChangeBus
from ui.count_words import counted

Tell = Callable[[str], None]


class ImportCommand(BusCommand):
    """A notes import: undo removes what it added and restores what it changed."""

    def __init__(self, bus: ChangeBus, done: sync_undo.UndoableImport, tell: Tell) -> None:
        super().__init__(bus, done.change.label)
        self._done_import, self._tell = done, tell

    def _write(self, undo: bool) -> tuple[Change, int]:
        step, skipped = sync_undo.apply_step(self._bus.store, self._done_import, undo=undo)
        self._store(step)
        return step, skipped

    def _announce(self, step: Change, skipped: int, undo: bool) -> None:
        self._bus.announce(step, Origin.UNDO if undo else Origin.REDO)
        if undo:
            text = QCoreApplication.translate(
                "SyncCommands",
                "Import annulé : les idées ajoutées sont retirées et les modifications "
                "défaites. Ce retrait ira aussi aux autres ordinateurs à la prochaine fusion ; "
                "réimporter le même fichier n'ajouterait rien : Rétablir (Ctrl+Maj+Z) "
                "remet les notes.",
            )
        else:
            text = QCoreApplication.translate("SyncCommands", "Notes importées de nouveau.")
        self._tell(text + _skipped(skipped))


class ResolveCommand(BusCommand):
    """A conflict's choice: undo shows the previous version again and re-opens the conflict."""

    def __init__(
        self,
        bus: ChangeBus,
        journal: sync.SyncJournal,
        session_id: str,
        conflict: sync.Conflict,
        value: object,
        change: Change,
        tell: Tell,
    ) -> None:
        super().__init__(bus, change.label)
        self._journal, self._session_id = journal, session_id
        self._conflict, self._value, self._change = conflict, value, change
        self._tell = tell

    @property
    def conflict(self) -> sync.Conflict:
        return self._conflict

    def _write(self, undo: bool) -> tuple[Change, int]:
        store = self._bus.store
        if undo:
            step, skipped = sync_undo.reopen(store, self._session_id, self._conflict, self._change)
            self._store(step)
            return step, skipped
        # a fresh document: copies, merges or undos may have written to it since
        engine = sync.SessionSync(store, self._journal, self._session_id, self._store)
        self._change = sync_undo.resolve(engine, self._conflict, self._value)
        return self._change, 0

    def _announce(self, step: Change, skipped: int, undo: bool) -> None:
        self._bus.announce(step, Origin.UNDO if undo else Origin.REDO)
        if undo:
            text = QCoreApplication.translate(
                "SyncCommands",
                "Choix annulé : la version d'avant revient (partout, à la prochaine fusion) et "
                "le conflit est de nouveau à trancher (Fichier › Conflits à trancher).",
            )
        else:
            text = QCoreApplication.translate(
                "SyncCommands", "Choix rétabli : cette version est gardée partout."
            )
        self._tell(text + _skipped(skipped))


def _skipped(count: int) -> str:
    if not count:
        return ""
    return " " + counted(  # « 1 valeur … laissée telle quelle », « 3 valeurs … laissées telles… »
        count,
        QCoreApplication.translate(
            "SyncCommands", "1 valeur modifiée depuis, ailleurs, laissée telle quelle."
        ),
        QCoreApplication.translate(
            "SyncCommands", "{} valeurs modifiées depuis, ailleurs, laissées telles quelles."
        ),
    )
