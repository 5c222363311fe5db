"""The pistes and objectives of a series' earlier ateliers, brought onto a Convergence
atelier's wall.

A Convergence atelier composes the engagements from what the ateliers before it produced:
their pistes are shown in its Vivre, read-only (they are the earlier ateliers' data: moved,
edited or deleted only on their own wall), each traced to the ateliers it is credited to
(those credited together, ``credit.joint_groups``: all of them). The objectives of the
Objectifs ateliers (named groups of pistes within a Vivre) come with them, around their
pistes, traced the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from fabrique_desktop.groups import Cluster
from fabrique_desktop.model import Card, Session
from fabrique_desktop.ports import Store
from fabrique_desktop.quick_dataclass import quick_dataclass
from fabrique_desktop.template import Template

SHOWN_IN = frozenset({"convergence"})
"""The phases whose wall shows the earlier ateliers' pistes."""
OBJECTIVES_FROM = frozenset({"objectifs"})
"""The phases whose groups of pistes are objectives (``ui.animation.group_feature``)."""


@quick_dataclass(frozen=True)
class EarlierCard:
    card: Card
    ateliers: tuple[int, ...]


JOINT_SHOWN_IN = frozenset({"valeurs"})
"""The phases whose wall also shows, read-only, the cards of the ateliers credited together
with it that are on their walls: atelier 2 shows the atouts, problèmes and values of
ateliers 1 et 2 held on atelier 1's wall. Not an Objectifs wall: atelier 4's élus would see
their own few pistes among the 87 of atelier 3's wall; its status bar says where they are."""


def earlier_cards(store: Store, session: Session, template: Template) -> list[EarlierCard]:
    """The live pistes of the ateliers numbered before ``session`` in its series, in the
    Vivre ``template`` (the session's) puts on its wall; none outside a Convergence phase
    but, on a Valeurs wall, the joint cards on the other walls of its group
    (``joint_cards``)."""
    if session.phase not in SHOWN_IN:
        return joint_cards(store, session, template)
    # here, not at the top: every wall asks, and credit brings the reports' words
    # (report_words, report_english) onto the path to the first frame
    from fabrique_desktop import credit

    groups = credit.joint_groups(template.data)
    columns = {c.key for c in template.vivre_columns}
    found = []
    for other in store.find(Session, series_id=session.series_id):
        if other.id == session.id or other.deleted or not 0 < other.number < session.number:
            continue
        ateliers = groups.get(other.number, (other.number,))
        for card in store.find(Card, session_id=other.id):
            if (
                card.merged_into is None
                and not card.deleted
                and card.is_idea
                and card.column in columns
            ):
                found.append(EarlierCard(card, ateliers))
    return found


def joint_cards(store: Store, session: Session, template: Template) -> list[EarlierCard]:
    """On a wall of ``JOINT_SHOWN_IN``, the live cards of the other ateliers of its kind
    credited together with it (the plan's ``joint``: « ateliers 1 et 2 »), in the columns
    ``template`` puts on its wall, each traced to the group."""
    if session.phase not in JOINT_SHOWN_IN:
        return []
    from fabrique_desktop import credit  # see earlier_cards

    group = credit.joint_groups(template.data).get(session.number, ())
    if not group:
        return []
    columns = {c.key for c in template.columns}
    return [
        EarlierCard(card, group)
        for other in store.find(Session, series_id=session.series_id)
        if other.id != session.id
        and not other.deleted
        and other.number in group
        and other.phase == session.phase
        for card in store.find(Card, session_id=other.id)
        if card.merged_into is None and not card.deleted and card.column in columns
    ]


def earlier_ids(store: Store, session: Session) -> set[str]:
    """The ids of every card of the ateliers before ``session`` in its series (whatever
    their phase): the cards an engagement of ``session`` may be traced to."""
    ids: set[str] = set()
    for other in store.find(Session, series_id=session.series_id):
        if other.id != session.id and not other.deleted and 0 < other.number < session.number:
            ids.update(c.id for c in store.find(Card, session_id=other.id))
    return ids


@quick_dataclass(frozen=True)
class EarlierObjective:
    """An objective of an earlier Objectifs atelier: its group, its pistes shown on the
    Convergence wall (by id, in their order there) and the ateliers it is credited to."""

    cluster: Cluster
    card_ids: tuple[str, ...]
    ateliers: tuple[int, ...]


def earlier_objectives(store: Store, shown: Sequence[EarlierCard]) -> list[EarlierObjective]:
    """The live objectives of the Objectifs ateliers among ``shown`` (``earlier_cards``)
    that hold at least one of those pistes, in their Vivre."""
    by_cluster: dict[str, list[EarlierCard]] = {}
    for earlier in sorted(shown, key=lambda e: e.card.position):
        if earlier.card.cluster_id:
            by_cluster.setdefault(earlier.card.cluster_id, []).append(earlier)
    phases = {}
    found = []
    for cluster_id, pistes in by_cluster.items():
        cluster = store.get(Cluster, cluster_id)
        if cluster is None or cluster.deleted:
            continue
        if cluster.session_id not in phases:
            session = store.get(Session, cluster.session_id)
            phases[cluster.session_id] = session.phase if session is not None else ""
        held = [e for e in pistes if e.card.column == cluster.column]
        if held and phases[cluster.session_id] in OBJECTIVES_FROM:
            ids = tuple(e.card.id for e in held)
            found.append(EarlierObjective(cluster, ids, held[0].ateliers))
    return sorted(found, key=lambda o: (o.cluster.column, o.cluster.position))
