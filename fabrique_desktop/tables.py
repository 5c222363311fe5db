"""Tables and participants of a session, the deal of personas, and idea counts.

Participants are optional and their names too. ``Session.anonymous`` (on by default)
means: no participant name leaves the app in a shareable export (reports, decks…);
``public_participant_names`` is what exports must use. ``erase_participant`` removes a
name for good: the row is tombstoned with its name blanked, and even the undo of that
change cannot bring the name back.

Bundles (``fabrique export --format json``) are different: they carry a session between
the facilitator's own laptops and are merged back, so they keep the data as they are,
participant names included. They are not meant to be shared outside the team.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from fabrique_desktop import changes, limits
from fabrique_desktop.board import session_cards
from fabrique_desktop.changes import Change, Edit
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Card, Participant, Persona, Session, Table
from fabrique_desktop.ports import Store

MAX_TABLES = limits.MAX_TABLES
# Tables are named after (session, number): see ``table_id``.
_TABLE_IDS = "6f1d2c3a-5b7e-4f80-9a1c-3e2d4b5a6c7f"


class TableError(FabriqueError):
    """A table or deal request that cannot be done (no table, no persona, too many tables)."""


# tables


def table_id(session_id: str, number: int) -> str:
    """The id of table ``number`` of a session: the same on every laptop.

    Two laptops that create « Table 3 » independently (``=3`` typed on both, the « Tables et
    participants » dialog, a vote's tables, a live note-taker) create the *same* entity, so
    that a merge has one « Table 3 » with the cards, participants and votes of both, and one
    dot budget. The merge engine merges it field by field like any other entity: nothing to
    re-point, nothing to arbitrate (both sides wrote the same values), in any merge order.
    """
    import uuid  # here, not at the top: see model.new_id

    return str(uuid.uuid5(uuid.UUID(_TABLE_IDS), f"{session_id}/table/{number}"))


def new_table(session_id: str, number: int) -> Table:
    """Table ``number`` of a session, as every laptop creates it (same id, same fields).

    If the table was removed before, creating it again brings the same entity back (the
    store upserts a creation, and the merge sees one entity restored).
    """
    return Table(id=table_id(session_id, number), session_id=session_id, number=number)


def session_tables(store: Store, session_id: str) -> list[Table]:
    """Live tables of a session, by number."""
    return sorted(store.find(Table, session_id=session_id), key=lambda t: (t.number, t.name))


def table_label(table: Table) -> str:
    """« Table 3 » or « Table 3 — Les Calanques »."""
    plain = f"Table {table.number}"
    return plain + (f" — {table.name}" if table.name and table.name != plain else "")


def add_tables(store: Store, session_id: str, count: int = 1) -> Change:
    """``count`` new tables numbered after the existing ones."""
    existing = session_tables(store, session_id)
    if count < 1:
        return Change("Ajouter des tables")
    if len(existing) + count > MAX_TABLES:
        raise TableError(f"Au plus {MAX_TABLES} tables par atelier.")
    start = max((t.number for t in existing), default=0)
    edits = tuple(changes.create(new_table(session_id, start + i)) for i in range(1, count + 1))
    label = "Ajouter une table" if count == 1 else f"Ajouter {count} tables"
    return Change(label, edits)


def rename_table(table: Table, name: str) -> Change:
    edit = changes.update(table, name=name.strip())
    return Change("Renommer la table", (edit,) if edit.after else ())


def remove_table(store: Store, table: Table) -> Change:
    """Tombstone a table; its participants stay in the session, at no table."""
    seated = store.find(Participant, session_id=table.session_id, table_id=table.id)
    edits = [changes.update(p, table_id=None) for p in seated]
    return Change("Supprimer la table", (*edits, changes.delete(table)))


# participants


def participants(store: Store, session_id: str) -> list[Participant]:
    return sorted(store.find(Participant, session_id=session_id), key=lambda p: p.created_at)


def add_participant(session_id: str, name: str = "", table_id: str | None = None) -> Change:
    participant = Participant(session_id=session_id, name=name.strip(), table_id=table_id)
    return Change("Ajouter un participant", (changes.create(participant),))


def edit_participant(participant: Participant, **fields: object) -> Change:
    if "name" in fields:
        fields["name"] = str(fields["name"] or "").strip()
    edit = changes.update(participant, **fields)
    return Change("Modifier le participant", (edit,) if edit.after else ())


def erase_participant(participant: Participant) -> Change:
    """Remove a participant and their name for good (the right to be forgotten).

    The row is written again with a blank name, then tombstoned. The change knows no other
    name (the rewrite has no « before »), so that neither its inverse (undo) nor a later
    bundle can bring the name back. The window's history forgets the name too
    (``ChangeBus.forget``).
    """
    blank = {**participant.to_record(), "name": ""}
    return Change(
        "Effacer le participant",
        (
            Edit(Participant.kind, participant.id, None, blank),
            Edit(Participant.kind, participant.id, blank, None),
        ),
    )


def set_anonymous(session: Session, anonymous: bool) -> Change:
    edit = changes.update(session, anonymous=bool(anonymous))
    return Change("Mode anonyme", (edit,) if edit.after else ())


def participant_label(participant: Participant, number: int, anonymous: bool) -> str:
    """What a participant is called on screen or in an export: never the name if anonymous."""
    if anonymous or not participant.name:
        return f"Participant {number}"
    return participant.name


def public_participant_names(store: Store, session: Session) -> list[str]:
    """Participant labels fit for a shareable export (``Participant n`` in anonymous mode)."""
    return [
        participant_label(p, i, session.anonymous)
        for i, p in enumerate(participants(store, session.id), start=1)
    ]


# dealing personas to tables


def deal(tables: Sequence[Table], personas: Sequence[Persona], seed: int | None = None) -> Change:
    """A random, balanced deal of personas to tables.

    Every table gets at least one persona; table sizes differ by at most one; a table never
    gets the same persona twice. With more tables than personas, personas are reused as
    evenly as possible. The same ``seed`` gives the same deal.
    """
    if not tables:
        raise TableError("Aucune table dans cet atelier : ajoutez des tables avant de distribuer.")
    if not personas:
        raise TableError("Aucun persona dans la série : rien à distribuer.")
    rng = random.Random(seed)
    ordered = sorted(tables, key=lambda t: t.number)
    pool = list(personas)
    rng.shuffle(pool)
    hands: list[list[str]] = [[] for _ in ordered]
    if len(pool) >= len(ordered):
        # deal like cards: round robin over a shuffled deck
        for i, persona in enumerate(pool):
            hands[i % len(ordered)].append(persona.id)
    else:
        # fewer personas than tables: each table one persona, each persona used evenly
        uses = (pool * (len(ordered) // len(pool) + 1))[: len(ordered)]
        for hand, persona in zip(hands, uses, strict=True):
            hand.append(persona.id)
    order = list(range(len(ordered)))
    rng.shuffle(order)  # who gets the bigger hands is random too
    edits = []
    for table, hand in zip(ordered, [hands[i] for i in order], strict=True):
        edit = changes.update(table, persona_ids=hand)
        if edit.after:
            edits.append(edit)
    return Change("Distribuer les personas", tuple(edits))


def assign(table: Table, persona_ids: Iterable[str]) -> Change:
    """Give a table exactly these personas (deal by hand), in this order, no duplicates."""
    ids = list(dict.fromkeys(persona_ids))
    edit = changes.update(table, persona_ids=ids)
    return Change("Attribuer des personas", (edit,) if edit.after else ())


def clear_deal(tables: Sequence[Table]) -> Change:
    edits = [changes.update(t, persona_ids=[]) for t in tables if t.persona_ids]
    return Change("Reprendre les personas", tuple(edits))


# counts of ideas


@dataclass
class IdeaCounts:
    """Ideas (live, unmerged cards) of a session per persona and per table.

    ``by_persona`` counts a card for its own persona; a card attributed only to a table
    counts for each persona that table plays. ``direct_by_persona`` counts only cards
    whose persona was given explicitly.
    """

    total: int = 0
    by_persona: Counter[str] = field(default_factory=Counter)
    direct_by_persona: Counter[str] = field(default_factory=Counter)
    by_table: Counter[str] = field(default_factory=Counter)
    without_persona: int = 0
    without_table: int = 0


def idea_counts(store: Store, session_id: str) -> IdeaCounts:
    tables = {t.id: t for t in session_tables(store, session_id)}
    counts = IdeaCounts()
    for card in session_cards(store, session_id):
        counts.total += 1
        if card.table_id and card.table_id in tables:
            counts.by_table[card.table_id] += 1
        else:
            counts.without_table += 1
        if card.persona_id:
            counts.by_persona[card.persona_id] += 1
            counts.direct_by_persona[card.persona_id] += 1
        elif card.table_id in tables and tables[card.table_id].persona_ids:
            for persona_id in tables[card.table_id].persona_ids:
                counts.by_persona[persona_id] += 1
        else:
            counts.without_persona += 1
    return counts


def cards_of(
    store: Store, session_id: str, *, persona_id: str | None = None, table_id: str | None = None
) -> list[Card]:
    """Cards of a session attributed to a persona and/or a table (the board's filter).

    A card counts for a persona if it names it, or if it names no persona and its table
    plays that persona (the same rule as ``idea_counts``).
    """
    tables = {t.id: t for t in session_tables(store, session_id)}
    result = []
    for card in session_cards(store, session_id):
        if table_id is not None and card.table_id != table_id:
            continue
        if persona_id is not None:
            personas = (
                [card.persona_id]
                if card.persona_id
                else (tables[card.table_id].persona_ids if card.table_id in tables else [])
            )
            if persona_id not in personas:
                continue
        result.append(card)
    return result
