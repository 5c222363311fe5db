"""A sticky note on the board scene. It draws a card's values; it never changes them."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from fabrique_desktop.model import Card
from ui import theme

PADDING = 10.0
TEXT_FLAGS = (
    int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)
)


class CardItem(QGraphicsItem):
    def __init__(self, card: Card, tint: str, font: QFont, width: float) -> None:
        super().__init__()
        self.card = card
        self.tint = tint
        self._font = font
        self._width = width
        self._height = self._measure()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    @property
    def card_id(self) -> str:
        return self.card.id

    def set_card(self, card: Card) -> None:
        self.prepareGeometryChange()
        self.card = card
        self._height = self._measure()
        self.update()

    def set_geometry(self, font: QFont, width: float) -> None:
        self.prepareGeometryChange()
        self._font = font
        self._width = width
        self._height = self._measure()

    def height(self) -> float:
        return self._height

    def _background(self) -> str:
        return self.card.colour or self.tint

    def _badges(self) -> str:
        parts = []
        if self.card.horizon:
            parts.append(self.card.horizon)
        parts.extend(self.card.tags)
        return "  ".join(parts)

    def _measure(self) -> float:
        if self._width <= 0:
            return 0.0
        metrics = QFontMetricsF(self._font)
        text_rect = metrics.boundingRect(
            QRectF(0, 0, self._width - 2 * PADDING - 2, 100000), TEXT_FLAGS, self.card.text
        )
        badges = metrics.height() * 0.8 if self._badges() else 0.0
        return text_rect.height() + badges + 2 * PADDING

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._width, self._height)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        rect = self.boundingRect().adjusted(1, 1, -1, -1)
        background = self._background()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = (
            QPen(QColor(theme.SELECTION), 4) if self.isSelected() else QPen(QColor("#90A4AE"), 1)
        )
        painter.setPen(border)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(QColor(theme.readable_ink(background)))
        painter.setFont(self._font)
        text_rect = rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        painter.drawText(text_rect, TEXT_FLAGS, self.card.text)
        badges = self._badges()
        if badges:
            small = QFont(self._font)
            small.setPointSizeF(self._font.pointSizeF() * 0.7)
            small.setBold(True)
            painter.setFont(small)
            painter.drawText(
                text_rect,
                int(Qt.AlignmentFlag.AlignRight) | int(Qt.AlignmentFlag.AlignBottom),
                badges,
            )
