"""The inbox between the network thread and the owner: a dropped peer is read no more."""

from __future__ import annotations

from fabrique_desktop.live.events import JOINED, LEFT, SYNC, Event, Inbox


def drain(inbox: Inbox) -> list[tuple[str, str, object]]:
    taken = []
    while (event := inbox.get()) is not None:
        taken.append((event.kind, event.peer, event.data))
    inbox.done()
    return taken


def test_a_forgotten_peers_waiting_messages_are_thrown_away_and_its_budget_given_back() -> None:
    inbox = Inbox()
    released: list[str] = []
    inbox.put(Event(SYNC, "a", (2, b"a1")), lambda: released.append("a1"))
    inbox.put(Event(SYNC, "b", (2, b"b1")), lambda: released.append("b1"))
    inbox.put(Event(SYNC, "a", (2, b"a2")), lambda: released.append("a2"))
    inbox.forget("a")
    assert released == ["a1", "a2"]  # its bytes no longer held against it
    inbox.put(Event(SYNC, "a", (2, b"a3")), lambda: released.append("a3"))  # read meanwhile
    assert released == ["a1", "a2", "a3"]
    assert drain(inbox) == [(SYNC, "b", (2, b"b1"))]
    assert released == ["a1", "a2", "a3", "b1"]


def test_a_forgotten_peer_is_read_again_once_it_left_or_joined_again() -> None:
    inbox = Inbox()
    inbox.forget("a")
    inbox.put(Event(LEFT, "a", "rejected"))
    inbox.put(Event(JOINED, "a", None))
    inbox.put(Event(SYNC, "a", (2, b"new link")))
    assert drain(inbox) == [
        (LEFT, "a", "rejected"),
        (JOINED, "a", None),
        (SYNC, "a", (2, b"new link")),
    ]


def test_what_waits_after_a_forgotten_peer_left_is_kept() -> None:
    """Dropped after it had already left and joined again: its next link's messages stay."""
    inbox = Inbox()
    inbox.put(Event(SYNC, "a", (2, b"old link")))
    inbox.put(Event(LEFT, "a", "closed"))
    inbox.put(Event(JOINED, "a", None))
    inbox.put(Event(SYNC, "a", (2, b"new link")))
    inbox.forget("a")
    inbox.put(Event(SYNC, "a", (2, b"new link, later")))
    assert [data for kind, _, data in drain(inbox) if kind == SYNC] == [
        (2, b"new link"),
        (2, b"new link, later"),
    ]


def test_get_waits_for_the_first_event_up_to_its_timeout() -> None:
    inbox = Inbox()
    assert inbox.get(0.01) is None
    inbox.put(Event(JOINED, "a", None))
    event = inbox.get(1.0)
    assert event is not None
    assert event.kind == JOINED
