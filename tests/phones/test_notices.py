"""Notices carry what changed, to the phones concerned only; a request sent again with its id
gets its first answer and is never stored twice; a request given up on is never stored."""

from __future__ import annotations

import asyncio
import json
import threading
from typing import Any

import pytest

from db.store import Store
from fabrique_desktop.errors import StorageError
from fabrique_desktop.model import Card, Session
from fabrique_desktop.phones import room as phone_room
from fabrique_desktop.phones import server as phone_server
from fabrique_desktop.phones.checks import Limits
from fabrique_desktop.phones.model import PhoneIdea
from tests.phones.conftest import GENEROUS, head_less, open_room
from tests.phones.conftest import Phone as Client


class Listener:
    """A phone's notice socket, read in a thread: the notices it received."""

    def __init__(self, room_address: str, phone: Client) -> None:
        self.url = (
            room_address.replace("http://", "ws://")
            + f"/ws?phone={phone.phone}&token={phone.token}"
        )
        self.host = room_address.split("/")[2]
        self.received: list[dict[str, Any]] = []
        self.ready = threading.Event()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True)
        self.thread.start()
        assert self.ready.wait(5)

    async def _run(self) -> None:
        import aiohttp

        async with aiohttp.ClientSession() as http:
            headers = {"Origin": f"http://{self.host}"}
            async with http.ws_connect(self.url, headers=headers) as ws:
                self.ready.set()
                while not self.stop.is_set():
                    try:
                        message = await ws.receive(timeout=0.1)
                    except TimeoutError:
                        continue
                    if message.type != aiohttp.WSMsgType.TEXT:
                        break
                    self.received.append(json.loads(message.data))

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)


def settle() -> None:
    threading.Event().wait(0.5)


def test_moderated_ideas_tell_no_other_phone_and_accepting_tells_its_phone_only(
    store: Store, session: Session
) -> None:
    """At 150 phones, a « queue » notice to every phone made every page ask its state again
    for each idea (the room's cost grew with its square): now an idea tells nobody, and the
    facilitator's decision tells its phone only, with the idea's new status."""
    for room in open_room(store, session, moderated=True):
        sender, other = room.phone(), room.phone()
        ears = Listener(room.address, sender), Listener(room.address, other)
        status, body = sender.call("idea", {"text": "À modérer"})
        assert status == 200
        assert body["idea"]["status"] == "pending"
        settle()
        assert ears[0].received == []
        assert ears[1].received == []
        [waiting] = phone_room.waiting(store, session.id)
        store.apply(phone_room.accept(store, waiting))
        room.service.tell_idea(waiting.id)
        settle()
        assert ears[1].received == []
        [notice] = ears[0].received
        assert notice["type"] == "idea"
        assert notice["idea"]["id"] == waiting.id
        assert notice["idea"]["status"] == "published"
        assert notice["idea"]["text"] == "À modérer"
        for ear in ears:
            ear.close()


def test_a_vote_notice_carries_the_vote(room, store: Store, session: Session) -> None:
    phone = room.phone()
    ear = Listener(room.address, phone)
    store.apply(phone_room.open_poll(store, session.id, [], dots=4, secret=True))
    room.service.tell_vote()
    settle()
    poll = phone_room.current_poll(store, session.id)
    assert ear.received == [
        {
            "type": "vote",
            "vote": {"poll": poll.id, "open": True, "budget": 4, "secret": True, "cards": 0},
        }
    ]
    store.apply(phone_room.set_moderated(store, session.id, True))
    room.service.tell_settings()
    settle()
    assert ear.received[-1] == {"type": "settings", "moderated": True}
    ear.close()


