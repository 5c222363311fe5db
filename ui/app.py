"""The Qt application: fonts, translations, the error handler, and the window it opens."""

from __future__ import annotations

import logging
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, Qt, QThread, QTimer, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from db.backups import Backups
from fabrique_desktop import disk
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.logs import where_details
from fabrique_desktop.model import Session
from fabrique_desktop.paths import DataDir
from fabrique_desktop.ports import Store
from fabrique_desktop.resources import resource
from fabrique_desktop.settings import Settings
from ui import theme
from ui.first_frame import after_first_frame
from ui.font_files import register_fonts
from ui.gui_thread_gc import collect_on_gui_thread
from ui.main_window import MainWindow
from ui.telling_box import only_tells

if TYPE_CHECKING:
    from ui.close_on_sigterm import CloseOnSigterm
    from ui.front_door import Answer

log = logging.getLogger(__name__)

BACKUP_CHECK_MS = 60_000


APP_ID = "org.fabrique.Fabrique"  # as in standalone/linux/ (the .desktop entry, AppStream)


def app_icon() -> QIcon:
    """The window and task bar icon (resources/icons, rendered from fabrique.svg); the files
    are read only when a size is drawn."""
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        icon.addFile(str(resource("icons", f"fabrique-{size}.png")))
    return icon


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("Fabrique")
    app.setOrganizationName("Fabrique")
    app.setDesktopFileName(APP_ID)  # Wayland and task bars match the window to its .desktop
    app.setWindowIcon(app_icon())
    app.setFont(QFont(register_fonts(), 11))
    app.setStyleSheet(theme.STYLESHEET)
    collect_on_gui_thread(app)  # never in a network thread, where it could free Qt objects
    return app


class QtFrenchGaps(QTranslator):
    """Labels of Qt's own file dialog that the qtbase_fr.qm shipped with PySide6 lacks (Qt 6
    gave them a mnemonic, so « Look in: » and « Files of type: » showed in English)."""

    GAPS: ClassVar[dict[tuple[str, str], str]] = {
        ("QFileDialog", "&Look in:"): "&Voir dans :",
        ("QFileDialog", "Files of &type:"): "Fichiers de &type :",
    }

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.GAPS.get((context, source))  # None, not "": « no translation here »

    def isEmpty(self) -> bool:
        return False


