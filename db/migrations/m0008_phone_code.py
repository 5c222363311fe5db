"""Phones, third step: the room code stays with the session (``phone_settings.code``), so that
the code printed on table tents is still the one the room opens with after a restart."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    db.table("phone_settings").add_column("code", str, not_null_default="")
