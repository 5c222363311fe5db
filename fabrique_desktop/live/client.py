"""A note-taker's side: connects to the facilitator's laptop, and reconnects when it drops.

The note-taker's own database stays the reference on their laptop: when the network goes, they
keep typing; when it comes back, the y-sync handshake (state vectors both ways) exchanges just
what each side missed. A refusal (wrong code, other version, removed by the facilitator, a
laptop that does not know the code) or the end of sharing stops the retries; everything else
(no answer, dropped link, a frame that does not open) is retried with a growing pause.

The code is never sent: the handshake (``secure``) proves it both ways, and every frame after
it is sealed.

Memory stays bounded whatever the other side sends (only a laptop that knows the code gets
this far, but a hostile one could): a frame larger than the largest legitimate message is
refused at its length, a big one is read into one buffer, and the facilitator's messages are
read no further while ``HOST_BUDGET`` bytes of them wait for the owner thread (``ReadBudget``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import uuid

from fabrique_desktop import __version__
from fabrique_desktop.live import protocol, secure
from fabrique_desktop.live.events import (
    CONNECTED,
    DISCONNECTED,
    ENDED,
    HOST,
    REFUSED,
    SYNC,
    Event,
    Inbox,
    LiveError,
    LoopThread,
    ReadBudget,
    refusal_message,
)
from fabrique_desktop.live.peers import is_local
from fabrique_desktop.live.protocol import ProtocolError

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 3.0
RETRY_DELAYS = (0.1, 0.25, 0.5, 1.0, 2.0, 3.0)
FINAL_REASONS = frozenset({"code", "version", "old", "removed", "other-session", "impostor"})
HOST_BUDGET = 1024 * 1024
"""The facilitator's received bytes waiting for the owner thread before it is read further."""
MIN_RATE = 128 * 1024
"""The slowest Wi-Fi (bytes a second) a big frame may take to arrive, on top of IDLE_TIMEOUT."""


