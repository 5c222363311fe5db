"""Paradoxes formed on the wall of a Valeurs atelier (issue 26): what the personas told of
the territory — an atout and a problème, each a card — paired into a paradox (a title, the
asset, the challenge, the facts behind it). The paradox joins the series' diagnostic (its
template's ``paradoxes``) and keeps the ids of the cards it came from, so that the atelier's
report shows them. One undo step through the bus.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from fabrique_desktop import changes
from fabrique_desktop.changes import Change
from fabrique_desktop.errors import TemplateError
from fabrique_desktop.limits import MAX_ITEMS, MAX_TEXT
from fabrique_desktop.model import Card, Series
from fabrique_desktop.personas import unique_key
from fabrique_desktop.template import validate


def suggested_title(asset: str, challenge: str) -> str:
    """« Une nature spectaculaire, mais qui doit être mieux protégée », as the seed writes."""
    asset, challenge = asset.strip().rstrip(" ."), challenge.strip().rstrip(" .")
    if not challenge:
        return asset
    return f"{asset}, mais {challenge[:1].lower()}{challenge[1:]}" if asset else challenge


def form(
    series: Series,
    cards: Sequence[Card],
    title: str,
    asset: str,
    challenge: str,
    facts: Sequence[str] = (),
) -> Change:
    """Add the paradox made of ``cards`` to ``series``' diagnostic."""
    title, asset, challenge = (" ".join(t.split()) for t in (title, asset, challenge))
    facts = [" ".join(f.split()) for f in facts if f.strip()]
    if not title:
        raise TemplateError("Donnez un titre au paradoxe.")
    if not asset or not challenge:
        raise TemplateError("Un paradoxe met un atout face à un défi : écrivez les deux.")
    if any(len(t) > MAX_TEXT for t in (title, asset, challenge, *facts)):
        raise TemplateError(f"Un texte du paradoxe dépasse {MAX_TEXT} caractères.")
    if len(facts) > MAX_ITEMS:
        raise TemplateError(f"Un paradoxe a au plus {MAX_ITEMS} faits.")
    data = copy.deepcopy(series.template)
    paradoxes = [p for p in data.get("paradoxes", []) if isinstance(p, dict)]
    taken = {str(p.get("key", "")) for p in paradoxes}
    paradoxes.append(
        {
            "key": unique_key(title, taken, "paradoxe")[:60],
            "title": title,
            "asset": asset,
            "challenge": challenge,
            "facts": facts,
            "cards": [c.id for c in cards],
        }
    )
    data["paradoxes"] = paradoxes
    validate(data)
    from fabrique_desktop import validation  # pydantic: only when saving

    validation.template_document(data, "Paradoxe")
    return Change(f"Former le paradoxe « {title[:40]} »", (changes.update(series, template=data),))
