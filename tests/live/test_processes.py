"""Several Fabrique processes on 127.0.0.1: a facilitator and note-takers, live.

Every server is bound to 127.0.0.1; every wait is bounded (see ``processes.TIMEOUT``).
"""

from __future__ import annotations

import json
import socket
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

from fabrique_desktop.live import protocol
from tests.live.processes import Peer, wait_until
from tests.live.wire import RawPeer

CODE = "K7P-3QX"
SEED_CARDS = 87  # atelier 3 of the demo series
pytestmark = pytest.mark.slow


@pytest.fixture
def peers() -> Iterator[list[Peer]]:
    started: list[Peer] = []
    yield started
    for peer in started:
        peer.quit()


def live_texts(peer: Peer) -> dict[str, tuple[str, str]]:
    return {card_id: (text, column) for card_id, text, column, deleted in peer.cards()}


def test_a_facilitator_and_three_note_takers_converge(tmp_path: Path, peers: list[Peer]) -> None:
    host = Peer.host(tmp_path / "host", CODE)
    peers.append(host)
    notes = [
        Peer.note_taker(tmp_path / f"table{n}", CODE.lower(), host.port, f"Table {n}")
        for n in (1, 2, 3)
    ]
    peers.extend(notes)
    wait_until(lambda: len(host.ask("status")["peers"]) == 3)

    captured = []
    for round_ in range(5):
        for n, note in enumerate(notes, 1):
            captured.append(
                note.ask("capture", text=f"Idée {round_} de la table {n} — «été»")["id"]
            )
    from_board = host.ask("capture", text="Au tableau : une navette fluviale")["id"]
    host.ask("move", id=captured[0], column="vivre-ensemble")  # the projector moves a card
    wait_until(lambda: from_board in live_texts(notes[2]))  # one cannot move what is not there yet
    notes[2].ask("move", id=from_board, column="art-de-vivre")  # a note-taker moves one too

    expected = SEED_CARDS + len(captured) + 1
    wait_until(lambda: all(len(p.cards()) == expected for p in [host, *notes]))
    wait_until(lambda: all(live_texts(p) == live_texts(host) for p in notes))
    final = live_texts(host)
    assert all(card_id in final for card_id in captured)  # nothing lost
    assert final[captured[0]][1] == "vivre-ensemble"
    assert final[from_board][1] == "art-de-vivre"
    assert final[captured[-1]][0] == "Idée 4 de la table 3 — «été»"
    assert host.ask("status")["bad"] == 0


def test_a_killed_and_restarted_note_taker_catches_up(tmp_path: Path, peers: list[Peer]) -> None:
    host = Peer.host(tmp_path / "host", CODE)
    peers.append(host)
    note = Peer.note_taker(tmp_path / "table1", CODE, host.port, "Table 1")
    before_kill = note.ask("capture", text="Tapée juste avant la coupure")["id"]
    note.kill()  # a dead battery
    while_gone = [
        host.ask("capture", text=f"Au tableau pendant la coupure {i}")["id"] for i in (1, 2)
    ]
    wait_until(lambda: host.ask("status")["peers"] == [])

    note = Peer.note_taker(tmp_path / "table1", CODE, host.port, "Table 1")
    peers.append(note)
    wait_until(lambda: all(i in live_texts(note) for i in while_gone))
    wait_until(lambda: before_kill in live_texts(host))
    assert live_texts(note) == live_texts(host)


def test_note_taker_keeps_typing_while_the_facilitator_is_gone(
    tmp_path: Path, peers: list[Peer]
) -> None:
    host = Peer.host(tmp_path / "host", CODE)
    port = host.port
    note = Peer.note_taker(tmp_path / "table1", CODE, port, "Table 1")
    peers.append(note)
    host.kill()  # the projector's laptop crashes: the note-taker does not notice
    offline = [note.ask("capture", text=f"Hors ligne {i}")["id"] for i in range(3)]
    host = Peer.host(tmp_path / "host", CODE, port)  # same database, same port
    peers.append(host)
    wait_until(lambda: all(i in live_texts(host) for i in offline), timeout=20)
    assert live_texts(note) == live_texts(host)


# bad peers


def exchange(port: int, data: bytes, wait: float = 2.0) -> bytes:
    """Send raw bytes to the facilitator and read what comes back until it closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
        sock.sendall(data)
        received = b""
        try:
            while chunk := sock.recv(65536):
                received += chunk
        except (TimeoutError, ConnectionResetError):
            pass
        return received


def test_bad_peers_are_refused_and_the_session_is_untouched(
    tmp_path: Path, peers: list[Peer]
) -> None:
    from pycrdt import Doc, Map

    host = Peer.host(tmp_path / "host", CODE)
    peers.append(host)
    good = Peer.note_taker(tmp_path / "table1", CODE, host.port, "Table 1")
    peers.append(good)
    before = live_texts(host)

    # the right code, then a well-formed Yjs update of a foreign document: the engine's
    # checks refuse it, the laptop is dropped, nothing is merged
    foreign = Doc()
    foreign.get("cards", type=Map)["intrus:text"] = '["pirate", {"1": 1}]'
    update = protocol.sync_message(protocol.SYNC_UPDATE, foreign.get_update())
    with RawPeer(host.port) as intruder:
        assert intruder.join(CODE, peer="intrus")["type"] == "welcome"
        intruder.send(update)
        assert intruder.closed()
    wait_until(lambda: host.ask("status")["bad"] == 1)

    # more bad attempts from the same address: refused, logged, then the address is banned
    with RawPeer(host.port) as guesser:
        assert guesser.join("AAAAAA", peer="x") == {
            "type": "refused",
            "reason": "code",
            "protocol": protocol.PROTOCOL,
        }
    with RawPeer(host.port) as newer:  # « the other one (the facilitator's) is too old »
        assert newer.hello(protocol=99)["reason"] == "old"
    with RawPeer(host.port) as garbage:
        assert garbage.join(CODE, peer="z")["type"] == "welcome"
        garbage.send(b"\x00\x02\x7f\x01")  # truncated y-sync, sealed as it should be
        assert garbage.closed()
    assert exchange(host.port, struct.pack(">I", 2**31) + b"\x10") == b""  # announces 2 GiB
    assert exchange(host.port, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n") == b""  # banned now
    with RawPeer(host.port) as late:  # even with the code
        assert late.join(CODE, peer="late") is None
    assert host.ask("status")["refusals"] == [
        "malformed update",
        "code",
        "version",
        "malformed (bad-length: announced 127, got 1)",
        "handshake too-large",
        "throttled",
        "throttled",
    ]

    # the facilitator's app is alive, its session intact, the good laptop still syncs
    assert live_texts(host) == before
    card = good.ask("capture", text="Toujours là après les intrus")["id"]
    wait_until(lambda: card in live_texts(host))
    assert host.ask("status")["peers"] == ["Table 1"]
    assert "pirate" not in json.dumps(host.cards())
