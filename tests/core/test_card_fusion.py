import pytest

from fabrique_desktop import board, card_fusion, votes
from fabrique_desktop.card_fusion import FusionError
from fabrique_desktop.model import Card
from tests.core.board_fixtures import snapshot


def test_fusion_keeps_history_tags_personas_and_votes(store, session, cards) -> None:
    t1, t2 = votes.voters(store, session.id)
    store.apply(votes.add_dot(store, session.id, [cards[0].id], t1.id))
    store.apply(votes.add_dot(store, session.id, [cards[1].id], t2.id))
    store.apply(votes.add_dot(store, session.id, [cards[1].id], t2.id))
    change = card_fusion.fuse(cards[:2], "Un tramway jusqu'à Aubagne")
    store.apply(change)
    live = board.column_cards(store, session.id, "mieux")
    assert [c.text for c in live] == ["Un tramway jusqu'à Aubagne", "Des vélos"]
    merged = live[0]
    assert merged.tags == ["#Mobilité"]
    assert merged.horizon == "2040"
    assert merged.persona_id == "p1"
    assert card_fusion.personas(store, merged) == ["p1", "p2"]
    assert [c.text for c in card_fusion.history(store, merged)] == ["Un tram", "Le tramway"]
    assert votes.totals(store, session.id) == {merged.id: 3}
    # the originals are still there, as history
    assert store.get(Card, cards[0].id).merged_into == merged.id


def test_unfuse_restores_exactly(store, session, cards) -> None:
    t1, _ = votes.voters(store, session.id)
    store.apply(votes.add_dot(store, session.id, [cards[0].id], t1.id))
    before = snapshot(store, session.id)
    change = card_fusion.fuse(cards, "Mobilités douces")
    store.apply(change)
    merged = next(c for c in board.column_cards(store, session.id, "mieux"))
    unfuse = card_fusion.unfuse(store, merged)
    store.apply(unfuse)
    after_cards, after_votes = snapshot(store, session.id)
    assert {k: v for k, v in after_cards.items() if k != merged.id} == before[0]
    assert after_cards[merged.id][4] is False  # the merged card is a tombstone
    assert after_votes == before[1]
    # and undo of the unfuse brings the merge back
    store.apply(unfuse.inverse())
    assert [c.text for c in board.column_cards(store, session.id, "mieux")] == ["Mobilités douces"]
    assert votes.totals(store, session.id) == {merged.id: 1}


def test_dots_on_the_fused_card_survive_an_unfuse(store, session, cards) -> None:
    t1, _ = votes.voters(store, session.id)
    store.apply(card_fusion.fuse(cards[:2], "Tram"))
    merged = board.column_cards(store, session.id, "mieux")[0]
    store.apply(votes.add_dot(store, session.id, [merged.id], t1.id))
    store.apply(card_fusion.unfuse(store, merged))
    assert votes.totals(store, session.id) == {cards[0].id: 1}
    assert votes.remaining(store, session.id, t1.id) == 2


def test_fusion_refusals(store, session, cards) -> None:
    with pytest.raises(FusionError, match="au moins deux"):
        card_fusion.fuse(cards[:1], "x")
    with pytest.raises(FusionError, match="vide"):
        card_fusion.fuse(cards[:2], "  ")
    with pytest.raises(FusionError, match="pas issue d'une fusion"):
        card_fusion.unfuse(store, cards[0])


def test_nested_fusions_count_all_votes(store, session, cards) -> None:
    t1, t2 = votes.voters(store, session.id)
    for card, voter in zip(cards, (t1, t2, t1), strict=True):
        store.apply(votes.add_dot(store, session.id, [card.id], voter.id))
    store.apply(card_fusion.fuse(cards[:2], "Tram"))
    first = board.column_cards(store, session.id, "mieux")[0]
    store.apply(card_fusion.fuse([first, store.get(Card, cards[2].id)], "Mobilité"))
    top = board.column_cards(store, session.id, "mieux")
    assert len(top) == 1
    assert votes.totals(store, session.id) == {top[0].id: 3}
    assert len(card_fusion.history(store, top[0])) == 4
