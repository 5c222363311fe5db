"""The one road of every write in a session window: apply a ``Change``, then announce it.

Anki's ``CollectionOp`` / ``operation_did_execute`` is the model. Whatever changes the
data — a key on the board, a dialog (personas, tables, votes, agenda), the timer, an undo,
another laptop, an import, a phone — reaches the database and the screens here, and
nowhere else:

- ``bus.push(change)``: a user action of this laptop. Written first (a write that fails is
  reported through ``failed`` and never becomes a step), then it is one step of the
  window's undo history (``bus.history``) and announced with ``Origin.LOCAL``.
- ``bus.apply(change, origin)``: written and announced, but not an undo step (the timer
  ticking, the voter chosen in the panel, a phone's idea, a remote update written by us).
- ``bus.announce(change, origin)``: the data was already written by another engine (the
  live link, a notes import through the sync journal): only the announcement.
- ``with bus.batch(origin, label) as write``: requests queued by another thread (the phones'),
  each ``write(change)`` in one transaction so that later ones read what earlier ones wrote;
  committed when the block ends, then announced once for all the batches written meanwhile,
  when the event loop turns next (whoever waits on the commit — a phone — is not kept waiting
  for the board's layout). Not undo steps: a phone's idea is not this laptop's act.
- ``bus.writer(origin, session_id)``: the ``Write`` an engine is given (a merge — notes
  import, live link, relay —, joining a live session, a conflict's choice): the change it
  computed is written here and announced with ``origin`` (only if it is this window's
  session: another atelier's rows are written for the window that will open on them), or a
  ``FabriqueError`` is raised with nothing written; ``bus.remember(command)`` then makes such
  a user act (a notes import, a conflict's choice) an undo step.
- ``bus.undo()`` / ``bus.redo()``: every step of the history is a ``BusCommand``, one
  protocol: the step is written first (``prepare``), *rebased* (``changes.rebased``: a
  field that another laptop or an import changed since keeps its newer value); a write that
  fails (a full disk) is told through ``failed`` and the history does not move; then Qt's
  ``undo``/``redo`` only announce what was written. The status bar is told (``notice``)
  when a step had nothing left to undo.

Every view, panel and dialog listens to ``changed(change, origin)``; what the change
touched is in ``change.read(Card)`` (and each other kind), read once after the write for
every listener. No widget calls ``store.apply``, and no one else emits these signals.

Keyboard nudges (Ctrl+Up/Down) of one selection within ``MERGE_WINDOW`` seconds make one
undo step; everything else (a send to a column, a drop) is a step of its own.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Hashable, Iterator, Mapping
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from fabrique_desktop.changes import (
    Change,
    Edit,
    Origin,
    announced,
    combine,
    rebased,
    session_of,
)
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.ports import Store, Write
from ui.change_labels import said

log = logging.getLogger(__name__)

MERGE_WINDOW = 1.0  # seconds between two nudges of one selection that make one undo step
MERGEABLE_ID = 0x4642  # QUndoCommand.id() of commands that may merge (see ``merge_key``)


class ChangeBus(QObject):
    """Applies and announces every change of one session window; owns its undo history.

    Signals:
        changed(Change, Origin): a change is in the database (for an undo: what was undone,
            as a change of its own), with the rows it touched (``Change.read``).
        failed(str): a change could not be stored (full disk, read-only…): a French message.
        notice(str): something the facilitator should read in the status bar (an undo that
            had nothing left to undo).
    """

    changed = Signal(object, object)
    failed = Signal(str)
    notice = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.history = QUndoStack(self)
        self.clock: Callable[[], float] = time.monotonic
        self._batched: list[tuple[Change, Origin, str]] = []
        self._batch_timer = QTimer(self)  # batches' announcements, when the loop turns next
        self._batch_timer.setSingleShot(True)
        self._batch_timer.setInterval(0)
        self._batch_timer.timeout.connect(self.announce_batches)

    def push(
        self,
        change: Change,
        merge_key: Hashable | None = None,
        origin: Origin = Origin.LOCAL,
    ) -> bool:
        """A user action: stored, one undo step, announced. False if it was not stored.

        A change whose edits change nothing is not a step. Consecutive changes pushed with
        the same ``merge_key`` within ``MERGE_WINDOW`` seconds make one step. ``origin``
        says where the step came from (``Origin.IMPORT`` for cards read from a file).
        """
        change = change.effective()
        if not change:
            return True
        if not self._write(change):
            return False
        stamp = self.clock()
        self.history.push(ChangeCommand(self, change, merge_key, stamp))
        self._announce(change, origin)
        return True

    def apply(self, change: Change, origin: Origin = Origin.LOCAL) -> bool:
        """Stored and announced, not an undo step. False (and ``failed``) if not stored."""
        change = change.effective()
        if not change:
            return True
        if not self._write(change):
            return False
        self._announce(change, origin)
        return True

    def announce(self, change: Change, origin: Origin) -> None:
        """Tell every listener about a change another engine already wrote."""
        self._announce(change, origin)

    @contextmanager
    def batch(self, origin: Origin, label: str) -> Iterator[Callable[[Change], None]]:
        """Changes written one after another in one transaction (``write(change)``), each
        seeing the earlier ones; committed when the block ends. A ``FabriqueError`` (a full
        disk) rolls the whole batch back and is raised to the caller, who answers for it (the
        phones are told « stockage »; a dialog per batch would stack up). Once committed, the
        batch is announced with ``origin`` when the event loop turns next, with every batch
        written meanwhile as one change (``label`` when there are several): one layout for a
        burst, and the phones answered first. Not undo steps."""
        written: list[Change] = []

        def write(change: Change) -> None:
            change = change.effective()
            if change:
                self.store.apply(change)
                written.append(change)

        with self.store.atomic():
            yield write
        for change in written:
            self._batched.append((change, origin, label))
        if written and not self._batch_timer.isActive():
            self._batch_timer.start()

    def announce_batches(self) -> None:
        """Announce now what batches wrote (one change per origin, in order)."""
        self._batch_timer.stop()
        pending, self._batched = self._batched, []
        while pending:
            change, origin, label = pending[0]
            same = [c for c, o, _label in pending if o is origin]
            pending = [p for p in pending if p[1] is not origin]
            if len(same) > 1:
                change = Change(label, tuple(e for c in same for e in c.edits))
            self._announce(change, origin)

    def write(self, change: Change, origin: Origin | None) -> None:
        """Write a change an engine computed and announce it with ``origin`` (``None``: no
        view of this window shows it). Raises ``FabriqueError`` when nothing was written:
        the engine's caller says why, once."""
        self.store.apply(change)
        if origin is not None and change.edits:
            self._announce(change, origin)

    def writer(self, origin: Origin, session_id: str) -> Write:
        """The ``Write`` given to an engine working for this window (see the docstring)."""

        def write(change: Change) -> None:
            mine = session_of(change) in (None, session_id)
            self.write(change, origin if mine else None)

        return write

    def remember(self, command: BusCommand) -> None:
        """A step its engine wrote through ``writer`` (announced there) enters the history."""
        self.history.push(command)

    def forget(self, kind: str, entity_id: str, values: Mapping[str, object]) -> None:
        """Erase for good: every step of the history that holds these fields of this entity
        holds ``values`` instead (an erased name never comes back by undo or redo)."""
        for index in range(self.history.count()):
            command = self.history.command(index)
            if isinstance(command, ChangeCommand):
                command.forget(kind, entity_id, values)

    def undo(self) -> None:
        """Ctrl+Z: the last step, rebased; a step that cannot be written stays undoable."""
        command = self.history.command(self.history.index() - 1)
        if isinstance(command, BusCommand) and command.prepare(undo=True):
            self.history.undo()

    def redo(self) -> None:
        command = self.history.command(self.history.index())
        if isinstance(command, BusCommand) and command.prepare(undo=False):
            self.history.redo()

    # used by the commands

    def _announce(self, change: Change, origin: Origin) -> None:
        """Every listener hears of ``change`` with the rows it touched, read once for all."""
        self.changed.emit(announced(self.store, change), origin)

    def _write(self, change: Change) -> bool:
        try:
            self.store.apply(change)
        except FabriqueError as error:
            log.warning("change %r not stored: %s", change.label, error)
            self.failed.emit(str(error))
            return False
        return True

    def stepped(self, change: Change, step: Change, skipped: int, origin: Origin) -> None:
        """An undo or redo of ``change`` was written (``step``): announced; the status bar
        says what was left as someone else changed it."""
        self._announce(step, origin)
        if not skipped and (step or not change):
            return
        if step:
            text = self.tr(
                "« {} » : ce qui a été modifié depuis sur un autre ordinateur est gardé."
            )
        elif origin is Origin.REDO:
            text = self.tr("Rien à rétablir pour « {} » : modifié depuis sur un autre ordinateur.")
        else:
            text = self.tr("Rien à annuler pour « {} » : modifié depuis sur un autre ordinateur.")
        self.notice.emit(text.format(said(change.label)))


