"""The owner thread's side of live sharing: the y-sync protocol between a document and peers.

``LiveLink`` ties a session's CRDT document (anything that fits ``LiveDoc``) to a transport
(``LiveServer`` on the facilitator's laptop, ``LiveClient`` on a note-taker's). It speaks the
Yjs sync protocol (y-protocols' ``sync``), with pycrdt doing the CRDT work:

- on a new link, each side sends *step 1* (its state vector); the other answers *step 2*
  (exactly the updates the first one lacks): that is the whole catch-up after a network drop;
- afterwards every transaction of the document is sent as an *update*; the facilitator, as the
  hub, passes each peer's update on to the other laptops (y-websocket's server does the same).

Everything here runs on the thread that owns the document and the database: call ``pump()``
when the inbox wakes you (the Qt glue does it from a signal, head-less code in a loop), and
``local_changed()`` after a local write so that the document picks it up and sends it.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.live import protocol
from fabrique_desktop.live.events import (
    CONNECTED,
    DISCONNECTED,
    ENDED,
    HOST,
    JOINED,
    LEFT,
    REFUSED,
    SYNC,
    Event,
    Inbox,
)
from fabrique_desktop.live.peers import PeerInfo

if TYPE_CHECKING:
    from pycrdt import Doc, TransactionEvent

log = logging.getLogger(__name__)

EMPTY_UPDATE = b"\x00\x00"
RESYNC_INTERVAL = 1.0
STEP1_INTERVAL = 0.5
"""A peer asks for a catch-up (step 1) once a connection, then at most once a RESYNC_INTERVAL:
more often is ignored (each answer may be a whole session's worth of bytes)."""

Changed = dict[str, set[str]]
"""kind → ids of the entities whose rows a remote update rewrote."""


class LiveDoc(Protocol):
    """What live sharing needs from a session's CRDT engine (the offline merge's)."""

    @property
    def doc(self) -> Doc:
        """The session's pycrdt document, kept in memory while the link is open."""

    def refresh(self) -> None:
        """Bring the document up to date with rows written locally since the last call."""

    def apply_remote(self, update: bytes) -> Changed:
        """Apply a peer's update and rewrite the rows it changed; ``ValueError`` if malformed."""


class Transport(Protocol):
    def start(self) -> None: ...
    def stop(self) -> None: ...
    def send(self, peer_id: str, payload: bytes) -> None: ...
    def broadcast(self, payload: bytes, exclude: str | None = None) -> None: ...
    def drop(self, peer_id: str, reason: str) -> None: ...


class _ClientTransport:
    """Adapts ``LiveClient`` (one peer, the host) to ``Transport``."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def start(self) -> None:
        self.client.start()

    def stop(self) -> None:
        self.client.stop()

    def send(self, peer_id: str, payload: bytes) -> None:
        self.client.send(payload)

    def broadcast(self, payload: bytes, exclude: str | None = None) -> None:
        self.client.broadcast(payload, exclude)

    def drop(self, peer_id: str, reason: str) -> None:
        self.client.drop(peer_id, reason)


class LiveLink:
    """One document shared with peers. Build it with ``share(...)`` or ``join(...)``."""

    def __init__(
        self,
        doc: LiveDoc,
        *,
        on_remote: Callable[[Changed], None] | None = None,
        on_event: Callable[[Event], None] | None = None,
        wake: Callable[[], None] | None = None,
    ) -> None:
        self.doc = doc
        self.inbox = Inbox(wake)
        self.on_remote = on_remote
        self.on_event = on_event
        self.transport: Transport | None = None
        self.server: Any = None
        self.client: Any = None
        self.peers: dict[str, PeerInfo] = {}
        self.connected = False
        self.ended = ""
        """Why a note-taker's link stopped for good (refused code, removed, sharing ended)."""
        self.bad_messages = 0
        self._dropped: set[str] = set()
        """Found bad in this pump: their messages taken with it are not read (the inbox
        throws away the rest, ``Inbox.forget``)."""
        self.errors = 0
        self.not_stored = ""
        """Why the last peer's update could not be stored here (a full disk…), until read."""
        self._applying = False
        self._resync_at: dict[str, float] = {}
        self._step1_at: dict[str, float] = {}
        self._observed: Any = None
        self._subscription: Any = None
        self._observe()

    @classmethod
    def share(
        cls,
        doc: LiveDoc,
        *,
        host: str,
        code: str,
        session_id: str,
        title: str = "",
        port: int = 0,
        discovery_port: int | None = None,
        **callbacks: Any,
    ) -> LiveLink:
        from fabrique_desktop.live.server import LiveServer

        link = cls(doc, **callbacks)
        link.server = LiveServer(
            link.inbox,
            host=host,
            code=code,
            session_id=session_id,
            title=title,
            port=port,
            discovery_port=discovery_port,
        )
        link.transport = link.server
        try:
            link.server.start()
        except Exception:
            link._unobserve()
            raise
        return link

    @classmethod
    def join(
        cls,
        doc: LiveDoc,
        *,
        host: str,
        port: int,
        code: str,
        name: str = "",
        peer_id: str | None = None,
        session_id: str = "",
        **callbacks: Any,
    ) -> LiveLink:
        from fabrique_desktop.live.client import LiveClient

        link = cls(doc, **callbacks)
        link.client = LiveClient(
            link.inbox,
            host=host,
            port=port,
            code=code,
            name=name,
            peer_id=peer_id,
            session_id=session_id,
        )
        link.transport = _ClientTransport(link.client)
        link.transport.start()
        return link

    def pump(self, timeout: float = 0.0, limit: int = 10_000) -> int:
        """Handle the events waiting in the inbox (waiting up to ``timeout`` for the first).

        Updates that arrived together are merged (``pycrdt.merge_updates``) and applied in one
        go: on a big session each merge into the rows costs the same whatever its size, so a
        burst of typing costs one merge, not one per idea.
        """
        events: list[Event] = []
        event = self.inbox.get(timeout)
        while event is not None:
            events.append(event)
            if len(events) >= limit:
                break
            event = self.inbox.get()
        count = len(events)
        batch: list[tuple[str, bytes]] = []
        try:
            for event in events:
                if event.kind == SYNC and event.data[0] != protocol.SYNC_STEP1:
                    batch.append((event.peer, event.data[1]))
                    continue
                if batch:
                    self._apply(batch)
                    batch = []
                self._handle(event)
            if batch:
                self._apply(batch)
        finally:
            del events, batch, event  # the peers' bytes, before they may send more
            self._dropped.clear()  # the inbox holds nothing more of theirs
            self.inbox.done()
        return count

    def local_changed(self) -> None:
        """Something was written locally: the document picks it up and the peers get it."""
        self._observe()
        self.doc.refresh()
        self._observe()

    def remove(self, peer_id: str) -> None:
        if self.server is not None:
            self.server.remove(peer_id)

    def close(self) -> None:
        """End sharing (facilitator) or leave (note-taker). The local data stay as they are."""
        if self.transport is not None:
            self.transport.stop()
            self.transport = None
        self._unobserve()
        self.peers.clear()
        self.connected = False

    # private

    def _observe(self) -> None:
        """Follow the document's transactions (again, if the engine reloaded its document)."""
        current = self.doc.doc
        if current is self._observed:
            return
        self._unobserve()
        self._observed = current
        self._subscription = current.observe(self._on_transaction)

    def _unobserve(self) -> None:
        if self._subscription is not None:
            with contextlib.suppress(Exception):
                self._observed.unobserve(self._subscription)
        self._subscription = None
        self._observed = None

    def _on_transaction(self, event: TransactionEvent) -> None:
        if self._applying:  # a peer's update: relayed as it came, see ``_apply``
            return
        update = event.update
        if self.transport is None or not update or update == EMPTY_UPDATE:
            return
        message = protocol.sync_message(protocol.SYNC_UPDATE, update)
        if self._fits(message, "everyone"):
            self.transport.broadcast(message)

    def _handle(self, event: Event) -> None:
        if event.kind == SYNC:
            self._sync(event.peer, *event.data)
            return
        if event.kind == JOINED:
            self.peers[event.peer] = event.data
            self._step1_at.pop(event.peer, None)
            self._send_step1(event.peer)
        elif event.kind == LEFT:
            self.peers.pop(event.peer, None)
            self._step1_at.pop(event.peer, None)
        elif event.kind == CONNECTED:
            self.connected = True
            self._send_step1(HOST)
        elif event.kind == DISCONNECTED:
            self.connected = False
        elif event.kind in (REFUSED, ENDED):
            self.connected = False
            self.ended = str(event.data)
        if self.on_event is not None:
            self.on_event(event)

    def _send_step1(self, peer: str) -> None:
        if self.transport is None:
            return
        self._observe()
        self.doc.refresh()  # what was typed while offline goes in the state we announce
        state = self.doc.doc.get_state()
        self.transport.send(peer, protocol.sync_message(protocol.SYNC_STEP1, state))

    def _sync(self, peer: str, kind: int, data: bytes) -> None:
        if self.transport is None:
            return
        if peer in self._dropped or (peer != HOST and peer not in self.peers):
            return  # found bad earlier in this pump, or removed or gone while it waited
        if kind == protocol.SYNC_STEP1:
            now = time.monotonic()
            if now - self._step1_at.get(peer, -STEP1_INTERVAL) < STEP1_INTERVAL:
                log.warning("live: %s asks for a catch-up again at once: ignored", peer)
                return
            self._step1_at[peer] = now
            try:
                missing = self.doc.doc.get_update(data)
            except (ValueError, RuntimeError) as error:
                self._bad(peer, f"state vector: {error}")
                return
            message = protocol.sync_message(protocol.SYNC_STEP2, missing)
            if self._fits(message, peer):
                self.transport.send(peer, message)
            return
        self._apply([(peer, data)])

    def _apply(self, batch: list[tuple[str, bytes]]) -> None:
        """Merge peers' updates into the document and the rows; relay them to the others."""
        if self.transport is None:
            return
        batch = [
            (peer, data)
            for peer, data in batch
            if data != EMPTY_UPDATE
            and (peer == HOST or peer in self.peers)
            and peer not in self._dropped
        ]
        if not batch:
            return
        self.doc.refresh()  # our own pending writes go out first, as ours, to every peer
        changed: Changed | None = None
        if len(batch) > 1:
            try:
                changed = self._merge(pycrdt_merge([data for _, data in batch]))
            except Exception:  # one of them is bad: find which, one by one
                changed = None
        if changed is not None:
            self._after(batch, changed)
            return
        for peer, data in batch:
            if peer in self._dropped:
                continue  # found bad earlier in this batch
            try:
                changed = self._merge(data)
            except (ValueError, RuntimeError) as error:
                self._bad(peer, f"update: {error}")
                continue
            except FabriqueError as error:  # our disk refused it (full…): nothing was stored
                log.warning("live: the update from %s was not stored: %s", peer, error)
                self.errors += 1
                self.not_stored = str(error)  # the window says it, in French
                self.transport.drop(peer, "error")  # it reconnects and sends it all again
                continue
            except Exception:  # our side failed: never the app's end
                log.exception("live: the update from %s could not be applied", peer)
                self.errors += 1
                self.transport.drop(peer, "error")
                continue
            self._after([(peer, data)], changed)

    def _merge(self, update: bytes) -> Changed:
        self._observe()
        self._applying = True
        try:
            return self.doc.apply_remote(update)
        finally:
            self._applying = False
            self._observe()

    def _after(self, batch: list[tuple[str, bytes]], changed: Changed) -> None:
        assert self.transport is not None
        state = self.doc.doc.get_state()
        for peer, data in batch:
            # the hub passes each update on to every other laptop (y-websocket's server too)
            self.transport.broadcast(protocol.sync_message(protocol.SYNC_UPDATE, data), peer)
            if not _covers(state, data):
                # Part of it waits for something we never got (possible across a reconnection):
                # ask that peer again for everything we lack (y-sync step 1).
                now = time.monotonic()
                if now - self._resync_at.get(peer, 0.0) > RESYNC_INTERVAL:
                    self._resync_at[peer] = now
                    self._send_step1(peer)
        if changed and self.on_remote is not None:
            self.on_remote(changed)

    def _fits(self, message: bytes, peer: str) -> bool:
        """Whether ``message`` is within what every laptop accepts (``protocol.MAX_FRAME``).

        If not (a session far beyond the largest measured, see ``protocol.MAX_UPDATE``), it is
        not sent and logged; the facilitator ends the link of the laptops that cannot follow,
        telling them why (« trop grand… »), instead of letting them retry for ever.
        """
        if len(message) <= protocol.MAX_FRAME:
            return True
        self.errors += 1
        log.error("live: a %d-byte update is too large to send to %s", len(message), peer)
        if self.server is not None:
            for peer_id in list(self.peers) if peer == "everyone" else [peer]:
                self.server.end(peer_id, "too-large")
        return False

    def _bad(self, peer: str, detail: str) -> None:
        self.bad_messages += 1
        self._dropped.add(peer)
        log.warning("live: unusable message from %s (%s); link dropped", peer, detail)
        if self.transport is not None:
            self.transport.drop(peer, f"malformed {detail.split(':')[0]}")


def pycrdt_merge(updates: list[bytes]) -> bytes:
    from pycrdt import merge_updates

    return merge_updates(*updates)


def _state(data: bytes) -> dict[int, int]:
    """A Yrs state vector (v1: a count, then client/clock var-uint pairs) as a dict."""
    values: list[int] = []
    result = shift = 0
    for byte in data:
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            values.append(result)
            result = shift = 0
        else:
            shift += 7
    pairs = values[1:]
    return {pairs[i]: pairs[i + 1] for i in range(0, len(pairs) - 1, 2)}


def _covers(state: bytes, update: bytes) -> bool:
    """Whether a document with state vector ``state`` holds everything ``update`` inserts."""
    from pycrdt import get_state

    try:
        needed = _state(get_state(update))
    except ValueError:
        return True
    have = _state(state)
    return all(have.get(client, 0) >= clock for client, clock in needed.items())
