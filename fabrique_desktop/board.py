"""Use-cases of the idea board that build ``Change`` values: capture, move, edit, delete.

Cards are ordered within a column by a float ``position``; a card dropped between two
others takes the midpoint, so a move rewrites one row, not the column.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from fabrique_desktop import changes
from fabrique_desktop.capture import Parsed
from fabrique_desktop.changes import Change, Edit
from fabrique_desktop.model import INBOX, Card, Table
from fabrique_desktop.ports import FILLED, Store
from fabrique_desktop.quick_dataclass import quick_dataclass

STEP = 1024.0


def session_cards(store: Store, session_id: str) -> list[Card]:
    """Live cards of a session, in board order (column, then position)."""
    return [c for c in store.find(Card, session_id=session_id) if c.merged_into is None]


@quick_dataclass(frozen=True)
class BoardOpening:
    """A session's board as its first frame needs it. On a large board only the first
    cards of each column are read (``cards``); the others are only counted (``later``:
    how many in each column), to be read once the window is on screen."""

    cards: list[Card]
    later: dict[str, int]  # a column → how many of its cards are not read yet
    fusions: dict[str, set[str]]  # each fused card's originals
    ends: dict[str, float]  # each column's last position


def open_board(store: Store, session_id: str, per_column: int, whole_below: int) -> BoardOpening:
    """The board's cards, the first ``per_column`` of each column, unless the board has no
    more than ``whole_below`` cards (then all of them). The columns are counted by SQLite:
    reading even the ids and places of a 2000-idea atelier's cards cost ~20 M instructions
    before its window could show (decoding them whole, ~200 M)."""
    counted = store.count_by(Card, "column", "position", session_id=session_id, merged_into=None)
    fusions: dict[str, set[str]] = {}
    fused = store.find_fields(
        Card, ("id", "merged_into"), session_id=session_id, merged_into=FILLED
    )
    for card_id, merged_into in fused:
        fusions.setdefault(merged_into, set()).add(card_id)
    ends = {column: last for column, (_count, last) in counted.items()}
    if sum(count for count, _last in counted.values()) <= whole_below:
        live = store.find(Card, session_id=session_id, merged_into=None)
        return BoardOpening(live, {}, fusions, ends)
    cards = store.first_of_each(
        Card, "column", counted, per_column, session_id=session_id, merged_into=None
    )
    later = {column: count for column, (count, _last) in counted.items()}
    for card in cards:
        later[card.column] -= 1
    return BoardOpening(cards, {k: n for k, n in later.items() if n > 0}, fusions, ends)


def column_cards(store: Store, session_id: str, column: str) -> list[Card]:
    return [
        c for c in store.find(Card, session_id=session_id, column=column) if c.merged_into is None
    ]


class ColumnEnds:
    """Where a new card goes: after the last card of its column, computed here for every
    road in (the capture field, the command line, a phone). A column's end is read once,
    or known from the board as opened, then followed from the cards that changes touched."""

    def __init__(self, store: Store, session_id: str) -> None:
        self._store = store
        self._session_id = session_id
        self._last: dict[str, float] = {}

    def know(self, cards: Iterable[Card]) -> None:
        """Every live card of the session (the board as opened): the columns' ends."""
        last: dict[str, float] = {}
        for card in cards:
            if self._on_board(card):
                last[card.column] = max(last.get(card.column, card.position), card.position)
        self._last.update(last)

    def know_last(self, ends: Mapping[str, float]) -> None:
        """Each column's last position, as the board was opened (``BoardOpening.ends``)."""
        self._last.update(ends)

    def follow(self, cards: Iterable[Card]) -> None:
        """Cards a change touched, as written: a column's end moves past any of them."""
        for card in cards:
            last = self._last.get(card.column)
            if last is not None and self._on_board(card) and card.position > last:
                self._last[card.column] = card.position

    def next_position(self, column: str) -> float:
        """The position of a card added at the end of ``column`` now. It is taken: a card
        added before this one is announced goes after it."""
        last = self._last.get(column)
        if last is None:
            existing = column_cards(self._store, self._session_id, column)
            last = existing[-1].position if existing else 0.0
        self._last[column] = last + STEP
        return last + STEP

    def _on_board(self, card: Card) -> bool:
        return card.session_id == self._session_id and not card.deleted and not card.merged_into


def capture(
    store: Store,
    session_id: str,
    text: str,
    column: str = INBOX,
    ends: ColumnEnds | None = None,
    **fields: object,
) -> Change:
    """A new card at the end of ``column`` (``ends``: the window's, which knows where the
    columns end; else the column is read). Empty text captures nothing."""
    text = text.strip()
    if not text:
        return Change("Ajouter une idée")
    position = (ends or ColumnEnds(store, session_id)).next_position(column)
    card = Card(session_id=session_id, text=text, column=column, position=position, **fields)  # type: ignore[arg-type]
    return Change("Ajouter une idée", (changes.create(card),))


def position_at(cards: Sequence[Card], index: int) -> float:
    """The position of a card inserted at ``index`` among ``cards`` (already sorted)."""
    if not cards:
        return STEP
    if index <= 0:
        return cards[0].position - STEP
    if index >= len(cards):
        return cards[-1].position + STEP
    return (cards[index - 1].position + cards[index].position) / 2


