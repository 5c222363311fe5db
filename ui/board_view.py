"""The board on screen: a header per column (title and count) above the scrolling scene.

Columns share the window's width; the card type size follows the ``zoom`` (Ctrl+wheel,
Ctrl+plus/minus, fit to window). In projector mode the type is large (30 px at zoom 1)
and the colours are the high-contrast theme.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from shiboken6 import isValid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop.template import Column
from ui import theme
from ui.board_scene import (
    COLUMN_PADDING,
    DESK_PIXEL_SIZE,
    GAP,
    PROJECTOR_PIXEL_SIZE,
    BoardScene,
)
from ui.card_item import PADDING, STRIP, Fonts

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from PySide6.QtGui import QKeyEvent, QResizeEvent, QWheelEvent

MIN_ZOOM, MAX_ZOOM = 0.4, 4.0
REFERENCE_WIDTH = 1280  # the projector the type sizes are set for (issue 3: 1280×720)
ZOOM_STEP = 1.15


class ColumnHeader(QLabel):
    def __init__(self, column: Column) -> None:
        super().__init__()
        self.column = column
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.set_pixel_size(22)
        self.set_count(0)

    def set_pixel_size(self, pixels: int) -> None:
        ink = theme.readable_ink(self.column.colour)
        self.setStyleSheet(
            f"background: {self.column.colour}; color: {ink}; font-weight: bold;"
            f"font-size: {pixels}px; padding: 6px; border-radius: 6px;"
        )

    def set_count(self, count: int, total: int | None = None) -> None:
        shown = f"{count}/{total}" if total is not None else f"{count}"
        self.setText(f"{self.column.title}  ({shown})")


class BoardGraphicsView(QGraphicsView):
    """Signals:
    resized(): the viewport changed size; the columns must be fitted again.
    zoom_requested(int): Ctrl+wheel, +1 (larger) or -1 (smaller).
    """

    resized = Signal()
    zoom_requested = Signal(int)

    def __init__(self, scene: BoardScene) -> None:
        super().__init__(scene)
        self.board_scene = scene
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Tableau des idées"))
        self.verticalScrollBar().valueChanged.connect(self._scrolled)

    def show_card(self, card_id: str) -> None:
        item = self.board_scene.items_by_id.get(card_id)
        if item is not None:
            self.ensureVisible(item, 10, 10)

    def _scrolled(self) -> None:
        if not isValid(self.board_scene):  # a closing window's scroll bar moving as it goes
            return
        if any(not i.measured for i in self.board_scene.items_by_id.values()):
            self.board_scene.layout_cards()  # notes coming into sight get their exact height

    # Qt overrides

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
        }
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in moves and modifiers in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            dx, dy = moves[Qt.Key(event.key())]
            extend = modifiers == Qt.KeyboardModifier.ShiftModifier
            card_id = self.board_scene.move_selection(dx, dy, extend)
            if card_id:
                self.show_card(card_id)
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)


class BoardView(QWidget):
    """The column headers and the scene's view, fitted to the width.

    Signals:
        zoom_changed(float): the type size changed (zoom factor).
    """

    zoom_changed = Signal(float)

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.zoom = 1.0
        self.projector = False
        self.headers = {c.key: ColumnHeader(c) for c in scene.columns}
        header_row = QHBoxLayout()
        header_row.setSpacing(int(GAP))
        for header in self.headers.values():
            header_row.addWidget(header, 1)
        self.view = BoardGraphicsView(scene)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scrollbar = self.view.verticalScrollBar().sizeHint().width()
        header_row.setContentsMargins(0, 0, scrollbar, 0)  # headers above their columns
        self.view.resized.connect(self._fit)
        self.view.zoom_requested.connect(self.step_zoom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.setSpacing(6)
        layout.addLayout(header_row)
        layout.addWidget(self.view, 1)
        scene.laid_out.connect(self._update_counts)

    @property
    def base_pixel_size(self) -> int:
        return PROJECTOR_PIXEL_SIZE if self.projector else DESK_PIXEL_SIZE

    def card_pixel_size(self) -> float:
        return self.base_pixel_size * self.zoom

    def set_zoom(self, zoom: float) -> None:
        zoom = max(MIN_ZOOM, min(zoom, MAX_ZOOM))
        if zoom != self.zoom:
            self.zoom = zoom
            self._fit()
            self.zoom_changed.emit(zoom)

    def step_zoom(self, steps: int) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP**steps)

    def fit_to_window(self) -> None:
        """The largest zoom (up to 1) at which every column fits the height, if any does."""
        available = self.view.viewport().height()
        low, high = MIN_ZOOM, 1.0
        self.set_zoom(high)
        self.scene.measure_all()
        if self.scene.sceneRect().height() <= available + 1:
            return
        for _ in range(7):
            middle = (low + high) / 2
            self.zoom = middle
            self._fit()
            self.scene.measure_all()
            if self.scene.sceneRect().height() <= available + 1:
                low = middle
            else:
                high = middle
        self.zoom = -1.0  # force set_zoom to fit again
        self.set_zoom(low)

    def set_projector(self, on: bool) -> None:
        """Large type and the high-contrast theme (the projector), or the laptop's."""
        self.projector = on
        for header in self.headers.values():
            header.set_pixel_size(30 if on else 22)
        self.scene.set_high_contrast(on)
        self._fit()

    def _update_counts(self) -> None:
        filtering = self.scene.filtering
        for key, header in self.headers.items():
            total = self.scene.count(key)
            if filtering:
                header.set_count(self.scene.visible_count(key), total)
            else:
                header.set_count(total)

    def _viewport_width(self) -> int:
        # Not viewport().width(): the first viewport() call costs ~8 ms of PySide6 type set-up,
        # which start-up would pay before the first paint.
        width = self.view.maximumViewportSize().width()
        scroll_bar = self.view.verticalScrollBar()
        return width - scroll_bar.width() if scroll_bar.isVisible() else width

    def _fit(self) -> None:
        columns = len(self.scene.columns)
        available = self._viewport_width() - 2
        # whole pixels: a note's cached picture is drawn where the note is, not resampled
        width = float(max(120, math.floor((available - GAP * (columns - 1)) / columns)))
        self.scene.set_metrics(width, self._projector_size(width))

    def _projector_size(self, column_width: float) -> float:
        """The card type size. On a projector narrower than 1280 px (800×600, 1024×768) a
        pixel is larger on the wall: the whole board's type steps down, never below the
        size that looks as large as 30 px at 1280, to the size at which every word (or
        syllable of a long word, with its hyphen) fits its card. Every card keeps the same
        size; all the columns stay in sight."""
        size = self.card_pixel_size()
        ratio = self.window().width() / REFERENCE_WIDTH
        if not self.projector or ratio >= 1:
            return size
        text_width = column_width - 2 * COLUMN_PADDING - 2 * PADDING - STRIP
        fonts = Fonts(self.scene.fonts.text, size)
        widest = fonts.widest_piece((c.text for c in self.scene.all_cards()), text_width)
        if widest <= text_width:
            return size
        return float(max(round(size * ratio), math.floor(size * text_width / widest)))
