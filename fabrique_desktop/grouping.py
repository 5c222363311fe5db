"""Moving ideas in and out of groups (clusters) on the board.

A group's cards are shown together in their column, inside a frame under the group's
name. Where a card lands says whether it belongs to a group, as the frame shows it:

- between two cards of a group, it is in that group;
- at a group's edge (just above its first card or just below its last), it is in the
  group if the facilitator dropped it inside the frame, else it is outside;
- Ctrl+Up on the first card of a group takes it out, above the frame; Ctrl+Down on the
  last card takes it out below. The next Ctrl+Up/Down takes a card into the neighbouring
  group, at its edge: each key press moves the card one visible step, and Ctrl+Down then
  Ctrl+Up puts everything back;
- a whole group (all its cards, two or more, or the group chosen by its name band) moves
  as one block, past the next card or past the next group as a whole, and to another
  column with its frame;
- a group whose last card leaves is removed in the same change (undo brings it back).

A column's order as shown (``column_order``) is the cards' positions with each group's
cards gathered where its first card is, as the board draws it. Moves keep a group's cards
next to each other in position order too, so the two orders stay the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import TypeVar

from fabrique_desktop import board, changes
from fabrique_desktop.changes import Change, Edit
from fabrique_desktop.groups import Cluster, clusters, members
from fabrique_desktop.model import Card
from fabrique_desktop.ports import Store

STEP = board.STEP
T = TypeVar("T")


def column_order(
    store: Store, session_id: str, column: str
) -> tuple[list[Card], dict[str, Cluster]]:
    """A column's cards in the order shown, and its groups by id."""
    cards = board.column_cards(store, session_id, column)
    found = {c.id: c for c in clusters(store, session_id, column)}
    return gather(cards, found), found


def group_of(card: Card, groups: dict[str, Cluster]) -> str | None:
    """The group a card is shown in (a live group of its column), or None."""
    cluster = groups.get(card.cluster_id or "")
    return cluster.id if cluster is not None and cluster.column == card.column else None


def gather(cards: Sequence[Card], groups: dict[str, Cluster]) -> list[Card]:
    """Cards in position order, each group's cards together where its first card is."""
    ordered = sorted(cards, key=lambda c: c.position)
    return gather_by(ordered, lambda card: group_of(card, groups))


def gather_by(ordered: Sequence[T], group: Callable[[T], str | None]) -> list[T]:
    """``ordered`` (in position order) with each group's items together where its first
    item is: the order a column is shown in (the board's notes use it too)."""
    by_group: dict[str, list[T]] = {}
    for item in ordered:
        key = group(item)
        if key is not None:
            by_group.setdefault(key, []).append(item)
    if not by_group:
        return list(ordered)
    result: list[T] = []
    placed: set[str] = set()
    for item in ordered:
        key = group(item)
        if key is None:
            result.append(item)
        elif key not in placed:
            placed.add(key)
            result.extend(by_group[key])
    return result


def whole_group(store: Store, cards: Sequence[Card], chosen: bool = False) -> Cluster | None:
    """The group that ``cards`` are, all of it: two cards or more, or one when the group
    itself was ``chosen`` (by its name band). None otherwise."""
    ids = {c.cluster_id for c in cards}
    if len(ids) != 1 or not cards or cards[0].cluster_id is None:
        return None
    cluster = store.get(Cluster, cards[0].cluster_id)
    if cluster is None or cluster.deleted:
        return None
    return whole(cards, cluster, members(store, cluster), chosen)


def whole(
    cards: Sequence[Card], cluster: Cluster, inside: Sequence[Card], chosen: bool = False
) -> Cluster | None:
    """``cluster`` if ``cards`` are all of it (``inside``: its cards), two or more, or one
    when the group itself was ``chosen``; None otherwise. The board's selection asks it
    with the cards it shows."""
    if {c.id for c in inside} != {c.id for c in cards}:
        return None
    return cluster if len(inside) >= 2 or chosen else None


