"""The session documents' storage (migration ``0004_sync``): ``fabrique_desktop.sync``'s
``SyncJournal`` over the store's own connection, so that it joins the store's transactions."""

from __future__ import annotations

from typing import Any

from db.store import Store
from fabrique_desktop.model import Entity, utc_now


class SyncJournal:
    def __init__(self, store: Store) -> None:
        self.store = store

    def load(self, session_id: str) -> list[bytes]:
        state = self.store.fetchone(
            "select state from crdt_docs where session_id = ?", [session_id]
        )
        updates = self.store.fetchall(
            "select [update] from crdt_updates where session_id = ? order by seq", [session_id]
        )
        return ([state[0]] if state else []) + [row[0] for row in updates]

    def append(self, session_id: str, update: bytes, origin: str) -> int:
        with self.store.atomic():
            seq, count = self.store.execute(
                "select coalesce(max(seq), 0) + 1, count(*) from crdt_updates where session_id = ?",
                [session_id],
            ).fetchone()
            self.store.execute(
                "insert into crdt_updates (session_id, seq, [update], origin, created_at) "
                "values (?, ?, ?, ?, ?)",
                [session_id, seq, update, origin, utc_now()],
            )
        return count + 1

    def compact(self, session_id: str, state: bytes) -> None:
        with self.store.atomic():
            self.store.execute(
                "insert into crdt_docs (session_id, state, updated_at) values (?, ?, ?) "
                "on conflict(session_id) do update set state = excluded.state, "
                "updated_at = excluded.updated_at",
                [session_id, state, utc_now()],
            )
            self.store.execute("delete from crdt_updates where session_id = ?", [session_id])

    def version(self, session_id: str) -> tuple[Any, ...]:
        """When the state was last compacted, and the newest update since."""
        return self.store.execute(
            "select (select updated_at from crdt_docs where session_id = ?), "
            "(select max(seq) from crdt_updates where session_id = ?)",
            [session_id, session_id],
        ).fetchone()

    def dirty(self, session_id: str, kinds: list[str]) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        for kind in kinds:
            if kind == "sessions":
                sql = "select id from crdt_dirty where kind = 'sessions' and id = ?"
            else:
                sql = (
                    f"select d.id from crdt_dirty d join [{kind}] t on t.id = d.id "
                    f"where d.kind = '{kind}' and t.session_id = ?"
                )
            found.extend((kind, row[0]) for row in self.store.fetchall(sql, [session_id]))
        return found

    def clear_dirty(self, items: list[tuple[str, str]]) -> None:
        self.store.executemany("delete from crdt_dirty where kind = ? and id = ?", items)

    def materialize(self, entities: list[Entity]) -> None:
        self.store.put_many(entities, track=False)

    def add_conflicts(self, rows: list[dict[str, Any]]) -> int:
        added = 0
        for row in rows:
            names = ", ".join(f"[{k}]" for k in row)
            marks = ", ".join("?" for _ in row)
            cursor = self.store.execute(
                f"insert or ignore into sync_conflicts ({names}) values ({marks})",
                list(row.values()),
            )
            added += cursor.rowcount
        return added

    def conflicts(self, session_id: str, *, open_only: bool = True) -> list[dict[str, Any]]:
        where = " and resolved_at is null" if open_only else ""
        return self.store.query(
            f"select * from sync_conflicts where session_id = ?{where} order by detected_at, id",
            [session_id],
        )

    def resolve_conflicts(self, ids: list[str], choice: str, at: str) -> None:
        self.store.executemany(
            "update sync_conflicts set resolved_at = ?, choice = ? where id = ?",
            [(at, choice, id) for id in ids],
        )

    def reopen_conflicts(self, ids: list[str]) -> None:
        self.store.executemany(
            "update sync_conflicts set resolved_at = null, choice = null where id = ?",
            [(id,) for id in ids],
        )
