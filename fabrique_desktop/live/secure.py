"""Encryption of live sharing: the code never travels, every frame after the handshake is sealed.

Threat model: someone else on the room's network (the venue's Wi-Fi, a phone hotspot) who
listens to it, or who sends, changes, replays or drops packets, or poses as the facilitator's
laptop. Not a nation state; not someone who already controls one of the laptops.

The handshake (``server`` / ``client`` drive it, this module does the cryptography) is SPAKE2,
the password-authenticated key exchange magic-wormhole uses for its short codes (``spake2``,
pure Python, on the Ed25519 group):

1. ``hello`` (clear): app, protocol version, Fabrique version and the note-taker's SPAKE2
   message (side A: a fresh random point blinded by the code). No code, no name.
2. ``challenge`` (clear): the session id and the facilitator's SPAKE2 message (side B). A peer
   of another protocol version gets the clear « refused: version/old » instead, as before.
3. Both sides finish SPAKE2 (each on its own; a few milliseconds) and derive::

       pake       = SPAKE2 key (same on both sides only if both used the same code)
       transcript = SHA-256(info, hello bytes, challenge bytes)           both clear messages
       k_c2s, k_s2c = HKDF-SHA256(pake, salt=transcript, info="fabrique-live/3")

4. The note-taker's first sealed frame (``join``: its name, its laptop id, the session it wants)
   proves it knows the code (key confirmation): if it does not open, the facilitator answers
   the same clear « refused: code » as before (after a pause) and counts a bad attempt.
5. The facilitator's first sealed frame (``welcome``, or a refusal such as ``removed``) proves
   the facilitator knows the code too: a laptop that cannot produce it is not the facilitator's
   (refusal ``impostor``), and gets nothing from the note-taker but the hello.

Every frame after the hello and challenge is sealed with ChaCha20-Poly1305, one key a direction,
the nonce a counter of that direction (4 zero bytes then 8 bytes big-endian) that is never
sent and never reused: TCP keeps order, so a frame changed, replayed, reordered, dropped or cut
short does not open, and the connection is closed and logged before its content is looked at.

What it gives:

- A listener learns neither the code nor anything typed (ideas, names, the session's data), and
  a recording does not let anyone test guesses of the code offline.
- Someone who takes part (poses as either side, or sits in the middle) tests exactly one guess
  per connection, and learns nothing that would test a second one offline: SPAKE2's messages
  are random points whatever the code, and the key of a wrong guess is unrelated to the right
  one. (Protocol 2 derived the key with scrypt from the code and X25519: one refused exchange
  let its attacker test guesses offline, ~28 ms each.) The guesses it can make are throttled
  (``peers.Throttle``): five a minute from one address, and a limit for all addresses together.
- Not hidden: that a Fabrique shares on this address, the session's title (the discovery answer
  gives it, as before), the session id, the versions, who connects and how much is sent, when.

``spake2``'s arithmetic is pure Python and not constant-time: someone able to time the
facilitator's computation to the microsecond, over many connections, might learn something of the
numbers it multiplies (the code's among them). Across a room's Wi-Fi, with each connection's
handshake in a worker thread among the app's work and the throttle on attempts, this is outside
the threat model; a constant-time library would close it (none is a wheel we could rely on).

``cryptography`` and ``spake2`` are imported with this module, which ``server``/``client``
import: only when sharing or joining starts, never at the app's start-up (measured).
"""

from __future__ import annotations

import hashlib
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from spake2 import SPAKE2_A, SPAKE2_B
from spake2.ed25519_basic import NotOnCurve
from spake2.spake2 import SPAKEError

from fabrique_desktop.live import codes, protocol
from fabrique_desktop.live.protocol import ProtocolError

