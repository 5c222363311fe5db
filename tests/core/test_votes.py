import pytest

from fabrique_desktop import board, card_fusion, votes
from fabrique_desktop.changes import Change
from fabrique_desktop.model import Card, Vote
from fabrique_desktop.votes import VoteError


@pytest.fixture
def room(store, session):
    """Three ideas and two tables voting with the default budget of 3 dots."""
    for text in ("Tramway", "Vélo", "Covoiturage"):
        store.apply(board.capture(store, session.id, text, "mieux"))
    store.apply(votes.add_tables(store, session.id, 2))
    cards = board.column_cards(store, session.id, "mieux")
    tables = votes.voters(store, session.id)
    return cards, tables


def test_voters_are_the_tables(store, session, room) -> None:
    _, tables = room
    assert [v.label for v in tables] == ["Table 1", "Table 2"]


def test_budget_is_enforced_and_remaining_shown(store, session, room) -> None:
    cards, (t1, t2) = room
    store.apply(votes.add_dot(store, session.id, [cards[0].id], t1.id))
    store.apply(votes.add_dot(store, session.id, [cards[0].id], t1.id))
    store.apply(votes.add_dot(store, session.id, [cards[1].id], t1.id))
    assert votes.remaining(store, session.id, t1.id) == 0
    assert votes.remaining(store, session.id, t2.id) == 3
    with pytest.raises(VoteError, match="toutes ses gommettes"):
        votes.add_dot(store, session.id, [cards[2].id], t1.id)
    assert votes.totals(store, session.id) == {cards[0].id: 2, cards[1].id: 1}
    # one Vote row per voter and card: a second dot updates it
    assert store.count(Vote, session_id=session.id, voter_id=t1.id) == 2


def test_several_selected_cards_need_enough_budget(store, session, room) -> None:
    cards, (t1, _) = room
    store.apply(votes.add_dot(store, session.id, [cards[0].id, cards[1].id], t1.id))
    with pytest.raises(VoteError, match="Il ne reste qu'une gommette à ce votant"):
        votes.add_dot(store, session.id, [cards[0].id, cards[2].id], t1.id)


def test_corrections_remove_and_undo(store, session, room) -> None:
    cards, (t1, t2) = room
    change = votes.add_dot(store, session.id, [cards[0].id], t1.id)
    store.apply(change)
    store.apply(votes.add_dot(store, session.id, [cards[0].id], t2.id))
    store.apply(votes.remove_dot(store, session.id, [cards[0].id], t1.id))
    assert votes.totals(store, session.id) == {cards[0].id: 1}
    assert votes.remaining(store, session.id, t1.id) == 3
    with pytest.raises(VoteError, match="pas de gommette"):
        votes.remove_dot(store, session.id, [cards[0].id], t1.id)
    store.apply(votes.add_dot(store, session.id, [cards[2].id], t1.id))
    store.apply(votes.clear_voter(store, session.id, t1.id))
    assert votes.remaining(store, session.id, t1.id) == 3
    undo = votes.add_dot(store, session.id, [cards[1].id], t2.id)
    store.apply(undo)
    store.apply(undo.inverse())
    assert votes.totals(store, session.id) == {cards[0].id: 1}


def test_no_voter_or_no_card_is_a_french_message(store, session, room) -> None:
    cards, (t1, _) = room
    with pytest.raises(VoteError, match="qui vote"):
        votes.add_dot(store, session.id, [cards[0].id], None)
    with pytest.raises(VoteError, match="Sélectionnez une idée"):
        votes.add_dot(store, session.id, [], t1.id)


def test_deleted_cards_give_their_dots_back(store, session, room) -> None:
    cards, (t1, _) = room
    store.apply(votes.add_dot(store, session.id, [cards[0].id], t1.id))
    store.apply(board.delete([store.get(Card, cards[0].id)]))
    assert votes.remaining(store, session.id, t1.id) == 3
    with pytest.raises(VoteError, match="plus sur le tableau"):
        votes.add_dot(store, session.id, [cards[0].id], t1.id)


