"""The words reports print around participants' words (headings, labels, counts), in French
and English. ``word`` answers in the documents' language (``typography.language``)."""

from __future__ import annotations

import datetime

from fabrique_desktop.report_english import ENGLISH
from fabrique_desktop.template import Column
from fabrique_desktop.typography import NBSP, current_language

WORDS: dict[str, tuple[str, str]] = {
    "report": ("Compte rendu", "Report"),
    "synthesis": ("Synthèse des ateliers", "Synthesis of the workshops"),
    "contents": ("Sommaire", "Contents"),
    "series": ("Démarche", "Process"),
    "date": ("Date", "Date"),
    "place": ("Lieu", "Place"),
    "step": ("Étape", "Step"),
    "facilitator": ("Animation", "Facilitation"),
    "published_by": ("Publié par", "Published by"),
    "key_figures": ("Chiffres clés", "Key figures"),
    "agenda": ("Déroulé de l’atelier", "How the workshop ran"),
    "planned": ("Prévu", "Planned"),
    "actual": ("Réel", "Actual"),
    "minutes": ("min", "min"),
    "personas": ("Les personas présents", "The personas in the room"),
    "persona": ("Persona", "Persona"),
    "role": ("Rôle", "Role"),
    "tables": ("Tables", "Tables"),
    "ideas_by_vivre": ("Les idées par Vivre", "Ideas by Vivre"),
    "vivre": ("Vivre", "Vivre"),
    "ideas": ("Idées", "Ideas"),
    "idea": ("idée", "idea"),
    "ideas_noun": ("idées", "ideas"),
    "atelier_noun": ("atelier", "workshop"),
    "ateliers_noun": ("ateliers", "workshops"),
    "engagement_noun": ("engagement", "commitment"),
    "engagements_noun": ("engagements", "commitments"),
    "dot": ("gommette", "dot"),
    "dots": ("gommettes", "dots"),
    "vote": ("vote", "vote"),
    "votes_noun": ("votes", "votes"),
    "votes": ("Votes", "Votes"),
    "futur": (
        "Futur engagé : des réalisations déjà décidées",
        "Committed future: achievements already decided",
    ),
    "inbox": ("Idées notées, pas encore classées dans un Vivre", "Ideas noted, not yet in a Vivre"),
    "top": ("Les idées les plus soutenues", "The ideas the room supported most"),
    "engagements": ("Les engagements", "The commitments"),
    "how": ("Comment ?", "How?"),
    "from_ideas": ("À partir des idées", "From the ideas"),
    "dreams": ("Le récit prospectif", "The story of the future"),
    "quotes": ("Ils l’ont dit", "In their words"),
    "photos": ("Photos", "Photos"),
    "photo": ("Photo de l’atelier", "Photo of the workshop"),
    "horizon": ("Horizon", "Horizon"),
    "no_horizon": ("Sans date précise", "No date given"),
    "no_theme": ("Autres idées", "Other ideas"),
    "ateliers": ("Les ateliers", "The workshops"),
    "atelier": ("Atelier", "Workshop"),
    "produced": ("Ce qu’il a produit", "What it produced"),
    "introduction": ("Introduction", "Introduction"),
    "why": ("Pourquoi ce projet ?", "Why this project?"),
    "next": ("La suite", "What comes next"),
    "participants": ("Ils ont participé", "Who took part"),
    "values": ("Des valeurs qui nous engagent", "Values we stand by"),
    "paradoxes": ("Des atouts à la hauteur des défis", "Assets equal to the challenges"),
    "asset": ("Atout", "Asset"),
    "challenge": ("Défi", "Challenge"),
    "colophon": ("Colophon", "Colophon"),
    "made_with": (
        "Document établi avec Fabrique à partir des idées écrites en atelier.",
        "Made with Fabrique from the ideas written in the workshops.",
    ),
    "chart_ideas": ("Combien d’idées dans chaque Vivre", "How many ideas in each Vivre"),
    "chart_desc": ("{n} idées en tout : {parts}.", "{n} ideas in all: {parts}."),
    # a Valeurs wall's atouts, problèmes and values are cards, not ideas
    "cards_by_column": ("Les cartes par colonne", "Cards by column"),
    "chart_cards": ("Combien de cartes dans chaque colonne", "How many cards in each column"),
    "chart_desc_cards": ("{n} cartes en tout : {parts}.", "{n} cards in all: {parts}."),
    "card": ("carte", "card"),
    "cards_noun": ("cartes", "cards"),
    "by": ("par", "by"),
    "table_of": ("Les chiffres du graphique", "The chart's figures"),
    "skip": ("Aller au contenu", "Skip to the content"),
    "back_to_top": ("Haut de page", "Back to top"),
}


