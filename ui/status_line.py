"""The window's status bar, whose line is never cut at its end.

A line too long for the bar (« Exporté : » and a long path, a persona's long name) was drawn
as far as the bar went and lost its end, which is often what the line is about (the file's
name). Such a line is shortened in its middle (« … »), its start and its end shown, and the
whole line is the bar's tooltip while it is shown. A line that fits is drawn as Qt draws it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizeGrip, QStatusBar, QWidget

LEFT = 6  # px: where Qt draws the line (QStatusBarPrivate::messageRect)
RIGHT = 12  # px kept free at the right end
BESIDE = 2  # px before a permanent widget (the read-only notice, the relay's status)


class WholeStatusBar(QStatusBar):
    """A QStatusBar that shortens a line too long for it in its middle (see the module)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messageChanged.connect(self._message_changed)

    def message_room(self) -> QRect:
        """Where the line is drawn: the bar less its ends and its permanent widgets (while a
        line is shown, the other widgets are hidden: those still shown are permanent)."""
        right = self.width() - RIGHT
        for child in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isVisible() and not isinstance(child, QSizeGrip):
                right = min(right, child.x() - BESIDE)
        return QRect(LEFT, 0, max(0, right - LEFT), self.height())

    def shown_text(self) -> str:
        """The line as drawn: whole when it fits, else shortened in its middle."""
        text = self.currentMessage()
        return self.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideMiddle, self.message_room().width()
        )

    def _message_changed(self, text: str) -> None:
        self.setToolTip(text if text and self.shown_text() != text else "")

    def paintEvent(self, event: QPaintEvent) -> None:  # the line shortened when too long
        text, shown = self.currentMessage(), self.shown_text()
        if not text or shown == text:
            super().paintEvent(event)
            return
        # here: naming QStyle at import made its class before the first frame
        from PySide6.QtWidgets import QStyle, QStyleOption

        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(
            self.message_room(),
            Qt.AlignmentFlag.AlignLeading
            | Qt.AlignmentFlag.AlignVCenter
            | Qt.TextFlag.TextSingleLine,
            shown,
        )
