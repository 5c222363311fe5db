"""The values round of a Valeurs atelier (issue 26): values proposed as cards, duplicates
merged (card fusion), dot-voted (the vote machinery), then adopted with a definition.

Adopting a card makes its text one of the series' shared values (its template's
``values``, with the definition the room agreed on) and marks the card with that value's
key, so that the report shows which proposal became which value, with its dots. Adopting a
value already in the series (same name) gives it the new definition.
"""

from __future__ import annotations

from fabrique_desktop import changes
from fabrique_desktop.changes import Change
from fabrique_desktop.errors import TemplateError
from fabrique_desktop.limits import MAX_NAME, MAX_TEXT
from fabrique_desktop.model import Card, Series


def value_title(card: Card) -> str:
    """The value's name from a proposal: its first line, without a final full stop."""
    first = card.text.strip().split("\n", 1)[0].strip().rstrip(" .")
    return first[:1].upper() + first[1:] if first else ""


def adopt(series: Series, card: Card, definition: str) -> Change:
    """Adopt ``card`` as a shared value of ``series`` with ``definition``: one undo step."""
    from fabrique_desktop.template_exchange import edit_values

    title = value_title(card)
    if not title:
        raise TemplateError("Cette proposition est vide : rien à adopter.")
    if len(title) > MAX_NAME:
        raise TemplateError(
            f"Le nom d'une valeur tient en {MAX_NAME} caractères ; cette proposition en a "
            f"{len(title)}. Raccourcissez-la avant de l'adopter."
        )
    definition = " ".join(definition.split())
    if len(definition) > MAX_TEXT:
        raise TemplateError(f"La définition dépasse {MAX_TEXT} caractères.")
    values = [dict(v) for v in series.template.get("values", []) if isinstance(v, dict)]
    same = next((v for v in values if str(v.get("title", "")).casefold() == title.casefold()), None)
    if same is not None:
        same["definition"] = definition
    else:
        values.append({"title": title, "definition": definition})
    change = edit_values(series, values)
    after = change.edits[0].after if change.edits else None
    template = after["template"] if after and "template" in after else series.template
    adopted = [v for v in template.get("values", []) if isinstance(v, dict)]
    key = next(
        str(v["key"]) for v in adopted if str(v.get("title", "")).casefold() == title.casefold()
    )
    marked = changes.update(card, value_keys=sorted({*card.value_keys, key}))
    mark = Change("", (marked,) if marked.after else ())
    return changes.combine(change, mark, f"Adopter la valeur « {title} »")


def adopted_keys(cards: list[Card]) -> dict[str, list[Card]]:
    """Value key → the proposals adopted as that value."""
    found: dict[str, list[Card]] = {}
    for card in cards:
        for key in card.value_keys:
            found.setdefault(key, []).append(card)
    return found
