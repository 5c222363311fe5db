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


def _three(store, session):
    for text in "abc":
        store.apply(board.capture(store, session.id, text))
    return board.column_cards(store, session.id, "inbox")


def test_capture_with_markers_creates_the_table_once(store, session) -> None:
    from fabrique_desktop.capture import parse
    from fabrique_desktop.model import Table

    first = board.capture_parsed(store, session.id, parse("Idée =3 !2040"))
    store.apply(first)
    store.apply(board.capture_parsed(store, session.id, parse("Autre =3")))
    (table,) = store.find(Table, session_id=session.id)
    assert table.number == 3
    cards = board.column_cards(store, session.id, "inbox")
    assert [c.table_id for c in cards] == [table.id, table.id]
    assert cards[0].horizon == "2040"
    store.apply(first.inverse())
    assert store.find(Table, session_id=session.id) == []


def test_reorder_up_and_down(store, session) -> None:
    a, b, c = _three(store, session)
    store.apply(board.reorder(store, session.id, [c], -1))
    assert [x.text for x in board.column_cards(store, session.id, "inbox")] == ["a", "c", "b"]
    a, c, b = board.column_cards(store, session.id, "inbox")
    store.apply(board.reorder(store, session.id, [a, c], +1))
    assert [x.text for x in board.column_cards(store, session.id, "inbox")] == ["b", "a", "c"]
    b, a, c = board.column_cards(store, session.id, "inbox")
    assert not board.reorder(store, session.id, [b], -1)


def test_send_and_set_fields_and_toggle(store, session) -> None:
    a, b, _c = _three(store, session)
    store.apply(board.send(store, session.id, [a, b], "art"))
    assert [x.text for x in board.column_cards(store, session.id, "art")] == ["a", "b"]
    a, b = board.column_cards(store, session.id, "art")
    store.apply(board.set_fields([a, b], "Horizon", horizon="2024"))
    a, b = board.column_cards(store, session.id, "art")
    store.apply(board.toggle_list_item([a, b], "value_keys", "solidarite", "Valeur"))
    a, b = board.column_cards(store, session.id, "art")
    assert (a.horizon, a.value_keys) == ("2024", ["solidarite"])
    change = board.toggle_list_item([a, b], "value_keys", "solidarite", "Valeur")
    store.apply(change)
    assert board.column_cards(store, session.id, "art")[0].value_keys == []


def test_edit_parsed_replaces_attributes(store, session) -> None:
    from fabrique_desktop.capture import parse

    (a, *_rest) = _three(store, session)
    store.apply(board.edit_parsed(store, a, parse("nouveau texte #Tag !2024")))
    card = store.get(Card, a.id)
    assert (card.text, card.tags, card.horizon) == ("nouveau texte", ["#Tag"], "2024")
    assert not board.edit_parsed(store, card, parse("nouveau texte #Tag !2024"))
