import pytest

from fabrique_desktop import board, card_fusion, convergence, groups, votes
from fabrique_desktop.convergence import EngagementError
from fabrique_desktop.model import Card, Engagement


@pytest.fixture
def voted(store, session):
    for text in ("Tram", "Tramway", "Vélos", "Marche"):
        store.apply(board.capture(store, session.id, text, "mieux"))
    store.apply(votes.add_tables(store, session.id, 2))
    cards = board.column_cards(store, session.id, "mieux")
    t1, t2 = votes.voters(store, session.id)
    store.apply(votes.add_dot(store, session.id, [cards[0].id, cards[1].id], t1.id))
    store.apply(votes.add_dot(store, session.id, [cards[2].id, cards[3].id], t2.id))
    store.apply(votes.add_dot(store, session.id, [cards[2].id], t2.id))
    return cards


def test_promote_a_merged_card_keeps_the_trace(store, session, voted) -> None:
    store.apply(card_fusion.fuse(voted[:2], "Un tramway métropolitain"))
    merged = board.column_cards(store, session.id, "mieux")[0]
    change = convergence.promote(
        store,
        session.id,
        [merged],
        title="Démultiplions les alternatives à la voiture en solo",
        column="mieux",
        purpose="réduire le trafic et la pollution",
        how="- Déployer le réseau de transport\n\n• Donner toute leur place au vélo\n",
    )
    store.apply(change)
    (engagement,) = store.find(Engagement, session_id=session.id)
    assert engagement.number == 1
    assert engagement.purpose == "Pour réduire le trafic et la pollution"
    assert engagement.how == ["Déployer le réseau de transport", "Donner toute leur place au vélo"]
    (item,) = convergence.trace(store, engagement)
    assert item.card.text == "Un tramway métropolitain"
    assert item.votes == 2
    assert [c.text for c in item.originals] == ["Tram", "Tramway"]
    # the trace survives a later unmerge: the card is a tombstone, its votes moved back
    store.apply(card_fusion.unfuse(store, merged))
    (item,) = convergence.trace(store, engagement)
    assert item.removed


def test_promote_a_cluster_numbers_within_the_column(store, session, voted) -> None:
    store.apply(groups.group(store, voted[2:], "Modes doux"))
    (cluster,) = groups.clusters(store, session.id)
    store.apply(convergence.promote(store, session.id, [voted[0]], title="Premier", column="mieux"))
    store.apply(convergence.promote_cluster(store, cluster, purpose="Pour marcher"))
    engagements = convergence.engagements(store, session.id, ["inbox", "mieux"])
    assert [(e.number, e.title) for e in engagements] == [(1, "Premier"), (2, "Modes doux")]
    second = engagements[1]
    assert second.purpose == "Pour marcher"
    assert [i.card.text for i in convergence.trace(store, second)] == ["Vélos", "Marche"]
    assert convergence.total_votes(store, second) == 3
    store.apply(convergence.move(store, second, -1))
    assert [e.title for e in convergence.engagements(store, session.id)] == [
        "Modes doux",
        "Premier",
    ]
    assert convergence.promoted_card_ids(store, session.id) == {c.id for c in voted[::2]} | {
        voted[3].id
    }


def test_engagement_refusals_and_edit(store, session, voted) -> None:
    with pytest.raises(EngagementError, match="titre"):
        convergence.promote(store, session.id, voted[:1], title=" ", column="mieux")
    with pytest.raises(EngagementError, match="Vivre"):
        convergence.promote(store, session.id, voted[:1], title="T", column="inbox")
    with pytest.raises(EngagementError, match="Sélectionnez"):
        convergence.promote(store, session.id, [], title="T", column="mieux")
    store.apply(convergence.promote(store, session.id, voted[:1], title="T", column="mieux"))
    (e,) = store.find(Engagement, session_id=session.id)
    store.apply(convergence.edit(e, purpose="AMP rayonne", how=["a", " ", "b"]))
    e = store.get(Engagement, e.id)
    assert e.purpose == "Pour AMP rayonne"
    assert e.how == ["a", "b"]
    store.apply(convergence.remove(e))
    assert convergence.engagements(store, session.id) == []
    assert store.get(Card, voted[0].id) is not None


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("pour faciliter la vie", "Pour faciliter la vie"), ("Faciliter", "Pour faciliter"), ("", "")],
)
def test_purpose_reads_pour(typed, shown) -> None:
    assert convergence.purpose_text(typed) == shown
