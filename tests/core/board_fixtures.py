"""Helpers shared by the card fusion and group tests."""

from fabrique_desktop.model import Card, Vote


def snapshot(store, session_id):
    cards = {
        c.id: (c.text, c.column, c.position, c.merged_into, c.deleted_at is None)
        for c in store.iter_all(Card, session_id=session_id)
    }
    vote_rows = {
        v.id: (v.card_id, v.voter_id, v.dots) for v in store.iter_all(Vote, session_id=session_id)
    }
    return cards, vote_rows
