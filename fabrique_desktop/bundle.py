"""The session bundle: a versioned, lossless JSON document of one session and its series.

Ids, timestamps and tombstones are kept, so that a bundle imported elsewhere is the same
session, and bundles from several laptops can be merged back.

Format versions: 1 holds the rows only (merged per entity, last writer wins); 2 adds
``crdt``, the session's CRDT document (``fabrique_desktop.crdt``), which is what merges, and
``handout``, what the facilitator wrote on a copy for a note-taker (e.g. their table); 3 is
version 2 whose rows have grown fields since (a card's kind, the phones' settings…): an
older Fabrique, which would refuse them as « champ inconnu », says instead that the copy was
made by a newer version. All are read; version 3 is written. A field added to an entity
changes ``fields_fingerprint()``: ``FORMAT_VERSION`` must then go up (a test checks it).
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import re
from dataclasses import dataclass, field
from typing import Any, TypeVar

from fabrique_desktop import __version__
from fabrique_desktop.changes import Change, Edit, Mode
from fabrique_desktop.errors import BundleError
from fabrique_desktop.limits import MAX_ENTITIES, MAX_NAME, shown
from fabrique_desktop.model import ENTITY_TYPES, Entity, Series, Session, utc_now
from fabrique_desktop.ports import Store, Write, store_writer

E = TypeVar("E", bound=Entity)

FORMAT = "fabrique-session"
FORMAT_VERSION = 4
# the entities' fields written by each format version (``fields_fingerprint``); 4: a phone's
# « blocked_from » (the marks of the addresses it was blocked from, migration 0009)
FIELDS = {3: "2ed9bbec", 4: "481cff35"}
CRDT_ENGINE = "yrs-update-v1"
MAX_CRDT_BYTES = 48 * 1024 * 1024
MAX_BYTES = 64 * 1024 * 1024


@dataclass
class Bundle:
    series: Series
    session: Session
    entities: dict[str, list[Entity]] = field(default_factory=dict)
    crdt: bytes | None = None
    handout: dict[str, Any] | None = None
    version: int = FORMAT_VERSION

    def all_entities(self) -> list[Entity]:
        """Parents first, so that foreign keys hold while inserting."""
        ordered: list[Entity] = [self.series, self.session]
        for kind in _kinds_in_order():
            ordered.extend(self.entities.get(kind, []))
        return ordered


def fields_fingerprint() -> str:
    """A short digest of every entity's field names: what a reader of this format knows."""
    import hashlib

    names = sorted(f"{kind}.{name}" for kind, cls in ENTITY_TYPES.items() for name in _fields(cls))
    return hashlib.sha256("\n".join(names).encode()).hexdigest()[:8]


def kinds_in_order() -> list[str]:
    """Every kind but series and sessions, parents before the kinds that refer to them."""
    return _kinds_in_order()


def _kinds_in_order() -> list[str]:
    first = ["personas", "tables", "participants", "cards"]
    rest = [k for k in ENTITY_TYPES if k not in {"series", "sessions", *first}]
    return first + rest


def _fields(cls: type[Entity]) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def collect(store: Store, session: Session, *, session_rows: bool = True) -> Bundle:
    """Everything that belongs to one session (tombstones included) and its series;
    ``session_rows=False``: the series' rows only (what a session's document does not hold)."""
    series = store.get(Series, session.series_id)
    if series is None:
        raise BundleError("La série de cet atelier est introuvable.")
    series = dataclasses.replace(series, title=shared_title(series.title))
    entities: dict[str, list[Entity]] = {}
    for kind in _kinds_in_order():
        cls = ENTITY_TYPES[kind]
        names = _fields(cls)
        if "session_id" in names:
            if not session_rows:
                continue
            items = list(store.iter_all(cls, session_id=session.id))
        elif "series_id" in names:
            items = list(store.iter_all(cls, series_id=series.id))
        else:
            continue
        entities[kind] = sorted(items, key=lambda e: e.id)
    return Bundle(series, session, entities)


