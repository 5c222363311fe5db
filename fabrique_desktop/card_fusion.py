"""Card fusion: several duplicate ideas become one card (Ctrl+M), and back (Ctrl+Shift+M).

(Not to be confused with merging laptops' copies of a session: ``fabrique_desktop.sync``.)
A fusion creates a new card with the chosen (or edited) text; the originals get
``merged_into`` = the new card's id (the stored field keeps its first name) and stay in the
database as its history. Their personas, tables, tags and votes are kept: tags and values
are united on the new card, and the votes stay on the originals, counted through by
``votes.totals``. Unfusing removes the fused card and puts the originals back, exactly as
they were.
"""

from __future__ import annotations

from collections.abc import Sequence

from fabrique_desktop import changes
from fabrique_desktop.changes import Change, Edit
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Card, Vote
from fabrique_desktop.ports import Store


class FusionError(FabriqueError):
    """Cards that cannot be fused (or unfused)."""


def _union(lists: Sequence[Sequence[str]]) -> list[str]:
    seen: dict[str, None] = {}
    for items in lists:
        for item in items:
            seen.setdefault(item, None)
    return list(seen)


def _first(values: Sequence[str | None]) -> str | None:
    return next((v for v in values if v), None)


def fuse(cards: Sequence[Card], text: str) -> Change:
    """Fuse ``cards`` (two or more, live) into a new card carrying ``text``."""
    if len(cards) < 2:
        raise FusionError("Sélectionnez au moins deux idées à fusionner.")
    if any(c.deleted or c.merged_into for c in cards):
        raise FusionError("Une des idées sélectionnées n'est plus sur le tableau.")
    if len({c.session_id for c in cards}) != 1:
        raise FusionError("On ne peut fusionner que des idées du même atelier.")
    text = text.strip()
    if not text:
        raise FusionError("Le texte de l'idée fusionnée ne peut pas être vide.")
    first = cards[0]
    fused = Card(
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
    edits = [changes.create(fused)]
    edits += [changes.update(c, merged_into=fused.id) for c in cards]
    return Change(f"Fusionner {len(cards)} idées", tuple(edits))


def sources(store: Store, card: Card) -> list[Card]:
    """The cards fused directly into ``card``, in board order."""
    found = store.find(Card, session_id=card.session_id, merged_into=card.id)
    return sorted(found, key=lambda c: (c.column, c.position, c.created_at))


def history(store: Store, card: Card) -> list[Card]:
    """Every original behind ``card``, through nested fusions (depth first)."""
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
    """Persona ids of a card and of all the originals fused into it."""
    return _union([[c.persona_id] if c.persona_id else [] for c in [card, *history(store, card)]])


def unfuse(store: Store, card: Card) -> Change:
    """Put the originals back on the board and remove the fused card.

    Dots put on the fused card itself after the fusion move to its first original, so
    that no vote is lost.
    """
    originals = sources(store, card)
    if not originals:
        raise FusionError("Cette idée n'est pas issue d'une fusion.")
    edits: list[Edit] = [changes.update(c, merged_into=None) for c in originals]
    for vote in store.find(Vote, session_id=card.session_id, card_id=card.id):
        edits.append(changes.update(vote, card_id=originals[0].id))
    edits.append(changes.delete(card))
    return Change("Défaire la fusion", tuple(edits))


def unfuse_selection(store: Store, cards: Sequence[Card]) -> tuple[Change, list[str]]:
    """Unfuse every fused card of a selection in one step; the originals that come back
    (read before: once unfused, they are no longer « merged into » anything)."""
    fused = [c for c in cards if sources(store, c)]
    if not fused:
        raise FusionError("Sélectionnez une idée issue d'une fusion.")
    edits = [e for card in fused for e in unfuse(store, card).edits]
    originals = [c.id for card in fused for c in sources(store, card)]
    return Change("Défaire la fusion", tuple(edits)), originals