INFO = b"fabrique-live/3"
NOTE_TAKER = b"fabrique-live/3 note-taker"
FACILITATOR = b"fabrique-live/3 facilitator"
"""SPAKE2's two identities: a message cannot be reflected to the side that sent it."""
MESSAGE_HEX = 66
"""A SPAKE2 message as sent: its side byte and an Ed25519 point (33 bytes), in hex."""
KEY_BYTES = 32
TAG = protocol.SEAL_OVERHEAD
"""A sealed frame is its payload plus a 16-byte Poly1305 tag; the nonce is not sent."""

_NONCE = struct.Struct(">4xQ")


class KeyExchange:
    """One side's SPAKE2 for one connection, blinded by ``code``; ``public`` goes in the hello
    (note-taker, ``client``) or the challenge (facilitator). A few milliseconds of CPU."""

    def __init__(self, code: str, client: bool) -> None:
        password = codes.normalise(code).encode("utf-8")
        side = SPAKE2_A if client else SPAKE2_B
        self._pake = side(password, idA=NOTE_TAKER, idB=FACILITATOR)
        self.client = client
        self.public = self._pake.start().hex()

    def channel(self, other: str, hello: bytes, challenge: bytes) -> Channel:
        """The sealed channel of this connection (a few milliseconds of CPU).

        ``other`` is the other side's SPAKE2 message as sent; ``hello`` and ``challenge`` the two
        clear payloads exactly as they travelled. ``ProtocolError("bad-key")`` if ``other`` is not
        a SPAKE2 message of the other side. Call it once.
        """
        try:
            if len(other) != MESSAGE_HEX:
                raise ValueError(f"{len(other)} characters")
            pake = self._pake.finish(bytes.fromhex(other))
        except (ValueError, SPAKEError, NotOnCurve) as error:  # not hex, wrong side, not a point
            raise ProtocolError("bad-key", f"{type(error).__name__} {error}") from None
        transcript = hashlib.sha256(_field(INFO) + _field(hello) + _field(challenge)).digest()
        keys = HKDF(
            algorithm=hashes.SHA256(), length=2 * KEY_BYTES, salt=transcript, info=INFO
        ).derive(pake)
        to_server, to_client = keys[:KEY_BYTES], keys[KEY_BYTES:]
        return Channel(to_server, to_client) if self.client else Channel(to_client, to_server)


class Channel:
    """Seals what one side sends and opens what it receives, each direction its own counter.

    Not thread-safe: each direction is used by one task at a time (the send loop, the read loop).
    """

    def __init__(self, send_key: bytes, receive_key: bytes) -> None:
        self._send = ChaCha20Poly1305(send_key)
        self._receive = ChaCha20Poly1305(receive_key)
        self._sent = 0
        self._received = 0

    def seal(self, payload: bytes, limit: int = protocol.MAX_FRAME) -> bytes:
        """``payload`` as one framed, sealed message (``ProtocolError`` if over ``limit``)."""
        if len(payload) > limit:
            raise ProtocolError("too-large", f"{len(payload)} bytes")
        sealed = self._send.encrypt(_NONCE.pack(self._sent), payload, None)
        self._sent += 1
        return protocol.frame(sealed)

    def open(self, sealed: bytes | bytearray) -> bytes:
        """The payload of the next frame received; ``ProtocolError("bad-seal")`` if it was not
        sealed by the other side with this connection's key as the next in order."""
        try:
            payload = self._receive.decrypt(_NONCE.pack(self._received), sealed, None)
        except InvalidTag:
            raise ProtocolError("bad-seal", f"frame {self._received}") from None
        self._received += 1
        if not payload:
            raise ProtocolError("empty-frame")
        return payload

    async def read(self, reader: object, limit: int = protocol.MAX_FRAME) -> bytes:
        """Read the next frame and open it (``limit``: the longest payload accepted); the body
        is read in chunks into one buffer (a 64 MiB copy is held once, not twice)."""
        length = await protocol.read_header(reader, limit + TAG)  # type: ignore[arg-type]
        return self.open(await protocol.read_body(reader, length))  # type: ignore[arg-type]


def _field(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data
