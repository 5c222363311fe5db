"""The pistes of a series' earlier ateliers, brought onto a Convergence atelier's wall.

A Convergence atelier composes the engagements from what the ateliers before it produced:
their pistes are shown in its Vivre, read-only (they are the earlier ateliers' data: moved,
edited or deleted only on their own wall), each traced to the ateliers it is credited to
(those credited together, ``credit.joint_groups``: all of them).
"""

from __future__ import annotations

from dataclasses import dataclass

from fabrique_desktop.model import Card, Session
from fabrique_desktop.ports import Store
from fabrique_desktop.template import Template

SHOWN_IN = frozenset({"convergence"})
"""The phases whose wall shows the earlier ateliers' pistes."""


@dataclass(frozen=True)
class EarlierCard:
    card: Card
    ateliers: tuple[int, ...]


def earlier_cards(store: Store, session: Session, template: Template) -> list[EarlierCard]:
    """The live pistes of the ateliers numbered before ``session`` in its series, in the
    Vivre ``template`` (the session's) puts on its wall; none outside a Convergence phase."""
    if session.phase not in SHOWN_IN:
        return []
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


def earlier_ids(store: Store, session: Session) -> set[str]:
    """The ids of every card of the ateliers before ``session`` in its series (whatever
    their phase): the cards an engagement of ``session`` may be traced to."""
    ids: set[str] = set()
    for other in store.find(Session, series_id=session.series_id):
        if other.id != session.id and not other.deleted and 0 < other.number < session.number:
            ids.update(c.id for c in store.find(Card, session_id=other.id))
    return ids
