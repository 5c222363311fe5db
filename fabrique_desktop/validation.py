"""The trust boundary: everything that comes from outside is checked here, in one place.

Copies and bundles (``.json``/``.fabrique``), the live link's updates, templates and
spreadsheets of ideas all reach the database through these checks, which refuse (in French,
naming the file, the element and the field) anything the app could not show, export or merge:

- ``load_json``: JSON that parses without surprises (no NaN/infinity, no 5 000-digit
  integer, no nesting deep enough to exhaust the stack);
- ``record``: one row of one kind (card, persona, session…) against its schema: types,
  ranges, finite numbers, text lengths, list sizes, allowed characters, ids, photo names;
- ``template_document``: a method template (or a series' copy of one) against its schema;
- ``check_ownership``: a copy may add to its own atelier and series, or update the same
  entity of the same atelier; an id that already belongs to another atelier or series is
  refused (never moved).

The limits are in ``fabrique_desktop.limits`` and the README. Schemas are pydantic models
(strict: ``"1"`` is not a number, ``1`` is not a text); each kind's schema has exactly the
fields of its dataclass (a test keeps them in step).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import PurePath
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from fabrique_desktop.errors import BundleError, FabriqueError, TemplateError
from fabrique_desktop.limits import (
    ID,
    MAX_ID,
    MAX_IDEA,
    MAX_ITEMS,
    MAX_JSON_DEPTH,
    MAX_LOGO_BYTES,
    MAX_LONG_TEXT,
    MAX_NAME,
    MAX_NUMBER,
    MAX_PHONE_ADDRESSES,
    MAX_PHONE_TEXT,
    MAX_POSITION,
    MAX_REFERENCES,
    MAX_SECONDS,
    MAX_TAG,
    MAX_TAGS,
    MAX_TEMPLATE_ATELIERS,
    MAX_TEMPLATE_PERSONAS,
    MAX_TEXT,
    MAX_TIMESTAMP,
    MEDIA_NAME,
    bad_characters,
    composed,
    is_media_name,
    shown,
)
from fabrique_desktop.model import ENTITY_TYPES, HORIZONS, PHASES, Entity
from fabrique_desktop.template import FORMAT_VERSION as TEMPLATE_VERSION

# ----------------------------------------------------------------------------- JSON


class _RefusedError(ValueError):
    pass


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > 18:
        raise _RefusedError(f"nombre entier trop grand ({shown(text, 30)})")
    return int(text)


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _RefusedError(f"nombre hors limites ({shown(text, 30)})")
    return value


def _parse_constant(name: str) -> Any:
    raise _RefusedError(f"valeur « {name} » interdite (seuls les nombres finis sont acceptés)")


def load_json(
    data: bytes | str,
    what: str,
    error: type[FabriqueError] = BundleError,
    expected: str = "un atelier Fabrique",
) -> Any:
    """Parse JSON from outside; anything odd is ``error`` with a French reason. An empty
    file (a copy cut off by a USB key pulled out, a transfer that failed) is said empty:
    « JSON invalide (ligne 1) » told the user nothing."""
    if not data.strip():
        raise error(f"{what} est vide : ce n'est pas {expected}. Reprenez le fichier à sa source.")
    try:
        document = json.loads(
            data,
            parse_int=_parse_int,
            parse_float=_parse_float,
            parse_constant=_parse_constant,
        )
    except _RefusedError as reason:
        raise error(f"{what} : {reason}.") from None
    except RecursionError:
        raise error(f"{what} : JSON imbriqué trop profondément.") from None
    except UnicodeDecodeError:
        raise error(f"{what} n'est pas {expected} : texte illisible (pas de l'UTF-8).") from None
    except json.JSONDecodeError as reason:
        raise error(
            f"{what} n'est pas {expected} : JSON invalide (ligne {reason.lineno})."
        ) from None
    except ValueError:
        raise error(f"{what} n'est pas {expected} : JSON invalide.") from None
    if _depth(document) > MAX_JSON_DEPTH:
        raise error(f"{what} : JSON imbriqué trop profondément.")
    return document


# cells are parsed by the C scanner: their integers are bounded by the kind's schema and the
# counters' check below (a per-integer hook costs a call each); non-finite numbers are refused.
_CELL_DECODER: Any = json.JSONDecoder(parse_float=_parse_float, parse_constant=_parse_constant)
_SCAN_CELL: Callable[[str, int], tuple[Any, int]] = _CELL_DECODER.scan_once  # the C scanner
_SCALARS = (str, int, float, bool, type(None))
MAX_VERSION = 2**63 - 1


def cell(text: str, what: str, field: str = "") -> Any:
    """The value of one field of a merge document (the JSON text of ``[value, version]``).

    Cheaper than ``load_json`` (a merge checks tens of thousands of them) and stricter: the
    text is exactly one JSON value, as ``crdt.Cell.to_json`` writes it (no surrounding space);
    the value is a scalar or a flat list of scalars (every field of a session's data is), so
    no depth walk is needed; the version is ``{writer: counter}``, counters in 0…2⁶³-1. The
    value still goes through its kind's schema (``record``). Refusal: ``BundleError``.
    """
    try:
        document, end = _SCAN_CELL(text, 0)
    except _RefusedError as reason:
        raise BundleError(f"{what} : {reason}.") from None
    except RecursionError:
        raise BundleError(f"{what} : JSON imbriqué trop profondément.") from None
    except (StopIteration, ValueError):
        document, end = None, -1
    if (
        end == len(text)
        and type(document) is list
        and len(document) == 2
        and type(document[1]) is dict
        and all(
            type(w) is str and type(n) is int and 0 <= n <= MAX_VERSION
            for w, n in document[1].items()
        )
    ):
        value = document[0]
        if isinstance(value, _SCALARS) or (
            type(value) is list and all(isinstance(item, _SCALARS) for item in value)
        ):
            # the rows get a Mac's « é » (e + U+0301) as one (a number or null has no text)
            return composed(value) if type(value) is str or type(value) is list else value
    where = f"« {shown(field, 40)} » : " if field else ""
    raise BundleError(f"{what} invalide : {where}valeur mal formée « {shown(text)} ».")


def _depth(value: Any) -> int:
    """How deeply ``value`` (parsed JSON) nests lists and objects (a scalar: 0), counted up to
    just over ``MAX_JSON_DEPTH``: level by level, only containers kept (a copy is mostly
    texts, a comprehension per container is the cheap walk)."""
    if type(value) is not dict and type(value) is not list:
        return 0
    level, depth = [value], 0
    while level and depth <= MAX_JSON_DEPTH:
        depth += 1
        below: list[Any] = []
        for item in level:
            below += [
                child
                for child in (item.values() if type(item) is dict else item)
                if type(child) is dict or type(child) is list
            ]
        level = below
    return depth


# ----------------------------------------------------------------------------- field types


# Every text is checked by a pattern that pydantic-core runs itself (Rust regex: anchored,
# ``$`` only at the very end, ``[0-9]`` for digits), not by a Python call per value: a
# 2 000-card copy holds some 30 000 texts. A lone surrogate cannot even reach the pattern
# (``string_unicode``). ``_PATTERNS`` names each pattern for the messages.
_PATTERNS: dict[str, str] = {}  # anchored pattern → what was expected (``""``: a text)
_LINE = "^[^\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ufffe\\uffff]*$"
_LINES = "^[^\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\ufffe\\uffff]*$"
_PATTERNS[_LINE] = _PATTERNS[_LINES] = ""


def _line(limit: int) -> Any:
    return Annotated[str, Field(max_length=limit, pattern=_LINE)]


def _lines(limit: int) -> Any:
    return Annotated[str, Field(max_length=limit, pattern=_LINES)]


def _matching(pattern: str, label: str, limit: int) -> Any:
    anchored = f"^(?:{pattern})$"
    _PATTERNS[anchored] = label
    return Annotated[str, Field(max_length=limit, pattern=anchored)]


_MEDIA = "un nom de fichier du dossier media (ni chemin, ni dossier)"

if TYPE_CHECKING:  # to mypy, the text types are the str that pydantic checks them as
    Name = str
    Text = str
    Idea = str
    LongText = str
    PhoneName = str
    PhoneText = str
    Sha256 = str
    LogoPath = str
    LogoData = str
    Id = str
    Stamp = str
    Colour = str
    OptionalColour = str
    ColumnKey = str
    OptionalColumnKey = str
    ItemKey = str
    Icon = str
    Tag = str
    ScreenKey = str
    FileName = str
    MediaName = str
    OptionalMediaName = str
    Phase = str
    Horizon = str
else:  # built by functions: limits and checks of each kind of text
    Name = _line(MAX_NAME)
    Text = _lines(MAX_TEXT)
    Idea = _lines(MAX_IDEA)
    LongText = _lines(MAX_LONG_TEXT)
    PhoneName = _line(40)
    PhoneText = _lines(MAX_PHONE_TEXT)
    Sha256 = _matching(r"([0-9a-f]{64})?", "une empreinte sha256", 64)
    LogoPath = Annotated[
        str,
        Field(max_length=4096, pattern=_LINE),
        AfterValidator(
            lambda v: v if v == "" or is_media_name(PurePath(v).name) else _bad_media(v)
        ),
    ]
    LogoData = _matching(  # a logo inside a template: base64, as limits.MAX_LOGO_BYTES
        r"[A-Za-z0-9+/]*={0,2}", "une image en base64", (MAX_LOGO_BYTES + 2) // 3 * 4
    )
    Id = _matching(ID.pattern, "un identifiant", MAX_ID)
    Stamp = _matching(
        r"[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?)?"
        r"(Z|[+-][0-9]{2}:?[0-9]{2})?",
        "une date ISO",
        MAX_TIMESTAMP,
    )
    Colour = _matching(r"#[0-9A-Fa-f]{6}", "une couleur #RRVVBB", MAX_NAME)
    OptionalColour = _matching(r"(#[0-9A-Fa-f]{6})?", "une couleur #RRVVBB", MAX_NAME)
    ColumnKey = _matching(r"[a-z0-9][a-z0-9_-]{0,199}", "une clé de colonne", MAX_NAME)
    OptionalColumnKey = _matching(r"([a-z0-9][a-z0-9_-]{0,199})?", "une clé de colonne", MAX_NAME)
    ItemKey = _matching(r"([A-Za-z0-9][A-Za-z0-9_.-]{0,199})?", "une clé", MAX_NAME)
    Icon = _matching(r"[a-z0-9]{1,10}\.[a-z0-9-]{1,60}", "un nom d'icône", 80)
    Tag = _line(MAX_TAG)
    ScreenKey = _line(40)
    FileName = _line(260)
    MediaName = _matching(MEDIA_NAME.pattern, _MEDIA, 120)
    OptionalMediaName = _matching(f"({MEDIA_NAME.pattern})?", _MEDIA, 120)
    Phase = Literal[tuple(PHASES)]
    Horizon = Literal[("", *HORIZONS)]
Position = Annotated[float, Field(ge=-MAX_POSITION, le=MAX_POSITION, allow_inf_nan=False)]
Count = Annotated[int, Field(ge=0, le=MAX_NUMBER)]


def _bad_media(value: str) -> str:
    raise ValueError(
        f"un nom de fichier du dossier media est attendu, pas « {shown(value)} » "
        "(ni chemin, ni dossier)"
    )


class _Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)


# ----------------------------------------------------------------------------- templates


class _ColumnDoc(_Schema):
    key: ColumnKey
    title: Name
    kind: Literal["inbox", "vivre"] = "vivre"
    colour: Colour
    tint: Colour = "#FFFFFF"
    subtitle: Name = ""
    challenge: Text = ""
    keywords: Annotated[list[Name], Field(max_length=MAX_ITEMS)] = []
    dream: Text = ""
    questions: Annotated[list[Text], Field(max_length=MAX_ITEMS)] = []  # « Comment faire pour ? »
    intro: Text = ""  # what introduces the Vivre's engagements in the booklet


class _ValueDoc(_Schema):
    key: ItemKey = ""
    title: Name
    definition: Text = ""


class _ParadoxDoc(_Schema):
    key: ItemKey = ""
    title: Text
    asset: Text = ""
    challenge: Text = ""
    facts: Annotated[list[Text], Field(max_length=MAX_ITEMS)] = []
    cards: Annotated[list[Id], Field(max_length=MAX_ITEMS)] = []
    """The cards of the wall it was formed from (``fabrique_desktop.paradoxes``)."""


class _EngagementDoc(_Schema):
    key: ItemKey = ""
    column: ColumnKey
    number: Count = 0
    title: Text
    purpose: Text = ""
    how: Annotated[list[Text], Field(max_length=MAX_ITEMS)] = []


class _CompetenceDoc(_Schema):
    key: ItemKey = ""
    title: Name
    description: Text = ""


class _InspirationDoc(_Schema):
    key: ItemKey = ""
    city: Name = ""
    country: Name = ""
    title: Text = ""
    text: Text = ""


class _PersonaFields(_Schema):
    """A persona, as a template and the series' deck both hold it."""

    key: Name = ""
    first_name: Name = ""
    role: Name = ""
    gender: Name = ""
    age: Annotated[int, Field(ge=0, le=150)] | None = None
    town: Name = ""
    story: Text = ""
    worries: Annotated[list[Text], Field(max_length=MAX_ITEMS)] = []
    hopes: Annotated[list[Text], Field(max_length=MAX_ITEMS)] = []
    colour: Colour = "#455A64"
    icon: Icon = "fa5s.user"


class _PersonaDoc(_PersonaFields):
    first_name: Name  # a template's persona has a name


class _AtelierFields(_Schema):
    """An atelier, as a template plans it and as a session row holds it."""

    number: Count = 0
    title: Name = ""
    date: Name = ""
    phase: Phase = "autre"
    place: Name = ""
    facilitator: Name = ""


class _AtelierDoc(_AtelierFields):
    audience: Name = ""
    produced: Text = ""  # what the atelier produced, for the booklet's steps
    joint: Annotated[list[Count], Field(max_length=MAX_TEMPLATE_ATELIERS)] = []
    """The ateliers (numbers, this one among them) whose results are credited together,
    when nobody recorded which of them produced what (``fabrique_desktop.credit``)."""


class _BookletDoc(_Schema):
    """The editorial voice of a series' booklet (``fabrique_desktop.booklet``)."""

    organisation: Name = ""
    logo: LogoPath = ""  # where the dialog kept it; only its name is used, in media/
    logo_data: LogoData = ""  # the logo itself, in an exported template (booklet.embed_logo)
    introduction: LongText = ""
    why: LongText = ""
    next: LongText = ""
    participants: LongText = ""


class _PlanDoc(_Schema):
    title: Name = ""
    ateliers: Annotated[list[_AtelierDoc], Field(max_length=MAX_TEMPLATE_ATELIERS)] = []


class _PhaseDoc(_Schema):
    """What an atelier of one phase has on its wall: the template's columns (their keys)
    or columns of the phase alone, « À trier » first (``template.validate`` checks the rest)."""

    columns: Annotated[list[ColumnKey | _ColumnDoc], Field(min_length=3, max_length=6)]


class _PhasesDoc(_Schema):
    valeurs: _PhaseDoc | None = None
    objectifs: _PhaseDoc | None = None
    convergence: _PhaseDoc | None = None
    autre: _PhaseDoc | None = None


class _RecitDoc(_Schema):
    title: Name = ""  # the récit prospectif's own title (« AMP 2047 »)


class _TemplateDoc(_Schema):
    format: Literal["fabrique-template"]
    format_version: Annotated[int, Field(ge=1, le=TEMPLATE_VERSION)]
    app_version: Name = ""
    exported_at: Name = ""
    key: Name
    title: Name
    territory: Name = ""
    description: Text = ""
    columns: Annotated[list[_ColumnDoc], Field(min_length=3, max_length=6)]
    phases: _PhasesDoc = _PhasesDoc()
    recit: _RecitDoc = _RecitDoc()
    values: Annotated[list[_ValueDoc], Field(max_length=MAX_ITEMS)] = []
    paradoxes: Annotated[list[_ParadoxDoc], Field(max_length=MAX_ITEMS)] = []
    engagements: Annotated[list[_EngagementDoc], Field(max_length=MAX_ITEMS)] = []
    competences: Annotated[list[_CompetenceDoc], Field(max_length=MAX_ITEMS)] = []
    inspirations: Annotated[list[_InspirationDoc], Field(max_length=MAX_ITEMS)] = []
    personas: Annotated[list[_PersonaDoc], Field(max_length=MAX_TEMPLATE_PERSONAS)] = []
    series: _PlanDoc = _PlanDoc()
    booklet: _BookletDoc = _BookletDoc()


def template_document(data: Any, what: str = "Modèle") -> dict[str, Any]:
    """Refuse a template document (or a series' copy of one) that the app could not use."""
    try:
        _TemplateDoc.model_validate(data)
    except ValidationError as error:
        raise TemplateError(f"{what} invalide : {_reason(error)}.") from None
    return data


def _template_field(value: dict[str, Any]) -> dict[str, Any]:
    try:
        _TemplateDoc.model_validate(value)
    except ValidationError as error:
        raise ValueError(f"modèle de la série invalide : {_reason(error)}") from None
    return value


# ----------------------------------------------------------------------------- entities


class _EntityRow(_Schema):
    id: Id
    created_at: Stamp
    updated_at: Stamp
    deleted_at: Stamp | None = None


class _SeriesRow(_EntityRow):
    title: Name = ""
    template: Annotated[dict[str, Any], AfterValidator(_template_field)]


class _SessionRow(_EntityRow, _AtelierFields):
    series_id: Id
    anonymous: bool = True


class _PersonaRow(_EntityRow, _PersonaFields):
    series_id: Id
    portrait: OptionalMediaName = ""
    retired: bool = False
    position: Position = 0.0


class _TableRow(_EntityRow):
    session_id: Id
    number: Count = 0
    name: Name = ""
    persona_ids: Annotated[list[Id], Field(max_length=MAX_ITEMS)] = []


class _ParticipantRow(_EntityRow):
    session_id: Id
    table_id: Id | None = None
    name: Name = ""


class _CardRow(_EntityRow):
    session_id: Id
    text: Idea = ""
    column: ColumnKey = "inbox"
    position: Position = 0.0
    persona_id: Id | None = None
    table_id: Id | None = None
    horizon: Horizon = ""
    tags: Annotated[list[Tag], Field(max_length=MAX_TAGS)] = []
    colour: OptionalColour = ""
    value_keys: Annotated[list[ItemKey], Field(max_length=MAX_ITEMS)] = []
    merged_into: Id | None = None
    cluster_id: Id | None = None
    card_kind: Literal["idea", "futur"] = "idea"  # a participant's idea, or « Futur engagé »


class _EngagementRow(_EntityRow):
    session_id: Id
    column: OptionalColumnKey = ""
    number: Count = 0
    title: Text = ""
    purpose: Text = ""
    how: Annotated[list[Text], Field(max_length=MAX_ITEMS)] = []
    card_ids: Annotated[list[Id], Field(max_length=MAX_REFERENCES)] = []


class _VoteRow(_EntityRow):
    session_id: Id
    card_id: Id
    voter_id: Id
    dots: Count = 0
    poll_id: Id | None = None


class _ClusterRow(_EntityRow):
    session_id: Id
    column: OptionalColumnKey = ""
    name: Name = ""
    position: Position = 0.0


class _ActivityRow(_EntityRow):
    session_id: Id
    position: Position = 0.0
    title: Name = ""
    planned_minutes: Count = 0
    instructions: Text = ""
    screen: ScreenKey = "tableau"
    started_at: Stamp | None = None
    ended_at: Stamp | None = None


class _PhotoRow(_EntityRow):
    session_id: Id
    file_name: MediaName
    caption: Text = ""
    position: Position = 0.0
    original_name: FileName = ""


class _DreamRow(_EntityRow):
    series_id: Id
    column: OptionalColumnKey = ""
    text: Text = ""


class _QuoteRow(_EntityRow):
    series_id: Id
    session_id: Id
    persona_id: Id | None = None
    column: OptionalColumnKey = ""
    text: Idea = ""
    position: Position = 0.0


class _TimerRow(_EntityRow):
    session_id: Id
    activity_id: Id | None = None
    duration: Annotated[float, Field(ge=0, le=MAX_SECONDS)] = 0.0
    remaining: Annotated[float, Field(ge=-MAX_SECONDS, le=MAX_SECONDS)] = 0.0
    deadline: Stamp | None = None
    running: bool = False


class _FacilitationRow(_EntityRow):
    session_id: Id
    dots_per_voter: Count = 0
    secret: bool = False
    revealed: bool = False
    voter_id: Id | None = None
    top_n: Count = 0


class _PhoneRow(_EntityRow):  # fabrique_desktop.phones.model (issue 17)
    session_id: Id
    number: Count = 0
    token_hash: Sha256 = ""
    name: Name = ""
    table_id: Id | None = None
    persona_id: Id | None = None
    blocked: bool = False
    blocked_from: Annotated[list[Sha256], Field(max_length=MAX_PHONE_ADDRESSES)] = []


class _PhoneIdeaRow(_EntityRow):
    session_id: Id
    phone_id: Id | Literal[""] = ""
    text: Text = ""
    column: OptionalColumnKey = ""
    horizon: Horizon = ""
    status: Literal["pending", "published", "set_aside", "withdrawn", "removed"] = "pending"
    card_id: Id | None = None
    sent_at: Stamp | Literal[""] = ""


class _PhonePollRow(_EntityRow):
    session_id: Id
    card_ids: Annotated[list[Id], Field(max_length=MAX_REFERENCES)] = []
    dots_per_phone: Count = 0
    secret: bool = False
    opened_at: Stamp | Literal[""] = ""
    closed_at: Stamp | None = None


class _PhoneSettingsRow(_EntityRow):
    session_id: Id
    moderated: bool = False
    code: Annotated[str, Field(pattern=r"^([ACDEFGHJKMNPQRTUVWXY34679]{6})?$")] = ""


SCHEMAS: dict[str, type[_Schema]] = {
    "series": _SeriesRow,
    "sessions": _SessionRow,
    "personas": _PersonaRow,
    "tables": _TableRow,
    "participants": _ParticipantRow,
    "cards": _CardRow,
    "engagements": _EngagementRow,
    "votes": _VoteRow,
    "clusters": _ClusterRow,
    "activities": _ActivityRow,
    "photos": _PhotoRow,
    "dreams": _DreamRow,
    "quotes": _QuoteRow,
    "timers": _TimerRow,
    "facilitation": _FacilitationRow,
    "phones": _PhoneRow,
    "phone_ideas": _PhoneIdeaRow,
    "phone_polls": _PhonePollRow,
    "phone_settings": _PhoneSettingsRow,
}

LABELS = {
    "series": "la série",
    "sessions": "l'atelier",
    "personas": "un persona",
    "tables": "une table",
    "participants": "un participant",
    "cards": "une idée",
    "engagements": "un engagement",
    "votes": "un vote",
    "clusters": "un groupe",
    "activities": "une activité",
    "photos": "une photo",
    "dreams": "un rêve",
    "quotes": "une citation",
    "timers": "le minuteur",
    "facilitation": "le vote",
    "phones": "un téléphone",
    "phone_ideas": "une idée reçue d'un téléphone",
    "phone_polls": "un vote des téléphones",
    "phone_settings": "les réglages des téléphones",
}


def record(kind: str, data: Any, what: str = "Fichier d'atelier") -> Entity:
    """One row from outside, checked against its kind's schema, as its entity."""
    schema = SCHEMAS.get(kind)
    if schema is None or kind not in ENTITY_TYPES:
        raise BundleError(f"{what} : données inconnues « {shown(kind)} ».")
    data = composed(data)  # a Mac's « é » (e + U+0301) as one, checked as it will be stored
    try:
        schema.model_validate(data)
    except ValidationError as error:
        raise BundleError(f"{what} : {_element(kind, data)} : {_reason(error)}.") from None
    # the schema forbids any field its dataclass lacks (``from_record`` would sort them out)
    return ENTITY_TYPES[kind](**data)


@cache
def fields_of(kind: str) -> frozenset[str]:
    return frozenset(SCHEMAS[kind].model_fields)


def _element(kind: str, data: Any) -> str:
    label = LABELS.get(kind, kind)
    ident = data.get("id") if isinstance(data, dict) else None
    return f"{label} ({shown(ident, 40)})" if isinstance(ident, str) else label


# ----------------------------------------------------------------------------- ownership


def check_ownership(store: Any, bundle: Any, what: str = "Fichier d'atelier") -> None:
    """Refuse a copy that would move or rewrite what belongs to another atelier or series.

    A row whose id is already here is the same entity only if it belongs here to the same
    atelier (or series) as in the copy; then it merges. ``store`` is the ``Store`` port,
    ``bundle`` a ``fabrique_desktop.bundle.Bundle``.
    """
    from fabrique_desktop.model import Series, Session

    series, session = bundle.series, bundle.session
    local = store.get(Session, session.id)
    if local is not None and local.series_id != series.id:
        raise BundleError(
            f"{what} : l'atelier « {shown(local.title)} » appartient ici à une autre série : "
            "import refusé."
        )
    if store.get(Session, series.id) is not None or store.get(Series, session.id) is not None:
        raise BundleError(f"{what} : identifiants incohérents : import refusé.")
    pointing: list[tuple[Entity, list[str] | None]] = []
    for kind, items in bundle.entities.items():
        cls = ENTITY_TYPES[kind]
        owners = [o for o in ("session_id", "series_id") if o in fields_of(kind)]
        fields = REFERENCES.get(kind, {})
        known = store.get_fields(cls, (item.id for item in items), [*owners, *fields])
        for item in items:
            here = known.get(item.id)
            if fields:  # references it sets anew (one already here was checked when it came)
                pointing.append(
                    (item, [n for n in fields if here[n] != getattr(item, n)])
                    if here is not None
                    else (item, None)
                )
            if here is None:
                continue
            for owner in owners:
                if here[owner] != getattr(item, owner):
                    raise BundleError(
                        f"{what} : {LABELS.get(kind, kind)} ({shown(item.id, 40)}) appartient "
                        "ici à un autre atelier ou à une autre série : import refusé."
                    )
    check_references(store, pointing, session.id, series.id, what, number=session.number)


# ----------------------------------------------------------------------------- references

_VOTERS = ("tables", "participants", "phones")  # a voter is a table, a participant or a phone
REFERENCES: dict[str, dict[str, tuple[str, ...]]] = {
    # kind → field → the kinds it may point to (a list field: every id in it)
    "tables": {"persona_ids": ("personas",)},
    "participants": {"table_id": ("tables",)},
    "cards": {
        "persona_id": ("personas",),
        "table_id": ("tables",),
        "merged_into": ("cards",),
        "cluster_id": ("clusters",),
    },
    # an engagement's trace: ideas, and on a Convergence wall earlier objectives (groups)
    "engagements": {"card_ids": ("cards", "clusters")},
    "votes": {"card_id": ("cards",), "voter_id": _VOTERS, "poll_id": ("phone_polls",)},
    "quotes": {"persona_id": ("personas",)},
    "timers": {"activity_id": ("activities",)},
    "facilitation": {"voter_id": _VOTERS},
    "phones": {"table_id": ("tables",), "persona_id": ("personas",)},
    "phone_ideas": {"phone_id": ("phones",), "card_id": ("cards",)},
    "phone_polls": {"card_ids": ("cards",)},
}


def references(entity: Entity, names: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """(field, id) of what ``entity`` points to, in its fields ``names`` (default: all)."""
    fields = REFERENCES.get(entity.kind, {})
    found = []
    for name in fields if names is None else (n for n in names if n in fields):
        value = getattr(entity, name)
        for ref in value if isinstance(value, list) else [value]:
            if isinstance(ref, str) and ref:
                found.append((name, ref))
    return found


ACROSS_ATELIERS = frozenset({("engagements", "card_ids")})
"""References that may name a card (or a group) of an earlier atelier of the same series: a
Convergence atelier's engagement traced to the pistes and objectives of the ateliers
before it."""


def check_references(
    store: Any,
    pointing: Iterable[tuple[Entity, Iterable[str] | None]],
    session_id: str,
    series_id: str | None,
    what: str = "Fichier d'atelier",
    number: int | None = None,
) -> None:
    """Refuse an entity that points to a persona, a table, an idea… of another atelier or
    series (a card of atelier 3 naming a table of atelier 1). ``pointing``: each entity with
    the names of the fields that come from outside (``None``: all of them); a reference to
    nothing known here is left alone (the app shows it as absent). An engagement may name
    the cards of the ateliers numbered before this one (``number``, else the atelier's
    number here) in the same series (``ACROSS_ATELIERS``); nothing else of another atelier."""
    checks = [(entity, references(entity, names)) for entity, names in pointing]
    wanted: dict[str, set[str]] = {}
    for entity, refs in checks:
        for name, ref in refs:
            for kind in REFERENCES[entity.kind][name]:
                wanted.setdefault(kind, set()).add(ref)
    if not wanted:
        return
    known = {
        kind: store.get_fields(ENTITY_TYPES[kind], ids, ["series_id", "session_id"])
        for kind, ids in wanted.items()
    }
    for entity, refs in checks:
        for name, ref in refs:
            for kind in REFERENCES[entity.kind][name]:
                target = known[kind].get(ref)
                if target is None or _owned(kind, target, session_id, series_id):
                    continue
                if (entity.kind, name) in ACROSS_ATELIERS and _earlier(
                    store, target, session_id, series_id, number
                ):
                    continue
                raise BundleError(
                    f"{what} : {_element(entity.kind, {'id': entity.id})} : « {name} » désigne "
                    f"{LABELS.get(kind, kind)} ({shown(ref, 40)}) d'un autre atelier ou d'une "
                    "autre série : import refusé."
                )


def _earlier(
    store: Any, target: dict[str, Any], session_id: str, series_id: str | None, number: int | None
) -> bool:
    """Whether ``target`` (a card's owners) belongs to an atelier of the series ``series_id``
    numbered before this one (``number``, else read here)."""
    from fabrique_desktop.model import Session

    ids = [session_id, target.get("session_id") or ""]
    sessions = store.get_fields(Session, ids, ["series_id", "number"])
    here, there = sessions.get(session_id), sessions.get(ids[1])
    if here is not None:  # an atelier known here: its number and series here, not the copy's
        number, series_id = here["number"], here["series_id"]
    return (
        there is not None
        and series_id is not None
        and number is not None
        and there["series_id"] == series_id
        and 0 < there["number"] < number
    )


def _owned(kind: str, target: dict[str, Any], session_id: str, series_id: str | None) -> bool:
    if kind == "personas":  # the series' deck; everything else pointed to is the atelier's
        return target.get("series_id") == series_id
    return target.get("session_id") == session_id


# ----------------------------------------------------------------------------- messages

_TYPES = {
    "string_type": "un texte",
    "int_type": "un nombre entier",
    "float_type": "un nombre",
    "bool_type": "vrai ou faux (true/false)",
    "list_type": "une liste",
    "dict_type": "un objet",
    "model_type": "un objet",
    "model_attributes_type": "un objet",
    "none_required": "vide (null)",
}


def _path(loc: tuple[Any, ...]) -> str:
    parts = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"n° {part + 1}")
        elif isinstance(part, str) and not part.startswith(("function-", "constrained-")):
            if part in ("str", "int", "float", "bool", "none", "list", "dict"):
                continue
            parts.append(shown(part, 40))
    return " › ".join(parts) or "le document"


@cache
def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'s' if n > 1 else ''}".replace(",", " ")


