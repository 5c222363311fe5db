"""What each kind of atelier produces, for its report (issue 26).

The seed's « étapes de la démarche »: the Valeurs ateliers produce the paradoxes and the
value system, the Objectifs ateliers the objectives and pistes de projet, the Convergence
atelier the engagements per Vivre, the trame of the project and the récit prospectif. A
report shows what its atelier produced; one with nothing yet says what the atelier is for
and what is still to do, never « 0 idée ».
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fabrique_desktop.report_words import amount, tr
from fabrique_desktop.template import Template

PURPOSES = {
    "valeurs": (
        "Un atelier Valeurs fait dire aux habitants fictifs ce que le territoire a et ce qui "
        "lui manque, en tire les paradoxes (un atout face à un défi, avec ses faits) et fait "
        "émerger les valeurs partagées : proposées, votées, puis adoptées avec leur définition."
    ),
    "objectifs": (
        "Un atelier Objectifs et pistes de projet classe les pistes de projet dans les quatre "
        "Vivre, les regroupe en objectifs et les place aux horizons 2024 et 2040, en partant "
        "du futur engagé."
    ),
    "convergence": (
        "Un atelier Convergence reprend les pistes et les objectifs des ateliers précédents et "
        "les condense en engagements par Vivre, chacun avec ses « Comment ? » ; il consolide la "
        "trame du projet et écrit le récit prospectif."
    ),
}

STILL_TO_DO = {
    "valeurs": (
        "Noter ce que les habitants fictifs disent du territoire (atouts et problèmes).",
        "Rapprocher un atout et un défi en paradoxe, avec ses faits.",
        "Proposer les valeurs, les voter, adopter chacune avec sa définition.",
    ),
    "objectifs": (
        "Noter les pistes de projet de la salle (Ctrl+N).",
        "Les classer dans les quatre Vivre et leur donner un horizon (2024 ou 2040).",
        "Regrouper en objectifs les pistes d’un même Vivre qui visent un même but (Ctrl+G).",
        "Les voter et garder les plus soutenues.",
    ),
    "convergence": (
        "Reprendre les pistes des ateliers précédents.",
        "Écrire les engagements de chaque Vivre avec leurs « Comment ? ».",
        "Écrire le récit prospectif de chaque Vivre.",
    ),
    "autre": ("Noter les idées de la salle (Ctrl+N), les classer et les voter.",),
}


OBJECTIVES_TO_DO = (
    "Aucun objectif n’est encore formé. Un objectif regroupe, dans un Vivre, les pistes qui "
    "visent un même but. Sur le mur, sélectionnez ces pistes (clic, puis Ctrl+clic), faites "
    "Ctrl+G et nommez l’objectif : il figurera ici avec ses pistes et leur horizon."
)
"""What an Objectifs atelier whose pistes are not grouped yet says of its objectives."""


def objectives_to_do(phase: str, pistes: int, objectives: int) -> str:
    """What objectives are and how to make them, for an atelier of ``phase`` with
    ``pistes`` on its board and ``objectives`` made of them ("" when there is nothing to
    say: another kind of atelier, objectives already made, or no piste on this board)."""
    return OBJECTIVES_TO_DO if phase == "objectifs" and pistes and not objectives else ""


@dataclass(frozen=True)
class ParadoxView:
    """A paradox as the seed prints it: an asset set against a challenge, with its facts."""

    title: str
    asset: str = ""
    challenge: str = ""
    facts: tuple[str, ...] = ()
    cards: tuple[str, ...] = ()
    """The texts of this atelier's cards it was formed from on the wall."""


@dataclass(frozen=True)
class ValueView:
    title: str
    definition: str = ""
    key: str = ""
    proposals: tuple[str, ...] = ()
    """The proposals of this atelier adopted as this value (the values round)."""
    votes: int = 0
    """Their dots."""


def _texts(items: Any) -> tuple[str, ...]:
    return tuple(str(i) for i in items if str(i).strip()) if isinstance(items, list) else ()


def paradoxes(
    template: Template, cards: Mapping[str, str] | None = None
) -> tuple[ParadoxView, ...]:
    """The series' paradoxes (its template's), in order; with the texts of the ``cards``
    (id → text: the atelier's) each was formed from."""
    cards = cards or {}
    return tuple(
        ParadoxView(
            title=str(p.get("title", "")),
            asset=str(p.get("asset", "")),
            challenge=str(p.get("challenge", "")),
            facts=_texts(p.get("facts", [])),
            cards=tuple(cards[c] for c in p.get("cards", []) if isinstance(c, str) and c in cards),
        )
        for p in template.section("paradoxes")
        if isinstance(p, dict) and str(p.get("title", "")).strip()
    )


def values(template: Template) -> tuple[ValueView, ...]:
    """The series' value system: each value with its definition."""
    return tuple(
        ValueView(str(v.get("title", "")), str(v.get("definition", "")), str(v.get("key", "")))
        for v in template.section("values")
        if isinstance(v, dict) and str(v.get("title", "")).strip()
    )


def purpose(phase: str) -> str:
    """What an atelier of ``phase`` is for ("" for a phase of no known kind)."""
    return PURPOSES.get(phase, "")


def still_to_do(phase: str) -> tuple[str, ...]:
    """What an atelier of ``phase`` with nothing yet has still to do."""
    return STILL_TO_DO.get(phase, STILL_TO_DO["autre"])


def trame(template: Template, engagements: int) -> tuple[str, ...]:
    """The trame of the project, as the seed draws it: Valeurs → 4 Vivre → engagements →
    pistes de projet (one line each)."""
    lines = []
    told = values(template)
    if told:
        lines.append(tr("Valeurs : {values}", values=", ".join(v.title for v in told)))
    vivre = [c.title for c in template.vivre_columns]
    if vivre:
        lines.append(tr("{n} Vivre : {names}", n=len(vivre), names=", ".join(vivre)))
    if engagements:
        lines.append(
            tr(
                "{engagements}, chacun avec ses « Comment ? »",
                engagements=amount(engagements, "engagement", "engagements"),
            )
        )
    lines.append(tr("Les pistes de projet des ateliers précédents"))
    return tuple(lines)
