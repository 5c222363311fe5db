"""A room open to phones: its code, its address, the server thread and the data's owner.

``PhoneService(store, session_id, batch)`` opens nothing; ``open()`` starts listening on the
local network address only (``PhonesError`` in French if it cannot), ``close()`` tells the
open pages and stops. The network thread queues each checked request; the thread that owns the
data calls ``pump()`` (the app: when woken, on Qt's main thread; head-less: ``serve``), which
answers every queued request in one batch and only then releases the answers to the phones.

The service writes nothing itself: the room computes each request's ``Change`` and hands it to
the batch's ``write`` (``batch()`` opens one transaction for the lot, later requests reading
what earlier ones wrote, committed when it ends). In the app ``batch`` is the window's change
bus (``bus.batch``, origin « phone »: written, then announced once the phones have their
answers); head-less, the command's own store writer (``cli/phones.py``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from fabrique_desktop import disk
from fabrique_desktop.board import ColumnEnds
from fabrique_desktop.changes import Change
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.live import codes
from fabrique_desktop.live.events import LoopThread
from fabrique_desktop.phones.checks import Limits, Refusal
from fabrique_desktop.phones.room import Notice, Request, Room
from fabrique_desktop.ports import Store

log = logging.getLogger(__name__)

MAX_BATCH = 64

Write = Callable[[Change], None]
"""Stores one change within the batch's transaction (what later requests of it read)."""
Batch = Callable[[], AbstractContextManager[Write]]
"""Opens one transaction for a batch of requests, yielding its ``Write``: committed when the
block ends (then announced, in the app), nothing of it stored if it raises."""


class PhonesError(FabriqueError):
    """The room cannot be opened to phones (no local network, the port is taken…)."""


def resources_dir() -> Path:
    from fabrique_desktop.resources import resource

    return resource("phones")