class Translations:
    """Qt translators for the app and Qt's own dialogs. French is the source language."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.installed: list[QTranslator] = []

    def use(self, language: str) -> None:
        for translator in self.installed:
            self.app.removeTranslator(translator)
        self.installed.clear()
        if language == "fr":  # installed first: asked last, only for what nothing else knows
            missing = QtFrenchGaps(self.app)
            self.app.installTranslator(missing)
            self.installed.append(missing)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        candidates = [(Path(qt_dir), f"qtbase_{language}.qm")]
        if language != "fr":
            candidates.append((resource("translations"), f"fabrique_{language}.qm"))
        for folder, name in candidates:
            translator = QTranslator(self.app)
            if translator.load(str(folder / name)):
                self.app.installTranslator(translator)
                self.installed.append(translator)
            else:
                log.info("no translation %s in %s", name, folder)
        QLocale.setDefault(
            QLocale(QLocale.Language.English if language == "en" else QLocale.Language.French)
        )


def _answering_a_dialog() -> str:
    """Why a request from a second `fabrique` waits: a dialog of the window is open (a question,
    « Exporter… »), or something is waited for in an event loop of its own (``exec()``).
    Replacing the window under it deleted the dialog while it was answered: the app crashed
    (« double free »). Empty when nothing is open but boxes that only tell (``only_tells``:
    one « OK », however they were opened), and none of them is waited for: they go with their
    window (a double-clicked copy after another was refused until the first one's summary was
    closed). The app opens such boxes with ``ui.telling_box.tell``, never waited for."""
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isModal()]
    asking = [w for w in shown if not only_tells(w)]
    waited = QThread.currentThread().loopLevel() > 1  # in an exec() started from the app's loop
    if not asking and not waited:
        return ""
    dialog = asking[0] if asking else QApplication.activeModalWidget()
    title = dialog.windowTitle() if dialog is not None else ""
    named = f" (« {title} »)" if title else ""
    return f"une fenêtre de dialogue est ouverte dans Fabrique{named} : fermez-la, puis recommencez"


class FabriqueApp(QObject):
    """Opens sessions in the main window and keeps backups and settings."""

    def __init__(
        self, app: QApplication, store: Store, data_dir: DataDir, backups: Backups
    ) -> None:
        super().__init__()
        self.app = app
        self.store = store
        self.data_dir = data_dir
        self.backups = backups
        self.settings = Settings(data_dir.settings)
        self.translations = Translations(app)
        self.translations.use(self.language)
        self.window: MainWindow | None = None
        self.restore_dialog: QWidget | None = None
        self.front_door: QObject | None = None
        self._backup_timer = QTimer(self)
        self._backup_timer.timeout.connect(self._maybe_backup)
        self._backup_timer.start(BACKUP_CHECK_MS)
        install_error_handler(data_dir)

    @property
    def language(self) -> str:
        return self.settings.get("language", "fr")

    def open_session(self, session_id: str, at_start_up: bool = False) -> MainWindow:
        session = self.store.get(Session, session_id)
        if session is None or session.deleted:
            raise FabriqueError("Cet atelier n'existe plus.")
        previous = self.window
        window = MainWindow(
            self.store,
            session,
            self.settings,
            defer_feature_menus=at_start_up,
            backup=lambda label: self.backups.take(label, thin=False),
        )
        # CJK and Indic names: fonts read after the first frame (cancelled if the window goes)
        after_first_frame(window, lambda: self._install_fallback_fonts(window))
        after_first_frame(window, self._take_backup)  # right after the window is on screen
        after_first_frame(window, lambda: self._tell_pistes_elsewhere(window))
        window.session_requested.connect(self.open_session)
        window.manage_requested.connect(self.show_manager)
        self._add_restore_action(window)
        window.language_requested.connect(self.set_language)
        if previous is not None:
            previous.successor = window  # what it started (an import's summary) ends there
            window.setGeometry(previous.geometry())
            if previous.isFullScreen():
                window.set_projector_mode(True)
            elif previous.isMaximized():
                window.show_whole_screen()
            else:
                window.show()
            typed = previous.capture.field.text()
            previous.close()
            previous.deleteLater()
            # with no window manager nobody activates the new window: typed words were lost
            window.activateWindow()
            window.focus_capture()
            if typed.strip():  # an idea not sent yet (`fabrique --open`, « Ouvrir »): kept
                window.keep_typed(typed)
        self.window = window
        if self.store.read_only:
            show_read_only(window, self.store.read_only)
        self.settings.set("last_session", session.id)
        return window

    def _tell_valeurs_wall(self, window: MainWindow) -> None:
        """An empty Valeurs wall (the demo's ateliers 1 and 2 open so): the status bar says
        what it gathers and where the series' paradoxes and values are shown (F6), rather
        than four silent empty columns."""
        from fabrique_desktop.model import Card, Series
        from fabrique_desktop.template import Template

        session = window.session  # on the wall of the phase (Atouts, Problèmes, Valeurs…)
        if session.phase != "valeurs" or self.store.count(Card, session_id=session.id):
            return
        series = self.store.get(Series, session.series_id)
        if series is None:
            return
        template = Template.from_dict(series.template)
        if template.phase_columns(session.phase) == template.columns:
            return  # a template without a Valeurs wall of its own: its columns say enough
        paradoxes = len(template.section("paradoxes"))
        values = len(template.section("values"))
        said = self.tr(
            "Ce mur recueille les atouts et problèmes des personas, et les valeurs proposées."
        )
        if paradoxes or values:  # first: a 1280-pixel status bar cuts the end of a long line
            said = (
                self.tr("Les {} paradoxes et les {} valeurs de la série : F6.").format(
                    paradoxes, values
                )
                + " "
                + said
            )
        window.statusBar().showMessage(said, 30000)

    def _tell_pistes_elsewhere(self, window: MainWindow) -> None:
        """An empty wall whose cards are on another atelier's wall (the demo's atelier 4:
        the pistes of ateliers 3 et 4 are on atelier 3's; atelier 2: the atouts, problèmes
        and values of ateliers 1 et 2 are on atelier 1's): the status bar says where they
        are and that this atelier's report shows them, rather than a silent empty wall."""
        from fabrique_desktop.credit import pistes_elsewhere

        group, walls = pistes_elsewhere(self.store, window.session)
        if not walls:
            self._tell_valeurs_wall(window)
            return

        def listed(numbers: tuple[int, ...]) -> str:
            names = [str(n) for n in numbers]
            return (
                names[0]
                if len(names) == 1
                else self.tr("{} et {}").format(", ".join(names[:-1]), names[-1])
            )

        said = (
            self.tr(
                "Les atouts, problèmes et valeurs des ateliers {} sont sur le mur de l'atelier "
                "{} (Ctrl+O) ; le compte rendu d'ici les montre aussi."
            )
            if window.session.phase == "valeurs"
            else self.tr(
                "Les pistes communes des ateliers {} sont sur le mur de l'atelier {} "
                "(Ctrl+O pour l'ouvrir) ; le compte rendu d'ici les montre aussi."
            )
        ).format(listed(group), listed(walls))
        window.statusBar().showMessage(said, 30000)

    def import_file(self, path: Path, stay_on: str | None = None) -> Answer:
        """A note-taker's copy given on the command line: merged, then its atelier shown, or
        the atelier ``stay_on`` (`fabrique --open ATELIER copie.fabrique`), where the import's
        summary is shown. What was done, for the terminal (a refused copy is said there too)."""
        from ui.front_door import Answer

        if self.window is None:
            return Answer(refused=f"« {path.name} » n'est pas importé : aucune fenêtre ouverte")
        if busy := _answering_a_dialog():
            return Answer(refused=f"« {path.name} » n'est pas importé : {busy}")
        done: list[str] = []
        stayed = ""
        if stay_on is not None:  # shown already, or now (asked if it serves the room)
            asked = self.store.get(Session, stay_on)
            if self.window.session.id == stay_on or self.window.request_session(stay_on):
                done.append(f"ouvre « {asked.title if asked else stay_on} »")
            else:
                stayed = self._stayed(asked)
        window = self.window
        window.build_feature_menus()  # no-op once built (the import backs up first)
        menu = window.notes_menu
        if not menu.import_path(path, follow=stay_on is None):
            refused = f"refuse « {path.name} » : {menu.last_refusal}"
            return Answer(tuple(done), "; ".join(filter(None, [refused, stayed])))
        summary = menu.last_summary
        details = f"Importé {summary.message()}" if summary is not None else ""
        return Answer((f"importe « {path.name} »", *done), stayed, details)

    def open_front_door(self) -> None:
        from ui.front_door import FrontDoor

        self.front_door = FrontDoor(
            self.data_dir.root, self.to_front, self.import_file, self.open_asked
        )

    def open_asked(self, session_id: str) -> Answer:
        """`fabrique --open ATELIER` while this app owns the folder: that atelier is opened
        here (the second process found it; the same request as « Ouvrir un atelier »)."""
        from ui.front_door import Answer

        asked = self.store.get(Session, session_id)
        if self.window is None:
            return Answer(refused="aucune fenêtre ouverte")
        if self.window.session.id != session_id and (busy := _answering_a_dialog()):
            return Answer(
                refused=f"« {asked.title if asked else session_id} » n'est pas ouvert : {busy}"
            )
        if self.window.session.id == session_id or self.window.request_session(session_id):
            return Answer((f"ouvre « {asked.title if asked else session_id} »",))
        return Answer(refused=self._stayed(asked))

    def _stayed(self, asked: Session | None) -> str:
        """Why the atelier asked for is not shown: the user kept the window serving the room."""
        here = self.window.session.title if self.window is not None else ""
        title = asked.title if asked is not None else ""
        return (
            f"« {title} » n'est pas ouvert : la fenêtre reste sur « {here} », qui sert la salle "
            "(réponse « Non » à la question posée)"
        )

    def to_front(self) -> None:
        """Asked by a second `fabrique` on this folder: this window comes to the front."""
        window = self.window
        if window is None:
            return
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()

    def _add_restore_action(self, window: MainWindow) -> None:
        from PySide6.QtGui import QAction

        action = QAction(self.tr("Remettre une sauvegarde en place…"), window)
        action.setObjectName("restore_action")
        action.triggered.connect(self.show_restore)
        window.file_menu.insertAction(window.quit_action, action)
        window.file_menu.insertSeparator(window.quit_action)
        window.restore_action = action  # type: ignore[attr-defined]

    def show_restore(self) -> None:
        from ui.restore_dialog import RestoreDialog

        if self.store.read_only:
            raise FabriqueError(self.store.read_only)
        dialog = RestoreDialog(self.data_dir.backups, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.restore_backup)
        self.restore_dialog = dialog
        dialog.open()

    def restore_backup(self, backup: Path) -> None:
        """Put ``backup`` in place (checked first, the current state backed up), then show
        the same atelier again as the backup has it (or its first one)."""
        from db.backups import restore
        from fabrique_desktop.workspace import list_sessions

        if self.store.read_only:
            raise FabriqueError(self.store.read_only)
        if self.window is not None and not self._may_restore(self.window):
            return  # the window serves the room: the user keeps it (nothing restored)
        done = restore(backup, self.data_dir.database, self.data_dir.backups)
        current = self.window.session.id if self.window else ""
        session = self.store.get(Session, current)
        if session is None or session.deleted:
            sessions = list_sessions(self.store)
            if not sessions:
                raise FabriqueError("La sauvegarde remise en place n'a aucun atelier.")
            session = sessions[0]
        window = self.open_session(session.id)
        window.statusBar().showMessage(
            self.tr(
                "Sauvegarde remise en place : {}. L'état d'avant est gardé dans « {} »."
            ).format(done.contents.describe(), done.safety.name),
            15000,
        )

    def _may_restore(self, window: MainWindow) -> bool:
        """A backup put back replaces the window: its phones' room and sharing end (asked)."""
        from ui.room_guard import RoomGuard

        return RoomGuard(window).may_go(
            self.tr("Remettre une sauvegarde en place"), self.tr("Remettre la sauvegarde en place")
        )

    def show_manager(self) -> None:
        from ui.session_manager import SessionManager

        if self.window is None:  # the manager is a window's (its menu)
            return
        manager = SessionManager(self.window.bus, self.window.session.id, self.window)
        manager.open_requested.connect(self._open_chosen)
        manager.exec()

    def _open_chosen(self, session_id: str) -> None:
        """An atelier chosen in « Ateliers et séries »: asked first if the window serves the
        room (``MainWindow.request_session``)."""
        if self.window is not None:
            self.window.request_session(session_id)

    def set_language(self, language: str) -> None:
        if language == self.language:
            return
        window = self.window
        if window is not None and not window.may_be_replaced(window.session.id):
            window.show_language(self.language)  # the menu shows the language kept
            return
        self.settings.set("language", language)
        self.translations.use(language)
        if self.window is not None:
            self.open_session(self.window.session.id)
            self.window.capture.field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _install_fallback_fonts(self, window: MainWindow) -> None:
        from ui import fallback_fonts

        if fallback_fonts.install(self.app):
            window.refresh_fonts()

    def _take_backup(self) -> None:
        if self.store.read_only:  # another process owns the folder (or the disk refuses)
            return
        try:
            self.backups.take("ouverture")
        except FabriqueError as error:
            log.warning("backup failed: %s", error)

    def _maybe_backup(self) -> None:
        if self.store.read_only:
            return
        try:
            self.backups.maybe_take()
        except FabriqueError as error:
            log.warning("backup failed: %s", error)


def install_error_handler(data_dir: DataDir) -> None:
    """Unhandled errors: a known problem (``FabriqueError``) shows its calm French message;
    anything else is a bug of ours, logged with its traceback and shown as « Erreur interne »
    with where the log is. The app keeps running.

    The message does not block (no nested event loop), and one at a time: an error that
    repeats (in a paint, a timer) is logged each time but never piles boxes up."""
    showing: list[QWidget] = []

    def handle(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(kind, error, tb))
        if isinstance(error, FabriqueError):
            log.warning("refused: %s", error)
            text = str(error)
        elif isinstance(error, OSError) and disk.is_environment(error):  # the disk, not a bug
            log.warning("refused by the disk: %r", error)
            text = disk.describe(error)
        else:  # a bug of ours (a constraint violated, a misuse…): said as such, never disguised
            log.error("internal error:\n%s", details)
            text = QApplication.translate(
                "errors",
                "Erreur interne de Fabrique (un défaut du programme, pas de vos données). "
                "Rien n'a été perdu : chaque idée est enregistrée dès sa saisie.\n\n{}.",
            ).format(_sentence(where_details()))
        if showing:
            return
        from PySide6.QtCore import Qt

        box = QMessageBox(QMessageBox.Icon.Warning, "Fabrique", text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: showing.clear())
        showing.append(box)
        box.open()

    sys.excepthook = handle


def show_read_only(window: MainWindow, reason: str) -> None:
    """Data that cannot be written (disk full, read-only folder): said for as long as the
    window is open, at the bottom; the board can still be read, presented and exported."""
    from PySide6.QtWidgets import QLabel

    notice = QLabel(
        QApplication.translate(
            "errors", "Lecture seule : {} Consultation et exports possibles, aucune modification."
        ).format(reason)
    )
    notice.setObjectName("read_only_notice")
    notice.setWordWrap(True)
    window.statusBar().addPermanentWidget(notice, 1)
    window.setWindowTitle(
        QApplication.translate("errors", "{} (lecture seule)").format(window.windowTitle())
    )


def _sentence(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


def run(
    store: Store,
    data_dir: DataDir,
    backups: Backups,
    session_id: str,
    fullscreen: bool = False,
    started: float | None = None,
    open_file: Path | None = None,
    stay_on_asked: bool = False,
) -> int:
    """Open the app on ``session_id``; ``started`` (``time.perf_counter()`` when the command
    began) times the start-up in the log; ``open_file`` (a double-clicked ``.fabrique`` copy)
    is imported as « Fichier › Importer des notes » does, once the window is up, then its
    atelier shown, or ``session_id``'s kept when ``stay_on_asked`` (`--open ATELIER`)."""
    app = make_application()
    closers: list[CloseOnSigterm] = []

    def close_on_sigterm() -> None:  # a logout or `kill`: the windows close as with their button
        from ui.close_on_sigterm import CloseOnSigterm  # its socket (~15 M): after the frame

        closers.append(CloseOnSigterm(app))

    collector = collect_on_gui_thread(app)
    collector.pause()  # automatic collection is off since the command began (cli/gui.py)
    fabrique = FabriqueApp(app, store, data_dir, backups)
    window = fabrique.open_session(session_id, at_start_up=True)
    after_first_frame(window, collector.resume)
    if started is not None:  # first of what waits for the window's first frame on screen
        after_first_frame(window, lambda: log_start_up(started), first=True)
    # before « window shown » is logged: from then on SIGTERM closes the windows (before the
    # first frame nothing is open to close: the process ends as any process does)
    after_first_frame(window, close_on_sigterm, first=True)
    if fullscreen:
        window.set_projector_mode(True)
    else:
        show_whole(window)
    window.activateWindow()  # window shortcuts need an active window, even with no window manager
    window.focus_capture()
    if open_file is not None:
        stay_on = session_id if stay_on_asked else None
        # the window says what it did with the copy (no terminal waits for it here)
        after_first_frame(window, lambda: log.info("%s", fabrique.import_file(open_file, stay_on)))
    if not store.read_only:  # once shown: a second `fabrique` brings this window forward
        after_first_frame(window, fabrique.open_front_door)
    code = app.exec()
    for closer in closers:
        closer.uninstall()  # held until here: its socket is what wakes the loop
    return code


def log_start_up(started: float) -> None:
    log.info(
        "window shown %.0f ms after the command started", (time.perf_counter() - started) * 1000
    )


def show_whole(window: QWidget) -> None:
    """The first window is maximized, whatever the screen's size (a 1280×720 projector or a
    1920×1080 one). The geometry is set as well: with no window manager (a kiosk projector),
    nobody acts on a request to maximize."""
    screen = window.screen()
    if screen is not None:
        window.setGeometry(screen.availableGeometry())
    window.showMaximized()
