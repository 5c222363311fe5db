"""The agenda of a session: timed activities the facilitator steps through.

Each session has its own list of ``Activity`` rows, ordered by ``position``. The three
atelier types of the seed (Valeurs; Objectifs & pistes de projet; Convergence) have a
built-in agenda, stored as data in ``resources/agendas/<phase>.json`` and copied into the
session, where it can be edited. Stepping through the agenda records when each activity
really started and ended, so that planned and actual time can be compared.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from fabrique_desktop import changes
from fabrique_desktop.changes import Change
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Entity, Session, register
from fabrique_desktop.ports import Store
from fabrique_desktop.resources import resource

#: Screens an activity can ask for; the UI knows how to show each of them.
SCREENS = {
    "tableau": "Tableau des idées",
    "minuteur": "Minuteur",
    "votes": "Votes",
    "classement": "Classement",
    "engagements": "Engagements",
    "recit": "Récit prospectif",
    "photos": "Photos",
}
BUILTIN = {
    "valeurs": "valeurs",
    "objectifs": "objectifs",
    "convergence": "convergence",
}
MAX_MINUTES = 600


class AgendaError(FabriqueError):
    """An agenda that cannot be used (a broken built-in file, a bad duration…)."""


@register
@dataclass(kw_only=True)
class Activity(Entity):
    """One timed step of a session's agenda."""

    kind: ClassVar[str] = "activities"

    session_id: str = ""
    position: float = 0.0
    title: str = ""
    planned_minutes: int = 0
    instructions: str = ""
    screen: str = "tableau"
    started_at: str | None = None
    ended_at: str | None = None

    @property
    def running(self) -> bool:
        return self.started_at is not None and self.ended_at is None

    @property
    def done(self) -> bool:
        return self.ended_at is not None


