"""The board's notes, one ``CardItem`` per card: made, brought up to date, removed.

``show`` builds them for a session's cards: on a large board only the first ones of each
column at once, the others a chunk per turn of the event loop from the window's first frame
on (« pending »: the card is on the board, its note not made yet). A large board's cards
below the fold may not even be read yet (« unread »: only counted, per column; read at
the first of those turns, or as soon as something asks for every card or a change comes).
``refresh`` follows the cards a change touched; only their columns are laid out again. What
a note shows besides its card (persona, table, fused originals) is said here too; its dots
and dimming by ``VoteBadges`` and ``DimmedCards``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from fabrique_desktop.board_layout import COLUMN_PADDING
from fabrique_desktop.model import Card, Persona, Table
from ui.card_item import CardItem, CardLook
from ui.first_frame import after_first_frame

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from ui.board_scene import BoardScene

EAGER_PER_COLUMN = 25  # notes made before the window shows; the rest right after
EAGER_BOARD = 300  # a board this small is made at once
ADD_CHUNK = 400


class BoardNotes:
    def __init__(self, scene: BoardScene) -> None:
        self._scene = scene
        self.items: dict[str, CardItem] = {}  # by card id (the scene's ``items_by_id``)
        self._pending: dict[str, Card] = {}  # cards whose note is not made yet
        self._pending_in: Counter[str] = Counter()  # how many of them, per column (unread too)
        self._unread: Counter[str] = Counter()  # pending cards not read yet, per column
        self._read: Callable[[set[str]], list[Card]] | None = None
        self.personas: dict[str, Persona] = {}
        self.tables: dict[str, Table] = {}
        self.fused_sources: dict[str, set[str]] = {}  # a fused card's id: its originals' ids
        self._unfitted = False  # the scene's metrics changed while it waited for its first paint
        self.read_only: dict[str, str] = {}  # earlier ateliers' pistes: id → their trace
        # a Valeurs wall: the cards a paradox was formed from (id → its number), the values
        # adopted (key → name), and how a note says so (translated by the board's actions)
        self.paradoxes: dict[str, int] = {}
        self.adopted: frozenset[str] = frozenset()
        self.paradox_label = "Paradoxe {}"
        self.value_label = "Valeur adoptée"
        self._timer = QTimer(scene)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.add_some)

    # building and refreshing

    def show(
        self,
        cards: list[Card],
        unread: Mapping[str, int] | None = None,
        read: Callable[[set[str]], list[Card]] | None = None,
    ) -> None:
        """Show a session's cards. The first ones of each column get their notes at once;
        the others (below the fold) are added just after the window is shown. ``unread``:
        how many more cards each column has, that ``read`` gives when asked (every card of
        the board but those whose ids it is given) after the window's first frame."""
        for item in self.items.values():
            self._scene.removeItem(item)
        self.items.clear()
        self._pending.clear()
        self._pending_in.clear()
        self._unread = Counter({k: n for k, n in (unread or {}).items() if n > 0})
        self._read = read if self._unread else None
        self._pending_in.update(self._unread)
        seen: dict[str, int] = {}
        small = len(cards) + len(self._unread) <= EAGER_BOARD
        for card in sorted(cards, key=lambda c: c.position):
            seen[card.column] = seen.get(card.column, 0) + 1
            if small or seen[card.column] <= EAGER_PER_COLUMN:
                self._add(card)
            else:
                self._pending[card.id] = card
                self._pending_in[card.column] += 1
        self._scene.layout_cards()
        if self._pending or self._unread:  # after the window's first frame (a zero timer
            # would come before it)
            views = self._scene.views()
            if views:
                after_first_frame(views[0].window(), self._timer.start)
            else:
                self._timer.start(0)

    def refresh(self, cards: Iterable[Card]) -> None:
        """Bring the given cards up to date: add, update, or remove (deleted/merged) them.
        Only the columns they were or are in are laid out again (a phone's idea arriving in
        « À trier » does not move the other notes)."""
        columns: set[str] = set()
        was_in: set[str] = set()  # the columns a changed card was in (new cards: none)
        ids: set[str] = set()
        cards = list(cards)
        self.read_all()  # the cards not read yet, as stored now: this change included
        self._follow_fusions(cards)
        for card in cards:
            self._unpend(card.id)
            item = self.items.get(card.id)
            ids.add(card.id)
            columns.add(card.column)
            if item is not None:
                was_in.add(item.card.column)
            gone = card.deleted or card.merged_into is not None
            if gone and item is not None:
                self._scene.removeItem(item)
                del self.items[card.id]
            elif not gone and item is None:
                self._add(card)
            elif item is not None:
                item.tint = self._scene.column(card.column).tint
                item.setOpacity(self._scene.dims.opacity_of(card.id))
                item.set_card(card, self.look(card))
        self._scene.placement.lay_out_columns(columns | was_in, ids, was_in)

    def add_some(self) -> None:
        """Make the next chunk of pending notes, then the next turn the rest."""
        self.read_all()
        chunk = list(self._pending.values())[:ADD_CHUNK]
        for card in chunk:
            self._unpend(card.id)
            self._add(card)
        self._scene.layout_cards()
        if self._pending:
            self._timer.start(0)

    def flush(self) -> None:
        """Make every pending note now (tests, screenshots, the projector window)."""
        self._timer.stop()
        self.read_all()
        while self._pending:
            self.add_some()

    def read_all(self) -> None:
        """Read the cards not read yet (pending from now on, in board order). A change
        seen before reads them first: what is read is the board as stored, each card once."""
        if not self._unread:
            return
        self._pending_in.subtract(self._unread)
        self._unread.clear()
        read, self._read = self._read, None
        assert read is not None
        for card in read(set(self.items) | set(self._pending)):
            if not card.deleted and card.merged_into is None:
                self._pending[card.id] = card
                self._pending_in[card.column] += 1

    def measure_all(self) -> None:
        """Make, measure and place every note now (tests, screenshots)."""
        self.flush()
        self.fit_now()
        self._scene.placement.stop_measuring()
        for item in self.items.values():
            if not item.measured:
                item.measure()
        self._scene.placement.lay_out_all(now=True)

    def set_people(self, personas: Iterable[Persona], tables: Iterable[Table]) -> None:
        """Names and colours to show for persona and table ids."""
        self.personas = {p.id: p for p in personas}
        self.tables = {t.id: t for t in tables}
        for item in self.items.values():
            item.set_look(self.look(item.card))
        self._scene.layout_cards()

    def set_marks(self, paradoxes: dict[str, int], adopted: frozenset[str]) -> bool:
        """Which cards a paradox was formed from and which values are adopted (a value
        key on a card says it was adopted as that value); whether a note changed."""
        if (paradoxes, adopted) == (self.paradoxes, self.adopted):
            return False
        self.paradoxes, self.adopted = dict(paradoxes), adopted
        for item in self.items.values():
            item.set_look(self.look(item.card))
        return True

    def fit(self) -> None:
        """The notes take the scene's type and column width (measured again, lazily). At
        start-up, once, when the board is first placed (``fit_now``): each size the window
        went through before its first frame (built, shown, maximised) guessed every note's
        height again."""
        if self._scene.placement.wait_for_paint:
            self._unfitted = True
            return
        self._unfitted = False
        scene = self._scene
        for item in self.items.values():
            item.set_geometry(scene.fonts, scene.column_width - 2 * COLUMN_PADDING)

    def fit_now(self) -> None:
        """The type and width the scene was given while it waited for its first paint."""
        if self._unfitted:
            self._unfitted = False
            self.fit()

    # reading the board

    def card(self, card_id: str) -> Card | None:
        """A card on the board (its note made or not yet), or None."""
        if card_id not in self.items and card_id not in self._pending:
            self.read_all()  # (perhaps among those not read yet)
        item = self.items.get(card_id)
        return item.card if item is not None else self._pending.get(card_id)

    def all_cards(self) -> list[Card]:
        """Every card of the board, those whose note is not made yet included."""
        self.read_all()
        return [i.card for i in self.items.values()] + list(self._pending.values())

    def count(self, column: str) -> int:
        return len(self._scene.stack(column)) + self._pending_in[column]

    def visible_count(self, column: str) -> int:
        """The column's cards not dimmed by a filter."""
        self.read_all()
        dimmed = self._scene.dims.ids
        shown = sum(1 for i in self._scene.stack(column) if i.card.id not in dimmed)
        pending = (c for c in self._pending.values() if c.column == column)
        return shown + sum(1 for c in pending if c.id not in dimmed)

    def look(self, card: Card) -> CardLook:
        """What a note shows besides its card's own fields."""
        persona = self.personas.get(card.persona_id or "")
        table = self.tables.get(card.table_id or "")
        return CardLook(
            persona_name=persona.first_name if persona else "",
            persona_colour=persona.colour if persona else "",
            table=f"T{table.number}" if table else "",
            fused=len(self.fused_sources.get(card.id, ())),
            trace=self.read_only.get(card.id, ""),
            mark=self._mark(card),
        )

    def _mark(self, card: Card) -> str:
        marks = []
        if card.id in self.paradoxes:
            marks.append(self.paradox_label.format(self.paradoxes[card.id]))
        if any(key in self.adopted for key in card.value_keys):
            marks.append(self.value_label)
        return "  ".join(marks)

    # private

    def _unpend(self, card_id: str) -> None:
        card = self._pending.pop(card_id, None)
        if card is not None:
            self._pending_in[card.column] -= 1

    def _follow_fusions(self, cards: Iterable[Card]) -> None:
        """Which cards are fusions of which (a fused card shows it): from the changed rows,
        before any note is made or restyled."""
        for card in cards:
            for sources in self.fused_sources.values():
                sources.discard(card.id)
            if card.merged_into is not None and not card.deleted:
                self.fused_sources.setdefault(card.merged_into, set()).add(card.id)
        for key in [k for k, v in self.fused_sources.items() if not v]:
            del self.fused_sources[key]

    def _add(self, card: Card) -> None:
        scene = self._scene
        width = scene.column_width - 2 * COLUMN_PADDING if scene.column_width else 0.0
        waiting = scene.placement.wait_for_paint  # (guessed once, at the first paint)
        self._unfitted |= waiting
        tint = scene.column(card.column).tint
        item = CardItem(card, tint, scene.fonts, width, estimate=not waiting)
        if card.persona_id or card.table_id or card.id in self.fused_sources:
            item.look = self.look(card)
        if card.id in self.read_only:  # chosen for an engagement only: never moved nor edited
            item.look = self.look(card)
        if card.id in self.paradoxes or (self.adopted and card.value_keys):  # a Valeurs wall's
            item.look = self.look(card)
        scene.votes.dress(item)
        scene.dims.dress(item)
        scene.addItem(item)
        self.items[card.id] = item
