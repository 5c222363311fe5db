"""Live sharing on a room's network someone else listens to, or meddles with (``live.secure``).

Facilitator and note-takers in one process (threads) on 127.0.0.1; a ``Proxy`` in the middle
records every byte and changes the frames a test wants changed.
"""

from __future__ import annotations

import json
import logging
import socket
import struct
import threading
import time
from collections.abc import Iterator

import pytest

from fabrique_desktop.live import codes, events, protocol, secure
from fabrique_desktop.live.client import _clear_refusal, fetch_copy
from fabrique_desktop.live.link import LiveLink
from fabrique_desktop.live.protocol import ProtocolError
from tests.live.docs import MapDoc
from tests.live.test_link import CODE, LOOPBACK, pump_until
from tests.live.wire import C2S, S2C, Proxy, RawPeer, frame, read_frame

NAME = "Camille Nguyễn-Dupont"
IDEA = "Un jardin-partagé-sur-le-toit de la médiathèque"
BOARD = "Au tableau : une navette-fluviale-du-dimanche"
IN_COPY = "la-copie-de-l'atelier-entier"


@pytest.fixture
def host() -> Iterator[tuple[LiveLink, MapDoc, Proxy]]:
    doc = MapDoc()
    link = LiveLink.share(doc, host=LOOPBACK, code=CODE, session_id="s1", title="Atelier")
    proxy = Proxy(link.server.port)
    yield link, doc, proxy
    proxy.close()
    link.close()


def join_through(proxy: Proxy, code: str = CODE, **kwargs: object) -> tuple[LiveLink, MapDoc]:
    doc = MapDoc()
    note = LiveLink.join(doc, host=LOOPBACK, port=proxy.port, code=code, name=NAME, **kwargs)
    return note, doc


def forms(text: str) -> list[bytes]:
    """``text`` as it could appear in bytes: UTF-8, and JSON-escaped (``\\u00e9``)."""
    return [text.encode("utf-8"), json.dumps(text).strip('"').encode("ascii")]


def test_the_wire_carries_neither_the_code_nor_ideas_nor_names(
    host: tuple[LiveLink, MapDoc, Proxy],
) -> None:
    link, hdoc, proxy = host
    link.server.copy = json.dumps({"notes": IN_COPY, "by": NAME}).encode()
    hdoc.write("h1", text=BOARD)
    link.local_changed()
    welcome, copy = fetch_copy(LOOPBACK, proxy.port, CODE, NAME)
    assert IN_COPY in copy.decode()
    assert welcome["title"] == "Atelier"
    note, ndoc = join_through(proxy)
    try:
        pump_until([link, note], lambda: "h1" in ndoc.snapshot())
        ndoc.write("n1", text=IDEA, author=NAME)
        note.local_changed()
        pump_until([link, note], lambda: "n1" in hdoc.snapshot())
        assert link.peers[next(iter(link.peers))].name == NAME  # it did travel, sealed
    finally:
        note.close()
    wire = proxy.wire()
    assert b'"app":"fabrique-live"' in wire  # the capture did capture
    secrets = [CODE, codes.normalise(CODE), CODE.lower(), codes.normalise(CODE).lower()]
    secrets += [NAME, "Nguy", IDEA, "jardin-partag", BOARD, "navette-fluviale", IN_COPY, "Atelier"]
    for secret in secrets:
        for form in forms(secret):
            assert form not in wire, secret
    # after the hello and the challenge, nothing but sealed frames: no JSON, no Yjs text
    clear = [protocol.parse_control(f[4:])["type"] for _, index, f in proxy.frames if index == 0]
    assert sorted(clear) == ["challenge", "challenge", "hello", "hello"]  # two connections
    sealed = [f for _, index, f in proxy.frames if index > 0]
    assert len(sealed) > 6
    assert not any(b'"type"' in f or b"cards" in f for f in sealed)


