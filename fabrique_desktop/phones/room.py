"""The phone room's use-cases, run on the thread that owns the session's data.

Each request a phone makes arrives here as a ``Request`` already checked for its shape
(``checks``); ``Room.handle`` checks it against the data (identity, blocked, budget, the
minute to correct…), builds a ``Change`` and hands it to ``commit`` (the batch's writer: the
app's change bus, or the head-less command's store) before it returns the answer the phone
will get. Refusals raise ``checks.Refusal`` and change nothing.

The facilitator's own actions on phones (accept or set aside a waiting idea, block a phone
and remove its ideas, open/close/reveal a vote) are functions returning ``Change`` values,
applied through the app's ordinary road so that they can be undone.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from fabrique_desktop import changes
from fabrique_desktop.board import ColumnEnds, session_cards
from fabrique_desktop.changes import Change, Edit
from fabrique_desktop.limits import MAX_PHONE_ADDRESSES
from fabrique_desktop.model import HORIZONS, INBOX, Card, Persona, Series, Session, Table, Vote
from fabrique_desktop.phones.checks import (
    EDIT_SECONDS,
    MAX_NAME,
    MAX_PHONES,
    PHONES_PER_ADDRESS,
    PRESENT_SECONDS,
    Refusal,
    clean_text,
    uuid_like,
)
from fabrique_desktop.phones.model import (
    PENDING,
    PUBLISHED,
    REMOVED,
    SET_ASIDE,
    WITHDRAWN,
    Phone,
    PhoneIdea,
    PhonePoll,
    PhoneSettings,
)
from fabrique_desktop.ports import Store
from fabrique_desktop.votes import table_label
from fabrique_desktop.workspace import session_template

PHONE_TAG = "téléphone"
MAX_OWN_IDEAS = 60
"""A phone's page lists its last ideas, up to this many."""
MAX_ANSWERS = 20_000
"""Answers kept to repeat to a request sent again with the same id (a lost answer, a retry)."""
_IDEA_IDS = uuid.UUID("5b0a4f8e-6d0c-4d8e-9a7e-2f6c1f0e6a11").bytes


@dataclass(frozen=True)
class Request:
    """One checked request: ``action``, who (``phone``/``token`` once joined), the JSON body."""

    action: str
    phone: str = ""
    token: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    address: str = ""
    request_id: str = ""
    """The page's id for this request, the same when it sends it again (a lost answer, a
    queued idea resent): the first answer is repeated and nothing is stored twice."""


@dataclass
class Notice:
    """Who to tell what changed: one phone (``phone``) or all (``None``); ``data`` carries
    what changed (an idea's view, a vote) so that the page applies it without asking."""

    phone: str | None
    what: str
    data: dict[str, Any] = field(default_factory=dict)


def idea_id_for(phone_id: str, request_id: str) -> str:
    """The id of the idea a phone sends with ``request_id``: the same id each time the page
    sends it again, so that a resent idea finds the first one (even after a restart).
    ``str(uuid.uuid5(…))``'s text, without its two ``UUID`` objects (a third of the cost)."""
    digest = bytearray(hashlib.sha1(_IDEA_IDS + f"{phone_id}/{request_id}".encode()).digest())
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest[:16].hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def address_mark(session_id: str, address: str) -> str:
    """What a ban keeps of an address: a mark, salted with the atelier (the address itself is
    not kept, nor carried in copies of the atelier)."""
    return hashlib.sha256(f"{session_id}/{address}".encode()).hexdigest()


def now_iso() -> str:
    from fabrique_desktop.model import utc_now

    return utc_now()


def _seconds_since(stamp: str) -> float:
    try:
        then = datetime.fromisoformat(stamp)
    except ValueError:
        return float("inf")
    return (datetime.fromisoformat(now_iso()) - then) / timedelta(seconds=1)