def _value(value: Any) -> str:
    """An offending value as the file writes it (JSON: ``null``, ``true``), on one line."""
    if isinstance(value, str):
        return shown(value)
    try:
        return shown(json.dumps(value, ensure_ascii=False, allow_nan=False))
    except (TypeError, ValueError):
        return shown(value)


def _reason(error: ValidationError) -> str:
    """The first problem of a validation error, in French, with at most a line of the value."""
    first = error.errors(include_url=False)[0]
    kind, ctx, value = first["type"], first.get("ctx") or {}, first.get("input")
    where = f"« {_path(tuple(first['loc']))} »"
    if kind == "missing":
        return f"{where} manque"
    if kind == "extra_forbidden":
        return f"champ inconnu {where}"
    if kind in _TYPES:
        return f"{where} doit être {_TYPES[kind]}, pas « {_value(value)} »"
    if kind == "string_too_long":
        return f"{where} dépasse {_plural(ctx.get('max_length', 0), 'caractère')}"
    if kind == "too_long":
        return f"{where} contient plus de {_plural(ctx.get('max_length', 0), 'élément')}"
    if kind == "too_short":
        return f"{where} contient moins de {_plural(ctx.get('min_length', 0), 'élément')}"
    if kind == "finite_number":
        return f"{where} doit être un nombre fini"
    if kind in ("less_than_equal", "less_than", "greater_than_equal", "greater_than"):
        bound = next(iter(ctx.values()), "?")
        sense = "au plus" if kind.startswith("less") else "au moins"
        return f"{where} doit valoir {sense} {bound}, pas « {_value(value)} »"
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace(" or ", " ou ")
        return f"{where} doit valoir {shown(expected, 120)}, pas « {_value(value)} »"
    if kind in ("string_pattern_mismatch", "string_unicode"):
        expected = _PATTERNS.get(str(ctx.get("pattern", "")), "")
        if expected:
            return f"{where} doit être {expected}, pas « {_value(value)} »"
        char = bad_characters(value, lines=True) if isinstance(value, str) else None
        if char is None and isinstance(value, str):
            char = bad_characters(value, lines=False)
        return f"{where} : caractère interdit {shown(char)}"
    if kind == "value_error":
        return f"{where} : {ctx.get('error', 'valeur invalide')}"
    return f"{where} : valeur invalide « {_value(value)} »"


class _Handout(_Schema):
    table_id: Id | None = None
    table_number: Count | None = None


def handout(data: Any, what: str = "Fichier d'atelier") -> dict[str, Any] | None:
    """What the facilitator wrote on a note-taker's copy (its table), or ``None``."""
    if data is None:
        return None
    try:
        _Handout.model_validate(data)
    except ValidationError as error:
        raise BundleError(f"{what} : copie de preneur de notes : {_reason(error)}.") from None
    return dict(data)