def to_json(bundle: Bundle) -> str:
    body = {
        "series": bundle.series.to_record(),
        "session": bundle.session.to_record(),
        "entities": {k: [e.to_record() for e in v] for k, v in bundle.entities.items()},
        "crdt": (
            {"engine": CRDT_ENGINE, "update": base64.b64encode(bundle.crdt).decode("ascii")}
            if bundle.crdt is not None
            else None
        ),
        "handout": bundle.handout,
    }
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": utc_now(),
        "checksum": _checksum(body),
        **body,
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True)


def _newer_message(what: str, version: int, writer: object) -> str:
    """Name the file and the format it is in: the writer's version alone can be this one's
    (a copy altered by hand, a development build), and « plus récente (0.1.0) » read by a
    0.1.0 says nothing."""
    by = ""
    if isinstance(writer, str) and writer and writer != __version__:
        by = f"Fabrique {shown(writer, 20)}, "
    return (
        f"{what} : cette copie a été faite par une version plus récente de Fabrique "
        f"({by}format {version} ; celle-ci, {__version__}, lit jusqu'au format "
        f"{FORMAT_VERSION}). Mettez Fabrique à jour pour l'importer."
    )


def from_json(data: bytes | str, name: str = "") -> Bundle:
    """Parse and validate a bundle; anything wrong is a ``BundleError`` in French.

    Every row, of every format version, goes through ``fabrique_desktop.validation`` (the
    document that merges is checked when it is merged, ``sync.check_document``).
    """
    from fabrique_desktop import validation

    what = f"« {shown(name, 80)} »" if name else "Ce fichier"
    if len(data) > MAX_BYTES:
        raise BundleError(f"{what} est trop volumineux pour être un atelier Fabrique.")
    document = validation.load_json(data, what)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BundleError(f"{what} n'est pas un atelier Fabrique.")
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BundleError(f"{what} n'est pas un atelier Fabrique (version absente).")
    if version > FORMAT_VERSION:
        raise BundleError(_newer_message(what, version, document.get("app_version")))
    keys = ("series", "session", "entities") + (("crdt", "handout") if version >= 2 else ())
    body = {k: document.get(k) for k in keys}
    plain = _plain_base64(body.get("crdt"))  # (the document's text, its bytes) if base64
    if document.get("checksum") != _checksum(body, plain[0] if plain else None):
        raise BundleError("Ce fichier d'atelier a été modifié ou abîmé : import refusé.")
    series = validation.record("series", body["series"], what)
    session = validation.record("sessions", body["session"], what)
    assert isinstance(series, Series)
    assert isinstance(session, Session)
    if session.series_id != series.id:
        raise BundleError(f"{what} incohérent : la série ne correspond pas.")
    sections = body["entities"] if body["entities"] is not None else {}
    if not isinstance(sections, dict):
        raise BundleError(f"{what} invalide : section « entities ».")
    entities: dict[str, list[Entity]] = {}
    total = 0
    for kind, records in sections.items():
        if kind not in ENTITY_TYPES or kind in ("series", "sessions"):
            raise BundleError(f"{what} : section inconnue « {shown(kind)} ».")
        if not isinstance(records, list):
            raise BundleError(f"{what} invalide : section « {kind} ».")
        total += len(records)
        if total > MAX_ENTITIES:
            raise BundleError(
                f"{what} contient plus de {MAX_ENTITIES:,} éléments : import refusé.".replace(
                    ",", " "
                )
            )
        items = [validation.record(kind, r, what) for r in records]
        _check_owner(items, series, session, what)
        _check_unique(items, kind, what)
        entities[kind] = items
    crdt = _crdt(body.get("crdt"), plain[1] if plain else None)
    handout = validation.handout(body.get("handout"), what)
    return Bundle(series, session, entities, crdt=crdt, handout=handout, version=version)


