"""Dot votes entered by the operator for the room.

In a room not everyone has a device: the operator picks a *voter* (a table, or a
participant) and puts that voter's dots on cards. With no voter chosen, the dots are the
room's (``ROOM``, no budget): most rooms vote with paper stickers that the facilitator
counts on each card (``add_room_dots``, ``set_card_dots``). Each voter has a budget (3 dots by
default). Dots are ``Vote`` rows, one per voter and card, changed through undoable
``Change`` values. A card merged into another keeps its votes: the merged card's count
includes them (see ``fabrique_desktop.card_fusion``). In secret mode the counts stay hidden
until the facilitator reveals them.

Participants' phones vote too (``fabrique_desktop.phones``): their dots are ``Vote`` rows of
the voter kind ``PHONES``, one per phone, card and phone vote (``Vote.poll_id``). Reports and
the ranking show each voter kind's dots apart (``dots_by_kind``, ``phone_totals``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from fabrique_desktop import changes, limits
from fabrique_desktop.changes import Change, Edit
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Card, Entity, Participant, Session, Table, Vote, register
from fabrique_desktop.ports import Store
from fabrique_desktop.report_words import amount, tr
from fabrique_desktop.tables import new_table, participant_label, participants

DEFAULT_DOTS = 3
MAX_DOTS = limits.MAX_DOTS
DEFAULT_TOP = 10
MAX_ROOM_DOTS = 999
_GONE = "\0gone"  # Tally: a card that is not (or no longer) on the board or merged
ROOM = "salle"  # the voter of the room's own dots: paper stickers the facilitator counts


class VoteError(FabriqueError):
    """A dot that cannot be added or removed (no budget left, no voter chosen…)."""


@register
@dataclass(kw_only=True)
class Facilitation(Entity):
    """Vote settings of one session: budget, secret mode, current voter, ranking size."""

    kind: ClassVar[str] = "facilitation"

    session_id: str = ""
    dots_per_voter: int = DEFAULT_DOTS
    secret: bool = False
    revealed: bool = False
    voter_id: str | None = None
    top_n: int = DEFAULT_TOP


@dataclass(frozen=True)
class Voter:
    id: str
    label: str
    kind: str  # "tables" or "participants"


def settings(store: Store, session_id: str) -> Facilitation:
    found = store.find(Facilitation, session_id=session_id)
    return found[0] if found else Facilitation(session_id=session_id)


def configure(store: Store, session_id: str, **fields: Any) -> Change:
    """Change the vote settings (created on first use)."""
    if "dots_per_voter" in fields:
        dots = fields["dots_per_voter"]
        if isinstance(dots, bool) or not isinstance(dots, int) or not 1 <= dots <= MAX_DOTS:
            raise VoteError(f"Le nombre de gommettes doit être compris entre 1 et {MAX_DOTS}.")
    if "top_n" in fields and not 1 <= int(fields["top_n"]) <= 100:
        raise VoteError("Le classement montre de 1 à 100 idées.")
    current = settings(store, session_id)
    if store.get(Facilitation, current.id) is None:
        record = {**current.to_record(), **fields}
        return Change("Réglages du vote", (Edit(Facilitation.kind, current.id, None, record),))
    edit = changes.update(current, **fields)
    return Change("Réglages du vote", (edit,) if edit.after else ())


def set_secret(store: Store, session_id: str, secret: bool) -> Change:
    """Secret mode on hides the counts again until the next reveal."""
    return configure(store, session_id, secret=secret, revealed=False)


def reveal(store: Store, session_id: str) -> Change:
    return configure(store, session_id, revealed=True)


def counts_hidden(state: Facilitation) -> bool:
    return state.secret and not state.revealed


def voters(store: Store, session_id: str) -> list[Voter]:
    """Tables first (by number), then participants.

    The vote panel is on the projector: in anonymous mode (``Session.anonymous``, the
    default) participants are « Participant n », numbered as everywhere else
    (``tables.participant_label``) and in that order; otherwise by name."""
    session = store.get(Session, session_id)
    anonymous = session.anonymous if session is not None else True
    tables = sorted(store.find(Table, session_id=session_id), key=lambda t: (t.number, t.name))
    people = [
        (participant_label(p, number, anonymous), number, p)
        for number, p in enumerate(participants(store, session_id), start=1)
    ]
    if not anonymous:
        people.sort(key=lambda entry: (entry[2].name.casefold() or "\uffff", entry[1]))
    return [Voter(t.id, table_label(t), Table.kind) for t in tables] + [
        Voter(p.id, label, Participant.kind) for label, _number, p in people
    ]


def table_label(table: Table) -> str:
    return table.name or f"Table {table.number}"


def add_tables(store: Store, session_id: str, count: int) -> Change:
    """Add ``count`` tables (Table 1, Table 2…) after the existing ones, to vote with."""
    if not 1 <= count <= 60:
        raise VoteError("Indiquez un nombre de tables entre 1 et 60.")
    start = max((t.number for t in store.find(Table, session_id=session_id)), default=0)
    edits = [changes.create(new_table(session_id, n)) for n in range(start + 1, start + count + 1)]
    return Change("Ajouter des tables", tuple(edits))


def _live_votes(store: Store, session_id: str) -> list[Vote]:
    """Votes on cards that still exist (merged-away originals included)."""
    votes = store.find(Vote, session_id=session_id)
    if not votes:
        return []
    alive = {c.id for c in store.find(Card, session_id=session_id)}
    return [v for v in votes if v.card_id in alive and v.dots > 0]


def used(store: Store, session_id: str, voter_id: str) -> int:
    return sum(v.dots for v in _live_votes(store, session_id) if v.voter_id == voter_id)


def remaining(store: Store, session_id: str, voter_id: str) -> int:
    return settings(store, session_id).dots_per_voter - used(store, session_id, voter_id)


def dots_of(store: Store, session_id: str, voter_id: str, card_id: str) -> int:
    return sum(
        v.dots for v in store.find(Vote, session_id=session_id, card_id=card_id, voter_id=voter_id)
    )


def add_dot(store: Store, session_id: str, card_ids: list[str], voter_id: str | None) -> Change:
    """One dot from ``voter_id`` on each card of ``card_ids`` (refused beyond the budget)."""
    if not voter_id:
        raise VoteError("Choisissez d'abord qui vote (une table ou un participant).")
    if not card_ids:
        raise VoteError("Sélectionnez une idée sur le tableau pour y mettre une gommette.")
    left = remaining(store, session_id, voter_id)
    if left < len(card_ids):
        if left <= 0:
            raise VoteError("Ce votant a déjà utilisé toutes ses gommettes.")
        if left == 1:
            raise VoteError("Il ne reste qu'une gommette à ce votant.")
        raise VoteError(f"Il ne reste que {left} gommettes à ce votant.")
    edits: list[Edit] = []
    for card_id in card_ids:
        card = store.get(Card, card_id)
        if card is None or card.deleted or card.merged_into is not None:
            raise VoteError("Cette idée n'est plus sur le tableau : impossible d'y voter.")
        existing = store.find(Vote, session_id=session_id, card_id=card_id, voter_id=voter_id)
        if existing:
            edits.append(changes.update(existing[0], dots=existing[0].dots + 1))
        else:
            vote = Vote(session_id=session_id, card_id=card_id, voter_id=voter_id, dots=1)
            edits.append(changes.create(vote))
    label = "Ajouter une gommette" if len(edits) == 1 else f"Ajouter {len(edits)} gommettes"
    return Change(label, tuple(edits))


def remove_dot(store: Store, session_id: str, card_ids: list[str], voter_id: str | None) -> Change:
    """Take back one dot of ``voter_id`` from each card of ``card_ids`` that has one."""
    if not voter_id:
        raise VoteError("Choisissez d'abord qui vote (une table ou un participant).")
    edits: list[Edit] = []
    for card_id in card_ids:
        votes = store.find(Vote, session_id=session_id, card_id=card_id, voter_id=voter_id)
        vote = next((v for v in votes if v.dots > 0), None)
        if vote is not None:
            edits.append(changes.update(vote, dots=vote.dots - 1))
    if not edits:
        raise VoteError("Ce votant n'a pas de gommette sur cette idée.")
    label = "Retirer une gommette" if len(edits) == 1 else f"Retirer {len(edits)} gommettes"
    return Change(label, tuple(edits))


def room_dots(store: Store, session_id: str, card_id: str) -> int:
    """The room's dots on one card."""
    return dots_of(store, session_id, ROOM, card_id)


