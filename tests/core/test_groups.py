import pytest

from fabrique_desktop import board, groups
from fabrique_desktop.groups import GroupError


def test_clusters_group_within_a_column(store, session, cards) -> None:
    change = groups.group(store, cards[:2], "Transports en commun")
    store.apply(change)
    (cluster,) = groups.clusters(store, session.id, "mieux")
    assert cluster.name == "Transports en commun"
    assert [c.text for c in groups.members(store, cluster)] == ["Un tram", "Le tramway"]
    store.apply(groups.rename_cluster(cluster, "Tram"))
    store.apply(groups.ungroup(store, groups.clusters(store, session.id)[0]))
    assert groups.clusters(store, session.id) == []
    assert all(c.cluster_id is None for c in board.column_cards(store, session.id, "mieux"))
    store.apply(board.capture(store, session.id, "Ailleurs", "monde"))
    other = board.column_cards(store, session.id, "monde")[0]
    with pytest.raises(GroupError, match="même colonne"):
        groups.group(store, [cards[0], other], "Mélange")
    with pytest.raises(GroupError, match="nom"):
        groups.group(store, cards[:1], " ")


def test_group_puts_its_cards_together_where_the_first_is(store, session, cards) -> None:
    store.apply(board.capture(store, session.id, "Un métro", "mieux"))
    tram, _tramway, _velos, metro = board.column_cards(store, session.id, "mieux")
    change = groups.group(store, [metro, tram], "Transports en commun")
    store.apply(change)
    column = board.column_cards(store, session.id, "mieux")
    assert [c.text for c in column] == ["Un tram", "Un métro", "Le tramway", "Des vélos"]
    (cluster,) = groups.clusters(store, session.id)
    assert [c.text for c in groups.members(store, cluster)] == ["Un tram", "Un métro"]
    store.apply(change.inverse())  # undo: the cards are back where they were, ungrouped
    column = board.column_cards(store, session.id, "mieux")
    assert [(c.text, c.cluster_id) for c in column] == [
        ("Un tram", None),
        ("Le tramway", None),
        ("Des vélos", None),
        ("Un métro", None),
    ]


def test_group_of_cards_already_together_moves_nothing(store, session, cards) -> None:
    change = groups.group(store, cards[:2], "Tram")
    assert all(set(e.after) == {"cluster_id"} for e in change.edits if e.kind == "cards")
