"""Joins and blocks in a real room: phones present are counted (not every phone ever seen), a
blocked phone stays out under a new identity until the facilitator lifts it, another website
cannot get a participant banned, and the room takes a limited number of ideas a minute."""

from __future__ import annotations

import asyncio
import time

import pytest

from db.store import Store
from fabrique_desktop.model import Session
from fabrique_desktop.phones import room as phone_room
from fabrique_desktop.phones.checks import Limits, Rates
from fabrique_desktop.phones.model import Phone as PhoneRow
from fabrique_desktop.phones.model import PhoneIdea
from tests.phones.conftest import GENEROUS, open_room
from tests.phones.conftest import Phone as Client

pytestmark = pytest.mark.skipif(
    not __import__("sys").platform.startswith("linux"), reason="uses 127.0.x.y addresses"
)


def test_forty_addresses_cannot_fill_the_room(store: Store, session: Session) -> None:
    """40 addresses × 11 joins filled the 400 places for good (every phone ever joined was
    counted, even after a restart): now 6 present per address, and a real phone joins."""
    for room in open_room(store, session, limits=Limits(GENEROUS)):
        answers = []
        for a in range(40):
            for _ in range(11):
                answers.append(Client(room.address, source=f"127.0.5.{a + 1}").call("join"))
        assert sum(status == 200 for status, _ in answers) == 40 * 6
        assert {body.get("error") for status, body in answers if status != 200} == {
            "too-many-phones"
        }
        real = Client(room.address, source="127.0.6.1").join()
        assert real.call("idea", {"text": "Je suis bien là"})[0] == 200


def test_phones_gone_free_their_places(
    store: Store, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(phone_room, "MAX_PHONES", 5)
    for room in open_room(store, session):
        for i in range(5):
            Client(room.address, source=f"127.0.7.{i + 1}").join()
        late = Client(room.address, source="127.0.7.9")
        assert late.call("join") == (503, {"error": "full"})
        monkeypatch.setattr(phone_room, "PRESENT_SECONDS", 0.2)
        time.sleep(0.3)  # the first five went silent: no longer present
        assert late.call("join")[0] == 200


def test_a_ban_survives_a_new_identity_and_the_facilitator_lifts_it(
    store: Store, session: Session
) -> None:
    for room in open_room(store, session, limits=Limits(GENEROUS)):
        spam = Client(room.address, source="127.0.8.1").join()
        spam.call("idea", {"text": "pub"})
        store.apply(phone_room.block(store, store.get(PhoneRow, spam.phone)))
        room.service.disconnect(spam.phone)
        private_tab = Client(room.address, source="127.0.8.1")
        assert private_tab.call("join") == (403, {"error": "blocked"})
        neighbour = Client(room.address, source="127.0.8.2")
        assert neighbour.call("join")[0] == 200
        store.apply(phone_room.unblock(store.get(PhoneRow, spam.phone)))
        assert private_tab.call("join")[0] == 200
        assert spam.call("idea", {"text": "de retour"})[0] == 200


def test_a_ban_by_address_survives_a_restart_of_the_room(store: Store, session: Session) -> None:
    """The addresses a blocked phone was heard from were kept in memory only: once the room
    reopened (the laptop restarted), a private tab from the same phone joined at once."""
    for room in open_room(store, session, limits=Limits(GENEROUS)):
        spam = Client(room.address, source="127.0.8.1")
        spam.join()
        heard = room.service.room.addresses(spam.phone)
        store.apply(phone_room.block(store, store.get(PhoneRow, spam.phone), heard))
    row = store.get(PhoneRow, spam.phone)
    assert row.blocked_from
    assert "127.0.8.1" not in str(row.to_record())  # a mark, not the address
    for room in open_room(store, session, limits=Limits(GENEROUS)):  # reopened: memory empty
        private_tab = Client(room.address, source="127.0.8.1")
        assert private_tab.call("join") == (403, {"error": "blocked"})
        assert Client(room.address, source="127.0.8.2").call("join")[0] == 200
        store.apply(phone_room.unblock(store.get(PhoneRow, spam.phone)))  # « Débloquer »
        assert store.get(PhoneRow, spam.phone).blocked_from == []
        assert private_tab.call("join")[0] == 200


def test_a_foreign_page_cannot_get_a_participant_banned(room) -> None:
    """Six no-cors posts with a wrong code from a page the participant visits banned their
    phone: such posts (not JSON) and sockets from another origin are refused uncounted."""
    participant = "127.0.9.1"
    wrong = room.address.rsplit("/", 1)[0] + "/AAAAAA"
    foreign = Client(wrong, source=participant)
    for content_type in ["text/plain", "application/x-www-form-urlencoded"] * 5:
        status, _ = foreign.call("join", content_type=content_type)
        assert status == 415
    host = room.address.split("/")[2]
    refused = asyncio.run(_sockets(f"ws://{host}/r/AAAAAA/ws", "http://evil.example", 10))
    assert refused == [403] * 10
    phone = Client(room.address, source=participant)
    assert phone.call("join")[0] == 200
    # the page's own posts with a wrong code still count: six and the address waits
    guesser = Client(wrong, source="127.0.9.2")
    assert [guesser.call("join")[0] for _ in range(6)] == [403] * 5 + [429]


async def _sockets(url: str, origin: str, count: int) -> list[int]:
    import aiohttp

    statuses = []
    connector = aiohttp.TCPConnector(local_addr=("127.0.9.1", 0))
    async with aiohttp.ClientSession(connector=connector) as http:
        for _ in range(count):
            try:
                async with http.ws_connect(url, headers={"Origin": origin}):
                    statuses.append(101)
            except aiohttp.WSServerHandshakeError as error:
                statuses.append(error.status)
    return statuses


def test_the_room_takes_a_limited_number_of_ideas_a_minute(store: Store, session: Session):
    """100 addresses × 15 ideas stored 1 200 ideas in 1.6 s."""
    rates = Rates(
        phone=(100.0, 100),
        address=(500.0, 500),
        join=(100.0, 100),
        reads=(500.0, 500),
        atelier=(0.01, 5),
    )
    for room in open_room(store, session, limits=Limits(rates)):
        phones = [Client(room.address, source=f"127.0.10.{i + 1}").join() for i in range(4)]
        sent = [p.call("idea", {"text": f"idée {i}"}) for i in range(2) for p in phones]
        assert [status for status, _ in sent] == [200] * 5 + [429] * 3
        assert sent[-1][1] == {"error": "room-busy"}
        assert store.count(PhoneIdea, session_id=session.id) == 5