class Room:
    """The phone side of one session.

    ``commit(change)`` writes a change within the batch being answered (the service's
    ``Write``: the app's change bus with origin « phone »; head-less, the command's store
    writer), so that the next request reads it. ``moderated``: new ideas wait in a queue (the
    session's ``PhoneSettings``).
    ``notify(notice)`` is called after the commit for the pages that must refresh.
    """

    def __init__(
        self,
        store: Store,
        session_id: str,
        commit: Callable[[Change], None],
        notify: Callable[[Notice], None] | None = None,
        phones_per_address: int = PHONES_PER_ADDRESS,
        ends: ColumnEnds | None = None,
    ) -> None:
        self.store = store
        self.session_id = session_id
        self.phones_per_address = phones_per_address
        self._seen: dict[str, tuple[float, str]] = {}
        self.arrivals = 0
        """Phones come into the room (first heard from, or again after ``PRESENT_SECONDS``
        away): the wall's count of phones changes even when nothing is written."""
        """Phones present: id → (when last heard, from which address)."""
        self._addresses: dict[str, set[str]] = {}
        """The addresses each phone was heard from since the room opened (to keep a blocked
        phone's address out under a new identity)."""
        self.commit = commit
        self.notify = notify or (lambda notice: None)
        self._moderated: bool | None = None
        self._shared_ends = ends is not None
        self.ends = ends or ColumnEnds(store, session_id)
        """Where a new card goes: the window's own (it follows every change the window hears
        of), or the room's, read again after a change made elsewhere."""
        self._poll_cards: tuple[str, list[dict[str, Any]]] | None = None
        self._answers: OrderedDict[tuple[str, str], dict[str, Any]] = OrderedDict()
        self._fresh: list[tuple[str, str]] = []
        self._batch_ideas: dict[tuple[str, str], str] = {}
        """The batch's ideas sent with an id: (phone, request id) → the idea's id."""
        self._earlier: dict[str, PhoneIdea] | None = None
        """Those of them already stored (sent before the room restarted, or lost): read once
        for the whole batch, at its first idea."""
        self._phones: dict[str, Phone] = {}
        """Phones read since the rows of phones last changed (``identify``)."""
        self._phones_mark: tuple[int, int, int] | None = None
        self.reload()

    def reload(self) -> None:
        """Read the session's board settings again (after a template or deck change)."""
        session = self.store.get(Session, self.session_id)
        if session is None or session.deleted:
            raise Refusal(410, "closed")
        self.session = session
        series = self.store.get(Series, session.series_id)
        assert series is not None
        self.template = session_template(series, session)
        self._columns: frozenset[str] | None = None
        self.board_changed()

    def _column_keys(self) -> frozenset[str]:
        keys = self._columns
        if keys is None:
            keys = self._columns = frozenset(c.key for c in self.template.columns)
        return keys

    def board_changed(self) -> None:
        """Cards or settings changed by someone else (the laptop, another laptop, undo):
        what was read from the store is stale."""
        if not self._shared_ends:
            self.ends = ColumnEnds(self.store, self.session_id)
        self._poll_cards = None
        self._moderated = None

    @property
    def moderated(self) -> bool:
        if self._moderated is None:
            self._moderated = settings(self.store, self.session_id).moderated
        return self._moderated

    # requests

    def handle(self, request: Request) -> dict[str, Any]:
        """Answer one request; ``Refusal`` if it cannot be done (nothing changed then).
        A request sent again with the same id gets the first answer, and changes nothing."""
        if request.action == "join":
            key = ("", request.request_id)
            if request.request_id and key in self._answers:
                return self._answers[key]
            return self._remember(key, self._join(request))
        phone = self.identify(request.phone, request.token)
        if phone.blocked:
            raise Refusal(403, "blocked")
        self._heard(phone.id, request.address)
        handler = getattr(self, f"_do_{request.action}", None)
        if handler is None:
            raise Refusal(404, "unknown")
        key = (phone.id, request.request_id)
        if request.request_id and key in self._answers:
            return self._answers[key]
        if request.action == "idea":
            return self._remember(key, self._do_idea(phone, request.data, request.request_id))
        return self._remember(key, handler(phone, request.data))

    def _remember(self, key: tuple[str, str], answer: dict[str, Any]) -> dict[str, Any]:
        if key[1]:
            self._answers[key] = answer
            self._fresh.append(key)
            while len(self._answers) > MAX_ANSWERS:
                self._answers.popitem(last=False)
        return answer

    def batch_started(self, requests: Iterable[Request] = ()) -> None:
        """A batch begins: its ideas' earlier copies are read at once, when the first is
        handled (within the batch's transaction), not one read per idea."""
        self._fresh.clear()
        self._batch_ideas = {
            (r.phone, r.request_id): idea_id_for(r.phone, r.request_id)
            for r in requests
            if r.action == "idea" and r.phone and r.request_id
        }
        self._earlier = None

    def _earlier_idea(self, phone_id: str, request_id: str) -> tuple[str, PhoneIdea | None]:
        """The id of the idea sent with ``request_id``, and that idea if already stored."""
        idea_id = self._batch_ideas.get((phone_id, request_id))
        if idea_id is None:  # not announced with the batch: read alone
            idea_id = idea_id_for(phone_id, request_id)
            return idea_id, self.store.get(PhoneIdea, idea_id)
        if self._earlier is None:
            self._earlier = self.store.get_many(PhoneIdea, self._batch_ideas.values())
        return idea_id, self._earlier.get(idea_id)

    def batch_ended(self) -> None:
        """What was read for the batch holds no longer (its transaction is over)."""
        self._batch_ideas = {}
        self._earlier = None

    def batch_failed(self) -> None:
        """The batch was not stored: its answers must not be repeated to a retry."""
        for key in self._fresh:
            self._answers.pop(key, None)
        self._fresh.clear()

    def identify(self, phone_id: str, token: str) -> Phone:
        """The phone proving ``token``; 401 otherwise. Its row is read again whenever a row of
        phones may have changed by any road (a block, an unblock, a join, a profile, an undo, a
        rolled-back batch, another connection): a block holds at the very next request."""
        if not phone_id or not token:
            raise Refusal(401, "identity")
        phone = self._phone(uuid_like(phone_id))
        if (
            phone is None
            or phone.deleted
            or phone.session_id != self.session_id
            or not hmac.compare_digest(phone.token_hash, token_hash(token))
        ):
            raise Refusal(401, "identity")
        return phone

    def _phone(self, phone_id: str) -> Phone | None:
        mark = self.store.written(Phone.kind)
        if mark != self._phones_mark:
            self._phones.clear()
            self._phones_mark = mark
        phone = self._phones.get(phone_id)
        if phone is None:
            phone = self.store.get(Phone, phone_id)
            if phone is not None:
                if len(self._phones) >= 2 * MAX_PHONES:
                    self._phones.clear()
                self._phones[phone_id] = phone
        return phone

    def _join(self, request: Request) -> dict[str, Any]:
        if request.phone and request.token:
            try:
                phone = self.identify(request.phone, request.token)
            except Refusal:
                phone = None
            if phone is not None:
                if phone.blocked:
                    raise Refusal(403, "blocked")
                self._heard(phone.id, request.address)
                return {"phone": phone.id, "token": request.token, "number": phone.number}
        if request.address and self._address_blocked(request.address):
            raise Refusal(403, "blocked")  # a blocked phone under a new identity
        present = self.present()
        if len(present) >= MAX_PHONES:
            raise Refusal(503, "full")
        if sum(1 for a in present.values() if a == request.address) >= self.phones_per_address:
            raise Refusal(429, "too-many-phones")
        count = self.store.count(Phone, session_id=self.session_id)
        token = secrets.token_urlsafe(24)
        phone = Phone(session_id=self.session_id, number=count + 1, token_hash=token_hash(token))
        self.commit(Change("Un téléphone rejoint l'atelier", (changes.create(phone),)))
        self._heard(phone.id, request.address)
        return {"phone": phone.id, "token": token, "number": phone.number}

    # presence: phones are counted while they are there, not for ever

    def _heard(self, phone_id: str, address: str) -> None:
        now = time.monotonic()
        seen = self._seen.get(phone_id)
        if seen is None or seen[0] < now - PRESENT_SECONDS:
            self.arrivals += 1
        self._seen[phone_id] = (now, address)
        if address:
            known = self._addresses.setdefault(phone_id, set())
            if len(known) < MAX_PHONE_ADDRESSES:
                known.add(address)

    def present(self) -> dict[str, str]:
        """The phones heard from in the last ``PRESENT_SECONDS``: id → address."""
        since = time.monotonic() - PRESENT_SECONDS
        for phone_id in [p for p, (when, _a) in self._seen.items() if when < since]:
            del self._seen[phone_id]
        return {phone_id: address for phone_id, (_when, address) in self._seen.items()}

    def addresses(self, phone_id: str) -> set[str]:
        """The addresses a phone was heard from since the room opened (what a ban keeps)."""
        return set(self._addresses.get(phone_id, ()))

    def _address_blocked(self, address: str) -> bool:
        """A blocked phone was heard from this address, since the room opened or before its
        block (kept with it), until the facilitator lifts it."""
        blocked = self.store.find(Phone, session_id=self.session_id, blocked=True)
        mark = address_mark(self.session_id, address)
        return any(
            address in self._addresses.get(phone.id, ()) or mark in phone.blocked_from
            for phone in blocked
        )

    def left(self, phone_id: str) -> None:
        """A blocked phone is no longer present (its place is free)."""
        self._seen.pop(phone_id, None)

    def _do_ping(self, phone: Phone, data: dict[str, Any]) -> dict[str, Any]:
        return {}

    def _do_state(self, phone: Phone, data: dict[str, Any]) -> dict[str, Any]:
        return self.state(phone)

    def _do_profile(self, phone: Phone, data: dict[str, Any]) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        if "table" in data:
            table_id = data["table"] or None
            if table_id is not None:
                table = self.store.get(Table, uuid_like(table_id))
                if table is None or table.deleted or table.session_id != self.session_id:
                    raise Refusal(422, "unknown-table")
            fields["table_id"] = table_id
        if "persona" in data:
            persona_id = data["persona"] or None
            if persona_id is not None:
                persona = self.store.get(Persona, uuid_like(persona_id))
                if (
                    persona is None
                    or persona.deleted
                    or persona.retired
                    or persona.series_id != self.session.series_id
                ):
                    raise Refusal(422, "unknown-persona")
            fields["persona_id"] = persona_id
        if "name" in data:
            name = data["name"].strip()
            fields["name"] = clean_text(name, MAX_NAME, reason="name-too-long") if name else ""
        edit = changes.update(phone, **fields)
        if edit.after:
            self.commit(Change("Un téléphone choisit sa table", (edit,)))
        return self.state(self.store.get(Phone, phone.id) or phone)

    def _do_idea(self, phone: Phone, data: dict[str, Any], request_id: str = "") -> dict[str, Any]:
        idea_id = None
        if request_id:  # sent again (its answer lost, the room restarted): the first
            idea_id, earlier = self._earlier_idea(phone.id, request_id)
            if earlier is not None and earlier.phone_id == phone.id:
                return {"idea": self._idea_view(earlier)}
        text = clean_text(data["text"])
        column = data.get("column") or INBOX
        if column not in self._column_keys():
            raise Refusal(422, "unknown-column")
        horizon = data.get("horizon") or ""
        if horizon and horizon not in HORIZONS:
            raise Refusal(422, "unknown-horizon")
        now = now_iso()  # one clock reading for the idea, its card and their rows
        idea = PhoneIdea(
            session_id=self.session_id,
            phone_id=phone.id,
            text=text,
            column=column,
            horizon=horizon,
            sent_at=now,
            created_at=now,
            updated_at=now,
            **({"id": idea_id} if idea_id is not None else {}),
        )
        edits: list[Edit] = []
        if self.moderated:
            edits.append(changes.create(idea))
        else:
            card = self._card_for(phone, idea, text, now)
            idea.status, idea.card_id = PUBLISHED, card.id
            edits += [changes.create(card), changes.create(idea)]
        self.commit(Change("Idée reçue d'un téléphone", tuple(edits)))
        if self._earlier is not None and idea_id is not None:
            self._earlier[idea_id] = idea  # stored now: sent again within the batch, found
        return {"idea": self._idea_view(idea, left=float(EDIT_SECONDS))}  # just sent

    def _card_for(self, phone: Phone, idea: PhoneIdea, text: str, now: str) -> Card:
        position = self.ends.next_position(idea.column)
        return Card(
            session_id=self.session_id,
            created_at=now,
            updated_at=now,
            text=text,
            column=idea.column,
            position=position,
            persona_id=phone.persona_id,
            table_id=phone.table_id,
            horizon=idea.horizon,
            tags=[PHONE_TAG],
        )

    def _own_idea(self, phone: Phone, data: dict[str, Any]) -> PhoneIdea:
        idea = self.store.get(PhoneIdea, uuid_like(data["idea"]))
        if idea is None or idea.deleted or idea.phone_id != phone.id:
            raise Refusal(404, "unknown-idea")
        if idea.status not in (PENDING, PUBLISHED) or _seconds_since(idea.sent_at) > EDIT_SECONDS:
            raise Refusal(409, "too-late")
        return idea

    def _do_correct(self, phone: Phone, data: dict[str, Any]) -> dict[str, Any]:
        idea = self._own_idea(phone, data)
        text = clean_text(data["text"])
        edits = [changes.update(idea, text=text)]
        if idea.card_id:
            card = self.store.get(Card, idea.card_id)
            if card is not None and not card.deleted:
                edits.append(changes.update(card, text=text))
        self.commit(Change("Idée corrigée depuis un téléphone", tuple(e for e in edits if e.after)))
        idea.text = text
        return {"idea": self._idea_view(idea)}

    def _do_withdraw(self, phone: Phone, data: dict[str, Any]) -> dict[str, Any]:
        idea = self._own_idea(phone, data)
        edits = [changes.update(idea, status=WITHDRAWN)]
        if idea.card_id:
            card = self.store.get(Card, idea.card_id)
            if card is not None and not card.deleted:
                edits.append(changes.delete(card))
        self.commit(Change("Idée retirée depuis un téléphone", tuple(edits)))
        idea.status = WITHDRAWN
        return {"idea": self._idea_view(idea)}

    def _do_dot(self, phone: Phone, data: dict[str, Any]) -> dict[str, Any]:
        poll = self.poll()
        if poll is None or poll.id != data["poll"]:
            raise Refusal(409, "no-vote")
        if not poll.open:
            raise Refusal(409, "vote-closed")
        card_id = uuid_like(data["card"])
        if card_id not in self._poll_card_ids(poll):
            raise Refusal(422, "unknown-card")
        delta = data["delta"]
        if delta not in (1, -1):
            raise Refusal(400, "malformed")
        mine = self._my_dots(phone, poll)
        if delta == 1 and sum(mine.values()) >= poll.dots_per_phone:
            raise Refusal(409, "no-dots-left")
        if delta == -1 and not mine.get(card_id):
            raise Refusal(409, "no-dot-here")
        existing = self.store.find(
            Vote, session_id=self.session_id, card_id=card_id, voter_id=phone.id, poll_id=poll.id
        )
        if existing:
            edit = changes.update(existing[0], dots=max(0, existing[0].dots + delta))
        else:
            vote = Vote(
                session_id=self.session_id,
                card_id=card_id,
                voter_id=phone.id,
                dots=1,
                poll_id=poll.id,
            )
            edit = changes.create(vote)
        self.commit(Change("Gommette d'un téléphone", (edit,)))
        mine[card_id] = mine.get(card_id, 0) + delta
        return {"vote": self._vote_view(phone, poll, mine)}

    def _do_cards(self, phone: Phone, data: dict[str, Any]) -> dict[str, Any]:
        poll = self.poll()
        if poll is None:
            raise Refusal(409, "no-vote")
        return {"poll": poll.id, "cards": self._poll_card_list(poll)}

    # notices: what changed, for the pages to apply without asking again

    def idea_notice(self, idea_id: str) -> Notice | None:
        """An idea accepted, set aside or removed by the facilitator: for its phone only."""
        idea = self.store.get(PhoneIdea, idea_id)
        if idea is None or idea.session_id != self.session_id:
            return None
        return Notice(idea.phone_id, "idea", {"idea": self._idea_view(idea)})

    def vote_notice(self) -> Notice:
        """A vote opened, closed or revealed: the same for every phone (each page keeps its
        own dots; a new vote starts with none)."""
        poll = self.poll()
        if poll is None:
            return Notice(None, "vote", {"vote": None})
        view = {
            "poll": poll.id,
            "open": poll.open,
            "budget": poll.dots_per_phone,
            "secret": poll.secret,
            "cards": len(self._poll_card_ids(poll)),
        }
        return Notice(None, "vote", {"vote": view})

    def settings_notice(self) -> Notice:
        """The room's settings (moderation) changed."""
        self._moderated = None
        return Notice(None, "settings", {"moderated": self.moderated})

    # views

    def state(self, phone: Phone) -> dict[str, Any]:
        """What a phone's page shows: the room's choices, its profile, ideas and the vote."""
        session = self.session
        tables = sorted(self.store.find(Table, session_id=self.session_id), key=lambda t: t.number)
        personas = [
            p
            for p in self.store.find(Persona, series_id=session.series_id)
            if not p.retired and not p.deleted
        ]
        personas.sort(key=lambda p: (p.position, p.first_name))
        ideas = self.store.find(PhoneIdea, session_id=self.session_id, phone_id=phone.id)
        ideas = [i for i in ideas if i.status != WITHDRAWN]
        ideas.sort(key=lambda i: i.sent_at, reverse=True)
        poll = self.poll()
        return {
            "title": session.title,
            "moderated": self.moderated,
            "columns": [{"key": c.key, "title": c.title} for c in self.template.columns],
            "horizons": list(HORIZONS),
            "tables": [{"id": t.id, "label": table_label(t)} for t in tables],
            "personas": [
                {"id": p.id, "name": p.first_name, "role": p.role, "colour": p.colour}
                for p in personas
            ],
            "me": {
                "number": phone.number,
                "name": phone.name,
                "table": phone.table_id,
                "persona": phone.persona_id,
            },
            "ideas": [self._idea_view(i) for i in ideas[:MAX_OWN_IDEAS]],
            "vote": self._vote_view(phone, poll, self._my_dots(phone, poll)) if poll else None,
        }

    def _idea_view(self, idea: PhoneIdea, left: float | None = None) -> dict[str, Any]:
        """What the phone shows of one of its ideas; ``left``: the seconds it can still be
        corrected, when known (read from its time of sending otherwise)."""
        if left is None:
            left = max(0.0, EDIT_SECONDS - _seconds_since(idea.sent_at))
        editable = idea.status in (PENDING, PUBLISHED) and left > 0
        return {
            "id": idea.id,
            "text": idea.text,
            "column": idea.column,
            "horizon": idea.horizon,
            "status": idea.status,
            "editable_for": round(left) if editable else 0,
        }

    def _vote_view(self, phone: Phone, poll: PhonePoll, mine: dict[str, int]) -> dict[str, Any]:
        return {
            "poll": poll.id,
            "open": poll.open,
            "budget": poll.dots_per_phone,
            "used": sum(mine.values()),
            "mine": {k: v for k, v in mine.items() if v > 0},
            "secret": poll.secret,
            "cards": len(self._poll_card_ids(poll)),
        }

    # polls

    def poll(self) -> PhonePoll | None:
        """The latest vote opened for phones (open or closed), if any."""
        return current_poll(self.store, self.session_id)

    def _poll_card_list(self, poll: PhonePoll) -> list[dict[str, Any]]:
        if self._poll_cards is None or self._poll_cards[0] != poll.id:
            cards = session_cards(self.store, self.session_id)
            if poll.card_ids:
                chosen = set(poll.card_ids)
                cards = [c for c in cards if c.id in chosen]
            else:
                cards = [c for c in cards if not self._is_inbox(c.column)] or cards
            titles = {c.key: c.title for c in self.template.columns}
            self._poll_cards = (
                poll.id,
                [{"id": c.id, "text": c.text, "column": titles.get(c.column, "")} for c in cards],
            )
        return self._poll_cards[1]

    def _is_inbox(self, column: str) -> bool:
        return any(c.key == column and c.is_inbox for c in self.template.columns)

    def _poll_card_ids(self, poll: PhonePoll) -> set[str]:
        return {c["id"] for c in self._poll_card_list(poll)}

    def _my_dots(self, phone: Phone, poll: PhonePoll | None) -> dict[str, int]:
        """The phone's dots in this vote (not those it put in an earlier one)."""
        if poll is None:
            return {}
        in_poll = self._poll_card_ids(poll)
        mine: dict[str, int] = {}
        found = self.store.find(
            Vote, session_id=self.session_id, voter_id=phone.id, poll_id=poll.id
        )
        for vote in found:
            if vote.card_id in in_poll and vote.dots > 0:
                mine[vote.card_id] = mine.get(vote.card_id, 0) + vote.dots
        return mine


