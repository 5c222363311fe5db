"""Facilitation: agenda activities, the round timer, vote settings, clusters, the récit
(dreams and quotes) and photos."""

from sqlite_utils import Database

ENTITY = {"id": str, "created_at": str, "updated_at": str, "deleted_at": str}


def migrate(db: Database) -> None:
    db["activities"].create(
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
    db["timers"].create(
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
    db["facilitation"].create(
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
    db["clusters"].create(
        {**ENTITY, "session_id": str, "column": str, "name": str, "position": float},
        pk="id",
        foreign_keys=[("session_id", "sessions", "id")],
    )
    db["dreams"].create(
        {**ENTITY, "series_id": str, "column": str, "text": str},
        pk="id",
        foreign_keys=[("series_id", "series", "id")],
    )
    db["quotes"].create(
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
    db["photos"].create(
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
        db[table].create_index(["session_id"])
    db["dreams"].create_index(["series_id"])
    db["quotes"].create_index(["series_id"])
    db["votes"].create_index(["session_id", "voter_id"])