class LiveClient:
    """Joins one facilitator. ``start()`` returns at once; events arrive in the inbox."""

    def __init__(
        self,
        inbox: Inbox,
        *,
        host: str,
        port: int,
        code: str,
        name: str = "",
        peer_id: str | None = None,
        session_id: str = "",
    ) -> None:
        if not is_local(host):
            raise LiveError(
                f"« {host} » n'est pas une adresse du réseau local : "
                "tapez l'adresse affichée sur l'écran de l'animateur (par exemple 192.168.1.20)."
            )
        self.inbox = inbox
        self.host = host
        self.port = port
        self.code = code
        self.name = name
        self.peer_id = peer_id or str(uuid.uuid4())
        self.session_id = session_id
        self.connected = False
        self.welcome: dict[str, object] = {}
        self._thread: LoopThread | None = None
        self._task: asyncio.Task[None] | None = None
        self._outbox: asyncio.Queue[bytes | None] | None = None
        self._stopping = False
        self._welcomed = False
        self.budget = ReadBudget(HOST_BUDGET)
        """One for every connection: a new one waits until the last one's messages are handled."""

    def start(self) -> None:
        self._thread = LoopThread("fabrique-live-client")
        self._thread.call(self._begin)

    def stop(self) -> None:
        if self._thread is None:
            return
        with contextlib.suppress(Exception):
            self._thread.run(self._shutdown(), timeout=5.0)
        self._thread.close()
        self._thread = None

    def send(self, payload: bytes) -> None:
        if self._thread is not None:
            self._thread.call(self._queue, payload)

    def broadcast(self, payload: bytes, exclude: str | None = None) -> None:
        if exclude != HOST:
            self.send(payload)

    def drop(self, peer_id: str, reason: str) -> None:
        """The facilitator sent data that could not be used: reconnect and sync again. Nothing
        more of this link is read: its messages still in the inbox are thrown away."""
        log.warning("live: dropping the link to the facilitator (%s)", reason)
        self.inbox.forget(HOST)
        if self._thread is not None:
            self._thread.call(self._queue, None)

    # the loop's side

    def _begin(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def _shutdown(self) -> None:
        self._stopping = True
        if self._task is None:
            return
        if self._outbox is not None:
            self._outbox.put_nowait(protocol.control("bye"))
            self._outbox.put_nowait(None)
            with contextlib.suppress(asyncio.TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(asyncio.shield(self._task), 1.0)
        if not self._task.done():
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task

    def _queue(self, payload: bytes | None) -> None:
        if self._outbox is not None:
            self._outbox.put_nowait(payload)

    async def _run(self) -> None:
        attempt = 0
        while not self._stopping:
            outcome = await self._session()
            if self._stopping or outcome in FINAL_REASONS or outcome == "ended":
                return
            if self._welcomed:  # it worked for a while: start again with short pauses
                attempt, self._welcomed = 0, False
            delay = RETRY_DELAYS[min(attempt, len(RETRY_DELAYS) - 1)]
            attempt += 1
            await asyncio.sleep(delay)

    async def _session(self) -> str:
        """One connection, from connect to close; returns why it ended."""
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection(
                    self.host,
                    self.port,
                    family=socket.AF_INET6 if ":" in self.host else socket.AF_INET,
                ),
                CONNECT_TIMEOUT,
            )
        except (TimeoutError, OSError) as error:
            log.debug("live: cannot reach %s:%s: %s", self.host, self.port, error)
            return "unreachable"
        try:
            return await self._talk(reader, writer)
        except ProtocolError as error:
            log.warning("live: bad data from the facilitator: %s", error)
            return "malformed"
        except (TimeoutError, ConnectionError, asyncio.IncompleteReadError, OSError):
            return "dropped"
        finally:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()
            if self.connected:
                self.connected = False
                self.inbox.put(Event(DISCONNECTED, HOST))
            self._outbox = None

    async def _talk(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> str:
        join = protocol.control(
            "join", name=self.name[:80], peer=self.peer_id, session=self.session_id
        )
        try:
            channel, answer = await handshake(reader, writer, self.code, join, self.session_id)
        except RefusedError as refusal:
            log.warning("live: the facilitator refused us: %s", refusal.reason)
            if refusal.reason in FINAL_REASONS:
                self.inbox.put(Event(REFUSED, HOST, refusal.reason))
            return refusal.reason
        if answer["type"] != "welcome":
            raise ProtocolError("no-welcome")
        if protocol.int_field(answer, "protocol") > protocol.PROTOCOL:
            self.inbox.put(Event(REFUSED, HOST, "version"))
            return "version"
        session = protocol.text_field(answer, "session")
        if not session or (self.session_id and session != self.session_id):
            self.inbox.put(Event(REFUSED, HOST, "other-session"))
            return "other-session"
        self.session_id = session
        self.welcome = answer
        self._welcomed = True
        self._outbox = asyncio.Queue()
        self.connected = True
        self.inbox.put(Event(CONNECTED, HOST, answer))
        sender = asyncio.create_task(self._send_loop(writer, self._outbox, channel))
        try:
            return await self._read_loop(reader, channel)
        finally:
            self._outbox.put_nowait(None)
            with contextlib.suppress(asyncio.TimeoutError, Exception):
                await asyncio.wait_for(sender, 1.0)

    async def _read_loop(self, reader: asyncio.StreamReader, channel: secure.Channel) -> str:
        while True:
            await self.budget.wait_turn()  # the owner thread is behind: TCP waits
            payload = await self._read(reader, channel)
            kind = payload[0]
            if kind == protocol.MSG_SYNC:
                sync = protocol.parse_sync(payload)
                del payload  # the sync data is a copy: keep one
                thread = self._thread
                taken = self.budget.handed(len(sync[1]), thread.call if thread else None)
                self.inbox.put(Event(SYNC, HOST, sync), taken)
                del sync  # the inbox has it; an idle link must not keep it
            elif kind == protocol.MSG_CONTROL:
                message = protocol.parse_control(payload)
                if message["type"] == "ping":
                    self._queue(protocol.control("pong"))
                elif message["type"] == "bye":
                    reason = protocol.text_field(message, "reason") or "ended"
                    self.inbox.put(Event(ENDED, HOST, reason))
                    return "ended"
            elif kind != protocol.MSG_AWARENESS:
                raise ProtocolError("unknown-message", str(kind))

    @staticmethod
    async def _read(reader: asyncio.StreamReader, channel: secure.Channel) -> bytes:
        """The next frame, opened; its body read in chunks into one buffer."""
        length = await asyncio.wait_for(
            protocol.read_header(reader, protocol.MAX_FRAME + secure.TAG), protocol.IDLE_TIMEOUT
        )
        sealed = await asyncio.wait_for(
            protocol.read_body(reader, length), protocol.IDLE_TIMEOUT + length / MIN_RATE
        )
        return channel.open(sealed)

    async def _send_loop(
        self,
        writer: asyncio.StreamWriter,
        outbox: asyncio.Queue[bytes | None],
        channel: secure.Channel,
    ) -> None:
        try:
            while True:
                try:
                    payload = await asyncio.wait_for(outbox.get(), protocol.PING_INTERVAL)
                except TimeoutError:
                    payload = protocol.control("ping")
                if payload is None:
                    break
                try:
                    sealed = channel.seal(payload)
                except ProtocolError as error:  # larger than the facilitator accepts: not sent
                    log.error("live: not sent to the facilitator: %s", error)
                    continue
                writer.write(sealed)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()


COPY_TIMEOUT = 30.0


def fetch_copy(
    host: str, port: int, code: str, name: str = "", timeout: float = COPY_TIMEOUT
) -> tuple[dict[str, object], bytes]:
    """The facilitator's copy of the shared session (blocking): ``(welcome, bundle bytes)``.

    ``LiveError`` with a French message if the address is not local, nobody answers, or the
    facilitator refuses (wrong code, other version…).
    """
    return asyncio.run(fetching_copy(host, port, code, name, timeout))


async def fetching_copy(
    host: str, port: int, code: str, name: str = "", timeout: float = COPY_TIMEOUT
) -> tuple[dict[str, object], bytes]:
    """``fetch_copy`` as a coroutine, for a network loop that is already running (the
    window's: its thread waits on nobody)."""
    if not is_local(host):
        raise LiveError(f"« {host} » n'est pas une adresse du réseau local.")
    try:
        return await asyncio.wait_for(_fetch_copy(host, port, code, name), timeout)
    except (TimeoutError, OSError, asyncio.IncompleteReadError) as error:
        log.warning("live: no copy from %s:%s: %r", host, port, error)
        raise LiveError(refusal_message("unreachable")) from error
    except ProtocolError as error:
        log.warning("live: bad copy from %s:%s: %s", host, port, error)
        raise LiveError(refusal_message("malformed")) from error


async def _fetch_copy(
    host: str, port: int, code: str, name: str
) -> tuple[dict[str, object], bytes]:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    reader, writer = await asyncio.wait_for(
        asyncio.open_connection(host, port, family=family), CONNECT_TIMEOUT
    )
    try:
        join = protocol.control("join", name=name[:80], want="copy")
        try:
            channel, answer = await handshake(reader, writer, code, join)
        except RefusedError as refusal:
            raise LiveError(refusal_message(refusal.reason)) from None
        if answer["type"] != "welcome" or not protocol.text_field(answer, "session"):
            raise ProtocolError("no-welcome")
        payload = await channel.read(reader, protocol.MAX_COPY)
        if payload[0] != protocol.MSG_COPY:
            raise ProtocolError("no-copy")
        return answer, payload[1:]
    finally:
        writer.close()
        with contextlib.suppress(Exception):
            await writer.wait_closed()


class RefusedError(Exception):
    """The facilitator's laptop said no, or could not prove it knows the code (``reason``)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


async def handshake(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    code: str,
    join: bytes,
    session_id: str = "",
) -> tuple[secure.Channel, dict[str, object]]:
    """Prove the code without sending it (``secure``), send the sealed ``join``: returns the
    channel and the facilitator's sealed answer (a ``welcome`` or a refusal).

    ``RefusedError`` with the reason to show; ``ProtocolError`` for bytes that make no sense.
    """
    exchange = secure.KeyExchange(code, client=True)
    hello = protocol.control(
        "hello",
        app=protocol.APP,
        protocol=protocol.PROTOCOL,
        version=__version__,
        pake=exchange.public,
    )
    writer.write(protocol.frame(hello))
    await writer.drain()
    challenge = await asyncio.wait_for(
        protocol.read_frame(reader, protocol.MAX_CONTROL), protocol.HANDSHAKE_TIMEOUT
    )
    answer = protocol.parse_control(challenge)
    if answer["type"] == "refused":
        raise RefusedError(_clear_refusal(answer))
    if answer["type"] != "challenge":
        raise ProtocolError("no-challenge")
    session = protocol.text_field(answer, "session")
    if not session or (session_id and session != session_id):
        raise RefusedError("other-session")
    other = protocol.text_field(answer, "pake")
    channel = exchange.channel(other, hello, challenge)  # a few ms, this thread only
    writer.write(channel.seal(join))
    await writer.drain()
    reply = await asyncio.wait_for(
        protocol.read_frame(reader, protocol.MAX_CONTROL + secure.TAG),
        protocol.HANDSHAKE_TIMEOUT,
    )
    try:
        answer = protocol.parse_control(channel.open(reply))
    except ProtocolError:
        # in clear: the facilitator could not open our join (wrong code); anything else does
        # not come from a laptop that knows the code
        with contextlib.suppress(ProtocolError):
            clear = protocol.parse_control(reply)
            if clear["type"] == "refused" and protocol.text_field(clear, "reason") == "code":
                raise RefusedError("code") from None
        raise RefusedError("impostor") from None
    if answer["type"] == "refused":
        raise RefusedError(protocol.text_field(answer, "reason") or "refused")
    return channel, answer


def _clear_refusal(answer: dict[str, object]) -> str:
    """A refusal before any key: only a version mismatch is expected there. Which side is the
    newer is read from the numbers, not from the word (Fabrique 1 said it the other way)."""
    reason = protocol.text_field(answer, "reason")
    if reason not in ("version", "old"):
        return reason or "refused"
    theirs = protocol.int_field(answer, "protocol")
    return "version" if theirs > protocol.PROTOCOL else "old"
