"""The board as a graphics scene: the template's columns side by side, cards stacked in each.

The scene mirrors the database: ``show_cards`` builds it, ``refresh`` updates the cards a
change touched. It never changes data: a drag (``BoardDrag``) ends with ``cards_dropped``
and whoever listens builds the ``Change``; the database then tells the scene where the
cards are. Where each note goes is computed by ``fabrique_desktop.board_layout`` (sizes in,
positions out); the scene measures the notes and places them; the view decides the type size.
Which cards are chosen is ``BoardSelection``'s; what is drawn behind them, ``ColumnBackdrops``'.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRectF, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QGraphicsScene

from fabrique_desktop import board_layout as layout
from fabrique_desktop.board_layout import COLUMN_PADDING, GAP, SLIM_WIDTH
from fabrique_desktop.model import Card, Persona, Table
from fabrique_desktop.template import Column
from ui import theme
from ui.board_drag import BoardDrag
from ui.board_groups import BoardGroups
from ui.board_placement import BoardPlacement
from ui.board_pointer import BoardPointer
from ui.board_selection import BoardSelection
from ui.card_item import CardItem, CardLook, Fonts
from ui.column_backdrops import ColumnBackdrops

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from PySide6.QtWidgets import QGraphicsSceneContextMenuEvent, QGraphicsSceneMouseEvent

    from fabrique_desktop.groups import Cluster
    from ui.board_overview import Overview

EAGER_PER_COLUMN = 25  # notes made before the window shows; the rest right after
EAGER_BOARD = 300  # a board this small is made at once
ADD_CHUNK = 400
DIMMED_OPACITY = 0.22
HIGH_CONTRAST_BOARD = "#000000"
DESK_PIXEL_SIZE = 20  # card text on the laptop at zoom 1
PROJECTOR_PIXEL_SIZE = 30  # card text on the projector at zoom 1 (at least 28 px: issue 3)


class BoardScene(QGraphicsScene):
    """Signals:
    laid_out(): cards were placed again (counts or heights may have changed).
    card_activated(str): a card was double-clicked (edit it).
    context_menu_requested(QPoint): right click (screen position); the selection is set.
    cards_dropped(list, str, object, object): cards (ids, board order) dropped in a column
        (key) before a card (its id; None: after the last), inside the frame of a group (its
        id) or not (None).
    group_activated(str): a group's name band was double-clicked (rename it).
    unfold_requested(str): a folded column (a slim band with cards, on a narrow screen) must
        come into sight: one of its cards is to be shown, or its band was clicked.
    widths_changed(): a column was or became empty, so its width may change: the view fits
        the columns again now (``set_metrics`` lays the board out, once).
    """

    laid_out = Signal()
    card_activated = Signal(str)
    context_menu_requested = Signal(QPoint)
    cards_dropped = Signal(list, str, object, object)
    group_activated = Signal(str)
    unfold_requested = Signal(str)
    widths_changed = Signal()

    def __init__(self, columns: tuple[Column, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.high_contrast = False
        self.column_width = 0.0  # unknown until the view fits the columns to its width
        self.pixel_size = float(DESK_PIXEL_SIZE)
        self.fonts = Fonts(QFont(QApplication.font()), self.pixel_size)
        self.items_by_id: dict[str, CardItem] = {}
        # what the notes show, read by the views; changed through the set_ methods only
        self.personas: dict[str, Persona] = {}
        self.tables: dict[str, Table] = {}
        self.vote_counts: dict[str, int] = {}
        self.votes_secret = False
        self.fused_sources: dict[str, set[str]] = {}  # a fused card's id: its originals' ids
        self.dimmed: set[str] = set()
        self._pending: dict[str, Card] = {}
        self.slim_columns: frozenset[str] = frozenset()  # empty (or folded) columns: a slim band
        self.overview: Overview | None = None  # the whole board as tiles (BoardView.overview)
        self._add_timer = QTimer(self)
        self._add_timer.setSingleShot(True)
        self._add_timer.timeout.connect(self._add_some)
        self.groups = BoardGroups(self)
        self.cluster_items = self.groups.items  # the frames, by group id (the same dict)
        self.setBackgroundBrush(QColor(theme.BOARD_BACKGROUND))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.backdrops = ColumnBackdrops(self, columns)
        self.drag = BoardDrag(self)
        self.indicator = self.drag.indicator  # the drop line
        self.selection = BoardSelection(self)
        self.pointer = BoardPointer(self)
        self.placement = BoardPlacement(self)
        self.selectionChanged.connect(self._show_chosen_group)  # dies with the scene

    # building and refreshing

    def show_cards(self, cards: list[Card]) -> None:
        """Show a session's cards. The first ones of each column get their notes at once;
        the others (below the fold) are added just after the window is shown."""
        for item in self.items_by_id.values():
            self.removeItem(item)
        self.items_by_id.clear()
        self._pending.clear()
        seen: dict[str, int] = {}
        for card in sorted(cards, key=lambda c: c.position):
            seen[card.column] = seen.get(card.column, 0) + 1
            if len(cards) <= EAGER_BOARD or seen[card.column] <= EAGER_PER_COLUMN:
                self._add(card)
            else:
                self._pending[card.id] = card
        self.layout_cards()
        if self._pending:
            self._add_timer.start(0)

    def refresh(self, cards: Iterable[Card]) -> None:
        """Bring the given cards up to date: add, update, or remove (deleted/merged) them.
        Only the columns they were or are in are laid out again (a phone's idea arriving in
        « À trier » does not move the other notes)."""
        columns: set[str] = set()
        was_in: set[str] = set()  # the columns a changed card was in (new cards: none)
        ids: set[str] = set()
        cards = list(cards)
        self._follow_fusions(cards)
        for card in cards:
            self._pending.pop(card.id, None)
            item = self.items_by_id.get(card.id)
            ids.add(card.id)
            columns.add(card.column)
            if item is not None:
                was_in.add(item.card.column)
            gone = card.deleted or card.merged_into is not None
            if gone and item is not None:
                self.removeItem(item)
                del self.items_by_id[card.id]
            elif not gone and item is None:
                self._add(card)
            elif item is not None:
                item.tint = self._column(card.column).tint
                item.setOpacity(self.opacity_of(card.id))
                item.set_card(card, self._look(card))
        self._lay_out_columns(columns | was_in, ids, was_in)

    def card(self, card_id: str) -> Card | None:
        """A card on the board (its note made or not yet), or None."""
        item = self.items_by_id.get(card_id)
        return item.card if item is not None else self._pending.get(card_id)

    def all_cards(self) -> list[Card]:
        """Every card of the board, those whose note is not made yet included."""
        return [i.card for i in self.items_by_id.values()] + list(self._pending.values())

    def flush(self) -> None:
        """Make every pending note now (tests, screenshots, the projector window)."""
        self._add_timer.stop()
        while self._pending:
            self._add_some()

    def measure_all(self) -> None:
        """Make and measure every note now (tests, screenshots)."""
        self.flush()
        self.placement.stop_measuring()
        for item in self.items_by_id.values():
            if not item.measured:
                item.measure()
        self.layout_cards()

    # what the cards show

    def set_people(self, personas: Iterable[Persona], tables: Iterable[Table]) -> None:
        """Names and colours to show for persona and table ids."""
        self.personas = {p.id: p for p in personas}
        self.tables = {t.id: t for t in tables}
        for item in self.items_by_id.values():
            item.set_look(self._look(item.card))
        self.layout_cards()

    def set_clusters(self, clusters: Iterable[Cluster]) -> None:
        """The session's groups: their cards are shown together, framed, under their name."""
        self.groups.set_clusters(clusters)
        self._style_clusters()
        self.layout_cards()

    def set_vote_counts(self, counts: dict[str, int]) -> None:
        """Dots per card id; the cards show them as a badge (0 or absent: no badge)."""
        self.vote_counts = dict(counts)
        for card_id, item in self.items_by_id.items():
            item.set_votes(self.vote_counts.get(card_id, 0))
        self.layout_cards()

    def set_votes_secret(self, secret: bool) -> None:
        """A secret vote not yet revealed: every card says « secret » instead of a count."""
        if secret == self.votes_secret:
            return
        self.votes_secret = secret
        for card_id, item in self.items_by_id.items():
            item.set_votes(self.vote_counts.get(card_id, 0), secret)
        self.layout_cards()

    def update_vote_counts(self, moved: dict[str, int]) -> None:
        """Some cards' dots changed (0: no more dots); the other notes are not touched."""
        grown: set[str] = set()
        for card_id, value in moved.items():
            if value:
                self.vote_counts[card_id] = value
            else:
                self.vote_counts.pop(card_id, None)
            item = self.items_by_id.get(card_id)
            if item is not None:
                height = item.height()
                item.set_votes(value)
                if item.height() != height:  # the dots' pill came or went: the column moves
                    grown.add(item.card.column)
        self._lay_out_columns(grown, set(moved), grown)

    def set_dimmed(self, card_ids: set[str]) -> None:
        """Cards left out by a filter: drawn faded; the column counts show what remains."""
        before, self.dimmed = self.dimmed, set(card_ids)
        for card_id in before ^ self.dimmed:  # only the notes whose state changes
            item = self.items_by_id.get(card_id)
            if item is not None:
                item.setOpacity(self.opacity_of(card_id))
        self.laid_out.emit()

    def opacity_of(self, card_id: str) -> float:
        return DIMMED_OPACITY if card_id in self.dimmed else 1.0

    def set_metrics(
        self, column_width: float, pixel_size: float, slim: frozenset[str] = frozenset()
    ) -> None:
        """The width of a column with cards, the type size, and the empty columns drawn
        as a slim band (SLIM_WIDTH) until a card arrives."""
        if (column_width, pixel_size, slim) == (
            self.column_width,
            self.pixel_size,
            self.slim_columns,
        ):
            return
        self.column_width = column_width
        if slim != self.slim_columns:
            self.slim_columns = slim
            self.placement.forget_size()  # the backgrounds move
        if pixel_size != self.pixel_size:
            self.pixel_size = pixel_size
            self.fonts = Fonts(self.fonts.text, pixel_size)
            self._style_clusters()
        for item in self.items_by_id.values():
            item.set_geometry(self.fonts, self._card_width())
        self.layout_cards()

    def fit_height(self) -> None:
        """The view's height changed alone (the timer's band came or went): the columns'
        scrolling, marks and backgrounds follow it."""
        height = self.view_height()
        if height is not None and height != self.placement.laid_height():
            self.layout_cards()

    def refresh_fonts(self) -> None:
        """Measure every note again with the application's font (fallback fonts added)."""
        self.fonts = Fonts(QFont(QApplication.font()), self.pixel_size)
        for item in self.items_by_id.values():
            item.set_geometry(self.fonts, self._card_width())
        self.layout_cards()

    def set_high_contrast(self, on: bool) -> None:
        """The projector theme: dark board, columns in their full colour, light notes."""
        self.high_contrast = on
        self.setBackgroundBrush(QColor(HIGH_CONTRAST_BOARD if on else theme.BOARD_BACKGROUND))
        self.backdrops.set_high_contrast(on)
        self._style_clusters()
        self.backdrops.place_slim_titles(self.slim_columns, self.fonts.text, self.pixel_size)
        self.update()

    def set_overview(self, overview: Overview | None) -> None:
        """Show every card as a tile (an Overview), or as a whole note again (None)."""
        self.overview = overview
        for item in self.items_by_id.values():
            if overview is None:
                item.set_tile(None)
        for cluster_item in self.cluster_items.values():
            cluster_item.setVisible(overview is None)
        self.placement.reset_scroll()
        self.layout_cards()

    # reading the board

    def stack(self, column: str) -> list[CardItem]:
        """A column's notes as shown, top to bottom (the scene's own list: do not change it)."""
        return self.placement.stack(column)

    def cards_in(self, column: str) -> list[CardItem]:
        return list(self.stack(column))

    def count(self, column: str) -> int:
        pending = sum(1 for c in self._pending.values() if c.column == column)
        return len(self.stack(column)) + pending

    def visible_count(self, column: str) -> int:
        shown = sum(1 for i in self.stack(column) if i.card.id not in self.dimmed)
        pending = (c for c in self._pending.values() if c.column == column)
        return shown + sum(1 for c in pending if c.id not in self.dimmed)

    @property
    def clusters(self) -> dict[str, Cluster]:
        return self.groups.clusters

    @property
    def filtering(self) -> bool:
        return bool(self.dimmed)

    def is_folded(self, column: str) -> bool:
        """A slim band whose cards are hidden (a narrow screen)."""
        return self.placement.is_folded(column)

    # the selection (BoardSelection)

    def selected_card_ids(self) -> list[str]:
        return self.selection.selected_card_ids()

    def current_card_id(self) -> str | None:
        return self.selection.current_card_id()

    def select_cards(self, card_ids: Iterable[str], current: str | None = None) -> None:
        self.selection.select_cards(card_ids, current)

    def move_selection(self, dx: int, dy: int, extend: bool = False) -> str | None:
        return self.selection.move(dx, dy, extend)

    def selected_group(self) -> str | None:
        return self.selection.selected_group()

    def select_group(self, cluster_id: str) -> None:
        self.selection.select_group(cluster_id)

    def unfold_for(self, item: CardItem) -> None:
        """A card about to be chosen or shown: its column, if folded, comes into sight (a
        hidden note cannot be selected)."""
        if item.card.column in self.slim_columns:
            self.unfold_requested.emit(item.card.column)

    # where things are

    def column_width_of(self, key: str) -> float:
        return SLIM_WIDTH if key in self.slim_columns else self.column_width

    def column_left(self, key: str) -> float:
        """Where a column starts, in scene coordinates."""
        widths = [self.column_width_of(c.key) for c in self.columns]
        keys = [c.key for c in self.columns]
        lefts = layout.column_lefts(widths)
        return lefts[keys.index(key)] if key in keys else lefts[-1] + widths[-1] + GAP

    def column_at(self, x: float) -> str:
        """The column at ``x`` (the gap after a column belongs to it)."""
        widths = [self.column_width_of(c.key) for c in self.columns]
        return self.columns[layout.column_at(widths, x)].key

    def column_rect(self, column: str) -> QRectF:
        return self.backdrops.rect(column)

    def drop_index(self, column: str, y: float, moving: Iterable[str] = ()) -> int:
        """Where cards dropped at height ``y`` land, among the column's other cards."""
        skip = set(moving)
        others = [i for i in self.stack(column) if i.card.id not in skip]
        if self.is_folded(column):  # a folded column: after its last card
            return len(others)
        return layout.drop_index([(i.pos().y(), i.height()) for i in others], y)

    def group_at(self, column: str, y: float) -> str | None:
        """The group of ``column`` whose frame covers height ``y``, or None."""
        return self.groups.at(column, y)

    # layout and scrolling (BoardPlacement)

    def layout_cards(self) -> None:
        self.placement.lay_out_all()

    def refit(self) -> None:
        """Cards came into an empty column or left one: the view decides the widths again,
        then the board is laid out once (by ``set_metrics``, or here if nothing changed)."""
        passes = self.placement.passes
        self.widths_changed.emit()
        if self.placement.passes == passes:
            self.layout_cards()

    def _lay_out_columns(self, columns: set[str], ids: set[str], was_in: set[str]) -> None:
        self.placement.lay_out_columns(columns, ids, was_in)

    def column_offset(self, key: str) -> float:
        """How far a column is scrolled (0: its first card at the top)."""
        return self.placement.column_offset(key)

    def content_height(self, key: str | None = None) -> float:
        """The height of a column with all its cards (the tallest column's if None)."""
        return self.placement.content_height(key)

    def scroll_column(self, key: str, dy: float) -> bool:
        """Scroll one column by ``dy`` pixels (the others do not move); True if it moved."""
        return self.placement.scroll_column(key, dy)

    def show_card_whole(self, card_id: str, margin: float = 10.0, unfold: bool = True) -> None:
        self.placement.show_card_whole(card_id, margin, unfold)

    # private

    def _style_clusters(self) -> None:
        self.groups.style(self.fonts, lambda key: self._column(key).colour, self.high_contrast)

    def _show_chosen_group(self) -> None:
        self.selection.show_chosen_group()

    def _add_some(self) -> None:
        chunk = list(self._pending.values())[:ADD_CHUNK]
        for card in chunk:
            del self._pending[card.id]
            self._add(card)
        self.layout_cards()
        if self._pending:
            self._add_timer.start(0)

    def view_height(self) -> float | None:
        """The height of the board's view (every column scrolls within it), or None without
        a shown view (an image of the whole board)."""
        for view in self.views():
            if view.isVisible():
                # maximumViewportSize, not viewport(): see BoardView._viewport_width
                return float(max(200, view.maximumViewportSize().height()))
        return None

    def _card_width(self) -> float:
        return self.column_width - 2 * COLUMN_PADDING

    def _column(self, key: str) -> Column:
        return next((c for c in self.columns if c.key == key), self.columns[0])

    def _look(self, card: Card) -> CardLook:
        persona = self.personas.get(card.persona_id or "")
        table = self.tables.get(card.table_id or "")
        return CardLook(
            persona_name=persona.first_name if persona else "",
            persona_colour=persona.colour if persona else "",
            table=f"T{table.number}" if table else "",
            fused=len(self.fused_sources.get(card.id, ())),
        )

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
        width = self._card_width() if self.column_width else 0.0
        item = CardItem(card, self._column(card.column).tint, self.fonts, width)
        if card.persona_id or card.table_id or card.id in self.fused_sources:
            item.look = self._look(card)
        if self.vote_counts.get(card.id) or self.votes_secret:
            item.votes = self.vote_counts.get(card.id, 0)
            item.votes_secret = self.votes_secret
        if card.id in self.dimmed:
            item.setOpacity(DIMMED_OPACITY)
        self.addItem(item)
        self.items_by_id[card.id] = item

    # Qt overrides: the mouse is BoardPointer's and BoardDrag's

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.pointer.press(event):
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.drag.move(event):
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.drag.release(event.scenePos()):
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.pointer.double_click(event):
            event.accept()
        else:
            super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        self.pointer.context_menu(event)
        event.accept()
