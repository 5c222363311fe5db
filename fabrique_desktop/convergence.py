"""Convergence: promoting ideas (a card or a cluster) to engagements, with their trace.

An ``Engagement`` belongs to one Vivre column and is numbered within it (the seed ended
with three per Vivre, twelve in all). It keeps the ids of the cards behind it; the trace
of an engagement lists those cards, the originals merged into them, and their votes. On a
Convergence wall it may also be traced to an earlier Objectifs atelier's objective (a
group of pistes): the objective's id is kept among ``card_ids`` (an id names one entity,
of whichever kind; ``validation.REFERENCES`` lets that list name cards and groups).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fabrique_desktop import card_fusion, changes, groups, votes
from fabrique_desktop.changes import Change
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import INBOX, Card, Engagement
from fabrique_desktop.ports import Store

TARGET_PER_COLUMN = 3


class EngagementError(FabriqueError):
    """An engagement that cannot be made as asked."""


def engagements(
    store: Store, session_id: str, column_order: Sequence[str] = ()
) -> list[Engagement]:
    """The session's engagements, by column (in ``column_order``) then number."""
    rank = {key: i for i, key in enumerate(column_order)}
    return sorted(
        store.find(Engagement, session_id=session_id),
        key=lambda e: (rank.get(e.column, len(rank)), e.column, e.number, e.created_at),
    )


def next_number(store: Store, session_id: str, column: str) -> int:
    numbers = [e.number for e in store.find(Engagement, session_id=session_id, column=column)]
    return max(numbers, default=0) + 1


def purpose_text(purpose: str) -> str:
    """« Pour … »: the purpose always reads as one, whatever was typed."""
    purpose = purpose.strip()
    if not purpose:
        return ""
    if purpose.lower() == "pour" or purpose.lower().startswith("pour "):
        return "P" + purpose[1:]
    keep_case = len(purpose) > 1 and purpose[1].isupper()  # an acronym: « AMP », « TER »
    return f"Pour {purpose if keep_case else purpose[0].lower() + purpose[1:]}"


def how_points(text_or_lines: str | Sequence[str]) -> list[str]:
    """« Comment ? » points: one per non-empty line, leading dashes and bullets removed."""
    lines = text_or_lines.splitlines() if isinstance(text_or_lines, str) else text_or_lines
    points = []
    for line in lines:
        point = line.strip().lstrip("-•*–—").strip()
        if point:
            points.append(point)
    return points


def promote(
    store: Store,
    session_id: str,
    cards: Sequence[Card],
    *,
    title: str,
    column: str,
    purpose: str = "",
    how: str | Sequence[str] = (),
    objectives: Sequence[groups.Cluster] = (),
) -> Change:
    """A new engagement from ``cards`` (one card, or the cards of a cluster) and earlier
    ateliers' ``objectives`` (a Convergence wall)."""
    title = title.strip()
    if not title:
        raise EngagementError("Donnez un titre à l'engagement.")
    if not column or column == INBOX:
        raise EngagementError("Choisissez le Vivre de l'engagement.")
    if not cards and not objectives:
        raise EngagementError("Sélectionnez l'idée ou le groupe à promouvoir en engagement.")
    engagement = Engagement(
        session_id=session_id,
        column=column,
        number=next_number(store, session_id, column),
        title=title,
        purpose=purpose_text(purpose),
        how=how_points(how),
        card_ids=[c.id for c in cards] + [o.id for o in objectives],
    )
    return Change("Créer un engagement", (changes.create(engagement),))


@dataclass(frozen=True)
class Candidate:
    """What a selection promotes: its ideas, with their dots, and a title to start from."""

    cards: tuple[Card, ...]
    votes: tuple[int, ...]
    title: str
    column: str
    objectives: tuple[groups.Cluster, ...] = ()  # earlier ateliers' (a Convergence wall)


