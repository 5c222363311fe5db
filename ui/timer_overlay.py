"""The round timer on the projector: a large countdown laid over the board.

It shows the session's ``TimerState`` (``fabrique_desktop.timer``), which lives in the
database: after a crash or a restart the overlay comes back with the time the room was
left with. The last minute turns amber; at zero the overlay flashes red and rings.

The ring: Qt Multimedia is not part of PySide6-Essentials, so the app does not use it.
``ring()`` calls ``QApplication.beep()`` and, where the platform has a sound player
(``paplay``/``aplay`` on Linux, ``afplay`` on macOS, ``winsound`` on Windows), plays a short
chime written once as a WAV file in the temporary folder. Without any of those the
flashing overlay alone says the round is over.
"""

from __future__ import annotations

import logging
import math
import shutil
import struct
import sys
import tempfile
import wave
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QProcess, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QMouseEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop import timer
from fabrique_desktop.ports import Store
from fabrique_desktop.timer import Clock, TimerState
from ui import facilitation_style as style

log = logging.getLogger(__name__)

TICK_MS = 250
FLASH_MS = 450
FLASHES = 16
WARN_SECONDS = 60
SMALL_PIXELS = 64
LARGE_PIXELS = 220


def chime_file() -> Path:
    """A short three-note chime as a WAV file (written once per run)."""
    path = Path(tempfile.gettempdir()) / "fabrique-chime.wav"
    if path.exists():
        return path
    rate = 22050
    frames = bytearray()
    for frequency in (880.0, 660.0, 990.0):
        for i in range(int(rate * 0.22)):
            fade = min(1.0, (int(rate * 0.22) - i) / 800)
            value = 0.45 * fade * math.sin(2 * math.pi * frequency * i / rate)
            frames += struct.pack("<h", int(value * 32767))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return path


def ring() -> None:
    """The audible cue at the end of a round (best effort, never blocks, never fails)."""
    QApplication.beep()
    try:
        if sys.platform == "win32":
            import winsound

            winsound.PlaySound(str(chime_file()), winsound.SND_FILENAME | winsound.SND_ASYNC)
            return
        player = next(
            (p for p in ("paplay", "aplay", "afplay") if shutil.which(p)),
            None,
        )
        if player:
            args = [str(chime_file())] if player != "aplay" else ["-q", str(chime_file())]
            QProcess.startDetached(player, args)
    except (OSError, RuntimeError) as error:
        log.info("no chime: %s", error)