class BusCommand(QUndoCommand):
    """One step of a window's history, already done when it is pushed (its first ``redo``
    does nothing). The bus calls ``prepare`` before the history moves: the step is written
    there (``_write``, rebased on the rows as they are now), or refused with the French
    reason through ``failed`` and the history stays put. Qt's ``undo``/``redo`` then only
    announce what was written (``_announce``)."""

    def __init__(self, bus: ChangeBus, label: str) -> None:
        super().__init__(said(label))
        self._bus = bus
        self._done = True
        self._prepared: tuple[Change, int] | None = None

    def prepare(self, undo: bool) -> bool:
        """Write the undo (or redo) before the history moves; False if it was not stored."""
        try:
            self._prepared = self._write(undo)
        except FabriqueError as error:
            log.warning("step %r not stored: %s", self.text(), error)
            self._bus.failed.emit(str(error))
            return False
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._step(undo=False)

    def undo(self) -> None:
        self._step(undo=True)

    def _write(self, undo: bool) -> tuple[Change, int]:
        """Write this step's undo (or redo): what was written, and how many fields were left
        as someone else changed them since. Raises ``FabriqueError`` if nothing was stored."""
        raise NotImplementedError

    def _announce(self, step: Change, skipped: int, undo: bool) -> None:
        """Tell the listeners what the undo (or redo) wrote."""
        raise NotImplementedError

    def _store(self, change: Change) -> None:
        """Write what ``_write`` computed, in one transaction (``FabriqueError``: nothing)."""
        if change:
            self._bus.store.apply(change)

    def _step(self, undo: bool) -> None:
        if self._prepared is None and not self.prepare(undo):
            return  # moved by the stack itself (nothing does): the history says so
        assert self._prepared is not None
        step, skipped = self._prepared
        self._prepared = None
        self._announce(step, skipped, undo)


