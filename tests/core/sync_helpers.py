"""Laptops for merge tests: a store, its sync journal, and bundles going between them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from db.store import Store
from db.sync_store import SyncJournal
from fabrique_desktop import board, bundle, sync
from fabrique_desktop.model import ENTITY_TYPES, Card, Session
from fabrique_desktop.workspace import ensure_first_use
from tests.blank_atelier import empty_first_atelier


class Laptop:
    def __init__(self, path: Path | None = None) -> None:
        self.store = Store.open(path) if path else Store.in_memory()
        self.journal = SyncJournal(self.store)

    @classmethod
    def facilitator(cls, path: Path | None = None, cards: int = 4) -> tuple[Laptop, Session]:
        laptop = cls(path)
        series = ensure_first_use(laptop.store)
        assert series is not None
        session = empty_first_atelier(laptop.store, series)
        for i in range(cards):
            laptop.store.apply(board.capture(laptop.store, session.id, f"idée de départ {i}"))
        return laptop, session

    def handout(self, session_id: str, handout: dict[str, Any] | None = None) -> str:
        session = self.store.get(Session, session_id)
        assert session is not None
        return bundle.to_json(sync.handout_bundle(self.store, self.journal, session, handout))

    def merge(self, text: str) -> sync.MergeSummary:
        return sync.import_bundle(self.store, self.journal, bundle.from_json(text))

    def cards(self, session_id: str) -> list[Card]:
        """Every card of the session, tombstones included, in id order."""
        return sorted(self.store.iter_all(Card, session_id=session_id), key=lambda c: c.id)

    def live_cards(self, session_id: str) -> list[Card]:
        return sorted(board.session_cards(self.store, session_id), key=lambda c: c.id)

    def snapshot(self, session_id: str) -> dict[str, list[dict[str, Any]]]:
        """Every row of the session (tombstones included), comparable between laptops."""
        out: dict[str, list[dict[str, Any]]] = {}
        for kind in sync.session_kinds():
            cls = ENTITY_TYPES[kind]
            if kind == "sessions":
                rows = [self.store.get(Session, session_id)]
            else:
                rows = list(self.store.iter_all(cls, session_id=session_id))
            out[kind] = sorted(
                (r.to_record() for r in rows if r is not None), key=lambda r: r["id"]
            )
        return out

    def conflicts(self, session_id: str) -> list[sync.Conflict]:
        return sync.SessionSync(self.store, self.journal, session_id).conflicts()

    def dump(self) -> list[str]:
        """The whole database as SQL: equal dumps, nothing changed."""
        return list(self.store.conn.iterdump())

    def close(self) -> None:
        self.store.close()
