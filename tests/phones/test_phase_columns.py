"""Phones on a phase's own wall (issue 26): in a Valeurs atelier a phone chooses among
« À trier », « Atouts », « Problèmes », « Valeurs proposées » and its idea lands there; a
Vivre of the other phases is refused (422, nothing changed)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from db.store import Store
from fabrique_desktop.board import session_cards
from fabrique_desktop.model import Session
from tests.phones.conftest import Room, open_room


@pytest.fixture
def valeurs_room(store: Store, valeurs_session: Session) -> Iterator[Room]:
    yield from open_room(store, valeurs_session)


def test_a_phone_in_a_valeurs_atelier_sends_to_atouts_and_problemes(
    valeurs_room: Room, store: Store, valeurs_session: Session
) -> None:
    phone = valeurs_room.phone()
    status, state = phone.call("state")
    assert status == 200
    assert [c["title"] for c in state["columns"]] == [
        "À trier",
        "Atouts",
        "Problèmes",
        "Valeurs proposées",
    ]
    for text, column in (("La mer partout", "atouts"), ("Les bouchons", "problemes")):
        status, _ = phone.call("idea", {"text": text, "column": column})
        assert status == 200
    placed = {c.text: c.column for c in session_cards(store, valeurs_session.id)}
    assert placed == {"La mer partout": "atouts", "Les bouchons": "problemes"}

    status, body = phone.call("idea", {"text": "Ailleurs", "column": "mieux"})
    assert (status, body.get("error")) == (422, "unknown-column")
    assert len(session_cards(store, valeurs_session.id)) == 2
