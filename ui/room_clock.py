"""The round timer on the audience window: the laptop's countdown, for the room.

With an audience window on the projector, the timer the facilitator runs (ui/timer_overlay.py)
is on the laptop's screen; the room reads this copy of it: the same digits and colours, in
the place the facilitator chose (a band above the headers, a strip right of the columns or a
band under them: the board makes room, ``BoardView.reserve_timer``), large when the timer is
large. It only shows: the laptop keeps the controls and the keyboard.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

if TYPE_CHECKING:  # type hints only
    from ui.board_view import BoardView
    from ui.timer_overlay import TimerOverlay

TICK_MS = 250
MARGIN = 8


class RoomClock(QFrame):
    """A copy of ``source()`` (the laptop's timer overlay, or None) over ``board``."""

    def __init__(self, board: BoardView, source: Callable[[], TimerOverlay | None]) -> None:
        super().__init__(board)
        self.board = board
        self.source = source
        self.setObjectName("timerOverlay")  # the overlay's style sheet applies as it is
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.time_label = QLabel()
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel()
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 2, 16, 2)
        layout.setSpacing(0)
        layout.addWidget(self.time_label)
        layout.addWidget(self.caption)
        self.hide()
        self._shown: tuple[object, ...] = ()
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self.follow)
        self._tick.start()
        self.follow()

    @property
    def following(self) -> bool:
        return self._tick.isActive()

    def stop(self) -> None:
        """The laptop's timer is read no more (its window is going)."""
        self._tick.stop()

    def follow(self) -> None:
        """Show what the laptop's timer shows now (nothing if it is hidden)."""
        overlay = self.source()
        if overlay is None or overlay.isHidden():
            if not self.isHidden():
                self.hide()
                self.board.reserve_timer(None, 0)
            self._shown = ()
            return
        caption = overlay.caption.text() if overlay.large or overlay.place == "droite" else ""
        shown = (
            overlay.time_label.text(),
            overlay.styleSheet(),
            overlay.time_label.styleSheet(),
            caption,
            overlay.large,
            overlay.place,
            self.board.size(),
        )
        if shown == self._shown:
            return
        self._shown = shown
        text, sheet, digits, caption, large, place, _size = shown
        self.setStyleSheet(str(sheet))
        self.time_label.setStyleSheet(str(digits))
        self.time_label.setText(str(text))
        self.caption.setText(str(caption))
        self.caption.setVisible(bool(caption))
        self._place(bool(large), str(place))
        self.show()
        self.raise_()

    def _place(self, large: bool, place: str) -> None:
        board = self.board
        if large:
            board.reserve_timer(None, 0)
            self.setGeometry(board.rect().adjusted(20, 20, -20, -20))
            return
        self.adjustSize()
        hint = self.sizeHint()
        if place == "droite":
            width = max(hint.width(), 220)
            board.reserve_timer("droite", width)
            self.setGeometry(board.width() - width - MARGIN, MARGIN, width, hint.height())
            return
        board.reserve_timer(place, hint.height())
        top = 4 if place == "haut" else board.height() - hint.height() - 4
        self.setGeometry(board.width() - hint.width() - MARGIN, top, hint.width(), hint.height())
