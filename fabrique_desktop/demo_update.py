"""Bring a data folder's untouched demo up to date with the seed.

Data folders made before issue 26 hold the demo as it was first transcribed: 16 « ideas »
that are OCR debris of a photographed sticky-note diagram (« 100 000 SOLELS », « ET VOIRE »…),
the 12 boxed « Futur engagé » items of the booklet (Projet alimentaire territorial, L'appui
aux 6 filières, Un Conseil de développement) filed as pistes on the 2040 horizon, and a plan
crediting atelier 3 alone with the pistes the seed gives to ateliers 3 and 4, and each Valeurs
atelier with the paradoxes and values the seed gives to ateliers 1 and 2 together. A demo
brought up to date before ateliers 1 and 2 were credited together is given that credit: its
plan only changes, every card and every edit stays.

Only the demo as shipped is changed: the series made from the built-in template whose
atelier 3 still holds every piste of the demo. A debris card is removed only while nobody
touched it (still to sort, no theme, no horizon, no persona, no table, no vote, not merged);
a boxed item is refiled only while it is as shipped. A user's own cards are never touched.
"""

from __future__ import annotations

import copy
import csv
import logging
from typing import Any

from fabrique_desktop import changes
from fabrique_desktop.changes import Change, Edit
from fabrique_desktop.credit import joint_groups
from fabrique_desktop.model import FUTUR, IDEA, INBOX, Card, Series, Session, Vote
from fabrique_desktop.ports import Store, Write
from fabrique_desktop.series_updates import series_changes, write_changes
from fabrique_desktop.template import BUILTIN_KEY, FORMAT_VERSION

log = logging.getLogger(__name__)

OCR_DEBRIS = (
    "INDICE AUTHENTIQUE",
    "ET VOIRE",
    "1 PROJET 1 MENTOR",
    "WELCOME PACK DIGITAL",
    "DEVELOPPEMENT INGENIERIE DU TEMPS",
    "ECOLE 2e CHANCE PLUS FORT 2+ VITE!",
    "RESEAU RESTAURANTS GASTRONOMIQUES ATTRACTIFS.",
    "FAVORISER IMPLANTATION ENTREPRISES DANS QUARTIERS SENSIBLES",
    "FOND D'INVESTISSEMENT POUR GARDER LES ENTREPRISES",
    "100 000 SOLELS",
    "LABEL NETILLO SOLITAIRE",
    "ZERO JOBS NON POURVU",
    "TRANSPORT AIX-MAYENNAISE",
    "ERRANCEEN L'INNOVATION",
    "LABEL MIXITE INTEGRALE",
    "CREER 2 PASS CULTUREL",
)
"""The sticky-note diagram's OCR as the first demo held it, to sort: not ideas."""

JOINT = ((1, 2), (3, 4))
"""The ateliers credited together: the seed prints the paradoxes and the value system as
the work of the two Valeurs ateliers (1 and 2), and the pistes as that of the two Objectifs
ateliers (3 and 4), without saying which of each pair produced what."""


def demo_changes(store: Store) -> list[Change]:
    """The changes that bring each untouched demo series of ``store`` up to date."""
    return series_changes(store, demo_change)


def update_demo(store: Store, write: Write) -> int:
    """Update every untouched demo series of ``store``, each change handed to ``write`` (the
    command line's store writer, at start); the number of series changed."""
    return write_changes(demo_changes(store), write, log, "demo series")


def demo_change(store: Store, series: Series) -> Change | None:
    """The edits that bring ``series`` up to date, or None when it is not the untouched
    demo (or is already up to date)."""
    data = series.template
    if series.deleted or data.get("key") != BUILTIN_KEY:
        return None
    if _has_joint(data):  # the demo, brought up to date before: the credit it still lacks
        return _with_valeurs(store, series, _credit_change(series))
    first = _first_demo_change(store, series)
    return _with_valeurs(store, series, first) if first is not None else None


def _with_valeurs(store: Store, series: Series, change: Change | None) -> Change | None:
    """``change`` (the demo's update, maybe none) with the demo's paradoxes and values put
    on the wall of atelier 1 (``demo_valeurs``) when they are not there yet."""
    from fabrique_desktop import demo_valeurs

    template = series.template
    for edit in change.edits if change is not None else ():
        if edit.kind == Series.kind and edit.id == series.id and edit.after:
            template = edit.after.get("template", template)
    if not demo_valeurs.needed(store, series, template):
        return change
    wall = demo_valeurs.valeurs_wall(store, series, template)
    if wall is None:
        return change
    cards, plan = demo_valeurs.valeurs_edits(store, series, wall, template)
    if not cards:
        return change
    kept = [
        e
        for e in (change.edits if change is not None else ())
        if not (e.kind == Series.kind and e.id == series.id)
    ]
    edits = (*kept, *cards, changes.update(series, template=plan))
    return Change("Mettre la démonstration à jour", edits)


