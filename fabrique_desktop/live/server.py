"""The facilitator's side: listens on the local network only while sharing is on.

Each laptop that connects must, within a few seconds, send a ``hello`` with our protocol
version and its SPAKE2 message, then prove it knows the session code (``secure``: the code
itself never travels, and every frame after the handshake is sealed); until then nothing else it
sends is read. Wrong code, other version, garbage, a frame that does not open, too many bad
attempts from one address, an address outside the local network: refused, logged, and the
connection closed. Too many wrong codes from all addresses together: only addresses that
already proved the code may try for a while (``peers.Throttle``). A laptop the facilitator
removed cannot come back until sharing is started again.

Memory stays bounded whatever a laptop that knows the code sends: a frame is refused at its
length if it is larger than the largest legitimate message (``protocol.MAX_FRAME``); frames
larger than ``BIG_FRAME`` are read one at a time for all laptops together; and a laptop's
messages are read no further while ``PEER_BUDGET`` bytes of them wait for the owner thread
(TCP then slows that laptop down). What is sent is bounded the same way (``MAX_QUEUED_BYTES``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from fabrique_desktop import __version__, disk
from fabrique_desktop.live import protocol, secure
from fabrique_desktop.live.events import (
    GUARD,
    JOINED,
    LEFT,
    SYNC,
    Event,
    Inbox,
    LiveError,
    LoopThread,
    ReadBudget,
)
from fabrique_desktop.live.peers import MAX_PEERS, PeerInfo, Throttle, is_local
from fabrique_desktop.live.protocol import ProtocolError

log = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_PORT = 47812
MAX_QUEUED_BYTES = protocol.MAX_FRAME + 4 * 1024 * 1024
"""Bytes waiting to be sent to one laptop: one whole catch-up and then some. A laptop that
cannot keep up is dropped (it catches up when it reconnects)."""
PEER_BUDGET = 512 * 1024
"""A laptop's received bytes waiting for the owner thread before its connection is read further."""
BIG_FRAME = 256 * 1024
"""Frames larger than this (a catch-up; typing sends ~100 bytes an idea) are read one at a time."""
MIN_RATE = 128 * 1024
"""The slowest Wi-Fi (bytes a second) a big frame may take to arrive, on top of IDLE_TIMEOUT."""
WRONG_CODE_DELAY = 0.4
MAX_MESSAGES_PER_SECOND = 400
MAX_DERIVATIONS = 2
"""Keys derived at once (one scrypt each: ~30 ms and 16 MiB, in a worker thread)."""
BYE_WAIT = 1.0
"""Seconds a goodbye is given to arrive before the socket closes: closing while the laptop's
last messages sit unread makes the system reset the link, and the reset can overtake the bye."""


@dataclass
class _Connection:
    info: PeerInfo
    writer: asyncio.StreamWriter
    channel: secure.Channel
    outbox: asyncio.Queue[bytes | None] = field(default_factory=asyncio.Queue)
    queued: int = 0
    closing: str = ""
    budget: ReadBudget = field(default_factory=lambda: ReadBudget(PEER_BUDGET))
    """Its messages in the inbox or being merged: read no further beyond ``PEER_BUDGET``."""
    said_bye: bool = False
    read_over: asyncio.Event = field(default_factory=asyncio.Event)
    """Set when nothing more is read from this laptop (it closed, or the read loop ended)."""


