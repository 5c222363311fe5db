"""The wire format of live sharing: length-prefixed frames over TCP, strictly checked.

A frame is a 4-byte big-endian length then a payload. The payload's first byte says what it
is, as in the Yjs protocols (y-protocols):

- ``0`` SYNC: a y-sync message exactly as pycrdt writes it (``create_sync_message``,
  ``create_update_message``…): a sub-type (step 1, step 2, update) then one var-uint-prefixed
  byte string. Replication is Yjs's, not ours: this module only checks the envelope.
- ``17`` COPY: the note-taker's copy of the session (the offline merge's handout bundle), sent
  once to a laptop that joins without having the session; checked like any bundle file.
- ``16`` CONTROL: a small JSON object with a ``type`` (``hello``, ``challenge``, ``join``,
  ``welcome``, ``refused``, ``bye``, ``ping``, ``pong``): the handshake and liveness.

Only the first two frames of a connection (``hello``, then ``challenge`` or a clear refusal)
travel in clear; every later one is sealed (``secure``: the code never travels, see there for
the handshake). Everything read from the network goes through ``parse_*`` here first, after
being opened; anything that does not fit — too long, truncated, trailing bytes, unknown type,
JSON that is not the expected object, a seal that does not open — raises ``ProtocolError`` and
the peer is dropped. No sync message is looked at before the handshake has proved the code.
"""

from __future__ import annotations

import asyncio
import json
import struct
from typing import Any

PROTOCOL = 3
"""Bumped when two Fabriques could no longer understand each other (2: sealed frames, the code
never sent; 3: SPAKE2 instead of scrypt + X25519, so that the code cannot be tested offline). A
peer of another version is told so in clear, before any key is made."""
APP = "fabrique-live"

MSG_SYNC = 0
MSG_AWARENESS = 1
MSG_CONTROL = 16
MSG_COPY = 17

SYNC_STEP1 = 0
SYNC_STEP2 = 1
SYNC_UPDATE = 2

MAX_CONTROL = 4096
"""A handshake or liveness message is tiny: anything longer before the code check is refused."""
MAX_UPDATE = 16 * 1024 * 1024
"""The largest y-sync data one message carries: a whole session's catch-up (step 2), the most a
laptop can legitimately send at once. Measured on the real engine: a 2000-idea session is 3.0 MiB
(ideas of ~60 characters), 13.8 MiB with every idea at the 5000-character limit; 10 000 short
ideas 14.9 MiB (``tests/live/test_limits.py``). A sender never sends more (``link``)."""
MAX_STATE = 64 * 1024
"""A state vector (step 1): one (laptop, clock) pair per laptop that ever wrote, ~10 bytes each."""
MAX_FRAME = MAX_UPDATE + 16
"""One message after the handshake: the y-sync envelope (3 to 7 bytes) around ``MAX_UPDATE``."""
MAX_COPY = 64 * 1024 * 1024 + 1
"""The copy of the session sent once to a laptop that joins without it: what a bundle file may
weigh (``bundle.MAX_BYTES``), plus its type byte. Only ever read from the facilitator."""
SEAL_OVERHEAD = 16
"""What sealing adds to a payload (the AEAD tag, ``secure.TAG``)."""
HANDSHAKE_TIMEOUT = 5.0
PING_INTERVAL = 3.0
IDLE_TIMEOUT = 12.0
"""A peer silent for this long (no ping either) is considered gone; the client reconnects."""

_HEADER = struct.Struct(">I")
_CONTROL_TYPES = frozenset(
    {"hello", "challenge", "join", "welcome", "refused", "bye", "ping", "pong"}
)


