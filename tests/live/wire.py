"""What travels on the wire, seen and changed by a test: a recording proxy and a hand-driven peer.

- ``Proxy``: a man in the middle on 127.0.0.1 between note-takers and the facilitator; it
  relays whole frames, records them, and ``tamper`` may change, replay or cut one on the way.
- ``RawPeer``: a laptop on a blocking socket that runs the real handshake (``secure``) and then
  sends whatever the test wants, sealed or not.
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
from collections.abc import Callable
from typing import Any

from fabrique_desktop.live import protocol, secure

LOOPBACK = "127.0.0.1"
C2S, S2C = "note-taker → facilitator", "facilitator → note-taker"

Tamper = Callable[[str, int, bytes], list[bytes] | None]
"""(direction, index of the frame in that direction on its connection, the whole frame) →
the chunks to send instead, or None: as it is. An empty chunk cuts the connection there."""


def frame(payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + payload


def _read_exactly(sock: socket.socket, count: int) -> bytes | None:
    data = b""
    while len(data) < count:
        try:
            chunk = sock.recv(count - len(data))
        except OSError:
            return None
        if not chunk:
            return None
        data += chunk
    return data


def read_frame(sock: socket.socket) -> bytes | None:
    """The next whole frame (header included), or None when the other side closed."""
    header = _read_exactly(sock, 4)
    if header is None:
        return None
    (length,) = struct.unpack(">I", header)
    body = _read_exactly(sock, length)
    return None if body is None else header + body


class Proxy:
    """Listens on 127.0.0.1 and relays each connection to ``port``, frame by frame."""

    def __init__(self, port: int) -> None:
        self.target = port
        self.listener = socket.create_server((LOOPBACK, 0))
        self.port: int = self.listener.getsockname()[1]
        self.frames: list[tuple[str, int, bytes]] = []
        """(direction, index of the frame in that direction on its connection, the frame)"""
        self.tamper: Tamper | None = None
        self.accepting = True
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def wire(self, direction: str | None = None) -> bytes:
        """Every byte relayed so far (one direction, or both)."""
        with self._lock:
            return b"".join(f for d, _, f in self.frames if direction in (None, d))

    def close(self) -> None:
        self.accepting = False
        self.listener.close()
        for sock in list(self._sockets):
            with contextlib.suppress(OSError):
                sock.close()

    def _accept(self) -> None:
        while True:
            try:
                laptop, _ = self.listener.accept()
            except OSError:
                return
            if not self.accepting:
                laptop.close()
                continue
            try:
                facilitator = socket.create_connection((LOOPBACK, self.target), timeout=5)
            except OSError:
                laptop.close()
                continue
            facilitator.settimeout(None)
            self._sockets += [laptop, facilitator]
            for source, sink, direction in ((laptop, facilitator, C2S), (facilitator, laptop, S2C)):
                threading.Thread(
                    target=self._relay, args=(source, sink, direction), daemon=True
                ).start()

    def _relay(self, source: socket.socket, sink: socket.socket, direction: str) -> None:
        index = 0
        try:
            while (data := read_frame(source)) is not None:
                with self._lock:
                    self.frames.append((direction, index, data))
                chunks = self.tamper(direction, index, data) if self.tamper else None
                index += 1
                if chunks is None:
                    sink.sendall(data)
                    continue
                if b"" in chunks:
                    for chunk in chunks[: chunks.index(b"")]:
                        sink.sendall(chunk)
                    break
                for chunk in chunks:
                    sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


class RawPeer:
    """A laptop driven by hand: ``hello`` (clear), ``join`` (the real proof of the code), then
    ``send`` sealed payloads or ``send_raw`` anything."""

    def __init__(self, port: int, timeout: float = 5.0, source: str = "") -> None:
        """``source``: another loopback address (127.0.0.2…) to connect from, as if from
        another laptop (Linux routes all of 127/8 to the loopback)."""
        self.sock = socket.create_connection(
            (LOOPBACK, port), timeout=timeout, source_address=(source, 0) if source else None
        )
        self.code = "XXXXXX"
        """The code its SPAKE2 message is blinded with (``join`` sets it)."""
        self.announce = ""
        """What its hello gives as SPAKE2 message instead of the real one, if set."""
        self.exchange: secure.KeyExchange | None = None
        self.channel: secure.Channel | None = None
        self._hello = b""

    def __enter__(self) -> RawPeer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.sock.close()

    def hello(self, **fields: Any) -> dict[str, Any] | None:
        """Send a hello (ours, ``fields`` overriding) and return the clear answer (None: closed)."""
        self.exchange = secure.KeyExchange(self.code, client=True)
        message = {
            "type": "hello",
            "app": protocol.APP,
            "protocol": protocol.PROTOCOL,
            "pake": self.announce or self.exchange.public,
            **fields,
        }
        self._hello = bytes([protocol.MSG_CONTROL]) + json.dumps(message).encode()
        self.send_raw(frame(self._hello))
        answer = read_frame(self.sock)
        if answer is None:
            return None
        self._challenge = answer[4:]
        return protocol.parse_control(self._challenge)

    def join(self, code: str, **fields: Any) -> dict[str, Any] | None:
        """The whole handshake with ``code``; the answer, opened if it was sealed."""
        self.code = code
        challenge = self.hello()
        if challenge is None or challenge["type"] != "challenge":
            return challenge
        assert self.exchange is not None
        self.channel = self.exchange.channel(challenge["pake"], self._hello, self._challenge)
        self.send(protocol.control("join", **fields))
        reply = read_frame(self.sock)
        if reply is None:
            return None
        try:
            return protocol.parse_control(self.channel.open(reply[4:]))
        except protocol.ProtocolError:
            return protocol.parse_control(reply[4:])

    def send(self, payload: bytes) -> None:
        assert self.channel is not None
        self.send_raw(self.channel.seal(payload))

    def send_raw(self, data: bytes) -> None:
        self.sock.sendall(data)

    def receive(self) -> bytes | None:
        """The next sealed payload from the facilitator, opened (None: closed)."""
        assert self.channel is not None
        data = read_frame(self.sock)
        return None if data is None else self.channel.open(data[4:])

    def closed(self) -> bool:
        """Whether the facilitator closes the connection (reading and dropping what comes)."""
        try:
            while self.sock.recv(65536):
                pass
        except TimeoutError:
            return False
        except OSError:
            pass
        return True


class RawHost:
    """A facilitator's laptop driven by hand, for one note-taker: it knows the code, runs the
    real handshake (``secure``, server side) and welcomes the laptop, then ``send``s whatever
    the test wants, sealed. What the note-taker sends is read and thrown away."""

    def __init__(self, code: str, session_id: str = "s1") -> None:
        self.code = code
        self.session_id = session_id
        self.listener = socket.create_server((LOOPBACK, 0))
        self.port: int = self.listener.getsockname()[1]
        self.sock: socket.socket | None = None
        self.channel: secure.Channel | None = None
        self.welcomed = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def __enter__(self) -> RawHost:
        return self

    def __exit__(self, *exc: object) -> None:
        self.listener.close()
        if self.sock is not None:
            with contextlib.suppress(OSError):
                self.sock.close()

    def _accept(self) -> None:
        try:
            sock, _ = self.listener.accept()
        except OSError:
            return
        self.sock = sock
        hello = read_frame(sock)
        if hello is None:
            return
        other = protocol.parse_control(hello[4:])["pake"]
        exchange = secure.KeyExchange(self.code, client=False)
        challenge = protocol.control("challenge", session=self.session_id, pake=exchange.public)
        sock.sendall(frame(challenge))
        self.channel = exchange.channel(other, hello[4:], challenge)
        if read_frame(sock) is None:  # the sealed join
            return
        welcome = protocol.control(
            "welcome", protocol=protocol.PROTOCOL, session=self.session_id, peer="p"
        )
        sock.sendall(self.channel.seal(welcome))
        self.welcomed.set()
        while read_frame(sock) is not None:  # step 1, pings: not answered
            pass

    def send(self, payload: bytes) -> None:
        assert self.sock is not None
        assert self.channel is not None
        self.sock.sendall(self.channel.seal(payload))
