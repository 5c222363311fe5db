"""Method templates: the columns, personas, values, paradoxes… a series is run with.

A template is data (JSON), validated when loaded. The built-in one is
« La Fabrique du projet — Acte 1 », transcribed from the 2017 booklet.
"""

from __future__ import annotations

import json
from dataclasses import field
from pathlib import Path
from typing import Any

from fabrique_desktop import disk
from fabrique_desktop.errors import TemplateError
from fabrique_desktop.lazy_pattern import LazyPattern
from fabrique_desktop.model import INBOX, PHASES
from fabrique_desktop.quick_dataclass import quick_dataclass
from fabrique_desktop.resources import resource

FORMAT = "fabrique-template"
FORMAT_VERSION = 3
"""2: an atelier of the plan may name the ateliers its results are credited with (``joint``).
3: each phase of the method may have its own columns on the wall (``phases``)."""
BUILTIN_KEY = "fabrique-acte1"
MIN_COLUMNS, MAX_COLUMNS = 3, 6  # the inbox included

_COLOUR = LazyPattern(r"^#[0-9A-Fa-f]{6}\Z")
_KEY = LazyPattern(r"^[a-z0-9][a-z0-9_-]*\Z")


@quick_dataclass(frozen=True)
class Column:
    key: str
    title: str
    kind: str
    colour: str
    tint: str
    subtitle: str = ""
    challenge: str = ""
    keywords: tuple[str, ...] = ()
    dream: str = ""

    @property
    def is_inbox(self) -> bool:
        return self.kind == "inbox"


@quick_dataclass(frozen=True)
class Template:
    """A validated template. ``data`` keeps the whole JSON document for export and copies."""

    key: str
    title: str
    columns: tuple[Column, ...]
    data: dict[str, Any] = field(repr=False, compare=False)

    def for_phase(self, phase: str) -> Template:
        """The template as an atelier of ``phase`` runs it: the phase's columns on its wall
        (``phases`` → ``columns``, format 3), or the template's when the phase has none."""
        columns = self.phase_columns(phase)
        if columns == self.columns:
            return self
        return Template(key=self.key, title=self.title, columns=columns, data=self.data)

    def phase_columns(self, phase: str) -> tuple[Column, ...]:
        """The columns of an atelier of ``phase``: each entry of the phase's list is a
        column of the template (its key) or a column of the phase alone (described whole)."""
        entry = self.data.get("phases", {}).get(phase)
        if not isinstance(entry, dict) or not entry.get("columns"):
            return self.columns
        base = {c.key: c for c in self.columns}
        return tuple(base[c] if isinstance(c, str) else _column(c) for c in entry["columns"])

    @property
    def vivre_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if not c.is_inbox)

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    def section(self, name: str) -> list[dict[str, Any]]:
        """One of the lists of the document: values, paradoxes, engagements, personas…"""
        return list(self.data.get(name, []))

    @classmethod
    def from_dict(cls, data: Any) -> Template:
        validate(data)
        columns = tuple(_column(c) for c in data["columns"])
        return cls(key=data["key"], title=data["title"], columns=columns, data=data)


def _column(c: dict[str, Any]) -> Column:
    return Column(
        key=c["key"],
        title=c["title"],
        kind=c.get("kind", "vivre"),
        colour=c["colour"],
        tint=c.get("tint", "#FFFFFF"),
        subtitle=c.get("subtitle", ""),
        challenge=c.get("challenge", ""),
        keywords=tuple(c.get("keywords", [])),
        dream=c.get("dream", ""),
    )


