"""The round timer on the projector: a countdown with a place of its own.

Small, it never hides a header, a count or a card, and costs the board little height:
« haut » (the default) puts it at the right end of the capture bar's row, above the board
(beside the filter on a second row when that row is too narrow: 800×600, 1024×768); « droite »
is a strip right of the columns; « bas » a compact band under them. The board makes room
for it (``BoardView.reserve_timer``). The facilitator moves it from its ⋯ menu or by
dragging it to another edge (remembered on this laptop: where the timer sits depends on the
room and the projector, not on the atelier). Large (Ctrl+Shift+T, or a double click), it
fills the board for the back of the room, until Esc.

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

from PySide6.QtCore import QEvent, QObject, QPoint, QProcess, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QHideEvent,
    QKeySequence,
    QMouseEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QWidget,
)

from fabrique_desktop import limits, timer
from fabrique_desktop.changes import Change
from fabrique_desktop.ports import Store
from fabrique_desktop.timer import Clock, TimerState
from ui import facilitation_style as style
from ui import theme
from ui.change_writer import Writer, unwired

log = logging.getLogger(__name__)

TICK_MS = 250
FLASH_MS = 450
FLASHES = 16
WARN_SECONDS = 60
SMALL_PIXELS = 44  # the small countdown on the projector: read from the back at 1280×720
DESK_PIXELS = 32  # the same in a laptop window
LARGE_PIXELS = 220
PLACES = ("haut", "droite", "bas")
PLACE_SETTING = "timer_place"


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
    (through the window's change bus, which the owner sets as ``write``);
    they are not undo steps (undoing a « start » in front of a room would be a trap).

    Signals:
        finished(): the round reached zero (emitted once per round).
    """

    finished = Signal()

    def __init__(
        self, store: Store, session_id: str, clock: Callable[[], object], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.write: Writer = unwired  # the window's bus, set by its feature
        self.store = store
        self.session_id = session_id
        self.clock: Clock = clock  # type: ignore[assignment]
        self.ring: Callable[[], None] = ring
        self.large = False
        self.board = parent  # the board: the timer makes room on it, or fills it when large
        self.place = self._remembered_place(parent)
        self._placing = False
        self._press_at: QPoint | None = None
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
        self.minutes.setRange(1, limits.MAX_TIMER_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(max(1, round(self.state.duration / 60)))
        self.minutes.setAccessibleName(self.tr("Durée du tour en minutes"))
        self.set_button = QPushButton(self.tr("Régler"))
        self.set_button.clicked.connect(lambda: self.set_minutes(self.minutes.value()))
        self.close_button = QPushButton("✕")
        self.close_button.setToolTip(self.tr("Masquer le minuteur (Ctrl+T)"))
        self.close_button.clicked.connect(self.hide)
        self.menu_button = QToolButton()
        self.menu_button.setText("⋯")
        self.menu_button.setToolTip(self.tr("Régler, déplacer, agrandir ou masquer le minuteur"))
        self.menu_button.setAccessibleName(self.tr("Menu du minuteur"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setMenu(self._build_menu())
        self.controls = QGridLayout()
        self.controls.setSpacing(6)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(12, 0, 8, 0)
        self._layout.setSpacing(8)
        self._layout.addWidget(self.time_label)
        self._layout.addWidget(self.caption, 1)
        self._layout.addLayout(self.controls)
        self._arrange()
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
        self._row_host = getattr(parent.window(), "capture", None)
        if isinstance(self._row_host, QWidget):  # its width decides whether the timer fits
            self._row_host.installEventFilter(self)
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
        self._show_caption()

    def set_large(self, large: bool) -> None:
        """Large: the countdown fills the board, for the back of the room."""
        self.large = large
        self._shrink.setEnabled(large and self.isVisible())
        self._arrange()
        self.update_display()
        self._place()

    def set_place(self, place: str) -> None:
        """Where the small timer lives: « haut », « droite » or « bas » (remembered)."""
        if place not in PLACES:
            return
        self.place = place
        settings = getattr(self.board.window(), "settings", None)
        if settings is not None:
            settings.set(PLACE_SETTING, place)
        self._arrange()
        self._place()

    def move_to_next_place(self) -> None:
        self.set_place(PLACES[(PLACES.index(self.place) + 1) % len(PLACES)])

    def _show_start_text(self) -> None:
        running = self.state.running
        words = self.tr("Pause (F7)") if running else self.tr("Démarrer (F7)")
        if self.compact():
            self.start_button.setText("❚❚" if running else "▶")
            self.start_button.setToolTip(words)
        else:
            self.start_button.setText(words)
            self.start_button.setToolTip("")

    def compact(self) -> bool:
        """In a row (the capture bar's, or a band): digits, start/pause, +1 and the menu."""
        return not self.large and self.place != "droite"

    def ask_minutes(self) -> None:
        """« Régler la durée… »: the round's minutes, typed."""
        from PySide6.QtWidgets import QInputDialog

        minutes, chosen = QInputDialog.getInt(
            self.window(),
            self.tr("Minuteur"),
            self.tr("Durée du tour, en minutes :"),
            self.minutes.value(),
            1,
            limits.MAX_TIMER_MINUTES,
        )
        if chosen:
            self.minutes.setValue(minutes)
            self.set_minutes(minutes)

    def update_display(self) -> None:
        left = self.remaining()
        self.time_label.setText(timer.format_seconds(left))
        self._show_start_text()
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

    def _apply(self, change: Change) -> None:
        if change:
            self.write(change)  # stored by the bus before the next line (or refused: as was)
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
        pixels = self.digit_pixels()
        sheet = (
            f"QFrame#timerOverlay {{ background: {background}; border-radius: 10px; }}"
            f"QLabel {{ color: {ink}; background: transparent; font-size: 16pt; }}"
            f"QPushButton, QSpinBox, QToolButton {{ font-size: {theme.PANEL_POINT_SIZE}pt; }}"
            f"QPushButton, QToolButton {{ padding: 4px 6px; }}"
            f"QToolButton::menu-indicator {{ image: none; width: 0px; }}"
        )
        if sheet != self.styleSheet():  # (every tick: restyling costs a relayout)
            self.setStyleSheet(sheet)
        digits = f"color: {ink}; font-size: {pixels}px; font-weight: bold; background: transparent;"
        if digits != self.time_label.styleSheet():
            self.time_label.setStyleSheet(digits)

    def digit_pixels(self) -> int:
        if self.large:
            return LARGE_PIXELS
        return SMALL_PIXELS if getattr(self.board, "projector", True) else DESK_PIXELS

    @staticmethod
    def _remembered_place(parent: QWidget) -> str:
        settings = getattr(parent.window(), "settings", None)
        place = settings.get(PLACE_SETTING, PLACES[0]) if settings is not None else PLACES[0]
        return place if place in PLACES else PLACES[0]

    def _build_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.tr("Régler la durée…"), self.ask_minutes)
        menu.addSeparator()
        group = QActionGroup(menu)
        self.place_actions: dict[str, QAction] = {}
        for place, text in (
            ("haut", self.tr("En haut, à côté de la saisie")),
            ("droite", self.tr("À droite des colonnes")),
            ("bas", self.tr("Sous les colonnes")),
        ):
            action = QAction(text, menu)
            action.triggered.connect(lambda _checked=False, p=place: self.set_place(p))
            menu.addAction(action)
            action.setCheckable(True)
            group.addAction(action)
            self.place_actions[place] = action
        menu.addSeparator()
        menu.addAction(self.tr("En grand (Ctrl+Shift+T)"), lambda: self.set_large(True))
        menu.addAction(self.tr("Masquer (Ctrl+T)"), self.close_button.click)
        menu.aboutToShow.connect(lambda: self.place_actions[self.place].setChecked(True))
        return menu

    def _arrange(self) -> None:
        """A compact row (haut, bas): the digits, start/pause, +1 and the menu; a column in
        the right strip or when large, with every control."""
        upright = self.large or self.place == "droite"
        direction = (
            QBoxLayout.Direction.TopToBottom if upright else QBoxLayout.Direction.LeftToRight
        )
        self._layout.setDirection(direction)
        compact = self.compact()
        every: tuple[QWidget, ...] = (
            self.start_button,
            self.minute_button,
            self.minutes,
            self.set_button,
            self.menu_button,
            self.close_button,
        )
        few: tuple[QWidget, ...] = (self.start_button, self.minute_button, self.menu_button)
        shown = few if compact else every
        for widget in every:
            self.controls.removeWidget(widget)
            widget.setVisible(widget in shown)
        self.minute_button.setText(self.tr("+1") if compact else self.tr("+1 min"))
        if upright and not self.large:  # the strip: two to a row
            for index, widget in enumerate(shown):
                self.controls.addWidget(widget, index // 2, index % 2)
        else:
            for index, widget in enumerate(shown):
                self.controls.addWidget(widget, 0, index)
        self.caption.setAlignment(
            Qt.AlignmentFlag.AlignCenter
            if upright
            else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self._show_caption()
        self._show_start_text()

    def _show_caption(self) -> None:
        """The step's title shows, except in the capture bar's row (a tooltip there)."""
        text = self.caption.text()
        in_row = self.compact() and self.place == "haut"
        self.caption.setVisible(bool(text) and not in_row)
        self.setToolTip(text if in_row else "")

    def _move_to(self, parent: QWidget) -> None:
        """Into the capture bar's row, or back onto the board (shown as it was)."""
        if self.parentWidget() is parent:
            return
        shown = not self.isHidden()
        self.setParent(parent)
        if shown:
            self.show()

    def _corner(self) -> QWidget | None:
        """The capture bar: the timer at the end of its row, or beside the filter on a second
        row when the first is too narrow (CaptureBar.set_corner)."""
        corner = getattr(self.board.window(), "capture", None)
        return corner if hasattr(corner, "set_corner") else None

    def _release_corner(self) -> None:
        corner = self._corner()
        if corner is not None and hasattr(corner, "release_corner"):
            corner.release_corner()

    def _place(self) -> None:
        if self._placing:
            return
        self._placing = True
        try:
            self._place_now()
        finally:
            self._placing = False

    def _place_now(self) -> None:
        board = self.board
        reserve = getattr(board, "reserve_timer", None)
        if self.isHidden():
            if reserve is not None:
                reserve(None, 0)
            self._release_corner()
            return
        self._paint(self.remaining())
        corner = self._corner() if self.place == "haut" and not self.large else None
        if corner is not None:
            if reserve is not None:
                reserve(None, 0)
            self._move_to(corner)
            corner.set_corner(self)  # type: ignore[attr-defined]
            self.setMinimumHeight(0)
            return
        self._release_corner()
        self._move_to(board)
        if self.large:
            if reserve is not None:
                reserve(None, 0)
            self.setGeometry(board.rect().adjusted(20, 20, -20, -20))
            self.raise_()
            return
        self.adjustSize()
        hint = self.sizeHint()
        if reserve is None:  # not on a board: the top right corner
            self.setGeometry(board.width() - hint.width() - 16, 12, hint.width(), hint.height())
        elif self.place == "droite":
            width = max(hint.width(), 220)
            reserve("droite", width)
            self.setGeometry(board.width() - width - 8, 8, width, hint.height())
        else:  # a compact band above the headers (a narrow window) or under the columns
            width = min(board.width() - 16, hint.width())
            reserve(self.place, hint.height())
            top = 4 if self.place == "haut" else board.height() - hint.height() - 4
            self.setGeometry(board.width() - width - 8, top, width, hint.height())
        self.raise_()

    # Qt overrides

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._shrink.setEnabled(self.large)
        self._place()  # the board makes room for it

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._shrink.setEnabled(False)
        reserve = getattr(self.board, "reserve_timer", None)
        if reserve is not None and self.isHidden():
            reserve(None, 0)  # the board takes its room back
        if self.isHidden():
            self._release_corner()  # the filter back in the capture row

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self.large:
            self._press_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Dragged to another edge of the board: it lives there now."""
        start, self._press_at = self._press_at, None
        board = self.board
        point = event.position().toPoint()
        if start is None or (point - start).manhattanLength() < 40:
            super().mouseReleaseEvent(event)
            return
        where = board.mapFromGlobal(event.globalPosition().toPoint())
        if where.x() > board.width() * 0.75 and board.height() * 0.2 < where.y():
            place = "droite" if where.y() < board.height() * 0.8 else "bas"
        else:
            place = "haut" if where.y() < board.height() / 2 else "bas"
        self.set_place(place)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched in (self.board, self._row_host):
            self._place()
        elif (
            watched is self.time_label
            and event.type() == QEvent.Type.MouseButtonDblClick
            and isinstance(event, QMouseEvent)
        ):
            self.set_large(not self.large)
            return True
        return super().eventFilter(watched, event)