class PhoneService:
    def __init__(
        self,
        store: Store,
        session_id: str,
        batch: Batch,
        *,
        wake: Callable[[], None] | None = None,
        not_stored: Callable[[str], None] | None = None,
        limits: Limits | None = None,
        code: str | None = None,
        ends: ColumnEnds | None = None,
    ) -> None:
        self.store = store
        self.session_id = session_id
        self.batch = batch
        self._write: Write | None = None
        self.wake = wake
        self.not_stored = not_stored or (lambda reason: None)
        """Told (on the owner thread) why a batch was not stored: the disk, in French."""
        self.limits = limits
        self.code = codes.normalise(code) if code else self._kept_code()
        self._notices: list[Notice] = []
        self.room = Room(
            store,
            session_id,
            commit=self._commit,
            notify=self._notices.append,
            phones_per_address=(limits or Limits()).phones_per_address,
            ends=ends,
        )
        self._queue: queue.SimpleQueue[Ticket] = queue.SimpleQueue()
        self._thread: LoopThread | None = None
        self.server: Any = None
        self.received = 0
        """Requests answered since the room opened (for the wall and the log)."""

    def _kept_code(self) -> str:
        """The atelier's code, kept with the session (made and stored the first time)."""
        from fabrique_desktop.phones.room import room_code

        code, change = room_code(self.store, self.session_id)
        if change:
            with self.batch() as write:
                write(change)
        return code

    # lifecycle (owner thread)

    @property
    def active(self) -> bool:
        return self._thread is not None

    def open(self, host: str | None = None, port: int | None = None) -> str:
        """Start listening; the address phones open (the QR code's)."""
        from fabrique_desktop.live.discovery import lan_address
        from fabrique_desktop.live.peers import is_local
        from fabrique_desktop.phones.server import DEFAULT_PORT, PhoneServer

        host = host or lan_address()
        if host is None:
            raise PhonesError(
                "Cet ordinateur n'est relié à aucun réseau local (Wi-Fi de la salle, partage de "
                "connexion d'un téléphone…) : les téléphones ne peuvent pas le joindre."
            )
        if not is_local(host):
            raise PhonesError(
                f"L'adresse « {host} » n'est pas celle d'un réseau local : la salle ne s'ouvre "
                "aux téléphones que sur le réseau de la salle."
            )
        ports = [port] if port is not None else [DEFAULT_PORT, 0]
        thread = LoopThread("fabrique-phones")
        for i, candidate in enumerate(ports):
            server = PhoneServer(
                host=host,
                port=candidate,
                code=self.code,
                submit=self._submit,
                resources=resources_dir(),
                limits=self.limits,
            )
            try:
                thread.run(server.start())
                break
            except OSError as error:
                if i == len(ports) - 1:
                    thread.close()
                    raise PhonesError(
                        f"Impossible d'ouvrir la salle aux téléphones sur {host} (port "
                        f"{candidate}) : {disk.reason(error)}. Un autre programme utilise "
                        "peut-être ce port."
                    ) from error
        self.server, self._thread = server, thread
        log.info("phones: room open for session %s at %s", self.session_id, server.address)
        return server.address

    def close(self) -> None:
        """Tell the open pages, stop listening; requests still queued are refused."""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        try:
            thread.run(self.server.stop(), timeout=5.0)
        except Exception as error:
            log.warning("phones: stop: %r", error)  # a timeout says nothing as a str
        thread.close()
        while True:
            try:
                ticket = self._queue.get_nowait()
            except queue.Empty:
                break
            if ticket.take():
                _settle([(ticket, Refusal(410, "closed"))])
        log.info("phones: room closed for session %s", self.session_id)

    @property
    def address(self) -> str:
        return self.server.address if self.server is not None else ""

    def change_code(self, code: str) -> str:
        """Serve under a new room code (already kept with the session): pages opened with the
        old one are told and refused from now on. The new address phones open."""
        self.code = codes.normalise(code)
        if self._thread is not None and self.server is not None:
            self._thread.run(self.server.change_code(self.code), timeout=5.0)
        log.info("phones: new room code for session %s", self.session_id)
        return self.address

    # the owner thread

    def pump(self, timeout: float = 0.0) -> int:
        """Answer the queued requests (waiting up to ``timeout`` for a first one): one
        transaction for the lot, committed before any answer leaves."""
        batch: list[Ticket] = []
        try:
            batch.append(
                self._queue.get(timeout=timeout) if timeout > 0 else self._queue.get_nowait()
            )
        except queue.Empty:
            return 0
        while len(batch) < MAX_BATCH:
            try:
                batch.append(self._queue.get_nowait())
            except queue.Empty:
                break
        # a request whose phone was answered « occupé » meanwhile is dropped, never stored;
        # the others can no longer be given up: their answers come after the commit
        batch = [ticket for ticket in batch if ticket.take()]
        if not batch:
            return 1
        answers: list[tuple[Ticket, dict[str, Any] | Refusal]] = []
        self._notices.clear()
        self.room.batch_started(ticket.request for ticket in batch)
        try:
            with self.batch() as write:
                self._write = write
                for ticket in batch:
                    try:
                        answers.append((ticket, self.room.handle(ticket.request)))
                    except Refusal as refusal:
                        answers.append((ticket, refusal))
        except FabriqueError as error:  # the disk, not the phone: nothing of the batch stored
            log.warning("phones: batch of %d not stored: %s", len(batch), error)
            self.room.batch_failed()
            self.room.board_changed()
            self._notices.clear()
            _settle([(ticket, Refusal(503, "storage")) for ticket in batch])
            self.not_stored(str(error))
            return len(batch)
        finally:
            self._write = None
            self.room.batch_ended()
        _settle(answers)  # committed: every answer of the batch released at once
        for notice in self._notices:
            self.send(notice)
        self.received += len(batch)
        return len(batch)

    def serve(self, stop: threading.Event) -> None:
        """Head-less: answer requests on this thread until ``stop`` is set."""
        while not stop.is_set():
            self.pump(timeout=0.2)

    def tell(self, what: str, phone: str | None = None) -> None:
        """Notify one phone's open pages (or every page) that something changed for them;
        the pages ask for their state again (rare: prefer a notice that carries the change)."""
        self.send(Notice(phone, what))

    def send(self, notice: Notice) -> None:
        """A notice to the pages it concerns (one phone's, or all), carrying what changed."""
        if self._thread is not None and self.server is not None:
            self._thread.call(_spawn, self.server.broadcast(notice.what, notice.phone, notice.data))

    def tell_idea(self, idea_id: str) -> None:
        """An idea accepted, set aside or removed: its phone's pages show its new status."""
        notice = self.room.idea_notice(idea_id)
        if notice is not None:
            self.send(notice)

    def tell_vote(self) -> None:
        """A vote opened or closed: every page shows it (a new one: each asks its cards)."""
        self.room.board_changed()
        self.send(self.room.vote_notice())

    def tell_settings(self) -> None:
        """Moderation switched on or off."""
        self.send(self.room.settings_notice())

    def disconnect(self, phone: str) -> None:
        """A blocked phone: its pages are told, its place in the room freed."""
        self.room.left(phone)
        if self._thread is not None and self.server is not None:
            self._thread.call(_spawn, self.server.close_phone(phone))

    # network thread

    async def _submit(self, request: Request, timeout: float) -> dict[str, Any]:
        """The answer once committed. Not taken up within ``timeout``: cancelled, never
        stored, and ``Refusal(503, "busy")`` (the page sends it again with the same id);
        already being answered: waited for, so that a phone is never told « failed » for an
        idea that was stored."""
        loop = asyncio.get_running_loop()
        ticket = Ticket(request, loop)
        self._queue.put(ticket)
        if self.wake is not None:
            self.wake()

        def too_late() -> None:
            if ticket.cancel():
                ticket.answer.set_exception(Refusal(503, "busy"))

        timer = loop.call_later(timeout, too_late)
        try:
            return await ticket.answer
        finally:
            timer.cancel()

    def _commit(self, change: Change) -> None:
        """The room's changes, written within the batch being answered (never outside one)."""
        if self._write is None:
            raise RuntimeError("phones: a change outside a batch")
        self._write(change)


