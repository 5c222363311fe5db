"""One card, large, over the board: the room follows the discussion card by card.

Space (or F4) on the board shows the selected card filling the board's area, in the
largest type at which its text fits; the arrow keys go to the next card (the board's
selection follows), Space, F4 or Esc go back to the board.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ui import theme
from ui.board_selection import ARROW_STEPS
from ui.card_item import VOTE_INK, VOTE_PILL

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from PySide6.QtGui import QKeyEvent, QPaintEvent

    from ui.board_scene import BoardScene

LARGEST = 160  # pixels: a short idea
SMALLEST = 28  # the projector's readable size: a long idea never goes below it
MARGIN = 40
FLAGS = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


class CardSpotlight(QWidget):
    """Signals:
    closed(): the facilitator went back to the board.
    """

    closed = Signal()

    def __init__(self, scene: BoardScene, parent: QWidget) -> None:
        super().__init__(parent)
        self.scene = scene
        self.card_id: str | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Idée en grand"))
        parent.installEventFilter(self)  # the board's area, whatever its size becomes
        self.hide()

    def show_card(self, card_id: str) -> None:
        self.card_id = card_id
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.update()

    def text_font(self, text: str, area: QRectF) -> QFont:
        """The largest type (LARGEST down to SMALLEST) at which ``text`` fits ``area``."""
        font = QFont(self.scene.fonts.text)
        for pixels in range(LARGEST, SMALLEST - 1, -4):
            font.setPixelSize(pixels)
            bound = QFontMetricsF(font).boundingRect(QRectF(0, 0, area.width(), 1e6), FLAGS, text)
            if bound.height() <= area.height() and bound.width() <= area.width():
                return font
        font.setPixelSize(SMALLEST)
        return font

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The board resized (a panel, the status bar, the window): still its whole area."""
        board = self.parentWidget()
        if board is not None and watched is board and event.type() == QEvent.Type.Resize:
            self.setGeometry(board.rect())
        return False

    def go_back(self) -> None:
        self.hide()
        self.closed.emit()

    # Qt overrides

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in ARROW_STEPS:
            card_id = self.scene.move_selection(*ARROW_STEPS[Qt.Key(key)])
            if card_id:
                self.card_id = card_id
                self.update()
            return
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_Space, Qt.Key.Key_F4):
            self.go_back()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        item = self.scene.items_by_id.get(self.card_id or "")
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#000000" if self.scene.high_contrast else "#37474F"))
        if item is None:
            return
        card = item.card
        background = card.colour or item.tint
        ink = QColor(theme.readable_ink(background))
        sheet = QRectF(self.rect()).adjusted(MARGIN / 2, MARGIN / 2, -MARGIN / 2, -MARGIN / 2)
        painter.setPen(QPen(QColor(self.scene.column(card.column).colour), 10))
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(sheet, 18, 18)
        footer_font = QFont(self.scene.fonts.text)
        footer_font.setPixelSize(max(SMALLEST, round(self.height() / 18)))
        footer_font.setBold(True)
        footer = QFontMetricsF(footer_font).height() + 16
        area = sheet.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN - footer)
        text = card.text
        painter.setPen(ink)
        painter.setFont(self.text_font(text, area))
        painter.drawText(area, FLAGS, text)
        parts = [p for p in (card.horizon and f"→{card.horizon}", item.look.persona_name) if p]
        parts.extend(card.tags)
        line = QRectF(area.left(), area.bottom() + 16, area.width(), footer - 16)
        painter.setFont(footer_font)
        mark = item.vote_mark()
        if mark.shown:
            label = mark.label()
            width = QFontMetricsF(footer_font).horizontalAdvance(label) + 32
            pill = QRectF(line.left(), line.top(), width, line.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(VOTE_PILL))
            painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
            painter.setPen(QColor(VOTE_INK))
            painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), label)
            line.setLeft(pill.right() + 24)
        painter.setPen(ink)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(line, flags, "   ".join(parts))
