"""The board as a graphics scene: the template's columns side by side, cards stacked in each.

The scene mirrors the database: ``show_cards`` builds it, ``refresh`` updates the cards a
change touched. Layout is computed here; the view decides the zoom.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene

from fabrique_desktop.model import Card
from fabrique_desktop.template import Column
from ui import theme
from ui.card_item import CardItem

GAP = 12.0
COLUMN_PADDING = 10.0


class BoardScene(QGraphicsScene):
    """Signals:
    laid_out(): cards were placed again (counts or heights may have changed).
    """

    laid_out = Signal()

    def __init__(self, columns: tuple[Column, ...], parent: object | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.column_width = 0.0  # unknown until the view fits the columns to its width
        self.card_font = QFont()
        self.card_font.setPointSizeF(theme.CARD_POINT_SIZE)
        self.items_by_id: dict[str, CardItem] = {}
        self._backgrounds: dict[str, QGraphicsRectItem] = {}
        self.setBackgroundBrush(QColor(theme.BOARD_BACKGROUND))
        for column in columns:
            rect = QGraphicsRectItem()
            rect.setBrush(QBrush(QColor(column.tint)))
            rect.setPen(QPen(QColor(column.colour), 2))
            rect.setZValue(-1)
            self.addItem(rect)
            self._backgrounds[column.key] = rect

    def show_cards(self, cards: list[Card]) -> None:
        for item in self.items_by_id.values():
            self.removeItem(item)
        self.items_by_id.clear()
        for card in cards:
            self._add(card)
        self.layout_cards()

    def refresh(self, cards: list[Card]) -> None:
        """Bring the given cards up to date: add, update, or remove (deleted/merged) them."""
        for card in cards:
            item = self.items_by_id.get(card.id)
            gone = card.deleted or card.merged_into is not None
            if gone and item is not None:
                self.removeItem(item)
                del self.items_by_id[card.id]
            elif not gone and item is None:
                self._add(card)
            elif item is not None:
                item.tint = self._column(card.column).tint
                item.set_card(card)
        self.layout_cards()

    def set_metrics(self, column_width: float, point_size: float) -> None:
        if column_width == self.column_width and point_size == self.card_font.pointSizeF():
            return
        self.column_width = column_width
        self.card_font.setPointSizeF(point_size)
        for item in self.items_by_id.values():
            item.set_geometry(self.card_font, self._card_width())
        self.layout_cards()

    def cards_in(self, column: str) -> list[CardItem]:
        items = [i for i in self.items_by_id.values() if i.card.column == column]
        return sorted(items, key=lambda i: i.card.position)

    def count(self, column: str) -> int:
        return sum(1 for i in self.items_by_id.values() if i.card.column == column)

    def layout_cards(self) -> None:
        if not self.column_width:
            return
        tallest = 0.0
        for index, column in enumerate(self.columns):
            x = index * (self.column_width + GAP)
            y = COLUMN_PADDING
            for item in self.cards_in(column.key):
                item.setPos(x + COLUMN_PADDING, y)
                y += item.height() + GAP
            tallest = max(tallest, y)
        height = max(tallest + COLUMN_PADDING, 200.0)
        for index, column in enumerate(self.columns):
            x = index * (self.column_width + GAP)
            self._backgrounds[column.key].setRect(QRectF(x, 0, self.column_width, height))
        width = len(self.columns) * (self.column_width + GAP) - GAP
        self.setSceneRect(QRectF(0, 0, width, height))
        self.laid_out.emit()

    def _card_width(self) -> float:
        return self.column_width - 2 * COLUMN_PADDING

    def _column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        return self.columns[0]

    def _add(self, card: Card) -> None:
        width = self._card_width() if self.column_width else 0.0
        item = CardItem(card, self._column(card.column).tint, self.card_font, width)
        self.addItem(item)
        self.items_by_id[card.id] = item
