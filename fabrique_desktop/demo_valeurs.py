"""The demo's Valeurs work on the wall (issue 26): the seed prints the 7 paradoxes and the
value system as the joint work of ateliers 1 and 2. The wall of the first of them (as
atelier 3's holds the pistes of ateliers 3 and 4) holds that work as the room made it: each
paradox's asset as a card in « Atouts » and its challenge in « Problèmes », paired into the
paradox (its title and facts stay the series' diagnostic, which keeps the two cards' ids),
and each of the five values as a proposal in « Valeurs proposées », adopted as that value
(the seed prints their definitions, never a vote: no dot is given).

Used by the first start (``workspace.ensure_first_use``) and by the demo's update of a data
folder made before (``demo_update``). Only the paradoxes and values as shipped are put on
the wall, each once: a paradox already formed from cards, removed or rewritten, a value
already adopted from a proposal (even one deleted since), or a wall without those columns
is left as it is. A user's own cards are never touched. Each card's id is derived from the
series, the atelier and the paradox or value: two laptops that bring the same demo up to
date make the same cards, which a merge takes as one.
"""

from __future__ import annotations

import copy
import uuid
from typing import Any

from fabrique_desktop import changes
from fabrique_desktop.changes import Edit
from fabrique_desktop.model import Card, Series, Session
from fabrique_desktop.ports import Store
from fabrique_desktop.template import Template, builtin_template

ATOUTS, PROBLEMES, VALEURS = "atouts", "problemes", "valeurs"
"""The Valeurs wall's columns (the built-in template's ``phases.valeurs``)."""

_IDS = uuid.UUID("5b0e2f0c-6d1c-4a52-9a53-0f0a6c1e2a26")


def card_id(series: Series, session: Session, what: str) -> str:
    """The id of the demo's card ``what`` (« p1/atout », « value/innovation ») on
    ``session``'s wall: the same on every laptop that holds this series."""
    return str(uuid.uuid5(_IDS, f"{series.id}/{session.id}/{what}"))


def valeurs_edits(
    store: Store, series: Series, session: Session, template: dict[str, Any]
) -> tuple[list[Edit], dict[str, Any]]:
    """The cards that put the demo's paradoxes and values on ``session``'s wall (atelier 1
    of the demo), and ``template`` (the series' plan, maybe already being updated) with
    each paradox keeping its cards; ([], ``template``) when there is nothing to add."""
    keys = {c.key for c in Template.from_dict(template).for_phase(session.phase).columns}
    if not {ATOUTS, PROBLEMES, VALEURS} <= keys:
        return [], template
    shipped = builtin_template()
    plan = copy.deepcopy(template)
    on_wall = store.find(Card, deleted=True, session_id=session.id)  # tombstones too
    last: dict[str, float] = {}
    for card in on_wall:
        if not card.deleted:
            last[card.column] = max(last.get(card.column, 0.0), card.position)
    taken = {c.id for c in on_wall}
    edits: list[Edit] = []

    def add(column: str, text: str, what: str, **fields: Any) -> str | None:
        ident = card_id(series, session, what)
        if ident in taken:
            return None
        from fabrique_desktop.board import STEP

        last[column] = last.get(column, 0.0) + STEP
        card = Card(
            id=ident,
            session_id=session.id,
            text=text,
            column=column,
            position=last[column],
            **fields,
        )
        edits.append(changes.create(card))
        return ident

    original = {p.get("key"): p for p in shipped.section("paradoxes")}
    for paradox in plan.get("paradoxes", []):
        if not isinstance(paradox, dict) or paradox.get("cards"):
            continue
        was = original.get(paradox.get("key"))
        if was is None or any(
            paradox.get(f) != was.get(f) for f in ("title", "asset", "challenge")
        ):
            continue  # not the seed's paradox as shipped: the user's
        asset = add(ATOUTS, str(was["asset"]), f"{was['key']}/atout")
        challenge = add(PROBLEMES, str(was["challenge"]), f"{was['key']}/probleme")
        if asset and challenge:
            paradox["cards"] = [asset, challenge]

    adopted = {k for c in _valeurs_cards(store, series) for k in c.value_keys}
    series_values = {v.get("key"): v for v in plan.get("values", []) if isinstance(v, dict)}
    for value in shipped.section("values"):
        key = value.get("key")
        mine = series_values.get(key)
        if key in adopted or mine is None or mine.get("title") != value.get("title"):
            continue
        add(VALEURS, str(value["title"]), f"value/{key}", value_keys=[str(key)])
    return edits, plan if edits else template


def needed(store: Store, series: Series, template: dict[str, Any]) -> bool:
    """Whether a paradox of ``template`` was formed from no card, or one of its values
    adopted from no proposal: only then is the built-in template read (every start asks,
    issue 28)."""
    if any(isinstance(p, dict) and not p.get("cards") for p in template.get("paradoxes", [])):
        return True
    keys = {v.get("key") for v in template.get("values", []) if isinstance(v, dict)}
    adopted = {k for c in _valeurs_cards(store, series) for k in c.value_keys}
    return not keys <= adopted


def _valeurs_cards(store: Store, series: Series) -> list[Card]:
    """Every card of the series' Valeurs ateliers, deleted ones too (a value adopted once
    and deleted since is not put back)."""
    return [
        c
        for s in store.find(Session, series_id=series.id)
        if s.phase == "valeurs"
        for c in store.find(Card, deleted=True, session_id=s.id)
    ]


def valeurs_wall(store: Store, series: Series, template: dict[str, Any]) -> Session | None:
    """The atelier whose wall holds the demo's Valeurs work: the first of the ateliers 1
    and 2 credited together, when it is a Valeurs atelier of this laptop (None otherwise:
    a laptop holding a copy of atelier 2 only adds nothing, the work is atelier 1's)."""
    from fabrique_desktop.credit import joint_groups

    group = joint_groups(template).get(1, ())
    return next(
        (
            s
            for s in store.find(Session, series_id=series.id)
            if group and s.number == group[0] and s.phase == "valeurs"
        ),
        None,
    )