def builtin(phase: str) -> list[dict[str, Any]]:
    """The built-in agenda of an atelier phase (``valeurs``, ``objectifs``, ``convergence``)."""
    name = BUILTIN.get(phase)
    if name is None:
        raise AgendaError(f"Aucun déroulé type pour la phase « {phase} ».")
    path = resource("agendas", f"{name}.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise AgendaError(f"Le déroulé type « {name} » est illisible.") from error
    steps = data.get("activities") if isinstance(data, dict) else None
    if not isinstance(steps, list) or not steps:
        raise AgendaError(f"Le déroulé type « {name} » ne contient aucune activité.")
    for i, step in enumerate(steps, start=1):
        if not isinstance(step, dict) or not str(step.get("title", "")).strip():
            raise AgendaError(f"Le déroulé type « {name} » : l'activité n° {i} n'a pas de titre.")
        check_minutes(step.get("planned_minutes"))
    return steps


def builtin_title(phase: str) -> str:
    path = resource("agendas", f"{BUILTIN.get(phase, phase)}.json")
    try:
        return str(json.loads(path.read_text(encoding="utf-8")).get("title", phase))
    except (OSError, ValueError):
        return phase


def check_minutes(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_MINUTES:
        raise AgendaError(f"La durée doit être un nombre de minutes entre 1 et {MAX_MINUTES}.")
    return value


def activities(store: Store, session_id: str) -> list[Activity]:
    return store.find(Activity, session_id=session_id)


def install(store: Store, session: Session, phase: str | None = None) -> Change:
    """Replace the session's agenda by the built-in one of its phase (or of ``phase``)."""
    steps = builtin(phase or session.phase)
    edits = [changes.delete(a) for a in activities(store, session.id)]
    for i, step in enumerate(steps, start=1):
        activity = Activity(
            session_id=session.id,
            position=float(i),
            title=step["title"].strip(),
            planned_minutes=step["planned_minutes"],
            instructions=step.get("instructions", ""),
            screen=step.get("screen", "tableau") if step.get("screen") in SCREENS else "tableau",
        )
        edits.append(changes.create(activity))
    return Change("Charger le déroulé type", tuple(edits))


def add(
    store: Store,
    session_id: str,
    title: str,
    planned_minutes: int,
    instructions: str = "",
    screen: str = "tableau",
) -> Change:
    title = title.strip()
    if not title:
        raise AgendaError("Donnez un titre à l'activité.")
    check_minutes(planned_minutes)
    existing = activities(store, session_id)
    position = (existing[-1].position + 1.0) if existing else 1.0
    activity = Activity(
        session_id=session_id,
        position=position,
        title=title,
        planned_minutes=planned_minutes,
        instructions=instructions.strip(),
        screen=screen if screen in SCREENS else "tableau",
    )
    return Change("Ajouter une activité", (changes.create(activity),))


def edit(activity: Activity, **fields: Any) -> Change:
    if "title" in fields:
        fields["title"] = str(fields["title"]).strip()
        if not fields["title"]:
            raise AgendaError("Donnez un titre à l'activité.")
    if "planned_minutes" in fields:
        check_minutes(fields["planned_minutes"])
    if "screen" in fields and fields["screen"] not in SCREENS:
        raise AgendaError(f"Écran inconnu : « {fields['screen']} ».")
    edit_ = changes.update(activity, **fields)
    return Change("Modifier l'activité", (edit_,) if edit_.after else ())


def remove(activity: Activity) -> Change:
    return Change("Supprimer l'activité", (changes.delete(activity),))


def move(store: Store, activity: Activity, delta: int) -> Change:
    """Move an activity up (``delta`` < 0) or down the agenda, by swapping positions."""
    items = activities(store, activity.session_id)
    index = next((i for i, a in enumerate(items) if a.id == activity.id), None)
    if index is None:
        return Change("Déplacer l'activité")
    other = index + delta
    if not 0 <= other < len(items) or other == index:
        return Change("Déplacer l'activité")
    a, b = items[index], items[other]
    return Change(
        "Déplacer l'activité",
        (changes.update(a, position=b.position), changes.update(b, position=a.position)),
    )


def current(items: list[Activity]) -> Activity | None:
    """The running activity, if any."""
    return next((a for a in items if a.running), None)


def upcoming(items: list[Activity]) -> Activity | None:
    """The first activity not yet started."""
    return next((a for a in items if a.started_at is None), None)


def start(store: Store, activity: Activity, now: datetime) -> Change:
    """Start ``activity`` now, ending the one that was running."""
    stamp = now.isoformat(timespec="seconds")
    edits = [
        changes.update(a, ended_at=stamp)
        for a in activities(store, activity.session_id)
        if a.running and a.id != activity.id
    ]
    edits.append(changes.update(activity, started_at=stamp, ended_at=None))
    return Change(f"Commencer « {activity.title} »", tuple(e for e in edits if e.after))


def next_step(store: Store, session_id: str, now: datetime) -> Change:
    """End the running activity and start the next one not yet started (if any)."""
    items = activities(store, session_id)
    running = current(items)
    after = items[items.index(running) + 1 :] if running else items
    following = upcoming(after)
    if following is not None:
        return start(store, following, now)
    if running is not None:
        stamp = now.isoformat(timespec="seconds")
        return Change("Terminer l'activité", (changes.update(running, ended_at=stamp),))
    return Change("Étape suivante")


def finish(activity: Activity, now: datetime) -> Change:
    return Change(
        "Terminer l'activité",
        (changes.update(activity, ended_at=now.isoformat(timespec="seconds")),),
    )


def actual_minutes(activity: Activity, now: datetime) -> float | None:
    """Minutes spent on an activity so far (``None`` if it has not started)."""
    if activity.started_at is None:
        return None
    begin = datetime.fromisoformat(activity.started_at)
    end = datetime.fromisoformat(activity.ended_at) if activity.ended_at else now
    return max(0.0, (end - begin).total_seconds() / 60)


@dataclass(frozen=True)
class Summary:
    planned: int
    actual: float
    done: int
    total: int


def summary(items: list[Activity], now: datetime) -> Summary:
    return Summary(
        planned=sum(a.planned_minutes for a in items),
        actual=sum(actual_minutes(a, now) or 0.0 for a in items),
        done=sum(1 for a in items if a.done),
        total=len(items),
    )


def format_minutes(minutes: float) -> str:
    """« 1 h 05 » or « 12 min »."""
    whole = round(minutes)
    if whole >= 60:
        return f"{whole // 60} h {whole % 60:02d}"
    return f"{whole} min"
