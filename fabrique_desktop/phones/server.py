"""The phones' web server: the page, a small JSON API and websocket notices (aiohttp).

It runs on its own asyncio loop in a background thread (``live.events.LoopThread``, as live
sharing does) and never touches the database: it checks each request — a local-network
address, the right ``Host``, the room code, the size and shape of the body, the rate per
phone and per address — then hands it to the data's owner thread (``submit``) and waits for
the answer, which comes once the change is committed. Anything malformed gets a 4xx with a
reason code and changes nothing.

    GET  /                      the page (asks for the room code)
    GET  /r/CODE                the page for this room (the QR code's address)
    GET  /static/NAME           the page's script, style and icon
    POST /r/CODE/api/ACTION     JSON in, JSON out; X-Phone / X-Token headers once joined
    GET  /r/CODE/ws             notices (« something changed for you », « room closed »)
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import weakref
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web

from fabrique_desktop.live import codes
from fabrique_desktop.live.peers import Throttle, is_local
from fabrique_desktop.phones import checks
from fabrique_desktop.phones.checks import MAX_BODY, Limits, Refusal
from fabrique_desktop.phones.connections import (
    IDLE_SECONDS,
    ConnectionGuard,
    connection_cap,
    raise_open_files,
)
from fabrique_desktop.phones.room import Request

log = logging.getLogger(__name__)

DEFAULT_PORT = 47814
ANSWER_TIMEOUT = 15.0
STATIC_FILES = {
    "app.js": "application/javascript",
    "app.css": "text/css",
    "icon.svg": "image/svg+xml",
}
MAX_SOCKETS = 1000
SOCKETS_PER_PHONE = 4
"""Notice sockets one identity may hold (a page, a reload, another tab)."""
SOCKETS_PER_ADDRESS = 12
BODY_SECONDS = 10.0

# action → (JSON fields required, optional, whether it writes)
ACTIONS: dict[str, tuple[dict[str, Any], dict[str, Any], bool]] = {
    "join": ({}, {}, True),
    "ping": ({}, {}, False),
    "state": ({}, {}, False),
    "cards": ({}, {}, False),
    "profile": ({}, {"table": (str, type(None)), "persona": (str, type(None)), "name": str}, True),
    "idea": ({"text": str}, {"column": (str, type(None)), "horizon": (str, type(None))}, True),
    "correct": ({"idea": str, "text": str}, {}, True),
    "withdraw": ({"idea": str}, {}, True),
    "dot": ({"poll": str, "card": str, "delta": int}, {}, True),
}

Submit = Callable[[Request, float], Awaitable[dict[str, Any]]]
"""Hands a request to the data's owner; its answer once committed (``Refusal`` otherwise;
``Refusal(503, "busy")``, and nothing stored, when not taken up within the seconds given)."""


def _error(status: int, reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=status, headers=_NO_STORE)


_NO_STORE = {"Cache-Control": "no-store"}
_ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"


class PhoneServer:
    """One room's web server. ``start(loop_thread)`` / ``stop()`` from the owner's thread."""

    def __init__(
        self,
        *,
        host: str,
        port: int,
        code: str,
        submit: Submit,
        resources: Path,
        limits: Limits | None = None,
        allow_any_address: bool = False,
    ) -> None:
        if not allow_any_address and not is_local(host):
            raise ValueError(host)
        self.host = host
        self.port = port
        self.code = codes.normalise(code)
        self.submit = submit
        self.resources = resources
        self.limits = limits or Limits()
        self.throttle = Throttle()
        self.refusals: list[tuple[str, str]] = []
        self._sockets: dict[str, weakref.WeakSet[web.WebSocketResponse]] = {}
        self._address_sockets: dict[str, int] = {}
        self._runner: web.AppRunner | None = None
        self._page = b""
        self.connections = ConnectionGuard(connection_cap(raise_open_files()))
        self._sweeper: asyncio.Task | None = None
        self._hosts_for: tuple[int, set[str]] = (-1, set())

    # lifecycle (on the loop)

    async def start(self) -> None:
        self._page = (self.resources / "index.html").read_bytes()
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._guard])
        app.router.add_get("/", self._index)
        app.router.add_get("/r/{code}", self._index)
        app.router.add_get("/static/{name}", self._static)
        app.router.add_post("/r/{code}/api/{action}", self._api)
        app.router.add_get("/r/{code}/ws", self._websocket)
        self._runner = web.AppRunner(
            app, access_log=None, handle_signals=False, keepalive_timeout=IDLE_SECONDS
        )
        await self._runner.setup()
        self._watch_connections(self._runner.server)
        site = web.TCPSite(self._runner, self.host, self.port, reuse_address=True)
        await site.start()
        if self.port == 0:
            server: Any = site._server  # the port the system chose
            if server is not None and server.sockets:
                self.port = server.sockets[0].getsockname()[1]

    def _watch_connections(self, server: Any) -> None:
        """Every connection goes through the guard (caps, idle ones closed)."""
        made, lost = server.connection_made, server.connection_lost
        guard = self.connections

        def connection_made(handler: Any, transport: Any) -> None:
            made(handler, transport)
            peer = transport.get_extra_info("peername")
            guard.opened(handler, peer[0] if peer else "", transport)

        def connection_lost(handler: Any, exc: BaseException | None = None) -> None:
            guard.closed(handler)
            lost(handler, exc)

        server.connection_made, server.connection_lost = connection_made, connection_lost

        async def sweep() -> None:
            while True:
                await asyncio.sleep(1.0)
                guard.sweep()

        self._sweeper = asyncio.ensure_future(sweep())
        asyncio.get_running_loop().set_exception_handler(_quiet_loop_errors)

    async def stop(self) -> None:
        """Tell every open page that the room is closed, then stop listening."""
        if self._sweeper is not None:
            self._sweeper.cancel()
        await self.broadcast("closed")
        for sockets in list(self._sockets.values()):
            for ws in list(sockets):
                with contextlib.suppress(Exception):
                    await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def change_code(self, code: str) -> None:
        """A new room code: the open pages (opened with the old one) are told, their notice
        sockets closed; every request with the old code is refused from now on."""
        self.code = codes.normalise(code)
        await self.broadcast("code")
        sockets, self._sockets = self._sockets, {}
        for phone_sockets in sockets.values():
            for ws in list(phone_sockets):
                with contextlib.suppress(Exception):
                    await ws.close()

    async def broadcast(
        self, what: str, phone: str | None = None, data: dict[str, Any] | None = None
    ) -> None:
        """Send a notice (and what changed, ``data``) to one phone's pages, or to all."""
        targets = (
            [ws for sockets in self._sockets.values() for ws in sockets]
            if phone is None
            else list(self._sockets.get(phone, ()))
        )
        message = json.dumps({**(data or {}), "type": what})
        for ws in targets:
            with contextlib.suppress(Exception):
                await ws.send_str(message)

    @property
    def address(self) -> str:
        return f"http://{_host_in_url(self.host)}:{self.port}/r/{self.code}"

    # request handling

    @web.middleware
    async def _guard(self, request: web.Request, handler: Any) -> web.StreamResponse:
        remote = request.remote or ""
        if not is_local(remote):
            self._refused(remote, "not-local")
            return _error(403, "not-local")
        if request.host not in self._hosts():
            self._refused(remote, "host")
            return _error(421, "host")  # another name for us (DNS rebinding): not served
        self.connections.busy(request.protocol)
        try:
            response = await handler(request)
        except web.HTTPException as error:
            if error.status == 413:
                return _error(413, "too-big")
            if error.status in (404, 405):
                return _error(error.status, "unknown")
            raise
        finally:
            self.connections.done(request.protocol)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    def _hosts(self) -> set[str]:
        if self._hosts_for[0] != self.port:  # made once the port is known, not per request
            host = _host_in_url(self.host)
            names = {f"{host}:{self.port}", host} if self.port == 80 else {f"{host}:{self.port}"}
            self._hosts_for = (self.port, names)
        return self._hosts_for[1]

    def _refused(self, address: str, reason: str) -> None:
        self.connections.refusals.note(address, reason)  # logged once a minute per address
        if len(self.refusals) < 10_000:
            self.refusals.append((address, reason))

    async def _index(self, request: web.Request) -> web.Response:
        ws = f"ws://{request.host}"
        policy = (
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            f"connect-src 'self' {ws}; base-uri 'none'; form-action 'self'; "
            "frame-ancestors 'none'"
        )
        return web.Response(
            body=self._page,
            content_type="text/html",
            charset="utf-8",
            headers={"Content-Security-Policy": policy, **_NO_STORE},
        )

    async def _static(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        kind = STATIC_FILES.get(name)
        if kind is None:
            return _error(404, "unknown")
        body = (self.resources / name).read_bytes()
        return web.Response(body=body, content_type=kind, headers={"Cache-Control": "no-cache"})

    def _check_code(self, request: web.Request) -> str | None:
        """The refusal reason if the address is banned or the code is wrong. Only called for
        requests another website cannot make from a participant's browser (JSON posts need
        the server's leave, which it never gives; notice sockets carry the page's origin): a
        foreign page's posts cannot get the participant's address banned."""
        remote = request.remote or ""
        if not self.throttle.allowed(remote):
            return "banned"
        if not codes.matches(self.code, request.match_info["code"]):
            self._refused(remote, "code")
            self.throttle.bad(remote)
            return "code"
        return None

    async def _api(self, request: web.Request) -> web.Response:
        remote = request.remote or ""
        if request.content_type != "application/json":  # not the page: a form, a no-cors post
            return _error(415, "malformed")
        wrong = self._check_code(request)
        if wrong:
            return _error(429 if wrong == "banned" else 403, wrong)
        action = request.match_info["action"]
        spec = ACTIONS.get(action)
        if spec is None:
            return _error(404, "unknown")
        required, optional, writes = spec
        try:
            if request.content.is_eof():  # the whole body came with the headers (a phone's
                raw = await request.read()  # idea): no timer to set and cancel for it
            else:
                async with asyncio.timeout(BODY_SECONDS):  # no task of its own (wait_for's)
                    raw = await request.read()
            data = json.loads(raw.decode("utf-8")) if raw else {}
            checks.body(data, required, optional)
        except web.HTTPRequestEntityTooLarge:
            return _error(413, "too-big")
        except (ValueError, UnicodeDecodeError, RecursionError, TimeoutError):
            return _error(400, "malformed")
        except Refusal as refusal:
            return _error(refusal.status, refusal.reason)
        phone = request.headers.get("X-Phone", "")[:64]
        token = request.headers.get("X-Token", "")[:64]
        if writes:
            limited = not self.limits.allow("address", remote) or (
                action == "join" and not self.limits.allow("join", remote)
            )
            if phone and not limited:
                limited = not self.limits.allow("phone", phone)
            if action == "idea" and not limited and not self.limits.allow("atelier", "ideas"):
                self._refused(remote, "room-busy")  # the page keeps the idea and sends it later
                return _error(429, "room-busy")
        else:
            limited = not self.limits.allow("reads", remote)
        if limited:
            self._refused(remote, "slow-down")
            return _error(429, "slow-down")
        request_id = request.headers.get("X-Request", "")
        if len(request_id) > 64 or request_id.strip(_ID_CHARACTERS):  # one outside them
            return _error(400, "malformed")
        request_value = Request(action, phone, token, data, remote, request_id)
        try:
            answer = await self.submit(request_value, ANSWER_TIMEOUT)
        except Refusal as refusal:
            if refusal.status >= 500:
                log.warning("phones: %s failed: %s", action, refusal.reason)
            else:
                self._refused(remote, refusal.reason)
            return _error(refusal.status, refusal.reason)
        return web.json_response(answer, headers=_NO_STORE)

    async def _websocket(self, request: web.Request) -> web.StreamResponse:
        if request.headers.get("Origin") != f"http://{request.host}":  # another site's page
            return _error(403, "origin")
        wrong = self._check_code(request)
        if wrong:
            return _error(429 if wrong == "banned" else 403, wrong)
        remote = request.remote or ""
        phone = request.query.get("phone", "")[:64]
        token = request.query.get("token", "")[:64]
        try:
            await self.submit(Request("ping", phone, token), ANSWER_TIMEOUT)
        except Refusal as refusal:
            return _error(refusal.status, refusal.reason)
        if (
            sum(len(s) for s in self._sockets.values()) >= self._max_sockets()
            or len(self._sockets.get(phone, ())) >= SOCKETS_PER_PHONE
            or self._address_sockets.get(remote, 0) >= SOCKETS_PER_ADDRESS
        ):
            self._refused(remote, "sockets")
            return _error(503, "full")
        ws = web.WebSocketResponse(heartbeat=25.0, max_msg_size=256)
        await ws.prepare(request)
        self._sockets.setdefault(phone, weakref.WeakSet()).add(ws)
        self._address_sockets[remote] = self._address_sockets.get(remote, 0) + 1
        try:
            async for message in ws:  # the page sends nothing; anything it sends is dropped
                if message.type in (WSMsgType.ERROR, WSMsgType.CLOSE):
                    break
        finally:
            sockets = self._sockets.get(phone)
            if sockets is not None:
                sockets.discard(ws)
                if not sockets:
                    self._sockets.pop(phone, None)
            left = self._address_sockets.get(remote, 1) - 1
            if left > 0:
                self._address_sockets[remote] = left
            else:
                self._address_sockets.pop(remote, None)
        return ws

    def _max_sockets(self) -> int:
        """Notice sockets in all: a quarter of the connections stay for the pages' requests."""
        return min(MAX_SOCKETS, self.connections.total * 3 // 4)

    async def close_phone(self, phone: str) -> None:
        """A blocked phone: its pages are told, then their notice sockets closed (in this
        order: a socket closed first would leave the page to learn it at its next poll)."""
        await self.broadcast("blocked", phone)
        for ws in list(self._sockets.pop(phone, ())):
            with contextlib.suppress(Exception):
                await ws.close()


_LOOP_ERRORS: dict[str, float] = {}


def _quiet_loop_errors(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """The loop's own errors (« socket.accept() out of system resource » when the open files
    run out…) logged once a minute each, not once per try with a traceback."""
    message = str(context.get("message", "error"))
    now = loop.time()
    if now - _LOOP_ERRORS.get(message, -120.0) < 60.0:
        return
    _LOOP_ERRORS[message] = now
    log.warning("phones: %s: %s", message, context.get("exception", ""))


def _host_in_url(host: str) -> str:
    return f"[{host}]" if ":" in host else host