class TimerOverlay(QFrame):
    """The countdown over the board. Timer changes are written to the database at once
    (through the window's change bus, which the owner connects to ``change_requested``);
    they are not undo steps (undoing a « start » in front of a room would be a trap).

    Signals:
        finished(): the round reached zero (emitted once per round).
        change_requested(Change): a timer change to store now, before the overlay reads it.
    """

    finished = Signal()
    change_requested = Signal(object)

    def __init__(
        self, store: Store, session_id: str, clock: Callable[[], object], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.session_id = session_id
        self.clock: Clock = clock  # type: ignore[assignment]
        self.ring: Callable[[], None] = ring
        self.large = False
        self.setObjectName("timerOverlay")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.state: TimerState = timer.get(store, session_id)
        self._announced = self._over()
        self._flashes = 0
        self._flash_on = False
        self.time_label = QLabel()
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.time_label.setAccessibleName(self.tr("Temps restant"))
        self.time_label.installEventFilter(self)
        self.caption = QLabel()
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self.toggle)
        self.minute_button = QPushButton(self.tr("+1 min"))
        self.minute_button.setToolTip(self.tr("Ajouter une minute (F8)"))
        self.minute_button.clicked.connect(self.add_minute)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 600)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(max(1, round(self.state.duration / 60)))
        self.minutes.setAccessibleName(self.tr("Durée du tour en minutes"))
        self.set_button = QPushButton(self.tr("Régler"))
        self.set_button.clicked.connect(lambda: self.set_minutes(self.minutes.value()))
        self.close_button = QPushButton("✕")
        self.close_button.setToolTip(self.tr("Masquer le minuteur (Ctrl+T)"))
        self.close_button.clicked.connect(self.hide)
        controls = QHBoxLayout()
        for widget in (
            self.start_button,
            self.minute_button,
            self.minutes,
            self.set_button,
            self.close_button,
        ):
            controls.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 10)
        layout.addWidget(self.time_label, 1)
        layout.addWidget(self.caption)
        layout.addLayout(controls)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self.update_display)
        self._flash = QTimer(self)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self._flash_step)
        # Esc brings the large countdown back to its corner (only while it is large: Esc
        # leaves the capture field otherwise)
        self._shrink = QShortcut(QKeySequence(Qt.Key.Key_Escape), parent)
        self._shrink.setContext(Qt.ShortcutContext.WindowShortcut)
        self._shrink.setEnabled(False)
        self._shrink.activated.connect(lambda: self.set_large(False))
        parent.installEventFilter(self)
        self.update_display()
        self._place()

    # public

    def remaining(self) -> float:
        return timer.remaining(self.state, self.clock())

    def reload(self) -> None:
        self.state = timer.get(self.store, self.session_id)
        self.minutes.setValue(max(1, round(self.state.duration / 60)))
        self.update_display()

    def toggle(self) -> None:
        self._apply(timer.toggle(self.store, self.state, self.clock()))

    def add_minute(self) -> None:
        self._apply(timer.add_seconds(self.store, self.state, self.clock(), 60))

    def set_minutes(
        self, minutes: int, activity_id: str | None = None, start: bool = False
    ) -> None:
        self._apply(timer.set_duration(self.store, self.state, minutes * 60, activity_id))
        if start:
            self._apply(timer.start(self.store, self.state, self.clock()))

    def reset(self) -> None:
        self._apply(timer.reset(self.store, self.state))

    def set_caption(self, text: str) -> None:
        self.caption.setText(text)
        self.caption.setVisible(bool(text))

    def set_large(self, large: bool) -> None:
        """Large: the countdown fills the board, for the back of the room."""
        self.large = large
        self._shrink.setEnabled(large and self.isVisible())
        self.update_display()
        self._place()

    def update_display(self) -> None:
        left = self.remaining()
        self.time_label.setText(timer.format_seconds(left))
        self.start_button.setText(
            self.tr("Pause (F7)") if self.state.running else self.tr("Démarrer (F7)")
        )
        if self.state.running and not self._tick.isActive():
            self._tick.start()
        elif not self.state.running and self._tick.isActive():
            self._tick.stop()
        if left <= 0 and self.state.running and not self._announced:
            self._announced = True
            self._flashes = 0
            self._flash.start()
            self.ring()
            self.finished.emit()
        if left > 0:
            self._announced = False
            if self._flash.isActive():
                self._flash.stop()
                self._flash_on = False
        self._paint(left)

    # private

    def _over(self) -> bool:
        return self.state.running and self.remaining() <= 0

    def _apply(self, change: object) -> None:
        if change:
            self.change_requested.emit(change)  # stored by the bus before the next line
        self.state = timer.get(self.store, self.session_id)
        self.minutes.blockSignals(True)
        self.minutes.setValue(max(1, round(self.state.duration / 60)))
        self.minutes.blockSignals(False)
        self.update_display()

    def _flash_step(self) -> None:
        self._flashes += 1
        self._flash_on = not self._flash_on
        if self._flashes >= FLASHES:
            self._flash.stop()
            self._flash_on = False
        self._paint(self.remaining())

    def _paint(self, left: float) -> None:
        if left <= 0:
            background, ink = (
                (style.TIMER_WARN_BG, style.TIMER_WARN_INK)
                if self._flash_on
                else (style.TIMER_OVER_BG, style.TIMER_OVER_INK)
            )
        elif left <= WARN_SECONDS:
            background, ink = style.TIMER_WARN_BG, style.TIMER_WARN_INK
        else:
            background, ink = style.TIMER_BG, style.TIMER_INK
        pixels = LARGE_PIXELS if self.large else SMALL_PIXELS
        self.setStyleSheet(
            f"QFrame#timerOverlay {{ background: {background}; border-radius: 14px; }}"
            f"QLabel {{ color: {ink}; background: transparent; font-size: 16pt; }}"
            f"QPushButton, QSpinBox {{ font-size: 13pt; }}"
        )
        self.time_label.setStyleSheet(
            f"color: {ink}; font-size: {pixels}px; font-weight: bold; background: transparent;"
        )

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        if self.large:
            self.setGeometry(parent.rect().adjusted(20, 20, -20, -20))
        else:
            self.adjustSize()
            width = max(self.sizeHint().width(), 440)
            height = self.sizeHint().height()
            self.setGeometry(parent.width() - width - 16, 12, width, height)
        self.raise_()

    # Qt overrides

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._shrink.setEnabled(self.large)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._shrink.setEnabled(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        elif (
            watched is self.time_label
            and event.type() == QEvent.Type.MouseButtonDblClick
            and isinstance(event, QMouseEvent)
        ):
            self.set_large(not self.large)
            return True
        return super().eventFilter(watched, event)
