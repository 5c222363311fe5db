"""Templates in and out of a series, and editing a series' own copy of its template.

``export_template`` writes what a series is run with today: its columns and values (its
copy of the template, as edited), its current persona deck and its ateliers' plan, as a
versioned JSON document any Fabrique can import to start a new series for another
territory. ``import_template`` validates such a file (``template.validate``) and creates a
new series from it; a broken, foreign or newer file is refused, naming what is wrong,
and nothing is changed. The built-in template file is never written.

No participant data ever goes into a template: only the method and the fictional personas.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from fabrique_desktop import __version__, booklet, changes
from fabrique_desktop.changes import Change
from fabrique_desktop.counting import said
from fabrique_desktop.errors import TemplateError
from fabrique_desktop.limits import MAX_TEMPLATE_BYTES, composed, shown
from fabrique_desktop.model import INBOX, Card, Series, utc_now
from fabrique_desktop.personas import deck, unique_key
from fabrique_desktop.ports import Store
from fabrique_desktop.template import (
    FORMAT,
    FORMAT_VERSION,
    MAX_COLUMNS,
    MIN_COLUMNS,
    Template,
    validate,
)
from fabrique_desktop.workspace import list_series, list_sessions, new_series

MAX_BYTES = MAX_TEMPLATE_BYTES
PERSONA_FIELDS = (
    "key",
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
)
COLUMN_FIELDS = (
    "key",
    "title",
    "kind",
    "colour",
    "tint",
    "subtitle",
    "challenge",
    "keywords",
    "dream",
)


# export and import

PLAN_FIELDS = ("audience", "produced")
"""What a series' plan says of an atelier beyond its session row, kept in an exported
template."""


def export_template(store: Store, series: Series, media_dir: Path | None = None) -> dict[str, Any]:
    """The series as a template document: its method, its deck and its plan of ateliers,
    and its booklet's logo when its file is in ``media_dir``."""
    data = copy.deepcopy(series.template)
    booklet.embed_logo(data, media_dir)
    data["format"] = FORMAT
    data["format_version"] = FORMAT_VERSION
    data["app_version"] = __version__
    data["exported_at"] = utc_now()
    data["personas"] = [
        {name: getattr(p, name) for name in PERSONA_FIELDS} for p in deck(store, series.id)
    ]
    planned = {
        a.get("number"): a
        for a in series.template.get("series", {}).get("ateliers", [])
        if isinstance(a, dict)
    }
    for paradox in data.get("paradoxes", []):  # the wall's cards are the data's, not the method's
        if isinstance(paradox, dict):
            paradox.pop("cards", None)
    data["series"] = {
        "title": series.title,
        "ateliers": [
            {
                "number": s.number,
                "title": s.title,
                "date": s.date,
                "phase": s.phase,
                "place": s.place,
                # who takes part and what the atelier produces are the method's; which
                # ateliers share their results (« joint ») is the data's: not in a template
                **{k: planned[s.number][k] for k in PLAN_FIELDS if k in planned.get(s.number, {})},
            }
            for s in list_sessions(store, series.id)
        ],
    }
    validate(data)
    return data


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)


def parse_template(data: bytes | str, name: str = "") -> Template:
    """Read a template document; anything wrong is a ``TemplateError`` naming the problem.

    The document is checked whole (``validation.template_document``: types, sizes, allowed
    characters) before anything is made of it."""
    from fabrique_desktop import validation

    what = f"« {shown(name, 80)} »" if name else "Ce fichier"
    if len(data) > MAX_BYTES:
        raise TemplateError(
            f"{what} est trop volumineux pour être un modèle Fabrique "
            f"(plus de {MAX_BYTES // (1024 * 1024)} Mo)."
        )
    document = validation.load_json(data, what, TemplateError, "un modèle Fabrique")
    document = composed(document)  # written on a Mac: « é » as e + U+0301
    try:
        validate(document)
    except (TypeError, KeyError, AttributeError) as error:
        raise TemplateError(f"{what} n'est pas un modèle Fabrique valide.") from error
    except TemplateError as error:
        raise TemplateError(f"{what} : {error}") from None
    validation.template_document(document, f"{what} : modèle")
    return Template.from_dict(document)


