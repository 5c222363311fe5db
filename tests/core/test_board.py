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


class _CountingRows:
    """A store's connection that counts the rows its statements hand to Python."""

    def __init__(self, conn) -> None:  # type: ignore[no-untyped-def]
        self.conn = conn
        self.rows = 0

    def execute(self, sql, params=()):  # type: ignore[no-untyped-def]
        return _CountedCursor(self.conn.execute(sql, params), self)

    def __getattr__(self, name):  # type: ignore[no-untyped-def]
        return getattr(self.conn, name)


class _CountedCursor:
    def __init__(self, cursor, counter) -> None:  # type: ignore[no-untyped-def]
        self.cursor, self.counter = cursor, counter

    def fetchall(self):  # type: ignore[no-untyped-def]
        rows = self.cursor.fetchall()
        self.counter.rows += len(rows)
        return rows

    def fetchone(self):  # type: ignore[no-untyped-def]
        self.counter.rows += 1
        return self.cursor.fetchone()

    def __getattr__(self, name):  # type: ignore[no-untyped-def]
        return getattr(self.cursor, name)

    def __setattr__(self, name, value):  # type: ignore[no-untyped-def]
        if name in ("cursor", "counter"):
            object.__setattr__(self, name, value)
        else:
            setattr(self.cursor, name, value)


def test_opening_a_large_board_reads_only_its_first_cards_and_counts_the_rest(
    store, session
) -> None:
    """A 2000-idea board opens with the first cards of each column read and the others
    counted by SQLite: Python saw 2000 rows of ids and places before the first frame (~20 M
    instructions). The counts, the columns' ends and the fusions are those of the whole."""
    from tests.bench.test_board_perf import CARDS, fill

    fill(store, session.id)
    every = board.session_cards(store, session.id)
    fused_into, *originals = [c for c in every if c.column == "mieux"][:3]
    # two originals fused into the column's first card
    store.apply(board.set_fields(originals, "Fusionner", merged_into=fused_into.id))
    live = [c for c in every if c.id not in {o.id for o in originals}]
    counting = _CountingRows(store.conn)
    store.conn = counting
    opening = board.open_board(store, session.id, per_column=25, whole_below=300)
    store.conn = counting.conn
    columns = ["inbox", "mieux", "monde", "ensemble", "art"]
    assert counting.rows <= 25 * len(columns) + len(columns) + len(originals)  # 2125 before
    expected = {k: [c.id for c in live if c.column == k] for k in columns}
    first = {i for key in columns for i in expected[key][:25]}
    assert [c.id for c in opening.cards] == [c.id for c in live if c.id in first]  # in order
    for key in columns:
        read = [c.id for c in opening.cards if c.column == key]
        assert read == expected[key][:25]
        assert opening.later[key] == len(expected[key]) - 25
        assert opening.ends[key] == max(c.position for c in live if c.column == key)
    assert sum(opening.later.values()) + len(opening.cards) == CARDS - len(originals)
    assert opening.fusions == {fused_into.id: {o.id for o in originals}}


def test_a_large_boards_counts_and_fusions_are_read_from_the_index_alone(store, session) -> None:
    """The column counts and the search for fused cards of a board's opening walk the index
    of its cards: each of 2000 cards was looked up in the table twice before the first frame
    (~5 M instructions of a 2000-idea atelier's opening). Only a fused card is read from the
    table."""
    from tests.bench.test_board_perf import fill

    fill(store, session.id)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    board.open_board(store, session.id, per_column=25, whole_below=300)
    store.conn.set_trace_callback(None)
    counts = [s for s in statements if "count(" in s]
    fusions = [s for s in statements if "is not null" in s]
    assert len(counts) == len(fusions) == 1, statements

    def plan(statement: str) -> str:
        return " ".join(row[-1] for row in store.conn.execute("explain query plan " + statement))

    assert "COVERING INDEX" in plan(counts[0]), plan(counts[0])
    index = plan(fusions[0]).split("USING INDEX ")[1].split()[0]
    held = {row[2] for row in store.conn.execute(f"pragma index_info([{index}])")}
    assert {"session_id", "merged_into", "deleted_at"} <= held, (index, held)