class LiveServer:
    """Serves one session to the note-takers' laptops.

    Call ``start()`` to listen (it raises ``LiveError`` with a French message if it cannot),
    ``stop()`` to end sharing. ``send``/``broadcast``/``remove`` may be called from any thread.
    """

    def __init__(
        self,
        inbox: Inbox,
        *,
        host: str,
        code: str,
        session_id: str,
        title: str = "",
        port: int = DEFAULT_PORT,
        discovery_port: int | None = None,
    ) -> None:
        if not is_local(host):
            raise LiveError(
                f"L'adresse « {host} » n'est pas celle d'un réseau local : "
                "le partage n'utilise que le réseau de la salle."
            )
        self.inbox = inbox
        self.host = host
        self.port = port
        self.code = code
        self.session_id = session_id
        self.title = title
        self.discovery_port = discovery_port
        self.copy: bytes | None = None
        """The note-taker's copy, for laptops that join without the session (set by the owner)."""
        self.throttle = Throttle()
        self._guarded = False
        self.refusals: list[tuple[str, str]] = []
        """(address, reason) of every refused attempt, for the log and the tests."""
        self._connections: dict[str, _Connection] = {}
        self._removed: set[str] = set()
        self._thread: LoopThread | None = None
        self._server: asyncio.Server | None = None
        self._beacon: asyncio.DatagramTransport | None = None
        self._deriving: asyncio.Semaphore | None = None
        self._big: asyncio.Semaphore | None = None

    # public, any thread

    def start(self) -> None:
        self._thread = LoopThread("fabrique-live-server")
        try:
            self._thread.run(self._start())
        except OSError as error:
            self._thread.close()
            self._thread = None
            log.warning("cannot listen on %s:%s: %s", self.host, self.port, error)
            raise LiveError(
                f"Impossible de partager sur {self.host} (port {self.port}) : "
                f"{disk.reason(error)}. Un autre programme utilise peut-être ce port."
            ) from error
        log.info("sharing session %s on %s:%s", self.session_id, self.host, self.port)

    def stop(self) -> None:
        if self._thread is None:
            return
        with contextlib.suppress(Exception):
            self._thread.run(self._shutdown(), timeout=5.0)
        self._thread.close()
        self._thread = None
        log.info("sharing of session %s ended", self.session_id)

    @property
    def running(self) -> bool:
        return self._thread is not None

    def peers(self) -> list[PeerInfo]:
        return sorted(
            (c.info for c in list(self._connections.values())), key=lambda p: p.connected_at
        )

    def send(self, peer_id: str, payload: bytes) -> None:
        if self._thread is not None:
            self._thread.call(self._queue, peer_id, payload)

    def broadcast(self, payload: bytes, exclude: str | None = None) -> None:
        if self._thread is not None:
            self._thread.call(self._queue_all, payload, exclude)

    def drop(self, peer_id: str, reason: str) -> None:
        """Close a peer's connection: what it sent could not be used. ``malformed…``: refused
        (unreadable, or refused by the validator): a bad attempt of its address, and the laptop
        is told « rejected » and stops (it would send the same again). Otherwise (an error on
        our side) it may connect again, and sync from scratch. Nothing more of its link is
        read: its messages still in the inbox are thrown away (``Inbox.forget``)."""
        self.inbox.forget(peer_id)
        if self._thread is not None:
            self._thread.call(self._drop, peer_id, reason)

    def end(self, peer_id: str, reason: str) -> None:
        """Close a laptop's link for good, telling it why (``reason``); it may join again."""
        if self._thread is not None:
            self._thread.call(self._close, peer_id, reason, True)

    def remove(self, peer_id: str) -> None:
        """The facilitator removed this laptop: it is told, and cannot come back."""
        self._removed.add(peer_id)
        if self._thread is not None:
            self._thread.call(self._close, peer_id, "removed", True)

    # the loop's side

    async def _start(self) -> None:
        self._deriving = asyncio.Semaphore(MAX_DERIVATIONS)
        self._big = asyncio.Semaphore(1)
        self._server = await asyncio.start_server(
            self._serve,
            self.host,
            self.port,
            family=socket.AF_INET6 if ":" in self.host else socket.AF_INET,
            reuse_address=True,
            limit=2**16,
        )
        self.port = self._server.sockets[0].getsockname()[1]
        if self.discovery_port is not None:
            from fabrique_desktop.live.discovery import start_beacon

            self._beacon = await start_beacon(self, self.discovery_port)

    async def _shutdown(self) -> None:
        if self._beacon is not None:
            self._beacon.close()
        if self._server is not None:
            self._server.close()
        for peer_id in list(self._connections):
            self._close(peer_id, "ended", True)
        if self._server is not None:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._server.wait_closed(), 2.0)
        current = asyncio.current_task()
        tasks = [t for t in asyncio.all_tasks() if t is not current]
        if tasks:
            await asyncio.wait(tasks, timeout=2.0)
        for task in tasks:
            task.cancel()

    def _refuse_log(self, address: str, reason: str) -> None:
        self.refusals.append((address, reason))
        del self.refusals[:-200]
        log.warning("live: refused %s (%s)", address, reason)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        address = str((writer.get_extra_info("peername") or ("?",))[0])
        try:
            await self._serve_checked(reader, writer, address)
        except (ConnectionError, asyncio.IncompleteReadError, OSError):
            pass
        except Exception:  # a bug must never take the facilitator's app down
            log.exception("live: unexpected error with %s", address)
        finally:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    async def _serve_checked(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, address: str
    ) -> None:
        if not is_local(address):
            self._refuse_log(address, "not-local")
            return
        if not self.throttle.allowed(address):
            self.refusals.append((address, "throttled"))
            return
        try:
            payload = await asyncio.wait_for(
                protocol.read_frame(reader, protocol.MAX_CONTROL), protocol.HANDSHAKE_TIMEOUT
            )
            hello = protocol.parse_control(payload)
            if hello["type"] != "hello" or hello.get("app") != protocol.APP:
                raise ProtocolError("no-hello")
        except (TimeoutError, ProtocolError) as error:
            reason = error.reason if isinstance(error, ProtocolError) else "timeout"
            self._bad(address, f"handshake {reason}")
            return
        version = protocol.int_field(hello, "protocol")
        if version != protocol.PROTOCOL:
            newer = version > protocol.PROTOCOL
            self._bad(address, "version" if newer else "old")
            # said as the other laptop reads it: « the other Fabrique (this one) is too old »
            # or « … is more recent: update yours »
            refusal = protocol.control(
                "refused", reason="old" if newer else "version", protocol=protocol.PROTOCOL
            )
            await self._write(writer, protocol.frame(refusal))
            return
        if not self.throttle.may_guess(address):
            # too many wrong codes from everyone this minute: not a bad attempt of this address
            # (a note-taker may be unlucky), but no code is tried either
            self._refuse_log(address, "busy")
            refusal = protocol.control("refused", reason="busy", protocol=protocol.PROTOCOL)
            await self._write(writer, protocol.frame(refusal))
            return
        try:
            channel, hello = await self._prove(reader, writer, payload, hello)
        except (TimeoutError, ProtocolError) as error:
            reason = error.reason if isinstance(error, ProtocolError) else "timeout"
            if reason != "bad-seal":
                self._bad(address, f"handshake {reason}")
                return
            # the join did not open: this laptop does not have the code (or the frame was
            # changed on the way, which cannot be told apart)
            self._bad(address, "code", guess=True)
            await asyncio.sleep(WRONG_CODE_DELAY)
            refusal = protocol.control("refused", reason="code", protocol=protocol.PROTOCOL)
            await self._write(writer, protocol.frame(refusal))
            return
        self.throttle.trust(address)
        reason = self._check_join(hello)
        if reason:
            self._refuse_log(address, reason)
            await self._write(writer, channel.seal(protocol.control("refused", reason=reason)))
            return
        if protocol.text_field(hello, "want") == "copy":
            await self._send_copy(writer, channel, address)
            return
        peer_id = protocol.text_field(hello, "peer") or str(uuid.uuid4())
        if peer_id in self._connections:  # the same laptop reconnecting: the old link is dead
            self._close(peer_id, "replaced", False)
        info = PeerInfo(
            id=peer_id,
            name=protocol.text_field(hello, "name")[:80].strip() or address,
            address=address,
        )
        connection = _Connection(info, writer, channel)
        self._connections[peer_id] = connection
        connection.outbox.put_nowait(self._welcome(peer_id))
        sender = asyncio.create_task(self._send_loop(connection))
        log.info("live: %s joined from %s as %r", peer_id, address, info.name)
        self.inbox.put(Event(JOINED, peer_id, info))
        reason = "closed"
        try:
            reason = await self._read_loop(reader, connection)
        except ProtocolError as error:
            reason = f"malformed ({error})"
            self._bad(address, reason)
        except TimeoutError:
            reason = "silent"
        except (ConnectionError, asyncio.IncompleteReadError, OSError):
            reason = "disconnected"
        finally:
            connection.read_over.set()
            if self._connections.get(peer_id) is connection:
                del self._connections[peer_id]
                self.inbox.put(Event(LEFT, peer_id, connection.closing or reason))
            connection.outbox.put_nowait(None)
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(sender, 2.0)
            log.info("live: %s left (%s)", peer_id, connection.closing or reason)

    def _welcome(self, peer_id: str) -> bytes:
        return protocol.control(
            "welcome",
            protocol=protocol.PROTOCOL,
            version=__version__,
            session=self.session_id,
            title=self.title[:200],
            peer=peer_id,
        )

    async def _prove(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        hello_payload: bytes,
        hello: dict[str, object],
    ) -> tuple[secure.Channel, dict[str, object]]:
        """Send our challenge, read the laptop's sealed ``join``: ``(channel, join)``.

        The key is derived (in a worker thread) while the join travels. ``ProtocolError``
        ``bad-seal`` if the join does not open: the laptop does not know the code.
        """
        other = protocol.text_field(hello, "pake")
        if len(other) != secure.MESSAGE_HEX:
            raise ProtocolError("bad-key", f"{len(other)} characters")
        exchange = await self._in_worker(secure.KeyExchange, self.code, False)
        challenge = protocol.control("challenge", session=self.session_id, pake=exchange.public)
        await self._write(writer, protocol.frame(challenge))
        deriving = asyncio.ensure_future(
            self._in_worker(exchange.channel, other, hello_payload, challenge)
        )
        try:
            sealed = await asyncio.wait_for(
                protocol.read_frame(reader, protocol.MAX_CONTROL + secure.TAG),
                protocol.HANDSHAKE_TIMEOUT,
            )
            channel = await deriving
        finally:
            if not deriving.done():
                deriving.cancel()
            elif not deriving.cancelled():
                deriving.exception()  # seen: the error that counts is the one raised here
        join = protocol.parse_control(channel.open(sealed))
        if join["type"] != "join":
            raise ProtocolError("no-join")
        return channel, join

    async def _in_worker(self, function: Callable[..., T], *args: object) -> T:
        """SPAKE2's arithmetic (pure Python, a few ms) off the loop, a few connections at once."""
        assert self._deriving is not None
        async with self._deriving:
            return await asyncio.get_running_loop().run_in_executor(None, function, *args)

    async def _send_copy(
        self, writer: asyncio.StreamWriter, channel: secure.Channel, address: str
    ) -> None:
        copy = self.copy
        if copy is None:
            self._refuse_log(address, "no-copy")
            await self._write(writer, channel.seal(protocol.control("refused", reason="no-copy")))
            return
        if len(copy) + 1 > protocol.MAX_COPY:
            log.error("live: the session copy (%d bytes) is too large to send", len(copy))
            self._refuse_log(address, "too-large")
            refusal = protocol.control("refused", reason="too-large")
            await self._write(writer, channel.seal(refusal))
            return
        log.info("live: sending the session copy (%d bytes) to %s", len(copy), address)
        await self._write(writer, channel.seal(self._welcome("")))
        sealed = channel.seal(bytes([protocol.MSG_COPY]) + copy, protocol.MAX_COPY)
        await self._write(writer, sealed)

    def _check_join(self, join: dict[str, object]) -> str:
        """Why a laptop that proved the code is refused all the same (``""``: it is not)."""
        wanted = protocol.text_field(join, "session")
        if wanted and wanted != self.session_id:
            return "other-session"
        if protocol.text_field(join, "peer") in self._removed:
            return "removed"
        if len(self._connections) >= MAX_PEERS:
            return "full"
        return ""

    def _bad(self, address: str, reason: str, guess: bool = False) -> None:
        self._refuse_log(address, reason)
        if (self.throttle.wrong_code if guess else self.throttle.bad)(address):
            log.warning("live: %s banned for %.0f s after repeated bad attempts", address, 60)
        if guess and not self._guarded and not self.throttle.may_guess(""):
            log.warning("live: too many wrong codes this minute: only known laptops may try")
            self._guarded = True
            self.inbox.put(Event(GUARD, "", True))
            self._end_guard()

    def _end_guard(self) -> None:
        """Tell the owner thread when laptops that never proved the code may try again."""
        wait = self.throttle.guarded_for()
        if wait > 0 and self._thread is not None:
            self._thread.loop.call_later(wait + 0.05, self._end_guard)
            return
        self._guarded = False
        log.info("live: new laptops may try the code again")
        self.inbox.put(Event(GUARD, "", False))

    async def _read_loop(self, reader: asyncio.StreamReader, connection: _Connection) -> str:
        window_start, count = time.monotonic(), 0
        while True:
            await connection.budget.wait_turn()  # the owner thread is behind: TCP waits
            payload, big = await self._read_sealed(reader, connection)
            try:
                now = time.monotonic()
                if now - window_start >= 1.0:
                    window_start, count = now, 0
                count += 1
                if count > MAX_MESSAGES_PER_SECOND:
                    raise ProtocolError("flood")
                if payload[0] == protocol.MSG_SYNC:
                    message = protocol.parse_sync(payload)
                    del payload  # the sync data is a copy: keep one
                    self._hand_over(connection, message, big)
                    del message  # the inbox has it; an idle link must not keep it
                    big = False  # released when the owner thread takes it
                elif self._control(connection, payload):
                    return "left"
            finally:
                if big:
                    self._big.release()  # type: ignore[union-attr]

    async def _read_sealed(
        self, reader: asyncio.StreamReader, connection: _Connection
    ) -> tuple[bytes, bool]:
        """The next frame, opened: ``(payload, big)``; if ``big``, the caller holds ``_big``."""
        assert self._big is not None
        length = await asyncio.wait_for(
            protocol.read_header(reader, protocol.MAX_FRAME + secure.TAG), protocol.IDLE_TIMEOUT
        )
        big = length > BIG_FRAME
        if big:
            await self._big.acquire()
        try:
            sealed = await asyncio.wait_for(
                protocol.read_body(reader, length), protocol.IDLE_TIMEOUT + length / MIN_RATE
            )
            return connection.channel.open(sealed), big
        except BaseException:
            if big:
                self._big.release()
            raise

    def _hand_over(self, connection: _Connection, message: tuple[int, bytes], big: bool) -> None:
        """Put a sync message in the inbox; its bytes count against the peer's budget until
        the owner thread takes it (and a big one holds the big-frame turn until then). The
        network thread is woken only if it waits for this: typing costs no extra wake-up."""
        connection.info.received += 1
        taken = connection.budget.handed(
            len(message[1]),
            self._thread.call if self._thread is not None else None,
            self._big.release if big and self._big is not None else None,
        )
        self.inbox.put(Event(SYNC, connection.info.id, message), taken)

    def _control(self, connection: _Connection, payload: bytes) -> bool:
        """Handle a message that is not sync data; True if the laptop says goodbye."""
        kind = payload[0]
        if kind == protocol.MSG_CONTROL:
            message = protocol.parse_control(payload)
            if message["type"] == "ping":
                self._queue(connection.info.id, protocol.control("pong"))
            return message["type"] == "bye"
        if kind != protocol.MSG_AWARENESS:  # awareness (cursors…) is not used: ignored
            raise ProtocolError("unknown-message", str(kind))
        return False

    async def _send_loop(self, connection: _Connection) -> None:
        writer = connection.writer
        try:
            while True:
                try:
                    payload = await asyncio.wait_for(
                        connection.outbox.get(), protocol.PING_INTERVAL
                    )
                except TimeoutError:
                    payload = protocol.control("ping")
                if payload is None:
                    break
                connection.queued -= len(payload)
                try:
                    sealed = connection.channel.seal(payload)
                except ProtocolError as error:  # larger than any laptop accepts: never sent
                    log.error("live: not sent to %s: %s", connection.info.id, error)
                    continue
                writer.write(sealed)
                await writer.drain()
            if connection.said_bye:
                await self._let_bye_arrive(connection)
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()

    async def _let_bye_arrive(self, connection: _Connection) -> None:
        """Half-close after the goodbye, then wait for the laptop to hang up (reading on)."""
        writer = connection.writer
        if writer.can_write_eof():
            writer.write_eof()
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(connection.read_over.wait(), BYE_WAIT)

    async def _write(self, writer: asyncio.StreamWriter, framed: bytes) -> None:
        writer.write(framed)
        with contextlib.suppress(ConnectionError, OSError, asyncio.TimeoutError):
            await asyncio.wait_for(writer.drain(), 30.0)

    def _queue(self, peer_id: str, payload: bytes) -> None:
        connection = self._connections.get(peer_id)
        if connection is None or connection.closing:
            return
        connection.queued += len(payload)
        if connection.queued > MAX_QUEUED_BYTES:
            self._close(peer_id, "too-slow", False)
            return
        connection.outbox.put_nowait(payload)

    def _queue_all(self, payload: bytes, exclude: str | None) -> None:
        for peer_id in list(self._connections):
            if peer_id != exclude:
                self._queue(peer_id, payload)

    def _drop(self, peer_id: str, reason: str) -> None:
        connection = self._connections.get(peer_id)
        if connection is not None:
            rejected = reason.startswith("malformed")
            if rejected:
                self._bad(connection.info.address, reason)
            self._close(peer_id, reason, rejected, said="rejected")

    def _close(self, peer_id: str, reason: str, tell: bool, said: str = "") -> None:
        """Close a link; ``tell``: say goodbye first, with ``said`` or else ``reason``."""
        connection = self._connections.get(peer_id)
        if connection is None or connection.closing:
            return
        connection.closing = reason
        connection.said_bye = tell
        if tell:
            connection.outbox.put_nowait(protocol.control("bye", reason=said or reason))
        connection.outbox.put_nowait(None)
        # the read loop ends when the send loop closes the socket
