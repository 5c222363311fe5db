"""``fabrique relay``: a y-websocket relay with a persistent store, for a Métropole's server or
any laptop.

pycrdt-websocket's ``WebsocketServer`` does the Yjs work (one ``YRoom`` per document: the sync
protocol, broadcasting, awareness); pycrdt-store's ``SQLiteYStore`` keeps every room's updates in
``<data>/relay.db``, so a relay killed and restarted serves what it had. aiohttp carries the
websockets (it already serves the phones' page). Nothing here knows what an atelier is: the
relay keeps Yjs updates only and never needs the app's database.

Access: every path starts with the relay's token (``ws://host:port/<token>/<room>``); any other
path is refused before the websocket is opened. Room names are opaque hashes of the series key
(``keys.SeriesKey.room``), so the relay's store and logs show no title. Behind a reverse proxy
with TLS, laptops use ``wss://`` (see the README).
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fabrique_desktop.relay.keys import new_token, same

if TYPE_CHECKING:
    from aiohttp import web
    from pycrdt.websocket import YRoom

log = logging.getLogger(__name__)

DEFAULT_PORT = 47830
MAX_MESSAGE = 64 * 1024 * 1024  # one update: a whole atelier of 2 000 ideas is ~3 MB
MAX_ROOMS = 2_000
MAX_CONNECTIONS = 1_000
ROOM_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,128}$")
TOKEN_FILE = "relay-token.txt"
STORE_FILE = "relay.db"


@dataclass(frozen=True)
class RelayAddress:
    url: str
    token: str


class _Channel:
    """An aiohttp websocket as pycrdt's ``Channel`` (binary messages only)."""

    def __init__(self, socket: web.WebSocketResponse, path: str) -> None:
        self._socket = socket
        self._path = path

    @property
    def path(self) -> str:
        return self._path

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self

    async def __anext__(self) -> bytes:
        from aiohttp import WSMsgType

        while True:
            message = await self._socket.receive()
            if message.type == WSMsgType.BINARY:
                return bytes(message.data)
            if message.type in (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED):
                raise StopAsyncIteration
            if message.type == WSMsgType.ERROR:
                raise StopAsyncIteration

    async def send(self, message: bytes) -> None:
        if not self._socket.closed:
            await self._socket.send_bytes(message)

    async def recv(self) -> bytes:
        return await self.__anext__()


class Relay:
    """The relay's rooms and store; ``serve`` until ``stop`` is set (another thread may set it)."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.data.mkdir(parents=True, exist_ok=True)
        self.token = _token(data / TOKEN_FILE)
        self.connections = 0
        self.address: RelayAddress | None = None
        self.ready = threading.Event()

    def serve(self, host: str, port: int, stop: threading.Event) -> None:
        asyncio.run(self._serve(host, port, stop))

    async def _serve(self, host: str, port: int, stop: threading.Event) -> None:
        from aiohttp import web

        server = _StoredRooms(self.data / STORE_FILE)
        async with server:
            app = web.Application(client_max_size=1024)
            app.router.add_get("/{token}/{room}", partial(_websocket, self, server))
            runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
            await runner.setup()
            site = web.TCPSite(runner, host, port)
            await site.start()
            bound = runner.addresses[0][1] if runner.addresses else port
            shown = f"[{host}]" if ":" in host else host
            self.address = RelayAddress(f"ws://{shown}:{bound}/{self.token}", self.token)
            self.ready.set()
            log.info("relay: serving on %s:%s, store %s", host, bound, self.data / STORE_FILE)
            try:
                while not stop.is_set():
                    await asyncio.sleep(0.1)
            finally:
                await runner.cleanup()
                await server.close_stores()
        log.info("relay: stopped")


async def _websocket(relay: Relay, server: Any, request: web.Request) -> web.StreamResponse:
    from aiohttp import web

    room = request.match_info["room"]
    if not same(request.match_info["token"], relay.token) or not ROOM_NAME.match(room):
        raise web.HTTPNotFound()
    if relay.connections >= MAX_CONNECTIONS or (
        room not in server.rooms and len(server.rooms) >= MAX_ROOMS
    ):
        raise web.HTTPServiceUnavailable(text="relais complet")
    socket = web.WebSocketResponse(max_msg_size=MAX_MESSAGE, heartbeat=30.0)
    await socket.prepare(request)
    relay.connections += 1
    try:
        await server.serve(_Channel(socket, room))
    finally:
        relay.connections -= 1
        await socket.close()
    return socket


def _token(path: Path) -> str:
    """The relay's token, kept in its data folder so that laptops' URLs survive a restart."""
    try:
        token = path.read_text(encoding="utf-8").strip()
        if token:
            return token
    except FileNotFoundError:
        pass
    token = new_token()
    path.write_text(token + "\n", encoding="utf-8")
    path.chmod(0o600)
    return token


def _stored_rooms_class() -> type:
    """Defined on first use: pycrdt-websocket is imported only by the relay."""
    from pycrdt import Doc, YMessageType, YSyncMessageType, read_message
    from pycrdt.store import SQLiteYStore, YDocNotFound
    from pycrdt.websocket import WebsocketServer, YRoom
    from pycrdt.websocket.websocket_server import exception_logger

    class StoredRooms(WebsocketServer):
        """Rooms loaded from, and written to, one SQLite store.

        A client's update is written to the store *before* the room applies it (``on_message``
        is awaited in order): when a laptop's next step 1 is answered, what it sent is on disk,
        so a relay killed right after loses nothing it was seen to accept. Rooms stay loaded
        (no clean-up when the last laptop leaves: that would cancel a pending write).
        """

        def __init__(self, database: Path) -> None:
            super().__init__(
                rooms_ready=False, auto_clean_rooms=False, exception_handler=exception_logger
            )
            self.store_class = type("RelayStore", (SQLiteYStore,), {"db_path": str(database)})
            self.stores: dict[str, SQLiteYStore] = {}

        async def get_room(self, name: str) -> YRoom:
            if name not in self.rooms:
                store = self.store_class(path=name, log=log)
                room = YRoom(ready=False, exception_handler=exception_logger, log=log)
                self.rooms[name] = room
                self.stores[name] = store
                await self.start_room(room)
                assert self._task_group is not None
                await self._task_group.start(store.start)
                try:
                    async for update, *_ in store.read():
                        try:
                            room.ydoc.apply_update(update)
                        except Exception:  # a damaged row: the rest of the room is still served
                            log.exception("relay: a stored update of %s is unreadable", name)
                except YDocNotFound:
                    pass  # a new room
                room.on_message = partial(_persist, store)
                room.ready = True
            room = self.rooms[name]
            await self.start_room(room)
            return room

        async def close_stores(self) -> None:
            for store in self.stores.values():
                await store.stop()

    async def _persist(store: SQLiteYStore, message: bytes) -> bool:
        """Write a client's update before the room applies it; skip (True) what is unreadable."""
        if len(message) < 2 or message[0] != YMessageType.SYNC:
            return False
        if message[1] not in (YSyncMessageType.SYNC_STEP2, YSyncMessageType.SYNC_UPDATE):
            return False
        try:
            update = read_message(message[2:])
            if update == b"\x00\x00":
                return False
            Doc().apply_update(update)  # malformed bytes never reach the store
        except Exception:
            log.warning("relay: an unreadable update was ignored")
            return True
        await store.write(update)
        return False

    return StoredRooms


def _StoredRooms(database: Path):
    return _stored_rooms_class()(database)
