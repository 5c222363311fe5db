"""A plain pycrdt document standing in for the session engine in transport tests."""

from __future__ import annotations

import json
from typing import Any

from pycrdt import Doc, Map


class MapDoc:
    """Cards as JSON texts in one root map; ``write`` stands for a local edit."""

    def __init__(self) -> None:
        self.doc = Doc()
        self.cards = self.doc.get("cards", type=Map)
        self._pending: dict[str, dict[str, Any]] = {}
        self.refreshes = 0

    def write(self, card_id: str, **fields: Any) -> None:
        """A local edit, as if stored in SQLite: the document sees it on ``refresh``."""
        self._pending[card_id] = fields

    def refresh(self) -> None:
        self.refreshes += 1
        if not self._pending:
            return
        pending, self._pending = self._pending, {}
        with self.doc.transaction():
            for card_id, fields in pending.items():
                self.cards[card_id] = json.dumps(fields, sort_keys=True)

    def apply_remote(self, update: bytes) -> dict[str, set[str]]:
        before = self.snapshot()
        self.doc.apply_update(update)
        after = self.snapshot()
        ids = {k for k in after if before.get(k) != after[k]}
        return {"cards": ids} if ids else {}

    def snapshot(self) -> dict[str, Any]:
        return {k: json.loads(v) for k, v in self.cards.to_py().items()}