# the facilitator's actions (undoable Change values)


def settings(store: Store, session_id: str) -> PhoneSettings:
    found = store.find(PhoneSettings, session_id=session_id)
    return found[0] if found else PhoneSettings(session_id=session_id)


def set_moderated(store: Store, session_id: str, on: bool) -> Change:
    """Moderation on (new ideas wait in the queue) or off: a setting kept with the session."""
    current = settings(store, session_id)
    label = "Modérer les idées des téléphones" if on else "Ne plus modérer les idées des téléphones"
    if store.get(PhoneSettings, current.id) is None:
        current.moderated = on
        return Change(label, (changes.create(current),))
    edit = changes.update(current, moderated=on)
    return Change(label, (edit,) if edit.after else ())


def room_code(store: Store, session_id: str) -> tuple[str, Change]:
    """The atelier's room code, and the change that keeps it with the session when the room
    opens for the first time (empty otherwise): the same code every time the room opens, in
    the app and in ``fabrique phones``, so that printed table tents stay right."""
    from fabrique_desktop.live import codes

    current = settings(store, session_id)
    code = codes.normalise(current.code)
    if len(code) == codes.LENGTH and all(ch in codes.ALPHABET for ch in code):
        return code, Change("")
    return new_room_code(store, session_id)


def new_room_code(store: Store, session_id: str) -> tuple[str, Change]:
    """A fresh room code for the atelier (the old one leaked: pages opened with it are
    refused from now on), and the change that keeps it."""
    from fabrique_desktop.live import codes

    current = settings(store, session_id)
    code = codes.new_code()
    while code == current.code:
        code = codes.new_code()
    label = "Nouveau code de la salle des téléphones"
    if store.get(PhoneSettings, current.id) is None:
        current.code = code
        return code, Change(label, (changes.create(current),))
    return code, Change(label, (changes.update(current, code=code),))


