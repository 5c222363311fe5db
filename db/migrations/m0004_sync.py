"""Offline merge (and later live sync): each session's CRDT document, kept beside the rows.

- ``crdt_docs``: a session's compacted document state (a Yrs update of the whole document).
- ``crdt_updates``: updates appended since the last compaction, in order (``seq``).
- ``crdt_dirty``: entities written by ``Store.apply`` that the document has not seen yet;
  written in the same transaction as the rows, consumed when the document is brought up to
  date, so that the CRDT library is never needed on the capture path.
- ``sync_conflicts``: the same field edited on two laptops since their common state: both
  versions, until the facilitator chooses one.
"""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    db.table("crdt_docs").create(
        {"session_id": str, "state": bytes, "updated_at": str},
        pk="session_id",
    )
    db.table("crdt_updates").create(
        {"session_id": str, "seq": int, "update": bytes, "origin": str, "created_at": str},
        pk=("session_id", "seq"),
    )
    db.table("crdt_dirty").create({"kind": str, "id": str}, pk=("kind", "id"))
    db.table("sync_conflicts").create(
        {
            "id": str,
            "session_id": str,
            "kind": str,
            "entity_id": str,
            "field": str,
            "local": str,
            "remote": str,
            "kept": str,
            "origin": str,
            "detected_at": str,
            "resolved_at": str,
            "choice": str,
        },
        pk="id",
    )
    db.table("sync_conflicts").create_index(["session_id", "resolved_at"])