def add_room_dots(store: Store, session_id: str, card_ids: list[str], dots: int = 1) -> Change:
    """The room's dots (no voter chosen, no budget): ``dots`` more (or fewer, negative) on
    each card of ``card_ids``, never below none."""
    if not card_ids:
        raise VoteError("Sélectionnez une idée sur le tableau pour y mettre une gommette.")
    edits: list[Edit] = []
    for card_id in card_ids:
        card = store.get(Card, card_id)
        if card is None or card.deleted or card.merged_into is not None:
            raise VoteError("Cette idée n'est plus sur le tableau : impossible d'y voter.")
        existing = store.find(Vote, session_id=session_id, card_id=card_id, voter_id=ROOM)
        now = existing[0].dots if existing else 0
        after = max(0, min(now + dots, MAX_ROOM_DOTS))
        if after == now:
            continue
        if existing:
            edits.append(changes.update(existing[0], dots=after))
        else:
            vote = Vote(session_id=session_id, card_id=card_id, voter_id=ROOM, dots=after)
            edits.append(changes.create(vote))
    if not edits:
        raise VoteError("Cette idée n'a pas de gommette de la salle à retirer.")
    adding = dots > 0
    if len(edits) == 1:
        label = "Ajouter une gommette" if adding else "Retirer une gommette"
    else:
        label = f"Ajouter {len(edits)} gommettes" if adding else f"Retirer {len(edits)} gommettes"
    return Change(label, tuple(edits))


