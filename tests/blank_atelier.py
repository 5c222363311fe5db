"""Atelier 1 of the demo as a blank atelier, for the tests of the board, merges and copies
that type their own cards on it."""

from __future__ import annotations

import copy

from db.store import Store
from fabrique_desktop import changes
from fabrique_desktop.changes import Change
from fabrique_desktop.model import Card, Series, Session
from fabrique_desktop.workspace import list_sessions


def empty_first_atelier(store: Store, demo: Series) -> Session:
    """Atelier 1 of the demo with an empty wall: the demo's Valeurs work (its atouts,
    problèmes and values, ``demo_valeurs``) taken off it, its paradoxes formed from no
    card, as every atelier's wall was before the demo held that work. The rows are removed,
    not deleted (no tombstone): a blank atelier for the board's tests."""
    first = list_sessions(store, demo.id)[0]
    template = copy.deepcopy(demo.template)
    for paradox in template.get("paradoxes", []):
        paradox.pop("cards", None)
    with store.atomic():
        ids = [c.id for c in store.find(Card, deleted=True, session_id=first.id)]
        store.executemany("delete from cards where id = ?", [[i] for i in ids])
        store.executemany("delete from crdt_dirty where id = ?", [[i] for i in ids])
    store.apply(Change("Mur vide", (changes.update(demo, template=template),)))
    demo.template = template
    return first