def candidate(
    store: Store,
    session_id: str,
    selected: Sequence[Card],
    objectives: Sequence[groups.Cluster] = (),
) -> Candidate:
    """The ideas a selection promotes: one card of a group stands for its whole group
    (titled with the group's name); otherwise the selected cards, titled with the first.
    Earlier ateliers' ``objectives`` chosen (a Convergence wall) come with them; chosen
    alone, the first one titles it."""
    if not selected and objectives:
        first = objectives[0]
        return Candidate((), (), first.name, first.column, tuple(objectives))
    if not selected:
        raise EngagementError("Sélectionnez l'idée ou le groupe à promouvoir en engagement.")
    # a group of this atelier only: an earlier atelier's piste stands for itself
    own = all(c.session_id == session_id for c in selected)
    cluster = groups.group_of_single(store, selected) if own else None
    cards = groups.members(store, cluster) if cluster is not None else list(selected)
    if not cards:
        cards = list(selected)
    totals = votes.all_totals(store, session_id)
    title = cluster.name if cluster is not None else cards[0].text
    return Candidate(
        tuple(cards),
        tuple(totals.get(c.id, 0) for c in cards),
        title,
        cards[0].column,
        tuple(objectives),
    )


def promote_cluster(
    store: Store, cluster: groups.Cluster, *, title: str = "", **fields: object
) -> Change:
    cards = groups.members(store, cluster)
    if not cards:
        raise EngagementError("Ce groupe ne contient plus d'idée.")
    column = str(fields.pop("column", cluster.column))
    return promote(
        store,
        cluster.session_id,
        cards,
        title=title or cluster.name,
        column=column,
        **fields,  # type: ignore[arg-type]
    )


def edit(engagement: Engagement, **fields: object) -> Change:
    if "title" in fields:
        fields["title"] = str(fields["title"]).strip()
        if not fields["title"]:
            raise EngagementError("Donnez un titre à l'engagement.")
    if "purpose" in fields:
        fields["purpose"] = purpose_text(str(fields["purpose"]))
    if "how" in fields:
        fields["how"] = how_points(fields["how"])  # type: ignore[arg-type]
    edit_ = changes.update(engagement, **fields)
    return Change("Modifier l'engagement", (edit_,) if edit_.after else ())


def remove(engagement: Engagement) -> Change:
    return Change("Supprimer l'engagement", (changes.delete(engagement),))


def move(store: Store, engagement: Engagement, delta: int) -> Change:
    """Swap the number of an engagement with its neighbour in the same column."""
    siblings = sorted(
        store.find(Engagement, session_id=engagement.session_id, column=engagement.column),
        key=lambda e: e.number,
    )
    index = next((i for i, e in enumerate(siblings) if e.id == engagement.id), None)
    if index is None or not 0 <= index + delta < len(siblings) or delta == 0:
        return Change("Déplacer l'engagement")
    other = siblings[index + delta]
    return Change(
        "Déplacer l'engagement",
        (
            changes.update(engagement, number=other.number),
            changes.update(other, number=engagement.number),
        ),
    )


@dataclass(frozen=True)
class TraceItem:
    """One idea behind an engagement: the card, its dots (merges counted), its originals."""

    card: Card
    votes: int
    originals: tuple[Card, ...]

    @property
    def removed(self) -> bool:
        return self.card.deleted


def trace(store: Store, engagement: Engagement) -> list[TraceItem]:
    totals = votes.all_totals(store, engagement.session_id)
    items = []
    for card_id in engagement.card_ids:
        card = store.get(Card, card_id)
        if card is None:
            continue
        count = totals.get(card.id, 0)
        items.append(TraceItem(card, count, tuple(card_fusion.history(store, card))))
    return items


def traced_objectives(store: Store, engagement: Engagement) -> list[groups.Cluster]:
    """The earlier ateliers' objectives an engagement is traced to (a Convergence atelier),
    in the order chosen; those deleted since too (``deleted``)."""
    found = (store.get(groups.Cluster, i) for i in engagement.card_ids)
    return [c for c in found if c is not None]


def total_votes(store: Store, engagement: Engagement) -> int:
    return sum(item.votes for item in trace(store, engagement))


def promoted_card_ids(store: Store, session_id: str) -> set[str]:
    return {i for e in store.find(Engagement, session_id=session_id) for i in e.card_ids}