def move(
    store: Store, session_id: str, cards: Sequence[Card], column: str, index: int | None = None
) -> Change:
    """Move cards, in the given order, to ``column`` before the card at ``index`` (end if None)."""
    moving = {c.id for c in cards}
    target = [c for c in column_cards(store, session_id, column) if c.id not in moving]
    index = len(target) if index is None else max(0, min(index, len(target)))
    low = (
        target[index - 1].position if index > 0 else (target[0].position - STEP if target else 0.0)
    )
    high = target[index].position if index < len(target) else low + STEP * (len(cards) + 1)
    step = (high - low) / (len(cards) + 1)
    edits = []
    for i, card in enumerate(cards, start=1):
        edit = changes.update(card, column=column, position=low + step * i)
        if edit.after:
            edits.append(edit)
    label = "Déplacer l'idée" if len(cards) == 1 else f"Déplacer {len(cards)} idées"
    return Change(label, tuple(edits))


def edit(card: Card, **fields: object) -> Change:
    edit_ = changes.update(card, **fields)
    return Change("Modifier l'idée", (edit_,) if edit_.after else ())


def delete(cards: Sequence[Card]) -> Change:
    label = "Supprimer l'idée" if len(cards) == 1 else f"Supprimer {len(cards)} idées"
    return Change(label, tuple(changes.delete(c) for c in cards))


def session_tables(store: Store, session_id: str) -> list[Table]:
    return sorted(store.find(Table, session_id=session_id), key=lambda t: t.number)


def session_tags(cards: Sequence[Card]) -> list[str]:
    """Every tag used on the board, most used first."""
    counts: dict[str, int] = {}
    for card in cards:
        for tag in card.tags:
            counts[tag] = counts.get(tag, 0) + 1
    return rank_tags(counts)


def rank_tags(counts: Mapping[str, int]) -> list[str]:
    """Tags most used first, then in alphabetical order (capture completion, filters)."""
    return sorted(counts, key=lambda t: (-counts[t], t))


def table_edits(store: Store, session_id: str, number: int | None) -> tuple[str | None, list[Edit]]:
    """The id of table ``number`` of the session, and the edit creating it if it is missing."""
    if not number:
        return None, []
    for table in store.find(Table, session_id=session_id, number=number):
        return table.id, []
    from fabrique_desktop.tables import new_table  # the same id on every laptop

    table = new_table(session_id, number)
    return table.id, [changes.create(table)]


def capture_parsed(
    store: Store,
    session_id: str,
    parsed: Parsed,
    column: str = INBOX,
    ends: ColumnEnds | None = None,
) -> Change:
    """A card from a typed line with its markers (see ``fabrique_desktop.capture``)."""
    table_id, edits = table_edits(store, session_id, parsed.table_number)
    target = parsed.column or column
    change = capture(
        store,
        session_id,
        parsed.text,
        target,
        ends,
        persona_id=parsed.persona_id,
        table_id=table_id,
        horizon=parsed.horizon,
        tags=list(parsed.tags),
        card_kind=parsed.card_kind,
    )
    if not change:
        return change
    return Change(change.label, (*edits, *change.edits))


def edit_parsed(store: Store, card: Card, parsed: Parsed, keep_column: bool = True) -> Change:
    """Set a card's text and attributes from a line of text with markers (editing in place).

    Markers replace the card's attributes: a line without ``@`` clears the persona, etc.
    """
    if not parsed.text:
        return Change("Modifier l'idée")
    table_id, edits = table_edits(store, card.session_id, parsed.table_number)
    fields: dict[str, object] = {
        "text": parsed.text,
        "persona_id": parsed.persona_id,
        "table_id": table_id,
        "horizon": parsed.horizon,
        "tags": list(parsed.tags),
        "card_kind": parsed.card_kind,
    }
    if parsed.column and not keep_column and parsed.column != card.column:
        siblings = column_cards(store, card.session_id, parsed.column)
        fields["column"] = parsed.column
        fields["position"] = (siblings[-1].position + STEP) if siblings else STEP
    update = changes.update(card, **fields)
    if not update.after:
        return Change("Modifier l'idée")
    return Change("Modifier l'idée", (*edits, update))


def set_fields(cards: Sequence[Card], label: str, **fields: object) -> Change:
    """The same attributes on several cards at once (horizon, persona, colour…)."""
    edits = [changes.update(c, **fields) for c in cards]
    return Change(label, tuple(e for e in edits if e.after))


def toggle_list_item(cards: Sequence[Card], name: str, item: str, label: str) -> Change:
    """Add ``item`` to a list field (tags, value_keys) of every card, or remove it from all
    of them when they all have it already."""
    everywhere = all(item in getattr(c, name) for c in cards)
    edits = []
    for card in cards:
        current = list(getattr(card, name))
        after = [x for x in current if x != item] if everywhere else [*current, item]
        if after != current:
            edits.append(changes.update(card, **{name: after}))
    return Change(label, tuple(edits))


def send(store: Store, session_id: str, cards: Sequence[Card], column: str) -> Change:
    """Send cards to the end of a column (keys 0–4); cards already there stay put."""
    moving = [c for c in cards if c.column != column]
    if not moving:
        return Change("Déplacer l'idée")
    return move(store, session_id, moving, column)


def reorder(store: Store, session_id: str, cards: Sequence[Card], delta: int) -> Change:
    """Move cards of one column up (``delta`` < 0) or down by one place, keeping their order."""
    if not cards:
        return Change("Déplacer l'idée")
    column = cards[0].column
    siblings = column_cards(store, session_id, column)
    ids = [c.id for c in siblings]
    chosen = sorted((c for c in cards if c.column == column), key=lambda c: ids.index(c.id))
    if not chosen:
        return Change("Déplacer l'idée")
    others = [c for c in siblings if c.id not in {c.id for c in chosen}]
    first = ids.index(chosen[0].id)
    # index among the others before which the block lands
    before = sum(1 for c in siblings[:first] if c.id not in {x.id for x in chosen})
    target = max(0, min(len(others), before + delta))
    if target == before:
        return Change("Déplacer l'idée")
    return move(store, session_id, chosen, column, target)
