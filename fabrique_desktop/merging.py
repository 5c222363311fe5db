"""Merging duplicate ideas, and grouping ideas into named clusters within a column.

A merge creates a new card with the chosen (or edited) text; the originals get
``merged_into`` = the new card's id and stay in the database as its history. Their
personas, tables, tags and votes are kept: tags and values are united on the new card,
and the votes stay on the originals, counted through by ``votes.totals``. Unmerging
removes the merged card and puts the originals back, exactly as they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from fabrique_desktop import board, changes
from fabrique_desktop.changes import Change, Edit
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Card, Entity, Vote, register
from fabrique_desktop.ports import Store


class MergeError(FabriqueError):
    """Cards that cannot be merged or grouped."""


@register
@dataclass(kw_only=True)
class Cluster(Entity):
    """A named group of cards within one column."""

    kind: ClassVar[str] = "clusters"

    session_id: str = ""
    column: str = ""
    name: str = ""
    position: float = 0.0


def _union(lists: Sequence[Sequence[str]]) -> list[str]:
    seen: dict[str, None] = {}
    for items in lists:
        for item in items:
            seen.setdefault(item, None)
    return list(seen)


def _first(values: Sequence[str | None]) -> str | None:
    return next((v for v in values if v), None)


def merge(cards: Sequence[Card], text: str) -> Change:
    """Merge ``cards`` (two or more, live) into a new card carrying ``text``."""
    if len(cards) < 2:
        raise MergeError("Sélectionnez au moins deux idées à fusionner.")
    if any(c.deleted or c.merged_into for c in cards):
        raise MergeError("Une des idées sélectionnées n'est plus sur le tableau.")
    if len({c.session_id for c in cards}) != 1:
        raise MergeError("On ne peut fusionner que des idées du même atelier.")
    text = text.strip()
    if not text:
        raise MergeError("Le texte de l'idée fusionnée ne peut pas être vide.")
    first = cards[0]
    merged = Card(
        session_id=first.session_id,
        text=text,
        column=first.column,
        position=first.position,
        persona_id=_first([c.persona_id for c in cards]),
        table_id=_first([c.table_id for c in cards]),
        horizon=_first([c.horizon for c in cards]) or "",
        tags=_union([c.tags for c in cards]),
        colour=first.colour,
        value_keys=_union([c.value_keys for c in cards]),
        cluster_id=first.cluster_id,
    )
    edits = [changes.create(merged)]
    edits += [changes.update(c, merged_into=merged.id) for c in cards]
    return Change(f"Fusionner {len(cards)} idées", tuple(edits))


def sources(store: Store, card: Card) -> list[Card]:
    """The cards merged directly into ``card``, in board order."""
    found = store.find(Card, session_id=card.session_id, merged_into=card.id)
    return sorted(found, key=lambda c: (c.column, c.position, c.created_at))


def history(store: Store, card: Card) -> list[Card]:
    """Every original behind ``card``, through nested merges (depth first)."""
    result: list[Card] = []
    seen = {card.id}
    stack = list(reversed(sources(store, card)))
    while stack:
        item = stack.pop()
        if item.id in seen:
            continue
        seen.add(item.id)
        result.append(item)
        stack.extend(reversed(sources(store, item)))
    return result


def personas(store: Store, card: Card) -> list[str]:
    """Persona ids of a card and of all the originals merged into it."""
    return _union([[c.persona_id] if c.persona_id else [] for c in [card, *history(store, card)]])


def unmerge(store: Store, card: Card) -> Change:
    """Put the originals back on the board and remove the merged card.

    Dots put on the merged card itself after the merge move to its first original, so
    that no vote is lost.
    """
    originals = sources(store, card)
    if not originals:
        raise MergeError("Cette idée n'est pas issue d'une fusion.")
    edits: list[Edit] = [changes.update(c, merged_into=None) for c in originals]
    for vote in store.find(Vote, session_id=card.session_id, card_id=card.id):
        edits.append(changes.update(vote, card_id=originals[0].id))
    edits.append(changes.delete(card))
    return Change("Défaire la fusion", tuple(edits))


def clusters(store: Store, session_id: str, column: str | None = None) -> list[Cluster]:
    where: dict[str, Any] = {"session_id": session_id}
    if column is not None:
        where["column"] = column
    return store.find(Cluster, **where)


def members(store: Store, cluster: Cluster) -> list[Card]:
    found = store.find(Card, session_id=cluster.session_id, cluster_id=cluster.id)
    return sorted(
        (c for c in found if c.merged_into is None and c.column == cluster.column),
        key=lambda c: c.position,
    )


def group(store: Store, cards: Sequence[Card], name: str) -> Change:
    """Gather ``cards`` (all in one column) into a new named cluster."""
    if not cards:
        raise MergeError("Sélectionnez les idées à regrouper.")
    columns = {c.column for c in cards}
    if len(columns) != 1:
        raise MergeError("Les idées d'un groupe doivent être dans la même colonne.")
    name = name.strip()
    if not name:
        raise MergeError("Donnez un nom au groupe.")
    column = columns.pop()
    existing = clusters(store, cards[0].session_id, column)
    cluster = Cluster(
        session_id=cards[0].session_id,
        column=column,
        name=name,
        position=(existing[-1].position + 1.0) if existing else 1.0,
    )
    positions = _together(store, cards)
    edits = [changes.create(cluster)]
    edits += [
        changes.update(c, cluster_id=cluster.id, position=positions.get(c.id, c.position))
        for c in cards
    ]
    return Change(f"Regrouper {len(cards)} idées", tuple(e for e in edits if e.after))


def _together(store: Store, cards: Sequence[Card]) -> dict[str, float]:
    """New positions that put ``cards`` (one column) one after the other, where the first of
    them is: a group is shown as one block. Cards already in place keep their position."""
    ordered = sorted(cards, key=lambda c: c.position)
    first, rest = ordered[0], ordered[1:]
    if not rest:
        return {}
    column = board.column_cards(store, first.session_id, first.column)
    ids = [c.id for c in column]
    if first.id in ids:
        start = ids.index(first.id)
        if ids[start : start + len(ordered)] == [c.id for c in ordered]:
            return {}  # already together
    moving = {c.id for c in rest}
    others = [c for c in column if c.id not in moving]
    index = next((i + 1 for i, c in enumerate(others) if c.id == first.id), len(others))
    move = board.move(store, first.session_id, rest, first.column, index)
    return {e.id: e.after["position"] for e in move.edits if e.after and "position" in e.after}


def ungroup(store: Store, cluster: Cluster) -> Change:
    found = store.find(Card, session_id=cluster.session_id, cluster_id=cluster.id)
    edits = [changes.update(c, cluster_id=None) for c in found]
    edits.append(changes.delete(cluster))
    return Change("Défaire le groupe", tuple(edits))


def rename_cluster(cluster: Cluster, name: str) -> Change:
    name = name.strip()
    if not name:
        raise MergeError("Donnez un nom au groupe.")
    edit = changes.update(cluster, name=name)
    return Change("Renommer le groupe", (edit,) if edit.after else ())
