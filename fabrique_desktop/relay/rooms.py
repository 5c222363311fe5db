"""One exchange with one room of a y-websocket relay (ours, Node's or Hocuspocus's).

The y-sync protocol, as y-websocket's clients speak it: on a new connection the relay sends its
*step 1* (its state vector); we send ours, and the relay answers *step 2*: exactly what it has
that we lack (the whole room when we have nothing). Those bytes are only kept here: the caller
checks them before they touch an atelier. ``send`` gives the relay what it lacks, then asks
again (step 1): the relay handles one connection's messages in order, so its answer means the
update was taken (and, for ``fabrique relay``, written to its store).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from fabrique_desktop.errors import FabriqueError

if TYPE_CHECKING:
    import aiohttp
    from pycrdt import Doc

log = logging.getLogger(__name__)

TIMEOUT = 60.0  # seconds for one answer: a room of 2 000 ideas is a few MB
MAX_MESSAGE = 64 * 1024 * 1024
EMPTY_UPDATE = b"\x00\x00"
EMPTY_STATE = b"\x00"  # the state vector of a document that has nothing


class RelayError(FabriqueError):
    """The relay cannot be reached, refuses us, or does not answer."""


class RoomLink:
    """``async with RoomLink(http, url, room, state) as link``: see the module docstring.

    ``state`` is this laptop's state vector for the room (``None``: it has nothing, send it
    all). On entry ``link.incoming`` holds what the relay has that this laptop lacks (Yjs
    updates, the relay's answer to our step 1), and ``link.relay_state`` the relay's own state
    vector (its step 1), from which ``send`` gives it exactly what it lacks.
    """

    def __init__(
        self, http: aiohttp.ClientSession, url: str, room: str, state: bytes | None = None
    ) -> None:
        self.http = http
        self.address = f"{url.rstrip('/')}/{room}"
        self.state = state if state is not None else EMPTY_STATE
        self.incoming: list[bytes] = []
        self.relay_state: bytes = EMPTY_STATE
        self._socket: aiohttp.ClientWebSocketResponse | None = None

    def mirror(self) -> Doc:
        """What was received, as a document of its own (the index room is read this way)."""
        from pycrdt import Doc

        doc: Doc = Doc()
        for update in self.incoming:
            self._apply(doc, update)
        return doc

    async def __aenter__(self) -> RoomLink:
        import aiohttp

        try:
            self._socket = await self.http.ws_connect(
                self.address, max_msg_size=MAX_MESSAGE, timeout=aiohttp.ClientWSTimeout(TIMEOUT)
            )
        except aiohttp.WSServerHandshakeError as error:
            if error.status in (401, 403, 404):
                raise RelayError(
                    "Le relais refuse l'accès : son adresse n'est pas complète ou n'est plus "
                    "la bonne (demandez-la à qui gère le relais)."
                ) from error
            raise RelayError(f"Le relais a refusé la connexion (code {error.status}).") from error
        except (TimeoutError, aiohttp.ClientError, OSError) as error:
            log.info("relay: %s unreachable: %r", self.address, error)
            raise RelayError(
                "Le relais est injoignable (pas de réseau, adresse erronée ou relais arrêté) ; "
                "le travail continue sur cet ordinateur et sera partagé plus tard."
            ) from error
        await self._exchange(self.state, keep=True)
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._socket is not None:
            await self._socket.close()

    async def send(self, update: bytes) -> None:
        """Give the relay this laptop's update; returns once the relay has taken it."""
        from pycrdt import create_update_message

        if update == EMPTY_UPDATE or not update:
            return
        await self._write(create_update_message(update))
        await self._exchange(self.relay_state, keep=False)  # answered after the update

    async def _exchange(self, state: bytes, *, keep: bool) -> None:
        """Our step 1; the relay's step 2 (kept in ``incoming`` when ``keep``), and its own
        step 1 (its state vector), which it sends first on every new connection."""
        from pycrdt import YMessageType, YSyncMessageType, read_message, write_message

        step1 = bytes([YMessageType.SYNC, YSyncMessageType.SYNC_STEP1]) + write_message(state)
        await self._write(step1)
        answered = False
        while not answered:
            message = await self._read()
            if len(message) < 2 or message[0] != YMessageType.SYNC:
                continue  # awareness: not ours
            body = read_message(message[2:])
            if message[1] == YSyncMessageType.SYNC_STEP1:
                self.relay_state = body
            elif keep and body != EMPTY_UPDATE:
                self.incoming.append(body)  # the step 2, or another laptop's update meanwhile
            answered = message[1] == YSyncMessageType.SYNC_STEP2

    @staticmethod
    def _apply(doc: Doc, update: bytes) -> None:
        try:
            doc.apply_update(update)
        except Exception as error:  # pycrdt raises plain exceptions on malformed bytes
            raise RelayError(
                "Le relais a envoyé des données illisibles : rien n'a été pris."
            ) from error

    async def _write(self, message: bytes) -> None:
        assert self._socket is not None
        try:
            await self._socket.send_bytes(message)
        except (ConnectionError, RuntimeError) as error:
            raise RelayError("La connexion au relais a été coupée.") from error

    async def _read(self) -> bytes:
        import aiohttp

        assert self._socket is not None
        try:
            message = await self._socket.receive(timeout=TIMEOUT)
        except TimeoutError as error:
            raise RelayError("Le relais ne répond pas.") from error
        if message.type == aiohttp.WSMsgType.BINARY:
            return bytes(message.data)
        if message.type == aiohttp.WSMsgType.TEXT:
            return b""
        raise RelayError("La connexion au relais a été coupée.")


WATCH_RETRY = (1.0, 2.0, 5.0, 10.0, 30.0)  # seconds before connecting again


async def watch(
    http: aiohttp.ClientSession, url: str, room: str, moved: Callable[[], None]
) -> None:
    """Listen to a room until cancelled: ``moved()`` whenever another laptop's update passes
    through the relay (the caller then runs a round, which checks what arrived). Reconnects by
    itself after a drop, waiting longer each time the relay stays out of reach."""
    import aiohttp
    from pycrdt import YMessageType, YSyncMessageType

    failures = 0
    while True:
        try:
            async with http.ws_connect(
                f"{url.rstrip('/')}/{room}", max_msg_size=MAX_MESSAGE, heartbeat=30.0
            ) as socket:
                failures = 0
                async for message in socket:
                    data = message.data if message.type == aiohttp.WSMsgType.BINARY else b""
                    if (
                        len(data) > 1
                        and data[0] == YMessageType.SYNC
                        and data[1] == YSyncMessageType.SYNC_UPDATE
                    ):
                        moved()
        except (TimeoutError, aiohttp.ClientError, OSError) as error:
            log.debug("relay: watching %s: %r", room, error)
        await asyncio.sleep(WATCH_RETRY[min(failures, len(WATCH_RETRY) - 1)])
        failures += 1
