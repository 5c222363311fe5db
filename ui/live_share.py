"""Live sharing on screen: the link of one window, and the panel beside the board.

- ``LiveSession`` ties a ``fabrique_desktop.live.LiveLink`` to a window, seen through a typed
  ``LiveContext`` (``ui.animation.context.WindowContext`` is one): it pumps the
  link on Qt's main thread when the network thread wakes it, sends local changes (every change
  the window's bus announces that did not come from another laptop, and a short timer for
  anything else written), and announces remote changes on the bus with ``Origin.REMOTE``, so
  every view reads those entities again. Remote changes are not undo steps here (they are
  someone else's), and an undo never overwrites them (``changes.rebased``).
- ``LivePanel``: a dock with the session code in very large type (for the back of the room),
  the address, the connected laptops with « Retirer », and « Arrêter le partage »; on a
  note-taker's laptop, the link's state.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop.changes import Change, Origin
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.live import codes, events
from fabrique_desktop.live.events import Event, LiveError
from fabrique_desktop.live.link import LiveLink
from fabrique_desktop.model import Session
from fabrique_desktop.ports import Store
from ui import telling_box, theme
from ui.count_words import counted
from ui.thread_wake import WakeUp

if TYPE_CHECKING:
    from fabrique_desktop.live.engine import EngineDoc
    from fabrique_desktop.live.peers import PeerInfo
    from fabrique_desktop.sync import SyncJournal
    from ui.change_bus import ChangeBus
    from ui.live_join_dialog import LiveJoinDialog
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

FLUSH_MS = 400
"""Writes that were not announced on the bus reach the peers within this delay."""


class LiveContext(Protocol):
    """The window as live sharing sees it."""

    @property
    def store(self) -> Store: ...

    @property
    def session(self) -> Session: ...

    @property
    def bus(self) -> ChangeBus: ...  # local changes heard, remote ones announced

    @property
    def window(self) -> QMainWindow: ...  # its status bar; closing it ends the link


class LiveSession(QObject):
    """One window's live link, as facilitator (``share``) or note-taker (``join``).

    Signals:
        peers_changed(): a laptop joined or left.
        status_changed(str): a French sentence about the link (connected, offline, refused…).
        stopped(): sharing ended or the note-taker left, for good.
    """

    peers_changed = Signal()
    status_changed = Signal(str)
    stopped = Signal()

    def __init__(self, context: LiveContext) -> None:
        super().__init__(context.window)
        self.context = context
        self.window = context.window
        self.link: LiveLink | None = None
        self.code = ""
        self.address = ""
        self.role = ""
        self.status = ""
        self.guarded = False
        """Too many wrong codes this minute: only laptops already connected may come in."""
        self._waker = WakeUp(self._pump, self)  # the network thread wakes the pump
        self._timer = QTimer(self)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self._flush)
        self.window.installEventFilter(self)

    @property
    def active(self) -> bool:
        return self.link is not None

    def share(
        self, host: str | None = None, port: int | None = None, discovery_port: int | None = -1
    ) -> None:
        """Offer the window's session on the local network; ``LiveError`` if impossible."""
        from fabrique_desktop.live.discovery import DISCOVERY_PORT, lan_address
        from fabrique_desktop.live.engine import make_copy
        from fabrique_desktop.live.server import DEFAULT_PORT

        host = host or lan_address()
        if host is None:
            raise LiveError(
                self.tr(
                    "Cet ordinateur n'est relié à aucun réseau local (Wi-Fi de la salle, partage "
                    "de connexion d'un téléphone…) : le partage en direct est impossible."
                )
            )
        session = self.context.session
        self.code = codes.new_code()
        ports = [port] if port is not None else [DEFAULT_PORT, 0]
        for i, candidate in enumerate(ports):
            try:
                self.link = LiveLink.share(
                    self._engine(),
                    host=host,
                    port=candidate,
                    code=self.code,
                    session_id=session.id,
                    title=session.title,
                    discovery_port=DISCOVERY_PORT if discovery_port == -1 else discovery_port,
                    on_event=self._on_event,
                    wake=self._waker.wake,
                )
                break
            except LiveError:
                if i == len(ports) - 1:
                    raise
        assert self.link is not None
        write = self.context.bus.writer(Origin.REMOTE, session.id)  # the journal only: unsaid
        try:
            self.link.server.copy = make_copy(self.context.store, self._journal(), session, write)
        except BaseException:  # a full disk: no sharing left half open (port, « partage déjà »)
            link, self.link = self.link, None
            link.close()
            raise
        self.address = f"{host}:{self.link.server.port}"
        self.role = "host"
        self.guarded = False
        self._started()
        self._set_status(self._host_status())

    def join(self, host: str, port: int, code: str, name: str, peer_id: str | None) -> None:
        """Link the window's session (already here) to the facilitator's laptop."""
        self.code = code
        self.address = f"{host}:{port}"
        self.link = LiveLink.join(
            self._engine(),
            host=host,
            port=port,
            code=code,
            name=name,
            peer_id=peer_id,
            session_id=self.context.session.id,
            on_event=self._on_event,
            wake=self._waker.wake,
        )
        self.role = "note-taker"
        self._started()
        self._set_status(self.tr("Connexion à l'animateur…"))

    def peers(self) -> list[PeerInfo]:
        if self.link is None or self.link.server is None:
            return []
        return sorted(self.link.peers.values(), key=lambda p: p.connected_at)

    def remove(self, peer_id: str) -> None:
        if self.link is not None:
            self.link.remove(peer_id)

    def stop(self) -> None:
        """End sharing (every laptop is told) or leave; the local data stay as they are."""
        if self.link is None:
            return
        self._timer.stop()
        link, self.link = self.link, None
        try:
            link.local_changed()
        except FabriqueError as error:
            log.warning("live: last flush failed: %s", error)
        link.close()
        log.info("live: %s link closed", self.role)
        self._set_status(self.tr("Partage arrêté."))
        self.stopped.emit()

    # private

    def _journal(self) -> SyncJournal:
        return journal_of(self.context.store)

    def _engine(self) -> EngineDoc:
        from fabrique_desktop.live.engine import EngineDoc

        session_id = self.context.session.id
        write = self.context.bus.writer(Origin.REMOTE, session_id)  # written and announced
        return EngineDoc(self.context.store, self._journal(), session_id, write)

    def _started(self) -> None:
        self.context.bus.changed.connect(self._on_local_change)
        self._timer.start()

    def _pump(self) -> None:
        if self.link is None:
            return
        try:
            self.link.pump()
        except FabriqueError as error:  # the disk, not the network: say it calmly
            log.warning("live: %s", error)
            self._set_status(str(error))
        if self.link is not None and self.link.not_stored:  # a peer's update the disk refused
            self._set_status(self.link.not_stored)
            self.link.not_stored = ""

    def _flush(self) -> None:
        if self.link is None:
            return
        try:
            self.link.local_changed()
        except FabriqueError as error:
            log.warning("live: flush failed: %s", error)
            self._set_status(str(error))

    def _on_local_change(self, change: Change, origin: Origin) -> None:
        if self.link is not None and origin is not Origin.REMOTE:
            self._flush()

    def _on_event(self, event: Event) -> None:
        if event.kind in (events.JOINED, events.LEFT):
            self._set_status(self._host_status())
            self.peers_changed.emit()
        elif event.kind == events.GUARD:
            self.guarded = bool(event.data)
            self._set_status(self._host_status())
            if self.guarded:
                self.window.statusBar().showMessage(self._guard_notice(), 60_000)
            elif self.window.statusBar().currentMessage() == self._guard_notice():
                self.window.statusBar().clearMessage()
        elif event.kind == events.CONNECTED:
            self._set_status(self.tr("Connecté à l'animateur : vos idées s'affichent au tableau."))
        elif event.kind == events.DISCONNECTED:
            self._set_status(
                self.tr("Hors ligne : vous pouvez continuer à saisir, tout sera envoyé au retour.")
            )
        elif event.kind in (events.REFUSED, events.ENDED):
            self._set_status(events.refusal_message(str(event.data)))
            QTimer.singleShot(0, self.stop_quietly)

    def _host_status(self) -> str:
        count = len(self.peers())
        status = counted(
            count,
            self.tr("Partage ouvert : 1 appareil connecté."),
            self.tr("Partage ouvert : {} appareils connectés."),
            none=self.tr("Partage ouvert : aucun appareil connecté."),
        )
        return f"{status}\n{self._guard_notice()}" if self.guarded else status

    def _guard_notice(self) -> str:
        return self.tr(
            "Plusieurs codes faux ont été essayés : pendant une minute, seuls les ordinateurs "
            "déjà connectés peuvent rejoindre le partage. Si cela continue, arrêtez le partage "
            "et relancez-le : un nouveau code sera affiché."
        )

    def stop_quietly(self) -> None:
        status = self.status
        self.stop()
        self._set_status(status)

    def _set_status(self, text: str) -> None:
        self.status = text
        self.status_changed.emit(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.stop()
        return False


REMOTE_LABEL = "Reçu d'un autre ordinateur"


def journal_of(store: Store) -> SyncJournal:
    """The session documents' journal in the app's store (the app's store is db's)."""
    from db.store import Store as Database
    from db.sync_store import SyncJournal as Journal

    return Journal(cast(Database, store))


class LivePanel(QDockWidget):
    """The sharing panel: code, address, laptops, « Retirer », « Arrêter le partage »."""

    def __init__(self, live: LiveSession, window: QMainWindow) -> None:
        super().__init__(self.tr("Partage en direct"), window)
        self.setObjectName("livePanel")
        self.live = live
        body = QWidget()
        body.setStyleSheet(f"QPushButton {{ font-size: {theme.PANEL_POINT_SIZE}pt; }}")
        layout = QVBoxLayout(body)
        text = QFont(body.font())
        text.setPointSize(theme.PANEL_POINT_SIZE)
        self.hint = QLabel()
        self.hint.setFont(text)
        self.hint.setWordWrap(True)
        self.code_label = QLabel()
        self.code_label.setObjectName("liveCode")
        font = QFont(self.code_label.font())
        font.setPointSize(44)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 4)
        self.code_label.setFont(font)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setStyleSheet("color: #111111; background: #FFF59D; padding: 8px;")
        self.address_label = QLabel()
        big = QFont(self.address_label.font())
        big.setPointSize(18)
        self.address_label.setFont(big)
        self.address_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        self.status_label.setFont(text)
        self.status_label.setWordWrap(True)
        self.peer_list = QListWidget()
        self.peer_list.setObjectName("livePeers")
        list_font = QFont(self.peer_list.font())
        list_font.setPointSize(14)
        self.peer_list.setFont(list_font)
        self.remove_button = QPushButton(self.tr("Retirer cet ordinateur"))
        self.remove_button.clicked.connect(self._remove_selected)
        self.stop_button = QPushButton(self.tr("Arrêter le partage"))
        self.stop_button.clicked.connect(self._stop)
        for widget in (
            self.hint,
            self.code_label,
            self.address_label,
            self.status_label,
            self.peer_list,
            self.remove_button,
            self.stop_button,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setWidget(body)
        live.peers_changed.connect(self.refresh)
        live.status_changed.connect(self.status_label.setText)
        live.stopped.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        live = self.live
        host = live.role == "host"
        if not live.active:  # stopped, or left: nothing links this laptop any more
            self.hint.setText(
                self.tr("Pour le reprendre : Fichier › Partager l'atelier en direct…")
                if host
                else self.tr(
                    "Plus relié à l'animateur. Pour le suivre à nouveau : Fichier › "
                    "Rejoindre un atelier en direct…"
                )
            )
        elif host:
            self.hint.setText(
                self.tr("Pour rejoindre : Fichier › Rejoindre un atelier en direct, puis ce code :")
            )
        else:
            self.hint.setText(self.tr("Relié à l'animateur ({}).").format(live.address))
        self.code_label.setText(codes.display(live.code) if host else "")
        self.code_label.setVisible(host and live.active)
        self.address_label.setText(self.tr("Adresse : {}").format(live.address) if host else "")
        self.address_label.setVisible(host and live.active)
        self.peer_list.setVisible(host and live.active)
        self.remove_button.setVisible(host and live.active)
        self.peer_list.clear()
        for peer in live.peers():
            item = QListWidgetItem(f"{peer.name} — {peer.address}")
            item.setData(Qt.ItemDataRole.UserRole, peer.id)
            self.peer_list.addItem(item)
        self.remove_button.setEnabled(live.active and self.peer_list.count() > 0)
        self.stop_button.setText(
            self.tr("Arrêter le partage") if host else self.tr("Quitter le partage")
        )
        self.stop_button.setEnabled(live.active)
        self.status_label.setText(live.status)

    def _remove_selected(self) -> None:
        item = self.peer_list.currentItem() or self.peer_list.item(0)
        if item is not None:
            self.live.remove(item.data(Qt.ItemDataRole.UserRole))

    def _stop(self) -> None:
        self.live.stop()


def _live_of(window: MainWindow) -> LiveSession:
    menu = window.live_menu
    if menu.live is None:
        menu.live = LiveSession(menu.context)
    return menu.live


def _panel_of(window: MainWindow, live: LiveSession) -> LivePanel:
    menu = window.live_menu
    panel = menu.panel
    if panel is None or panel.live is not live:
        panel = LivePanel(live, window)
        menu.panel = panel
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    panel.refresh()
    from ui.panel_strip import show_beside_board

    show_beside_board(window, panel, panel.minimumSizeHint().width())
    return panel


def share_window(
    window: MainWindow,
    host: str | None = None,
    port: int | None = None,
    discovery_port: int | None = -1,
) -> LiveSession | None:
    """« Partager l'atelier en direct »: start sharing, or show the panel if already on."""
    live = _live_of(window)
    if not live.active and window.store.read_only:  # the other laptops' ideas could not be kept
        log.warning("live sharing refused: read-only data (%s)", window.store.read_only)
        telling_box.tell(
            window,
            QCoreApplication.translate("LiveShare", "Partage impossible"),
            window.store.read_only
            + "\n\n"
            + QCoreApplication.translate(
                "LiveShare",
                "Le partage en direct est impossible : ce que les autres ordinateurs enverraient "
                "ne pourrait pas être enregistré ici.",
            ),
        )
        return None
    if not live.active:
        if live.role == "note-taker":
            live.role = ""
        try:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                live.share(host, port, discovery_port)
            finally:
                QGuiApplication.restoreOverrideCursor()
        except FabriqueError as error:
            telling_box.tell(
                window, QCoreApplication.translate("LiveShare", "Partage impossible"), str(error)
            )
            return None
    _panel_of(window, live)
    return live


def join_from_window(
    window: MainWindow, dialog: LiveJoinDialog | None = None
) -> LiveSession | None:
    """« Rejoindre un atelier »: ask where and the code, get the session, link it."""
    from ui.live_join_dialog import LiveJoinDialog

    dialog = dialog or LiveJoinDialog(window)
    if dialog.exec() != LiveJoinDialog.DialogCode.Accepted:
        return None
    return join_with(window, *dialog.choice())


def join_with(window: MainWindow, host: str, port: int, code: str, name: str) -> LiveSession | None:
    """Fetch the facilitator's session (if not here yet), open it, link it."""
    from fabrique_desktop.live.engine import import_copy
    from fabrique_desktop.model import Session
    from ui.copy_fetch import fetch_with_progress

    store = window.store
    try:
        fetched = fetch_with_progress(window, host, port, code, name)  # the window runs on
        if fetched is None:
            return None  # cancelled
        welcome, copy = fetched
        session_id = str(welcome.get("session", ""))
        local = store.get(Session, session_id)
        if local is None or local.deleted:
            write = window.bus.writer(Origin.REMOTE, window.session.id)  # another atelier: unsaid
            import_copy(store, journal_of(store), copy, write)
    except FabriqueError as error:
        telling_box.tell(
            window, QCoreApplication.translate("LiveShare", "Impossible de rejoindre"), str(error)
        )
        return None
    target = window
    if window.session.id != session_id:
        if not window.request_session(session_id):  # FabriqueApp opens it in a new window
            return None  # this window serves the room: the user stays on it
        target = _window_showing(session_id) or window
    if target.session.id != session_id:
        telling_box.tell(
            window,
            QCoreApplication.translate("LiveShare", "Impossible de rejoindre"),
            QCoreApplication.translate("LiveShare", "L'atelier reçu n'a pas pu être ouvert."),
        )
        return None
    live = _live_of(target)
    live.stop()
    live.join(host, port, code, name, _peer_id(target))
    _panel_of(target, live)
    return live


def _window_showing(session_id: str) -> MainWindow | None:
    from ui.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if (
            isinstance(widget, MainWindow)
            and hasattr(widget, "live_menu")
            and widget.session.id == session_id
            and not widget.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            and widget.isVisible()
        ):
            return widget
    return None


def _peer_id(window: MainWindow) -> str:
    """This laptop's id on the network, the same after a restart (so it rejoins as itself)."""
    import uuid

    settings = window.settings
    if settings is None:
        return str(uuid.uuid4())
    peer_id = settings.get("live_peer_id", "")
    if not peer_id:
        peer_id = str(uuid.uuid4())
        settings.set("live_peer_id", peer_id)
    return peer_id