def set_card_dots(store: Store, session_id: str, card_id: str, total: int) -> Change:
    """The facilitator counted ``total`` paper dots on a card: the room's dots make the
    card's own count ``total`` (the voters' dots, if any, are kept and counted in)."""
    if not 0 <= total <= MAX_ROOM_DOTS:
        raise VoteError(f"Un nombre de gommettes entre 0 et {MAX_ROOM_DOTS}, s'il vous plaît.")
    others = sum(
        v.dots
        for v in store.find(Vote, session_id=session_id, card_id=card_id)
        if v.voter_id != ROOM
    )
    wanted = max(0, total - others)
    now = room_dots(store, session_id, card_id)
    if wanted == now:
        return Change("Compter les gommettes", ())
    change = add_room_dots(store, session_id, [card_id], wanted - now)
    counted = f"{total} gommette comptée" if total <= 1 else f"{total} gommettes comptées"
    return Change(counted, change.edits)


def clear_voter(store: Store, session_id: str, voter_id: str) -> Change:
    """Take back every dot of one voter (a correction)."""
    edits = [
        changes.update(v, dots=0)
        for v in store.find(Vote, session_id=session_id, voter_id=voter_id)
        if v.dots
    ]
    return Change("Effacer les gommettes du votant", tuple(edits))


def direct_counts(
    store: Store, session_id: str, only: Callable[[Vote], bool] | None = None
) -> dict[str, int]:
    """Dots on each card itself (merges not counted through); ``only``: those votes."""
    counts: dict[str, int] = defaultdict(int)
    for vote in _live_votes(store, session_id):
        if only is None or only(vote):
            counts[vote.card_id] += vote.dots
    return dict(counts)


def all_totals(
    store: Store, session_id: str, only: Callable[[Vote], bool] | None = None
) -> dict[str, int]:
    """Dots of every card, merged-away ones too, the votes of cards merged into it included
    (``only``: those votes)."""
    direct = direct_counts(store, session_id, only)
    if not direct:  # not a dot: every count is 0, the cards need not be read
        return {}
    cards = store.find(Card, session_id=session_id)
    children: dict[str, list[str]] = defaultdict(list)
    for card in cards:
        if card.merged_into:
            children[card.merged_into].append(card.id)

    def total(card_id: str, seen: frozenset[str]) -> int:
        if card_id in seen:  # a loop from a bad merge of two laptops' data: count once
            return 0
        below = seen | {card_id}
        return direct.get(card_id, 0) + sum(total(c, below) for c in children.get(card_id, []))

    result = {}
    for card in cards:
        value = total(card.id, frozenset())
        if value:
            result[card.id] = value
    return result


def totals(store: Store, session_id: str) -> dict[str, int]:
    """Dots of every card on the board, the votes of the cards merged into it included."""
    every = all_totals(store, session_id)
    if not every:
        return {}
    on_board = {c.id for c in store.find(Card, session_id=session_id, merged_into=None)}
    return {k: v for k, v in every.items() if k in on_board}