def test_a_wrong_code_is_refused_with_the_same_words_and_counts_for_the_ban(
    host: tuple[LiveLink, MapDoc, Proxy],
) -> None:
    link, hdoc, proxy = host
    hdoc.write("secret", text=IDEA)
    link.local_changed()
    for attempt in range(5):
        note, ndoc = join_through(proxy, code=f"WRONG{attempt}")
        try:
            pump_until([link, note], lambda note=note: bool(note.ended))
            assert note.ended == "code"
            assert events.refusal_message(note.ended) == (
                "Le code n'est pas le bon : vérifiez le code affiché au tableau."
            )
            assert ndoc.snapshot() == {}
        finally:
            note.close()
    assert [r for _, r in link.server.refusals] == ["code"] * 5
    assert not link.server.throttle.allowed(LOOPBACK)  # banned, even with the right code now
    with RawPeer(proxy.port) as late:
        assert late.join(CODE) is None
    assert link.peers == {}
    assert IDEA.encode() not in proxy.wire()


def test_the_right_code_typed_loosely_still_joins(host: tuple[LiveLink, MapDoc, Proxy]) -> None:
    link, _, proxy = host
    note, _ = join_through(proxy, code=" " + codes.normalise(CODE).lower() + " ")
    try:
        pump_until([link, note], lambda: note.connected and len(link.peers) == 1)
    finally:
        note.close()


def _flip(data: bytes) -> bytes:
    """The same frame with one bit of its sealed payload changed."""
    return data[:-5] + bytes([data[-5] ^ 0x01]) + data[-4:]


def _cut(data: bytes) -> bytes:
    """The frame with its last bytes cut off and a header that agrees."""
    body = data[4:-6]
    return struct.pack(">I", len(body)) + body


@pytest.mark.parametrize("attack", ["tampered", "replayed", "truncated"])
def test_a_changed_frame_closes_the_link_and_changes_nothing(
    host: tuple[LiveLink, MapDoc, Proxy], attack: str
) -> None:
    link, hdoc, proxy = host
    note, ndoc = join_through(proxy, peer_id="table-1")
    try:
        ndoc.write("n0", text="arrivée sans encombre")
        note.local_changed()
        pump_until([link, note], lambda: "n0" in hdoc.snapshot())
        before = hdoc.snapshot()
        sent: list[bytes] = [f for d, _, f in proxy.frames if d == C2S]
        done = threading.Event()

        def tamper(direction: str, index: int, data: bytes) -> list[bytes] | None:
            if direction != C2S or done.is_set():
                return None
            done.set()
            proxy.accepting = False  # no reconnection: it would sync the idea again, rightly
            if attack == "tampered":
                return [_flip(data)]
            if attack == "replayed":
                return [sent[-1]]  # the frame that carried « n0 », again
            return [_cut(data)]

        proxy.tamper = tamper
        ndoc.write("n1", text=IDEA)
        note.local_changed()
        pump_until([link, note], lambda: done.is_set() and not link.peers)
        assert any(r.startswith("malformed (bad-seal") for _, r in link.server.refusals)
        time.sleep(0.1)
        link.pump()
        assert hdoc.snapshot() == before  # nothing of it reached the session
        assert link.bad_messages == 0  # refused by the transport, the document never saw it
    finally:
        note.close()