PHASES: dict[str, tuple[str, str]] = {
    "valeurs": ("Valeurs", "Values"),
    "objectifs": ("Objectifs & pistes de projet", "Objectives & project ideas"),
    "convergence": ("Convergence", "Convergence"),
    "autre": ("Autre", "Other"),
}
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def phase_name(phase: str) -> str:
    """An atelier's kind in the documents' language (« Valeurs » / « Values »)."""
    french, english = PHASES.get(phase, (phase, phase))
    return english if current_language() == "en" else french


def english_date(iso: str) -> str:
    """« 9 May 2017 » from « 2017-05-09 »; anything else as it is."""
    try:
        day = datetime.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def word(key: str) -> str:
    """``key``'s words in the documents' language."""
    french, english = WORDS[key]
    return english if current_language() == "en" else french


def counted(n: int, key_one: str, key_many: str) -> str:
    """« 3 idées », « 1 vote », « 0 idée »: a count with its noun in the documents'
    language (French: 0 and 1 singular; English: only 1)."""
    one = n == 1 or (n == 0 and current_language() != "en")
    return f"{n}{NBSP}{word(key_one if one else key_many)}"


def colon() -> str:
    """« : » after a label: a no-break space before it in French, none in English."""
    return ":" if current_language() == "en" else f"{NBSP}:"


def tr(french: str, **values: object) -> str:
    """A label of the reports, written in French in the code, in the documents' language
    (its English from ``report_english.ENGLISH``), with ``values`` put in its ``{names}``.
    A label without its English is printed in French (tests/exports/test_english_reports.py
    fails on it)."""
    text = ENGLISH.get(french, french) if current_language() == "en" else french
    return text.format(**values) if values else text


def noun(n: int, singular: str, plural: str) -> str:
    """``singular`` or ``plural`` (given in French) agreeing with ``n``, in the documents'
    language: French takes the singular for 0 and 1, English for 1 only."""
    one = n == 1 or (n == 0 and current_language() != "en")
    return tr(singular if one else plural)


def amount(n: int, singular: str, plural: str) -> str:
    """« 3 idées » / « 3 ideas »: ``n`` and its noun (given in French) agreeing, in the
    documents' language."""
    return f"{n} {noun(n, singular, plural)}"


# the line under what each kind of atelier produced, in every report (PDF, HTML, Markdown):
# the French sentence (its English in report_english), the counted noun's two forms
PRODUCED_INTROS = {
    "paradoxes": (
        "{paradoxes} : un atout face à un défi, avec ses faits.",
        ("paradoxe", "paradoxes"),
    ),
    "objectives": (
        "{objectives} : les pistes regroupées dans chaque Vivre.",
        ("objectif", "objectifs"),
    ),
    "pistes": (
        "{pistes} pour converger, telles que les ateliers les ont laissées.",
        ("piste de projet reprise", "pistes de projet reprises"),
    ),
}


def produced_intro(what: str, n: int) -> str:
    """« 7 paradoxes : un atout face à un défi, avec ses faits. » (``what``: a key of
    ``PRODUCED_INTROS``), in the documents' language."""
    sentence, (singular, plural) = PRODUCED_INTROS[what]
    return tr(sentence, **{what: amount(n, singular, plural)})


def date(iso: str) -> str:
    """« 9 mai 2017 » / « 9 May 2017 » from « 2017-05-09 »; anything else as it is."""
    if current_language() == "en":
        return english_date(iso)
    return french_date(iso)


MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def french_date(iso: str) -> str:
    """« 11 mai 2017 » (« 1er mai 2017 ») from « 2017-05-11 »; anything else as it is."""
    try:
        day = datetime.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {MONTHS_FR[day.month - 1]} {day.year}"


# the built-in template's columns that are not Vivre (a territory's own titles stay as written)
BUILTIN_COLUMNS_EN = {
    ("inbox", "À trier"): "To sort",
    ("atouts", "Atouts"): "Strengths",
    ("problemes", "Problèmes"): "Problems",
    ("valeurs", "Valeurs proposées"): "Proposed values",
}


def column_title(column: Column) -> str:
    """A column's title in the documents' language: the built-in template's own columns in
    English under ``--lang en``; a series' own titles (its Vivre) as written."""
    return titled(column.key, column.title)


def titled(key: str, title: str) -> str:
    """``column_title`` of the column ``key`` titled ``title``."""
    if current_language() == "en":
        return BUILTIN_COLUMNS_EN.get((key, title), title)
    return title
