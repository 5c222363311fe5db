"""Inline markers typed with an idea, so that a note-taker never needs the mouse.

    Un tram jusqu'à Aubagne @bernard #mobilité !2040 >mieux =3

- ``@persona``: a persona's first name, key or role word (accents and case ignored; the
  start of the word is enough, e.g. ``@agri`` or ``@josi``);
- ``#tag``: a theme; an existing tag of the session keeps its spelling (``#mobilite`` →
  ``#Mobilité``);
- ``!2024`` / ``!2040`` (or ``!24`` / ``!40``): the horizon;
- ``!futur`` (or ``!engagé``): a « Futur engagé » item, a decision already taken, not a
  participant's idea;
- ``>colonne``: the target column, by key, title word or number (``>mieux``, ``>monde``,
  ``>2``; ``>0`` is « À trier »);
- ``=3``: the table number (the table is created in the session if it does not exist).

Markers are removed from the text. A marker that names nothing known stays in the text
and yields a French ``problem`` for the capture hint.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from fabrique_desktop.lazy_pattern import LazyPattern
from fabrique_desktop.model import FUTUR, HORIZONS, IDEA, Persona
from fabrique_desktop.quick_dataclass import quick_dataclass
from fabrique_desktop.template import Column

MARKERS = "@#!>="
_MARKER = LazyPattern(r"(?<!\S)([@#!>=])([^\s@#!>=]+)")
_TRAILING = ".,;:?!)»\"'"
FUTUR_WORDS = frozenset({"futur", "engage", "futur-engage", "futurengage"})  # folded
_MIN_FUZZY = 6  # « agricultrice » finds « agriculteur »: this many first letters in common


def fold(text: str) -> str:
    """Lower case without accents: « Thảo » → « thao », « Élodie » → « elodie »."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("œ", "oe")


@quick_dataclass(frozen=True)
class Parsed:
    """What a typed line means: the idea's text and the attributes its markers set."""

    text: str
    persona_id: str | None = None
    table_number: int | None = None
    horizon: str = ""
    tags: tuple[str, ...] = ()
    column: str | None = None
    problems: tuple[str, ...] = ()
    card_kind: str = IDEA


def _persona_words(persona: Persona) -> list[str]:
    words = [persona.first_name, persona.key, *re.split(r"[\s’'()-]+", persona.role)]
    words += persona.key.split("-")
    return [fold(w) for w in words if w]


def match_personas(word: str, personas: Iterable[Persona]) -> list[Persona]:
    """Personas whose first name, key or a role word starts with ``word`` (folded)."""
    wanted = fold(word)
    if not wanted:
        return []
    live = [p for p in personas if not p.deleted and not p.retired]
    exact = [p for p in live if wanted in (fold(p.first_name), fold(p.key))]
    if exact:
        return exact
    found = [p for p in live if any(w.startswith(wanted) for w in _persona_words(p))]
    if found or len(wanted) < _MIN_FUZZY:
        return found
    return [
        p for p in live if any(_common_prefix(w, wanted) >= _MIN_FUZZY for w in _persona_words(p))
    ]


def match_column(word: str, columns: Sequence[Column]) -> Column | None:
    """A column by number (0 = inbox, 1… = the others in order), key, or title word."""
    if word.isdigit():
        index = int(word)
        return columns[index] if index < len(columns) else None
    wanted = fold(word)
    for column in columns:
        if fold(column.key) == wanted:
            return column
    found = [
        c
        for c in columns
        if fold(c.key).startswith(wanted)
        or any(w.startswith(wanted) for w in fold(c.title).split() if len(w) > 2)
    ]
    return found[0] if len(found) == 1 else None


def match_tag(word: str, known: Iterable[str]) -> str:
    """``#word`` with the spelling of a known tag if one matches, else as typed."""
    wanted = fold(word.lstrip("#"))
    for tag in known:
        if fold(tag.lstrip("#")) == wanted:
            return tag
    return "#" + word.lstrip("#")


def match_horizon(word: str) -> str:
    for horizon in HORIZONS:
        if word in (horizon, horizon[2:]):
            return horizon
    return ""


def parse(
    line: str,
    *,
    personas: Sequence[Persona] = (),
    columns: Sequence[Column] = (),
    known_tags: Iterable[str] = (),
) -> Parsed:
    """Split a typed line into the idea's text and its markers."""
    known = list(known_tags)
    persona_id: str | None = None
    table: int | None = None
    horizon = ""
    tags: list[str] = []
    column: str | None = None
    card_kind = IDEA
    problems: list[str] = []
    kept: list[str] = []
    position = 0
    for match in _MARKER.finditer(line):
        kept.append(line[position : match.start()])
        position = match.end()
        sign, raw = match.group(1), match.group(2)
        value = raw.rstrip(_TRAILING)
        tail = raw[len(value) :]
        understood = True
        if not value:
            understood = False
        elif sign == "@":
            found = match_personas(value, personas)
            if len(found) == 1:
                persona_id = found[0].id
            else:
                understood = False
                problems.append(
                    f"Persona inconnu : « {value} »."
                    if not found
                    else f"« @{value} » désigne plusieurs personas : "
                    + ", ".join(p.first_name for p in found)
                    + "."
                )
        elif sign == "#":
            if value[0].isalpha():
                tag = match_tag(value, known + tags)
                if tag not in tags:
                    tags.append(tag)
            else:
                understood = False
        elif sign == "!" and fold(value) in FUTUR_WORDS:
            card_kind = FUTUR
        elif sign == "!":
            horizon = match_horizon(value)
            if not horizon:
                understood = False
                if value.isdigit():
                    problems.append(f"Horizon inconnu : « {value} » (2024 ou 2040).")
        elif sign == ">":
            target = match_column(value, columns)
            if target is None:
                understood = False
                problems.append(f"Colonne inconnue : « {value} ».")
            else:
                column = target.key
        elif sign == "=":
            if value.isdigit() and 0 < int(value) < 1000:
                table = int(value)
            else:
                understood = False
        if understood:
            kept.append(tail)
        else:
            kept.append(match.group(0))
    kept.append(line[position:])
    text = " ".join("".join(kept).split())
    # a marker removed before a comma or a full stop leaves no space before it; French keeps
    # its space before « : » and « ; » (« Constat : il manque des bancs »)
    text = re.sub(r"\s+([,.])", r"\1", text)
    return Parsed(
        text=text,
        persona_id=persona_id,
        table_number=table,
        horizon=horizon,
        tags=tuple(tags),
        column=column,
        problems=tuple(problems),
        card_kind=card_kind,
    )


def current_marker(line: str, cursor: int) -> tuple[str, str, int] | None:
    """The marker being typed at ``cursor``: (sign, prefix so far, start index), for completion."""
    start = cursor
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    word = line[start:cursor]
    if len(word) >= 1 and word[0] in "@#>":
        return word[0], word[1:], start
    return None


def markers_for(
    *,
    persona: Persona | None = None,
    table_number: int | None = None,
    horizon: str = "",
    tags: Iterable[str] = (),
    card_kind: str = IDEA,
) -> str:
    """The markers that give a card its current attributes (to edit a card as one line)."""
    parts = ["!futur"] if card_kind == FUTUR else []
    if persona is not None:
        name = persona.first_name if " " not in persona.first_name else persona.key
        parts.append("@" + name)
    if table_number:
        parts.append(f"={table_number}")
    if horizon:
        parts.append("!" + horizon)
    parts.extend("#" + t.lstrip("#") for t in tags)
    return " ".join(parts)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
