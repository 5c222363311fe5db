"""One exchange with one room of a y-websocket relay (ours, Node's or Hocuspocus's).

The y-sync protocol, as y-websocket's clients speak it: we send *step 1* with an empty state
vector, the relay answers *step 2* with the whole room, which lands in ``mirror`` (a pycrdt
document of its own, never the laptop's: what arrives is checked by the caller before it
touches an atelier). ``send`` passes the laptop's update on, then asks again (step 1): the
relay handles one connection's messages in order, so its answer means the update was taken.
"""

from __future__ import annotations

import logging
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


class RelayError(FabriqueError):
    """The relay cannot be reached, refuses us, or does not answer."""


class RoomLink:
    """``async with RoomLink(http, url, room) as link``: ``link.mirror`` holds the room."""

    def __init__(self, http: aiohttp.ClientSession, url: str, room: str) -> None:
        from pycrdt import Doc

        self.http = http
        self.address = f"{url.rstrip('/')}/{room}"
        self.mirror: Doc = Doc()
        self._socket: aiohttp.ClientWebSocketResponse | None = None

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
        await self._catch_up()
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
        self.mirror.apply_update(update)
        await self._write(create_update_message(update))
        await self._catch_up()

    async def _catch_up(self) -> None:
        """Step 1 with the mirror's state; wait for the relay's step 2 and apply it."""
        from pycrdt import YMessageType, YSyncMessageType, create_sync_message, read_message

        await self._write(create_sync_message(self.mirror))
        while True:
            message = await self._read()
            if len(message) < 2 or message[0] != YMessageType.SYNC:
                continue  # awareness: not ours
            if message[1] in (YSyncMessageType.SYNC_STEP2, YSyncMessageType.SYNC_UPDATE):
                update = read_message(message[2:])
                if update != EMPTY_UPDATE:
                    self._apply(update)
                if message[1] == YSyncMessageType.SYNC_STEP2:
                    return
            # the relay's own step 1 needs no answer from a laptop that sends its updates

    def _apply(self, update: bytes) -> None:
        try:
            self.mirror.apply_update(update)
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