def _plain_base64(section: Any) -> tuple[bytes, bytes] | None:
    """A merge document section's update text (as bytes) and the bytes it encodes, when it is
    nothing but base64 (``validate``: its alphabet only, then the padding), as written; else
    ``None`` (the section is then read, and refused, as any other: ``_crdt``)."""
    if type(section) is not dict or section.keys() != _CRDT_KEYS:
        return None
    text = section["update"]
    if type(text) is not str or not text.isascii() or len(text) > MAX_CRDT_BYTES * 4 // 3 + 4:
        return None
    data = text.encode("ascii")
    try:
        return data, base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return None


def _crdt(section: Any, decoded: bytes | None = None) -> bytes | None:
    """The merge document's bytes (``decoded``: already decoded from its text)."""
    if section is None:
        return None
    if not isinstance(section, dict) or section.get("engine") != CRDT_ENGINE:
        raise BundleError("Fichier d'atelier invalide : document de fusion inconnu.")
    text = section.get("update")
    if not isinstance(text, str) or len(text) > MAX_CRDT_BYTES * 4 // 3 + 4:
        raise BundleError("Fichier d'atelier invalide : document de fusion trop volumineux.")
    if decoded is not None:
        return decoded
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as error:
        raise BundleError("Fichier d'atelier invalide : document de fusion illisible.") from error


def _check_owner(items: list[Entity], series: Series, session: Session, what: str) -> None:
    """Each row names this copy's atelier (or series) as its owner: both, for a quote."""
    for item in items:
        session_id = getattr(item, "session_id", None)
        series_id = getattr(item, "series_id", None)
        if (session_id is not None and session_id != session.id) or (
            series_id is not None and series_id != series.id
        ):
            raise BundleError(f"{what} incohérent : un élément appartient à un autre atelier.")


def _check_unique(items: list[Entity], kind: str, what: str) -> None:
    if len({item.id for item in items}) != len(items):
        raise BundleError(f"{what} incohérent : un élément « {kind} » y figure deux fois.")


def _checksum(body: dict[str, Any], base64_update: bytes | None = None) -> str:
    """The SHA-256 of the body's canonical JSON (sorted keys, no spaces, UTF-8).

    The merge document's update (most of a copy's bytes: 9 MB for 2000 ideas) is hashed as
    it is, not dumped again, when its JSON is itself between quotes (base64 always is).
    ``base64_update``: that text as bytes, known to be base64 (``_plain_base64``), so
    needing no other look."""
    import hashlib

    crdt = body.get("crdt")
    update = crdt.get("update") if type(crdt) is dict and crdt.keys() == _CRDT_KEYS else None
    data = base64_update
    if data is None:
        data = update.encode("ascii") if type(update) is str and update.isascii() else None
        if data is not None and data.translate(None, _JSON_AS_IS):
            data = None
    if type(crdt) is not dict or data is None:
        return hashlib.sha256(_canonical(body).encode(*_UTF8)).hexdigest()
    rest = _canonical({k: v for k, v in body.items() if k != "crdt"})  # keys after "crdt"
    digest = hashlib.sha256(f'{{"crdt":{{"engine":{_canonical(crdt["engine"])},"update":"'.encode())
    digest.update(data)
    digest.update(('"}' + ("," + rest[1:] if len(rest) > 2 else "}")).encode(*_UTF8))
    return digest.hexdigest()


_CRDT_KEYS = {"engine", "update"}
# the ASCII characters JSON writes as they are (all printable ones but the quote and the
# backslash): a text of these only is its own JSON between quotes
_JSON_AS_IS = bytes(c for c in range(0x20, 0x80) if chr(c) not in '"\\')
# a lone surrogate (JSON allows "\ud800") must reach the validator, not crash here
_UTF8 = ("utf-8", "surrogatepass")


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    session: Session | None = None
    # the title a series new here was given beside another series of the same title
    renamed_series: str | None = None


