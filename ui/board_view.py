"""The board on screen: a header per column (title and count) above the scrolling scene.

Columns share the window's width; the card type size follows the ``zoom``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter, QResizeEvent
from PySide6.QtWidgets import QGraphicsView, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fabrique_desktop.template import Column
from ui import theme
from ui.board_scene import GAP, BoardScene


class ColumnHeader(QLabel):
    def __init__(self, column: Column) -> None:
        super().__init__()
        self.column = column
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        ink = theme.readable_ink(column.colour)
        self.setStyleSheet(
            f"background: {column.colour}; color: {ink}; font-weight: bold;"
            f"font-size: {theme.HEADER_POINT_SIZE}pt; padding: 8px; border-radius: 6px;"
        )
        self.set_count(0)

    def set_count(self, count: int) -> None:
        self.setText(f"{self.column.title}  ({count})")


class BoardGraphicsView(QGraphicsView):
    """Signals:
    resized(): the viewport changed size; the columns must be fitted again.
    """

    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class BoardView(QWidget):
    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.zoom = 1.0
        self.headers = {c.key: ColumnHeader(c) for c in scene.columns}
        header_row = QHBoxLayout()
        header_row.setSpacing(int(GAP))
        header_row.setContentsMargins(0, 0, 0, 0)
        for header in self.headers.values():
            header_row.addWidget(header, 1)
        self.view = BoardGraphicsView(scene)
        self.view.resized.connect(self._fit)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.view.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.setSpacing(6)
        layout.addLayout(header_row)
        layout.addWidget(self.view, 1)
        scene.laid_out.connect(self._update_counts)

    def set_zoom(self, zoom: float) -> None:
        self.zoom = max(0.4, min(zoom, 4.0))
        self._fit()

    def _update_counts(self) -> None:
        for key, header in self.headers.items():
            header.set_count(self.scene.count(key))

    def _fit(self) -> None:
        columns = len(self.scene.columns)
        available = self.view.viewport().width() - 2
        width = max(160.0, (available - GAP * (columns - 1)) / columns)
        self.scene.set_metrics(width, theme.CARD_POINT_SIZE * self.zoom)
