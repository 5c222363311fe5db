"""The bus's batch entry (``bus.batch``): the road of the phones' writes. Each write of a
batch sees the earlier ones, the lot commits together or not at all, and it is announced once,
after the commit, when the event loop turns (never while the writer still holds the batch)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fabrique_desktop import board
from fabrique_desktop.changes import Origin
from fabrique_desktop.errors import StorageError
from fabrique_desktop.model import Card

ROOT = Path(__file__).resolve().parents[2]


def _heard(window) -> list[tuple[str, Origin, set[str]]]:
    heard: list[tuple[str, Origin, set[str]]] = []
    window.bus.changed.connect(
        lambda change, origin: heard.append((change.label, origin, change.touched(Card.kind)))
    )
    return heard


def test_a_batch_commits_together_and_is_announced_once_after(qtbot, window) -> None:
    bus, store, session = window.bus, window.store, window.session
    heard = _heard(window)
    steps = bus.history.count()
    with bus.batch(Origin.PHONE, "Reçu des téléphones") as write:
        first = board.capture(store, session.id, "Une idée", "inbox")
        write(first)
        [card_id] = first.touched(Card.kind)
        assert store.get(Card, card_id) is not None  # the next request of the batch reads it
        write(board.capture(store, session.id, "Une autre", "inbox"))
    with bus.batch(Origin.PHONE, "Reçu des téléphones") as write:  # a second batch meanwhile
        write(board.capture(store, session.id, "Une troisième", "inbox"))
    assert heard == []  # whoever waited on the commit is answered before the board hears
    qtbot.wait_until(lambda: bool(heard), timeout=2_000)
    qtbot.wait(20)
    [(label, origin, cards)] = heard  # one announcement for both batches: one layout
    assert (label, origin, len(cards)) == ("Reçu des téléphones", Origin.PHONE, 3)
    assert bus.history.count() == steps  # not the laptop's act: no undo step


def test_a_batch_that_fails_stores_nothing_and_says_nothing(qtbot, window) -> None:
    bus, store, session = window.bus, window.store, window.session
    heard = _heard(window)
    change = board.capture(store, session.id, "Perdue avec le disque", "inbox")

    def full_disk() -> None:
        with bus.batch(Origin.PHONE, "Reçu") as write:
            write(change)
            raise StorageError("Le disque est plein.")

    with pytest.raises(StorageError):
        full_disk()
    [card_id] = change.touched(Card.kind)
    assert store.get(Card, card_id) is None
    qtbot.wait(50)
    assert heard == []


def test_the_phones_write_nothing_themselves() -> None:
    """The phones' use-cases compute changes; the bus (or the head-less command) writes them."""
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "fabrique_desktop" / "phones").glob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"\bstore\.(apply|put_many|atomic)\(", line)
    ]
    assert found == []
