"""What the board draws behind its cards: each column's background, its scroll mark, and a
slim (empty or folded) column's title upright along its band. It only draws where it is told."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem

from fabrique_desktop.board_layout import COLUMN_PADDING, SLIM_WIDTH, scroll_mark
from fabrique_desktop.template import Column
from ui import theme

SCROLL_MARK = 6.0  # the width of a column's scroll mark, in its right padding


class ColumnBackdrops:
    def __init__(self, scene: QGraphicsScene, columns: Sequence[Column]) -> None:
        self._scene = scene
        self._columns = columns
        self.high_contrast = False
        self.backgrounds: dict[str, QGraphicsRectItem] = {}
        self._marks: dict[str, QGraphicsRectItem] = {}
        self._slim_titles: dict[str, QGraphicsSimpleTextItem] = {}
        self._lit: str | None = None  # the column a drag would drop in
        for column in columns:
            rect = QGraphicsRectItem()
            # a QColor, not QBrush(QColor): the constructor's overloads make QImage's and
            # QGradient's Python enums (~18 M instructions at start-up, issue 28)
            rect.setBrush(QColor(column.tint))
            rect.setPen(QPen(QColor(column.colour), 2))
            rect.setZValue(-1)
            scene.addItem(rect)
            self.backgrounds[column.key] = rect
            mark = QGraphicsRectItem()
            mark.setPen(Qt.PenStyle.NoPen)
            mark.setZValue(-0.5)
            mark.hide()
            scene.addItem(mark)
            self._marks[column.key] = mark

    def rect(self, key: str) -> QRectF:
        return self.backgrounds[key].rect()

    def place(self, key: str, rect: QRectF) -> None:
        self.backgrounds[key].setRect(rect)

    def set_high_contrast(self, on: bool) -> None:
        """The projector theme: columns in their full colour."""
        self.high_contrast = on
        for column in self._columns:
            rect = self.backgrounds[column.key]
            rect.setBrush(QColor(column.colour if on else column.tint))
            rect.setPen(QPen(QColor(column.colour), 2))

    def light(self, key: str | None) -> None:
        """The column a drag would drop in has a bright outline (None: no column)."""
        if key == self._lit:
            return
        for column in self._columns:
            lit = column.key == key
            pen = QPen(QColor(theme.SELECTION), 6) if lit else QPen(QColor(column.colour), 2)
            self.backgrounds[column.key].setPen(pen)
        self._lit = key

    def hide_mark(self, key: str) -> None:
        self._marks[key].hide()

    def mark_length(self, key: str) -> float:
        """The length of a column's scroll mark as drawn (0 when hidden)."""
        mark = self._marks[key]
        return mark.rect().height() if mark.isVisible() else 0.0

    def show_mark(self, key: str, content: float, view_height: float, offset: float) -> None:
        """A thin bar in the column's right padding: how much of the column is in sight, and
        where (none when every card is)."""
        mark = self._marks[key]
        bar = scroll_mark(content, view_height, offset)
        if bar is None:
            mark.hide()
            return
        top, length = bar
        right = self.rect(key).right()
        rect = QRectF(right - SCROLL_MARK - 2, top + 2, SCROLL_MARK, length - 4)
        if mark.rect() != rect:
            mark.setRect(rect)
        ink = QColor("#FFFFFF" if self.high_contrast else "#263238")
        ink.setAlpha(150)
        if mark.brush().color() != ink:
            mark.setBrush(ink)
        mark.show()

    def place_slim_titles(self, slim: frozenset[str], text_font: QFont, pixel_size: float) -> None:
        """A slim (empty) column shows its title upright along the band."""
        for column in self._columns:
            title = self._slim_titles.get(column.key)
            if column.key not in slim:
                if title is not None:
                    title.hide()
                continue
            if title is None:
                title = QGraphicsSimpleTextItem(column.title)
                title.setRotation(-90)
                title.setZValue(-0.5)
                self._scene.addItem(title)
                self._slim_titles[column.key] = title
            font = QFont(text_font)
            font.setBold(True)
            font.setPixelSize(max(14, min(round(pixel_size), round(SLIM_WIDTH * 0.45))))
            title.setFont(font)
            background = column.colour if self.high_contrast else column.tint
            title.setBrush(QColor(theme.readable_ink(background)))
            size = title.boundingRect()
            x = self.rect(column.key).left() + (SLIM_WIDTH - size.height()) / 2
            title.setPos(round(x), round(COLUMN_PADDING + 16 + size.width()))
            title.show()
