"""Encryption of live sharing: the code never travels, every frame after the handshake is sealed.

Threat model: someone else on the room's network (the venue's Wi-Fi, a phone hotspot) who
listens to it, or who sends, changes, replays or drops packets, or poses as the facilitator's
laptop. Not a nation state; not someone who already controls one of the laptops.

The handshake (``server`` / ``client`` drive it, this module does the cryptography):

1. ``hello`` (clear): app, protocol version, Fabrique version and the note-taker's fresh
   X25519 public key. No code, no name.
2. ``challenge`` (clear): the session id and the facilitator's fresh X25519 public key. A peer of
   another protocol version gets the clear « refused: version/old » instead, as before.
3. Both sides compute, each on its own::

       shared     = X25519(own private key, other's public key)        fresh for each connection
       transcript = SHA-256(hello bytes, challenge bytes)                   both clear messages
       stretched  = scrypt(normalised code, salt=transcript, N=2¹⁴, r=8, p=1)  ~30 ms, 16 MiB
       k_c2s, k_s2c = HKDF-SHA256(stretched ‖ shared, salt=transcript, info="fabrique-live/2")

4. The note-taker's first sealed frame (``join``: its name, its laptop id, the session it wants)
   proves it knows the code: if it does not open, the facilitator answers the same clear
   « refused: code » as before (after a pause) and counts a bad attempt for the ban.
5. The facilitator's first sealed frame (``welcome``, or a refusal such as ``removed``) proves
   the facilitator knows the code too: a laptop that cannot produce it is not the facilitator's
   (refusal ``impostor``), and gets nothing from the note-taker but the hello.

Every frame after the hello and challenge is sealed with ChaCha20-Poly1305, one key a direction,
the nonce a counter of that direction (4 zero bytes then 8 bytes big-endian) that is never
sent and never reused: TCP keeps order, so a frame changed, replayed, reordered, dropped or cut
short does not open, and the connection is closed and logged before its content is looked at.

What it gives:

- A listener learns neither the code nor anything typed (ideas, names, the session's data).
  The shared X25519 secret is in every key, so a recording cannot even be used to test guesses of
  the code offline: it needs the private key of one side, which never leaves that laptop's memory.
- Someone who takes part (poses as either side, or sits in the middle) gets one guess per
  connection, and the throttle (``peers.Throttle``) allows five a minute. From one refused
  exchange of its own it can test guesses offline, one scrypt each: 25⁶ ≈ 2.4·10⁸ codes ×
  ~30 ms ≈ 80 CPU-core days to try them all (half on average), and a new code is made each
  time sharing starts. Such an attacker learns nothing of that refused exchange's data, since
  there was none: finding the code later only lets them join while that sharing is still on.
- Not hidden: that a Fabrique shares on this address, the session's title (the discovery answer
  gives it, as before), the session id, the versions, who connects and how much is sent, when.

Why not a PAKE (CPace, SPAKE2): it would also stop the offline guessing after an active
attempt, but needs group arithmetic that no well-kept wheel-only package exposes; X25519 from
``cryptography`` plus a memory-hard KDF is simple, standard and enough for this threat model.

``cryptography`` is imported with this module, which ``server``/``client`` import: only when
sharing or joining starts, never at the app's start-up (measured).
"""

from __future__ import annotations

import hashlib
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fabrique_desktop.live import codes, protocol
from fabrique_desktop.live.protocol import ProtocolError

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SCRYPT_MAXMEM = 64 * 1024 * 1024
INFO = b"fabrique-live/2"
KEY_BYTES = 32
TAG = protocol.SEAL_OVERHEAD
"""A sealed frame is its payload plus a 16-byte Poly1305 tag; the nonce is not sent."""

_NONCE = struct.Struct(">4xQ")


class KeyExchange:
    """One side's fresh key for one connection; ``public`` goes in the hello or challenge."""

    def __init__(self) -> None:
        self._private = X25519PrivateKey.generate()
        self.public = self._private.public_key().public_bytes_raw().hex()

    def channel(
        self, code: str, client: bool, other: str, hello: bytes, challenge: bytes
    ) -> Channel:
        """The sealed channel of this connection (blocking: one scrypt, ~30 ms).

        ``other`` is the other side's public key as sent; ``hello`` and ``challenge`` the two
        clear payloads exactly as they travelled. ``ProtocolError`` if the key is not one.
        """
        try:
            peer = X25519PublicKey.from_public_bytes(bytes.fromhex(other))
            shared = self._private.exchange(peer)
        except ValueError as error:  # not hex, not 32 bytes, or a low-order point
            raise ProtocolError("bad-key", str(error)) from None
        transcript = hashlib.sha256(_field(INFO) + _field(hello) + _field(challenge)).digest()
        stretched = hashlib.scrypt(
            codes.normalise(code).encode("utf-8"),
            salt=transcript,
            n=SCRYPT_N,
            r=SCRYPT_R,
            p=SCRYPT_P,
            maxmem=SCRYPT_MAXMEM,
            dklen=KEY_BYTES,
        )
        keys = HKDF(
            algorithm=hashes.SHA256(), length=2 * KEY_BYTES, salt=transcript, info=INFO
        ).derive(stretched + shared)
        to_server, to_client = keys[:KEY_BYTES], keys[KEY_BYTES:]
        return Channel(to_server, to_client) if client else Channel(to_client, to_server)


class Channel:
    """Seals what one side sends and opens what it receives, each direction its own counter.

    Not thread-safe: each direction is used by one task at a time (the send loop, the read loop).
    """

    def __init__(self, send_key: bytes, receive_key: bytes) -> None:
        self._send = ChaCha20Poly1305(send_key)
        self._receive = ChaCha20Poly1305(receive_key)
        self._sent = 0
        self._received = 0

    def seal(self, payload: bytes) -> bytes:
        """``payload`` as one framed, sealed message (``ProtocolError`` if too long)."""
        if len(payload) > protocol.MAX_FRAME:
            raise ProtocolError("too-large", f"{len(payload)} bytes")
        sealed = self._send.encrypt(_NONCE.pack(self._sent), payload, None)
        self._sent += 1
        return protocol.frame(sealed)

    def open(self, sealed: bytes) -> bytes:
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
        """Read the next frame and open it (``limit``: the longest payload accepted)."""
        return self.open(await protocol.read_frame(reader, limit + TAG))  # type: ignore[arg-type]


def _field(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data
