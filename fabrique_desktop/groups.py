"""Named groups of ideas (clusters) within a column: made, renamed, undone.

How cards move in and out of a group on the board is ``fabrique_desktop.grouping``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from fabrique_desktop import board, changes
from fabrique_desktop.changes import Change
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Card, Entity, register
from fabrique_desktop.ports import Store
from fabrique_desktop.quick_dataclass import quick_dataclass


class GroupError(FabriqueError):
    """Cards that cannot be grouped, or a group that cannot be named."""


@register
@quick_dataclass(kw_only=True)
class Cluster(Entity):
    """A named group of cards within one column."""

    kind: ClassVar[str] = "clusters"

    session_id: str = ""
    column: str = ""
    name: str = ""
    position: float = 0.0


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
        raise GroupError("Sélectionnez les idées à regrouper.")
    columns = {c.column for c in cards}
    if len(columns) != 1:
        raise GroupError("Les idées d'un groupe doivent être dans la même colonne.")
    name = name.strip()
    if not name:
        raise GroupError("Donnez un nom au groupe.")
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
        raise GroupError("Donnez un nom au groupe.")
    edit = changes.update(cluster, name=name)
    return Change("Renommer le groupe", (edit,) if edit.after else ())


def ungroup_selection(store: Store, cards: Sequence[Card]) -> Change:
    """Undo the groups of the selected cards, in one step."""
    ids = {c.cluster_id for c in cards if c.cluster_id}
    found = [c for c in (store.get(Cluster, i) for i in sorted(ids)) if c and not c.deleted]
    if not found:
        raise GroupError("Sélectionnez une idée d'un groupe.")
    edits = [e for cluster in found for e in ungroup(store, cluster).edits]
    return Change("Défaire le groupe", tuple(edits))


def group_of_single(store: Store, cards: Sequence[Card]) -> Cluster | None:
    """The group that one selected card stands for (promoting one card of a group
    promotes the group); ``None`` for several cards or a card outside any group."""
    if len(cards) != 1 or not cards[0].cluster_id:
        return None
    cluster = store.get(Cluster, cards[0].cluster_id)
    return cluster if cluster is not None and not cluster.deleted else None