class ProtocolError(Exception):
    """Bytes from a peer that are not a valid message. ``reason`` is a short log word."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


def frame(payload: bytes) -> bytes:
    if len(payload) > MAX_COPY + SEAL_OVERHEAD:
        raise ProtocolError("too-large", f"{len(payload)} bytes")
    return _HEADER.pack(len(payload)) + payload


async def read_frame(reader: asyncio.StreamReader, limit: int = MAX_FRAME) -> bytes:
    """The next payload; ``ProtocolError`` if it announces more than ``limit`` bytes.

    ``asyncio.IncompleteReadError`` when the peer closes (cleanly or mid-frame).
    """
    return await reader.readexactly(await read_header(reader, limit))


CHUNK = 256 * 1024


async def read_body(reader: asyncio.StreamReader, length: int) -> bytearray:
    """``length`` bytes read in chunks into one buffer: a big frame is held once, not once in
    the stream's buffer and again as its copy (``readexactly``)."""
    body = bytearray(length)
    view = memoryview(body)
    got = 0
    while got < length:
        chunk = await reader.read(min(CHUNK, length - got))
        if not chunk:
            raise asyncio.IncompleteReadError(bytes(view[:got]), length)
        view[got : got + len(chunk)] = chunk
        got += len(chunk)
    view.release()
    return body


async def read_header(reader: asyncio.StreamReader, limit: int = MAX_FRAME) -> int:
    """The length the next frame announces, refused before its body is read if over ``limit``."""
    (length,) = _HEADER.unpack(await reader.readexactly(_HEADER.size))
    if length == 0:
        raise ProtocolError("empty-frame")
    if length > limit:
        raise ProtocolError("too-large", f"{length} > {limit} bytes")
    return length


def control(kind: str, **fields: Any) -> bytes:
    assert kind in _CONTROL_TYPES
    text = json.dumps({"type": kind, **fields}, ensure_ascii=False, separators=(",", ":"))
    return bytes([MSG_CONTROL]) + text.encode("utf-8")


def parse_control(payload: bytes) -> dict[str, Any]:
    """A control message as a dict with a known ``type``; strings and ints only, size-bounded."""
    if not payload or payload[0] != MSG_CONTROL:
        raise ProtocolError("not-control")
    if len(payload) > MAX_CONTROL:
        raise ProtocolError("too-large", "control message")
    try:
        message = json.loads(payload[1:].decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:  # ValueError: JSON, digits
        raise ProtocolError("bad-json", str(error)[:80]) from None
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        raise ProtocolError("bad-control")
    if message["type"] not in _CONTROL_TYPES:
        raise ProtocolError("bad-control")
    for key, value in message.items():
        if not isinstance(key, str) or not isinstance(value, str | int | bool | None):
            raise ProtocolError("bad-control", f"field {key!r}")
        if isinstance(value, str) and len(value) > 512:
            raise ProtocolError("bad-control", f"field {key!r} too long")
    return message


def text_field(message: dict[str, Any], name: str, default: str = "") -> str:
    value = message.get(name, default)
    return value if isinstance(value, str) else default


def int_field(message: dict[str, Any], name: str, default: int = 0) -> int:
    value = message.get(name, default)
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _read_var_uint(data: bytes, at: int) -> tuple[int, int]:
    """A Yjs var-uint (7 bits a byte, little end first) at ``data[at:]``; at most 5 bytes."""
    value = 0
    for shift in range(0, 35, 7):
        if at >= len(data):
            raise ProtocolError("truncated")
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, at
    raise ProtocolError("bad-varuint")


def parse_sync(payload: bytes) -> tuple[int, bytes]:
    """A y-sync message: ``(sub-type, data)``, the envelope checked to the last byte."""
    if len(payload) < 3 or payload[0] != MSG_SYNC:
        raise ProtocolError("not-sync")
    kind = payload[1]
    if kind not in (SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE):
        raise ProtocolError("bad-sync-type", str(kind))
    length, start = _read_var_uint(payload, 2)
    if start + length != len(payload):
        raise ProtocolError("bad-length", f"announced {length}, got {len(payload) - start}")
    if length > (MAX_STATE if kind == SYNC_STEP1 else MAX_UPDATE):
        raise ProtocolError("too-large", f"sync {kind}: {length} bytes")
    return kind, payload[start:]


def sync_message(kind: int, data: bytes) -> bytes:
    """The y-sync envelope, byte for byte what pycrdt's ``create_message`` writes."""
    return bytes([MSG_SYNC, kind]) + _var_uint(len(data)) + data


def _var_uint(number: int) -> bytes:
    out = bytearray()
    while number > 0x7F:
        out.append(0x80 | (number & 0x7F))
        number >>= 7
    out.append(number)
    return bytes(out)
