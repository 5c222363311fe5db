"""The board on screen: a header per column (title and count) above the scrolling scene.

Columns share the window's width; the card type size follows the ``zoom`` (Ctrl+wheel,
Ctrl+plus/minus, fit to window). In projector mode the type is large (30 px at zoom 1,
on every screen: a narrow one folds columns into slim bands instead) and the colours are
the high-contrast theme.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop.board_layout import GAP, SLIM_WIDTH
from fabrique_desktop.changes import Origin
from fabrique_desktop.template import Column
from ui import theme
from ui.board_scene import (
    DESK_PIXEL_SIZE,
    HIGH_CONTRAST_BOARD,
    PROJECTOR_PIXEL_SIZE,
    BoardScene,
)
from ui.board_selection import ARROW_STEPS

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from PySide6.QtGui import QKeyEvent, QPaintEvent, QResizeEvent, QWheelEvent

    from ui.board_overview import Overview  # made when the overview is first asked (Ctrl+8)
    from ui.card_spotlight import CardSpotlight
    from ui.dot_count_entry import DotCountEntry

MIN_ZOOM, MAX_ZOOM = 0.4, 4.0
ZOOM_STEP = 1.15
HEADER_PADDING = 6
BOARD_MARGIN = 8
READABLE_PROJECTOR = 28  # px: the smallest card text « Ajuster » gives the wall (issue 3)
READABLE_DESK = 16
# a card changed by the facilitator (not a phone, another laptop or an import) is brought
# into sight even from a folded column (a narrow projector)
UNFOLDING = (Origin.LOCAL, Origin.UNDO, Origin.REDO)
WHEEL_STEP = 90  # pixels a column scrolls per wheel notch
# a column at least this many times the card type size keeps its text: on the wall (large
# type, read from afar) and on the laptop (at 185 px for 20 px type, a docked panel beside it,
# nearly every card broke a word: « Pro-gramme », « renouvelle-ment », « quar-tiers »)
READABLE_COLUMN_WALL = 7.0
READABLE_COLUMN_DESK = 10.0
DOCKED_IN_SIGHT = 3  # a panel docks beside the board only if this many columns stay in sight


class ColumnHeader(QLabel):
    """A column's title and count on one line, always whole: the type steps down to fit
    the column's width, then the title is shortened (never the count). A slim (empty)
    column's header shows its count only."""

    def __init__(self, column: Column) -> None:
        super().__init__()
        self.column = column
        self.pixels = 22
        self.slim = False
        self._count = "0"
        self._fitted: tuple[int, str, bool, int, str] | None = None  # what the text fits
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(False)
        self.setToolTip(column.title)
        # no text laid out yet: the board lays every header out at its width (fit_width)
        # before it is shown; a fit here, at a label's default width, was thrown away

    def set_pixel_size(self, pixels: int) -> None:
        self.pixels = pixels
        self._fit_text()

    def set_count(self, count: int, total: int | None = None) -> None:
        shown = f"{count}/{total}" if total is not None else f"{count}"
        if shown != self._count:
            self._count = shown
            self._fit_text()

    def full_text(self) -> str:
        return f"{self.column.title}  ({self._count})"

    def fit_width(self, width: int, slim: bool) -> None:
        """Lay the text out for a header ``width`` pixels wide (before it is that wide:
        the header row's height depends on it), slim (its count only) or not. Once: not
        for the new slimness at the old width first (a full title in a slim band's 52 px)."""
        self.slim = slim
        self._fit_text(width)

    def _fit_text(self, width: int | None = None) -> None:
        """One line, the type stepped down to fit; where even the smallest type does not
        fit (a narrow projector), the title on two lines; else the title shortened."""
        room = (self.width() if width is None else width) - 2 * HEADER_PADDING
        fitted = (room, self._count, self.slim, self.pixels, self.font().family())
        if fitted == self._fitted:  # (a window being opened asks ~40 times, for ~10 answers)
            return
        self._fitted = fitted
        text = self._count if self.slim else self.full_text()
        font = QFont(self.font())
        font.setBold(True)
        smallest = max(12, round(self.pixels * 0.6))
        pixels = self._largest_fitting(font, [text], room, self.pixels, smallest)
        if pixels is None and not self.slim:
            # two lines, no larger than the one line's least type (a little smaller if need
            # be): at its full size the two-line header stood larger than its neighbours and
            # its row took 25 px more off the board (the cards under 78 % of a 720 px screen)
            lines = self._two_lines()
            least = max(12, round(self.pixels * 0.5))
            pixels = self._largest_fitting(font, lines, room, smallest, least)
            text = "\n".join(lines) if pixels is not None else text
        if pixels is None:
            pixels = smallest
            font.setPixelSize(pixels)
            metrics = QFontMetrics(font)
            if not self.slim and room > 0:
                count = f"  ({self._count})"
                title = metrics.elidedText(
                    self.column.title,
                    Qt.TextElideMode.ElideRight,
                    room - metrics.horizontalAdvance(count),
                )
                text = title + count
        ink = theme.readable_ink(self.column.colour)
        style = (
            f"background: {self.column.colour}; color: {ink}; font-weight: bold;"
            f"font-size: {pixels}px; padding: {HEADER_PADDING}px 0px; border-radius: 6px;"
        )
        if style != self.styleSheet():
            self.setStyleSheet(style)
        if text != self.text():
            self.setText(text)

    def whole(self) -> bool:
        """The title and the count are shown in full (on one line or two)."""
        wanted = self._count if self.slim else self.full_text()
        return " ".join(self.text().split()) == " ".join(wanted.split())

    def _two_lines(self) -> list[str]:
        """The title's words on the first line, the rest and the count on the second, split
        where the longer line is shortest."""
        words = self.column.title.split()
        count = f"({self._count})"
        splits = [
            [" ".join(words[:i]), " ".join([*words[i:], count])] for i in range(1, len(words))
        ]
        splits.append([self.column.title, count])
        return min(splits, key=lambda lines: max(len(line) for line in lines))

    @staticmethod
    def _largest_fitting(
        font: QFont, lines: list[str], room: int, largest: int, smallest: int
    ) -> int | None:
        """The largest pixel size, from ``largest`` down to ``smallest``, at which every
        line fits ``room``."""
        if room <= 0:
            return None
        for size in range(max(largest, smallest), smallest - 1, -1):
            font.setPixelSize(size)
            metrics = QFontMetrics(font)
            if all(metrics.horizontalAdvance(line) <= room for line in lines):
                return size
        return None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_text()


