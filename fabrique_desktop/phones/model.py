"""What the session keeps about phones: identities, the ideas they sent, the votes opened.

A phone is an anonymous random identity the phone keeps (its page stores the id and a secret
token; only the token's hash is kept here). Its ideas become ordinary cards tagged
« téléphone »; ``PhoneIdea`` remembers which phone sent which card (to list a phone's own
ideas, to let it correct or withdraw one within a minute, to remove a blocked phone's ideas)
and holds the ideas waiting in the moderation queue. ``PhonePoll`` is a dot vote opened for
phones: on all cards or a selection, with a budget of dots per phone; its dots are ordinary
``Vote`` rows whose voter is the phone (voter kind ``phones``) and whose ``poll_id`` is the vote,
so that each vote counts only its own dots and a closed vote's results stay as they were.
``PhoneSettings`` keeps the room's moderation switch and its code with the session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from fabrique_desktop.model import Entity, register

PENDING = "pending"  # waiting in the moderation queue
PUBLISHED = "published"  # on the board (``card_id``)
SET_ASIDE = "set_aside"  # refused by the facilitator (kept, not shown)
WITHDRAWN = "withdrawn"  # taken back by the phone within the minute
REMOVED = "removed"  # its phone was blocked


@register
@dataclass(kw_only=True)
class Phone(Entity):
    kind: ClassVar[str] = "phones"

    session_id: str = ""
    number: int = 0
    token_hash: str = ""
    name: str = ""
    table_id: str | None = None
    persona_id: str | None = None
    blocked: bool = False
    blocked_from: list[str] = field(default_factory=list)
    """A blocked phone's addresses, as marks (``room.address_mark``: salted with the session,
    never the address itself): a new identity from one of them is refused, after the room
    reopened too, until the facilitator lifts the block (which empties it)."""


@register
@dataclass(kw_only=True)
class PhoneIdea(Entity):
    kind: ClassVar[str] = "phone_ideas"

    session_id: str = ""
    phone_id: str = ""
    text: str = ""
    column: str = ""
    horizon: str = ""
    status: str = PENDING
    card_id: str | None = None
    sent_at: str = ""


@register
@dataclass(kw_only=True)
class PhonePoll(Entity):
    kind: ClassVar[str] = "phone_polls"

    session_id: str = ""
    card_ids: list[str] = field(default_factory=list)
    """The cards phones vote on; empty: every card on the board."""
    dots_per_phone: int = 3
    secret: bool = False
    opened_at: str = ""
    closed_at: str | None = None

    @property
    def open(self) -> bool:
        return not self.deleted and self.closed_at is None


@register
@dataclass(kw_only=True)
class PhoneSettings(Entity):
    """The phone room's settings that stay with the session (closing the atelier keeps them)."""

    kind: ClassVar[str] = "phone_settings"

    session_id: str = ""
    moderated: bool = False
    """New ideas wait in the facilitator's queue before they reach the board."""
    code: str = ""
    """The room code phones type (and the QR code's address holds): one per atelier, the same
    each time the room opens (table tents printed in the morning stay right), until the
    facilitator asks for a new one; empty until the room first opens."""
