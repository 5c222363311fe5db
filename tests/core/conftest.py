"""Fixtures of the core tests."""

import pytest

from fabrique_desktop import board, votes


@pytest.fixture
def cards(store, session, demo):
    """The three cards of the Vivre Mieux column that fusion and group tests start from."""
    store.apply(
        board.capture(store, session.id, "Un tram", "mieux", persona_id="p1", tags=["#Mobilité"])
    )
    store.apply(
        board.capture(store, session.id, "Le tramway", "mieux", persona_id="p2", horizon="2040")
    )
    store.apply(board.capture(store, session.id, "Des vélos", "mieux", tags=["#Vélo"]))
    store.apply(votes.add_tables(store, session.id, 2))
    return board.column_cards(store, session.id, "mieux")
