"""The board as a graphics scene: the template's columns side by side, cards stacked in each.

The scene mirrors the database: its notes (``BoardNotes``: ``scene.notes.show`` builds them,
``scene.notes.refresh`` updates the cards a change touched) show the cards with their dots
(``VoteBadges``), faded when a filter leaves them out (``DimmedCards``). It never changes
data: a drag (``BoardDrag``) ends with ``cards_dropped`` and whoever listens builds the
``Change``; the database then tells the scene where the cards are. Where each note goes is
computed by ``fabrique_desktop.board_layout`` (sizes in, positions out); ``BoardPlacement``
measures the notes and places them; the view decides the type size.
Which cards are chosen is ``BoardSelection``'s; what is drawn behind them, ``ColumnBackdrops``'.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRectF, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QGraphicsScene

from fabrique_desktop import board_layout as layout
from fabrique_desktop.board_layout import GAP, SLIM_WIDTH
from fabrique_desktop.template import Column
from ui import theme
from ui.board_drag import BoardDrag
from ui.board_groups import BoardGroups
from ui.board_notes import BoardNotes
from ui.board_placement import BoardPlacement
from ui.board_pointer import BoardPointer
from ui.board_selection import BoardSelection
from ui.card_item import CardItem, Fonts
from ui.column_backdrops import ColumnBackdrops
from ui.dimmed_cards import DimmedCards
from ui.vote_badges import VoteBadges

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from PySide6.QtWidgets import QGraphicsSceneContextMenuEvent, QGraphicsSceneMouseEvent

    from fabrique_desktop.groups import Cluster
    from ui.board_overview import Overview

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
    earlier_chosen(): pistes of earlier ateliers (read-only, a Convergence wall) are among
        the selected notes.
    """

    laid_out = Signal()
    card_activated = Signal(str)
    context_menu_requested = Signal(QPoint)
    cards_dropped = Signal(list, str, object, object)
    group_activated = Signal(str)
    unfold_requested = Signal(str)
    widths_changed = Signal()
    earlier_chosen = Signal()

    def __init__(self, columns: tuple[Column, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.high_contrast = False
        self.column_width = 0.0  # unknown until the view fits the columns to its width
        self.pixel_size = float(DESK_PIXEL_SIZE)
        self.fonts = Fonts(QFont(QApplication.font()), self.pixel_size)
        self.notes = BoardNotes(self)
        self.items_by_id = self.notes.items  # the notes made, by card id (the same dict)
        self.votes = VoteBadges(self)
        self.dims = DimmedCards(self)
        self.slim_columns: frozenset[str] = frozenset()  # empty (or folded) columns: a slim band
        self.overview: Overview | None = None  # the whole board as tiles (BoardView.overview)
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
        self.selectionChanged.connect(self._tell_earlier_chosen)  # (likewise)

    # what the cards show

    def set_clusters(self, clusters: Iterable[Cluster]) -> None:
        """The session's groups: their cards are shown together, framed, under their name."""
        self.groups.set_clusters(clusters)
        self._style_clusters()
        self.layout_cards()

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
        self.notes.fit()
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
        self.notes.fit()
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
        """A copy of ``stack(column)``, to keep across a layout."""
        return list(self.stack(column))

    @property
    def clusters(self) -> dict[str, Cluster]:
        return self.groups.clusters

    def is_folded(self, column: str) -> bool:
        """A slim band whose cards are hidden (a narrow screen)."""
        return self.placement.is_folded(column)

    # the selection (BoardSelection)

    def selected_card_ids(self) -> list[str]:
        return self.selection.selected_card_ids()

    def selected_earlier_ids(self) -> list[str]:
        return self.selection.selected_earlier_ids()

    def current_card_id(self) -> str | None:
        return self.selection.current_card_id()

    def select_cards(self, card_ids: Iterable[str], current: str | None = None) -> None:
        self.selection.select_cards(card_ids, current)

    def move_selection(self, dx: int, dy: int, extend: bool = False) -> str | None:
        return self.selection.move(dx, dy, extend)

    def selected_group(self) -> str | None:
        return self.selection.selected_group()

    def unfold_for(self, item: CardItem) -> None:
        """A card about to be chosen or shown: its column, if folded, comes into sight (a
        hidden note cannot be selected)."""
        if item.card.column in self.slim_columns:
            self.unfold_requested.emit(item.card.column)

    # where things are

    def view_height(self) -> float | None:
        """The height of the board's view (every column scrolls within it), or None without
        a shown view (an image of the whole board)."""
        for view in self.views():
            if view.isVisible():
                # maximumViewportSize, not viewport(): see BoardView._viewport_width
                return float(max(200, view.maximumViewportSize().height()))
        return None

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

    def show_band(self, cluster_id: str) -> None:
        """A group's name band in sight, with its first card."""
        self.placement.show_band(cluster_id)

    def column(self, key: str) -> Column:
        """The template's column ``key`` (the first one for a key it does not have)."""
        return next((c for c in self.columns if c.key == key), self.columns[0])

    def _show_chosen_group(self) -> None:
        # a slot of the scene, not of BoardSelection (a plain object): Qt drops it when the
        # scene is destroyed, before the notes' deletion changes the selection
        self.selection.show_chosen_group()

    def _tell_earlier_chosen(self) -> None:
        if self.notes.read_only and self.selection.selected_earlier_ids():  # Convergence only
            self.earlier_chosen.emit()

    def _style_clusters(self) -> None:
        self.groups.style(self.fonts, lambda key: self.column(key).colour, self.high_contrast)

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
