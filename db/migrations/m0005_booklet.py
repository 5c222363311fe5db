"""The series booklet: what a card is (a participant's idea or a « Futur engagé » item)."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    db.table("cards").add_column("card_kind", str, not_null_default="idea")