def drop(
    store: Store,
    session_id: str,
    cards: Sequence[Card],
    column: str,
    before: str | None,
    group: str | None = None,
) -> Change:
    """Cards dropped in ``column`` just before the card ``before`` (None: after the last),
    inside the frame of ``group`` or not. The anchor is a card, never a place counted on a
    screen: the order is the store's (``column_order``); an anchor gone since is the end."""
    return place(store, session_id, cards, column, group=group, before=before)


def place(
    store: Store,
    session_id: str,
    cards: Sequence[Card],
    column: str,
    index: int | None = None,
    group: str | None = None,
    chosen: bool = False,
    keep_whole: bool = True,
    before: str | None = None,
) -> Change:
    """Move ``cards`` (in this order) to ``column`` before the card at ``index`` of the
    others in the order shown (the end if None), or before the card ``before`` (``drop``),
    inside ``group`` if the cards land at its edge (a drop inside its frame), else outside
    any group unless they land between two cards of one. A whole group keeps its cards and
    moves with them (``whole_group``)."""
    if not cards:
        return Change("Déplacer l'idée")
    order, groups = column_order(store, session_id, column)
    moving = {c.id for c in cards}
    others = [c for c in order if c.id not in moving]
    if before is not None:
        index = next((i for i, c in enumerate(others) if c.id == before), None)
    index = len(others) if index is None else max(0, min(index, len(others)))
    edits: list[Edit] = []
    whole = whole_group(store, cards, chosen) if keep_whole else None
    if whole is not None:
        group = whole.id
        index = _between_groups(others, groups, index)
        if whole.column != column:
            edits.append(changes.update(whole, column=column))
    else:
        above = group_of(others[index - 1], groups) if index > 0 else None
        below = group_of(others[index], groups) if index < len(others) else None
        if above is not None and above == below:
            group = above  # between two cards of a group: in it
        elif group is None or group not in (above, below):
            group = None  # a group is joined at its edge only
    shown = [*others[:index], *cards, *others[index:]]
    positions = _positions(shown, moving)
    for card in shown:
        fields: dict[str, object] = {}
        if card.id in positions:
            fields["position"] = positions[card.id]
        if card.id in moving:
            fields.update(column=column, cluster_id=group)
        if fields:
            edit = changes.update(card, **fields)
            if edit.after:
                edits.append(edit)
    edits += _emptied(store, cards, group)
    label = "Déplacer l'idée" if len(cards) == 1 else f"Déplacer {len(cards)} idées"
    return Change(label, tuple(edits))


def reorder(
    store: Store, session_id: str, cards: Sequence[Card], delta: int, chosen: bool = False
) -> Change:
    """Ctrl+Up (``delta`` < 0) or Ctrl+Down: the cards (one column) one step up or down as
    shown, into or out of a group at its edge; a whole group past its neighbour."""
    nothing = Change("Déplacer l'idée")
    if not cards or not delta:
        return nothing
    column = cards[0].column
    order, groups = column_order(store, session_id, column)
    wanted = {c.id for c in cards if c.column == column}
    chosen_cards = [c for c in order if c.id in wanted]
    if not chosen_cards:
        return nothing
    others = [c for c in order if c.id not in wanted]
    first = next(i for i, c in enumerate(order) if c.id in wanted)
    before = sum(1 for c in order[:first] if c.id not in wanted)
    up = delta < 0
    neighbour = (others[before - 1] if before > 0 else None) if up else None
    if not up:
        neighbour = others[before] if before < len(others) else None
    beside = group_of(neighbour, groups) if neighbour is not None else None
    whole = whole_group(store, chosen_cards, chosen)
    if whole is not None:
        if neighbour is None:
            return nothing
        if beside is None:
            target = before - 1 if up else before + 1
        else:  # past the whole neighbouring group
            places = [i for i, c in enumerate(others) if group_of(c, groups) == beside]
            target = places[0] if up else places[-1] + 1
        return place(store, session_id, chosen_cards, column, target, whole.id, chosen)
    mine = {group_of(c, groups) for c in chosen_cards}
    current = mine.pop() if len(mine) == 1 else None
    if current is not None and beside != current:  # at the group's edge: out of it
        return place(store, session_id, chosen_cards, column, before, None)
    if current is None and beside is not None:  # into the neighbouring group, at its edge
        return place(store, session_id, chosen_cards, column, before, beside)
    if neighbour is None:
        return nothing
    target = before - 1 if up else before + 1
    return place(store, session_id, chosen_cards, column, target, current)