_PENDING, _TAKEN, _CANCELLED = range(3)
_STATES = threading.Lock()


class Ticket:
    """One request waiting for the owner: taken up (then answered after the commit) or
    given up by the network thread (then never stored) — exactly one of the two."""

    __slots__ = ("answer", "loop", "request", "state")

    def __init__(self, request: Request, loop: asyncio.AbstractEventLoop) -> None:
        self.request = request
        self.loop = loop
        self.answer: asyncio.Future[dict[str, Any]] = loop.create_future()
        self.state = _PENDING

    def take(self) -> bool:
        """The owner takes it up: False if it was given up already."""
        return self._leave_pending(_TAKEN)

    def cancel(self) -> bool:
        """The network thread gives up on it: False if the owner took it up already."""
        return self._leave_pending(_CANCELLED)

    def _leave_pending(self, state: int) -> bool:
        with _STATES:
            if self.state != _PENDING:
                return False
            self.state = state
            return True


def _settle(answers: list[tuple[Ticket, dict[str, Any] | Refusal]]) -> None:
    """Hand a batch's answers to the network thread in one call (one wake-up of its loop, not
    one per request: each woke it, and both threads took turns for the interpreter)."""
    if not answers:
        return
    loops: dict[asyncio.AbstractEventLoop, list[tuple[Ticket, dict[str, Any] | Refusal]]] = {}
    for ticket, answer in answers:
        loops.setdefault(ticket.loop, []).append((ticket, answer))
    for loop, settled in loops.items():
        with contextlib.suppress(RuntimeError):  # the loop closed with the room: nobody waits
            loop.call_soon_threadsafe(_release, settled)


def _release(answers: list[tuple[Ticket, dict[str, Any] | Refusal]]) -> None:
    """On the network thread: each waiting request gets its answer."""
    for ticket, answer in answers:
        if ticket.answer.done():
            continue
        if isinstance(answer, BaseException):
            ticket.answer.set_exception(answer)
        else:
            ticket.answer.set_result(answer)


_TASKS: set[asyncio.Future] = set()


def _spawn(coroutine: Any) -> None:
    """Run a coroutine on the loop, keeping a reference until it ends."""
    task = asyncio.ensure_future(coroutine)
    _TASKS.add(task)
    task.add_done_callback(_TASKS.discard)
