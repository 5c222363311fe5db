"""Phones, fourth step: a blocked phone's addresses stay with it (``phones.blocked_from``, marks
of the addresses, not the addresses), so that its ban outlives a restart of the room."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    db.table("phones").add_column("blocked_from", str, not_null_default="[]")