class Tally:
    """The dots of one session's board, kept up to date change by change.

    ``Tally(store, session_id)`` reads the session's votes and cards once; then ``apply``
    re-reads only the votes and cards a change touches and recomputes only the counts that
    can have moved (those cards and the cards they are merged into), so that capturing an
    idea on a board of 2000 costs a single read. ``totals()`` always equals
    ``totals(store, session_id)``.
    """

    def __init__(self, store: Store, session_id: str) -> None:
        self.store = store
        self.session_id = session_id
        self._votes: dict[str, tuple[str, int]] = {}  # vote id → (card id, dots > 0)
        self._direct: dict[str, int] = defaultdict(int)  # card id → its own dots
        self._parent: dict[str, str | None] = {}  # live card id → merged_into
        self._children: dict[str, set[str]] = defaultdict(set)
        self._totals: dict[str, int] = {}
        self._cards_read = False  # the cards are read once there are dots to count
        self.reload()

    def reload(self) -> None:
        """Read everything again (after changes that did not come through ``apply``).

        Without a single dot in the session (the usual case while ideas are captured) the
        cards are not read at all: every count is 0 whatever they are.
        """
        self._votes.clear()
        self._direct.clear()
        self._parent.clear()
        self._children.clear()
        for vote in self.store.find(Vote, session_id=self.session_id):
            self._set_vote(vote.id, vote)
        self._cards_read = bool(self._votes)
        if self._cards_read:
            for card in self.store.find(Card, session_id=self.session_id):
                self._set_card(card.id, card)
        self._totals = {
            card_id: n
            for card_id, parent in self._parent.items()
            if parent is None and (n := self._total(card_id, frozenset()))
        }

    def totals(self) -> dict[str, int]:
        """Dots of every card on the board (as ``votes.totals``)."""
        return dict(self._totals)

    def count(self, card_id: str) -> int:
        """Dots of one card on the board (0 if none, or not on the board)."""
        return self._totals.get(card_id, 0)

    def apply(self, change: Change) -> dict[str, int]:
        """Follow a change already in the store; the counts that moved (0: no more dots).

        Only the touched votes and cards are read again. A card whose ``merged_into`` did
        not change and that has no dots (a captured idea, a moved one) moves no count.
        """
        if not self._cards_read:  # no dot yet: only a vote can make a count
            if not change.touched(Vote.kind):
                return {}
            self.reload()
            return self.totals()
        dirty: set[str] = set()
        cards = change.read(Card) if change.rows is not None else None  # as the bus read them
        for vote_id in change.touched(Vote.kind):
            vote = self.store.get(Vote, vote_id)
            if vote is not None and vote.card_id not in self._parent:
                # a card written to the database by another path than ``apply``
                dirty |= self._set_card(vote.card_id, self.store.get(Card, vote.card_id))
            dirty |= self._set_vote(vote_id, vote)
        for card_id in change.touched(Card.kind):
            card = cards.get(card_id) if cards is not None else self.store.get(Card, card_id)
            dirty |= self._set_card(card_id, card)
        if not dirty:
            return {}
        roots: set[str] = set()
        for card_id in dirty:
            roots |= self._ancestors(card_id)
        moved: dict[str, int] = {}
        for card_id in roots:
            on_board = card_id in self._parent and self._parent[card_id] is None
            value = self._total(card_id, frozenset()) if on_board else 0
            if value != self._totals.get(card_id, 0):
                moved[card_id] = value
            if value:
                self._totals[card_id] = value
            else:
                self._totals.pop(card_id, None)
        return moved

    # private

    def _set_vote(self, vote_id: str, vote: Vote | None) -> set[str]:
        """Record a vote's current row; the cards whose own dots changed."""
        now = None
        if vote is not None and not vote.deleted and vote.session_id == self.session_id:
            now = (vote.card_id, vote.dots) if vote.dots > 0 else None
        before = self._votes.pop(vote_id, None)
        if now is not None:
            self._votes[vote_id] = now
        if before == now:
            return set()
        dirty = set()
        if before is not None:
            self._direct[before[0]] -= before[1]
            dirty.add(before[0])
        if now is not None:
            self._direct[now[0]] += now[1]
            dirty.add(now[0])
        return dirty

    def _set_card(self, card_id: str, card: Card | None) -> set[str]:
        """Record whether a card is alive and what it is merged into; the cards affected."""
        alive = card is not None and not card.deleted and card.session_id == self.session_id
        before = self._parent.get(card_id, _GONE)
        now = card.merged_into if alive and card is not None else _GONE
        if before == now:
            return set()
        dirty = {card_id}
        if before is not _GONE:
            del self._parent[card_id]
            if before is not None:
                self._children[before].discard(card_id)
                dirty.add(before)
        if now is not _GONE:
            self._parent[card_id] = now
            if now is not None:
                self._children[now].add(card_id)
                dirty.add(now)
        return dirty

    def _ancestors(self, card_id: str) -> set[str]:
        """The card and every card it is merged into, up the chain (loops cut)."""
        found: set[str] = set()
        current: str | None = card_id
        while current is not None and current not in found:
            found.add(current)
            current = self._parent.get(current)
        return found

    def _total(self, card_id: str, seen: frozenset[str]) -> int:
        if card_id in seen or card_id not in self._parent:  # a loop, or not a live card
            return 0
        below = seen | {card_id}
        return self._direct.get(card_id, 0) + sum(
            self._total(c, below) for c in self._children.get(card_id, ())
        )


