"""Two changes as one undo step: ``changes.combine``."""

from fabrique_desktop import changes
from fabrique_desktop.changes import Change, Edit, combine
from fabrique_desktop.model import Card


def test_updates_of_one_card_fold_into_one_edit(store, session) -> None:
    card = Card(session_id=session.id, text="Tram", column="inbox", position=1.0)
    store.apply(Change("add", (changes.create(card),)))
    first = Change("Déplacer", (changes.update(card, column="mieux", position=5.0),))
    moved = store.get(Card, card.id)
    second = Change("Déplacer", (changes.update(moved, position=2.0, horizon="2040"),))
    both = combine(first, second)
    assert both.label == "Déplacer"
    (edit,) = both.edits
    assert edit.before == {"column": "inbox", "position": 1.0, "horizon": ""}
    assert edit.after == {"column": "mieux", "position": 2.0, "horizon": "2040"}
    store.apply(both)
    store.apply(both.inverse())
    again = store.get(Card, card.id)
    assert (again.column, again.position, again.horizon) == ("inbox", 1.0, "")


def test_fields_back_where_they_were_are_dropped() -> None:
    there = Change("a", (Edit("cards", "x", {"column": "inbox"}, {"column": "mieux"}),))
    back = Change("b", (Edit("cards", "x", {"column": "mieux"}, {"column": "inbox"}),))
    assert not combine(there, back)
    assert combine(there, back, "c") == Change("c")


def test_creations_and_deletions_are_kept_in_order() -> None:
    create = Edit("cards", "x", None, {"id": "x", "column": "inbox"})
    move = Edit("cards", "x", {"column": "inbox"}, {"column": "mieux"})
    delete = Edit("cards", "x", {"id": "x", "column": "mieux"}, None)
    both = combine(Change("a", (create,)), Change("b", (move, delete)))
    assert both.edits == (create, move, delete)
    assert both.inverse().edits == (delete.inverse(), move.inverse(), create.inverse())
