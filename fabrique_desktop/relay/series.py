"""A whole series sent to and received from a relay, once.

The relay holds one room per atelier (the atelier's Yjs document, exactly the one that merges
note-takers' copies) and one *index* room: ``ateliers`` maps each atelier's id to its *head*,
a copy of the atelier without its cards (the series, its persona deck and template, the
atelier's own row), so that a laptop that has never seen the series can take it whole.

Receiving goes through the same checks and merge as a note-taker's copy (``bundle.from_json``
validates every head, ``sync.import_bundle`` / ``SessionSync.merge`` check the document's
ownership and limits, conflicts are recorded for the facilitator): a room that holds anything
refused changes nothing here and is reported. Sending gives each room what it lacks.

The database work is synchronous and runs on the thread that owns the store; the network is
awaited in between (``SeriesExchange`` does one atelier at a time). What a round merges is
handed, one change per atelier, to the ``Write`` it is given (the window's bus in the app,
which announces the window's own atelier; the store in the command line).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from fabrique_desktop import bundle as bundles
from fabrique_desktop import sync
from fabrique_desktop.changes import Change, Edit
from fabrique_desktop.counting import said
from fabrique_desktop.errors import BundleError, FabriqueError
from fabrique_desktop.model import Series, Session
from fabrique_desktop.ports import Store, Write, store_writer
from fabrique_desktop.relay.keys import INDEX, SeriesKey
from fabrique_desktop.relay.rooms import EMPTY_UPDATE, RelayError, RoomLink

if TYPE_CHECKING:
    import aiohttp
    from pycrdt import Doc

log = logging.getLogger(__name__)

T = TypeVar("T")
ORIGIN = "relais"
RECEIVED_LABEL = "Reçu du relais"
HEADS = "ateliers"
META = "serie"


@dataclass
class SyncReport:
    """What one sync did: ateliers received (new, merged), sent, and refused."""

    series: Series | None = None
    sent: int = 0
    created: list[Session] = field(default_factory=list)
    merged: list[sync.MergeSummary] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    touched: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    """atelier id → kind → ids of the rows a received update wrote (for windows to refresh)."""

    def message(self) -> str:
        title = f"« {self.series.title} »" if self.series else "La série"
        received = sum(1 for summary in self.merged if summary.new or summary.updated)
        parts = [
            said(len(self.created), "atelier reçu", "ateliers reçus") if self.created else "",
            said(received, "atelier mis à jour", "ateliers mis à jour") if received else "",
            said(self.sent, "atelier envoyé", "ateliers envoyés") if self.sent else "",
        ]
        done = ", ".join(p for p in parts if p) or "rien de nouveau"
        conflicts = sum(summary.conflicts for summary in self.merged)
        tail = f", {said(conflicts, 'conflit', 'conflits')} à trancher" if conflicts else ""
        return f"{title} : {done}{tail}."


DbCall = Callable[[Callable[[], T]], Awaitable[T]]
"""Runs database work on the thread that owns the store (the app's GUI thread) and awaits it."""


async def on_this_thread(work: Callable[[], T]) -> T:
    """The command line's ``DbCall``: the store belongs to the thread that awaits."""
    return work()


class SeriesExchange:
    """Send and receive one series through a relay (see the module docstring)."""

    def __init__(
        self,
        store: Store,
        journal: sync.SyncJournal,
        http: aiohttp.ClientSession,
        url: str,
        key: SeriesKey,
        db: DbCall[Any] = on_this_thread,
        write: Write | None = None,
    ) -> None:
        self.store = store
        self.journal = journal
        self.write = write if write is not None else store_writer(store)
        self._written: list[Change] = []
        self.http = http
        self.url = url
        self.key = key
        self.db = db
        self._engines: dict[str, sync.SessionSync] = {}

    async def run(self, series_id: str | None) -> SyncReport:
        """Share ``series_id`` (this laptop has it), or receive the series the key names."""
        report = SyncReport()
        async with RoomLink(self.http, self.url, self.key.room(INDEX)) as index:
            mirror = index.mirror()
            heads = _heads(mirror)
            shared_id = _shared_series(mirror)
            if series_id is None:
                if shared_id is None:
                    raise RelayError(
                        "Aucune série n'est partagée sous cette clé sur ce relais (clé "
                        "erronée, ou la série n'a pas encore été envoyée)."
                    )
                series_id = shared_id
            elif shared_id is not None and shared_id != series_id:
                raise RelayError("Cette clé partage déjà une autre série sur ce relais.")
            wanted = series_id
            local = await self.db(lambda: self._atelier_ids(wanted))
            for atelier_id in sorted(set(heads) | local):
                try:
                    await self._atelier(atelier_id, heads.get(atelier_id), report)
                except BundleError as error:
                    log.warning("relay: atelier %s refused: %s", atelier_id, error)
                    report.refused.append(str(error))
            report.series = await self.db(lambda: self.store.get(Series, wanted))
            update = await self.db(lambda: self._index_update(mirror, wanted))
            await index.send(update)
        return report

    async def _atelier(self, atelier_id: str, head: str | None, report: SyncReport) -> None:
        state = await self.db(lambda: self._state(atelier_id))
        room_name = self.key.room(atelier_id)
        async with RoomLink(self.http, self.url, room_name, state) as room:
            if room.incoming:
                work = partial(self._receive, atelier_id, head, room.incoming, report)
                await self.db(work)
            outgoing = await self.db(lambda: self._outgoing(atelier_id, room.relay_state))
            if outgoing is not None:
                await room.send(outgoing)
                report.sent += 1

    def _atelier_ids(self, series_id: str) -> set[str]:
        return {s.id for s in self.store.iter_all(Session, series_id=series_id)}

    def _state(self, atelier_id: str) -> bytes | None:
        """This laptop's state vector of the atelier's document (None: not here)."""
        if self.store.get(Session, atelier_id) is None:
            return None
        engine = self._engine(atelier_id)
        engine.flush()
        return engine.doc.state_vector()

    def _engine(self, atelier_id: str) -> sync.SessionSync:
        """One engine per atelier and round: its document is read from the journal once."""
        if atelier_id not in self._engines:
            self._engines[atelier_id] = sync.SessionSync(
                self.store, self.journal, atelier_id, self._write
            )
        return self._engines[atelier_id]

    def _receive(
        self, atelier_id: str, head: str | None, incoming: list[bytes], report: SyncReport
    ) -> None:
        self._written.clear()
        here = self.store.get(Session, atelier_id)
        if here is None:
            if head is None:
                raise BundleError("Un atelier du relais n'a pas d'en-tête : ignoré.")
            report.created.append(self._create(head, incoming))
        else:
            report.merged.append(self._merge(here, head, incoming))
        touched = report.touched.setdefault(atelier_id, {})
        for change in self._written:
            for edit in change.edits:
                touched.setdefault(edit.kind, set()).add(edit.id)
        self._written.clear()

    def _write(self, change: Change) -> None:
        self.write(change)
        self._written.append(change)

    def _create(self, head: str, incoming: list[bytes]) -> Session:
        parsed = bundles.from_json(head, "relais")
        parsed.crdt = _merged(incoming)
        summary = sync.import_bundle(
            self.store, self.journal, parsed, origin=ORIGIN, write=self._write
        )
        session = summary.session or self.store.get(Session, parsed.session.id)
        if session is None:
            raise BundleError("L'atelier reçu du relais est vide : ignoré.")
        return session

    def _merge(self, here: Session, head: str | None, incoming: list[bytes]) -> sync.MergeSummary:
        engine = self._engine(here.id)
        rows = self._series_level(head, here) if head is not None else ()
        return engine.receive(_merged(incoming), ORIGIN, rows=rows, label=RECEIVED_LABEL)

    def _series_level(self, head: str, here: Session) -> tuple[Edit, ...]:
        """The series' own rows (deck, template) as the head carries them: merged per row,
        written with the atelier's merge."""
        from fabrique_desktop.validation import check_ownership

        parsed = bundles.from_json(head, "relais")
        if parsed.session.id != here.id:
            raise BundleError("L'en-tête d'un atelier du relais ne correspond pas : ignoré.")
        with self.store.atomic():
            check_ownership(self.store, parsed, sync.describe(ORIGIN))
            rows = [parsed.series] + [e for items in parsed.entities.values() for e in items]
            return bundles.import_records(self.store, rows, bundles.ImportSummary())

    def _outgoing(self, atelier_id: str, relay_state: bytes) -> bytes | None:
        """What the relay lacks of this laptop's document (None: nothing, or not here)."""
        if self.store.get(Session, atelier_id) is None:
            return None
        engine = self._engine(atelier_id)
        engine.flush()
        update = engine.doc.update(relay_state)
        return None if update == EMPTY_UPDATE else update

    def _index_update(self, mirror: Doc, series_id: str) -> bytes:
        """This laptop's heads of the series' ateliers, written into the index's mirror."""
        from pycrdt import Map

        before = mirror.get_state()
        heads = mirror.get(HEADS, type=Map)
        meta = mirror.get(META, type=Map)
        with mirror.transaction():
            if meta.get("id") != series_id:
                meta["id"] = series_id
            for session in self.store.iter_all(Session, series_id=series_id):
                head = _head_json(self.store, session)
                if heads.get(session.id) != head:
                    heads[session.id] = head
        return mirror.get_update(before)


def _head_json(store: Store, session: Session) -> str:
    """The atelier's head: its row and its series' rows (what its document does not carry)."""
    head = bundles.collect(store, session, session_rows=False)
    # the export time would make every round rewrite every head: keep the text stable
    return _without_export_time(bundles.to_json(head))


def _without_export_time(text: str) -> str:
    import json

    document = json.loads(text)
    document["exported_at"] = ""
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _heads(mirror: Doc) -> dict[str, str]:
    from pycrdt import Map

    if HEADS not in mirror.keys():  # noqa: SIM118 - a Doc is not a container
        return {}
    heads = mirror.get(HEADS, type=Map)
    return {k: v for k, v in heads.items() if isinstance(k, str) and isinstance(v, str)}


def _shared_series(mirror: Doc) -> str | None:
    from pycrdt import Map

    if META not in mirror.keys():  # noqa: SIM118 - a Doc is not a container
        return None
    value = mirror.get(META, type=Map).get("id")
    return value if isinstance(value, str) else None


def _merged(updates: list[bytes]) -> bytes:
    """Several updates as one (what a document that applied them all would send)."""
    if len(updates) == 1:
        return updates[0]
    from pycrdt import merge_updates

    try:
        return bytes(merge_updates(*updates))
    except Exception as error:  # malformed bytes from the relay
        raise BundleError("Le relais a envoyé une mise à jour illisible : refusée.") from error


def check_url(url: str) -> str:
    """A relay's address as typed: ``ws://`` or ``wss://`` (``http(s)`` is read as such)."""
    cleaned = url.strip()
    for plain, secure in (("http://", "ws://"), ("https://", "wss://")):
        if cleaned.startswith(plain):
            cleaned = secure + cleaned[len(plain) :]
    if not cleaned.startswith(("ws://", "wss://")) or len(cleaned) > 500:
        raise FabriqueError(
            "L'adresse du relais doit commencer par « ws:// » ou « wss:// » "
            "(celle que le relais affiche au démarrage)."
        )
    return cleaned.rstrip("/")