# voter kinds: who put the dots (reports and the ranking show each kind apart)

PHONES = "phones"
"""The voter kind of dots sent from participants' phones (``Vote.poll_id`` set)."""
OTHERS = "autres"
KIND_LABELS = {
    Table.kind: ("table", "tables"),
    Participant.kind: ("participant", "participants"),
    ROOM: ("", ""),
    PHONES: ("téléphone", "téléphones"),
    OTHERS: ("votant", "votants"),
}
KIND_TITLES = {
    Table.kind: "Tables",
    Participant.kind: "Participants",
    ROOM: "Salle (gommettes comptées)",
    PHONES: "Téléphones",
    OTHERS: "Autres votants",
}


@dataclass(frozen=True)
class KindDots:
    """The dots of one voter kind: how many, from how many voters, in how many phone votes."""

    kind: str
    dots: int
    voters: int = 0
    polls: int = 0

    @property
    def text(self) -> str:
        """« Téléphones : 35 gommettes de 20 téléphones (2 votes) », in the documents'
        language (``report_words``)."""
        dots = amount(self.dots, "gommette", "gommettes")
        one, many = KIND_LABELS[self.kind]
        if one and self.voters:
            dots += tr(" de {voters}", voters=amount(self.voters, one, many))
        if self.polls > 1:
            dots += f" ({amount(self.polls, 'vote', 'votes')})"
        return f"{tr(KIND_TITLES[self.kind])} : {dots}"


def is_phone_dot(vote: Vote) -> bool:
    return vote.poll_id is not None


def dots_by_kind(store: Store, session_id: str) -> list[KindDots]:
    """The session's dots by voter kind (tables, participants, the room, phones), in that
    order; kinds without a dot left out."""
    tables = {t.id for t in store.find(Table, session_id=session_id)}
    people = {p.id for p in store.find(Participant, session_id=session_id)}
    dots: dict[str, int] = defaultdict(int)
    voters: dict[str, set[str]] = defaultdict(set)
    polls: set[str] = set()
    for vote in _live_votes(store, session_id):
        if vote.poll_id is not None:
            kind = PHONES
            polls.add(vote.poll_id)
        elif vote.voter_id == ROOM:
            kind = ROOM
        elif vote.voter_id in tables:
            kind = Table.kind
        elif vote.voter_id in people:
            kind = Participant.kind
        else:
            kind = OTHERS
        dots[kind] += vote.dots
        voters[kind].add(vote.voter_id)
    return [
        KindDots(kind, dots[kind], len(voters[kind]), len(polls) if kind == PHONES else 0)
        for kind in KIND_TITLES
        if dots[kind]
    ]


def phone_totals(store: Store, session_id: str) -> dict[str, int]:
    """Dots sent from phones on every card of the board (those merged into it included)."""
    on_board = {c.id for c in store.find(Card, session_id=session_id, merged_into=None)}
    counted = all_totals(store, session_id, only=is_phone_dot)
    return {k: v for k, v in counted.items() if k in on_board}


def visible_counts(store: Store, session_id: str) -> dict[str, int]:
    """The counts to show on the board: none while a secret vote is not revealed."""
    if counts_hidden(settings(store, session_id)):
        return {}
    return totals(store, session_id)


def ranking(store: Store, session_id: str, top: int | None = None) -> list[tuple[Card, int]]:
    """Cards with at least one dot, most voted first (ties in board order)."""
    counts = totals(store, session_id)
    cards = {c.id: c for c in store.find(Card, session_id=session_id)}
    ranked = sorted(
        ((cards[i], n) for i, n in counts.items() if i in cards),
        key=lambda pair: (-pair[1], pair[0].column, pair[0].position),
    )
    return ranked[:top] if top else ranked


def voter_summary(store: Store, session_id: str) -> list[tuple[Voter, int, int]]:
    """Each voter with the dots used and left."""
    budget = settings(store, session_id).dots_per_voter
    spent: dict[str, int] = defaultdict(int)
    for vote in _live_votes(store, session_id):
        spent[vote.voter_id] += vote.dots
    return [(v, spent[v.id], budget - spent[v.id]) for v in voters(store, session_id)]