class ChangeCommand(BusCommand):
    """One step of the history: a ``Change`` value (never Qt items).

    Undo applies the inverse and redo the change again, each rebased on the rows as they
    are now, committed before the views hear of it.
    """

    def __init__(
        self, bus: ChangeBus, change: Change, merge_key: Hashable | None, stamp: float
    ) -> None:
        super().__init__(bus, change.label)
        self._change = change
        self._merge_key = merge_key
        self._stamp = stamp

    @property
    def change(self) -> Change:
        """What redo applies (undo applies its inverse)."""
        return self._change

    def forget(self, kind: str, entity_id: str, values: Mapping[str, object]) -> None:
        def blank(fields: Mapping[str, object] | None) -> Mapping[str, object] | None:
            if fields is None:
                return None
            return {k: values.get(k, v) for k, v in fields.items()}

        self._change = Change(
            self._change.label,
            tuple(
                Edit(e.kind, e.id, blank(e.before), blank(e.after))
                if (e.kind, e.id) == (kind, entity_id)
                else e
                for e in self._change.edits
            ),
        )

    def _write(self, undo: bool) -> tuple[Change, int]:
        target = self._change.inverse() if undo else self._change
        step, skipped = rebased(self._bus.store, target)
        step = step.effective()
        if step:
            self._bus.store.apply(step)
        return step, skipped

    def _announce(self, step: Change, skipped: int, undo: bool) -> None:
        origin = Origin.UNDO if undo else Origin.REDO
        self._bus.stepped(self._change, step, skipped, origin)

    # merging (Qt calls these when a command is pushed on top of this one)

    def id(self) -> int:
        return MERGEABLE_ID if self._merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, ChangeCommand)
            or self._merge_key is None
            or other._merge_key != self._merge_key
            or other._stamp - self._stamp > MERGE_WINDOW
        ):
            return False
        self._change = combine(self._change, other._change)
        self._stamp = other._stamp
        self.setText(said(self._change.label))
        if not self._change:  # everything is back where it was: no step at all
            self.setObsolete(True)
        return True