class BoardGraphicsView(QGraphicsView):
    """Signals:
    resized(): the viewport changed size; the columns must be fitted again.
    zoom_requested(int): Ctrl+wheel, +1 (larger) or -1 (smaller).
    page_told(str): the overview's page now shown (« page 2 sur 3 »).
    typed(str): a letter typed on the board that no shortcut takes (an idea begun while the
        board had the keyboard): it belongs in the capture field, not lost.
    """

    resized = Signal()
    zoom_requested = Signal(int)
    typed = Signal(str)
    page_told = Signal(str)  # the overview's page, for the status bar

    def __init__(self, scene: BoardScene) -> None:
        super().__init__(scene)
        self.board_scene = scene
        self.overview_page = 0  # the overview's page in sight (when it has pages)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        # each column scrolls on its own (BoardScene.scroll_column): the view never does
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Tableau des idées"))

    def show_card(self, card_id: str, unfold: bool = True) -> None:
        """The card whole in sight: only its column scrolls (unfolded first on a narrow
        screen, unless ``unfold`` is False)."""
        self.board_scene.show_card_whole(card_id, unfold=unfold)

    def turn_overview_page(self, step: int) -> None:
        """The overview's next (previous) page, every column together; the page is told."""
        overview = self.board_scene.overview
        if overview is None:
            return
        page = max(0, min(self.overview_page + step, overview.pages - 1))
        self.show_overview_page(page)

    def show_overview_page(self, page: int) -> None:
        overview = self.board_scene.overview
        if overview is None:
            return
        self.overview_page = page
        scene = self.board_scene
        for column in scene.columns:
            wanted = overview.page_offset(page)
            scene.scroll_column(column.key, wanted - scene.column_offset(column.key))
        if overview.pages > 1:
            self.page_told.emit(
                self.tr("Vue d'ensemble : page {} sur {} (Page suivante / précédente)").format(
                    page + 1, overview.pages
                )
            )

    def scroll_page(self, pages: float) -> None:
        """Page Up/Down: the column of the current card (else the first) by a view's height."""
        scene = self.board_scene
        item = scene.items_by_id.get(scene.current_card_id() or "")
        key = item.card.column if item is not None else scene.columns[0].key
        scene.scroll_column(key, pages * self.viewport().height() * 0.85)

    # Qt overrides

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        pages = {Qt.Key.Key_PageUp: -1, Qt.Key.Key_PageDown: 1}
        if event.key() in pages and modifiers == Qt.KeyboardModifier.NoModifier:
            if self.board_scene.overview is not None:
                self.turn_overview_page(pages[Qt.Key(event.key())])
            else:
                self.scroll_page(pages[Qt.Key(event.key())])
            return
        if event.key() in ARROW_STEPS and modifiers in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        ):
            dx, dy = ARROW_STEPS[Qt.Key(event.key())]
            extend = modifiers == Qt.KeyboardModifier.ShiftModifier
            card_id = self.board_scene.move_selection(dx, dy, extend)
            band = self.board_scene.selection.chosen_group  # a group chosen by its band
            if band is not None:
                self.board_scene.show_band(band)
            elif card_id:
                self.show_card(card_id)
            return
        text = event.text()
        writing = modifiers in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        if writing and text.isprintable() and text.strip() and not text.isdigit():
            self.typed.emit(text)
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        placement = self.board_scene.placement
        if placement.wait_for_paint:  # the first frame at start-up: laid out once, at its size
            placement.catch_up()
        super().paintEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        if self.board_scene.overview is not None:  # the overview turns its pages together
            delta = event.angleDelta().y() or event.pixelDelta().y()
            if delta:
                self.turn_overview_page(-1 if delta > 0 else 1)
            event.accept()
            return
        # the column under the pointer scrolls, and only it
        pixels: float = event.pixelDelta().y() or event.angleDelta().y() / 120 * WHEEL_STEP
        column = self.board_scene.column_at(self.mapToScene(event.position().toPoint()).x())
        self.board_scene.scroll_column(column, -pixels)
        event.accept()


