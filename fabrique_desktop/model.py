"""The domain model: plain dataclasses, one per kind of thing the app keeps.

Every entity has a UUID, UTC ``created_at``/``updated_at`` timestamps and a tombstone
(``deleted_at``) instead of hard deletion, so that work from several laptops can be merged.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Iterator, Mapping
from dataclasses import field
from datetime import UTC, datetime
from typing import Any, ClassVar

from fabrique_desktop.quick_dataclass import quick_dataclass

INBOX = "inbox"
HORIZONS = ("2024", "2040")
IDEA = "idea"
FUTUR = "futur"
CARD_KINDS = {IDEA: "Piste de projet", FUTUR: "Futur engagé"}
"""What a card is: a participant's idea, or a « Futur engagé » item (a decision the
organisation has already taken, shown to the room as a starting point, never counted as an
idea)."""
PHASES = {
    "valeurs": "Valeurs",
    "objectifs": "Objectifs & pistes de projet",
    "convergence": "Convergence",
    "autre": "Autre",
}


def utc_now() -> str:
    """An ISO-8601 UTC timestamp with microseconds, sortable as text."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_id() -> str:
    import uuid  # here, not at the top: uuid imports platform, ~3 ms of the app's start-up

    return str(uuid.uuid4())


_SCALARS = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


@quick_dataclass(kw_only=True)
class Entity:
    """Fields shared by every stored kind. ``kind`` names the table and the bundle section."""

    kind: ClassVar[str] = ""

    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=utc_now)
    updated_at: str = field(default_factory=utc_now)
    deleted_at: str | None = None

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None

    def to_record(self) -> dict[str, Any]:
        """The fields as a plain dict, copied (``dataclasses.asdict``); scalars and flat lists
        of scalars, every field of nearly every entity, without its recursive deep copy
        (a merge of 2000 ideas writes 2000 rows)."""
        record: dict[str, Any] = {}
        for name in _field_names(type(self)):
            value = getattr(self, name)
            if type(value) in _SCALARS:
                record[name] = value
            elif type(value) is list and all(type(item) in _SCALARS for item in value):
                record[name] = list(value)
            else:  # nested data (a series' template): copied whole, as asdict does
                return dataclasses.asdict(self)
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Any:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in record.items() if k in names})


@quick_dataclass(kw_only=True)
class Series(Entity):
    """A cycle of ateliers (e.g. « La Fabrique — Acte 1 ») and its own copy of the template."""

    kind: ClassVar[str] = "series"

    title: str = ""
    template: dict[str, Any] = field(default_factory=dict)


@quick_dataclass(kw_only=True)
class Session(Entity):
    """One atelier of a series."""

    kind: ClassVar[str] = "sessions"

    series_id: str = ""
    number: int = 0
    title: str = ""
    date: str = ""
    phase: str = "autre"
    place: str = ""
    facilitator: str = ""
    anonymous: bool = True


@quick_dataclass(kw_only=True)
class Persona(Entity):
    """A fictional inhabitant participants speak as. Belongs to a series' deck."""

    kind: ClassVar[str] = "personas"

    series_id: str = ""
    key: str = ""
    first_name: str = ""
    role: str = ""
    gender: str = ""
    age: int | None = None
    town: str = ""
    story: str = ""
    worries: list[str] = field(default_factory=list)
    hopes: list[str] = field(default_factory=list)
    colour: str = "#455A64"
    icon: str = "fa5s.user"
    portrait: str = ""
    retired: bool = False
    position: float = 0.0


@quick_dataclass(kw_only=True)
class Table(Entity):
    """A table of participants in one session, usually playing one or two personas."""

    kind: ClassVar[str] = "tables"

    session_id: str = ""
    number: int = 0
    name: str = ""
    persona_ids: list[str] = field(default_factory=list)


@quick_dataclass(kw_only=True)
class Participant(Entity):
    """An optional, possibly anonymous, participant at a table."""

    kind: ClassVar[str] = "participants"

    session_id: str = ""
    table_id: str | None = None
    name: str = ""


@quick_dataclass(kw_only=True)
class Card(Entity):
    """An idea on the board: a sticky note in one column."""

    kind: ClassVar[str] = "cards"

    session_id: str = ""
    text: str = ""
    column: str = INBOX
    position: float = 0.0
    persona_id: str | None = None
    table_id: str | None = None
    horizon: str = ""
    tags: list[str] = field(default_factory=list)
    colour: str = ""
    value_keys: list[str] = field(default_factory=list)
    merged_into: str | None = None
    cluster_id: str | None = None
    card_kind: str = IDEA

    @property
    def is_idea(self) -> bool:
        return self.card_kind != FUTUR


@quick_dataclass(kw_only=True)
class Engagement(Entity):
    """A commitment the room converged on, keeping the trace of the ideas behind it."""

    kind: ClassVar[str] = "engagements"

    session_id: str = ""
    column: str = ""
    number: int = 0
    title: str = ""
    purpose: str = ""
    how: list[str] = field(default_factory=list)
    card_ids: list[str] = field(default_factory=list)


@quick_dataclass(kw_only=True)
class Vote(Entity):
    """Dots a voter (a table, a participant, the room, or a phone) put on one card."""

    kind: ClassVar[str] = "votes"

    session_id: str = ""
    card_id: str = ""
    voter_id: str = ""
    dots: int = 0
    poll_id: str | None = None
    """The phone vote these dots were sent in (``phones.model.PhonePoll``); None: the operator's."""


# Modules that define more kinds with ``register``. They are imported the first time someone
# asks for a kind that is not defined above, or for the whole list (bundles, merges), so
# that start-up does not pay for features it does not show yet.
FEATURE_MODULES = (
    "agenda",
    "card_fusion",
    "groups",
    "photos",
    "recit",
    "timer",
    "votes",
    "phones.model",
)


class _EntityTypes(Mapping[str, type[Entity]]):
    """Kind name → entity class, for storage, bundles and merges."""

    def __init__(self, *classes: type[Entity]) -> None:
        self._kinds = {cls.kind: cls for cls in classes}
        self._complete = False

    def add(self, cls: type[Entity]) -> None:
        self._kinds[cls.kind] = cls

    def _all(self) -> dict[str, type[Entity]]:
        if not self._complete:
            self._complete = True
            for name in FEATURE_MODULES:
                importlib.import_module(f"fabrique_desktop.{name}")
        return self._kinds

    def __getitem__(self, kind: str) -> type[Entity]:
        try:
            return self._kinds[kind]
        except KeyError:
            return self._all()[kind]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


ENTITY_TYPES = _EntityTypes(Series, Session, Persona, Table, Participant, Card, Engagement, Vote)


def register(cls: type[Entity]) -> type[Entity]:
    """Make a new kind known to storage, bundles and merges (used by feature modules)."""
    ENTITY_TYPES.add(cls)
    return cls
