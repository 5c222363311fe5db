"""The session bundle: a versioned, lossless JSON document of one session and its series.

Ids, timestamps and tombstones are kept, so that a bundle imported elsewhere is the same
session, and bundles from several laptops can be merged back.

Format versions: 1 holds the rows only (merged per entity, last writer wins); 2 adds
``crdt``, the session's CRDT document (``fabrique_desktop.crdt``), which is what merges, and
``handout``, what the facilitator wrote on a copy for a note-taker (e.g. their table). Both
are read; version 2 is written.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, TypeVar

from fabrique_desktop import __version__
from fabrique_desktop.errors import BundleError
from fabrique_desktop.model import ENTITY_TYPES, Entity, Series, Session, utc_now
from fabrique_desktop.ports import Store

E = TypeVar("E", bound=Entity)

FORMAT = "fabrique-session"
FORMAT_VERSION = 2
CRDT_ENGINE = "yrs-update-v1"
MAX_CRDT_BYTES = 48 * 1024 * 1024
MAX_BYTES = 64 * 1024 * 1024
MAX_ENTITIES = 200_000


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


def kinds_in_order() -> list[str]:
    """Every kind but series and sessions, parents before the kinds that refer to them."""
    return _kinds_in_order()


def _kinds_in_order() -> list[str]:
    first = ["personas", "tables", "participants", "cards"]
    rest = [k for k in ENTITY_TYPES if k not in {"series", "sessions", *first}]
    return first + rest


def _fields(cls: type[Entity]) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def collect(store: Store, session: Session) -> Bundle:
    """Everything that belongs to one session (tombstones included) and its series."""
    series = store.get(Series, session.series_id)
    if series is None:
        raise BundleError("La série de cet atelier est introuvable.")
    entities: dict[str, list[Entity]] = {}
    for kind in _kinds_in_order():
        cls = ENTITY_TYPES[kind]
        names = _fields(cls)
        if "session_id" in names:
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


def from_json(data: bytes | str) -> Bundle:
    """Parse and validate a bundle; anything wrong is a ``BundleError`` in French."""
    if len(data) > MAX_BYTES:
        raise BundleError("Ce fichier est trop volumineux pour être un atelier Fabrique.")
    try:
        document = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise BundleError("Ce fichier n'est pas un atelier Fabrique (JSON illisible).") from error
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BundleError("Ce fichier n'est pas un atelier Fabrique.")
    version = document.get("format_version")
    if not isinstance(version, int):
        raise BundleError("Ce fichier n'est pas un atelier Fabrique (version absente).")
    if version > FORMAT_VERSION:
        raise BundleError(
            f"Cet atelier a été exporté par une version plus récente de Fabrique "
            f"({document.get('app_version', '?')}). Mettez Fabrique à jour pour l'importer."
        )
    keys = ("series", "session", "entities") + (("crdt", "handout") if version >= 2 else ())
    body = {k: document.get(k) for k in keys}
    if document.get("checksum") != _checksum(body):
        raise BundleError("Ce fichier d'atelier a été modifié ou abîmé : import refusé.")
    try:
        series = _entity(Series, body["series"])
        session = _entity(Session, body["session"])
        if session.series_id != series.id:
            raise BundleError("Fichier d'atelier incohérent : la série ne correspond pas.")
        entities: dict[str, list[Entity]] = {}
        total = 0
        for kind, records in (body["entities"] or {}).items():
            cls = ENTITY_TYPES.get(kind)
            if cls is None:
                raise BundleError(f"Fichier d'atelier inconnu : section « {kind} ».")
            if not isinstance(records, list):
                raise BundleError(f"Fichier d'atelier invalide : section « {kind} ».")
            total += len(records)
            if total > MAX_ENTITIES:
                raise BundleError("Ce fichier d'atelier contient trop d'éléments.")
            items = [_entity(cls, r) for r in records]
            _check_owner(items, series, session)
            entities[kind] = items
        crdt = _crdt(body.get("crdt"))
        handout = body.get("handout")
        if handout is not None and not isinstance(handout, dict):
            raise BundleError("Fichier d'atelier invalide : section « handout ».")
    except (TypeError, KeyError, AttributeError) as error:
        raise BundleError("Fichier d'atelier invalide : contenu inattendu.") from error
    return Bundle(series, session, entities, crdt=crdt, handout=handout, version=version)


def _crdt(section: Any) -> bytes | None:
    if section is None:
        return None
    if not isinstance(section, dict) or section.get("engine") != CRDT_ENGINE:
        raise BundleError("Fichier d'atelier invalide : document de fusion inconnu.")
    text = section.get("update")
    if not isinstance(text, str) or len(text) > MAX_CRDT_BYTES * 4 // 3 + 4:
        raise BundleError("Fichier d'atelier invalide : document de fusion trop volumineux.")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as error:
        raise BundleError("Fichier d'atelier invalide : document de fusion illisible.") from error


def _entity(cls: type[E], record: Any) -> E:
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        raise BundleError("Fichier d'atelier invalide : un élément n'a pas d'identifiant.")
    unknown = set(record) - _fields(cls)
    if unknown:
        raise BundleError(f"Fichier d'atelier invalide : champ inconnu « {sorted(unknown)[0]} ».")
    return cls.from_record(record)


def _check_owner(items: list[Entity], series: Series, session: Session) -> None:
    for item in items:
        owner = getattr(item, "session_id", None) or getattr(item, "series_id", None)
        if owner not in (session.id, series.id):
            raise BundleError(
                "Fichier d'atelier incohérent : un élément appartient à un autre atelier."
            )


def _checksum(body: dict[str, Any]) -> str:
    import hashlib

    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    session: Session | None = None


def import_bundle(store: Store, bundle: Bundle) -> ImportSummary:
    """Add a bundle's session to the store, or merge it into the same session already there.

    Merge rule (last writer wins, per entity): an unknown entity is added; a known one is
    replaced when the bundle's copy was updated later (ties broken by content), so that
    importing twice changes nothing and bundles merge in any order to the same result.
    """
    summary = ImportSummary(session=bundle.session)
    import_records(store, bundle.all_entities(), summary)
    return summary


def import_records(store: Store, entities: list[Entity], summary: ImportSummary) -> None:
    """Write each entity unknown here, or known here and updated later in the bundle."""
    to_write: list[Entity] = []
    for incoming in entities:
        local = store.get(type(incoming), incoming.id)
        if local is None:
            summary.created += 1
            to_write.append(incoming)
        elif _wins(incoming, local):
            summary.updated += 1
            to_write.append(incoming)
        else:
            summary.unchanged += 1
    store.put_many(to_write)


def _wins(incoming: Entity, local: Entity) -> bool:
    a, b = incoming.to_record(), local.to_record()
    if a == b:
        return False
    if a["updated_at"] != b["updated_at"]:
        return a["updated_at"] > b["updated_at"]
    return json.dumps(a, sort_keys=True, ensure_ascii=False) > json.dumps(
        b, sort_keys=True, ensure_ascii=False
    )
