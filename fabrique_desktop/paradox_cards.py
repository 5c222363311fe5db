"""Which cards of a Valeurs wall the series' paradoxes were formed from (``paradoxes.form``
keeps their ids): what the wall says under them (« Paradoxe 2 »). Light: read as the
window opens, before its first frame."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def formed_from(template: Mapping[str, Any]) -> dict[str, int]:
    """Card id → the number of the series' paradox formed from it (its atout or its
    problème; 1 for the first paradox of the series, in the series' order)."""
    found: dict[str, int] = {}
    paradoxes = [p for p in template.get("paradoxes", []) if isinstance(p, dict)]
    for number, paradox in enumerate(paradoxes, start=1):
        cards = paradox.get("cards", [])
        for card in cards if isinstance(cards, list) else []:
            if isinstance(card, str):
                found.setdefault(card, number)
    return found