def import_bundle(store: Store, bundle: Bundle, write: Write | None = None) -> ImportSummary:
    """Add a bundle's session to the store, or merge it into the same session already there.

    Merge rule (last writer wins, per entity): an unknown entity is added; a known one is
    replaced when the bundle's copy was updated later (ties broken by content), so that
    importing twice changes nothing and bundles merge in any order to the same result.
    The rows are handed to ``write`` as one change (the store's own by default).
    """
    summary = ImportSummary(session=bundle.session)
    edits = import_records(store, bundle.all_entities(), summary)
    (write if write is not None else store_writer(store))(Change("Import d'une copie", edits))
    return summary


def import_records(
    store: Store, entities: list[Entity], summary: ImportSummary
) -> tuple[Edit, ...]:
    """Each entity unknown here, or known here and updated later in the bundle, as a
    ``Mode.ROW`` edit (written as it is); the others are counted unchanged."""
    by_kind: dict[type[Entity], list[str]] = {}
    for incoming in entities:
        by_kind.setdefault(type(incoming), []).append(incoming.id)
    here: dict[tuple[str, str], Entity] = {}
    for cls, ids in by_kind.items():
        here.update(((cls.kind, i), e) for i, e in store.get_many(cls, ids).items())
    edits: list[Edit] = []
    for incoming in entities:
        local = here.get((incoming.kind, incoming.id))
        if local is not None and not _wins(incoming, local):
            summary.unchanged += 1
            continue
        before = local.to_record() if local is not None else None
        after = incoming.to_record()
        if isinstance(incoming, Series):
            after["title"] = distinct_series_title(store, incoming)
            if after["title"] != incoming.title and local is None:
                summary.renamed_series = after["title"]
        if after == before:
            summary.unchanged += 1
            continue
        if local is None:
            summary.created += 1
        else:
            summary.updated += 1
        edits.append(Edit(incoming.kind, incoming.id, before, after, Mode.ROW))
    return tuple(edits)


OTHER_LAPTOP = "copie d'un autre ordinateur"
_OTHER_LAPTOP_MARK = re.compile(rf" \({re.escape(OTHER_LAPTOP)}(?: \d+)?\)$")


def shared_title(title: str) -> str:
    """A series' title as it travels: without the mark ``distinct_series_title`` gave it
    here (that name is this laptop's only; a copy handed on carries the series' own)."""
    return _OTHER_LAPTOP_MARK.sub("", title)


def distinct_series_title(store: Store, incoming: Series) -> str:
    """The title a series from another laptop is kept under here: its own, unless another
    series here has it (each laptop's first use makes its own demo « La Fabrique — Acte 1 »,
    with its own id): then « … (copie d'un autre ordinateur) », numbered if need be.

    The row keeps the other laptop's ``updated_at``: handed back (or through a relay), it
    ties with the original there, and the tie goes to the original (« Acte 1" » sorts after
    « Acte 1 (… »: ``_wins``), so the name given here never renames the series there; and a
    copy imported here again is renamed the same way, changing nothing."""
    from fabrique_desktop.lookup import loose

    taken = {loose(s.title) for s in store.find(Series) if s.id != incoming.id}
    if loose(incoming.title) not in taken:
        return incoming.title
    n = 1
    while True:
        mark = f" ({OTHER_LAPTOP})" if n == 1 else f" ({OTHER_LAPTOP} {n})"
        candidate = incoming.title[: MAX_NAME - len(mark)].rstrip() + mark
        if loose(candidate) not in taken:
            return candidate
        n += 1


def _wins(incoming: Entity, local: Entity) -> bool:
    a, b = incoming.to_record(), local.to_record()
    if a == b:
        return False
    if a["updated_at"] != b["updated_at"]:
        return a["updated_at"] > b["updated_at"]
    return json.dumps(a, sort_keys=True, ensure_ascii=False) > json.dumps(
        b, sort_keys=True, ensure_ascii=False
    )
