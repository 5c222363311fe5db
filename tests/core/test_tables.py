"""Tables, participants, the deal of personas, anonymous mode and idea counts."""

from collections import Counter

import pytest

from fabrique_desktop import board, personas, tables
from fabrique_desktop.model import Card, Participant, Table
from fabrique_desktop.tables import TableError


def _tables(store, session, n):
    store.apply(tables.add_tables(store, session.id, n))
    return tables.session_tables(store, session.id)


def test_tables_are_numbered_in_order(store, session) -> None:
    made = _tables(store, session, 3)
    store.apply(tables.add_tables(store, session.id, 1))
    assert [t.number for t in tables.session_tables(store, session.id)] == [1, 2, 3, 4]
    store.apply(tables.rename_table(made[0], " Les Calanques "))
    assert tables.table_label(store.get(Table, made[0].id)) == "Table 1 — Les Calanques"


@pytest.mark.parametrize("n_tables", [1, 3, 4, 5, 8, 11, 16])
def test_deal_gives_every_table_a_persona_balanced(store, demo, session, n_tables) -> None:
    deck = personas.deck(store, demo.id)
    table_list = _tables(store, session, n_tables)
    store.apply(tables.deal(table_list, deck, seed=7))
    hands = [t.persona_ids for t in tables.session_tables(store, session.id)]
    assert all(hands), "every table plays at least one persona"
    assert max(map(len, hands)) - min(map(len, hands)) <= 1
    assert all(len(set(h)) == len(h) for h in hands)
    uses = Counter(p for h in hands for p in h)
    assert set(uses) <= {p.id for p in deck}
    if n_tables <= len(deck):
        assert set(uses) == {p.id for p in deck}, "every persona is dealt"
    assert max(uses.values()) - min(uses.values()) <= 1


def test_deal_is_deterministic_with_a_seed(store, demo, session) -> None:
    deck = personas.deck(store, demo.id)
    table_list = _tables(store, session, 3)
    first = tables.deal(table_list, deck, seed=42)
    assert first == tables.deal(table_list, deck, seed=42)
    others = {repr(tables.deal(table_list, deck, seed=s).edits) for s in range(10)}
    assert len(others) > 1


def test_deal_refusals_and_manual_assignment(store, demo, session) -> None:
    deck = personas.deck(store, demo.id)
    with pytest.raises(TableError, match="Aucune table"):
        tables.deal([], deck)
    table = _tables(store, session, 1)[0]
    with pytest.raises(TableError, match="Aucun persona"):
        tables.deal([table], [])
    store.apply(tables.assign(table, [deck[2].id, deck[0].id, deck[2].id]))
    assert store.get(Table, table.id).persona_ids == [deck[2].id, deck[0].id]


def test_idea_counts_per_persona_and_table(store, demo, session) -> None:
    deck = personas.deck(store, demo.id)
    t1, t2 = _tables(store, session, 2)
    store.apply(tables.assign(t1, [deck[0].id, deck[1].id]))
    store.apply(board.capture(store, session.id, "direct", persona_id=deck[2].id, table_id=t2.id))
    store.apply(board.capture(store, session.id, "par la table", table_id=t1.id))
    store.apply(board.capture(store, session.id, "anonyme"))
    counts = tables.idea_counts(store, session.id)
    assert counts.total == 3
    assert counts.by_table == {t1.id: 1, t2.id: 1}
    assert counts.by_persona == {deck[2].id: 1, deck[0].id: 1, deck[1].id: 1}
    assert counts.direct_by_persona == {deck[2].id: 1}
    assert (counts.without_persona, counts.without_table) == (1, 1)
    assert [c.text for c in tables.cards_of(store, session.id, persona_id=deck[0].id)] == [
        "par la table"
    ]
    assert [c.text for c in tables.cards_of(store, session.id, table_id=t2.id)] == ["direct"]
    merged = store.find(Card, session_id=session.id)[0]
    store.apply(board.edit(merged, merged_into=store.find(Card, session_id=session.id)[1].id))
    assert tables.idea_counts(store, session.id).total == 2


def test_anonymous_mode_hides_names_and_erase_forgets_them(store, session) -> None:
    assert session.anonymous
    store.apply(tables.add_participant(session.id, "Zoé Ngô"))
    store.apply(tables.add_participant(session.id, ""))
    assert tables.public_participant_names(store, session) == ["Participant 1", "Participant 2"]
    store.apply(tables.set_anonymous(session, False))
    named = store.get(type(session), session.id)
    assert tables.public_participant_names(store, named) == ["Zoé Ngô", "Participant 2"]
    zoe = tables.participants(store, session.id)[0]
    change = tables.erase_participant(zoe)
    store.apply(change)
    assert [p.name for p in tables.participants(store, session.id)] == [""]
    stored = store.get(Participant, zoe.id)
    assert stored.deleted
    assert stored.name == ""
    store.apply(change.inverse())  # even an undo does not bring the name back
    assert store.get(Participant, zoe.id).name == ""
    rows = store.query("select name from participants")
    assert all("Zoé" not in (r["name"] or "") for r in rows)


def test_removing_a_table_unseats_its_participants(store, session) -> None:
    table = _tables(store, session, 1)[0]
    store.apply(tables.add_participant(session.id, "", table_id=table.id))
    store.apply(tables.remove_table(store, table))
    assert tables.session_tables(store, session.id) == []
    assert tables.participants(store, session.id)[0].table_id is None


def test_tables_made_by_capture_markers_are_labelled_once(store, session) -> None:
    made = Table(session_id=session.id, number=3, name="Table 3")
    assert tables.table_label(made) == "Table 3"


def test_bundles_carry_names_between_own_laptops_but_never_an_erased_one(store, session) -> None:
    """Decision: a session bundle is the facilitator's own sync file, lossless, so participant
    names travel in it even in anonymous mode; an erased participant travels without a name."""
    from fabrique_desktop import bundle

    store.apply(tables.add_participant(session.id, "Zoé Ngô"))
    store.apply(tables.add_participant(session.id, "Zéphyrine Erased"))
    lou = tables.participants(store, session.id)[1]
    store.apply(tables.erase_participant(lou))
    text = bundle.to_json(bundle.collect(store, session))
    assert "Zoé Ngô" in text
    assert "Zéphyrine" not in text
