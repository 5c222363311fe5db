"""Where the facilitator's panels (agenda, votes, phones…) live: beside the board, or folded.

Panels are the facilitator's, not the room's (issue 13). A panel docks beside the board only
where the board keeps the width its cards need: out of full screen, and only while at least
three columns stay in sight wide enough for the card text, the others folded to bands as on a
narrow projector (``BoardView.keeps_readable``). Otherwise — full screen, a small window, a
large zoom — it folds to a button in a narrow strip at the right edge and the columns keep
their width.

A click on the button (or F12) opens it *over* the right of the board for the facilitator,
without moving a card; it folds back when the keyboard leaves it, on Esc, F12 or a second
click; its ✕ (or the panel's own shortcut, for a toggled one) closes it. When the window grows (or
full screen is left) folded panels dock again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPaintEvent, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui import theme

if TYPE_CHECKING:  # type hints only
    from ui.board_view import BoardView

DOCK_SEPARATOR = 6  # px between the board and a docked panel
OVER_WIDTH = 300  # px: a folded panel opened over the board


def show_beside_board(window: QWidget, dock: QDockWidget, width: int) -> None:
    """A feature's panel shown as every panel is: beside the board where the cards keep their
    width, else folded to the strip (a dock shown directly pushed a small window wider than
    its screen before it folded, or docked in full screen when it was folded already)."""
    strip = getattr(window, "panel_strip", None)
    if isinstance(strip, PanelStrip):
        strip.show_panel(dock, width)
    else:
        dock.show()
    dock.raise_()


class FittingScroll(QScrollArea):
    """Its widget as tall as the view, or as the least its layout needs at the view's width
    (then it scrolls): never squeezed under it, never stretched to its preferred height (a
    list's 256 px pushed the panel's last buttons out of sight)."""

    def fit(self) -> None:
        widget = self.widget()
        if widget is None:
            return
        width = self.viewport().width()
        layout = widget.layout()
        if layout is not None and layout.hasHeightForWidth():
            least = layout.totalMinimumHeightForWidth(width)
        else:
            least = widget.minimumSizeHint().height()
        widget.resize(width, max(self.viewport().height(), least))

    def resizeEvent(self, event: QResizeEvent) -> None:  # the view's size
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return False


class FoldedTab(QPushButton):
    """A folded panel's button in the strip: its name turned a quarter (read from the bottom,
    as a folded column's band), in the panel type (13 pt = 17 px, the least the back of the
    room reads). Its letters stacked one under the other took a line each: at that size the
    four panels' names (29 lines) did not fit the strip of a 720-pixel screen, so they were
    13 px."""

    PADDING = 12  # px along the name, each end
    SIDE = 6  # px across it, each side

    def __init__(self, title: str) -> None:
        super().__init__(title)
        self.setStyleSheet(
            f"QPushButton {{ font-size: {theme.PANEL_POINT_SIZE}pt; font-weight: bold; }}"
        )

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(
            metrics.height() + 2 * self.SIDE,
            metrics.horizontalAdvance(self.text()) + 2 * self.PADDING,
        )

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # the name turned a quarter
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        checked = self.isChecked()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#FFB300" if checked else "#455A64"))
        painter.drawRoundedRect(QRectF(self.rect()), 6, 6)
        painter.setPen(QColor(theme.INK if checked else "#FFFFFF"))
        painter.setFont(self.font())
        painter.translate(0, self.height())
        painter.rotate(-90)
        turned = QRect(0, 0, self.height(), self.width())
        painter.drawText(turned, Qt.AlignmentFlag.AlignCenter, self.text())


class PanelOverlay(QFrame):
    """A folded panel opened over the right of the board (its widget, borrowed from its dock)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("panelOverlay")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "QFrame#panelOverlay { background: #FAFAFA; border-left: 4px solid #263238; }"
        )
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.fold_button = QPushButton(self.tr("Replier ▸"))
        self.fold_button.setToolTip(self.tr("Replier le panneau à droite (Échap, F12)"))
        self.close_button = QPushButton("✕")
        self.close_button.setToolTip(self.tr("Fermer le panneau"))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.fold_button)
        top.addWidget(self.close_button)
        for button in (self.fold_button, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            # the panel type: the app's buttons are 12 pt (16 px), under the wall's least
            button.setStyleSheet(
                f"QPushButton {{ font-size: {theme.PANEL_POINT_SIZE}pt; padding: 4px 10px; }}"
            )
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(10, 2, 6, 2)
        self.box.setSpacing(0)
        self.box.addLayout(top)
        # under its title row the panel has less height than docked: taller than that, it
        # scrolls rather than squeezing its buttons (« Écarter » lost its accent at 1280×720)
        self.scroller = FittingScroll()
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.viewport().setAutoFillBackground(False)
        self.box.addWidget(self.scroller, 1)
        self.content: QWidget | None = None
        self._margins: QMargins | None = None  # the content's own, given back with it
        self._quiet: list[QShortcut] = []  # the panel's own Esc, silent while borrowed
        self.hide()

    def take(self, title: str, widget: QWidget) -> None:
        """The panel's widget, shown here. Esc means one thing here: fold the panel (and
        give the keyboard back to the board). The panel's own Esc (the votes' « back to the
        board ») is silenced meanwhile: two Esc shortcuts over one focus widget are
        ambiguous, and Qt fires neither (Esc did nothing after a click on « Vote secret »)."""
        self.title.setText(title)
        self.content = widget
        escape = QKeySequence(Qt.Key.Key_Escape)
        self._quiet = [
            shortcut
            for shortcut in widget.findChildren(QShortcut)
            if shortcut.isEnabled() and shortcut.key() == escape
        ]
        for shortcut in self._quiet:
            shortcut.setEnabled(False)
        layout = widget.layout()
        if layout is not None:  # under the title row, its own top and bottom margins go
            self._margins = layout.contentsMargins()
            layout.setContentsMargins(self._margins.left(), 0, self._margins.right(), 0)
        filled = widget.autoFillBackground()
        self.scroller.setWidget(widget)
        widget.setAutoFillBackground(filled)  # (setWidget fills it: grey on the panel's white)
        widget.installEventFilter(self.scroller)
        widget.show()

    def give_back(self) -> QWidget | None:
        widget, self.content = self.content, None
        if widget is not None:
            widget.removeEventFilter(self.scroller)
            self.scroller.takeWidget()
            layout = widget.layout()
            if layout is not None and self._margins is not None:
                layout.setContentsMargins(self._margins)
        self._margins = None
        for shortcut in self._quiet:
            shortcut.setEnabled(True)
        self._quiet = []
        return widget


class PanelStrip(QWidget):
    """The narrow strip of folded panels at the right edge of the board (see the module)."""

    WIDTH = 44

    def __init__(self, window: QMainWindow, board: BoardView) -> None:
        super().__init__(window)
        self.main = window
        self.board = board
        self.folding = False  # full screen: every panel folds
        self.folded: list[QDockWidget] = []  # open panels shown as a button
        self.opened: QDockWidget | None = None  # the folded panel opened over the board
        self._buttons: dict[QDockWidget, QPushButton] = {}
        self._widths: dict[QDockWidget, int] = {}  # each panel's width beside the board
        self._known: list[QDockWidget] = []  # the window's panels (no search of its tree)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 8, 4, 8)
        self._layout.setSpacing(8)
        self._layout.addStretch(1)
        self.setFixedWidth(self.WIDTH)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet("background: #263238;")
        self.overlay: PanelOverlay | None = None  # made the first time a panel opens over
        self._named: QDockWidget | None = None  # the folded panel the status bar named
        self._first: QDockWidget | None = None  # the one F12 opened first (its round ends there)
        self.hide()
        window.installEventFilter(self)
        board.zoom_changed.connect(lambda _zoom: self.arrange())
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    # public

    def docks(self) -> list[QDockWidget]:
        """The window's panels: those shown through ``show_panel`` and any other dock the
        window was given (seen when Qt polishes it)."""
        return list(self._known)

    def is_open(self, dock: QDockWidget) -> bool:
        """Docked and shown, folded to the strip, or opened over the board."""
        return dock.isVisible() or dock in self.folded

    def show_panel(self, dock: QDockWidget, width: int) -> None:
        """A panel is wanted: beside the board if the board keeps its width, else folded
        (F12 or a click opens it over the board)."""
        self._watch(dock)
        self._widths[dock] = width
        if dock in self.folded:
            self._tell_folded(dock)
        elif self._room_for([dock]):
            self._dock(dock)
        else:
            self.fold(dock)
            self._tell_folded(dock)

    def hide_panel(self, dock: QDockWidget) -> None:
        """The panel is closed, wherever it was."""
        if dock is self.opened:
            self.close_over(focus=False)
        if dock in self.folded:
            self.folded.remove(dock)
            self._untell_folded(dock)  # « … est replié » no longer true
        button = self._buttons.get(dock)
        if button is not None:
            button.hide()
        dock.hide()
        self._show_strip()

    def set_folding(self, on: bool) -> None:
        """Full screen (on): every panel folds; off: they dock again where there is room."""
        self.folding = on
        self.arrange()

    def arrange(self) -> None:
        """Fold the docked panels that crush the board; dock the folded ones that fit."""
        open_docks = [d for d in self._known if self.is_open(d)]
        if not open_docks:
            self._show_strip()
            return
        room = self._room_for(open_docks)
        for dock in open_docks:
            if room and dock in self.folded:
                self.unfold(dock)
            elif not room and (dock not in self.folded or dock.isVisible()):
                self.fold(dock)  # a folded panel shown again by its feature folds again
        self._show_strip()

    def fold(self, dock: QDockWidget) -> None:
        if dock not in self.folded:
            self.folded.append(dock)
        dock.hide()
        button = self._buttons.get(dock)
        if button is None:
            button = FoldedTab(self._short(dock.windowTitle()))
            button.setToolTip(self.tr("Déplier : {}").format(dock.windowTitle()))
            button.setAccessibleName(dock.windowTitle())
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click leaves the keyboard be
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, d=dock: self._clicked(d))
            self._layout.insertWidget(self._layout.count() - 1, button)
            self._buttons[dock] = button
        button.show()
        self._show_strip()

    def unfold(self, dock: QDockWidget) -> None:
        """Back beside the board (there is room again)."""
        if dock is self.opened:
            self.close_over(focus=False)
        if dock in self.folded:
            self.folded.remove(dock)
        button = self._buttons.get(dock)
        if button is not None:
            button.hide()
        self._dock(dock)
        self._show_strip()

    def open_over(self, dock: QDockWidget) -> None:
        """A folded panel over the right of the board, the keyboard in it; no card moves."""
        if self.opened is not None:
            self.close_over(focus=False)
        widget = dock.widget()
        if widget is None:
            return
        self.opened = dock
        overlay = self._make_overlay()
        overlay.take(dock.windowTitle(), widget)
        self._place_over()
        self._named = None
        self._untell_folded(dock)  # « … est replié » no longer true
        overlay.show()
        overlay.raise_()
        self._check_buttons()
        self._focus_over()

    def cycle(self) -> None:
        """F12: the folded panel the status bar just named (else the first) opens beside the
        board, then the others in turn, then none."""
        if not self.folded:
            return
        if self.opened is None or self.opened not in self.folded:
            named = self._named if self._named in self.folded else None
            self._first = named or self.folded[0]
            self.open_over(self._first)
            return
        following = self.folded[(self.folded.index(self.opened) + 1) % len(self.folded)]
        if following is self._first or following is self.opened:
            self.close_over()
        else:
            self.open_over(following)

    def close_over(self, focus: bool = True) -> None:
        """The panel opened over the board folds back to its button."""
        dock, self.opened = self.opened, None
        if self.overlay is None:
            return
        widget = self.overlay.give_back()
        self.overlay.hide()
        if dock is not None and widget is not None:
            dock.setWidget(widget)
        self._check_buttons()
        if focus:
            self.board.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # private

    def _dock(self, dock: QDockWidget) -> None:
        dock.show()
        self.main.resizeDocks([dock], [self._width(dock)], Qt.Orientation.Horizontal)
        dock.raise_()

    def _width(self, dock: QDockWidget) -> int:
        return max(dock.minimumWidth(), self._widths.get(dock, OVER_WIDTH))

    def _room_for(self, docks: list[QDockWidget]) -> bool:
        """Would the board keep its cards' width with these panels docked beside it?"""
        if self.folding:
            return False
        panel = max(self._width(d) for d in docks)
        return self.board.keeps_readable(self.main.width() - panel - DOCK_SEPARATOR)

    def _folded_text(self, dock: QDockWidget) -> str:
        return self.tr("« {} » est replié à droite du tableau : F12 ou un clic l'ouvre.").format(
            dock.windowTitle()
        )

    def _make_overlay(self) -> PanelOverlay:
        if self.overlay is None:
            self.overlay = PanelOverlay(self.main)
            self.overlay.fold_button.clicked.connect(lambda: self.close_over())
            self.overlay.close_button.clicked.connect(self._close_opened)
            escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.overlay, self.close_over)
            escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return self.overlay

    def _close_opened(self) -> None:
        if self.opened is not None:
            self.hide_panel(self.opened)
            self.board.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clicked(self, dock: QDockWidget) -> None:
        if dock is self.opened:
            self.close_over()
        else:
            self.open_over(dock)

    def _focus_over(self) -> None:
        content = self.overlay.content if self.overlay is not None else None
        if content is not None:
            target = content.focusWidget() or content
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _place_over(self) -> None:
        """Beside the board, its full height (the capture bar stays free): the board gives
        it its width and its columns reflow (folding to bands where the rest is narrow, as on
        a narrow projector). Laid over the board, it hid a column and a half of ideas."""
        if self.overlay is None or self.opened is None:
            return
        # the panel's own width beside its scroll bar, when it has to scroll
        scroll_bar = self.overlay.scroller.verticalScrollBar().sizeHint().width()
        width = max(OVER_WIDTH, self.opened.minimumWidth()) + scroll_bar
        self.overlay.setFixedWidth(width)
        row = self._row()
        if row is not None and row.indexOf(self.overlay) < 0:
            row.insertWidget(row.indexOf(self.board) + 1, self.overlay)
        elif row is None:  # no layout to share (a bare board): over its right edge
            board = QRect(self.board.mapTo(self.main, QPoint(0, 0)), self.board.size())
            self.overlay.setGeometry(board.right() + 1 - width, board.top(), width, board.height())

    def _row(self) -> QBoxLayout | None:
        """The layout that holds the board (and the strip) side by side."""
        parent = self.board.parentWidget()
        layout = parent.layout() if parent is not None else None
        pending = [layout] if layout is not None else []
        while pending:
            current = pending.pop()
            if isinstance(current, QBoxLayout) and current.indexOf(self.board) >= 0:
                return current
            for index in range(current.count()):
                item = current.itemAt(index)
                child = item.layout() if item is not None else None
                if child is not None:
                    pending.append(child)
        return None

    def _check_buttons(self) -> None:
        for dock, button in self._buttons.items():
            button.setChecked(dock is self.opened)

    def _show_strip(self) -> None:
        self.setVisible(bool(self.folded))
        if self.opened is not None:
            self._place_over()

    def _tell_folded(self, dock: QDockWidget) -> None:
        self._named = dock  # what F12 opens next: the panel the status bar names
        self._tell(self._folded_text(dock))

    def _untell_folded(self, dock: QDockWidget) -> None:
        status = self.main.statusBar()
        if status is not None and status.currentMessage() == self._folded_text(dock):
            status.clearMessage()

    def _tell(self, text: str) -> None:
        status = self.main.statusBar()
        if status is not None:
            status.showMessage(text, 8000)

    def _watch(self, dock: QDockWidget) -> None:
        if dock not in self._known:
            self._tab_with_the_others(dock)
            self._known.append(dock)
            dock.installEventFilter(self)
            dock.destroyed.connect(lambda _=None, d=dock: self._forget(d))

    def _tab_with_the_others(self, dock: QDockWidget) -> None:
        """Every panel a tab of one group: panels stacked one above the other (the phones'
        over the votes') added up their heights and pushed a 720 px window to 1193."""
        area = self.main.dockWidgetArea(dock)
        for other in self._known:
            if not other.isFloating() and self.main.dockWidgetArea(other) == area:
                self.main.tabifyDockWidget(other, dock)
                return

    def _forget(self, dock: QDockWidget) -> None:
        if dock in self._known:
            self._known.remove(dock)
        if dock in self.folded:
            self.folded.remove(dock)

    @staticmethod
    def _short(title: str) -> str:
        return title.split()[0][:12]  # « Votes », « Déroulé », « Téléphones »

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """The keyboard left the panel opened over the board (for another widget of this
        window): it folds back. A dialog or a popup opened from it leaves it open."""
        if self.opened is None or new is None or self.overlay is None:
            return
        try:
            if new.window() is not self.main or self.overlay.isAncestorOf(new):
                return
        except RuntimeError:  # the window is going
            return
        self.close_over(focus=False)

    # Qt overrides

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.main:
            if kind == QEvent.Type.Resize:
                self.arrange()
            elif kind == QEvent.Type.ChildPolished and isinstance(
                child := event.child(),  # type: ignore[attr-defined]
                QDockWidget,
            ):  # a panel made by someone else (the phones')
                self._watch(child)
                QTimer.singleShot(0, self, self.arrange)
        elif (
            isinstance(watched, QDockWidget)
            and kind == QEvent.Type.Show
            and (watched in self.folded or not self._room_for([watched]))
        ):
            QTimer.singleShot(0, self, self.arrange)  # shown by someone else: it folds
        return super().eventFilter(watched, event)