class BoardView(QWidget):
    """The column headers and the scene's view, fitted to the width.

    Signals:
        zoom_changed(float): the type size changed (zoom factor).
    """

    zoom_changed = Signal(float)
    notice = Signal(str)
    dots_counted = Signal(str, int)  # the paper dots typed for a card (DotCountEntry)

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.zoom = 1.0
        self.overview_on = False
        self.spotlight: CardSpotlight | None = None
        self.count_entry: DotCountEntry | None = None
        self.projector = False
        self._focus_column = ""  # the column a narrow screen keeps unfolded (see unfold)
        self._fold_start = 0  # the first of the columns in sight on a narrow screen
        # the headers are placed over their columns by _fit (a layout would make the
        # columns' widths the window's minimum)
        self.header_strip = QWidget()
        self.headers = {c.key: ColumnHeader(c) for c in scene.columns}
        for header in self.headers.values():
            header.setParent(self.header_strip)
        self.view = BoardGraphicsView(scene)
        self.view.resized.connect(self._fit)
        self.view.zoom_requested.connect(self.step_zoom)
        self.view.page_told.connect(self.notice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(BOARD_MARGIN, BOARD_MARGIN, BOARD_MARGIN, 0)
        layout.setSpacing(6)
        layout.addWidget(self.header_strip)
        layout.addWidget(self.view, 1)
        scene.laid_out.connect(self._update_counts)
        scene.unfold_requested.connect(self.unfold)
        scene.widths_changed.connect(self._fit)

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

    def readable_zoom(self) -> float:
        """The smallest zoom « Ajuster » may use: card text read from the back of the room
        (28 px on a 1280-wide projector; 16 px on the laptop)."""
        readable = READABLE_PROJECTOR if self.projector else READABLE_DESK
        return max(MIN_ZOOM, readable / self.base_pixel_size)

    def fit_to_window(self) -> None:
        """The largest zoom (up to 1, not below the readable size) at which every column
        fits the height. When even the readable size does not fit, the facilitator is told
        about the overview (Ctrl+8) instead of shrinking the cards out of the room's reach."""
        self.set_overview(False)
        available = self.view.viewport().height()
        low, high = self.readable_zoom(), 1.0
        self.set_zoom(high)
        self.scene.notes.measure_all()
        if self.scene.content_height() <= available + 1:
            return
        for _ in range(7):
            middle = (low + high) / 2
            self.zoom = middle
            self._fit()
            self.scene.notes.measure_all()
            if self.scene.content_height() <= available + 1:
                low = middle
            else:
                high = middle
        self.zoom = -1.0  # force set_zoom to fit again
        self.set_zoom(low)
        self.scene.notes.measure_all()
        self._show_current()
        if self.scene.content_height() > available + 1:
            self.notice.emit(
                self.tr(
                    "Le tableau ne tient pas en entier à une taille lisible du fond de la "
                    "salle : chaque colonne défile. Ctrl+8 : vue d'ensemble."
                )
            )

    def column_width_for(self, viewport_width: int, slim: frozenset[str] | None = None) -> float:
        """The width of each (non-slim) column in a viewport this wide (``slim``: the slim
        columns; the ones shown now if None)."""
        slim = self._slim_columns() if slim is None else slim
        columns = max(1, len(self.scene.columns) - len(slim))
        available = viewport_width - 2 - len(slim) * (SLIM_WIDTH + GAP)
        # whole pixels: a note's cached picture is drawn where the note is, not resampled
        # (a narrow window with a panel: narrow columns, never columns cut at the edge)
        return float(max(48, math.floor((available - GAP * (columns - 1)) / columns)))

    def readable_width(self) -> float:
        """The narrowest column that keeps its cards' text at the current type size."""
        times = READABLE_COLUMN_WALL if self.projector else READABLE_COLUMN_DESK
        return times * self.card_pixel_size()

    def keeps_readable(self, width: int) -> bool:
        """Would a board ``width`` pixels wide keep enough columns in sight (at least three,
        all of them if it has fewer), each wide enough for its cards' text, the others
        folded to bands? (A panel docks beside the board only then; else it folds.)"""
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else None
        sides = margins.left() + margins.right() if margins is not None else 2 * BOARD_MARGIN
        empty = self._empty_columns()
        filled = [c.key for c in self.scene.columns if c.key not in empty]
        wanted = min(DOCKED_IN_SIGHT, len(filled))
        return self._columns_in_sight(width - sides, empty, filled) >= wanted

    def _columns_in_sight(self, width: int, empty: frozenset[str], filled: list[str]) -> int:
        """How many of the ``filled`` columns a viewport this wide shows at a readable width
        (at least one: the others fold to bands)."""
        in_sight = len(filled)
        while in_sight > 1:
            folded = frozenset(filled[in_sight:])
            if self.column_width_for(width, empty | folded) >= self.readable_width():
                break
            in_sight -= 1
        return in_sight

    def unfold(self, key: str) -> None:
        """Bring a folded column into sight (its card was chosen, or its band clicked); on a
        screen too narrow for every column, the one farthest from it folds instead."""
        self._focus_column = key
        if key in self.scene.slim_columns and key not in self._empty_columns():
            self._fit()

    def folded_columns(self) -> frozenset[str]:
        """Columns with cards shown as a slim band: the screen is too narrow for all of them
        at a type size read from the back of the room (800×600, 1024×768)."""
        return self.scene.slim_columns - self._empty_columns()

    def reserve_timer(self, place: str | None, size: int) -> None:
        """Room for the small timer (ui/timer_overlay.py): a band above the headers
        (« haut »), a strip right of the columns (« droite ») or a band under them
        (« bas »), ``size`` pixels deep; None gives the room back. The columns, their
        headers and counts are never under it."""
        margins = [BOARD_MARGIN, BOARD_MARGIN, BOARD_MARGIN, 0]
        if place == "haut":
            margins[1] += size + 4
        elif place == "droite":
            margins[2] += size + 8
        elif place == "bas":
            margins[3] += size + 8
        layout = self.layout()
        if layout is None:
            return
        now = layout.contentsMargins()
        if [now.left(), now.top(), now.right(), now.bottom()] != margins:
            layout.setContentsMargins(*margins)

    # the overview and one card large

    def set_overview(self, on: bool) -> None:
        """The whole board at a glance: every card a tile with its first words, as many
        tiles to a row as the tallest column needs to fit the height (Ctrl+8)."""
        self.overview_on = on
        self.scene.set_overview(self._overview() if on else None)
        if on:
            self.view.show_overview_page(self._page_of_current())
        else:
            self._show_current()  # the columns start at the top again: the chosen card in sight

    def _page_of_current(self) -> int:
        """The overview's page that holds the chosen card (0 without one)."""
        overview = self.scene.overview
        item = self.scene.items_by_id.get(self.scene.current_card_id() or "")
        if overview is None or item is None or overview.pages <= 1:
            return 0
        index = self.scene.cards_in(item.card.column).index(item)
        return min(index // max(1, overview.rows * overview.across), overview.pages - 1)

    def _show_current(self) -> None:
        card_id = self.scene.current_card_id()
        if card_id:
            self.view.show_card(card_id)

    def _overview(self) -> Overview:
        from ui.board_overview import choose_overview

        tallest = max((self.scene.notes.count(c.key) for c in self.scene.columns), default=1) or 1
        height = self.view.maximumViewportSize().height()
        return choose_overview(height, self.scene.column_width, tallest, self.scene.fonts.text)

    def show_selected_large(self) -> None:
        """The selected card (else the first) large over the board; again: back (Space, F4)."""
        if self.spotlight is not None and self.spotlight.isVisible():
            self.spotlight.go_back()
            return
        card_id = self.scene.current_card_id() or self.scene.move_selection(0, 0)
        if not card_id:
            return
        if self.spotlight is None:
            from ui.card_spotlight import CardSpotlight

            self.spotlight = CardSpotlight(self.scene, self)
            self.spotlight.closed.connect(self._spotlight_closed)
        self.spotlight.show_card(card_id)

    def enter_was_for_the_count(self) -> bool:
        """True for an Enter typed right after « * » and two digits (the count recorded by the
        second digit): it ends the count, it is not also « edit the card »."""
        return self.count_entry is not None and self.count_entry.takes_enter()

    def ask_dot_count(self) -> None:
        """« = »: type how many paper dots the selected card has (``dots_counted``)."""
        card_id = self.scene.current_card_id()
        item = self.scene.items_by_id.get(card_id or "")
        if item is None:
            self.notice.emit(self.tr("Choisissez d'abord l'idée dont vous comptez les gommettes."))
            return
        from PySide6.QtCore import QRect  # the first count, not start-up, pays for them

        from ui.dot_count_entry import DotCountEntry

        if self.count_entry is None:
            self.count_entry = DotCountEntry(self)
            self.count_entry.counted.connect(self.dots_counted)
            self.count_entry.counted.connect(lambda *_: self.view.setFocus())
        self.view.show_card(item.card.id)
        box = self.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        top_left = self.view.viewport().mapTo(self, box.topLeft())
        where = QRect(top_left, box.size()).intersected(self.rect())
        self.count_entry.ask(item.card.id, where, max(28, round(self.scene.pixel_size)))

    def _spotlight_closed(self) -> None:
        card_id = self.scene.current_card_id()
        if card_id:
            self.view.show_card(card_id)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_projector(self, on: bool) -> None:
        """Large type and the high-contrast theme (the projector), or the laptop's."""
        self.projector = on
        for header in self.headers.values():
            header.set_pixel_size(30 if on else 22)
        self.scene.set_high_contrast(on)
        from PySide6.QtGui import QColor, QPalette  # not at start-up: the projector only

        # the margins round the columns (and the timer's band) in the board's own dark
        self.setAutoFillBackground(on)
        palette = QPalette()  # off: the window's own again
        if on:
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.Window, QColor(HIGH_CONTRAST_BOARD))
        self.setPalette(palette)
        self._fit()

    def _update_counts(self) -> None:
        if self._slim_columns() != self.scene.slim_columns:
            self._fit()  # a card arrived in an empty column, or a column emptied
        filtering = self.scene.dims.filtering
        for key, header in self.headers.items():
            total = self.scene.notes.count(key)
            if filtering:
                header.set_count(self.scene.notes.visible_count(key), total)
            else:
                header.set_count(total)
        self._fit_header_height()  # « Vivre Ensemble (0/22) » may need two lines, or one again

    def _fit_header_height(self) -> None:
        """The header row as tall as its tallest header (one line or two), no taller."""
        height = max(h.sizeHint().height() for h in self.headers.values())
        if height != self.header_strip.height():
            self.header_strip.setFixedHeight(height)
            for header in self.headers.values():
                header.setGeometry(header.x(), 0, header.width(), height)

    def _viewport_width(self) -> int:
        # Not viewport().width(): the first viewport() call costs ~8 ms of PySide6 type set-up,
        # which start-up would pay before the first paint.
        return self.view.maximumViewportSize().width()

    def _empty_columns(self) -> frozenset[str]:
        """Empty columns, while another has cards: a slim band each."""
        empty = frozenset(c.key for c in self.scene.columns if not self.scene.notes.count(c.key))
        return empty if len(empty) < len(self.scene.columns) else frozenset()

    def _slim_columns(self) -> frozenset[str]:
        """The empty columns, and the columns folded on a narrow screen: the card text never
        steps below its size; fewer columns are in sight, the others a slim band with their
        count, unfolded when one of their cards is chosen (or their band clicked)."""
        empty = self._empty_columns()
        filled = [c.key for c in self.scene.columns if c.key not in empty]
        in_sight = self._columns_in_sight(self._viewport_width(), empty, filled)
        if in_sight >= len(filled):
            return empty
        focus = self._focus_column  # (unfold: the column whose card was chosen last)
        start = min(self._fold_start, len(filled) - in_sight)
        if focus in filled:
            index = filled.index(focus)
            if index < start:
                start = index
            elif index >= start + in_sight:
                start = index - in_sight + 1
        self._fold_start = start
        return empty | frozenset(filled[:start] + filled[start + in_sight :])

    def _fit(self) -> None:
        slim = self._slim_columns()
        width = self.column_width_for(self._viewport_width(), slim)
        self.scene.set_metrics(width, self.card_pixel_size(), slim)
        self.scene.fit_height()
        if self.overview_on and (overview := self._overview()) != self.scene.overview:
            self.scene.set_overview(overview)
            self.view.show_overview_page(min(self.view.overview_page, overview.pages - 1))
        if self.spotlight is not None and self.spotlight.isVisible():
            self.spotlight.setGeometry(self.rect())
        for key, header in self.headers.items():
            header.fit_width(round(self.scene.column_width_of(key)), key in slim)
        height = max(h.sizeHint().height() for h in self.headers.values())
        self.header_strip.setFixedHeight(height)
        for key, header in self.headers.items():
            left = round(self.scene.column_left(key))
            header.setGeometry(left, 0, round(self.scene.column_width_of(key)), height)