def current_poll(store: Store, session_id: str) -> PhonePoll | None:
    polls = store.find(PhonePoll, session_id=session_id)
    return max(polls, key=lambda p: p.opened_at) if polls else None


def waiting(store: Store, session_id: str) -> list[PhoneIdea]:
    """The moderation queue, oldest first."""
    ideas = store.find(PhoneIdea, session_id=session_id, status=PENDING)
    return sorted(ideas, key=lambda i: i.sent_at)


def phones(store: Store, session_id: str) -> list[Phone]:
    return sorted(store.find(Phone, session_id=session_id), key=lambda p: p.number)


def unblock(phone: Phone) -> Change:
    """Lift a block: the phone (and its addresses) may join again; its ideas stay removed."""
    edit = changes.update(phone, blocked=False, blocked_from=[])
    return Change(f"Débloquer le téléphone {phone.number}", (edit,))


def phone_label(phone: Phone, anonymous: bool = True) -> str:
    """« Téléphone 12 », or the name the participant typed when the session is not anonymous."""
    if phone.name and not anonymous:
        return f"{phone.name} (téléphone {phone.number})"
    return f"Téléphone {phone.number}"


def accept(
    store: Store, idea: PhoneIdea, text: str | None = None, ends: ColumnEnds | None = None
) -> Change:
    """A waiting idea goes at the end of its column (its text corrected by the facilitator if
    given). ``ends``: the window's, which knows where the columns end without reading them
    (else the column is read)."""
    phone = store.get(Phone, idea.phone_id)
    text = (text if text is not None else idea.text).strip() or idea.text
    ends = ends or ColumnEnds(store, idea.session_id)
    card = Card(
        session_id=idea.session_id,
        text=text,
        column=idea.column,
        position=ends.next_position(idea.column),
        persona_id=phone.persona_id if phone else None,
        table_id=phone.table_id if phone else None,
        horizon=idea.horizon,
        tags=[PHONE_TAG],
    )
    edit = changes.update(idea, status=PUBLISHED, card_id=card.id)
    return Change("Accepter l'idée d'un téléphone", (changes.create(card), edit))


