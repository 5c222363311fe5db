"""The « récit prospectif »: per series, a dream text per Vivre written together, and
quotes captured from the room, each attributed to a persona.

Dreams belong to the series (one text per Vivre column, rewritten from atelier to
atelier); quotes are captured in a session and gathered across the series.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from fabrique_desktop import changes
from fabrique_desktop.changes import Change
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Entity, Session, register
from fabrique_desktop.ports import Store

MAX_TEXT = 20_000


class RecitError(FabriqueError):
    """A quote or a dream that cannot be saved as typed."""


@register
@dataclass(kw_only=True)
class Dream(Entity):
    """The dream of one Vivre, written together over the series."""

    kind: ClassVar[str] = "dreams"

    series_id: str = ""
    column: str = ""
    text: str = ""


@register
@dataclass(kw_only=True)
class Quote(Entity):
    """Words from the room, attributed to a persona, about one Vivre (or none)."""

    kind: ClassVar[str] = "quotes"

    series_id: str = ""
    session_id: str = ""
    persona_id: str | None = None
    column: str = ""
    text: str = ""
    position: float = 0.0


def dreams(store: Store, series_id: str) -> dict[str, Dream]:
    """The dream of each column that has one."""
    return {d.column: d for d in store.find(Dream, series_id=series_id)}


def set_dream(store: Store, series_id: str, column: str, text: str) -> Change:
    text = text.strip()
    if len(text) > MAX_TEXT:
        raise RecitError("Ce texte est trop long (20 000 caractères au plus).")
    existing = dreams(store, series_id).get(column)
    if existing is None:
        if not text:
            return Change("Écrire le rêve")
        dream = Dream(series_id=series_id, column=column, text=text)
        return Change("Écrire le rêve", (changes.create(dream),))
    edit = changes.update(existing, text=text)
    return Change("Écrire le rêve", (edit,) if edit.after else ())


def quotes(store: Store, series_id: str, column: str | None = None) -> list[Quote]:
    where: dict[str, Any] = {"series_id": series_id}
    if column is not None:
        where["column"] = column
    return store.find(Quote, **where)


def add_quote(
    store: Store, session: Session, text: str, persona_id: str | None = None, column: str = ""
) -> Change:
    text = text.strip().strip('«»"“” ').strip()
    if not text:
        raise RecitError("La citation est vide.")
    if len(text) > MAX_TEXT:
        raise RecitError("Cette citation est trop longue (20 000 caractères au plus).")
    existing = quotes(store, session.series_id)
    quote = Quote(
        series_id=session.series_id,
        session_id=session.id,
        persona_id=persona_id,
        column=column,
        text=text,
        position=(max(q.position for q in existing) + 1.0) if existing else 1.0,
    )
    return Change("Ajouter une citation", (changes.create(quote),))


def edit_quote(quote: Quote, **fields: object) -> Change:
    if "text" in fields:
        fields["text"] = str(fields["text"]).strip()
        if not fields["text"]:
            raise RecitError("La citation est vide.")
    edit = changes.update(quote, **fields)
    return Change("Modifier la citation", (edit,) if edit.after else ())


def remove_quote(quote: Quote) -> Change:
    return Change("Supprimer la citation", (changes.delete(quote),))