def test_an_idea_sent_again_with_its_id_is_stored_once(store: Store, session: Session) -> None:
    """The answer lost (Wi-Fi), the page sends the idea again with the same id: the first
    answer comes back and the idea is stored once — even after the room was closed and
    reopened in between (the id is the idea's)."""
    rooms = open_room(store, session)
    room = next(rooms)
    phone = room.phone()
    again = {"X-Request": "idee-1"}
    first = phone.call("idea", {"text": "Une seule fois"}, headers=again)
    assert first[0] == 200
    assert phone.call("idea", {"text": "Une seule fois"}, headers=again) == first
    second = phone.call("idea", {"text": "Une autre"}, headers={"X-Request": "idee-2"})
    assert second[1]["idea"]["id"] != first[1]["idea"]["id"]
    rooms.close()
    for reopened in open_room(store, session):
        phone.base = reopened.address
        status, body = phone.call("idea", {"text": "Une seule fois"}, headers=again)
        assert status == 200
        assert body["idea"]["id"] == first[1]["idea"]["id"]
    texts = [c.text for c in store.find(Card, session_id=session.id)]
    assert texts.count("Une seule fois") == 1
    assert texts.count("Une autre") == 1
    assert store.count(PhoneIdea, session_id=session.id) == 2


def test_a_dot_sent_again_is_counted_once(room, store: Store, session: Session) -> None:
    store.apply(phone_room.open_poll(store, session.id, [], dots=3))
    phone = room.phone()
    phone.call("idea", {"text": "À voter"})
    room.service.room.board_changed()
    poll = phone_room.current_poll(store, session.id)
    [card] = phone.call("cards")[1]["cards"]
    data = {"poll": poll.id, "card": card["id"], "delta": 1}
    first = phone.call("dot", data, headers={"X-Request": "gommette-1"})
    assert first[1]["vote"]["used"] == 1
    assert phone.call("dot", data, headers={"X-Request": "gommette-1"}) == first
    assert phone_room.poll_totals(store, poll) == (1, 1)


def test_a_malformed_request_id_is_refused(room) -> None:
    phone = room.phone()
    status, body = phone.call("idea", {"text": "x"}, headers={"X-Request": "a b<"})
    assert (status, body) == (400, {"error": "malformed"})


def test_an_idea_not_taken_up_in_time_is_answered_busy_and_never_stored(
    store: Store, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The laptop too busy to take the request in time: « occupé », and the idea is not
    stored later behind the phone's back (it was: the phone kept the text, said « failed »,
    and its retry made a duplicate)."""
    monkeypatch.setattr(phone_server, "ANSWER_TIMEOUT", 0.3)
    service = head_less(store, session.id, limits=Limits(GENEROUS))
    address = service.open("127.0.0.1", 0)
    try:
        phone = Client(address)
        joining = threading.Thread(target=phone.join)
        joining.start()
        while not service.pump(timeout=0.1):  # the owner answers the join only
            pass
        joining.join(5)
        status, body = phone.call("idea", {"text": "Trop tard"}, headers={"X-Request": "r1"})
        assert (status, body) == (503, {"error": "busy"})
        service.pump()  # the owner is free again: the request given up on is dropped
        assert store.count(PhoneIdea, session_id=session.id) == 0
        answered: list[tuple[int, dict]] = []
        retry = threading.Thread(
            target=lambda: answered.append(
                phone.call("idea", {"text": "Trop tard"}, headers={"X-Request": "r1"})
            )
        )
        retry.start()
        while not service.pump(timeout=0.1):
            pass
        retry.join(5)
        assert answered[0][0] == 200
        assert store.count(PhoneIdea, session_id=session.id) == 1
    finally:
        service.close()


def test_an_answer_not_stored_is_not_repeated(room, store: Store, monkeypatch) -> None:
    """The disk refused the batch: the retry with the same id is stored then, not answered
    from a memory of the failed attempt."""
    phone = room.phone()

    def full_disk(change):
        raise StorageError("Le disque est plein.")

    monkeypatch.setattr(store, "apply", full_disk)
    same = {"X-Request": "disque"}
    assert phone.call("idea", {"text": "Retentée"}, headers=same) == (503, {"error": "storage"})
    monkeypatch.undo()
    status, _body = phone.call("idea", {"text": "Retentée"}, headers=same)
    assert status == 200
    assert [i.text for i in store.find(PhoneIdea)] == ["Retentée"]
