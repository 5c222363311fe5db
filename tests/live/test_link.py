"""Facilitator and note-takers in one process (threads), on 127.0.0.1 only."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest

from fabrique_desktop.live import events
from fabrique_desktop.live.link import LiveLink
from tests.live.docs import MapDoc

LOOPBACK = "127.0.0.1"
CODE = "ACD-EFG"


def pump_until(links: list[LiveLink], done: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for link in links:
            link.pump()
        if done():
            return
        time.sleep(0.005)
    raise AssertionError("not reached in time")


@pytest.fixture
def host() -> Iterator[tuple[LiveLink, MapDoc]]:
    doc = MapDoc()
    link = LiveLink.share(doc, host=LOOPBACK, code=CODE, session_id="s1", title="Atelier")
    yield link, doc
    link.close()


def join(link: LiveLink, code: str = CODE, **kwargs: object) -> tuple[LiveLink, MapDoc]:
    doc = MapDoc()
    note = LiveLink.join(
        doc, host=LOOPBACK, port=link.server.port, code=code, name="Table 1", **kwargs
    )
    return note, doc


def test_cards_flow_both_ways_and_between_note_takers(host: tuple[LiveLink, MapDoc]) -> None:
    link, hdoc = host
    hdoc.write("h1", text="déjà là")
    link.local_changed()
    notes = [join(link) for _ in range(3)]
    try:
        pump_until([link] + [n for n, _ in notes], lambda: len(link.peers) == 3)
        for i, (note, doc) in enumerate(notes):
            doc.write(f"n{i}", text=f"idée {i}")
            note.local_changed()
        hdoc.write("h1", text="déjà là", column="vivre-ensemble")
        link.local_changed()
        everyone = [link] + [n for n, _ in notes]
        docs = [hdoc] + [d for _, d in notes]
        pump_until(everyone, lambda: all(len(d.snapshot()) == 4 for d in docs))
        pump_until(everyone, lambda: all(d.snapshot() == hdoc.snapshot() for d in docs))
        assert hdoc.snapshot()["h1"]["column"] == "vivre-ensemble"
    finally:
        for note, _ in notes:
            note.close()


def test_wrong_code_is_refused_and_nothing_synced(host: tuple[LiveLink, MapDoc]) -> None:
    link, hdoc = host
    hdoc.write("secret", text="x")
    link.local_changed()
    seen: list[events.Event] = []
    note, doc = join(link, code="WRONG1", on_event=seen.append)
    try:
        pump_until([link, note], lambda: bool(note.ended))
        assert note.ended == "code"
        assert doc.snapshot() == {}
        assert link.peers == {}
        assert ("127.0.0.1", "code") in link.server.refusals
    finally:
        note.close()


def test_removed_laptop_is_told_and_cannot_come_back(host: tuple[LiveLink, MapDoc]) -> None:
    link, _ = host
    note, _ = join(link)
    try:
        pump_until([link, note], lambda: len(link.peers) == 1 and note.connected)
        link.remove(next(iter(link.peers)))
        pump_until([link, note], lambda: note.ended == "removed" and not link.peers)
        again, _ = join(link, peer_id=note.client.peer_id)
        pump_until([link, again], lambda: again.ended == "removed")
        again.close()
    finally:
        note.close()


def test_end_of_sharing_tells_every_laptop() -> None:
    doc = MapDoc()
    link = LiveLink.share(doc, host=LOOPBACK, code=CODE, session_id="s1")
    notes = [join(link) for _ in range(2)]
    pump_until([link] + [n for n, _ in notes], lambda: len(link.peers) == 2)
    link.close()
    pump_until([n for n, _ in notes], lambda: all(n.ended == "ended" for n, _ in notes))
    for note, _ in notes:
        note.close()


def test_note_taker_keeps_typing_offline_and_catches_up() -> None:
    doc = MapDoc()
    link = LiveLink.share(doc, host=LOOPBACK, code=CODE, session_id="s1")
    port = link.server.port
    note, ndoc = join(link)
    pump_until([link, note], lambda: note.connected)
    link.close()  # the network goes
    pump_until([note], lambda: not note.connected or note.ended != "")
    ndoc.write("offline", text="tapée sans réseau")
    note.local_changed()
    assert note.ended == "ended"
    note.close()
    # sharing starts again (same port), the note-taker joins again
    link = LiveLink.share(doc, host=LOOPBACK, code=CODE, session_id="s1", port=port)
    doc.write("meanwhile", text="au tableau pendant ce temps")
    link.local_changed()
    note = LiveLink.join(ndoc, host=LOOPBACK, port=port, code=CODE)
    try:
        pump_until([link, note], lambda: doc.snapshot() == ndoc.snapshot() == _two(doc))
    finally:
        note.close()
        link.close()


def _two(doc: MapDoc) -> dict[str, object]:
    snapshot = doc.snapshot()
    return snapshot if len(snapshot) == 2 else {}


def test_discovery_on_loopback_finds_the_shared_session() -> None:
    from fabrique_desktop.live.discovery import Finder

    doc = MapDoc()
    link = LiveLink.share(
        doc, host=LOOPBACK, code=CODE, session_id="s1", title="Atelier 3", discovery_port=0
    )
    finder = Finder([(LOOPBACK, link.server.discovery_port)])
    try:
        found: list = []

        def probe_and_poll() -> bool:
            finder.probe()
            found.extend(finder.poll())
            return bool(found)

        pump_until([link], probe_and_poll)
        assert [(o.host, o.port, o.title) for o in found] == [
            (LOOPBACK, link.server.port, "Atelier 3")
        ]
    finally:
        finder.close()
        link.close()


def test_a_server_refuses_to_listen_outside_the_local_network() -> None:
    from fabrique_desktop.live.events import LiveError

    with pytest.raises(LiveError, match="réseau local"):
        LiveLink.share(MapDoc(), host="8.8.8.8", code=CODE, session_id="s1")
    with pytest.raises(LiveError, match="réseau local"):
        LiveLink.join(MapDoc(), host="8.8.8.8", port=1, code=CODE)


class FullDisk(MapDoc):
    """A document whose store refuses every peer's update, as a full disk would."""

    def apply_remote(self, update: bytes) -> dict[str, set[str]]:
        from fabrique_desktop.errors import StorageError

        raise StorageError("Le disque est plein : rien n'a été enregistré.")


