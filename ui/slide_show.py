"""A full-screen slide show: one page at a time, driven by the keyboard, readable from the back.

Pages are built on demand by a function ``build(index, scale)``; ``scale`` is 1.0 at
1280×720 (the usual projector) and grows with the screen, so type sizes stay in proportion.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.full_screen import fill_screen

BASE_W, BASE_H = 1280, 720
COUNTER_PIXELS = 17  # « 3 / 42  ·  Échap pour quitter » at 1280×720: the panel type (13 pt)

NEXT_KEYS = {
    Qt.Key.Key_Right,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Space,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace}


def scale_for(width: int, height: int) -> float:
    return max(0.5, min(width / BASE_W, height / BASE_H))


class SlideShow(QWidget):
    """Pages shown one at a time; arrows, Page Up/Down, Space, Home/End; Esc closes.

    Signals:
        current_changed(int): the page now shown.
        closed(): the show was closed (Esc or window closed).
    """

    current_changed = Signal(int)
    closed = Signal()

    def __init__(
        self,
        count: int,
        build: Callable[[int, float], QWidget],
        title: str,
        start: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.count = count
        self._build = build
        self.index = max(0, min(start, count - 1))
        self.page: QWidget | None = None
        self._scale = 0.0
        self.setWindowTitle(title)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("slideShow")
        self.setStyleSheet("#slideShow { background: white; }")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.counter = QLabel(self)
        self.counter.setObjectName("slideCounter")
        self.resize(BASE_W, BASE_H)
        self._show_page()

    def present(self) -> None:
        """Full screen on the current screen (the projector, when the window is there)."""
        fill_screen(self)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def go(self, index: int) -> None:
        index = max(0, min(index, self.count - 1))
        if index != self.index:
            self.index = index
            self._show_page()
            self.current_changed.emit(index)

    def next(self) -> None:
        self.go(self.index + 1)

    def previous(self) -> None:
        self.go(self.index - 1)

    # private

    def _show_page(self) -> None:
        if self.page is not None:
            self._layout.removeWidget(self.page)
            self.page.deleteLater()
        scale = scale_for(self.width(), self.height())
        self._scale = scale  # the size the page was built for
        self.page = self._build(self.index, scale) if self.count else QLabel()
        self._layout.addWidget(self.page)
        self.counter.setText(
            self.tr("{} / {}  ·  Échap pour quitter").format(self.index + 1, self.count)
        )
        self.counter.setStyleSheet(
            f"color: #424242; background: rgba(255,255,255,200); padding: 2px 8px;"
            f"font-size: {round(COUNTER_PIXELS * scale)}px;"
        )
        self.counter.adjustSize()
        self._place_counter()
        self.counter.raise_()

    def _place_counter(self) -> None:
        self.counter.move(
            self.width() - self.counter.width() - 8, self.height() - self.counter.height() - 6
        )

    # Qt overrides

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in NEXT_KEYS:
            self.next()
        elif key in PREVIOUS_KEYS:
            self.previous()
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(self.count - 1)
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_Q):
            self.close()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # against the size the page was built for, not the event's old size: made full screen
        # before it is shown (fill_screen), the show's one resize has no old size, and a
        # 1920×1080 projector kept the 1280×720 type (the counter 14 px)
        super().resizeEvent(event)
        if scale_for(self.width(), self.height()) != self._scale:
            self._show_page()
        else:
            self._place_counter()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)


def css_px(value: float, scale: float) -> str:
    return f"{round(value * scale)}px"
