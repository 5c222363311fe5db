"""The first schema: series, sessions, personas, tables, participants, cards, engagements, votes."""

from sqlite_utils import Database

ENTITY = {"id": str, "created_at": str, "updated_at": str, "deleted_at": str}


def migrate(db: Database) -> None:
    db.table("series").create({**ENTITY, "title": str, "template": str}, pk="id")
    db.table("sessions").create(
        {
            **ENTITY,
            "series_id": str,
            "number": int,
            "title": str,
            "date": str,
            "phase": str,
            "place": str,
            "facilitator": str,
            "anonymous": int,
        },
        pk="id",
        foreign_keys=[("series_id", "series", "id")],
    )
    db.table("personas").create(
        {
            **ENTITY,
            "series_id": str,
            "key": str,
            "first_name": str,
            "role": str,
            "gender": str,
            "age": int,
            "town": str,
            "story": str,
            "worries": str,
            "hopes": str,
            "colour": str,
            "icon": str,
            "portrait": str,
            "retired": int,
            "position": float,
        },
        pk="id",
        foreign_keys=[("series_id", "series", "id")],
    )
    db.table("tables").create(
        {**ENTITY, "session_id": str, "number": int, "name": str, "persona_ids": str},
        pk="id",
        foreign_keys=[("session_id", "sessions", "id")],
    )
    db.table("participants").create(
        {**ENTITY, "session_id": str, "table_id": str, "name": str},
        pk="id",
        foreign_keys=[("session_id", "sessions", "id")],
    )
    db.table("cards").create(
        {
            **ENTITY,
            "session_id": str,
            "text": str,
            "column": str,
            "position": float,
            "persona_id": str,
            "table_id": str,
            "horizon": str,
            "tags": str,
            "colour": str,
            "value_keys": str,
            "merged_into": str,
            "cluster_id": str,
        },
        pk="id",
        foreign_keys=[("session_id", "sessions", "id")],
    )
    db.table("engagements").create(
        {
            **ENTITY,
            "session_id": str,
            "column": str,
            "number": int,
            "title": str,
            "purpose": str,
            "how": str,
            "card_ids": str,
        },
        pk="id",
        foreign_keys=[("session_id", "sessions", "id")],
    )
    db.table("votes").create(
        {**ENTITY, "session_id": str, "card_id": str, "voter_id": str, "dots": int},
        pk="id",
        foreign_keys=[("session_id", "sessions", "id"), ("card_id", "cards", "id")],
    )
    db.table("sessions").create_index(["series_id"])
    db.table("personas").create_index(["series_id"])
    db.table("tables").create_index(["session_id"])
    db.table("participants").create_index(["session_id"])
    db.table("cards").create_index(["session_id", "column", "position"])
    db.table("engagements").create_index(["session_id"])
    db.table("votes").create_index(["session_id", "card_id"])
