"""What a laptop that knows the code can make the facilitator's laptop hold or try.

Frames are limited to the largest legitimate message (measured here on the real engine), big
frames are read one at a time, a laptop is read no further while its messages wait for the
owner thread, and wrong codes are limited for all addresses together, not only per address.
"""

from __future__ import annotations

import struct
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pycrdt
import pytest

from db.store import Store
from db.sync_store import SyncJournal
from fabrique_desktop import bundle, changes
from fabrique_desktop.changes import Change
from fabrique_desktop.live import client, protocol, secure, server
from fabrique_desktop.live.engine import EngineDoc, make_copy
from fabrique_desktop.live.events import GUARD
from fabrique_desktop.live.link import LiveLink
from fabrique_desktop.live.peers import Throttle
from fabrique_desktop.model import Card
from fabrique_desktop.workspace import ensure_first_use, list_series, list_sessions
from tests.live.docs import MapDoc
from tests.live.test_link import CODE, LOOPBACK, pump_until
from tests.live.wire import RawHost, RawPeer


@pytest.fixture
def host() -> Iterator[tuple[LiveLink, MapDoc]]:
    doc = MapDoc()
    link = LiveLink.share(doc, host=LOOPBACK, code=CODE, session_id="s1", title="Atelier")
    yield link, doc
    link.close()


def joined(link: LiveLink, name: str, source: str = "") -> RawPeer:
    peer = RawPeer(link.server.port, source=source)
    answer = peer.join(CODE, name=name, peer=name)
    assert (answer or {}).get("type") == "welcome", answer
    pump_until([link], lambda: name in link.peers)
    return peer


def update_with(card_id: str, text: str) -> bytes:
    """A peer's real Yjs update writing one card (as ``MapDoc`` stores them)."""
    doc = pycrdt.Doc()
    doc.get("cards", type=pycrdt.Map)[card_id] = f'{{"text": "{text}"}}'
    return doc.get_update()


def test_a_2000_idea_session_fits_in_one_message_and_its_copy_in_a_copy(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "fabrique.db")
    try:
        journal = SyncJournal(store)
        series = ensure_first_use(store) or list_series(store)[0]
        session = next(s for s in list_sessions(store, series.id) if s.number == 3)
        doc = EngineDoc(store, journal, session.id)
        cards = [
            Card(session_id=session.id, text=f"Idée n° {i} : une idée tapée à la volée", position=i)
            for i in range(1903)
        ]
        store.apply(Change("Ajouter des idées", tuple(changes.create(c) for c in cards)))
        doc.refresh()
        catch_up = protocol.sync_message(protocol.SYNC_STEP2, doc.doc.get_update())
        copy = make_copy(store, journal, session)
    finally:
        store.close()
    print(
        f"\n2000 ideas: catch-up {len(catch_up) / 2**20:.1f} MiB, copy {len(copy) / 2**20:.1f} MiB"
    )
    # a whole 2000-idea session in one message, with room for ideas four times longer
    assert len(catch_up) * 4 < protocol.MAX_FRAME
    assert len(copy) * 4 < protocol.MAX_COPY
    assert protocol.MAX_COPY == bundle.MAX_BYTES + 1  # the copy travels if its file would


def test_a_frame_larger_than_any_legitimate_message_is_refused_at_its_length(
    host: tuple[LiveLink, MapDoc],
) -> None:
    link, hdoc = host
    peer = joined(link, "grand")
    with peer:
        peer.send_raw(struct.pack(">I", protocol.MAX_FRAME + secure.TAG + 1))  # no body needed
        assert peer.closed()
    pump_until([link], lambda: not link.peers)
    assert any("too-large" in r for _, r in link.server.refusals)
    assert hdoc.snapshot() == {}


def test_a_state_vector_larger_than_any_is_refused(host: tuple[LiveLink, MapDoc]) -> None:
    link, _ = host
    with joined(link, "vecteur") as peer:
        peer.send(protocol.sync_message(protocol.SYNC_STEP1, b"\x01" * (protocol.MAX_STATE + 1)))
        assert peer.closed()
    assert any("too-large: sync 0" in r for _, r in link.server.refusals)