def load_template(path: Path) -> Template:
    """Read and validate a template file; any problem is a ``TemplateError`` in French."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise TemplateError(
            f"Impossible de lire le modèle « {path} » : {disk.reason(error)}."
        ) from error
    except UnicodeDecodeError as error:
        raise TemplateError(
            f"Le fichier « {path} » n'est pas un modèle Fabrique (texte illisible)."
        ) from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise TemplateError(
            f"Le fichier « {Path(path).name} » n'est pas un modèle Fabrique : JSON invalide "
            f"(ligne {error.lineno})."
        ) from error
    return Template.from_dict(data)


def builtin_template() -> Template:
    return load_template(resource("templates", f"{BUILTIN_KEY}.json"))


def validate(data: Any) -> None:
    """Refuse a template that the app could not run, naming the first problem found."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TemplateError("Ce fichier n'est pas un modèle Fabrique.")
    version = data.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise TemplateError("Modèle invalide : version de format absente.")
    if version > FORMAT_VERSION:
        raise TemplateError(
            f"Ce modèle a été créé par une version plus récente de Fabrique (format {version}). "
            "Mettez Fabrique à jour pour l'ouvrir."
        )
    for name in ("key", "title"):
        if not isinstance(data.get(name), str) or not data[name].strip():
            raise TemplateError(f"Modèle invalide : le champ « {name} » est vide.")
    columns = data.get("columns")
    if not isinstance(columns, list):
        raise TemplateError("Modèle invalide : la liste des colonnes manque.")
    if not MIN_COLUMNS <= len(columns) <= MAX_COLUMNS:
        raise TemplateError(
            f"Modèle invalide : il faut de {MIN_COLUMNS} à {MAX_COLUMNS} colonnes "
            f"(« À trier » comprise), il y en a {len(columns)}."
        )
    keys = [_validate_column(i, c) for i, c in enumerate(columns, start=1)]
    if len(set(keys)) != len(keys):
        raise TemplateError("Modèle invalide : deux colonnes ont la même clé.")
    if keys[0] != INBOX:
        raise TemplateError(
            "Modèle invalide : la première colonne doit être « À trier » (clé inbox)."
        )
    _validate_phases(data.get("phases", {}), keys)
    for section in (
        "values",
        "paradoxes",
        "engagements",
        "competences",
        "inspirations",
        "personas",
    ):
        if not isinstance(data.get(section, []), list):
            raise TemplateError(f"Modèle invalide : « {section} » doit être une liste.")
    for i, persona in enumerate(data.get("personas", []), start=1):
        if not isinstance(persona, dict) or not str(persona.get("first_name", "")).strip():
            raise TemplateError(f"Modèle invalide : le persona n° {i} n'a pas de prénom.")
    for i, engagement in enumerate(data.get("engagements", []), start=1):
        if not isinstance(engagement, dict) or engagement.get("column") not in keys:
            raise TemplateError(f"Modèle invalide : l'engagement n° {i} vise une colonne inconnue.")
    for atelier in data.get("series", {}).get("ateliers", []):
        joint = atelier.get("joint", [])
        if not isinstance(joint, list) or not all(
            isinstance(n, int) and not isinstance(n, bool) for n in joint
        ):
            raise TemplateError(
                "Modèle invalide : « joint » doit être une liste de numéros d'ateliers."
            )
        if atelier.get("phase") not in PHASES:
            from fabrique_desktop.limits import shown

            raise TemplateError(
                f"Modèle invalide : phase inconnue « {shown(atelier.get('phase'))} »."
            )


def _validate_phases(phases: Any, keys: list[str]) -> None:
    """Each phase's columns: 3 to 6, « À trier » first, each a key of the template's
    columns or a column described whole, no key twice."""
    if not isinstance(phases, dict):
        raise TemplateError("Modèle invalide : « phases » doit décrire chaque phase.")
    from fabrique_desktop.limits import shown

    for phase, entry in phases.items():
        if phase not in PHASES:
            raise TemplateError(f"Modèle invalide : phase inconnue « {shown(phase)} ».")
        name = PHASES[phase]
        columns = entry.get("columns") if isinstance(entry, dict) else None
        if not isinstance(columns, list):
            raise TemplateError(
                f"Modèle invalide : la phase « {name} » n'a pas de liste de colonnes."
            )
        if not MIN_COLUMNS <= len(columns) <= MAX_COLUMNS:
            raise TemplateError(
                f"Modèle invalide : la phase « {name} » doit avoir de {MIN_COLUMNS} à "
                f"{MAX_COLUMNS} colonnes (« À trier » comprise), elle en a {len(columns)}."
            )
        found = []
        for i, column in enumerate(columns, start=1):
            if isinstance(column, str):
                if column not in keys:
                    raise TemplateError(
                        f"Modèle invalide : la phase « {name} » nomme une colonne inconnue "
                        f"« {shown(column)} »."
                    )
                found.append(column)
            else:
                key = _validate_column(i, column)
                if key in keys:  # a template column is named by its key, not described again
                    raise TemplateError(
                        f"Modèle invalide : la phase « {name} » décrit une colonne de même clé "
                        f"qu'une colonne du modèle (« {key} ») : nommez-la par sa clé."
                    )
                found.append(key)
        if len(set(found)) != len(found):
            raise TemplateError(
                f"Modèle invalide : la phase « {name} » a deux colonnes de même clé."
            )
        if found[0] != INBOX:
            raise TemplateError(
                f"Modèle invalide : la première colonne de la phase « {name} » doit être "
                "« À trier » (clé inbox)."
            )


def _validate_column(number: int, column: Any) -> str:
    if not isinstance(column, dict):
        raise TemplateError(f"Modèle invalide : la colonne n° {number} n'est pas décrite.")
    key = column.get("key")
    if not isinstance(key, str) or not _KEY.match(key):
        raise TemplateError(f"Modèle invalide : la colonne n° {number} a une clé invalide.")
    if not isinstance(column.get("title"), str) or not column["title"].strip():
        raise TemplateError(f"Modèle invalide : la colonne « {key} » n'a pas de titre.")
    for name in ("colour", "tint"):
        value = column.get(name, "#FFFFFF" if name == "tint" else None)
        if not isinstance(value, str) or not _COLOUR.match(value):
            raise TemplateError(
                f"Modèle invalide : la couleur « {name} » de la colonne « {key} » "
                "doit s'écrire #RRVVBB."
            )
    return key