def test_a_frame_cut_short_by_a_dropped_link_changes_nothing(
    host: tuple[LiveLink, MapDoc, Proxy],
) -> None:
    link, hdoc, proxy = host
    note, ndoc = join_through(proxy)
    try:
        pump_until([link, note], lambda: len(link.peers) == 1 and note.connected)
        left: list[events.Event] = []
        link.on_event = left.append

        def cut(direction: str, index: int, data: bytes) -> list[bytes] | None:
            if direction != C2S:
                return None
            proxy.accepting = False
            return [data[: len(data) // 2], b""]  # half a frame, then the link drops

        proxy.tamper = cut
        ndoc.write("n1", text=IDEA)
        note.local_changed()
        pump_until([link, note], lambda: not link.peers)
        assert hdoc.snapshot() == {}
        assert [e.data for e in left if e.kind == events.LEFT] == ["disconnected"]
    finally:
        note.close()


def test_a_changed_frame_from_the_facilitator_is_refused_and_the_link_made_again(
    host: tuple[LiveLink, MapDoc, Proxy], caplog: pytest.LogCaptureFixture
) -> None:
    link, hdoc, proxy = host
    note, ndoc = join_through(proxy)
    try:
        pump_until([link, note], lambda: len(link.peers) == 1 and note.connected)
        done = threading.Event()

        def tamper(direction: str, index: int, data: bytes) -> list[bytes] | None:
            if direction != S2C or done.is_set():
                return None
            done.set()
            return [_flip(data)]

        proxy.tamper = tamper
        with caplog.at_level(logging.WARNING, "fabrique_desktop.live"):
            hdoc.write("h1", text=BOARD)
            link.local_changed()
            pump_until([link, note], lambda: done.is_set() and not note.connected)
            assert "bad-seal" in caplog.text
        # it joins again by itself, and gets the card then, whole
        pump_until([link, note], lambda: ndoc.snapshot() == hdoc.snapshot() != {})
        assert note.ended == ""
    finally:
        note.close()


def _fake_facilitator(received: list[bytes]) -> tuple[socket.socket, int]:
    """A laptop that poses as the facilitator without knowing the code: it answers the hello,
    then a welcome sealed with a code of its own."""
    listener = socket.create_server((LOOPBACK, 0))

    def serve() -> None:
        with listener:
            conn, _ = listener.accept()
            with conn:
                hello = read_frame(conn)
                assert hello is not None
                received.append(hello)
                exchange = secure.KeyExchange("AAAAAA", client=False)  # a guess
                key = json.loads(hello[5:])["pake"]
                challenge = protocol.control("challenge", session="s1", pake=exchange.public)
                conn.sendall(frame(challenge))
                join = read_frame(conn)
                received.append(join or b"")
                guess = exchange.channel(key, hello[4:], challenge)
                welcome = protocol.control("welcome", session="s1", protocol=protocol.PROTOCOL)
                conn.sendall(guess.seal(welcome))
                conn.recv(1)

    threading.Thread(target=serve, daemon=True).start()
    return listener, listener.getsockname()[1]


def test_a_fake_facilitator_gets_neither_the_code_nor_the_name_nor_ideas() -> None:
    received: list[bytes] = []
    listener, port = _fake_facilitator(received)
    doc = MapDoc()
    doc.write("n1", text=IDEA)
    note = LiveLink.join(doc, host=LOOPBACK, port=port, code=CODE, name=NAME)
    try:
        pump_until([note], lambda: bool(note.ended))
        assert note.ended == "impostor"
        assert "pas celui de l'animateur" in events.refusal_message(note.ended)
    finally:
        note.close()
        listener.close()
    got = b"".join(received)
    assert len(received) == 2
    for secret in [CODE, codes.normalise(CODE), NAME, IDEA]:
        for form in forms(secret):
            assert form not in got


def test_older_and_newer_peers_are_told_which_one_to_update(
    host: tuple[LiveLink, MapDoc, Proxy],
) -> None:
    link, _, _ = host
    port = link.server.port
    with RawPeer(port) as fabrique_1:  # the first protocol sent the code itself: refused
        answer = fabrique_1.hello(protocol=1, code=CODE)
        assert answer == {"type": "refused", "reason": "version", "protocol": protocol.PROTOCOL}
        assert events.refusal_message(answer["reason"]).endswith("mettez Fabrique à jour.")
    with RawPeer(port) as fabrique_2:  # scrypt + X25519: an X25519 key instead of SPAKE2
        answer = fabrique_2.hello(protocol=2, key="ab" * 32, pake=None)
        assert answer == {"type": "refused", "reason": "version", "protocol": protocol.PROTOCOL}
    with RawPeer(port) as fabrique_9:
        assert fabrique_9.hello(protocol=9)["reason"] == "old"
    assert [r for _, r in link.server.refusals] == ["old", "old", "version"]
    # a Fabrique 1 facilitator answers « version » without its number: it is the older one
    assert _clear_refusal({"type": "refused", "reason": "version"}) == "old"
    # a Fabrique 2 facilitator tells our newer hello « old », with its number: it is older
    assert _clear_refusal({"type": "refused", "reason": "old", "protocol": 2}) == "old"
    assert _clear_refusal({"type": "refused", "reason": "version", "protocol": 4}) == "version"


def pair(
    laptop_code: str = CODE, facilitator_code: str = CODE
) -> tuple[secure.KeyExchange, secure.KeyExchange]:
    return secure.KeyExchange(laptop_code, True), secure.KeyExchange(facilitator_code, False)


def test_a_channel_opens_each_frame_once_and_in_order() -> None:
    hello, challenge = b"\x10hello", b"\x10challenge"
    laptop, facilitator = pair("ACD-EFG", "acdefg")
    mine = laptop.channel(facilitator.public, hello, challenge)
    theirs = facilitator.channel(laptop.public, hello, challenge)
    first, second = mine.seal(b"\x00one"), mine.seal(b"\x00two")
    with pytest.raises(ProtocolError, match="bad-seal"):
        theirs.open(second[4:])  # out of order
    assert theirs.open(first[4:]) == b"\x00one"
    with pytest.raises(ProtocolError, match="bad-seal"):
        theirs.open(first[4:])  # again
    assert theirs.open(second[4:]) == b"\x00two"
    back = theirs.seal(b"\x00back")
    with pytest.raises(ProtocolError, match="bad-seal"):
        theirs.open(back[4:])  # a frame sent back to its sender does not open either
    assert mine.open(back[4:]) == b"\x00back"
    laptop, wrong = pair(CODE, "ACDEFH")
    sealed = laptop.channel(wrong.public, hello, challenge).seal(b"x")
    other_code = wrong.channel(laptop.public, hello, challenge)
    with pytest.raises(ProtocolError, match="bad-seal"):  # another code: another key
        other_code.open(sealed[4:])
    laptop, facilitator = pair()
    sealed = laptop.channel(facilitator.public, hello, challenge).seal(b"x")
    other_transcript = facilitator.channel(laptop.public, hello + b"!", challenge)
    with pytest.raises(ProtocolError, match="bad-seal"):  # another transcript: another key
        other_transcript.open(sealed[4:])


@pytest.mark.parametrize(
    "message",
    ["not hex", "42" * 33, "00" * 33, "41" + "00" * 32, "42" + "ff" * 32, "42" * 40, ""],
    ids=["not-hex", "not-a-point", "no-side", "same-side", "off-curve", "too-long", "empty"],
)
def test_a_spake2_message_that_is_not_one_is_a_bad_key(message: str) -> None:
    laptop = secure.KeyExchange(CODE, True)
    with pytest.raises(ProtocolError, match="bad-key"):
        laptop.channel(message, b"h", b"c")


def test_a_message_reflected_to_its_sender_does_not_make_a_key() -> None:
    laptop = secure.KeyExchange(CODE, True)
    with pytest.raises(ProtocolError, match="bad-key"):
        laptop.channel(laptop.public, b"h", b"c")


def test_a_refused_exchange_gives_nothing_to_test_other_codes_offline() -> None:
    """What protocol 2 leaked: with the transcript of one refused attempt, an attacker could
    try codes one by one until the facilitator's frame opened. With SPAKE2 the facilitator's
    side blinds its random point with the code: trying the right code on a recorded exchange
    (with a fresh laptop side, as an attacker must) opens nothing either."""
    hello, challenge = b"\x10hello", b"\x10challenge"
    attacker, facilitator = pair("WRONG1", CODE)
    theirs = facilitator.channel(attacker.public, hello, challenge)
    welcome = theirs.seal(b"\x10welcome")[4:]
    for guess in ("WRONG1", CODE, "ACDEFH"):
        replay = secure.KeyExchange(guess, True)  # the attacker's own secret is gone with it
        with pytest.raises(ProtocolError, match="bad-seal"):
            replay.channel(facilitator.public, hello, challenge).open(welcome)


def test_a_handshake_takes_milliseconds() -> None:
    """SPAKE2 in pure Python: a few milliseconds a side (scrypt took ~30 ms and 16 MiB)."""
    start = time.perf_counter()
    laptop, facilitator = pair()
    laptop.channel(facilitator.public, b"h", b"c")
    facilitator.channel(laptop.public, b"h", b"c")
    elapsed = time.perf_counter() - start
    assert 0.001 < elapsed < 1.0


def test_a_hello_without_a_usable_key_is_a_bad_attempt(
    host: tuple[LiveLink, MapDoc, Proxy],
) -> None:
    link, _, _ = host
    with RawPeer(link.server.port) as peer:
        assert peer.hello(pake="") is None
    for key in ("zz" * 33, "42" + "ff" * 32, "41" * 33):  # not hex; off the curve; its own side
        with RawPeer(link.server.port) as peer:
            peer.announce = key
            assert peer.join(CODE) is None
    assert [r for _, r in link.server.refusals] == ["handshake bad-key"] * 4