def _first_demo_change(store: Store, series: Series) -> Change | None:
    """The first demo's update: its OCR debris removed, its boxed items refiled, its plan
    credited (None when ``series`` is not the demo as first shipped)."""
    data = series.template
    from fabrique_desktop.workspace import DEMO_ATELIER, demo_rows

    atelier = next(
        (s for s in store.find(Session, series_id=series.id) if s.number == DEMO_ATELIER), None
    )
    if atelier is None:
        return None
    cards = [c for c in store.find(Card, session_id=atelier.id) if not c.deleted]
    by_text: dict[str, list[Card]] = {}
    for card in cards:
        by_text.setdefault(card.text, []).append(card)
    rows = demo_rows()
    if not rows or any(row["text"].strip() not in by_text for row in rows):
        return None  # not the demo as shipped: a user's series, left as it is
    boxed = {row["text"].strip() for row in rows if row.get("kind") == FUTUR}
    first_demo = any(text in by_text for text in OCR_DEBRIS) or any(
        c.card_kind == IDEA for text in boxed for c in by_text.get(text, [])
    )
    if not first_demo:
        return None  # the demo's pistes imported into a series of one's own (import-cards)
    voted = {v.card_id for v in store.find(Vote, session_id=atelier.id) if v.dots > 0}
    edits: list[Edit] = []
    for text in OCR_DEBRIS:
        for card in by_text.get(text, []):
            if _untouched_note(card, voted):
                edits.append(changes.delete(card))
    for row in rows:
        if row.get("kind") != FUTUR:
            continue
        theme = row.get("themes", "").strip()
        for card in by_text.get(row["text"].strip(), []):
            if (
                card.card_kind == IDEA
                and card.horizon == "2040"
                and card.tags == [f"#{theme}"]
                and card.column == row.get("column")
            ):
                edits.append(changes.update(card, card_kind=FUTUR, horizon=row["horizon"]))
    plan = joint_plan(data)
    if plan is not None:
        edits.append(changes.update(series, template=plan))
    return Change("Mettre la démonstration à jour", tuple(edits))


def _has_joint(data: dict[str, Any]) -> bool:
    ateliers = data.get("series", {}).get("ateliers", [])
    return any(isinstance(a, dict) and a.get("joint") for a in ateliers)


def _credit_change(series: Series) -> Change | None:
    """The demo's plan given the joint credit it lacks (None when it has it all): only
    the demo and its copies have a joint credit on the built-in template (a template
    carries none, ``template_exchange``)."""
    if _credited(series.template):  # every start but the first: no copy of the plan made
        return None
    plan = joint_plan(series.template)
    if plan is None or joint_groups(plan) == joint_groups(series.template):
        return None
    return Change("Mettre la démonstration à jour", (changes.update(series, template=plan),))


def _credited(data: dict[str, Any]) -> bool:
    """Whether each pair of ``JOINT`` the plan has is credited together already."""
    ateliers = data.get("series", {}).get("ateliers", [])
    for group in JOINT:
        found = [a for a in ateliers if isinstance(a, dict) and a.get("number") in group]
        if len(found) == len(group) and any(a.get("joint") != list(group) for a in found):
            return False
    return True


def joint_plan(data: dict[str, Any]) -> dict[str, Any] | None:
    """The series' template with the ateliers of each pair of ``JOINT`` credited together,
    where its plan has both (None when it has no such pair)."""
    plan = copy.deepcopy(data)
    ateliers = plan.get("series", {}).get("ateliers", [])
    credited = False
    for group in JOINT:
        found = [a for a in ateliers if isinstance(a, dict) and a.get("number") in group]
        if len(found) != len(group):
            continue
        for atelier in found:
            atelier["joint"] = list(group)
        credited = True
    if not credited:
        return None
    plan["format_version"] = FORMAT_VERSION
    return plan


def _untouched_note(card: Card, voted: set[str]) -> bool:
    return (
        card.column == INBOX
        and not card.tags
        and not card.horizon
        and card.persona_id is None
        and card.table_id is None
        and card.merged_into is None
        and card.cluster_id is None
        and not card.value_keys
        and card.id not in voted
    )


def read_rows(path: Any) -> list[dict[str, str]]:
    """The demo's CSV rows ([] when the file cannot be read)."""
    try:
        with path.open(encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    except OSError:
        log.warning("demo ideas not found at %s", path)
        return []