def import_template(
    store: Store, data: bytes | str, name: str = "", media_dir: Path | None = None
) -> tuple[Change, Series]:
    """A new series made from a template document (its deck and its planned ateliers), and
    the change that creates it (the window's bus, or the command line, writes it); the logo
    it carries is written into ``media_dir``."""
    template = parse_template(data, name)
    plan = template.data.get("series") or {}
    title = _free_title(store, plan.get("title") or template.title)
    clean = {k: v for k, v in template.data.items() if k not in ("app_version", "exported_at")}
    booklet.unpack_logo(clean, media_dir)
    return new_series(Template.from_dict(clean), title)


# editing a series' own template


def edit_columns(store: Store, series: Series, columns: list[dict[str, Any]]) -> Change:
    """Replace the series' columns (3 to 6, « À trier » first). Refused, with a French
    message, if the result is not a valid template or a removed column still holds ideas.
    The template's example engagements of a removed column are removed with it."""
    if not MIN_COLUMNS <= len(columns) <= MAX_COLUMNS:
        raise TemplateError(
            f"Il faut de {MIN_COLUMNS} à {MAX_COLUMNS} colonnes (« À trier » comprise), "
            f"il y en a {len(columns)}."
        )
    taken: set[str] = set()
    new_columns = []
    old = {c.get("key"): c for c in series.template.get("columns", []) if isinstance(c, dict)}
    for i, column in enumerate(columns):
        entry = {k: v for k, v in old.get(column.get("key"), {}).items() if k in COLUMN_FIELDS}
        entry.update({k: column[k] for k in COLUMN_FIELDS if k in column})
        entry["title"] = str(entry.get("title", "")).strip()
        if i == 0:
            entry["key"], entry["kind"] = INBOX, "inbox"
        else:
            entry.setdefault("kind", "vivre")
            if not entry.get("key"):
                entry["key"] = _slug(entry["title"] or "colonne", taken | {INBOX})
        for name in ("colour", "tint"):
            if name in entry:
                entry[name] = str(entry[name]).strip().upper()
        taken.add(entry["key"])
        new_columns.append(entry)
    removed = {c["key"] for c in series.template.get("columns", [])} - taken
    for key in sorted(removed):
        count = sum(
            1
            for s in list_sessions(store, series.id)
            for c in store.find(Card, session_id=s.id, column=key)
            if c.merged_into is None
        )
        if count:
            title = next(c["title"] for c in series.template["columns"] if c["key"] == key)
            raise TemplateError(
                f"La colonne « {title} » contient {said(count, 'idée', 'idées')} : "
                + ("déplacez-la" if count == 1 else "déplacez-les")
                + " avant de supprimer la colonne."
            )
    data = copy.deepcopy(series.template)
    data["columns"] = new_columns
    # the method's example engagements of a removed column go with it
    data["engagements"] = [e for e in data.get("engagements", []) if e.get("column") in taken]
    validate(data)
    edit = changes.update(series, template=data)
    return Change("Modifier les colonnes", (edit,) if edit.after else ())


def edit_values(series: Series, values: list[dict[str, Any]]) -> Change:
    """Replace the series' shared values (title and definition each)."""
    taken: set[str] = set()
    new_values = []
    for i, value in enumerate(values, start=1):
        title = str(value.get("title", "")).strip()
        if not title:
            raise TemplateError(f"La valeur n° {i} n'a pas de nom.")
        key = value.get("key") or _slug(title, taken)
        if key in taken:
            key = _slug(title, taken)
        taken.add(key)
        new_values.append(
            {"key": key, "title": title, "definition": str(value.get("definition", "")).strip()}
        )
    data = copy.deepcopy(series.template)
    data["values"] = new_values
    validate(data)
    edit = changes.update(series, template=data)
    return Change("Modifier les valeurs", (edit,) if edit.after else ())


def _free_title(store: Store, title: str) -> str:
    titles = {s.title for s in list_series(store)}
    candidate, n = title, 2
    while candidate in titles:
        candidate, n = f"{title} ({n})", n + 1
    return candidate


def _slug(title: str, taken: set[str]) -> str:
    return unique_key(title, taken, "x")
