"""Finding the facilitator's laptop on the room's network, without typing its address.

A small UDP probe/answer, with no new dependency: the note-taker's Fabrique sends
``FABRIQUE-LIVE?1`` to the network's broadcast address; a sharing Fabrique answers, to that
laptop only, with the session's title and its TCP port. Why not mDNS/zeroconf: it would bring
a dependency and a multicast responder for one question asked in one room; the address can
always be typed instead (it is shown on the projector with the code).

The answer holds no secret (no code, no data): joining still needs the code shown on the
projector. The beacon listens only while sharing is on, answers only local-network addresses,
and at most ``MAX_ANSWERS_PER_SECOND``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fabrique_desktop.live import protocol
from fabrique_desktop.live.peers import is_local

if TYPE_CHECKING:
    from fabrique_desktop.live.server import LiveServer

log = logging.getLogger(__name__)

DISCOVERY_PORT = 47813
PROBE = b"FABRIQUE-LIVE?1"
MAX_ANSWER = 1024
MAX_ANSWERS_PER_SECOND = 50
BROADCAST = ("255.255.255.255", DISCOVERY_PORT)


@dataclass(frozen=True)
class Offer:
    """A session shared on the network, as the join dialog lists it."""

    host: str
    port: int
    title: str


class _Beacon(asyncio.DatagramProtocol):
    def __init__(self, server: LiveServer) -> None:
        self.server = server
        self.transport: asyncio.DatagramTransport | None = None
        self._second = 0.0
        self._count = 0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        if data != PROBE or not is_local(addr[0]) or self.transport is None:
            return
        now = time.monotonic()
        if now - self._second >= 1.0:
            self._second, self._count = now, 0
        self._count += 1
        if self._count > MAX_ANSWERS_PER_SECOND:
            return
        answer = {
            "app": protocol.APP,
            "protocol": protocol.PROTOCOL,
            "title": self.server.title[:200],
            "port": self.server.port,
        }
        self.transport.sendto(json.dumps(answer, ensure_ascii=False).encode("utf-8"), addr)


async def start_beacon(server: LiveServer, port: int) -> asyncio.DatagramTransport | None:
    """Answer probes while sharing. On loopback (tests) it listens on 127.0.0.1 only; on a
    local network on every IPv4 interface, since broadcasts reach no other kind of socket."""
    bind = server.host if server.host.startswith("127.") else "0.0.0.0"
    try:
        transport, _ = await asyncio.get_running_loop().create_datagram_endpoint(
            lambda: _Beacon(server), local_addr=(bind, port), allow_broadcast=True
        )
    except OSError as error:  # another Fabrique shares on this laptop: typing the address works
        log.warning("live: no discovery on UDP %s: %s", port, error)
        return None
    server.discovery_port = transport.get_extra_info("sockname")[1]
    return transport


class Finder:
    """Asks the network who shares a session; non-blocking, for a dialog's timer.

    ``targets`` defaults to the network's broadcast address; tests give 127.0.0.1.
    """

    def __init__(self, targets: list[tuple[str, int]] | None = None) -> None:
        self.targets = targets or [BROADCAST]
        self.offers: dict[tuple[str, int], Offer] = {}
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
        self._socket.setblocking(False)

    def probe(self) -> None:
        for target in self.targets:
            with contextlib.suppress(OSError):  # no network at all: nothing found, no error
                self._socket.sendto(PROBE, target)

    def poll(self) -> list[Offer]:
        """New offers received since the last call."""
        found = []
        while True:
            try:
                data, addr = self._socket.recvfrom(MAX_ANSWER + 1)
            except (BlockingIOError, InterruptedError):
                break
            except OSError:
                break
            offer = _offer(data, addr)
            if offer is not None and (offer.host, offer.port) not in self.offers:
                self.offers[(offer.host, offer.port)] = offer
                found.append(offer)
        return found

    def close(self) -> None:
        self._socket.close()


def _offer(data: bytes, addr: tuple[str, int]) -> Offer | None:
    if len(data) > MAX_ANSWER or not is_local(addr[0]):
        return None
    try:
        answer = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(answer, dict) or answer.get("app") != protocol.APP:
        return None
    port, title = answer.get("port"), answer.get("title")
    if not isinstance(port, int) or not 0 < port < 65536 or not isinstance(title, str):
        return None
    return Offer(addr[0], port, title[:200])


def lan_address() -> str | None:
    """This laptop's address on the local network, or ``None`` if it is on none.

    Asks the system which interface would carry traffic to a private address (a UDP
    ``connect`` sends nothing); an address that is not a local-network one is not used.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.254.254.254", 9))
            address = probe.getsockname()[0]
        except OSError:
            return None
    if address.startswith("127.") or not is_local(address):
        return None
    return address
