"""The open session of a window: its store, series, template and change bus."""

from __future__ import annotations

from PySide6.QtCore import QObject

from fabrique_desktop import board, earlier_pistes
from fabrique_desktop.changes import Change, Origin
from fabrique_desktop.earlier_pistes import EarlierCard, EarlierObjective
from fabrique_desktop.model import INBOX, Card, Series, Session
from fabrique_desktop.ports import Store
from fabrique_desktop.template import Template
from fabrique_desktop.workspace import session_template
from ui.board_notes import EAGER_BOARD, EAGER_PER_COLUMN
from ui.change_bus import ChangeBus


class BoardController(QObject):
    """One session's data for its window; every write goes through ``bus``."""

    def __init__(self, store: Store, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.session = session
        series = store.get(Series, session.series_id)
        assert series is not None
        self.series = series
        self.template: Template = session_template(series, session)
        self.bus = ChangeBus(store, self)
        self.ends = board.ColumnEnds(store, session.id)  # where a new card goes
        self.bus.changed.connect(self._on_changed)

    def cards(self) -> list[Card]:
        cards = board.session_cards(self.store, self.session.id)
        self.ends.know(cards)
        return cards

    def opening(self) -> board.BoardOpening:
        """The board as its first frame needs it: on a large board the first cards of each
        column, the others read after that frame (``BoardNotes``)."""
        opening = board.open_board(self.store, self.session.id, EAGER_PER_COLUMN, EAGER_BOARD)
        self.ends.know_last(opening.ends)
        return opening

    def read_cards(self, known: set[str]) -> list[Card]:
        """The board's cards as stored now but those ``known`` (its cards read after its
        first frame), in board order."""
        return [c for c in board.session_cards(self.store, self.session.id) if c.id not in known]

    def earlier_cards(self) -> list[EarlierCard]:
        """A Convergence atelier's wall: the earlier ateliers' pistes, read-only, traced."""
        return earlier_pistes.earlier_cards(self.store, self.session, self.template)

    def earlier_objectives(self, shown: list[EarlierCard]) -> list[EarlierObjective]:
        """The objectives of the earlier Objectifs ateliers around the pistes ``shown``."""
        return earlier_pistes.earlier_objectives(self.store, shown)

    def card(self, card_id: str) -> Card | None:
        return self.store.get(Card, card_id)

    def capture(self, text: str, column: str = INBOX, **fields: object) -> str | None:
        """Add a card; returns its id once it is committed, or ``None`` for empty text."""
        change = board.capture(self.store, self.session.id, text, column, self.ends, **fields)
        if not self.bus.push(change):
            return None
        return next(iter(change.touched(Card.kind)), None)

    def _on_changed(self, change: Change, origin: Origin) -> None:
        """Cards moved or added (the columns' ends follow); the session itself was renamed
        (session manager, another laptop, an undo)."""
        if change.touched(Card.kind):
            self.ends.follow(change.read(Card).values())
        if self.session.id in change.touched(Session.kind):
            session = change.read(Session).get(self.session.id)
            if session is not None:
                self.session = session
