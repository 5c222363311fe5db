"""Phones, second step: each dot remembers the phone vote it was put in (``votes.poll_id``),
and the room's settings stay with the session (``phone_settings``: moderation on or off)."""

from sqlite_utils import Database

ENTITY = {"id": str, "created_at": str, "updated_at": str, "deleted_at": str}


def migrate(db: Database) -> None:
    db.table("votes").add_column("poll_id", str)
    db.table("votes").create_index(["session_id", "poll_id"])
    # Dots sent from phones before votes were told apart belong to their session's latest vote.
    db.execute(
        "update votes set poll_id = (select p.id from phone_polls p"
        " where p.session_id = votes.session_id order by p.opened_at desc limit 1)"
        " where voter_id in (select id from phones)"
    )
    db.table("phone_settings").create(
        {**ENTITY, "session_id": str, "moderated": int},
        pk="id",
        foreign_keys=[("session_id", "sessions", "id")],
    )
    db.table("phone_settings").create_index(["session_id"])