def test_a_peers_update_the_disk_refuses_is_said_and_the_peer_comes_back() -> None:
    """Nothing merged, the reason kept for the window (in French), the peer dropped so that it
    reconnects and sends everything again once there is room."""
    doc = FullDisk()
    link = LiveLink.share(doc, host=LOOPBACK, code=CODE, session_id="s1", title="Atelier")
    note, ndoc = join(link)
    try:
        pump_until([link, note], lambda: len(link.peers) == 1)
        ndoc.write("n1", text="une idée")
        note.local_changed()
        pump_until([link, note], lambda: bool(link.not_stored))
        assert link.not_stored == "Le disque est plein : rien n'a été enregistré."
        assert doc.snapshot() == {}
        assert link.errors == 1
    finally:
        note.close()
        link.close()


def test_a_note_taker_that_found_the_facilitator_bad_follows_again_once_reconnected(
    host: tuple[LiveLink, MapDoc],
) -> None:
    """The note-taker drops its link to the facilitator after an unusable message and
    reconnects; what the facilitator sends on the new link is read (it was skipped for good:
    the facilitator never « leaves » or « joins »)."""
    link, hdoc = host
    note, ndoc = join(link)
    try:
        pump_until([link, note], lambda: note.connected and len(link.peers) == 1)
        note._apply([(events.HOST, b"\xff\x01 not an update")])
        assert note.bad_messages == 1
        hdoc.write("h1", text="après la reconnexion")
        link.local_changed()
        pump_until([link, note], lambda: "h1" in ndoc.snapshot(), timeout=10)
        assert note.bad_messages == 1
    finally:
        note.close()
