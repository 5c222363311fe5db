"""Live sharing on top of the offline merge's engine (``fabrique_desktop.sync``).

The same document, the same rules, the same checks as a bundle brought back on a USB key:

- ``EngineDoc``: a ``LiveDoc`` over ``SessionSync``. A local write reaches the document with
  ``SessionSync.flush`` (rows noted dirty by ``Store.apply``); a peer's update is merged with
  ``SessionSync.receive``, which checks it like a bundle's document — one change of the rows
  and the journal, conflicts recorded for the facilitator exactly as for a bundle — handed to
  the ``Write`` the engine is given (the window's bus: written and announced as remote).
- ``make_copy`` / ``import_copy``: a laptop that does not have the session yet first receives
  the note-taker's copy (the handout bundle, validated by ``bundle.from_json``), written by
  the ``Write`` it is given; the live link then brings it up to date.

``journal`` is ``db.sync_store.SyncJournal`` in the app (the core cannot import ``db``).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from fabrique_desktop import bundle as bundles
from fabrique_desktop import sync
from fabrique_desktop.errors import BundleError
from fabrique_desktop.model import Session
from fabrique_desktop.ports import Store, Write

log = logging.getLogger(__name__)


class EngineDoc:
    """One session's CRDT document, live: see the module docstring."""

    def __init__(
        self,
        store: Store,
        journal: sync.SyncJournal,
        session_id: str,
        write: Write | None = None,
    ) -> None:
        self.store = store
        self.session_id = session_id
        self.sync = sync.SessionSync(store, journal, session_id, write)
        self.conflicts = 0
        """Conflicting fields found while merging peers' updates since the link opened."""
        warm_checks()

    @property
    def doc(self) -> Any:
        return self.sync.doc.doc

    def refresh(self) -> None:
        self.sync.flush()

    def apply_remote(self, update: bytes) -> dict[str, set[str]]:
        try:
            # checked and merged like a bundle's document (``SessionSync.receive``)
            summary = self.sync.receive(update, origin="live")
        except BundleError as error:  # unreadable, tampered or foreign: nothing merged
            raise ValueError(str(error)) from None
        self.conflicts += summary.conflicts
        changed: dict[str, set[str]] = {}
        for edit in self.sync.last_change.edits if self.sync.last_change else ():
            changed.setdefault(edit.kind, set()).add(edit.id)
        return changed


def warm_checks() -> threading.Thread:
    """Import the validator in the background (pydantic and its schemas: 0.2–0.5 s the first
    time), so that the first update a peer sends is not held up by it. If that update comes
    first, Python's import lock makes it wait for this import rather than do it twice."""
    thread = threading.Thread(target=_import_checks, name="fabrique-warm-checks", daemon=True)
    thread.start()
    return thread


def _import_checks() -> None:
    try:
        import fabrique_desktop.validation  # noqa: F401
    except Exception:  # it would fail the same way where it is needed, and be reported there
        log.exception("live: the validator could not be prepared")


def make_copy(
    store: Store, journal: sync.SyncJournal, session: Session, write: Write | None = None
) -> bytes:
    """The note-taker's copy of a session, as sent to a laptop that joins without it (the
    document's catching up with the rows handed to ``write``)."""
    copy = sync.handout_bundle(store, journal, session, write=write)
    return bundles.to_json(copy).encode("utf-8")


def import_copy(
    store: Store, journal: sync.SyncJournal, data: bytes, write: Write | None = None
) -> Session:
    """Add (or merge) the session received from the facilitator, written by ``write``;
    ``BundleError`` if unsound."""
    parsed = bundles.from_json(data)
    summary = sync.import_bundle(store, journal, parsed, origin="live", write=write)
    session = summary.session or store.get(Session, parsed.session.id)
    assert session is not None
    return session
