"""The room keeps the phones it has read (a burst's every request proves its phone: the row was
read and decoded each time, about a third of the owner's work per idea), and reads a phone's row
again whenever any row of phones may have changed, by any road: a block holds at once."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from db.store import Store
from fabrique_desktop.cli.phones import store_batch
from fabrique_desktop.errors import StorageError
from fabrique_desktop.model import Session
from fabrique_desktop.phones import room as phone_room
from fabrique_desktop.phones.checks import Refusal
from fabrique_desktop.phones.model import Phone as PhoneRow
from fabrique_desktop.phones.room import Request
from fabrique_desktop.phones.service import PhoneService


class Head:
    """A room answered on this thread, one batch per call, as ``pump`` answers it."""

    def __init__(self, store: Store, session: Session) -> None:
        self.store = store
        self.service = PhoneService(store, session.id, lambda: store_batch(store))
        self.room = self.service.room

    @contextmanager
    def batch(self) -> Iterator[None]:
        with store_batch(self.store) as write:
            self.service._write = write
            try:
                yield
            finally:
                self.service._write = None

    def join(self, n: int) -> dict[str, str]:
        with self.batch():
            return self.room.handle(Request("join", address=f"127.0.1.{n}", request_id=f"j{n}"))

    def idea(self, phone: dict[str, str], text: str) -> int:
        """The status the phone would get for an idea in a batch of its own."""
        try:
            with self.batch():
                self.room.handle(Request("idea", phone["phone"], phone["token"], {"text": text}))
        except Refusal as refusal:
            return refusal.status
        return 200


def test_a_phone_is_read_once_while_no_phone_changes(store: Store, session: Session) -> None:
    head = Head(store, session)
    joined = [head.join(n) for n in range(8)]
    reads: list[str] = []
    store.conn.set_trace_callback(reads.append)
    try:
        with head.batch():
            for n in range(64):
                phone = joined[n % 8]
                data = {"text": f"Rafale {n}"}
                head.room.handle(Request("idea", phone["phone"], phone["token"], data))
    finally:
        store.conn.set_trace_callback(None)
    phone_reads = [sql for sql in reads if "from [phones]" in sql]
    assert len(phone_reads) == 8, len(phone_reads)  # was 64: one per request


def test_a_block_holds_at_the_next_request_by_any_road(store: Store, session: Session) -> None:
    """Blocked through the store alone (no word to the room), through another connection to the
    database (a restore), or in a batch that is then rolled back: the next request is answered
    from the row as it is now."""
    head = Head(store, session)
    phone = head.join(1)
    assert head.idea(phone, "Avant") == 200  # its row is known to the room now
    row = store.get(PhoneRow, phone["phone"])
    store.apply(phone_room.block(store, row))
    assert head.idea(phone, "Bloqué") == 403
    store.apply(phone_room.unblock(store.get(PhoneRow, phone["phone"])))
    assert head.idea(phone, "Débloqué") == 200

    other = Store.open(store.path)
    try:
        other.apply(phone_room.block(other, other.get(PhoneRow, phone["phone"])))
        assert head.idea(phone, "Bloqué ailleurs") == 403
        other.apply(phone_room.unblock(other.get(PhoneRow, phone["phone"])))
        assert head.idea(phone, "Débloqué ailleurs") == 200
    finally:
        other.close()

    def refused_batch() -> None:  # blocked and read blocked within a batch the disk refuses
        with head.batch():
            store.apply(phone_room.block(store, store.get(PhoneRow, phone["phone"])))
            assert head.room.identify(phone["phone"], phone["token"]).blocked
            raise StorageError("disque plein")

    with pytest.raises(StorageError):
        refused_batch()
    assert not store.get(PhoneRow, phone["phone"]).blocked
    assert head.idea(phone, "Après le lot refusé") == 200


def test_a_batch_looks_for_its_ideas_sent_before_in_one_read(
    store: Store, session: Session
) -> None:
    """Each idea sent with an id looked for an earlier copy of itself (sent before the room
    restarted, its answer lost) with a read of its own: 64 reads for a batch of 64 ideas. One
    read for the batch now, and a resent idea still gets its first answer, stored once."""
    import asyncio

    from fabrique_desktop.phones.model import PhoneIdea
    from fabrique_desktop.phones.service import Ticket

    head = Head(store, session)
    joined = [head.join(n) for n in range(8)]

    def idea(n: int, text: str) -> Request:
        phone = joined[n % 8]
        return Request("idea", phone["phone"], phone["token"], {"text": text}, "127.0.1.1", f"r{n}")

    with head.batch():
        first = head.room.handle(idea(0, "Déjà là"))
    again = Head(store, session)  # the room restarted: it remembers no answer
    loop = asyncio.new_event_loop()
    try:
        tickets = [Ticket(idea(n, f"Rafale {n}"), loop) for n in range(64)]  # r0: resent
        for ticket in tickets:
            again.service._queue.put(ticket)
        reads: list[str] = []
        store.conn.set_trace_callback(reads.append)
        try:
            assert again.service.pump() == 64
        finally:
            store.conn.set_trace_callback(None)
        loop.run_until_complete(asyncio.sleep(0))  # the answers released to the « network »
        answers = [ticket.answer.result() for ticket in tickets]
    finally:
        loop.close()
    idea_reads = [sql for sql in reads if "from [phone_ideas]" in sql]
    assert len(idea_reads) == 1, idea_reads  # was 64: one per idea
    assert answers[0]["idea"]["id"] == first["idea"]["id"]
    assert answers[0]["idea"]["text"] == "Déjà là"  # the first answer, not stored again
    stored = store.find(PhoneIdea, session_id=session.id)
    assert len(stored) == 64
    assert sorted(i.text for i in stored) == sorted(
        ["Déjà là"] + [f"Rafale {n}" for n in range(1, 64)]
    )
