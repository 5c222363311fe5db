"""Search and filter the board: by words, persona, table, tag and horizon.

The search field takes the capture markers: ``tram @bernard #mobilité !2040 =3``. Words
must all appear in the card's text or themes (accents and case ignored); markers of one kind are
alternatives (``#a #b``: either tag), kinds combine (persona and horizon…).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import field

from fabrique_desktop.capture import fold, match_horizon, match_personas, match_tag
from fabrique_desktop.model import Card, Persona, Table
from fabrique_desktop.quick_dataclass import quick_dataclass


@quick_dataclass(frozen=True)
class Filter:
    words: tuple[str, ...] = ()
    persona_ids: frozenset[str] = field(default_factory=frozenset)
    table_ids: frozenset[str] = field(default_factory=frozenset)
    tags: frozenset[str] = field(default_factory=frozenset)
    horizons: frozenset[str] = field(default_factory=frozenset)
    problems: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.words or self.persona_ids or self.table_ids or self.tags or self.horizons)

    def matches(self, card: Card) -> bool:
        if self.persona_ids and card.persona_id not in self.persona_ids:
            return False
        if self.table_ids and card.table_id not in self.table_ids:
            return False
        if self.horizons and card.horizon not in self.horizons:
            return False
        if self.tags and not self.tags.intersection(fold(t) for t in card.tags):
            return False
        if self.words:  # plain words look in the text and the themes (« mobilité » finds #Mobilité)
            text = fold(" ".join([card.text, *card.tags]))
            return all(w in text for w in self.words)
        return True

    def dimmed(self, cards: Iterable[Card]) -> set[str]:
        """Ids of the cards this filter leaves out (none when it is not active)."""
        if not self.active:
            return set()
        return {c.id for c in cards if not self.matches(c)}


def parse_query(
    query: str,
    *,
    personas: Sequence[Persona] = (),
    tables: Sequence[Table] = (),
    known_tags: Iterable[str] = (),
) -> Filter:
    known = list(known_tags)
    words: list[str] = []
    persona_ids: set[str] = set()
    table_ids: set[str] = set()
    tags: set[str] = set()
    horizons: set[str] = set()
    problems: list[str] = []
    for token in query.split():
        sign, value = token[0], token[1:]
        if sign == "@" and value:
            found = match_personas(value, personas)
            if not found:
                problems.append(f"Persona inconnu : « {value} ».")
            persona_ids.update(p.id for p in found)
        elif sign == "#" and value:
            tags.add(fold(match_tag(value, known)))
        elif sign == "!" and value:
            horizon = match_horizon(value)
            if horizon:
                horizons.add(horizon)
            else:
                problems.append(f"Horizon inconnu : « {value} » (2024 ou 2040).")
        elif sign == "=" and value.isdigit():
            matching = [t.id for t in tables if t.number == int(value)]
            if not matching:
                problems.append(f"Pas de table n° {value} dans cet atelier.")
                matching = ["(aucune)"]
            table_ids.update(matching)
        else:
            words.append(fold(token))
    return Filter(
        words=tuple(words),
        persona_ids=frozenset(persona_ids),
        table_ids=frozenset(table_ids),
        tags=frozenset(tags),
        horizons=frozenset(horizons),
        problems=tuple(problems),
    )
