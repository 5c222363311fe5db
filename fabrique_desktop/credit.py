"""Which ateliers a result is credited to.

A series' plan may say that some ateliers' results are credited together (``joint`` on an
atelier of the template's ``series.ateliers``): the 2017 booklet prints the pistes of
ateliers 3 and 4 without saying which of the two produced each, so every report says
« ateliers 3 et 4 », never one of them, whichever board holds the cards.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fabrique_desktop.model import Session
    from fabrique_desktop.ports import Store


def joint_groups(template_data: Mapping[str, Any]) -> dict[int, tuple[int, ...]]:
    """Atelier number → the numbers credited with it (itself included, sorted), for the
    ateliers of the plan that share their results; groups that overlap are joined."""
    plan = template_data.get("series", {})
    ateliers = plan.get("ateliers", []) if isinstance(plan, Mapping) else []
    groups: list[set[int]] = []
    for atelier in ateliers:
        if not isinstance(atelier, Mapping):
            continue
        number = atelier.get("number")
        joint = atelier.get("joint")
        if not isinstance(number, int) or not isinstance(joint, list):
            continue
        members = {number, *(n for n in joint if isinstance(n, int) and not isinstance(n, bool))}
        if len(members) < 2:
            continue
        touching = [g for g in groups if g & members]
        for g in touching:
            members |= g
            groups.remove(g)
        groups.append(members)
    return {n: tuple(sorted(g)) for g in groups for n in g}


def ateliers_label(numbers: Iterable[int]) -> str:
    """« atelier 3 », « ateliers 3 et 4 », « ateliers 1, 2 et 3 »."""
    from fabrique_desktop.report_words import tr  # here: the demo's start-up update asks
    # joint_groups, and the reports' words have no place on the path to the first frame (#28)

    listed = [str(n) for n in sorted(set(numbers))]
    if not listed:
        return ""
    if len(listed) == 1:
        return tr("atelier {n}", n=listed[0])
    return tr("ateliers {list} et {last}", list=", ".join(listed[:-1]), last=listed[-1])


def traced(numbers: Iterable[int]) -> str:
    """What a piste of earlier ateliers says where it is shown (a Convergence board's image):
    « Ateliers 3 et 4 »."""
    label = ateliers_label(numbers)
    return label[:1].upper() + label[1:]


def objective_traced(numbers: Iterable[int]) -> str:
    """What an objective of earlier ateliers says under its name: « Objectif · Ateliers 3
    et 4 »."""
    from fabrique_desktop.report_words import tr

    return tr("Objectif · {trace}", trace=traced(numbers))


def pistes_elsewhere(store: Store, session: Session) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """For an atelier whose wall is empty while its results are credited together with
    other ateliers' (the demo's atelier 4, whose pistes are on atelier 3's wall; atelier 2,
    whose atouts, problèmes and values are on atelier 1's): its group (« ateliers 3 et 4 »)
    and the ateliers of its kind whose walls hold those cards (atelier 3); ((), ())
    otherwise."""
    from fabrique_desktop.model import Card, Series
    from fabrique_desktop.model import Session as SessionRow

    if store.count(Card, session_id=session.id):
        return (), ()
    series = store.get(Series, session.series_id)
    group = joint_groups(series.template if series is not None else {}).get(session.number, ())
    walls = sorted(
        s.number
        for s in store.find(SessionRow, series_id=session.series_id)
        if s.id != session.id
        and not s.deleted
        and s.number in group
        and s.phase == session.phase
        and store.count(Card, session_id=s.id)
    )
    return (group, tuple(walls)) if walls else ((), ())