def test_budget_setting(store, session, room) -> None:
    _cards, (t1, _) = room
    store.apply(votes.configure(store, session.id, dots_per_voter=5))
    assert votes.remaining(store, session.id, t1.id) == 5
    with pytest.raises(VoteError, match="entre 1 et"):
        votes.configure(store, session.id, dots_per_voter=0)


def test_secret_mode_hides_counts_until_revealed(store, session, room) -> None:
    cards, (t1, _) = room
    store.apply(votes.set_secret(store, session.id, True))
    store.apply(votes.add_dot(store, session.id, [cards[1].id], t1.id))
    assert votes.visible_counts(store, session.id) == {}
    assert votes.totals(store, session.id) == {cards[1].id: 1}  # kept all along
    store.apply(votes.reveal(store, session.id))
    assert votes.visible_counts(store, session.id) == {cards[1].id: 1}
    store.apply(votes.set_secret(store, session.id, True))  # a new secret round
    assert votes.visible_counts(store, session.id) == {}
    store.apply(votes.set_secret(store, session.id, False))
    assert votes.visible_counts(store, session.id) == {cards[1].id: 1}


def test_ranking_top_n_counts_merges_through(store, session, room) -> None:
    cards, (t1, t2) = room
    store.apply(votes.add_dot(store, session.id, [cards[0].id], t1.id))
    store.apply(votes.add_dot(store, session.id, [cards[1].id], t1.id))
    store.apply(votes.add_dot(store, session.id, [cards[1].id], t2.id))
    store.apply(votes.add_dot(store, session.id, [cards[2].id], t2.id))
    ranked = votes.ranking(store, session.id)
    assert [(c.text, n) for c, n in ranked] == [("Vélo", 2), ("Tramway", 1), ("Covoiturage", 1)]
    assert len(votes.ranking(store, session.id, top=1)) == 1
    merge = card_fusion.fuse([cards[0], cards[2]], "Transports partagés")
    store.apply(merge)
    ranked = votes.ranking(store, session.id)
    assert [(c.text, n) for c, n in ranked] == [
        ("Transports partagés", 2),
        ("Vélo", 2),
    ]  # ties: board order
    # dots on merged-away originals are still spent
    assert votes.remaining(store, session.id, t2.id) == 1


def test_voter_summary(store, session, room) -> None:
    cards, (t1, _t2) = room
    store.apply(votes.add_dot(store, session.id, [cards[0].id], t1.id))
    summary = votes.voter_summary(store, session.id)
    assert [(v.label, u, r) for v, u, r in summary] == [("Table 1", 1, 2), ("Table 2", 0, 3)]


def test_empty_change_for_settings_that_do_not_change(store, session) -> None:
    store.apply(votes.configure(store, session.id, top_n=5))
    assert votes.configure(store, session.id, top_n=5) == Change("Réglages du vote")


def test_participants_vote_anonymously_by_default(store, session, room) -> None:
    from fabrique_desktop import tables
    from fabrique_desktop.model import Session

    store.apply(tables.add_participant(session.id, "Zoé Martin"))
    store.apply(tables.add_participant(session.id, "Karim Benali"))
    store.apply(tables.add_participant(session.id, ""))
    assert store.get(Session, session.id).anonymous  # the default
    labels = [v.label for v in votes.voters(store, session.id)]
    assert labels == ["Table 1", "Table 2", "Participant 1", "Participant 2", "Participant 3"]
    assert labels[2:] == tables.public_participant_names(store, store.get(Session, session.id))
    store.apply(tables.set_anonymous(store.get(Session, session.id), False))
    labels = [v.label for v in votes.voters(store, session.id)]
    assert labels == ["Table 1", "Table 2", "Karim Benali", "Zoé Martin", "Participant 3"]


def test_the_dots_count_reads_as_one_says_it(store, session, room) -> None:
    """The undo step said « 3 gommette(s) comptée(s) » (Édition › Annuler, Ctrl+Z's word)."""
    cards, _ = room
    assert votes.set_card_dots(store, session.id, cards[0].id, 3).label == "3 gommettes comptées"
    assert votes.set_card_dots(store, session.id, cards[0].id, 1).label == "1 gommette comptée"
