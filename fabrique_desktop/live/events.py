"""How the network thread talks to the thread that owns the data, and the errors it can meet.

Why a background thread with asyncio: one event loop serves every socket (the listening one,
each laptop, discovery) without ever blocking the projector's UI, and it needs no Qt, so the
same code runs in the app, in head-less test processes and in benchmarks. The loop never
touches the database or the CRDT document: it only checks and frames bytes, then puts an
``Event`` in the ``Inbox``. The owner thread (Qt's main thread in the app) drains the inbox
— ``LiveLink.pump()`` — and is the only one to read or write the document and SQLite.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from fabrique_desktop.errors import FabriqueError

# event kinds
JOINED = "joined"  # server: a laptop passed the handshake (data: PeerInfo)
LEFT = "left"  # server: a laptop is gone (data: reason)
SYNC = "sync"  # a checked y-sync message (data: (sub-type, bytes))
CONNECTED = "connected"  # client: the handshake succeeded (data: the welcome dict)
DISCONNECTED = "disconnected"  # client: the connection dropped; it will try again
REFUSED = "refused"  # client: the facilitator refused us (data: reason); no more tries
ENDED = "ended"  # client: the facilitator stopped sharing or removed us (data: reason)
GUARD = "guard"  # server: too many wrong codes this minute, only known laptops may try
# (data: True when that starts, False when anyone may try again)

HOST = "host"
"""The peer id a note-taker's link uses for the facilitator's laptop."""


class LiveError(FabriqueError):
    """Sharing or joining could not start (no local network, address in use, bad address)."""


@dataclass(frozen=True)
class Event:
    kind: str
    peer: str
    data: Any = None


class Inbox:
    """A thread-safe queue of events; ``wake`` is called (from the network thread) on each put.

    ``taken``, given with an event, is called on the owner thread once it has handled the
    event (``done()``, after each batch): the network thread uses it to read no more from a peer
    while its bytes wait here or are being merged (memory stays bounded whatever a peer sends,
    and a peer faster than the owner is slowed by TCP, not buffered).

    ``forget(peer)``: the owner thread dropped that peer; its sync messages still waiting here
    are thrown away, and so are those the network thread hands over until it leaves or joins
    again (any other event of that peer), so nothing more of that link is read.
    """

    def __init__(self, wake: Callable[[], None] | None = None) -> None:
        self._queue: deque[tuple[Event, Callable[[], None] | None]] = deque()
        self._ready = threading.Condition()
        self._forgotten: set[str] = set()
        """Peers dropped by the owner: their sync messages are not queued (under ``_ready``)."""
        self._handled: list[Callable[[], None]] = []
        self.wake = wake

    def put(self, event: Event, taken: Callable[[], None] | None = None) -> None:
        with self._ready:
            thrown = event.kind == SYNC and event.peer in self._forgotten
            if not thrown:
                if event.kind != SYNC:
                    self._forgotten.discard(event.peer)  # it left, or joined again
                self._queue.append((event, taken))
                self._ready.notify()
        if thrown:
            if taken is not None:
                taken()  # its bytes no longer count against the peer's budget
            return
        if self.wake is not None:
            self.wake()

    def get(self, timeout: float | None = None) -> Event | None:
        with self._ready:
            if not self._queue and timeout is not None and timeout > 0:
                self._ready.wait_for(lambda: bool(self._queue), timeout)
            if not self._queue:
                return None
            event, taken = self._queue.popleft()
        if taken is not None:
            self._handled.append(taken)
        return event

    def forget(self, peer: str) -> None:
        """Read nothing more of ``peer``'s link (on the owner thread, as it drops it): its sync
        messages waiting here are thrown away, and those handed over later too, until another
        event of it (it left, or joined again) comes. What waits after such an event is kept:
        it belongs to its next link."""
        with self._ready:
            kept: deque[tuple[Event, Callable[[], None] | None]] = deque()
            thrown: list[Callable[[], None] | None] = []
            gone = False  # an event of its end, or of its next link, already waits
            for event, taken in self._queue:
                if event.peer == peer and event.kind != SYNC:
                    gone = True
                if event.peer == peer and event.kind == SYNC and not gone:
                    thrown.append(taken)
                else:
                    kept.append((event, taken))
            self._queue = kept
            if not gone:
                self._forgotten.add(peer)
        for taken in thrown:
            if taken is not None:
                taken()

    def done(self) -> None:
        """The owner thread has handled every event it took (call it from that thread)."""
        handled, self._handled = self._handled, []
        for taken in handled:
            taken()


class ReadBudget:
    """Bytes of one peer's messages handed to the owner thread and not handled yet.

    The network thread calls ``wait_turn()`` before reading the peer's next frame: while more
    than ``limit`` bytes wait (in the inbox, or being merged), it reads no further and TCP slows
    the peer down. So what a peer can make this laptop hold is bounded: ``limit`` plus the
    frame being handed over, whatever it sends and however slow the owner thread is.
    """

    def __init__(self, limit: int) -> None:
        import asyncio

        self.limit = limit
        self.waiting = 0
        """Bytes handed over and not yet handled (under ``_lock``)."""
        self._blocked = False
        self._lock = threading.Lock()
        self._drained = asyncio.Event()

    async def wait_turn(self) -> None:
        """On the network thread: return once the owner thread has caught up."""
        while self._over():
            await self._drained.wait()

    def handed(
        self,
        size: int,
        call: Callable[..., None] | None,
        then: Callable[[], None] | None = None,
    ) -> Callable[[], None]:
        """Count ``size`` bytes handed over; returns the ``taken`` callback for ``Inbox.put``.

        ``call`` schedules a function on the network thread (``LoopThread.call``): it wakes the
        reader when the peer is back under budget, and runs ``then`` there (only then is the
        network thread woken: typing costs no extra wake-up)."""
        with self._lock:
            self.waiting += size

        def taken() -> None:  # on the owner thread
            with self._lock:
                self.waiting -= size
                drained = self._blocked and self.waiting <= self.limit
                if drained:
                    self._blocked = False
            if (drained or then is not None) and call is not None:
                call(self._resume, drained, then)

        return taken

    def _over(self) -> bool:
        with self._lock:
            self._blocked = self.waiting > self.limit
            if self._blocked:
                self._drained.clear()
            return self._blocked

    def _resume(self, drained: bool, then: Callable[[], None] | None) -> None:
        if drained:
            self._drained.set()
        if then is not None:
            then()


class LoopThread:
    """An asyncio event loop running in a daemon thread, stopped with ``close()``."""

    def __init__(self, name: str) -> None:
        import asyncio

        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import asyncio

        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    def run(self, coroutine: Coroutine[Any, Any, Any], timeout: float = 10.0) -> Any:
        """Run a coroutine on the loop and wait for its result (from another thread)."""
        import asyncio

        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def call(self, function: Callable[..., Any], *args: Any) -> None:
        """Schedule ``function(*args)`` on the loop (from any thread)."""
        if not self.loop.is_closed():
            self.loop.call_soon_threadsafe(function, *args)

    def close(self) -> None:
        if self.loop.is_closed():
            return
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5.0)
        if not self._thread.is_alive():
            self.loop.close()


REASONS = {
    "code": "Le code n'est pas le bon : vérifiez le code affiché au tableau.",
    "version": (
        "L'autre ordinateur a une version plus récente de Fabrique : mettez Fabrique à jour."
    ),
    "old": "L'autre ordinateur a une version trop ancienne de Fabrique.",
    "removed": "L'animateur a retiré cet ordinateur du partage.",
    "other-session": "L'animateur partage un autre atelier que celui-ci.",
    "full": "Trop d'ordinateurs sont déjà connectés à cet atelier.",
    "busy": (
        "Trop de codes faux ont été essayés sur ce partage : réessayez dans une minute, ou "
        "demandez à l'animateur de relancer le partage avec un nouveau code."
    ),
    "too-large": (
        "Cet atelier est trop grand pour être copié en direct : demandez à l'animateur une copie "
        "sur clé (« Préparer une copie pour un preneur de notes »), ouvrez-la avec « Importer des "
        "notes », puis rejoignez l'atelier."
    ),
    "no-copy": "L'animateur ne peut pas encore envoyer l'atelier : réessayez dans un instant.",
    "ended": "L'animateur a arrêté le partage.",
    "rejected": (
        "L'ordinateur de l'animateur a refusé des données venues de celui-ci (le détail est "
        "dans son journal) : le partage en direct s'arrête ici. Vos idées restent sur cet "
        "ordinateur."
    ),
    "unreachable": "Aucun atelier partagé à cette adresse : vérifiez l'adresse et le réseau.",
    "malformed": "L'échange avec l'autre ordinateur a échoué (données illisibles).",
    "impostor": (
        "L'ordinateur à cette adresse ne connaît pas le code de l'atelier : ce n'est pas celui "
        "de l'animateur. Vérifiez l'adresse affichée au tableau."
    ),
}


def refusal_message(reason: str) -> str:
    """The French sentence for a refusal or an end of link (``reason`` as sent by the peer)."""
    return REASONS.get(reason, f"La connexion a été refusée ({reason}).")
