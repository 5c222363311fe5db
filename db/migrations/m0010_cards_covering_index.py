"""Cards, counted from their index: the index of a session's cards by column and position
also holds ``merged_into`` and ``deleted_at``, so that a board's column counts and its fused
cards are read from the index alone. A 2000-idea atelier's opening looked each of its cards
up in the table twice before its first frame (~5 M instructions, issue 28)."""

from sqlite_utils import Database


def migrate(db: Database) -> None:
    db.execute("drop index if exists idx_cards_session_id_column_position")
    db.table("cards").create_index(
        ["session_id", "column", "position", "merged_into", "deleted_at"]
    )
