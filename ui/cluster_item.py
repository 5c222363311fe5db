"""A group of ideas (a cluster) on the board: a frame around its cards, its name on a band.

The scene lays the group's cards one after the other in their column and gives this item
the rectangle they take, band included; the item only draws. Its name wraps (never cut)
and is set bold, nearly as large as the ideas, so that the back of the room reads it.
"""

from __future__ import annotations

import math
import unicodedata
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QWidget

from fabrique_desktop.typography import french_spacing
from ui import theme

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

BAND_PADDING = 6.0  # around the name, inside the band
FRAME_WIDTH = 4.0
SELECTED_WIDTH = 6.0  # the outline of a selected group's band (as a selected card's)
# a left-to-right line whatever the name's first letter (a name in Arabic turned the band
# round: the ▦ at the right, the count at the left)
FLAGS = (
    int(Qt.TextFlag.TextWordWrap)
    | int(Qt.AlignmentFlag.AlignLeft)
    | int(Qt.TextFlag.TextForceLeftToRight)
)
ISOLATE, END_ISOLATE = "\u2068", "\u2069"  # the name in its own direction, the count after it
ICON = "▦\u00a0"  # says « a group » before the name (not by colour alone), on its line
OBJECTIVE_ICON = "◎\u00a0"  # an earlier atelier's objective (a Convergence wall)
SCALE = 0.9  # of the board's type size: a name reads from the back, and fits the band
TRACE_SCALE = 0.72  # an objective's trace: the size of the notes' badges (their trace too)


class ClusterItem(QGraphicsItem):
    def __init__(self, cluster_id: str, name: str) -> None:
        super().__init__()
        self.cluster_id = cluster_id
        self.name = name
        self.count = 0
        self.colour = "#37474F"  # the frame and the band (the column's colour)
        self._font = QFont()
        self._small = QFont()
        self._rect = QRectF()
        self._band = 0.0
        self.selected = False  # the group is selected: its band is outlined
        # an earlier atelier's objective (a Convergence wall): « Objectif · Ateliers 3 et 4 ·
        # lecture seule » under its name, and a dashed frame (as its pistes' notes)
        self.trace = ""
        self.setZValue(-0.5)  # above the column, below the cards
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def label(self) -> str:
        name = french_spacing(self.name)  # « Mobilité : … » never wraps before its « : »
        icon = OBJECTIVE_ICON if self.trace else ICON
        if any(unicodedata.bidirectional(letter) in ("R", "AL") for letter in name):
            # isolated, a name ending in Arabic (« … محمد ») no longer takes the count into
            # its right-to-left run: « (3) محمد » read the count before the name
            name = f"{ISOLATE}{name}{END_ISOLATE}"
        return f"{icon}{name}\u00a0({self.count})"

    def set_trace(self, trace: str) -> None:
        trace = french_spacing(trace)
        if trace != self.trace:
            self.prepareGeometryChange()
            self.trace = trace

    def set_font(self, font: QFont) -> None:
        self._font = QFont(font)
        self._font.setBold(True)
        self._font.setPixelSize(max(16, round(font.pixelSize() * SCALE)))
        self._small = QFont(font)
        self._small.setBold(True)
        self._small.setPixelSize(max(12, round(font.pixelSize() * TRACE_SCALE)))

    def font(self) -> QFont:
        return self._font

    def band_height(self, width: float) -> float:
        """The height of the band that shows the name, wrapped to ``width``."""
        name, trace = self._heights(width)
        return math.ceil(name + trace) + 2 * BAND_PADDING

    def _heights(self, width: float) -> tuple[float, float]:
        """The wrapped heights of the name and of the trace (0 without one)."""
        inner = QRectF(0, 0, max(10.0, width - 2 * BAND_PADDING - 2 * FRAME_WIDTH), 1e6)
        name = QFontMetricsF(self._font).boundingRect(inner, FLAGS, self.label()).height()
        if not self.trace:
            return name, 0.0
        return name, QFontMetricsF(self._small).boundingRect(inner, FLAGS, self.trace).height()

    def set_frame(self, rect: QRectF, band: float) -> None:
        """Where the group is drawn (scene coordinates) and the height of its band."""
        if rect == self._rect and band == self._band:
            return
        self.prepareGeometryChange()
        self.setPos(rect.topLeft())
        self._rect = QRectF(0, 0, rect.width(), rect.height())
        self._band = band
        self.update()

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.update()

    def frame_rect(self) -> QRectF:
        """The frame, in scene coordinates."""
        return self._rect.translated(self.pos())

    def band_rect(self) -> QRectF:
        return QRectF(0, 0, self._rect.width(), self._band)

    def text_rect(self) -> QRectF:
        inset = FRAME_WIDTH + BAND_PADDING
        return self.band_rect().adjusted(inset, BAND_PADDING, -inset, -BAND_PADDING)

    def ink(self) -> str:
        return theme.readable_ink(self.colour)

    # Qt overrides

    def boundingRect(self) -> QRectF:
        half = SELECTED_WIDTH / 2
        return self._rect.adjusted(-half, -half, half, half)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(self.colour)
        frame = QPen(colour, FRAME_WIDTH)
        if self.trace:
            frame.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(frame)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(self._rect, 8, 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(self.band_rect(), 8, 8)
        painter.setPen(QColor(self.ink()))
        painter.setFont(self._font)
        text = self.text_rect()
        painter.drawText(text, FLAGS, self.label())
        if self.trace:  # under the name, as the notes' badges
            name = self._heights(self._rect.width())[0]
            painter.setFont(self._small)
            painter.drawText(text.adjusted(0, name, 0, 0), FLAGS, self.trace)
        if self.selected:
            painter.setPen(QPen(QColor(theme.SELECTION), SELECTED_WIDTH))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self.band_rect(), 8, 8)
