"""Participants' phones (``fabrique_desktop.phones.model``): identities, the ideas they sent
and the moderation queue, the dot votes opened for phones."""

from sqlite_utils import Database

ENTITY = {"id": str, "created_at": str, "updated_at": str, "deleted_at": str}


def migrate(db: Database) -> None:
    db.table("phones").create(
        {
            **ENTITY,
            "session_id": str,
            "number": int,
            "token_hash": str,
            "name": str,
            "table_id": str,
            "persona_id": str,
            "blocked": int,
        },
        pk="id",
        foreign_keys=[("session_id", "sessions", "id")],
    )
    db.table("phones").create_index(["session_id"])
    db.table("phone_ideas").create(
        {
            **ENTITY,
            "session_id": str,
            "phone_id": str,
            "text": str,
            "column": str,
            "horizon": str,
            "status": str,
            "card_id": str,
            "sent_at": str,
        },
        pk="id",
        foreign_keys=[("session_id", "sessions", "id")],
    )
    db.table("phone_ideas").create_index(["session_id", "phone_id"])
    db.table("phone_ideas").create_index(["session_id", "status"])
    db.table("phone_polls").create(
        {
            **ENTITY,
            "session_id": str,
            "card_ids": str,
            "dots_per_phone": int,
            "secret": int,
            "opened_at": str,
            "closed_at": str,
        },
        pk="id",
        foreign_keys=[("session_id", "sessions", "id")],
    )
