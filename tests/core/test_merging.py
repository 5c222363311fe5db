import pytest

from fabrique_desktop import board, merging, votes
from fabrique_desktop.merging import MergeError
from fabrique_desktop.model import Card, Vote


def _snapshot(store, session_id):
    cards = {
        c.id: (c.text, c.column, c.position, c.merged_into, c.deleted_at is None)
        for c in store.iter_all(Card, session_id=session_id)
    }
    vote_rows = {
        v.id: (v.card_id, v.voter_id, v.dots) for v in store.iter_all(Vote, session_id=session_id)
    }
    return cards, vote_rows


@pytest.fixture
def cards(store, session, demo):
    store.apply(
        board.capture(store, session.id, "Un tram", "mieux", persona_id="p1", tags=["#Mobilité"])
    )
    store.apply(
        board.capture(store, session.id, "Le tramway", "mieux", persona_id="p2", horizon="2040")
    )
    store.apply(board.capture(store, session.id, "Des vélos", "mieux", tags=["#Vélo"]))
    store.apply(votes.add_tables(store, session.id, 2))
    return board.column_cards(store, session.id, "mieux")


def test_merge_keeps_history_tags_personas_and_votes(store, session, cards) -> None:
    t1, t2 = votes.voters(store, session.id)
    store.apply(votes.add_dot(store, session.id, [cards[0].id], t1.id))
    store.apply(votes.add_dot(store, session.id, [cards[1].id], t2.id))
    store.apply(votes.add_dot(store, session.id, [cards[1].id], t2.id))
    change = merging.merge(cards[:2], "Un tramway jusqu'à Aubagne")
    store.apply(change)
    live = board.column_cards(store, session.id, "mieux")
    assert [c.text for c in live] == ["Un tramway jusqu'à Aubagne", "Des vélos"]
    merged = live[0]
    assert merged.tags == ["#Mobilité"]
    assert merged.horizon == "2040"
    assert merged.persona_id == "p1"
    assert merging.personas(store, merged) == ["p1", "p2"]
    assert [c.text for c in merging.history(store, merged)] == ["Un tram", "Le tramway"]
    assert votes.totals(store, session.id) == {merged.id: 3}
    # the originals are still there, as history
    assert store.get(Card, cards[0].id).merged_into == merged.id


def test_unmerge_restores_exactly(store, session, cards) -> None:
    t1, _ = votes.voters(store, session.id)
    store.apply(votes.add_dot(store, session.id, [cards[0].id], t1.id))
    before = _snapshot(store, session.id)
    change = merging.merge(cards, "Mobilités douces")
    store.apply(change)
    merged = next(c for c in board.column_cards(store, session.id, "mieux"))
    unmerge = merging.unmerge(store, merged)
    store.apply(unmerge)
    after_cards, after_votes = _snapshot(store, session.id)
    assert {k: v for k, v in after_cards.items() if k != merged.id} == before[0]
    assert after_cards[merged.id][4] is False  # the merged card is a tombstone
    assert after_votes == before[1]
    # and undo of the unmerge brings the merge back
    store.apply(unmerge.inverse())
    assert [c.text for c in board.column_cards(store, session.id, "mieux")] == ["Mobilités douces"]
    assert votes.totals(store, session.id) == {merged.id: 1}


def test_dots_on_the_merged_card_survive_an_unmerge(store, session, cards) -> None:
    t1, _ = votes.voters(store, session.id)
    store.apply(merging.merge(cards[:2], "Tram"))
    merged = board.column_cards(store, session.id, "mieux")[0]
    store.apply(votes.add_dot(store, session.id, [merged.id], t1.id))
    store.apply(merging.unmerge(store, merged))
    assert votes.totals(store, session.id) == {cards[0].id: 1}
    assert votes.remaining(store, session.id, t1.id) == 2


def test_merge_refusals(store, session, cards) -> None:
    with pytest.raises(MergeError, match="au moins deux"):
        merging.merge(cards[:1], "x")
    with pytest.raises(MergeError, match="vide"):
        merging.merge(cards[:2], "  ")
    with pytest.raises(MergeError, match="pas issue d'une fusion"):
        merging.unmerge(store, cards[0])


def test_nested_merges_count_all_votes(store, session, cards) -> None:
    t1, t2 = votes.voters(store, session.id)
    for card, voter in zip(cards, (t1, t2, t1), strict=True):
        store.apply(votes.add_dot(store, session.id, [card.id], voter.id))
    store.apply(merging.merge(cards[:2], "Tram"))
    first = board.column_cards(store, session.id, "mieux")[0]
    store.apply(merging.merge([first, store.get(Card, cards[2].id)], "Mobilité"))
    top = board.column_cards(store, session.id, "mieux")
    assert len(top) == 1
    assert votes.totals(store, session.id) == {top[0].id: 3}
    assert len(merging.history(store, top[0])) == 4


def test_clusters_group_within_a_column(store, session, cards) -> None:
    change = merging.group(store, cards[:2], "Transports en commun")
    store.apply(change)
    (cluster,) = merging.clusters(store, session.id, "mieux")
    assert cluster.name == "Transports en commun"
    assert [c.text for c in merging.members(store, cluster)] == ["Un tram", "Le tramway"]
    store.apply(merging.rename_cluster(cluster, "Tram"))
    store.apply(merging.ungroup(store, merging.clusters(store, session.id)[0]))
    assert merging.clusters(store, session.id) == []
    assert all(c.cluster_id is None for c in board.column_cards(store, session.id, "mieux"))
    store.apply(board.capture(store, session.id, "Ailleurs", "monde"))
    other = board.column_cards(store, session.id, "monde")[0]
    with pytest.raises(MergeError, match="même colonne"):
        merging.group(store, [cards[0], other], "Mélange")
    with pytest.raises(MergeError, match="nom"):
        merging.group(store, cards[:1], " ")


def test_group_puts_its_cards_together_where_the_first_is(store, session, cards) -> None:
    store.apply(board.capture(store, session.id, "Un métro", "mieux"))
    tram, _tramway, _velos, metro = board.column_cards(store, session.id, "mieux")
    change = merging.group(store, [metro, tram], "Transports en commun")
    store.apply(change)
    column = board.column_cards(store, session.id, "mieux")
    assert [c.text for c in column] == ["Un tram", "Un métro", "Le tramway", "Des vélos"]
    (cluster,) = merging.clusters(store, session.id)
    assert [c.text for c in merging.members(store, cluster)] == ["Un tram", "Un métro"]
    store.apply(change.inverse())  # undo: the cards are back where they were, ungrouped
    column = board.column_cards(store, session.id, "mieux")
    assert [(c.text, c.cluster_id) for c in column] == [
        ("Un tram", None),
        ("Le tramway", None),
        ("Des vélos", None),
        ("Un métro", None),
    ]


def test_group_of_cards_already_together_moves_nothing(store, session, cards) -> None:
    change = merging.group(store, cards[:2], "Tram")
    assert all(set(e.after) == {"cluster_id"} for e in change.edits if e.kind == "cards")
