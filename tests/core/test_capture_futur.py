"""« !futur » in a typed line: a « Futur engagé » item (issue 15), as the other markers."""

from __future__ import annotations

import pytest

from db.store import Store
from fabrique_desktop import board
from fabrique_desktop.capture import markers_for, parse
from fabrique_desktop.model import FUTUR, IDEA, Card


@pytest.mark.parametrize("marker", ["!futur", "!Futur", "!engagé", "!futur-engagé", "!FUTUR."])
def test_the_marker_makes_a_futur_engage_item(marker) -> None:
    parsed = parse(f"Tarif unique pour voyager {marker} !2024 #mobilité")
    assert parsed.card_kind == FUTUR
    assert parsed.text == "Tarif unique pour voyager" + ("." if marker.endswith(".") else "")
    assert parsed.horizon == "2024"
    assert parsed.tags == ("#mobilité",)
    assert not parsed.problems


def test_without_the_marker_a_line_is_an_idea_and_futur_in_a_word_stays() -> None:
    assert parse("Un futur tramway").card_kind == IDEA
    assert parse("Un futur tramway").text == "Un futur tramway"
    assert parse("Objectif !2040").card_kind == IDEA


def test_a_card_edited_as_one_line_keeps_or_loses_its_nature(store: Store, session) -> None:
    change = board.capture_parsed(store, session.id, parse("Boucle à eau de mer !futur"))
    store.apply(change)
    card = store.get(Card, next(iter(change.touched(Card.kind))))
    assert (card.text, card.card_kind) == ("Boucle à eau de mer", FUTUR)
    markers = markers_for(horizon=card.horizon, tags=card.tags, card_kind=card.card_kind)
    assert markers == "!futur"
    store.apply(board.edit_parsed(store, card, parse(f"{card.text} {markers}")))
    assert store.get(Card, card.id).card_kind == FUTUR  # edited with its markers: unchanged
    store.apply(board.edit_parsed(store, card, parse(card.text)))
    assert store.get(Card, card.id).card_kind == IDEA  # the marker taken out