def take_out(store: Store, session_id: str, cards: Sequence[Card]) -> Change:
    """« Sortir du groupe »: the cards leave their group, just below its frame."""
    inside = [c for c in cards if c.cluster_id]
    if not inside:
        return Change("Sortir du groupe")
    column = inside[0].column
    order, groups = column_order(store, session_id, column)
    leaving = [c for c in order if c.id in {x.id for x in inside}]
    group = group_of(leaving[0], groups) if leaving else None
    leaving = [c for c in leaving if group_of(c, groups) == group]
    if group is None:  # a stale group id: clear it where the cards are
        edits = [changes.update(c, cluster_id=None) for c in inside]
        return Change("Sortir du groupe", tuple(e for e in edits if e.after))
    ids = {c.id for c in leaving}
    others = [c for c in order if c.id not in ids]
    rest = [i for i, c in enumerate(others) if group_of(c, groups) == group]
    first = next(i for i, c in enumerate(order) if c.id in ids)
    index = rest[-1] + 1 if rest else sum(1 for c in order[:first] if c.id not in ids)
    change = place(store, session_id, leaving, column, index, None, keep_whole=False)
    return Change("Sortir du groupe", change.edits)


def send(store: Store, session_id: str, cards: Sequence[Card], column: str) -> Change:
    """Keys 0–4: cards to the end of another column, out of their groups (a whole group
    goes with its frame)."""
    moving = [c for c in cards if c.column != column]
    if not moving:
        return Change("Déplacer l'idée")
    if whole_group(store, moving) is None and not any(c.cluster_id for c in moving):
        return board.send(store, session_id, moving, column)
    return place(store, session_id, moving, column, None, None)


def _between_groups(others: list[Card], groups: dict[str, Cluster], index: int) -> int:
    """``index``, or the end of the group it falls in (a group does not go inside another)."""
    while 0 < index < len(others):
        above = group_of(others[index - 1], groups)
        if above is None or above != group_of(others[index], groups):
            break
        index += 1
    return index


def _positions(shown: list[Card], moving: set[str]) -> dict[str, float]:
    """New positions: the moving cards (one block in ``shown``) between their neighbours;
    every card numbered afresh if the others are not in position order (older data)."""
    start = next(i for i, c in enumerate(shown) if c.id in moving)
    end = start + len(moving)
    others = [c for c in shown if c.id not in moving]
    if all(a.position < b.position for a, b in pairwise(others)):
        above = shown[start - 1] if start > 0 else None
        below = shown[end] if end < len(shown) else None
        if above is None and below is None:
            low, high = 0.0, STEP * (len(moving) + 1)
        elif above is None:
            assert below is not None
            low, high = below.position - STEP, below.position
        elif below is None:
            low, high = above.position, above.position + STEP * (len(moving) + 1)
        else:
            low, high = above.position, below.position
        step = (high - low) / (len(moving) + 1)
        if step > 1e-6:
            return {c.id: low + step * (i + 1) for i, c in enumerate(shown[start:end])}
    return {c.id: STEP * (i + 1) for i, c in enumerate(shown)}


def _emptied(store: Store, cards: Sequence[Card], group: str | None) -> list[Edit]:
    """The groups the cards leave that are left without a card: removed."""
    moving = {c.id for c in cards}
    edits = []
    for cluster_id in sorted({c.cluster_id for c in cards if c.cluster_id} - {group}):
        cluster = store.get(Cluster, cluster_id)
        if cluster is None or cluster.deleted:
            continue
        if all(m.id in moving for m in members(store, cluster)):
            edits.append(changes.delete(cluster))
    return edits
