"""The session documents' storage (migration ``0004_sync``): ``fabrique_desktop.sync``'s
``SyncJournal`` (reads) over the store's own connection, so that it joins the store's
transactions; ``write_journal``, what ``Store.apply`` writes of a change's ``journal``."""

from __future__ import annotations

from typing import Any

from db.store import Store
from fabrique_desktop.changes import JournalWrite
from fabrique_desktop.model import utc_now


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

    def count(self, session_id: str) -> int:
        """How many updates are stored for the session (beside its compacted state)."""
        row = self.store.fetchone(
            "select count(*) from crdt_updates where session_id = ?", [session_id]
        )
        return row[0] if row else 0

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

    def known_conflicts(self, ids: list[str]) -> set[str]:
        """Those of ``ids`` already recorded (open or not)."""
        found: set[str] = set()
        for start in range(0, len(ids), 500):  # SQLite allows 999 parameters
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            sql = f"select id from sync_conflicts where id in ({marks})"
            found.update(row[0] for row in self.store.fetchall(sql, chunk))
        return found

    def conflicts(self, session_id: str, *, open_only: bool = True) -> list[dict[str, Any]]:
        where = " and resolved_at is null" if open_only else ""
        return self.store.query(
            f"select * from sync_conflicts where session_id = ?{where} order by detected_at, id",
            [session_id],
        )


def write_journal(store: Store, write: JournalWrite) -> None:
    """A change's journal rows, in the transaction ``Store.apply`` has open."""
    session_id = write.session_id
    if write.updates and write.state is None:  # a compaction holds them all already
        row = store.fetchone(
            "select coalesce(max(seq), 0) from crdt_updates where session_id = ?", [session_id]
        )
        seq = row[0] if row else 0
        now = utc_now()
        store.executemany(
            "insert into crdt_updates (session_id, seq, [update], origin, created_at) "
            "values (?, ?, ?, ?, ?)",
            [
                (session_id, seq + n, update, origin, now)
                for n, (update, origin) in enumerate(write.updates, start=1)
            ],
        )
    if write.state is not None:
        store.execute(
            "insert into crdt_docs (session_id, state, updated_at) values (?, ?, ?) "
            "on conflict(session_id) do update set state = excluded.state, "
            "updated_at = excluded.updated_at",
            [session_id, write.state, utc_now()],
        )
        store.execute("delete from crdt_updates where session_id = ?", [session_id])
    if write.caught_up:
        store.executemany("delete from crdt_dirty where kind = ? and id = ?", write.caught_up)
    for conflict in write.conflicts:
        names = ", ".join(f"[{k}]" for k in conflict)
        marks = ", ".join("?" for _ in conflict)
        store.execute(
            f"insert or ignore into sync_conflicts ({names}) values ({marks})",
            list(conflict.values()),
        )
    if write.resolved:
        store.executemany(
            "update sync_conflicts set resolved_at = ?, choice = ? where id = ?",
            [(at, choice, id) for id, choice, at in write.resolved],
        )
    if write.reopened:
        store.executemany(
            "update sync_conflicts set resolved_at = null, choice = null where id = ?",
            [(id,) for id in write.reopened],
        )
