"""The board as a graphics scene: the template's columns side by side, cards stacked in each.

The scene mirrors the database: ``show_cards`` builds it, ``refresh`` updates the cards a
change touched. It never changes data: a drag ends with ``cards_dropped`` and whoever
listens builds the ``Change``; the database then tells the scene where the cards are.
Layout is computed here; the view decides the type size.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from fabrique_desktop.model import Card, Persona, Table
from fabrique_desktop.template import Column
from ui import theme
from ui.card_item import CardItem, CardLook, Fonts
from ui.cluster_item import ClusterItem

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from PySide6.QtWidgets import (
        QGraphicsSceneContextMenuEvent,
        QGraphicsSceneMouseEvent,
        QGraphicsView,
    )

    from fabrique_desktop.groups import Cluster

GAP = 12.0
COLUMN_PADDING = 10.0
EAGER_PER_COLUMN = 25  # notes made before the window shows; the rest right after
EAGER_BOARD = 300  # a board this small is made at once
ADD_CHUNK = 400
MEASURE_CHUNK = 250  # notes measured per idle step after the window is shown
DIMMED_OPACITY = 0.22
HIGH_CONTRAST_BOARD = "#000000"
AUTOSCROLL_MARGIN = 48  # a drag this close to the view's top or bottom edge scrolls it
AUTOSCROLL_STEP = 28  # pixels per tick at the very edge
AUTOSCROLL_INTERVAL = 30  # ms between ticks while the pointer stays near the edge
DESK_PIXEL_SIZE = 20  # card text on the laptop at zoom 1
PROJECTOR_PIXEL_SIZE = 30  # card text on the projector at zoom 1 (at least 28 px: issue 3)
SLIM_WIDTH = 64.0  # an empty column, while others have cards: a band to drop on
SCROLL_MARK = 6.0  # the width of a column's scroll mark, in its right padding
CLUSTER_GAP = 6.0  # between a group's frame and its cards, above and below
GROUP_INSET = 14.0  # the drop indicator inside a group's frame: the card joins the group
TILE_GAP = 4.0  # between the overview's tiles


@dataclass(frozen=True)
class Overview:
    """The whole board at a glance: each card a tile of ``lines`` lines (its first words)
    in ``across`` tiles per column row, in ``font``."""

    font: QFont
    across: int
    tile_height: float
    lines: int = 1

    def tile_width(self, column_width: float) -> float:
        inner = column_width - 2 * COLUMN_PADDING - (self.across - 1) * TILE_GAP
        return math.floor(inner / self.across)


class BoardScene(QGraphicsScene):
    """Signals:
    laid_out(): cards were placed again (counts or heights may have changed).
    card_activated(str): a card was double-clicked (edit it).
    context_menu_requested(QPoint): right click (screen position); the selection is set.
    cards_dropped(list, str, int, object): cards (ids, board order) dropped in a column
        (key) before the card at an index counted without the moving cards, inside the frame
        of a group (its id) or not (None).
    group_activated(str): a group's name band was double-clicked (rename it).
    unfold_requested(str): a folded column (a slim band with cards, on a narrow screen) must
        come into sight: one of its cards is to be shown, or its band was clicked.
    """

    laid_out = Signal()
    card_activated = Signal(str)
    context_menu_requested = Signal(QPoint)
    cards_dropped = Signal(list, str, int, object)
    group_activated = Signal(str)
    unfold_requested = Signal(str)

    def __init__(self, columns: tuple[Column, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.high_contrast = False
        self.column_width = 0.0  # unknown until the view fits the columns to its width
        self.pixel_size = float(DESK_PIXEL_SIZE)
        self.fonts = Fonts(QFont(QApplication.font()), self.pixel_size)
        self.items_by_id: dict[str, CardItem] = {}
        self._order: dict[str, list[CardItem]] = {c.key: [] for c in columns}
        self._personas: dict[str, Persona] = {}
        self._tables: dict[str, Table] = {}
        self._votes: dict[str, int] = {}
        self._votes_secret = False
        self._dimmed: set[str] = set()
        self._current: str | None = None
        self._press: tuple[QPointF, CardItem, bool] | None = None
        self._drag: list[CardItem] = []
        self._drag_offset = QPointF()
        self._pending: dict[str, Card] = {}
        self._laid_size = (0.0, 0.0)
        self._kept_whole: str | None = None  # the card last shown whole (show_card_whole)
        self._slim: frozenset[str] = frozenset()  # empty (or folded) columns: a slim band
        self._hidden: set[str] = set()  # folded columns whose cards are hidden
        self._offsets: dict[str, float] = {}  # how far each column is scrolled
        self._content: dict[str, float] = {}  # each column's height, all its cards laid
        self._marks: dict[str, QGraphicsRectItem] = {}  # where each column is scrolled
        self._drop_column: str | None = None  # the column a drag would drop in
        self._slim_titles: dict[str, QGraphicsSimpleTextItem] = {}
        self.overview: Overview | None = None  # the whole board as tiles (BoardView.overview)
        self._add_timer = QTimer(self)
        self._add_timer.setSingleShot(True)
        self._add_timer.timeout.connect(self._add_some)
        self._measure_timer = QTimer(self)
        self._measure_timer.setSingleShot(True)
        self._measure_timer.timeout.connect(self._measure_some)
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setInterval(AUTOSCROLL_INTERVAL)
        self._scroll_timer.timeout.connect(self._auto_scroll)
        self._drag_view: QGraphicsView | None = None  # where the pointer of a drag is
        self._drag_point = QPoint()  # …in that view's viewport coordinates
        self._backgrounds: dict[str, QGraphicsRectItem] = {}
        self._clusters: dict[str, Cluster] = {}
        self.cluster_items: dict[str, ClusterItem] = {}
        self.chosen_group: str | None = None  # the group whose band was clicked
        self.selectionChanged.connect(self._show_chosen_group)
        self.setBackgroundBrush(QColor(theme.BOARD_BACKGROUND))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        for column in columns:
            rect = QGraphicsRectItem()
            rect.setBrush(QBrush(QColor(column.tint)))
            rect.setPen(QPen(QColor(column.colour), 2))
            rect.setZValue(-1)
            self.addItem(rect)
            self._backgrounds[column.key] = rect
            mark = QGraphicsRectItem()
            mark.setPen(Qt.PenStyle.NoPen)
            mark.setZValue(-0.5)
            mark.hide()
            self.addItem(mark)
            self._marks[column.key] = mark
        self.indicator = QGraphicsRectItem()
        self.indicator.setBrush(QColor(theme.SELECTION))
        self.indicator.setPen(Qt.PenStyle.NoPen)
        self.indicator.setZValue(20)
        self.indicator.hide()
        self.addItem(self.indicator)

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
                item.setOpacity(DIMMED_OPACITY if card.id in self._dimmed else 1.0)
                item.set_card(card, self._look(card))
        self._lay_out_columns(columns | was_in, ids, was_in)

    def _lay_out_columns(self, columns: set[str], ids: set[str], was_in: set[str]) -> None:
        """After the cards ``ids`` changed in ``columns`` (``was_in``: those where some of
        them already were): those columns only are laid out again, and cards added after a
        column's last one are just placed below it. The whole
        board when something else may move (groups, the overview, a column that was or
        becomes empty and so changes width, the view's height)."""
        view_height = self._view_height()
        if (
            self._clusters
            or self.overview is not None
            or not self.column_width
            or view_height is None
            or view_height != self._laid_size[1]
            or not columns <= set(self._order)
        ):
            self.layout_cards()
            return
        stacks: dict[str, list[CardItem]] = {}
        appended: dict[str, list[CardItem]] = {}
        for key in columns:
            old = self._order[key]
            kept = [i for i in old if i.card.id not in ids] if key in was_in else old
            came = [
                i
                for card_id in ids
                if (i := self.items_by_id.get(card_id)) and i.card.column == key
            ]
            came.sort(key=lambda i: i.card.position)
            if not old or not (kept or came):  # a column that was or becomes empty: its width
                self.layout_cards()
                return
            if len(kept) == len(old) and not came:
                continue  # nothing of this column changed
            only_added = len(kept) == len(old) and key not in self._slim
            if only_added and came[0].card.position > kept[-1].card.position:
                appended[key] = came  # (a folded column hides its new cards: laid out whole)
            else:
                stacks[key] = sorted(kept + came, key=lambda i: i.card.position)
        pending = False
        for key, came in appended.items():
            self._append(key, came, view_height)
        for key, stack in stacks.items():
            self._order[key] = stack
            pending |= self._layout_column(key, view_height)[0]
        if pending:
            self._measure_timer.start(0)
        self.laid_out.emit()

    def _append(self, key: str, came: list[CardItem], view_height: float) -> None:
        """New cards after a column's last one: measured (a few notes: cheaper than a later
        pass over the board) and placed below it, the others left where they are."""
        self._order[key].extend(came)
        x = self.column_left(key) + COLUMN_PADDING
        offset = self.column_offset(key)
        y = self._content[key] - COLUMN_PADDING + GAP
        for item in came:
            if not item.measured:
                item.measure()
            place = (x, y - offset)
            if item.laid_at != place:
                item.laid_at = place
                item.setPos(*place)
            y += item.height() + GAP
        self._content[key] = y - GAP + COLUMN_PADDING
        self._update_mark(key, view_height)

    def last_positions(self) -> dict[str, float]:
        """The position of each column's last card (where a captured card goes after)."""
        last: dict[str, float] = {}
        for card in self._pending.values():
            last[card.column] = max(last.get(card.column, card.position), card.position)
        for key, stack in self._order.items():
            if stack:
                last[key] = max(last.get(key, stack[-1].card.position), stack[-1].card.position)
        return last

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

    def set_people(self, personas: Iterable[Persona], tables: Iterable[Table]) -> None:
        """Names and colours to show for persona and table ids."""
        self._personas = {p.id: p for p in personas}
        self._tables = {t.id: t for t in tables}
        for item in self.items_by_id.values():
            item.set_look(self._look(item.card))
        self.layout_cards()

    def set_clusters(self, clusters: Iterable[Cluster]) -> None:
        """The session's groups: their cards are shown together, framed, under their name."""
        self._clusters = {c.id: c for c in clusters if not c.deleted}
        for cluster_id in list(self.cluster_items):
            if cluster_id not in self._clusters:
                self.removeItem(self.cluster_items.pop(cluster_id))
        for cluster in self._clusters.values():
            item = self.cluster_items.get(cluster.id)
            if item is None:
                item = ClusterItem(cluster.id, cluster.name)
                item.hide()  # until it has cards
                self.addItem(item)
                self.cluster_items[cluster.id] = item
            item.name = cluster.name
            item.update()
        self._style_clusters()
        self.layout_cards()

    @property
    def clusters(self) -> dict[str, Cluster]:
        return self._clusters

    def cluster_of(self, card: Card) -> str | None:
        """The group a card is shown in (its group's column is the card's), or None."""
        cluster = self._clusters.get(card.cluster_id or "")
        return cluster.id if cluster is not None and cluster.column == card.column else None

    def group_cards(self, cluster_id: str) -> list[str]:
        """The ids of a group's cards, as shown."""
        cluster = self._clusters.get(cluster_id)
        if cluster is None:
            return []
        stack = self._order.get(cluster.column, [])
        return [i.card.id for i in stack if self.cluster_of(i.card) == cluster_id]

    def selected_group(self) -> str | None:
        """The group selected as a whole: its cards, all and only them, are selected —
        two or more, or one whose band was clicked. None otherwise."""
        if not self._clusters:
            return None
        selected = self.selected_card_ids()
        if not selected:
            return None
        first = self.items_by_id[selected[0]].card
        cluster_id = self.cluster_of(first)
        if cluster_id is None or self.group_cards(cluster_id) != selected:
            return None
        return cluster_id if len(selected) > 1 or cluster_id == self.chosen_group else None

    def select_group(self, cluster_id: str) -> None:
        """Select a group (its band): all its cards."""
        ids = self.group_cards(cluster_id)
        self.chosen_group = cluster_id
        self.select_cards(ids, ids[0] if ids else None)

    def group_at(self, column: str, y: float) -> str | None:
        """The group of ``column`` whose frame covers height ``y``, or None."""
        for cluster_id, item in self.cluster_items.items():
            cluster = self._clusters.get(cluster_id)
            if cluster is None or cluster.column != column or not item.isVisible():
                continue
            frame = item.frame_rect()
            if frame.top() <= y <= frame.bottom():
                return cluster_id
        return None

    def set_vote_counts(self, counts: dict[str, int]) -> None:
        """Dots per card id; the cards show them as a badge (0 or absent: no badge)."""
        self._votes = dict(counts)
        for card_id, item in self.items_by_id.items():
            item.set_votes(self._votes.get(card_id, 0))
        self.layout_cards()

    def set_votes_secret(self, secret: bool) -> None:
        """A secret vote not yet revealed: every card says « secret » instead of a count."""
        if secret == self._votes_secret:
            return
        self._votes_secret = secret
        for card_id, item in self.items_by_id.items():
            item.set_votes(self._votes.get(card_id, 0), secret)
        self.layout_cards()

    @property
    def votes_secret(self) -> bool:
        return self._votes_secret

    def update_vote_counts(self, moved: dict[str, int]) -> None:
        """Some cards' dots changed (0: no more dots); the other notes are not touched."""
        grown: set[str] = set()
        for card_id, value in moved.items():
            if value:
                self._votes[card_id] = value
            else:
                self._votes.pop(card_id, None)
            item = self.items_by_id.get(card_id)
            if item is not None:
                height = item.height()
                item.set_votes(value)
                if item.height() != height:  # the dots' pill came or went: the column moves
                    grown.add(item.card.column)
        self._lay_out_columns(grown, set(moved), grown)

    def set_dimmed(self, card_ids: set[str]) -> None:
        """Cards left out by a filter: drawn faded; the column counts show what remains."""
        before, self._dimmed = self._dimmed, set(card_ids)
        for card_id in before ^ self._dimmed:  # only the notes whose state changes
            item = self.items_by_id.get(card_id)
            if item is not None:
                item.setOpacity(DIMMED_OPACITY if card_id in self._dimmed else 1.0)
        self.laid_out.emit()

    def set_metrics(
        self, column_width: float, pixel_size: float, slim: frozenset[str] = frozenset()
    ) -> None:
        """The width of a column with cards, the type size, and the empty columns drawn
        as a slim band (SLIM_WIDTH) until a card arrives."""
        if (column_width, pixel_size, slim) == (self.column_width, self.pixel_size, self._slim):
            return
        self.column_width = column_width
        if slim != self._slim:
            self._slim = slim
            self._laid_size = (0.0, 0.0)  # the backgrounds move
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
        height = self._view_height()
        if height is not None and height != self._laid_size[1]:
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
        for column in self.columns:
            rect = self._backgrounds[column.key]
            rect.setBrush(QBrush(QColor(column.colour if on else column.tint)))
            rect.setPen(QPen(QColor(column.colour), 2))
        self._style_clusters()
        self._place_slim_titles()
        self.update()

    # reading the board

    def cards_in(self, column: str) -> list[CardItem]:
        return list(self._order.get(column, []))

    def count(self, column: str) -> int:
        pending = sum(1 for c in self._pending.values() if c.column == column)
        return len(self._order.get(column, [])) + pending

    def visible_count(self, column: str) -> int:
        shown = sum(1 for i in self._order.get(column, []) if i.card.id not in self._dimmed)
        pending = (c for c in self._pending.values() if c.column == column)
        return shown + sum(1 for c in pending if c.id not in self._dimmed)

    @property
    def personas(self) -> dict[str, Persona]:
        return self._personas

    @property
    def tables(self) -> dict[str, Table]:
        return self._tables

    @property
    def vote_counts(self) -> dict[str, int]:
        return self._votes

    @property
    def dimmed(self) -> set[str]:
        return self._dimmed

    @property
    def filtering(self) -> bool:
        return bool(self._dimmed)

    def selected_card_ids(self) -> list[str]:
        """Selected cards in board order (column by column, top to bottom)."""
        return [
            item.card.id for c in self.columns for item in self._order[c.key] if item.isSelected()
        ]

    def current_card_id(self) -> str | None:
        selected = self.selected_card_ids()
        if self._current in selected:
            return self._current
        return selected[-1] if selected else None

    def select_cards(self, card_ids: Iterable[str], current: str | None = None) -> None:
        self.clearSelection()
        ids = [i for i in card_ids if i in self.items_by_id]
        self._current = current if current in ids else (ids[-1] if ids else None)
        if self._current is not None:
            self._unfold_for(self.items_by_id[self._current])
        for card_id in ids:
            self.items_by_id[card_id].setSelected(True)

    def _unfold_for(self, item: CardItem) -> None:
        """A card about to be chosen or shown: its column, if folded, comes into sight (a
        hidden note cannot be selected)."""
        if item.card.column in self._slim:
            self.unfold_requested.emit(item.card.column)

    def move_selection(self, dx: int, dy: int, extend: bool = False) -> str | None:
        """Arrow keys: the next card up/down in the column, or the nearest in the next column."""
        self.chosen_group = None
        current = self.current_card_id()
        if current is None:
            first = next((self._order[c.key][0] for c in self.columns if self._order[c.key]), None)
            if first is not None:
                self.select_cards([first.card.id])
            return first.card.id if first else None
        item = self.items_by_id[current]
        col = self._column_index(item.card.column)
        stack = self._order[item.card.column]
        row = stack.index(item)
        target: CardItem | None = None
        if dy:
            new_row = row + dy
            if 0 <= new_row < len(stack):
                target = stack[new_row]
        elif dx:
            c = col + dx
            while 0 <= c < len(self.columns) and target is None:
                others = self._order[self.columns[c].key]
                if others:
                    y = item.pos().y()
                    target = min(others, key=lambda i: abs(i.pos().y() - y))
                c += dx
        if target is None:
            return current
        self._unfold_for(target)
        if extend:
            target.setSelected(True)
        else:
            self.clearSelection()
            target.setSelected(True)
        self._current = target.card.id
        return target.card.id

    def column_width_of(self, key: str) -> float:
        return SLIM_WIDTH if key in self._slim else self.column_width

    def column_left(self, key: str) -> float:
        """Where a column starts, in scene coordinates."""
        x = 0.0
        for column in self.columns:
            if column.key == key:
                return x
            x += self.column_width_of(column.key) + GAP
        return x

    def column_at(self, x: float) -> str:
        """The column at ``x`` (the gap after a column belongs to it)."""
        left = 0.0
        for column in self.columns:
            left += self.column_width_of(column.key) + GAP
            if x < left:
                return column.key
        return self.columns[-1].key

    def drop_index(self, column: str, y: float, moving: Iterable[str] = ()) -> int:
        """Where cards dropped at height ``y`` land, among the column's other cards."""
        skip = set(moving)
        others = [i for i in self._order[column] if i.card.id not in skip]
        if column in self._hidden:  # a folded column: after its last card
            return len(others)
        return sum(1 for i in others if i.pos().y() + i.height() / 2 < y)

    def column_rect(self, column: str) -> QRectF:
        return self._backgrounds[column].rect()

    @property
    def slim_columns(self) -> frozenset[str]:
        return self._slim

    def set_overview(self, overview: Overview | None) -> None:
        """Show every card as a tile (an Overview), or as a whole note again (None)."""
        self.overview = overview
        for item in self.items_by_id.values():
            if overview is None:
                item.set_tile(None)
        for cluster_item in self.cluster_items.values():
            cluster_item.setVisible(overview is None)
        self._offsets.clear()
        self.layout_cards()

    # each column scrolls on its own

    def column_offset(self, key: str) -> float:
        """How far a column is scrolled (0: its first card at the top)."""
        return self._offsets.get(key, 0.0)

    def content_height(self, key: str | None = None) -> float:
        """The height of a column with all its cards (the tallest column's if None)."""
        if key is None:
            return max(self._content.values(), default=0.0)
        return self._content.get(key, 0.0)

    def scroll_column(self, key: str, dy: float) -> bool:
        """Scroll one column by ``dy`` pixels (the others do not move); True if it moved."""
        before = self.column_offset(key)
        after = self._clamped(key, before + dy)
        if after == before:
            return False
        self._offsets[key] = after
        self._layout_column(key, self._view_height())
        return True

    def show_card_whole(self, card_id: str, margin: float = 10.0, unfold: bool = True) -> None:
        """Scroll the card's column, and only it, so that the card is whole in sight (its
        top, if it is taller than the view). A folded column comes into sight first, unless
        ``unfold`` is False (a phone's or another laptop's card: the wall stays as it is)."""
        item = self.items_by_id.get(card_id)
        self._kept_whole = card_id
        if item is not None and unfold:
            self._unfold_for(item)
        height = self._view_height()
        if item is None or height is None or item in self._drag or not item.isVisible():
            return
        if not item.measured and item.measure():
            self.layout_cards()
        for _ in range(3):  # notes measured on the way may move it (a column just unfolded)
            top, bottom = item.pos().y(), item.pos().y() + item.boundingRect().height()
            if top < margin:
                step = top - margin
            elif bottom > height - margin:
                step = min(bottom - height + margin, top - margin)
            else:
                return
            if not self.scroll_column(item.card.column, step):
                return

    # layout

    def layout_cards(self) -> None:
        for stack in self._order.values():
            stack.clear()
        for item in self.items_by_id.values():
            self._order.setdefault(item.card.column, []).append(item)
        if self._clusters:  # groups come after the first paint: imported then
            from fabrique_desktop.grouping import gather_by
        for key, stack in self._order.items():
            stack.sort(key=lambda i: i.card.position)
            if self._clusters:
                self._order[key] = gather_by(stack, lambda i: self.cluster_of(i.card))
        if not self.column_width:
            self.laid_out.emit()
            return
        view_height = self._view_height()
        pending = False
        shown: set[str] = set()
        for column in self.columns:
            column_pending, column_shown = self._layout_column(column.key, view_height)
            pending |= column_pending
            shown |= column_shown
        for cluster_id, band_item in self.cluster_items.items():
            if cluster_id not in shown:
                band_item.hide()
        # no view (an image of the board): every card in sight
        height = max(200.0, self.content_height()) if view_height is None else view_height
        width = self.column_left(self.columns[-1].key) + self.column_width_of(self.columns[-1].key)
        was_height = self._laid_size[1]
        if (width, height) != self._laid_size:
            self._laid_size = (width, height)
            for column in self.columns:
                x = self.column_left(column.key)
                rect = QRectF(x, 0, self.column_width_of(column.key), height)
                self._backgrounds[column.key].setRect(rect)
            self.setSceneRect(QRectF(0, 0, width, height))
            self._place_slim_titles()
        self._update_marks(height if view_height is not None else None)
        if pending:
            self._measure_timer.start(0)
        if view_height is not None and view_height < was_height:
            self._keep_whole_in(was_height)
        self.laid_out.emit()

    def _keep_whole_in(self, was_height: float) -> None:
        """The view got shorter (the timer's band came): the card last shown whole (just
        captured, or chosen) stays whole, if it was whole in the taller view."""
        item = self.items_by_id.get(self._kept_whole or "")
        if item is None or not item.isVisible():
            return
        top, bottom = item.pos().y(), item.pos().y() + item.boundingRect().height()
        if top >= 0 and bottom <= was_height:
            self.show_card_whole(item.card.id, unfold=False)

    def _layout_column(self, key: str, view_height: float | None) -> tuple[bool, set[str]]:
        """Place one column's cards and group frames, scrolled by its offset. Returns whether
        notes below the sight still await measuring, and the groups shown. One pass: only
        when the column got shorter than its scroll (rare) is it laid out again."""
        stack = self._order.get(key, [])
        folded = key in self._slim and bool(stack)
        if folded or key in self._hidden:
            for item in stack:
                item.setVisible(not folded)
            self._hidden.discard(key)
            if folded:
                self._hidden.add(key)
                self._content[key] = 0.0
                self._offsets.pop(key, None)
                self._marks[key].hide()
                return False, set()
        if self.overview is not None:
            return self._layout_tiles(key, view_height), set()
        left = self.column_left(key)
        x = left + COLUMN_PADDING
        offset = self.column_offset(key) if view_height is not None else 0.0
        sight = None if view_height is None else offset + view_height + 200
        pending = False
        frames: list[tuple[ClusterItem, float, float, float]] = []  # item, top, band, bottom
        y = COLUMN_PADDING
        clusters = bool(self._clusters)
        dragging = self._drag
        group: tuple[ClusterItem, float, float, int] | None = None  # item, top, band, cards
        for row, item in enumerate(stack):
            cluster_id = self.cluster_of(item.card) if clusters else None
            if cluster_id is not None and group is None:
                band_item = self.cluster_items[cluster_id]
                band = band_item.band_height(self.column_width - 4)
                group = (band_item, y, band, 0)
                y += band + CLUSTER_GAP
            if not item.measured:
                if sight is None or y < sight:
                    item.measure()
                else:
                    pending = True
            place = (x, y - offset)
            if item.laid_at != place and (not dragging or item not in dragging):
                item.laid_at = place  # only moved notes are touched: a capture is fast
                item.setPos(*place)
            y += item.height() + GAP
            if group is not None:
                band_item, top, band, count = group
                group = (band_item, top, band, count + 1)
                following = stack[row + 1] if row + 1 < len(stack) else None
                if following is None or self.cluster_of(following.card) != cluster_id:
                    y += CLUSTER_GAP - GAP
                    band_item.count = count + 1
                    frames.append((band_item, top, band, y))
                    y += GAP
                    group = None
        self._content[key] = y - GAP + COLUMN_PADDING if stack else 0.0
        if view_height is not None:
            clamped = self._clamped(key, offset)
            if clamped != offset:  # the column got shorter than where it was scrolled to
                self._offsets[key] = clamped
                return self._layout_column(key, view_height)
        shown: set[str] = set()
        for band_item, top, band, bottom in frames:
            frame = QRectF(left + 2, top - offset, self.column_width - 4, bottom - top)
            band_item.set_frame(frame, band)
            band_item.show()
            shown.add(band_item.cluster_id)
        if view_height is not None and self._marks:
            self._update_mark(key, view_height)
        return pending, shown

    def _place_slim_titles(self) -> None:
        """A slim (empty) column shows its title upright along the band."""
        for column in self.columns:
            title = self._slim_titles.get(column.key)
            if column.key not in self._slim:
                if title is not None:
                    title.hide()
                continue
            if title is None:
                title = QGraphicsSimpleTextItem(column.title)
                title.setRotation(-90)
                title.setZValue(-0.5)
                self.addItem(title)
                self._slim_titles[column.key] = title
            font = QFont(self.fonts.text)
            font.setBold(True)
            font.setPixelSize(max(14, min(round(self.pixel_size), round(SLIM_WIDTH * 0.45))))
            title.setFont(font)
            background = column.colour if self.high_contrast else column.tint
            title.setBrush(QColor(theme.readable_ink(background)))
            size = title.boundingRect()
            x = self.column_left(column.key) + (SLIM_WIDTH - size.height()) / 2
            title.setPos(round(x), round(COLUMN_PADDING + 16 + size.width()))
            title.show()

    def _layout_tiles(self, key: str, view_height: float | None) -> bool:
        """The overview: the column's cards as tiles, ``across`` to a row, in board order."""
        overview = self.overview
        assert overview is not None
        x = self.column_left(key)
        width = overview.tile_width(self.column_width)
        tile = (float(width), overview.tile_height, overview.font, overview.lines)
        stack = self._order.get(key, [])
        rows = math.ceil(len(stack) / overview.across)
        self._content[key] = rows * (overview.tile_height + TILE_GAP) + 2 * COLUMN_PADDING
        offset = self._clamped(key, self.column_offset(key)) if view_height is not None else 0.0
        self._offsets[key] = offset
        for index, item in enumerate(stack):
            item.set_tile(tile)
            row, across = divmod(index, overview.across)
            place = (
                x + COLUMN_PADDING + across * (width + TILE_GAP),
                COLUMN_PADDING + row * (overview.tile_height + TILE_GAP) - offset,
            )
            if item.laid_at != place and item not in self._drag:
                item.laid_at = place
                item.setPos(*place)
        if view_height is not None and self._marks:
            self._update_mark(key, view_height)
        return False

    def _clamped(self, key: str, offset: float) -> float:
        height = self._view_height()
        if height is None:
            return 0.0
        return max(0.0, min(offset, self.content_height(key) - height))

    def _update_marks(self, view_height: float | None) -> None:
        for column in self.columns:
            if view_height is None:
                self._marks[column.key].hide()
            else:
                self._update_mark(column.key, view_height)

    def _update_mark(self, key: str, view_height: float) -> None:
        """A thin bar in the column's right padding: how much of the column is in sight, and
        where (none when every card is)."""
        mark = self._marks[key]
        content = self.content_height(key)
        if content <= view_height + 0.5 or key in self._slim:
            mark.hide()
            return
        share = view_height / content
        top = self.column_offset(key) * share
        right = self.column_left(key) + self.column_width_of(key)
        rect = QRectF(right - SCROLL_MARK - 2, top + 2, SCROLL_MARK, view_height * share - 4)
        if mark.rect() != rect:
            mark.setRect(rect)
        ink = QColor("#FFFFFF" if self.high_contrast else "#263238")
        ink.setAlpha(150)
        if mark.brush().color() != ink:
            mark.setBrush(ink)
        mark.show()

    def measure_all(self) -> None:
        """Make and measure every note now (tests, screenshots)."""
        self.flush()
        self._measure_timer.stop()
        for item in self.items_by_id.values():
            if not item.measured:
                item.measure()
        self.layout_cards()

    # private

    def _style_clusters(self) -> None:
        """The groups' type (the board's, bold) and colours (the column's, or black on the
        projector's coloured columns)."""
        for cluster_id, item in self.cluster_items.items():
            cluster = self._clusters.get(cluster_id)
            if cluster is None:
                continue
            item.set_font(self.fonts.text)
            colour = self._column(cluster.column).colour
            item.colour = HIGH_CONTRAST_BOARD if self.high_contrast else colour
            item.update()

    def _band_at(self, pos: QPointF) -> str | None:
        """The group whose name band is at ``pos``, or None."""
        for cluster_id, item in self.cluster_items.items():
            if item.isVisible() and item.band_rect().translated(item.pos()).contains(pos):
                return cluster_id
        return None

    def _show_chosen_group(self) -> None:
        """The selected group's band is outlined (F2 renames it, Ctrl+Up/Down move it)."""
        if not self.cluster_items:
            return
        chosen = self.selected_group()
        for cluster_id, item in self.cluster_items.items():
            item.set_selected(cluster_id == chosen)

    def _add_some(self) -> None:
        chunk = list(self._pending.values())[:ADD_CHUNK]
        for card in chunk:
            del self._pending[card.id]
            self._add(card)
        self.layout_cards()
        if self._pending:
            self._add_timer.start(0)

    def _measure_some(self) -> None:
        count = 0
        for item in self.items_by_id.values():
            if not item.measured:
                item.measure()
                count += 1
                if count >= MEASURE_CHUNK:
                    self._measure_timer.start(0)
                    return
        self.layout_cards()

    def _view_height(self) -> float | None:
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
        for column in self.columns:
            if column.key == key:
                return column
        return self.columns[0]

    def _column_index(self, key: str) -> int:
        for index, column in enumerate(self.columns):
            if column.key == key:
                return index
        return 0

    def _look(self, card: Card) -> CardLook:
        persona = self._personas.get(card.persona_id or "")
        table = self._tables.get(card.table_id or "")
        return CardLook(
            persona_name=persona.first_name if persona else "",
            persona_colour=persona.colour if persona else "",
            table=f"T{table.number}" if table else "",
        )

    def _add(self, card: Card) -> None:
        width = self._card_width() if self.column_width else 0.0
        item = CardItem(card, self._column(card.column).tint, self.fonts, width)
        if card.persona_id or card.table_id:
            item.look = self._look(card)
        if self._votes.get(card.id) or self._votes_secret:
            item.votes = self._votes.get(card.id, 0)
            item.votes_secret = self._votes_secret
        if card.id in self._dimmed:
            item.setOpacity(DIMMED_OPACITY)
        self.addItem(item)
        self.items_by_id[card.id] = item

    def _card_at(self, pos: QPointF) -> CardItem | None:
        for item in self.items(pos):
            if isinstance(item, CardItem):
                return item
        return None

    def _drag_to(self, pos: QPointF) -> None:
        """The compact ghost under the pointer, the column under it lit, the drop line."""
        lead = self._drag[0]
        grip = min(self._drag_offset.x(), lead.boundingRect().width() - 24)
        lead.setPos(pos.x() - max(12.0, grip), pos.y() - lead.boundingRect().height() / 2)
        column = self.column_at(pos.x())
        self._light_column(column)
        index = self.drop_index(column, pos.y(), (i.card.id for i in self._drag))
        others = [i for i in self._order[column] if i not in self._drag]
        if column in self._hidden:  # a folded column: the line at the top of its band
            others = []
        if index < len(others):
            line_y = others[index].pos().y() - GAP / 2
        elif others:
            line_y = others[-1].pos().y() + others[-1].height() + GAP / 2
        else:  # an empty column (maybe a slim band): the line at its top
            line_y = COLUMN_PADDING / 2 + 3
        left = self.column_left(column)
        inset = 4 + (GROUP_INSET if self.group_at(column, pos.y()) is not None else 0)
        width = self.column_width_of(column) - 2 * inset
        self.indicator.setRect(QRectF(left + inset, line_y - 3, width, 6))
        self.indicator.show()

    def _light_column(self, key: str | None) -> None:
        """The column a drag would drop in has a bright outline (None: no column)."""
        if key == self._drop_column:
            return
        for column in self.columns:
            lit = column.key == key
            pen = QPen(QColor(theme.SELECTION), 6) if lit else QPen(QColor(column.colour), 2)
            self._backgrounds[column.key].setPen(pen)
        self._drop_column = key

    def _start_drag(self, pos: QPointF, grabbed: CardItem) -> None:
        ids = self.selected_card_ids()
        self._drag = [self.items_by_id[i] for i in ids]
        # the grabbed card leads; the others follow it in board order
        self._drag.remove(grabbed)
        self._drag.insert(0, grabbed)
        self._drag_offset = pos - grabbed.pos()
        grabbed.set_ghost(True, len(self._drag) - 1)  # one line: the cards under it stay readable
        grabbed.setZValue(10)
        for item in self._drag[1:]:
            item.setOpacity(0.0)  # carried by the ghost (hidden, it would be unselected)

    def _end_drag(self, pos: QPointF) -> None:
        column = self.column_at(pos.x())
        index = self.drop_index(column, pos.y(), (i.card.id for i in self._drag))
        group = self.group_at(column, pos.y())
        ids = self.selected_card_ids()
        for item in self._drag:
            item.laid_at = None
            item.setZValue(0)
            item.set_ghost(False)
            item.setOpacity(DIMMED_OPACITY if item.card.id in self._dimmed else 1.0)
        self._drag = []
        self._scroll_timer.stop()
        self._drag_view = None
        self.indicator.hide()
        self._light_column(None)
        self.cards_dropped.emit(ids, column, index, group)
        self.layout_cards()  # a drop that changes nothing puts the cards back

    def _select_range(self, item: CardItem, add: bool) -> bool:
        """Shift+click: the cards from the current one to ``item``, if in the same column."""
        anchor = self.items_by_id.get(self._current or "")
        if anchor is None or anchor.card.column != item.card.column:
            return False
        stack = self._order[item.card.column]
        first, last = sorted((stack.index(anchor), stack.index(item)))
        if not add:
            self.clearSelection()
        for other in stack[first : last + 1]:
            other.setSelected(True)
        return True  # the anchor stays current: another Shift+click changes the range

    def _follow_pointer(self, event: QGraphicsSceneMouseEvent) -> None:
        """Remember where a drag's pointer is in its view; near an edge, scroll."""
        from PySide6.QtWidgets import QGraphicsView  # the first drag, not start-up, pays it

        widget = event.widget()
        view = widget.parentWidget() if widget is not None else None
        if not isinstance(view, QGraphicsView):
            return
        self._drag_view = view
        self._drag_point = view.mapFromScene(event.scenePos())
        if self._scroll_speed():
            if not self._scroll_timer.isActive():
                self._scroll_timer.start()
        else:
            self._scroll_timer.stop()

    def _scroll_speed(self) -> int:
        view = self._drag_view
        if view is None or not self._drag:
            return 0
        y, height = self._drag_point.y(), view.viewport().height()
        if y < AUTOSCROLL_MARGIN:
            closeness = (AUTOSCROLL_MARGIN - max(y, 0)) / AUTOSCROLL_MARGIN
            return -max(1, round(AUTOSCROLL_STEP * closeness))
        if y > height - AUTOSCROLL_MARGIN:
            closeness = (y - (height - AUTOSCROLL_MARGIN)) / AUTOSCROLL_MARGIN
            return max(1, round(AUTOSCROLL_STEP * min(closeness, 1.0)))
        return 0

    def _auto_scroll(self) -> None:
        """Near the view's top or bottom edge, a drag scrolls the column under the pointer."""
        speed = self._scroll_speed()
        view = self._drag_view
        if not speed or view is None:
            self._scroll_timer.stop()
            return
        point = view.mapToScene(self._drag_point)
        if not self.scroll_column(self.column_at(point.x()), speed):
            self._scroll_timer.stop()  # the top or the bottom of that column
            return
        self._drag_to(point)

    # Qt overrides

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        item = self._card_at(event.scenePos())
        band = self._band_at(event.scenePos()) if item is None and self.cluster_items else None
        if band is not None:  # a group's name: the group is selected (all its cards)
            self.select_group(band)
            event.accept()
            return
        self.chosen_group = None
        folded = self.column_at(event.scenePos().x()) if item is None else ""
        if folded in self._hidden:  # a folded column's band: it comes into sight
            self.unfold_requested.emit(folded)
            event.accept()
            return
        if item is None:
            self._current = None
            super().mousePressEvent(event)  # empty board: clear, or a rubber band (view)
            return
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if shift and self._select_range(item, add=control):
            self._press = (event.scenePos(), item, False)
            event.accept()
            return
        was_selected = item.isSelected()
        if control:
            item.setSelected(not was_selected)
        elif not was_selected:
            self.clearSelection()
            item.setSelected(True)
        self._current = item.card.id if item.isSelected() else self._current
        self._press = (event.scenePos(), item, was_selected and not control)
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            super().mouseMoveEvent(event)
            return
        start, item, _ = self._press
        if not self._drag:
            moved = event.screenPos() - event.buttonDownScreenPos(Qt.MouseButton.LeftButton)
            if moved.manhattanLength() < QApplication.startDragDistance() or not item.isSelected():
                return
            self._start_drag(start, item)
        self._drag_to(event.scenePos())
        self._follow_pointer(event)
        event.accept()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._press is None:
            super().mouseReleaseEvent(event)
            return
        _start, item, reselect = self._press
        self._press = None
        if self._drag:
            self._end_drag(event.scenePos())
        elif reselect:  # a plain click on one card of a selection selects just that card
            self.select_cards([item.card.id])
        event.accept()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        item = self._card_at(event.scenePos())
        band = self._band_at(event.scenePos()) if item is None and self.cluster_items else None
        if band is not None:  # a group's name: rename it
            self.select_group(band)
            self.group_activated.emit(band)
            event.accept()
            return
        if item is None:
            super().mouseDoubleClickEvent(event)
            return
        self.select_cards([item.card.id])
        self.card_activated.emit(item.card.id)
        event.accept()

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        item = self._card_at(event.scenePos())
        band = self._band_at(event.scenePos()) if item is None and self.cluster_items else None
        if band is not None:
            self.select_group(band)
        elif item is not None and not item.isSelected():
            self.chosen_group = None
            self.select_cards([item.card.id])
        if self.selected_card_ids():
            self.context_menu_requested.emit(event.screenPos())
        event.accept()
