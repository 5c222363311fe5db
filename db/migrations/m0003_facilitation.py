"""Facilitation: agenda activities, the round timer, vote settings, clusters, the récit
(dreams and quotes) and photos."""

from sqlite_utils import Database

ENTITY = {"id": str, "created_at": str, "updated_at": str, "deleted_at": str}


def migrate(db: Database) -> None:
    db.table("activities").create(
        {
            **ENTITY,
            "session_id": str,
            "position": float,
            "title": str,
            "planned_minutes": int,
            "instructions": str,
            "screen": str,
            "started_at": str,
            "ended_at": str,
        },
        pk="id",
        foreign_keys=[("session_id", "sessions", "id")],
    )
    db.table("timers").create(
        {
            **ENTITY,
            "session_id": str,
            "activity_id": str,
            "duration": float,
            "remaining": float,
            "deadline": str,
            "running": int,
        },
        pk="id",
        foreign_keys=[("session_id", "sessions", "id")],
    )
    db.table("facilitation").create(
        {
            **ENTITY,
            "session_id": str,
            "dots_per_voter": int,
            "secret": int,
            "revealed": int,
            "voter_id": str,
            "top_n": int,
        },
        pk="id",
        foreign_keys=[("session_id", "sessions", "id")],
    )
    db.table("clusters").create(
        {**ENTITY, "session_id": str, "column": str, "name": str, "position": float},
        pk="id",
        foreign_keys=[("session_id", "sessions", "id")],
    )
    db.table("dreams").create(
        {**ENTITY, "series_id": str, "column": str, "text": str},
        pk="id",
        foreign_keys=[("series_id", "series", "id")],
    )
    db.table("quotes").create(
        {
            **ENTITY,
            "series_id": str,
            "session_id": str,
            "persona_id": str,
            "column": str,
            "text": str,
            "position": float,
        },
        pk="id",
        foreign_keys=[("series_id", "series", "id"), ("session_id", "sessions", "id")],
    )
    db.table("photos").create(
        {
            **ENTITY,
            "session_id": str,
            "file_name": str,
            "caption": str,
            "position": float,
            "original_name": str,
        },
        pk="id",
        foreign_keys=[("session_id", "sessions", "id")],
    )
    for table in ("activities", "timers", "facilitation", "clusters", "photos"):
        db.table(table).create_index(["session_id"])
    db.table("dreams").create_index(["series_id"])
    db.table("quotes").create_index(["series_id"])
    db.table("votes").create_index(["session_id", "voter_id"])
