"""Several laptops, one session: hand out a copy, bring the notes back, merge without loss.

The merge engine is the session's CRDT document (``fabrique_desktop.crdt``, Yrs through
pycrdt), kept in the database beside the rows:

- ``Store.apply`` notes every written entity of a session in a *dirty* list, in the write's own
  transaction (cheap, and pycrdt is not even imported on the capture path);
- ``SessionSync.flush`` brings the document up to date with those rows (before any copy is
  handed out or merged; after each change once live sync exists);
- ``SessionSync.merge`` applies another laptop's document, finds the fields edited on both
  sides since their common state (concurrent version vectors: conflicts), and rewrites every
  entity whose document fields changed.

The engine writes nothing itself: each operation computes one ``Change`` — the rows as the
merged document holds them (``Mode.DOCUMENT`` edits, the copy's series rows as ``Mode.ROW``)
and the journal's new updates and conflicts (``JournalWrite``) — and hands it to the ``Write``
it was given (the window's change bus in the app, which announces it; the store in the
command line): one transaction, one error path. A write refused (a full disk) leaves the
database as it was, and the engine reads its document again next time.

Rules (documented for the facilitator in the README):
- a new entity anywhere is added everywhere; merging the same copy twice changes nothing;
  merging copies in any order gives the same session (a CRDT);
- the same field edited on two laptops: every laptop keeps the same version (Yrs's
  deterministic choice) and the conflict is listed with both versions, until someone chooses;
- deletions win: a card deleted on one laptop stays deleted even if it was edited elsewhere
  (the edit is kept inside the tombstone); only « deleted here, restored there » is a conflict;
- series-level data (the series, its template and persona deck) are the facilitator's: they
  travel with the copy and merge per entity, last writer wins.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from fabrique_desktop import bundle as bundles
from fabrique_desktop import disk
from fabrique_desktop.changes import Change, Edit, JournalWrite, Mode
from fabrique_desktop.errors import BundleError
from fabrique_desktop.limits import shown
from fabrique_desktop.model import ENTITY_TYPES, Entity, Session, utc_now
from fabrique_desktop.ports import Store, Write, store_writer

if TYPE_CHECKING:
    from fabrique_desktop.crdt import Changes, SessionDoc

Texts = dict[str, dict[str, Any]]  # kind → {"<id>:<field>": stored cell text}
# kind → id → an entity validated already, its references checked if it is not here (a
# copy's rows: ``bundle.from_json``, ``validation.check_ownership``)
Checked = dict[str, dict[str, Entity]]

COMPACT_AFTER = 64  # stored updates before they are folded into one state
MAX_ENTITIES = bundles.MAX_ENTITIES
MAX_CELLS = 40 * MAX_ENTITIES
MAX_CELL_CHARS = 200_000
ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")


class SyncJournal(Protocol):
    """What merging reads from storage beyond the ``Store`` (``db.sync_store`` implements it;
    what a merge writes there travels in its change's ``JournalWrite``).

    Every method joins the store's current transaction.
    """

    def load(self, session_id: str) -> list[bytes]:
        """The session document's stored updates, oldest first (``[]``: none yet)."""

    def count(self, session_id: str) -> int:
        """How many updates are stored for the session beside its compacted state."""

    def version(self, session_id: str) -> Any:
        """A value that changes whenever the session's stored document does."""

    def dirty(self, session_id: str, kinds: list[str]) -> list[tuple[str, str]]:
        """(kind, id) of the session's entities written since the document last caught up."""

    def known_conflicts(self, ids: list[str]) -> set[str]:
        """Those of ``ids`` already recorded (open or resolved)."""

    def conflicts(self, session_id: str, *, open_only: bool = True) -> list[dict[str, Any]]: ...


@dataclass
class MergeSummary:
    """What a merge did, counted in entities (new, updated) and in conflicting fields."""

    new: int = 0
    updated: int = 0
    conflicts: int = 0
    session: Session | None = None
    new_by_kind: dict[str, int] = field(default_factory=dict)
    created_session: bool = False  # the session was not on this laptop before
    # the title its series was given here, beside another series of its title (``bundle``)
    renamed_series: str | None = None

    def message(self) -> str:
        title = f"« {self.session.title} » : " if self.session else ""
        counts = (
            f"{title}{self.new} {_plural(self.new, 'nouvelle', 'nouvelles')}, "
            f"{self.updated} {_plural(self.updated, 'mise à jour', 'mises à jour')}, "
            f"{self.conflicts} {_plural(self.conflicts, 'conflit', 'conflits')}."
        )
        return counts + (f"\n{self.series_note()}" if self.renamed_series else "")

    def series_note(self) -> str:
        """Why the series has another title here than on the laptop the copy came from."""
        return (
            "Cet ordinateur a déjà une autre série de ce titre : celle de la copie est "
            f"enregistrée ici sous « {self.renamed_series} »."
        )


def _plural(n: int, one: str, many: str) -> str:
    return one if n <= 1 else many


_FIELDS: dict[type[Entity], dict[str, str]] = {}


def _fields(cls: type[Entity]) -> dict[str, str]:
    if cls not in _FIELDS:  # not functools.cache: mypy does not see a class as Hashable
        _FIELDS[cls] = {f.name: str(f.type) for f in dataclasses.fields(cls)}
    return _FIELDS[cls]


def read_only(store: Store) -> bool:
    """True when the data cannot be written (disk full, read-only folder): see ``db.store``."""
    return bool(getattr(store, "read_only", None))


def session_kinds() -> list[str]:
    """The kinds the session document holds: the session itself and its own data."""
    return ["sessions"] + [
        k for k in bundles.kinds_in_order() if "session_id" in _fields(ENTITY_TYPES[k])
    ]


@dataclass
class _Plan:
    """What one operation of the engine will write, gathered while it computes."""

    session_id: str
    edits: list[Edit] = field(default_factory=list)
    updates: list[tuple[bytes, str]] = field(default_factory=list)
    state: bytes | None = None
    caught_up: list[tuple[str, str]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    resolved: list[tuple[str, str, str]] = field(default_factory=list)

    def change(self, label: str) -> Change:
        journal = JournalWrite(
            self.session_id,
            updates=tuple(self.updates),
            state=self.state,
            caught_up=tuple(self.caught_up),
            conflicts=tuple(self.conflicts),
            resolved=tuple(self.resolved),
        )
        return Change(label, tuple(self.edits), journal=journal if journal else None)


MERGED_LABEL = "Fusion d'une copie"
RECEIVED_LABEL = "Reçu d'un autre ordinateur"


@contextmanager
def held_collection() -> Iterator[None]:
    """Python's automatic cyclic garbage collection held while a merge runs: it builds tens of
    thousands of small dicts and tuples (Yrs's changes, the cells, the rows), none in a cycle,
    and the collections they set off walked every live object again and again (~12 % of a
    2000-idea merge). Collection is as it was afterwards; the app keeps it off anyway on every
    thread but the GUI's timer (``ui/gui_thread_gc.py``), where this changes nothing."""
    held = gc.isenabled()
    if held:
        gc.disable()
    try:
        yield
    finally:
        if held:
            gc.enable()


class SessionSync:
    """One session's document and its rows. Offline: one per operation; live: one per session.

    ``write``: where each operation's ``Change`` goes (module docstring); the store's own by
    default (the command line, tests)."""

    def __init__(
        self, store: Store, journal: SyncJournal, session_id: str, write: Write | None = None
    ) -> None:
        self.store = store
        self.journal = journal
        self.session_id = session_id
        self.write = write if write is not None else store_writer(store)
        self._doc: SessionDoc | None = None
        self._stored: Any = None  # the journal's version that ``_doc`` holds
        self.last_change: Change | None = None
        """What the last operation wrote (empty when nothing)."""

    @property
    def doc(self) -> SessionDoc:
        if self._doc is None:
            from fabrique_desktop.crdt import SessionDoc

            self._doc = SessionDoc(self.journal.load(self.session_id))
            self._stored = self.journal.version(self.session_id)
        return self._doc

    def flush(self) -> bytes | None:
        """Bring the document up to date with the rows; the update made, if any."""
        plan = _Plan(self.session_id)
        with self._transaction():
            update = self._flush(plan)
        self._commit(plan.change("Mise à jour du document de fusion"))
        return update

    def merge(
        self,
        remote: SessionDoc,
        origin: str = "",
        series_id: str | None = None,
        rows: tuple[Edit, ...] = (),
        label: str = MERGED_LABEL,
        checked: Checked | None = None,
    ) -> MergeSummary:
        """Merge another laptop's whole document into this one and into the rows.

        ``remote`` comes from elsewhere: what it holds that this laptop does not is checked
        first (``check_document``); a refusal leaves everything as it was. ``series_id`` is the
        series the session belongs to when it is not here yet; ``rows``: the copy's series
        rows to write with the merge (``Mode.ROW``), in the same change; ``checked``: the
        copy's own rows of the session, already validated, and their references checked
        (``check_document``).
        """
        plan = _Plan(self.session_id, edits=list(rows))
        with held_collection():
            with self._transaction():
                summary = self._merge(plan, remote, origin, series_id, checked)
            self._commit(plan.change(label))
            summary.session = self.store.get(Session, self.session_id)
        return summary

    def receive(
        self,
        update: bytes,
        origin: str = "peer",
        rows: tuple[Edit, ...] = (),
        label: str = RECEIVED_LABEL,
    ) -> MergeSummary:
        """Merge one update from a peer (live sync), checked and merged like a whole document;
        refusals change nothing. It is applied to this laptop's document itself
        (``absorb``): a refusal drops that document, which is read again from the journal
        (``_transaction``), as a copy of it made for the trial and dropped would have been.

        Conflicts are found where the peer's version wins here; where this laptop's wins, the
        peer finds them when it receives this laptop's update.
        """
        plan = _Plan(self.session_id, edits=list(rows))
        with held_collection():
            with self._transaction():
                summary = self._merge(plan, update, origin, None)
            self._commit(plan.change(label))
        summary.session = self.store.get(Session, self.session_id)
        return summary

    def conflicts(self) -> list[Conflict]:
        return group_conflicts(self.journal.conflicts(self.session_id))

    def resolve(self, conflict: Conflict, value: Any) -> None:
        """Keep ``value`` for a conflicting field, everywhere this document goes next."""
        from fabrique_desktop.crdt import Cell, joined

        plan = _Plan(self.session_id)
        with self._transaction():
            self._flush(plan)
            doc = self.doc
            key = (conflict.kind, conflict.entity_id, conflict.field)
            absorb = joined(*(Cell.from_json(text).version for text in conflict.cells))
            before = doc.state_vector()
            mine = doc.texts([conflict.kind])
            values = {conflict.field: value, "updated_at": utc_now()}
            doc.write(
                [(conflict.kind, conflict.entity_id, values)], absorb={key: absorb}, force=[key]
            )
            self._save(plan, doc.update(before), "local")
            self._write_rows(plan, mine, doc.texts([conflict.kind]))
            at, choice = utc_now(), json.dumps(value)
            plan.resolved.extend((id, choice, at) for id in conflict.ids)
        self._commit(plan.change(f"Trancher le conflit « {conflict.field} »"))

    # private

    def _flush(self, plan: _Plan) -> bytes | None:
        doc = self.doc
        kinds = session_kinds()
        dirty = self.journal.dirty(self.session_id, kinds)
        known: dict[str, Any] | None = None
        if doc.roots():
            items = [r for kind, id in dirty if (r := self._record(kind, id)) is not None]
        else:  # the first time: the whole session, into an empty document
            items = list(self._all_records(kinds))
            known = {}
        update = None
        if items:
            before = doc.state_vector()
            if doc.write(items, known=known):
                update = doc.update(before)
                if not read_only(self.store):
                    self._save(plan, update, "local")
        if not read_only(self.store):  # read-only data: the copy is made in memory only
            plan.caught_up.extend(dirty)
        return update

    def _merge(
        self,
        plan: _Plan,
        remote: SessionDoc | bytes,
        origin: str,
        series_id: str | None,
        checked: Checked | None = None,
    ) -> MergeSummary:
        self._flush(plan)
        doc = self.doc
        what = describe(origin)
        sides = (
            absorb(doc, remote, what) if isinstance(remote, bytes) else compare(doc, remote, what)
        )
        here = self.store.get(Session, self.session_id)
        parsed: dict[str, Any] = {}
        fresh: dict[str, dict[str, dict[str, Any]]] = {}
        check_document(
            sides,
            self.session_id,
            store=self.store,
            series_id=here.series_id if here is not None else series_id,
            what=what,
            parsed=parsed,
            checked=checked,
            values=fresh,
        )
        if sides.update is None:  # the document learnt nothing
            return MergeSummary()
        self._save(plan, sides.update, origin or "bundle")
        summary = self._merged_rows(plan, sides, parsed, fresh)
        rows = find_conflicts(self.session_id, sides, origin)
        summary.conflicts = self._new_conflicts(plan, rows)
        return summary

    def _new_conflicts(self, plan: _Plan, rows: list[dict[str, Any]]) -> int:
        """Conflicts not recorded yet go into the plan; how many."""
        if not rows:
            return 0
        seen = self.journal.known_conflicts([row["id"] for row in rows])
        seen.update(row["id"] for row in plan.conflicts)
        added = 0
        for row in rows:
            if row["id"] not in seen:
                seen.add(row["id"])
                plan.conflicts.append(row)
                added += 1
        return added

    def _commit(self, change: Change) -> None:
        """Hand what an operation computed to the writer; a refusal forgets the document
        (it holds what was not written) and is raised as it came."""
        self.last_change = change
        if not change:
            return
        try:
            self.write(change)
        except BaseException:
            self._doc = None
            raise
        if change.journal is not None and self._doc is not None:
            self._stored = self.journal.version(self.session_id)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """What an operation reads, read in one transaction (it writes nothing there)."""
        try:
            with self.store.atomic():
                if self._doc is not None and self.journal.version(self.session_id) != self._stored:
                    self._doc = None  # another engine stored updates: never write from a stale copy
                yield
        except BaseException:
            self._doc = None  # the stored document is the truth: reload it next time
            raise

    def _save(self, plan: _Plan, update: bytes, origin: str) -> None:
        plan.updates.append((update, origin))
        if self.journal.count(self.session_id) + len(plan.updates) > COMPACT_AFTER:
            plan.updates.clear()
            plan.state = self.doc.update()

    def _record(self, kind: str, id: str) -> tuple[str, str, dict[str, Any]] | None:
        entity = self.store.get(ENTITY_TYPES[kind], id)
        return (kind, id, entity.to_record()) if entity is not None else None

    def _all_records(self, kinds: list[str]) -> Iterator[tuple[str, str, dict[str, Any]]]:
        for kind in kinds:
            if kind == "sessions":
                session = self.store.get(Session, self.session_id)
                if session is not None:
                    yield kind, session.id, session.to_record()
                continue
            for entity in self.store.iter_all(ENTITY_TYPES[kind], session_id=self.session_id):
                yield kind, entity.id, entity.to_record()

    def _write_rows(self, plan: _Plan, before: Texts, after: Texts) -> MergeSummary:
        """The entities whose document fields changed between two whole readings of the
        document (``before``, ``after``), as ``Mode.DOCUMENT`` edits of the plan; counted."""
        from fabrique_desktop.crdt import split_key

        rows: dict[str, dict[str, dict[str, Any]]] = {}
        known: dict[str, set[str]] = {}
        for kind in session_kinds():
            old, new = before.get(kind, {}), after.get(kind, {})
            changed = {split_key(k)[0] for k, text in new.items() if old.get(k) != text}
            if not changed:
                continue
            known[kind] = {split_key(k)[0] for k in old}
            rows[kind] = {}
            for key, text in new.items():
                entity_id, _, name = split_key(key)
                if entity_id in changed:
                    rows[kind].setdefault(entity_id, {})[name] = json.loads(text)[0]
        return self._edits(plan, rows, known)

    def _merged_rows(
        self,
        plan: _Plan,
        sides: Sides,
        parsed: dict[str, Any],
        fresh: dict[str, dict[str, dict[str, Any]]],
    ) -> MergeSummary:
        """The entities a merge changed here, as ``Mode.DOCUMENT`` edits of the plan (as the
        merged document holds them, their row here before); counted. ``parsed``: cell text
        → value, already parsed by ``check_document``; ``fresh``: kind → id → the values of
        each entity new here whole, as ``check_document`` checked them."""
        rows: dict[str, dict[str, dict[str, Any]]] = {}
        known: dict[str, set[str]] = {}
        for kind, changed in sides.rewritten.items():
            new = fresh.get(kind, {})
            merged, mine = sides.entities(kind, (i for i in changed if i not in new))
            known[kind] = {entity_id for entity_id, fields in mine.items() if fields}
            rows[kind] = {
                entity_id: new[entity_id]
                if entity_id in new
                else {name: _value(text, parsed) for name, text in merged[entity_id].items()}
                for entity_id in changed
            }
        return self._edits(plan, rows, known)

    def _edits(
        self,
        plan: _Plan,
        rows: dict[str, dict[str, dict[str, Any]]],
        known: dict[str, set[str]],
    ) -> MergeSummary:
        """kind → id → fields (as the document holds them) as ``Mode.DOCUMENT`` edits of
        the plan, with their row here before (``known``: those already in the document);
        counted."""
        summary = MergeSummary()
        for kind in session_kinds():
            if kind not in rows:
                continue
            cls, old = ENTITY_TYPES[kind], known[kind]
            names = list(_fields(cls))
            every = set(names)
            here = self.store.get_many(cls, [i for i in rows[kind] if i in old]) if old else {}
            for entity_id, fields in rows[kind].items():
                if kind == "sessions":
                    summary.created_session = entity_id not in old
                elif entity_id in old:
                    summary.updated += 1
                else:
                    summary.new += 1
                    summary.new_by_kind[kind] = summary.new_by_kind.get(kind, 0) + 1
                if fields.keys() == every:  # every field: the record as to_record gives it
                    # (a list copied: one parsed cell's value may be shared by several rows)
                    record = {
                        name: list(value) if type(value := fields[name]) is list else value
                        for name in names
                    }
                    record["id"] = entity_id
                else:  # the defaults for the others
                    record = cls.from_record({**fields, "id": entity_id}).to_record()
                old_row = here.get(entity_id)
                before_row = old_row.to_record() if old_row is not None else None
                plan.edits.append(Edit(kind, entity_id, before_row, record, Mode.DOCUMENT))
        return summary


def _value(text: str, parsed: dict[str, Any]) -> Any:
    value = parsed.get(text, _UNSEEN)
    if value is _UNSEEN:
        return json.loads(text)[0]
    return list(value) if type(value) is list else value  # never one list for two rows


_UNSEEN = object()


# conflicts


@dataclass
class Conflict:
    """A field edited on two laptops since their common state, with every version seen."""

    ids: list[str]
    kind: str
    entity_id: str
    field: str
    versions: list[Any]  # distinct values, the kept one first
    kept: Any
    cells: list[str]  # the stored cells (value and version), to absorb when resolving


def find_conflicts(session_id: str, sides: Sides, origin: str) -> list[dict[str, Any]]:
    """Fields both sides changed since their common state (concurrent versions)."""
    from fabrique_desktop.crdt import QUIET_FIELDS, SEPARATOR, Cell, concurrent

    now = utc_now()
    rows = []
    for kind, entities in sides.cells.items():
        for entity_id, cells in entities.items():
            for name, (here, text, kept) in cells.items():
                if here is None or text is None or here == text or name in QUIET_FIELDS:
                    continue
                a, b = Cell.from_json(here), Cell.from_json(text)
                if a.value == b.value or not concurrent(a.version, b.version):
                    continue
                tombstone = sides.merged(kind, entity_id, "deleted_at")
                if name != "deleted_at" and tombstone and Cell.from_json(tombstone).value:
                    continue  # deletions win; nobody needs to arbitrate edits of a deleted card
                key = f"{entity_id}{SEPARATOR}{name}"
                first, second = sorted([here, text])
                digest = "\x1f".join([session_id, kind, key, first, second])
                rows.append(
                    {
                        "id": hashlib.sha256(digest.encode("utf-8")).hexdigest(),
                        "session_id": session_id,
                        "kind": kind,
                        "entity_id": entity_id,
                        "field": name,
                        "local": here,
                        "remote": text,
                        "kept": kept,
                        "origin": origin,
                        "detected_at": now,
                        "resolved_at": None,
                        "choice": None,
                    }
                )
    return rows


def group_conflicts(rows: list[dict[str, Any]]) -> list[Conflict]:
    """Open conflicts, one per field (a field may conflict with several laptops)."""
    from fabrique_desktop.crdt import Cell

    grouped: dict[tuple[str, str, str], Conflict] = {}
    for row in sorted(rows, key=lambda r: (r["detected_at"], r["id"])):
        key = (row["kind"], row["entity_id"], row["field"])
        kept = Cell.from_json(row["kept"]).value if row["kept"] else None
        conflict = grouped.setdefault(key, Conflict([], *key, versions=[kept], kept=kept, cells=[]))
        conflict.ids.append(row["id"])
        for text in (row["local"], row["remote"]):
            conflict.cells.append(text)
            value = Cell.from_json(text).value
            if value not in conflict.versions:
                conflict.versions.append(value)
    return list(grouped.values())


# bundles: hand out, bring back


def handout_bundle(
    store: Store,
    journal: SyncJournal,
    session: Session,
    handout: dict[str, Any] | None = None,
    write: Write | None = None,
) -> bundles.Bundle:
    """A copy of the session for a note-taker: rows, and the document that merges them back.

    The document's catching up with the rows (the journal's bookkeeping, nothing a window
    shows) is handed to ``write`` first (the store's own by default)."""
    sync = SessionSync(store, journal, session.id, write)
    sync.flush()
    with store.atomic():
        fresh = store.get(Session, session.id) or session
        result = bundles.collect(store, fresh)
        result.crdt = sync.doc.update()
        result.handout = handout
    return result


def import_bundle(
    store: Store,
    journal: SyncJournal,
    parsed: bundles.Bundle,
    origin: str = "",
    write: Write | None = None,
) -> MergeSummary:
    """Add a bundle's session here, or merge it into the same session: one ``Change``,
    handed to ``write`` (the store's own by default), so one transaction."""
    from fabrique_desktop.validation import check_ownership

    what = describe(origin)
    write = write if write is not None else store_writer(store)
    if parsed.crdt is None:  # format 1: rows only, last writer wins per entity
        with store.atomic():
            check_ownership(store, parsed, what)
            legacy = bundles.ImportSummary(session=parsed.session)
            edits = bundles.import_records(store, parsed.all_entities(), legacy)
        write(Change(MERGED_LABEL, edits))
        merged = MergeSummary(legacy.created, legacy.updated, 0, legacy.session)
        merged.renamed_series = legacy.renamed_series
        return merged
    with held_collection():
        remote = read_document(parsed.crdt)
        in_document = set(session_kinds())
        series_kinds = [kind for kind in parsed.entities if kind not in in_document]
        series_level = [parsed.series] + [e for kind in series_kinds for e in parsed.entities[kind]]
        series_rows = bundles.ImportSummary()
        with store.atomic():
            check_ownership(store, parsed, what)  # every row, written or not: none may lie
            rows = bundles.import_records(store, series_level, series_rows)
        # the copy's rows of the session, validated by ``from_json``: the document's entities
        # that are exactly these are not validated again (``check_document``)
        checked: Checked = {
            kind: {e.id: e for e in parsed.entities.get(kind, ())} for kind in in_document
        }
        checked["sessions"] = {parsed.session.id: parsed.session}
        engine = SessionSync(store, journal, parsed.session.id, write)
        summary = engine.merge(
            remote, origin, series_id=parsed.series.id, rows=rows, checked=checked
        )
        summary.renamed_series = series_rows.renamed_series
        return summary


def read_document(update: bytes) -> SessionDoc:
    """Another laptop's document, decoded (it is checked against this laptop's when merged)."""
    from fabrique_desktop.crdt import SessionDoc

    if len(update) > bundles.MAX_CRDT_BYTES:
        raise BundleError("Le document de fusion de ce fichier est trop volumineux.")
    try:
        return SessionDoc([update])
    except (ValueError, RuntimeError, OverflowError) as error:
        raise BundleError("Fichier d'atelier abîmé : document de fusion illisible.") from error


class Sides:
    """Where this laptop's document and another's differ, field by field, once merged.

    Made by ``compare`` from Yrs's changes (``SessionDoc.apply_observed``): ``changed``,
    what the merge changed here; ``kept``, what this laptop's document changed in the other
    (where this laptop's text stays). ``fresh``: kind → entity id → field → the merged text,
    for each entity new here whole — every field of its kind added by the merge, none kept
    here, so none here before (most of a copy's new ideas). ``cells``: kind → entity id →
    field → (this laptop's text, the other's, the merged one), None where absent, for every
    field either names, of the other entities; every other field is the same on both sides
    and in ``doc``, the merged document. ``update``: what the merge added to ``doc`` (None:
    nothing)."""

    def __init__(
        self,
        doc: SessionDoc,
        changed: dict[str, Changes],
        kept: dict[str, Changes],
        update: bytes | None,
    ) -> None:
        from fabrique_desktop.crdt import SEPARATOR

        self.doc = doc
        self.update = update
        self.cells: dict[str, dict[str, dict[str, tuple[Any, Any, Any]]]] = {}
        self.fresh: dict[str, dict[str, dict[str, Any]]] = {}
        self.rewritten: dict[str, set[str]] = {}
        """kind → the ids of the entities the merge changed here (``fresh`` ones included)."""
        self._entities: dict[tuple[str, str], tuple[dict[str, Any], dict[str, Any]]] = {}
        for kind in {*changed, *kept}:
            names = _fields(ENTITY_TYPES[kind]).keys() if kind in ENTITY_TYPES else None
            texts: dict[str, dict[str, Any]] = {}  # entity → field → the merged text
            olds: dict[str, dict[str, Any]] = {}  # entity → field → the text before, if any
            for key, change in changed.get(kind, {}).items():
                entity_id, _, name = key.rpartition(SEPARATOR)  # split_key, inlined
                fields = texts.get(entity_id)
                if fields is None:
                    fields = texts[entity_id] = {}
                fields[name] = change.get("newValue")
                if "oldValue" in change:
                    olds.setdefault(entity_id, {})[name] = change["oldValue"]
            kept_here: dict[str, dict[str, Any]] = {}
            for key, change in kept.get(kind, {}).items():
                entity_id, _, name = key.rpartition(SEPARATOR)
                kept_here.setdefault(entity_id, {})[name] = change
            fresh: dict[str, dict[str, Any]] = {}
            entities: dict[str, dict[str, tuple[Any, Any, Any]]] = {}
            rewritten = set()
            for entity_id, fields in texts.items():
                if (
                    entity_id not in olds  # no field of it changed: each one added
                    and entity_id not in kept_here
                    and fields.keys() == names
                    and None not in fields.values()
                ):
                    fresh[entity_id] = fields
                    rewritten.add(entity_id)
                    continue
                before = olds.get(entity_id, {})
                cells = entities[entity_id] = {}
                for name, new in fields.items():
                    old = before.get(name)
                    cells[name] = (old, new, new)  # where the merge changed it, the other's won
                    if new is not None and new != old:
                        rewritten.add(entity_id)
            for entity_id, changes in kept_here.items():
                cells = entities.setdefault(entity_id, {})
                for name, change in changes.items():
                    cell = cells.get(name)
                    if cell is None:  # not changed here: this laptop's text is the merged one
                        mine = change.get("newValue")
                        cells[name] = (mine, change.get("oldValue"), mine)
                    else:
                        cells[name] = (cell[0], change.get("oldValue"), cell[2])
            self.cells[kind] = entities
            if fresh:
                self.fresh[kind] = fresh
            if rewritten:
                self.rewritten[kind] = rewritten

    def merged(self, kind: str, entity_id: str, name: str) -> Any:
        """The merged text of one field (None: absent)."""
        from fabrique_desktop.crdt import SEPARATOR

        fresh = self.fresh.get(kind, {}).get(entity_id)
        if fresh is not None:
            return fresh.get(name)
        cell = self.cells.get(kind, {}).get(entity_id, {}).get(name)
        if cell is not None:
            return cell[2]
        key = f"{entity_id}{SEPARATOR}{name}"
        return self.doc.lookup(kind, [key]).get(key)

    def entities(
        self, kind: str, ids: Iterable[str]
    ) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
        """Some entities' fields (name → text): merged, and as this laptop had them."""
        from fabrique_desktop.crdt import SEPARATOR

        names = list(_fields(ENTITY_TYPES[kind]))
        every = len(names)
        cells = self.cells.get(kind, {})
        fresh = self.fresh.get(kind, {})
        merged: dict[str, dict[str, Any]] = {}
        before: dict[str, dict[str, Any]] = {}
        same: list[tuple[str, str, str]] = []  # fields the merge left: as they were here
        for entity_id in ids:
            new = fresh.get(entity_id)
            if new is not None:  # nothing of it here before
                merged[entity_id], before[entity_id] = new, {}
                continue
            known = self._entities.get((kind, entity_id))
            if known is not None:
                merged[entity_id], before[entity_id] = known
                continue
            fields_now: dict[str, Any] = {}
            fields_before: dict[str, Any] = {}
            merged[entity_id], before[entity_id] = fields_now, fields_before
            self._entities[kind, entity_id] = (fields_now, fields_before)
            entity = cells.get(entity_id, {})
            for name, (mine, _, now) in entity.items():
                if mine is not None:
                    fields_before[name] = mine
                if now is not None:
                    fields_now[name] = now
            if len(entity) < every:
                same.extend(
                    (entity_id, name, f"{entity_id}{SEPARATOR}{name}")
                    for name in names
                    if name not in entity
                )
        if same:
            found = self.doc.lookup(kind, (key for _, _, key in same))
            for entity_id, name, key in same:
                if key in found:
                    merged[entity_id][name] = before[entity_id][name] = found[key]
        return merged, before


def compare(doc: SessionDoc, remote: SessionDoc, what: str = "Fichier d'atelier") -> Sides:
    """Merge ``remote`` (another laptop's document, decoded) into ``doc``, noting where they
    differ (``Sides``) — no document is read whole. What ``doc`` has that ``remote`` lacks is
    applied to ``remote`` too (it is used up), to see where this laptop's text stays.

    The caller checks the differences (``check_document``) before anything is written, and
    drops ``doc`` when they are refused. Refused here: a document of unknown kinds, or too
    large to check."""
    known = set(session_kinds())
    try:
        roots = _checked_roots(remote, what)
        since = doc.state_vector()
        incoming = remote.update(since)
        mine = [kind for kind in doc.roots() if kind in known]
        kept = remote.apply_observed(doc.update(remote.state_vector()), mine)
    except (ValueError, TypeError, RuntimeError, RecursionError) as error:
        raise BundleError(f"{what} invalide : document de fusion inattendu.") from error
    clock = doc.clock()
    changed = doc.apply_observed(incoming, roots)  # (observing a map makes it a root)
    return Sides(doc, changed, kept, doc.update(since) if doc.clock() != clock else None)


def _checked_roots(doc: SessionDoc, what: str) -> list[str]:
    """The roots of a document from elsewhere (whole, or this laptop's with a peer's update
    applied); refused: unknown kinds, a root holding other than a map's items, too many
    cells. Yrs's own errors are the caller's to name."""
    known = set(session_kinds())
    roots = doc.roots()
    unknown = [kind for kind in roots if kind not in known]
    if unknown:
        raise BundleError(f"{what} : données inconnues « {shown(unknown[0])} ».")
    sizes = {kind: doc.size(kind) for kind in roots}  # (each root read as a map)
    if any(doc.listed(kind) for kind in roots):  # items only a map's reader misses
        raise BundleError(f"{what} invalide : document de fusion inattendu.")
    # an entity holds at most its kind's fields: at least so many entities (they are
    # counted exactly where they differ from this laptop's, ``check_document``)
    entities = sum(-(-n // len(_fields(ENTITY_TYPES[kind]))) for kind, n in sizes.items())
    if sum(sizes.values()) > MAX_CELLS or entities > MAX_ENTITIES:
        raise BundleError(f"{what} contient trop d'éléments.")
    return roots


def absorb(doc: SessionDoc, update: bytes, what: str = "Mise à jour reçue") -> Sides:
    """Apply a peer's update to ``doc``, this laptop's document, noting what it changed
    (``Sides``), and refuse it as ``compare`` refuses a document. No copy of ``doc`` is
    made: the caller checks the differences (``check_document``) before anything is
    written and drops ``doc`` on any refusal, as it drops a merged document.

    What ``compare`` would find on a copy of ``doc`` with the update applied is found here:
    the same roots (checked the same way, on the same cells), the same changes, and nothing
    where this laptop's text stays (the copy held all of ``doc``). The kinds ``doc`` holds
    are observed (observing a map makes it a root: the others are not made); a kind the
    update brings first is new whole, every key of it added by the update."""
    since, clock = doc.state_vector(), doc.clock()
    before = set(doc.roots())
    try:
        changed = doc.apply_observed(update, before)
    except (ValueError, RuntimeError, OverflowError) as error:
        raise BundleError("Mise à jour illisible : refusée.") from error
    try:
        for kind in _checked_roots(doc, what):
            fresh = doc.raw(kind) if kind not in before else None
            if fresh:
                changed[kind] = {key: {"newValue": text} for key, text in fresh.items()}
    except (ValueError, TypeError, RuntimeError, RecursionError) as error:
        raise BundleError(f"{what} invalide : document de fusion inattendu.") from error
    return Sides(doc, changed, {}, doc.update(since) if doc.clock() != clock else None)


def check_document(
    sides: Sides,
    session_id: str,
    *,
    store: Store | None = None,
    series_id: str | None = None,
    what: str = "Fichier d'atelier",
    parsed: dict[str, Any] | None = None,
    checked: Checked | None = None,
    values: dict[str, dict[str, dict[str, Any]]] | None = None,
) -> None:
    """Refuse, in French, a document that is not a sound copy of this session.

    Only what differs from this laptop's document is checked (``sides``, ``compare``): the
    rest is already here, and was checked when it came. Each entity it adds or changes is
    checked whole (its fields here overlaid with the document's) against its kind's schema
    (``fabrique_desktop.validation.record``); it must belong to this session (and to
    ``series_id``, its series), and an id new to this document must not already belong to
    another atelier in ``store``. ``parsed`` receives the value of every cell checked (by
    its text), so that the merge does not parse it again. ``checked``: entities validated
    already by the same rule (a copy's own rows, ``bundle.from_json``); an entity whose
    fields are exactly one of these — same names, same values of the same types — is that
    entity, not validated twice (the same data gives the same verdict), nor, when it is not
    here, its references checked twice (they were with the rows, in the same atelier: the
    same atelier number, or the one here). ``values`` receives,
    kind → id → field, the values of each entity new here whole (``Sides.fresh``), as
    checked: they are its row (lists shared with other rows: copy them).
    """
    from fabrique_desktop import validation
    from fabrique_desktop.crdt import SEPARATOR, Cell

    parsed = {} if parsed is None else parsed
    values = {} if values is None else values
    entities = 0
    pointing: list[tuple[Entity, list[str]]] = []
    as_rows: list[tuple[Entity, list[str]]] = []  # a copy's rows new here: references checked
    number: int | None = None  # the atelier's number, when the document holds its row
    for kind in session_kinds():  # parents first: a session's series is known for the rest
        types = _fields(ENTITY_TYPES[kind])
        changed: dict[str, dict[str, Any]] = {}
        fresh = sides.fresh.get(kind, {})
        for entity_id, texts in fresh.items():  # every field its kind's (``Sides``)
            if not ID_PATTERN.fullmatch(entity_id):
                key = f"{entity_id}{SEPARATOR}id"
                raise BundleError(f"{what} invalide : élément mal nommé « {shown(key)} ».")
            new_fields = changed[entity_id] = {}
            for name, text in texts.items():
                if type(text) is not str or len(text) > MAX_CELL_CHARS:
                    raise BundleError(f"{what} invalide : valeur trop longue.")
                value = parsed.get(text, _UNSEEN)
                if value is _UNSEEN:
                    value = parsed[text] = validation.cell(text, what, name)
                new_fields[name] = value
        if fresh:
            values[kind] = changed.copy()
        for entity_id, cells in sides.cells.get(kind, {}).items():
            remote_fields = None
            for name, (mine, text, _) in cells.items():
                if text is None or text == mine:  # nothing of it comes from the copy
                    continue
                if name not in types or (
                    remote_fields is None and not ID_PATTERN.fullmatch(entity_id)
                ):
                    key = f"{entity_id}{SEPARATOR}{name}"
                    raise BundleError(f"{what} invalide : élément mal nommé « {shown(key)} ».")
                if type(text) is not str or len(text) > MAX_CELL_CHARS:
                    raise BundleError(f"{what} invalide : valeur trop longue.")
                # the same text as a cell already checked (``null``, a tag…): its value (a
                # list shared only with the entity checked here; the rows copy it, ``_value``)
                value = parsed.get(text, _UNSEEN)
                if value is _UNSEEN:
                    value = parsed[text] = validation.cell(text, what, name)
                if remote_fields is None:
                    remote_fields = changed[entity_id] = {}
                remote_fields[name] = value
        entities += len(changed)
        if entities > MAX_ENTITIES:
            raise BundleError(f"{what} contient trop d'éléments.")
        if not changed:
            continue
        _, mine_texts = sides.entities(kind, (i for i in changed if i not in fresh))
        here = {
            entity_id: {name: Cell.from_json(text).value for name, text in fields.items()}
            for entity_id, fields in mine_texts.items()
            if fields
        }
        cls = ENTITY_TYPES[kind]
        new_ids = [i for i in changed if i not in here] if kind != "sessions" else []
        elsewhere = store.get_many(cls, new_ids) if store is not None and new_ids else {}
        known = checked.get(kind, {}) if checked is not None else {}
        for entity_id, remote_fields in changed.items():
            mine_fields = here.get(entity_id)
            fields = {**mine_fields, **remote_fields} if mine_fields else remote_fields
            if fields.setdefault("id", entity_id) != entity_id:
                raise BundleError(f"{what} invalide : identifiant incohérent.")
            entity = known.get(entity_id)
            existing = elsewhere.get(entity_id)
            if entity is None or not same_fields(fields, entity):
                entity = validation.record(kind, fields, what)
                pointing.append((entity, list(remote_fields)))  # references it sets: below
            else:
                new_here = existing is None and not mine_fields  # (its row too: not here)
                (as_rows if new_here else pointing).append((entity, list(remote_fields)))
            if kind == "sessions" and series_id is None:
                series_id = getattr(entity, "series_id", None)
            if kind == "sessions" and entity.id == session_id:
                number = getattr(entity, "number", None)
            owner = entity.id if kind == "sessions" else getattr(entity, "session_id", None)
            owner_series = getattr(entity, "series_id", None)
            if owner != session_id or (
                series_id is not None and owner_series is not None and owner_series != series_id
            ):
                raise BundleError(f"{what} incohérent : un élément appartient à un autre atelier.")
            if existing is not None and getattr(existing, "session_id", None) != session_id:
                raise BundleError(
                    f"{what} : {validation.LABELS.get(kind, kind)} ({shown(entity_id, 40)}) "
                    "appartient ici à un autre atelier : import refusé."
                )
    if store is not None:
        row = checked.get("sessions", {}).get(session_id) if checked is not None else None
        if (
            as_rows
            and getattr(row, "number", None) != number
            and store.get(Session, session_id) is None
        ):
            pointing += as_rows  # the rows' were checked for another atelier number
        validation.check_references(store, pointing, session_id, series_id, what, number)
    mine, theirs, _ = sides.cells.get("sessions", {}).get(session_id, {}).get("id", (None,) * 3)
    if mine is None and theirs is None and not sides.merged("sessions", session_id, "id"):
        raise BundleError(f"{what} incohérent : l'atelier lui-même est absent.")


def same_fields(fields: dict[str, Any], entity: Entity) -> bool:
    """Whether ``fields`` are exactly the entity's: the same names, and values equal and of
    the same types (``True == 1 == 1.0`` in Python, not here; floats by their text, so that
    ``-0.0`` is not ``0.0``), lists item by item."""
    own = vars(entity)
    if fields.keys() != own.keys():
        return False
    for name, value in fields.items():
        other = own[name]
        if type(value) is not type(other) or value != other:
            return False
        if type(value) is float and repr(value) != repr(other):
            return False
        if type(value) is list and not all(
            type(a) is type(b) and (type(a) is not float or repr(a) == repr(b))
            for a, b in zip(value, other, strict=True)
        ):
            return False
    return True


def describe(origin: str) -> str:
    """How a message names where a document came from: a file's name, or the live link."""
    if origin in ("live", "peer"):
        return "Mise à jour reçue"
    if origin == "relais":
        return "Mise à jour reçue du relais"
    if origin and origin != "bundle":
        return f"« {shown(origin, 80)} »"
    return "Fichier d'atelier"


# files


def read_file(path: Path) -> tuple[bundles.Bundle, Any]:
    """A bundle file (JSON or zip): the parsed bundle, and the checked zip (or ``None``)."""
    from fabrique_desktop import bundle_zip

    try:
        with path.open("rb") as f:
            head = f.read(len(bundle_zip.MAGIC))
    except OSError as error:
        raise BundleError(f"Impossible de lire « {path} » : {disk.reason(error)}.") from error
    if bundle_zip.is_zip(head):
        try:
            archive = bundle_zip.read(path)
        except BundleError as error:
            raise BundleError(f"« {shown(path.name, 80)} » : {error}") from None
        return bundles.from_json(archive.bundle, path.name), archive
    try:
        if path.stat().st_size > bundles.MAX_BYTES:
            raise BundleError(
                f"« {shown(path.name, 80)} » est trop volumineux pour être un atelier Fabrique."
            )
        data = path.read_bytes()
    except OSError as error:
        raise BundleError(f"Impossible de lire « {path} » : {disk.reason(error)}.") from error
    return bundles.from_json(data, path.name), None


def import_file(
    store: Store, journal: SyncJournal, path: Path, media_dir: Path, write: Write | None = None
) -> tuple[MergeSummary, bundles.Bundle]:
    """Import or merge a bundle file; its photos land in ``media_dir`` only if the merge does."""
    from fabrique_desktop import bundle_zip

    parsed, archive = read_file(path)
    try:
        extraction = (
            bundle_zip.extract_media(archive, media_dir) if archive else bundle_zip.Extraction()
        )
    except BundleError as error:
        raise BundleError(f"« {shown(path.name, 80)} » : {error}") from None
    try:
        summary = import_bundle(store, journal, parsed, origin=path.name, write=write)
    except BaseException:
        extraction.discard()
        raise
    try:
        extraction.commit()
    except OSError as error:
        raise BundleError(
            "Les notes sont fusionnées, mais des photos n'ont pas pu être copiées : "
            f"{disk.reason(error)}."
        ) from error
    return summary, parsed


NOTE_TAKER_TABLES = "note_taker_tables"  # settings: session id → the note-taker's table number


def remember_note_taker(settings: Any, parsed: bundles.Bundle, summary: MergeSummary) -> int | None:
    """On a note-taker's laptop (a copy made for one table, opened here for the first time),
    remember the table so that the ideas typed here are attributed to it."""
    handout = parsed.handout or {}
    number = handout.get("table_number")
    if not summary.created_session or not isinstance(number, int) or isinstance(number, bool):
        return None
    tables = dict(settings.get(NOTE_TAKER_TABLES, {}) or {})
    tables[parsed.session.id] = number
    settings.set(NOTE_TAKER_TABLES, tables)
    return number


def note_taker_table(settings: Any, session_id: str) -> int | None:
    number = (settings.get(NOTE_TAKER_TABLES, {}) or {}).get(session_id)
    return number if isinstance(number, int) and not isinstance(number, bool) else None
