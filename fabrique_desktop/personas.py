"""The persona deck of a series: create, edit, duplicate, retire and reorder personas.

Every use-case returns a ``Change`` (applied by the caller, undoable). Personas belong to
one series (``series_id``): editing them never touches another series, nor the template
the series was made from (that file is read-only data shipped with the app).
A retired persona keeps its ideas but leaves the deck: it is not presented, printed or dealt.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Any

from fabrique_desktop import changes
from fabrique_desktop.changes import Change
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Persona, new_id, utc_now
from fabrique_desktop.ports import Store

STEP = 1.0
EDITABLE = (
    "first_name",
    "role",
    "gender",
    "age",
    "town",
    "story",
    "worries",
    "hopes",
    "colour",
    "icon",
    "portrait",
)
DEFAULT_COLOUR = "#455A64"
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
MAX_AGE = 130


class PersonaError(FabriqueError):
    """A persona that cannot be saved as typed (no first name, bad age or colour)."""


def deck(store: Store, series_id: str, *, retired: bool = False) -> list[Persona]:
    """The live personas of a series in deck order; retired ones only if asked."""
    personas = store.find(Persona, series_id=series_id)
    if not retired:
        personas = [p for p in personas if not p.retired]
    return sorted(personas, key=lambda p: (p.position, p.first_name))


def create(store: Store, series_id: str, **fields: Any) -> tuple[Change, Persona]:
    """A new persona at the end of the deck (the change, and the persona it creates)."""
    values = clean(fields)
    existing = deck(store, series_id, retired=True)
    position = (max(p.position for p in existing) + STEP) if existing else 0.0
    persona = Persona(
        series_id=series_id, key=_unique_key(values["first_name"], existing), position=position
    )
    persona = replace(persona, **values)
    return Change("Créer un persona", (changes.create(persona),)), persona


def edit(persona: Persona, **fields: Any) -> Change:
    """Change some fields of a persona (validated); an empty change if nothing differs."""
    values = clean({**{k: getattr(persona, k) for k in EDITABLE}, **fields})
    values = {k: v for k, v in values.items() if k in fields}
    edit_ = changes.update(persona, **values)
    return Change("Modifier le persona", (edit_,) if edit_.after else ())


def duplicate(store: Store, persona: Persona) -> tuple[Change, Persona]:
    """A copy placed right after the original, named « Prénom (copie) »."""
    others = deck(store, persona.series_id, retired=True)
    after = [p.position for p in others if p.position > persona.position]
    position = (persona.position + min(after)) / 2 if after else persona.position + STEP
    now = utc_now()
    copy = replace(
        persona,
        id=new_id(),
        key=_unique_key(persona.first_name, others),
        first_name=f"{persona.first_name} (copie)",
        position=position,
        retired=False,
        created_at=now,
        updated_at=now,
    )
    return Change("Dupliquer le persona", (changes.create(copy),)), copy


def retire(persona: Persona) -> Change:
    edit_ = changes.update(persona, retired=True)
    return Change("Retirer le persona", (edit_,) if edit_.after else ())


def restore(persona: Persona) -> Change:
    edit_ = changes.update(persona, retired=False)
    return Change("Remettre le persona", (edit_,) if edit_.after else ())


def move(store: Store, persona: Persona, offset: int) -> Change:
    """Move a persona ``offset`` places up (negative) or down the deck."""
    personas = deck(store, persona.series_id, retired=True)
    index = next(i for i, p in enumerate(personas) if p.id == persona.id)
    target = max(0, min(len(personas) - 1, index + offset))
    if target == index:
        return Change("Déplacer le persona")
    rest = [p for p in personas if p.id != persona.id]
    if target == 0:
        position = rest[0].position - STEP
    elif target >= len(rest):
        position = rest[-1].position + STEP
    else:
        position = (rest[target - 1].position + rest[target].position) / 2
    return Change("Déplacer le persona", (changes.update(persona, position=position),))


def clean(fields: dict[str, Any]) -> dict[str, Any]:
    """Validate and normalise persona fields; a ``PersonaError`` in French names the problem."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise PersonaError(f"Champ de persona inconnu : « {sorted(unknown)[0]} ».")
    values = dict(fields)
    for name in ("first_name", "role", "gender", "town", "story", "icon", "portrait"):
        if name in values:
            values[name] = str(values[name] or "").strip()
    if "first_name" in values and not values["first_name"]:
        raise PersonaError("Un persona doit avoir un prénom.")
    if "age" in values:
        values["age"] = _age(values["age"])
    for name in ("worries", "hopes"):
        if name in values:
            values[name] = _lines(values[name])
    if "colour" in values:
        colour = str(values["colour"] or DEFAULT_COLOUR).strip()
        if not _COLOUR.match(colour):
            raise PersonaError(f"Couleur invalide « {colour} » : elle doit s'écrire #RRVVBB.")
        values["colour"] = colour.upper()
    if "icon" in values and not values["icon"]:
        values["icon"] = "fa5s.user"
    return values


def label(persona: Persona) -> str:
    """« Bernard, agriculteur bio » — how a persona is named in lists."""
    return f"{persona.first_name}, {persona.role[:1].lower()}{persona.role[1:]}".rstrip(", ")


def _age(value: Any) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        age = int(str(value).strip())
    except ValueError as error:
        raise PersonaError(f"Âge invalide « {value} » : écrivez un nombre d'années.") from error
    if not 0 <= age <= MAX_AGE:
        raise PersonaError(f"Âge invalide « {age} » : entre 0 et {MAX_AGE} ans.")
    return age


def _lines(value: Any) -> list[str]:
    items = value.splitlines() if isinstance(value, str) else list(value or [])
    return [str(line).strip().lstrip("-•").strip() for line in items if str(line).strip()]


def unique_key(text: str, taken: set[str], fallback: str) -> str:
    """An ascii slug of ``text`` not in ``taken``: « Thảo » → « thao », then « thao-2 »…"""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or fallback
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


def _unique_key(first_name: str, existing: list[Persona]) -> str:
    return unique_key(first_name, {p.key for p in existing}, "persona")
