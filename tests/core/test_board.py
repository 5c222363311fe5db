from fabrique_desktop import board
from fabrique_desktop.model import Card


def test_capture_appends_to_the_inbox(store, session) -> None:
    for text in ("Première idée", "Deuxième — avec « guillemets » et œuvre"):
        store.apply(board.capture(store, session.id, text))
    cards = board.column_cards(store, session.id, "inbox")
    assert [c.text for c in cards] == ["Première idée", "Deuxième — avec « guillemets » et œuvre"]


def test_empty_capture_changes_nothing(store, session) -> None:
    change = board.capture(store, session.id, "   ")
    assert not change
    store.apply(change)
    assert store.count(Card, session_id=session.id) == 0


def test_move_and_undo(store, session) -> None:
    for text in "abc":
        store.apply(board.capture(store, session.id, text))
    a, b, c = board.column_cards(store, session.id, "inbox")
    change = board.move(store, session.id, [c], "inbox", 0)
    store.apply(change)
    assert [x.text for x in board.column_cards(store, session.id, "inbox")] == ["c", "a", "b"]
    store.apply(board.move(store, session.id, [a, b], "mieux"))
    assert [x.text for x in board.column_cards(store, session.id, "mieux")] == ["a", "b"]
    store.apply(change.inverse())
    assert [x.text for x in board.column_cards(store, session.id, "inbox")] == ["c"]
    assert store.get(Card, c.id).position == c.position


def test_undo_of_capture_is_a_tombstone_and_redo_restores(store, session) -> None:
    change = board.capture(store, session.id, "Idée")
    store.apply(change)
    (card_id,) = change.touched(Card.kind)
    store.apply(change.inverse())
    assert store.count(Card, session_id=session.id) == 0
    assert store.get(Card, card_id).deleted
    store.apply(change)
    assert store.get(Card, card_id).text == "Idée"
    assert not store.get(Card, card_id).deleted
