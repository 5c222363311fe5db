"""The main window: the open session's board, the capture bar, menus and undo/redo."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop.changes import Change, Origin
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Card, Session
from fabrique_desktop.ports import Store
from fabrique_desktop.settings import Settings
from ui.board_actions import BoardActions
from ui.board_controller import BoardController
from ui.board_scene import BoardScene
from ui.board_view import UNFOLDING, BoardView
from ui.capture_bar import CaptureBar
from ui.first_frame import after_first_frame
from ui.icons import icon
from ui.panel_strip import PanelStrip
from ui.status_line import WholeStatusBar

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from PySide6.QtGui import QCloseEvent, QScreen, QWindow

    from ui.projector import ProjectorWindow

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Signals:
    session_requested(str): the user asked to open another session (by id).
    manage_requested(): the user asked for the session manager.
    language_requested(str): the user chose a language ("fr" or "en").
    """

    session_requested = Signal(str)
    manage_requested = Signal()
    language_requested = Signal(str)

    def __init__(
        self,
        store: Store,
        session: Session,
        settings: Settings | None = None,
        defer_feature_menus: bool = False,
        backup: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self._backup = backup  # the app's backups (db.backups), before a bulk change
        self.projector_window: ProjectorWindow | None = None
        self._warned_line = ""  # a line told wrong (an unknown @persona): Enter again keeps it
        self._last_change: Change | None = None  # the last change shown, for undo to select
        self.controller = BoardController(store, session, self)
        self.bus = self.controller.bus  # the one road of every write (ui/change_bus.py)
        self.scene = BoardScene(self.controller.template.columns, self)
        # each part made in its parent: put in a layout later, a part made alone was
        # reparented with all its children (~10 M instructions at start-up, issue 28)
        central = QWidget(self)
        self.board = BoardView(self.scene, central)
        self.capture = CaptureBar(central)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.capture)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.board, 1)
        self.panel_strip = PanelStrip(self, self.board)
        row.addWidget(self.panel_strip)
        layout.addLayout(row, 1)
        self.setCentralWidget(central)
        # the status bar from the start: made by the first message (« Idée ajoutée… »), it
        # took its height from the board then, and a card just brought whole into sight at
        # the bottom of its column had its last line under it
        self.setStatusBar(WholeStatusBar(self))  # a line too long is shortened in its middle
        self.resize(1280, 720)
        self._build_actions()
        self._build_menus()
        after_first_frame(self, self._load_icons)
        # under X, the clear button's icon is looked up in the desktop's icon theme: ~30 M
        # instructions (a bare window starts in ~600 M) for a button hidden while the
        # filter is empty, as it is at start-up
        after_first_frame(self, self.capture.add_clear_button, first=True)
        self.capture.field.submitted.connect(self._capture)
        self.capture.field.left.connect(self._leave_capture)
        self.bus.changed.connect(self._on_changed)
        self.bus.failed.connect(self._show_failure)
        self.bus.notice.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.board_actions = BoardActions(
            self.controller, self.scene, self.board, self.capture, self
        )
        # at start-up the board is placed once, at its view's first paint (not for each
        # resize of the window being shown and maximised)
        self.scene.placement.wait_for_paint = defer_feature_menus
        if defer_feature_menus:  # (a window not shown after all: at the next turn)
            after_first_frame(self, self.scene.placement.catch_up)
        self.board_actions.open(self.controller.opening())
        self._build_board_menu()
        self._feature_menus_built = False
        self.successor: MainWindow | None = None  # the window that replaced this one, if any
        if defer_feature_menus:  # at start-up: right after the board is first on screen
            after_first_frame(self, self.build_feature_menus)
        else:
            self.build_feature_menus()
        self._update_title()
        self._windowed: tuple[QRect, bool] | None = None  # before full screen: where, maximized
        self._focus_keeper = FocusKeeper(self)

    @property
    def session(self) -> Session:
        return self.controller.session

    def back_up_before(self, label: str) -> None:
        """A backup named ``label`` before a bulk change (an import, a template, the phones'
        room), never thinning the others: a refused operation cannot push a good one out."""
        if self._backup is not None and not self.store.read_only:
            try:
                self._backup(label)
            except FabriqueError as error:  # the operation goes on; the log says why
                log.warning("backup before %s failed: %s", label, error)

    def build_feature_menus(self) -> None:
        """The menus of the method, facilitation, notes, exports and live sharing.

        They are built just after the board is first on screen (start-up time is measured),
        and only once.
        """
        if self._feature_menus_built:
            return
        self._feature_menus_built = True
        from ui.method_menu import MethodMenu  # issue 4: personas, tables, the method

        self.method_menu = MethodMenu(self)
        from ui.animation.context import WindowContext
        from ui.animation_menu import AnimationMenu  # issue 5: agenda, timer, votes, merges…

        self.context = WindowContext(self)  # what features, phones and live sharing see
        self.animation = AnimationMenu(self, self.context)
        self.board_actions.trace_requested.connect(self.animation.engagements.promote)
        from ui.notes_menu import NotesMenu  # issue 7: note-takers' copies, merge, conflicts

        self.notes_menu = NotesMenu(self)
        from ui.exchange_menu import ExchangeMenu  # issue 6: export, series synthesis, CSV

        self.exchange_menu = ExchangeMenu(self)
        from ui.live_menu import LiveMenu  # issue 8: live sharing with note-takers' laptops

        self.live_menu = LiveMenu(self, self.context)
        from ui.phone_room import PhoneMenu  # issue 17: participants' phones

        self.phone_menu = PhoneMenu(self, self.context, self.animation.menu)
        self._build_help_menu()  # last: « Aide » ends the menu bar

    def show_language(self, language: str) -> None:
        """The language menu checks ``language`` (the interface's)."""
        for action, code in ((self.french_action, "fr"), (self.english_action, "en")):
            action.setChecked(code == language)

    @property
    def feature_menus_built(self) -> bool:
        return self._feature_menus_built

    def request_session(self, session_id: str) -> bool:
        """Ask the application to open another session (or this one again, anew). With the
        phones' room open or the atelier shared live, asks first (they end with this window):
        False if the user stays."""
        if not self.may_be_replaced(session_id):
            return False
        self.session_requested.emit(session_id)
        return True

    def may_be_replaced(self, session_id: str) -> bool:
        """Whether this window may give way to the atelier ``session_id`` (asked if it serves
        the room: the phones' room, live sharing)."""
        from fabrique_desktop.model import Session
        from ui.room_guard import RoomGuard

        session = self.store.get(Session, session_id)
        title = session.title if session is not None else self.session.title
        if session_id == self.session.id:
            return RoomGuard(self).may_go(
                self.tr("Rouvrir l'atelier"), self.tr("Rouvrir « {} »").format(title)
            )
        return RoomGuard(self).may_go(
            self.tr("Changer d'atelier"), self.tr("Ouvrir « {} »").format(title)
        )

    def refresh_fonts(self) -> None:
        """Measure the notes again: the application font has gained fallback families."""
        self.scene.refresh_fonts()
        if self.projector_window is not None:
            self.projector_window.scene.refresh_fonts()

    def focus_capture(self) -> None:
        self.capture.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.capture.field.selectAll()

    def keep_typed(self, text: str) -> None:
        """An idea being typed in the window this one replaces (another atelier opened, the
        language changed): kept in the capture field, not sent, and said; Enter adds it here."""
        field = self.capture.field
        field.setText(text)
        field.deselect()
        field.end(False)
        self.statusBar().showMessage(
            self.tr("Idée en cours de saisie gardée : Entrée l'ajoute à « {} ».").format(
                self.session.title
            ),
            15000,
        )

    def _typed_on_board(self, text: str) -> None:
        """A letter typed while the board had the keyboard: the idea goes on in the capture
        field (after what it holds), so the next Space is a space, not the large card."""
        field = self.capture.field
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        field.deselect()
        field.end(False)
        field.insert(text)
        field.textEdited.emit(field.text())  # the completion and the hint, as if typed there

    # private slots

    def _capture(self, text: str) -> None:
        problems = self.capture.problems(text)
        if problems and text != self._warned_line:
            # never kept silently: told first; a second Enter keeps the words as typed
            self._warned_line = text
            self.statusBar().showMessage(
                "⚠ "
                + " ".join(problems)
                + self.tr(" Corrigez, ou Entrée à nouveau pour garder le texte tel quel."),
                15000,
            )
            return
        self._warned_line = ""
        card_id = self.board_actions.capture_line(text)
        if card_id:  # stored: only now may the words leave the field
            self.capture.field.setText("")  # not clear(): Ctrl+Z next undoes the capture
            self._last_captured = card_id
            item = self.scene.items_by_id.get(card_id)
            title = self.controller.template.column(item.card.column).title if item else ""
            self.statusBar().showMessage(self.tr("Idée ajoutée à « {} ».").format(title), 3000)

    def _leave_capture(self) -> None:
        """Esc: the board gets the keyboard with a card selected (the last one captured, the
        one selected before, or the first), so that 1–4 and + act without an arrow key."""
        self.board.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        item = self.scene.items_by_id.get(getattr(self, "_last_captured", ""))
        if item is not None:
            self.scene.select_cards([item.card.id])
            self.board.view.show_card(item.card.id)
            return
        card_id = self.scene.move_selection(0, 0)  # keeps a selection; else the first card
        if card_id:
            self.board.view.show_card(card_id)

    def _after_undo(self) -> None:
        """After Ctrl+Z or redo: the cards that came back (or changed) are selected and in
        sight (undoing a merge brings the originals back, selected)."""
        change, self._last_change = self._last_change, None
        if change is None:
            return
        live = [i for i in change.touched(Card.kind) if i in self.scene.items_by_id]
        if live:
            self.board_actions.select_and_show(live, focus=False)

    def _on_changed(self, change: Change, origin: Origin) -> None:
        if origin in (Origin.UNDO, Origin.REDO):
            self._last_change = change
        ids = change.touched(Card.kind)
        if ids:
            self.scene.notes.refresh(change.read(Card).values())
            if len(ids) == 1 and (card_id := next(iter(ids))) in self.scene.items_by_id:
                # whole, in its column; no other moves (a phone's card leaves folds as they are)
                self.board.view.show_card(card_id, unfold=origin in UNFOLDING)
        self._update_title()

    def _show_failure(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self, self.tr("Non enregistré"), message)

    def _update_title(self) -> None:
        self.setWindowTitle(f"Fabrique — {self.session.title}")

    def _build_actions(self) -> None:
        history = self.bus.history
        self.undo_action = QAction(self.tr("Annuler", "undo"), self)
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.undo_action.triggered.connect(self.bus.undo)
        self.redo_action = QAction(self.tr("Rétablir"), self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.bus.redo)
        for action, able, text, label in (
            (
                self.undo_action,
                history.canUndoChanged,
                history.undoTextChanged,
                self.tr("Annuler", "undo"),
            ),
            (
                self.redo_action,
                history.canRedoChanged,
                history.redoTextChanged,
                self.tr("Rétablir"),
            ),
        ):
            action.setEnabled(False)
            able.connect(action.setEnabled)
            text.connect(lambda step, a=action, w=label: a.setText(f"{w} {step}" if step else w))
        for action in (self.undo_action, self.redo_action):  # after the bus's own slot
            action.triggered.connect(self._after_undo)
        self.capture_action = QAction(self.tr("Saisir une idée"), self)
        self.capture_action.setShortcut(QKeySequence("Ctrl+N"))
        self.capture_action.triggered.connect(self.focus_capture)
        self.manage_action = QAction(self.tr("Ateliers et séries…"), self)
        self.manage_action.setShortcut(QKeySequence("Ctrl+O"))
        self.manage_action.triggered.connect(self.manage_requested)
        self.quit_action = QAction(self.tr("Quitter"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.quit)
        self.zoom_in_action = QAction(self.tr("Agrandir"), self)
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_in_action.triggered.connect(lambda: self.board.set_zoom(self.board.zoom * 1.15))
        self.zoom_out_action = QAction(self.tr("Réduire"), self)
        self.zoom_out_action.setShortcut(QKeySequence("Ctrl+-"))
        self.zoom_out_action.triggered.connect(lambda: self.board.set_zoom(self.board.zoom / 1.15))
        self.zoom_reset_action = QAction(self.tr("Taille normale"), self)
        self.zoom_reset_action.setShortcut(QKeySequence("Ctrl+0"))
        self.zoom_reset_action.triggered.connect(lambda: self.board.set_zoom(1.0))
        self.french_action = QAction("Français", self)
        self.french_action.triggered.connect(lambda: self.language_requested.emit("fr"))
        self.english_action = QAction("English", self)
        self.english_action.triggered.connect(lambda: self.language_requested.emit("en"))
        self.language_group = QActionGroup(self)  # the current language is checked
        for action in (self.french_action, self.english_action):
            action.setCheckable(True)
            self.language_group.addAction(action)
        self.show_language(
            self.settings.get("language", "fr") if self.settings is not None else "fr"
        )
        for action in (
            self.undo_action,
            self.redo_action,
            self.capture_action,
            self.manage_action,
            self.quit_action,
            self.zoom_in_action,
            self.zoom_out_action,
            self.zoom_reset_action,
        ):
            self.addAction(action)

    def _load_icons(self) -> None:
        """Icons come after the first paint; qtawesome is slow to import."""
        for action, name in (
            (self.undo_action, "fa5s.undo"),
            (self.redo_action, "fa5s.redo"),
            (self.capture_action, "fa5s.pen"),
            (self.manage_action, "fa5s.folder-open"),
            (self.quit_action, "fa5s.door-open"),
            (self.zoom_in_action, "fa5s.search-plus"),
            (self.zoom_out_action, "fa5s.search-minus"),
        ):
            action.setIcon(icon(name))

    def _build_menus(self) -> None:
        menu = self.menuBar()
        self.file_menu = menu.addMenu(self.tr("&Fichier"))
        self.file_menu.addAction(self.manage_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = menu.addMenu(self.tr("&Édition"))
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.capture_action)
        self.view_menu = menu.addMenu(self.tr("&Affichage"))
        self.view_menu.addAction(self.zoom_in_action)
        self.view_menu.addAction(self.zoom_out_action)
        self.view_menu.addAction(self.zoom_reset_action)
        language = self.view_menu.addMenu(self.tr("Langue"))
        language.addAction(self.french_action)
        language.addAction(self.english_action)

    def _build_board_menu(self) -> None:
        """The board's actions (issue 3): a « Tableau » menu, help and projection."""
        self.help_action = QAction(self.tr("Raccourcis clavier…"), self)
        self.help_action.setShortcut(QKeySequence("F1"))
        self.help_action.triggered.connect(self.show_shortcuts)
        help_on_board = QAction(self.help_action.text(), self.board.view)
        help_on_board.setShortcut(QKeySequence("?"))
        help_on_board.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        help_on_board.triggered.connect(self.show_shortcuts)
        self.board.view.addAction(help_on_board)
        self.fullscreen_action = QAction(self.tr("Plein écran (vidéoprojecteur)"), self)
        self.fullscreen_action.setShortcuts([QKeySequence("F11"), QKeySequence("F5")])
        self.fullscreen_action.setCheckable(True)
        self.fullscreen_action.triggered.connect(self.set_projector_mode)
        self.audience_action = QAction(self.tr("Projeter sur un second écran…"), self)
        self.audience_action.setShortcut(QKeySequence("Ctrl+F5"))
        self.audience_action.setCheckable(True)
        self.audience_action.triggered.connect(self.set_audience_window)
        self.overview_action = QAction(self.tr("Vue d'ensemble du tableau"), self)
        self.overview_action.setShortcut(QKeySequence("Ctrl+8"))
        self.overview_action.setCheckable(True)
        self.overview_action.triggered.connect(self.board.set_overview)
        self.large_card_action = QAction(self.tr("L'idée choisie en grand"), self)
        self.large_card_action.setShortcut(QKeySequence("F4"))
        self.large_card_action.triggered.connect(self.board.show_selected_large)
        large_on_board = QAction(self.large_card_action.text(), self.board.view)
        large_on_board.setShortcut(QKeySequence(Qt.Key.Key_Space))
        large_on_board.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        large_on_board.triggered.connect(self.board.show_selected_large)
        self.board.view.addAction(large_on_board)
        self.board.view.typed.connect(self._typed_on_board)
        self.board.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.panel_action = QAction(self.tr("Ouvrir ou replier le panneau replié"), self)
        self.panel_action.setShortcut(QKeySequence("F12"))
        self.panel_action.triggered.connect(self.panel_strip.cycle)
        self.screen_action = QAction(self.tr("Choisir l'écran du vidéoprojecteur…"), self)
        self.screen_action.triggered.connect(self.choose_projector_screen)
        for action in (
            self.help_action,
            self.fullscreen_action,
            self.audience_action,
            self.overview_action,
            self.large_card_action,
            self.panel_action,
        ):
            self.addAction(action)
        self.board_menu = self.menuBar().addMenu(self.tr("&Tableau"))
        actions = self.board_actions
        for action in actions.send_actions:
            self.board_menu.addAction(action)
        self.board_menu.addSeparator()
        for action in (
            actions.up_action,
            actions.down_action,
            actions.edit_action,
            actions.delete_action,
            actions.select_all_action,
        ):
            self.board_menu.addAction(action)
        self.board_menu.addSeparator()
        self.board_menu.addAction(actions.search_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(actions.fit_action)
        self.view_menu.addAction(self.overview_action)
        self.view_menu.addAction(self.large_card_action)
        self.view_menu.addAction(self.fullscreen_action)
        self.view_menu.addAction(self.panel_action)
        self.view_menu.addAction(self.audience_action)
        self.view_menu.addAction(self.screen_action)
        self.view_menu.addAction(self.help_action)

    def _build_help_menu(self) -> None:
        self.help_menu = self.menuBar().addMenu(self.tr("Ai&de"))
        self.help_menu.addAction(self.help_action)
        self.about_action = QAction(self.tr("À propos de Fabrique…"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)  # macOS: the app menu
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def quit(self) -> None:
        """Ctrl+Q: the window closes. With the phones' room open or the atelier shared live it
        asks first: quitting ends them, the phones and laptops can send nothing more."""
        from ui.room_guard import RoomGuard

        if RoomGuard(self).may_go(self.tr("Quitter Fabrique"), self.tr("Quitter")):
            self.close()

    def show_about(self) -> None:
        from pathlib import Path

        from fabrique_desktop.paths import DataDir
        from ui.about_dialog import AboutDialog

        path = getattr(self.store, "path", None)
        AboutDialog(DataDir(Path(path).parent) if path else None, self).exec()

    def show_shortcuts(self) -> None:
        from ui.shortcuts_dialog import ShortcutsDialog

        actions = [*self.actions(), *self.board_actions.actions]
        for widget in self.findChildren(QWidget):  # the board's own keys: + − * Espace ?
            actions += widget.actions()
        ShortcutsDialog(actions, self).exec()

    def set_projector_mode(self, on: bool) -> None:
        """Full screen, large type and high contrast on this window (one screen)."""
        self.fullscreen_action.setChecked(on)
        self.menuBar().setVisible(not on)
        self.capture.hint.setVisible(not on)
        self.board.set_projector(on)
        self._fold_panels_for_the_room()
        if on:
            if not self.isFullScreen():
                self._windowed = (self.normalGeometry(), self.isMaximized())
            self.show_whole_screen(full=True)
        elif self.isFullScreen():
            geometry, maximized = self._windowed or (self.normalGeometry(), True)
            if maximized:
                self.show_whole_screen()
            else:
                self.showNormal()
                self.setGeometry(geometry)  # with no window manager, nobody else restores it
        self.activateWindow()

    def _fold_panels_for_the_room(self) -> None:
        """Panels fold in full screen, when this window is the wall; with an audience window
        on the projector this one is the facilitator's: they dock where there is room."""
        wall = self.fullscreen_action.isChecked() and self.projector_window is None
        self.panel_strip.set_folding(wall)

    def show_whole_screen(self, full: bool = False) -> None:
        """Maximized (or full screen) on the window's screen, whatever its size. The geometry
        is set too: with no window manager (a kiosk projector), nobody acts on the request."""
        screen: QScreen | None = self.screen()
        if screen is not None:
            self.setGeometry(screen.geometry() if full else screen.availableGeometry())
        if full:
            self.showFullScreen()
        else:
            self.showMaximized()

    def take_focus_back(self) -> None:
        """After a dialog or a presenter closed: this window is active again (with no window
        manager, nobody else activates it) and the keyboard is where it was — the capture
        field, or the board."""
        if not self.isVisible() or QApplication.activeModalWidget() is not None:
            return
        if QApplication.activePopupWidget() is not None:
            return
        self.activateWindow()
        self.raise_()
        target = self.focusWidget()  # where the keyboard was before the dialog
        if target is None or not target.isVisible():
            target = self.board.view
        target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def set_audience_window(self, on: bool) -> None:
        """The board alone on the projector's screen; this window keeps the controls."""
        from ui.projector import ProjectorWindow, choose_screen, one_screen, remembered_screen

        if not on:
            if self.projector_window is not None:
                self.projector_window.close()
                self.projector_window = None
            self.audience_action.setChecked(False)
            self._fold_panels_for_the_room()
            return
        if one_screen():
            self._no_second_screen()
            return
        screen = remembered_screen(self.settings) or choose_screen(self, self.settings)
        if screen is None:
            self.audience_action.setChecked(False)
            return
        projector = ProjectorWindow(
            self.controller, self.scene, lambda: self.animation.timer.overlay
        )
        self.projector_window = projector
        projector.show_on(screen)
        self.audience_action.setChecked(True)
        self._fold_panels_for_the_room()
        self.take_focus_back()  # the keyboard where it was (the dialog had it)

    def _no_second_screen(self) -> None:
        """One screen (the projector mirrors the laptop, or none is plugged in): the room's
        window would cover this one, the keys going to the window hidden behind it. This
        window goes full screen instead, and says so."""
        self.audience_action.setChecked(False)
        if not self.isFullScreen():
            self.set_projector_mode(True)
        self.statusBar().showMessage(
            self.tr(
                "Un seul écran : le tableau est en plein écran ici (F11 pour en sortir). "
                "Pour projeter à part : vidéoprojecteur en écran étendu, puis Ctrl+F5."
            ),
            15000,
        )

    def choose_projector_screen(self) -> None:
        """Choose the projector's screen again (remembered); an open audience window moves."""
        from ui.projector import choose_screen, screen_label

        screen = choose_screen(self, self.settings)
        if screen is None:
            return
        if self.projector_window is not None:
            self.projector_window.show_on(screen)
            self.take_focus_back()
        message = self.tr("Écran du vidéoprojecteur : {}.").format(screen_label(screen))
        self.statusBar().showMessage(message, 5000)

    def closeEvent(self, event: QCloseEvent) -> None:
        log.info("window closed on session %s", self.session.id)
        self._focus_keeper.stop()
        self.board_actions.save_pending_edit()  # replaced or closed: the words are kept
        gallery = self.animation.photos.gallery if self.feature_menus_built else None
        if gallery is not None:  # a photo's caption typed without Enter, likewise
            gallery.save_pending_caption()
        if self.feature_menus_built:  # replaced (another atelier, the language): not lost
            self.animation.recit.save_pending()
        if self.projector_window is not None:
            self.projector_window.close()
        super().closeEvent(event)


class FocusKeeper(QObject):
    """Gives the keyboard back to the main window when one of its dialogs or presenters (any
    other window of the app that had the focus) closes and no window has the focus. A window
    manager does this; without one (a kiosk projector set-up) nothing would, and every
    shortcut would stay dead until a click. Leaving the app for another one is left alone."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._watched: QWindow | None = None
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.focusWindowChanged.connect(self._focus_moved)
        self._listening = True

    def stop(self) -> None:
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication) and self._listening:
            app.focusWindowChanged.disconnect(self._focus_moved)
        self._listening = False
        self._watch(None)

    def _focus_moved(self, focused: QWindow | None) -> None:
        if focused is None:
            self._check()
        elif focused is not self.window.windowHandle():
            self._watch(focused)  # a dialog or a presenter: when it goes, the focus returns
            if not _keeps_the_keyboard(focused):  # already gone, or the room's window
                self._check()

    def _watch(self, other: QWindow | None) -> None:
        if self._watched is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # already deleted
                self._watched.visibleChanged.disconnect(self._other_shown)
        self._watched = other
        if other is not None:
            other.visibleChanged.connect(self._other_shown)

    def _other_shown(self, visible: bool) -> None:
        if not visible:
            self._check()

    def _check(self) -> None:
        QTimer.singleShot(0, self.window, self._give_back)

    def _give_back(self) -> None:
        focused = QGuiApplication.focusWindow()
        if focused is None or not _keeps_the_keyboard(focused):
            self._watch(None)
            dialog = QApplication.activeModalWidget()
            if dialog is not None and dialog.isVisible():
                # a file dialog closed over the export dialog: the keys go back to that one
                dialog.raise_()
                dialog.activateWindow()
            else:
                self.window.take_focus_back()


def _keeps_the_keyboard(window: QWindow) -> bool:
    """False for a window gone (its activation came late) or one that never takes the keyboard
    (the room's audience window: some platforms activate any window shown, whatever its flags)."""
    refuses = bool(window.flags() & Qt.WindowType.WindowDoesNotAcceptFocus)
    return window.isVisible() and not refuses
