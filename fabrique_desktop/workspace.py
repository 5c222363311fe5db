"""Series and sessions: first use, creating a series from a template, renaming, copying."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from fabrique_desktop import changes, lookup
from fabrique_desktop.board import STEP
from fabrique_desktop.changes import Change
from fabrique_desktop.model import (
    ENTITY_TYPES,
    FUTUR,
    IDEA,
    Card,
    Entity,
    Persona,
    Series,
    Session,
    new_id,
    utc_now,
)
from fabrique_desktop.ports import Store
from fabrique_desktop.resources import resource
from fabrique_desktop.template import Template, builtin_template

log = logging.getLogger(__name__)

DEMO_IDEAS = resource("demo", "pistes-acte1.csv")
DEMO_ATELIER = (
    3  # « Objectifs et pistes de projet »: the board that holds ateliers 3 and 4's pistes
)


def is_new(store: Store) -> bool:
    """No series was ever created here (not even one deleted since)."""
    return not store.count(Series) and not any(True for _ in store.iter_all(Series))


def ensure_first_use(store: Store) -> Series | None:
    """On an empty database, create the built-in series with its five ateliers and demo
    ideas, in one transaction: a first start cut short leaves all of it or nothing."""
    with store.atomic():
        if not is_new(store):
            return None
        template = demo_template()
        series = create_series(store, template)
        demo = next((s for s in list_sessions(store, series.id) if s.number == DEMO_ATELIER), None)
        if demo is not None:
            store.apply(demo_ideas(demo, template))
        store.apply(demo_valeurs(store, series))
    return series


def demo_valeurs(store: Store, series: Series) -> Change:
    """The seed's paradoxes and values on the wall of atelier 1, the work of ateliers 1 and
    2 together (``fabrique_desktop.demo_valeurs``): their atouts and problèmes paired into
    the paradoxes, the five values adopted."""
    from fabrique_desktop import demo_valeurs as valeurs

    wall = valeurs.valeurs_wall(store, series, series.template)
    if wall is None:
        return Change("Valeurs de démonstration", ())
    cards, plan = valeurs.valeurs_edits(store, series, wall, series.template)
    series_edit = changes.update(series, template=plan)
    series.template = plan
    return Change("Valeurs de démonstration", (*cards, series_edit))


def demo_template() -> Template:
    """The built-in template as the demo series holds it: its plan credits ateliers 1 and 2
    together (the seed prints the paradoxes and values as theirs, not one's), and ateliers
    3 and 4 (it does not say which of them produced each piste). A new series made from the
    built-in template credits each atelier with its own results."""
    from fabrique_desktop.demo_update import joint_plan

    template = builtin_template()
    plan = joint_plan(template.data)
    return Template.from_dict(plan) if plan is not None else template


def create_series(store: Store, template: Template, title: str | None = None) -> Series:
    """A series written at once: the first start's (``ensure_first_use``) and tests'. A
    window writes ``new_series``'s change through its bus."""
    change, series = new_series(template, title)
    store.apply(change)
    return series


def new_series(template: Template, title: str | None = None) -> tuple[Change, Series]:
    """A series with its own copy of the template, its persona deck and its planned ateliers,
    and the change that creates it."""
    plan = template.data.get("series", {})
    series = Series(title=title or plan.get("title") or template.title, template=template.data)
    edits = [changes.create(series)]
    for i, p in enumerate(template.section("personas")):
        persona = Persona(
            series_id=series.id,
            key=p.get("key", ""),
            first_name=p.get("first_name", ""),
            role=p.get("role", ""),
            gender=p.get("gender", ""),
            age=p.get("age"),
            town=p.get("town", ""),
            story=p.get("story", ""),
            worries=list(p.get("worries", [])),
            hopes=list(p.get("hopes", [])),
            colour=p.get("colour", "#455A64"),
            icon=p.get("icon", "fa5s.user"),
            position=float(i),
        )
        edits.append(changes.create(persona))
    for atelier in plan.get("ateliers", []):
        session = Session(
            series_id=series.id,
            number=int(atelier.get("number", 0)),
            title=atelier.get("title", ""),
            date=atelier.get("date", ""),
            phase=atelier.get("phase", "autre"),
            place=atelier.get("place", ""),
            facilitator=atelier.get("facilitator", ""),
        )
        edits.append(changes.create(session))
    return Change("Créer la série", tuple(edits)), series


def demo_ideas(session: Session, template: Template) -> Change:
    """The seed's project ideas and « Futur engagé » items as cards: each in its Vivre, with
    its theme and horizon as the booklet prints them. The pistes are those of ateliers 3
    and 4 (the seed does not say which): they sit on atelier 3's board, and the plan credits
    them to both (``joint``)."""
    keys = {c.key for c in template.columns}
    edits = []
    positions: dict[str, float] = {}
    for row in demo_rows():
        column = row.get("column", "") if row.get("column") in keys else "inbox"
        positions[column] = positions.get(column, 0.0) + STEP
        theme = row.get("themes", "").strip()
        card = Card(
            session_id=session.id,
            text=row["text"].strip(),
            column=column,
            position=positions[column],
            horizon=row.get("horizon", "").strip(),
            tags=[f"#{theme}"] if theme else [],
            card_kind=FUTUR if row.get("kind") == FUTUR else IDEA,
        )
        edits.append(changes.create(card))
    return Change("Idées de démonstration", tuple(edits))


def demo_rows() -> list[dict[str, str]]:
    """The demo's cards as the CSV lists them: text, column, horizon, themes, kind."""
    from fabrique_desktop.demo_update import read_rows  # only on first use of a data dir

    return read_rows(DEMO_IDEAS)


def list_series(store: Store) -> list[Series]:
    return sorted(store.find(Series), key=lambda s: (s.created_at, s.title))


def list_sessions(store: Store, series_id: str | None = None) -> list[Session]:
    where: dict[str, Any] = {"series_id": series_id} if series_id else {}
    return sorted(
        store.find(Session, **where), key=lambda s: (s.series_id, s.number, s.date, s.title)
    )


def find_session(store: Store, ref: str) -> Session:
    """A session by id, exact title, id prefix, number in its series or a part of its title
    (``fabrique_desktop.lookup``); a message listing the candidates otherwise."""
    series_titles = {s.id: s.title for s in list_series(store)}
    session = store.get(Session, ref)
    if session is not None and not session.deleted:
        return session
    return lookup.pick(
        list_sessions(store),
        ref,
        title=lambda s: s.title,
        ident=lambda s: s.id,
        number=lambda s: s.number,
        describe=lambda s: (
            f"n° {s.number} · {s.title} · {series_titles.get(s.series_id, '?')} · {s.id[:8]}"
        ),
        what=("atelier", "ateliers", "aucun"),
    )


def find_series(store: Store, ref: str, among: Sequence[Series] | None = None) -> Series:
    """A series by id, exact title, id prefix or a part of its title (``among`` these only,
    when given)."""
    series = store.get(Series, ref)
    if series is not None and not series.deleted and (among is None or series in among):
        return series
    return lookup.pick(
        list_series(store) if among is None else among,
        ref,
        title=lambda s: s.title,
        ident=lambda s: s.id,
        describe=lambda s: f"{s.title} · {s.id[:8]}",
        what=("série", "séries", "aucune"),
    )


def series_template(series: Series) -> Template:
    return Template.from_dict(series.template)


def session_template(series: Series, session: Session) -> Template:
    """The template as ``session`` runs it: its phase's columns on the wall, in its report,
    its imports and its phones (``Template.for_phase``)."""
    return series_template(series).for_phase(session.phase)


def new_session(
    store: Store, series: Series, title: str, **fields: object
) -> tuple[Change, Session]:
    """A new session, numbered after the series' last one, and the change that creates it."""
    number = max((s.number for s in list_sessions(store, series.id)), default=0) + 1
    session = Session(series_id=series.id, title=title, number=number, **fields)  # type: ignore[arg-type]
    return Change("Créer un atelier", (changes.create(session),)), session


def create_session(store: Store, series: Series, title: str, **fields: object) -> Session:
    """A session written at once (tests); a window writes ``new_session``'s change."""
    change, session = new_session(store, series, title, **fields)
    store.apply(change)
    return session


def rename(entity: Series | Session, title: str) -> Change:
    return Change("Renommer", (changes.update(entity, title=title.strip()),))


def session_copy(store: Store, session: Session) -> tuple[Change, Session]:
    """A copy of a session and everything in it, under new ids, titled « … (copie) », and
    the change that creates it."""
    copy = replace(
        session,
        id=new_id(),
        title=f"{session.title} (copie)",
        created_at=utc_now(),
        updated_at=utc_now(),
    )
    edits = [changes.create(copy)]
    new_ids: dict[str, str] = {session.id: copy.id}
    children: list[Entity] = [
        e for cls in _session_kinds() for e in store.find(cls, session_id=session.id)
    ]
    for child in children:
        new_ids[child.id] = new_id()
    for child in children:
        record = {k: _remap(v, new_ids) for k, v in child.to_record().items()}
        edits.append(changes.create(type(child).from_record(record)))
    return Change("Dupliquer l'atelier", tuple(edits)), copy


def delete_session(store: Store, session: Session) -> Change:
    return Change("Supprimer l'atelier", (changes.delete(session),))


def delete_series(store: Store, series: Series) -> Change:
    edits = [changes.delete(s) for s in list_sessions(store, series.id)]
    return Change("Supprimer la série", (*edits, changes.delete(series)))


def _session_kinds() -> list[type[Entity]]:
    return [
        cls
        for cls in ENTITY_TYPES.values()
        if "session_id" in {f.name for f in dataclasses.fields(cls)} and cls is not Session
    ]


def _remap(value: object, ids: dict[str, str]) -> object:
    if isinstance(value, str):
        return ids.get(value, value)
    if isinstance(value, list):
        return [_remap(v, ids) for v in value]
    return value