def set_aside(idea: PhoneIdea) -> Change:
    return Change("Écarter l'idée d'un téléphone", (changes.update(idea, status=SET_ASIDE),))


def block(store: Store, phone: Phone, addresses: Iterable[str] = ()) -> Change:
    """Block a phone and take every idea it sent off the board and out of the queue, and its
    dots away: one step, undone in one step. ``addresses``: those it was heard from (the
    room's ``addresses``), kept as marks so that a new identity from one of them stays out
    after the room reopened too."""
    heard = sorted(address_mark(phone.session_id, a) for a in addresses)
    kept = list(dict.fromkeys([*heard, *phone.blocked_from]))[:MAX_PHONE_ADDRESSES]
    edits: list[Edit] = [changes.update(phone, blocked=True, blocked_from=kept)]
    for idea in store.find(PhoneIdea, session_id=phone.session_id, phone_id=phone.id):
        if idea.status in (PENDING, PUBLISHED):
            if idea.card_id:
                card = store.get(Card, idea.card_id)
                if card is not None and not card.deleted:
                    edits.append(changes.delete(card))
            edits.append(changes.update(idea, status=REMOVED))
    for vote in store.find(Vote, session_id=phone.session_id, voter_id=phone.id):
        if vote.dots:
            edits.append(changes.update(vote, dots=0))
    return Change(f"Bloquer le téléphone {phone.number} et retirer ses idées", tuple(edits))