def test_big_frames_are_read_one_at_a_time(host: tuple[LiveLink, MapDoc]) -> None:
    link, hdoc = host
    big = server.BIG_FRAME * 2
    slow, quick = joined(link, "lent"), joined(link, "rapide")
    with slow, quick:
        # the slow laptop announces a big frame and sends half of it: it holds the turn
        slow.send_raw(struct.pack(">I", big) + b"\x00" * (big // 2))
        time.sleep(0.2)
        quick.send(protocol.sync_message(protocol.SYNC_UPDATE, update_with("q", "x" * big)))
        deadline = time.monotonic() + 0.6
        while time.monotonic() < deadline:
            link.pump(0.02)
        assert hdoc.snapshot() == {}  # not read yet: one big frame at a time
        slow.sock.close()  # its frame never comes: the turn passes
        pump_until([link], lambda: "q" in hdoc.snapshot())


def test_a_laptop_is_read_no_further_while_its_messages_wait(
    host: tuple[LiveLink, MapDoc],
) -> None:
    link, hdoc = host
    count, size = 120, 16 * 1024  # 1.9 MiB, nearly four times the budget
    with joined(link, "bavard") as peer:
        sender = threading.Thread(
            target=lambda: [
                peer.send(
                    protocol.sync_message(protocol.SYNC_UPDATE, update_with(f"c{i}", "y" * size))
                )
                for i in range(count)
            ]
        )
        sender.start()
        time.sleep(0.8)  # nobody pumps: the owner thread is busy elsewhere
        connection = link.server._connections["bavard"]
        assert 0 < connection.budget.waiting <= server.PEER_BUDGET + size + 64
        assert connection.budget.waiting < count * size / 3  # most of it still in TCP's hands
        pump_until([link], lambda: len(hdoc.snapshot()) == count, timeout=20)
        sender.join(5)
        assert "bavard" in link.peers  # slowed down, not dropped


def test_a_hostile_facilitator_cannot_make_a_note_taker_buffer_without_bound() -> None:
    """The note-taker's side has a read budget too: a laptop that knows the code, posing as
    the facilitator, floods updates while the note-taker's owner thread is busy."""
    count, size = 80, 64 * 1024  # 5 MiB, five times the budget
    with RawHost(CODE) as raw:
        doc = MapDoc()
        link = LiveLink.join(doc, host=LOOPBACK, port=raw.port, code=CODE, session_id="s1")
        try:
            pump_until([link], lambda: link.connected)
            assert raw.welcomed.wait(5)
            sender = threading.Thread(
                target=lambda: [
                    raw.send(
                        protocol.sync_message(
                            protocol.SYNC_UPDATE, update_with(f"h{i}", "z" * size)
                        )
                    )
                    for i in range(count)
                ],
                daemon=True,
            )
            sender.start()
            time.sleep(1.0)  # nobody pumps: the owner thread is busy elsewhere
            waiting = link.client.budget.waiting
            assert 0 < waiting <= client.HOST_BUDGET + size + 64
            assert waiting < count * size / 3  # most of it still in TCP's hands
            pump_until([link], lambda: len(doc.snapshot()) == count, timeout=20)
            sender.join(5)
            assert link.connected  # slowed down, not dropped
        finally:
            link.close()


def test_a_laptop_asking_for_catch_ups_over_and_over_gets_one(
    host: tuple[LiveLink, MapDoc],
) -> None:
    link, hdoc = host
    hdoc.write("h1", text="au tableau")
    link.local_changed()
    with joined(link, "insistant") as peer:
        for _ in range(20):
            peer.send(protocol.sync_message(protocol.SYNC_STEP1, b"\x00"))
        deadline = time.monotonic() + 0.5
        while time.monotonic() < deadline:
            link.pump(0.02)
        peer.sock.settimeout(0.3)
        answers = []
        while (payload := _next(peer)) is not None:
            if payload[0] == protocol.MSG_SYNC:
                answers.append(protocol.parse_sync(payload)[0])
        # the facilitator's own step 1 on joining, and one catch-up
        assert answers.count(protocol.SYNC_STEP2) == 1


def _next(peer: RawPeer) -> bytes | None:
    try:
        return peer.receive()
    except TimeoutError:
        return None


def test_thirty_addresses_with_one_wrong_code_each_are_not_all_answered(
    host: tuple[LiveLink, MapDoc], monkeypatch: pytest.MonkeyPatch
) -> None:
    link, _ = host
    monkeypatch.setattr(server, "WRONG_CODE_DELAY", 0.0)
    throttle = link.server.throttle
    with joined(link, "table-1", source="127.0.0.2"):
        pass  # a note-taker that joined earlier, from its laptop's address
    answers = []
    for n in range(30):
        with RawPeer(link.server.port, source=f"127.0.0.{10 + n}") as guesser:
            answers.append((guesser.join(f"WRONG{n}") or {}).get("reason"))
    assert answers == ["code"] * throttle.wrong_codes + ["busy"] * (30 - throttle.wrong_codes)
    codes_tried = [r for _, r in link.server.refusals if r == "code"]
    assert len(codes_tried) == throttle.wrong_codes
    # a new laptop must wait, even with the right code; the one that joined earlier may come back
    with RawPeer(link.server.port, source="127.0.0.60") as newcomer:
        assert newcomer.join(CODE)["reason"] == "busy"
    with RawPeer(link.server.port, source="127.0.0.2") as known:
        assert known.join(CODE, peer="table-1")["type"] == "welcome"
    throttle._guesses.clear()  # a minute later
    with RawPeer(link.server.port, source="127.0.0.60") as newcomer:
        assert newcomer.join(CODE)["type"] == "welcome"


def test_the_facilitator_is_told_when_new_laptops_must_wait_and_when_they_may_again(
    host: tuple[LiveLink, MapDoc], monkeypatch: pytest.MonkeyPatch
) -> None:
    link, _ = host
    monkeypatch.setattr(server, "WRONG_CODE_DELAY", 0.0)
    link.server.throttle = Throttle(window=1.5, wrong_codes=3)
    seen: list[object] = []
    link.on_event = lambda event: seen.append(event.data) if event.kind == GUARD else None
    for n in range(5):
        with RawPeer(link.server.port, source=f"127.0.0.{70 + n}") as guesser:
            guesser.join(f"WRONG{n}")
    pump_until([link], lambda: seen == [True])  # once, however many are refused after
    pump_until([link], lambda: seen == [True, False], timeout=5)
    with RawPeer(link.server.port, source="127.0.0.80") as newcomer:
        assert newcomer.join(CODE)["type"] == "welcome"