def open_poll(
    store: Store,
    session_id: str,
    card_ids: list[str] | None = None,
    dots: int = 3,
    secret: bool = False,
) -> Change:
    """Open a dot vote for phones (closing the previous one). A secret vote hides the counts
    on the board and in reports until it is revealed (the session's secret mode)."""
    from fabrique_desktop import votes

    if not 1 <= dots <= votes.MAX_DOTS:
        raise votes.VoteError(
            f"Le nombre de gommettes doit être compris entre 1 et {votes.MAX_DOTS}."
        )
    edits: list[Edit] = []
    previous = current_poll(store, session_id)
    if previous is not None and previous.open:
        edits.append(changes.update(previous, closed_at=now_iso()))
    poll = PhonePoll(
        session_id=session_id,
        card_ids=list(card_ids or []),
        dots_per_phone=dots,
        secret=secret,
        opened_at=now_iso(),
    )
    edits.append(changes.create(poll))
    edits.extend(votes.configure(store, session_id, secret=secret, revealed=False).edits)
    return Change("Ouvrir le vote des téléphones", tuple(edits))


def close_poll(poll: PhonePoll) -> Change:
    """Closing freezes the vote: phones can no longer add or take back dots."""
    return Change("Clore le vote des téléphones", (changes.update(poll, closed_at=now_iso()),))


def poll_totals(store: Store, poll: PhonePoll) -> tuple[int, int]:
    """(dots put by phones in this vote, phones that voted in it)."""
    dots, voters = 0, set()
    for vote in store.find(Vote, session_id=poll.session_id, poll_id=poll.id):
        if vote.dots > 0:
            dots += vote.dots
            voters.add(vote.voter_id)
    return dots, len(voters)
