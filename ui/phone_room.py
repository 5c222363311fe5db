"""Participants' phones on screen (issue 17): open the room, the wall, moderation, votes.

- ``PhoneRoom``: one window's room. It opens ``fabrique_desktop.phones.PhoneService`` (nothing
  listens before), answers the phones' requests on Qt's main thread when the network thread
  wakes it; what they change is written by the window's change bus (``bus.batch``, origin
  « phone », one transaction per batch, announced once the phones have their answers: the
  board, the counts, live laptops see phone ideas). The facilitator's own actions (accept,
  set aside, block, open or close a vote) are undo steps on the window's change bus. It sees
  the window through a typed ``PhoneContext`` (``ui.animation.context.WindowContext`` is
  one), not the window.
- ``PhoneWall``: full screen for the projector: the QR code of the address, the room code in
  very large type, what came in, and the vote (counts, or « secret » until revealed).
- ``PhonePanel``: a dock on the laptop only: moderation on/off and the queue (accept, edit,
  set aside), the phones (block and remove their ideas), the vote's buttons.
- ``PollDialog``: open a vote for phones (all cards or the selection, budget, secret).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop import limits
from fabrique_desktop.changes import Change, Origin
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.live import codes
from fabrique_desktop.model import Card, Session
from fabrique_desktop.ports import Store
from ui import telling_box, theme
from ui.button_row import ButtonRow
from ui.count_words import by_count, counted
from ui.thread_wake import WakeUp

if TYPE_CHECKING:
    from fabrique_desktop.board import ColumnEnds
    from fabrique_desktop.phones.model import Phone, PhoneIdea, PhonePoll
    from fabrique_desktop.phones.service import PhoneService
    from ui.change_bus import ChangeBus
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

WALL_REFRESH_MS = 250
PRESENCE_CHECK_MS = 10_000
"""How often the room looks for phones gone quiet (the wall's count of phones present)."""
PHONES_LABEL = "Reçu des téléphones"
"""The label of one announcement for several phones' changes (the bus announces the batches
committed while the event loop was busy together: one board update for a burst)."""
LIST_FLOOR = 46
"""Pixels: the panel's lists shrink to this (two lines of the panel type) in a short panel,
opened over a 1280×720 board, so that its buttons keep their height (the panel scrolls)."""
QUEUE_FLOOR = 66
"""Pixels: the waiting ideas' list shrinks to three lines, an idea wrapped on two or three
lines whole in it (at 36 px one line and a half showed, the rest under the list's edge)."""
HINT_FLOOR = 17
"""Pixels: the least type of the QR wall's texts (the panel type, 13 pt), read from the back."""
CODE_AIR = 40
"""Pixels beside the room code's text: its yellow box's padding (2 × 16) and some air."""


class PhoneContext(Protocol):
    """The window as the phone room sees it."""

    @property
    def store(self) -> Store: ...  # to read; writes go through ``bus``

    @property
    def session(self) -> Session: ...

    @property
    def bus(self) -> ChangeBus: ...

    @property
    def ends(self) -> ColumnEnds: ...  # where a new card goes (the board's, kept up to date)

    @property
    def window(self) -> QMainWindow: ...  # parent of the dialogs, home of the panel

    def selected_cards(self) -> list[Card]: ...  # a vote on the selection

    def report(self, text: str) -> None: ...  # a calm message in the status bar

    def back_up_before(self, label: str) -> None: ...  # the app's backup before a bulk change


@dataclass(frozen=True)
class RoomFigures:
    """What the wall and the panel show of the room."""

    phones: int  # present: heard from in the last ``checks.PRESENT_SECONDS``
    ideas: int  # published on the board
    waiting: int  # in the moderation queue
    poll: PhonePoll | None
    dots: int
    voters: int
    hidden: bool  # a secret vote, not revealed yet


class PhoneRoom(QObject):
    """The phone room of one window (``window.phone_menu.room``).

    Signals:
        opened(), closed(): the room started or stopped listening.
        activity(): phones sent something, or the facilitator moderated (wall and panel refresh).
    """

    opened = Signal()
    closed = Signal()
    activity = Signal()

    def __init__(self, context: PhoneContext) -> None:
        super().__init__(context.window)
        self.context = context
        self.window = context.window
        self.service: PhoneService | None = None
        self.wall: PhoneWall | None = None
        self.panel: PhonePanel | None = None
        self.dock: QDockWidget | None = None
        self._waker = WakeUp(self._pump, self)  # the phones' thread wakes the pump
        self._present = 0
        self._presence = QTimer(self)
        self._presence.setInterval(PRESENCE_CHECK_MS)
        self._presence.timeout.connect(self._check_presence)
        context.bus.changed.connect(self._board_changed)
        self.window.installEventFilter(self)

    @property
    def active(self) -> bool:
        return self.service is not None and self.service.active

    @property
    def store(self) -> Store:
        return self.context.store

    @property
    def session(self) -> Session:
        return self.context.session

    # opening and closing

    def open(self, host: str | None = None, port: int | None = None) -> bool:
        """Open the room (the wall shows the QR code); False with a French message if not."""
        if self.active:
            self.show_wall()
            return True
        from fabrique_desktop.phones.room import room_code
        from fabrique_desktop.phones.service import PhoneService

        self.context.back_up_before("salle-telephones")
        code, keep = room_code(self.store, self.session.id)  # the atelier's, every time
        if keep and not self.context.bus.apply(keep):
            return False
        bus = self.context.bus
        service = PhoneService(
            self.store,
            self.session.id,
            lambda: bus.batch(Origin.PHONE, PHONES_LABEL),
            wake=self._waker.wake,
            not_stored=self._not_stored,
            code=code,
            ends=self.context.ends,
        )
        try:
            service.open(host, port)
        except FabriqueError as error:
            telling_box.tell(self.window, self.tr("Salle fermée aux téléphones"), str(error))
            return False
        self.service = service
        self._presence.start()
        self.opened.emit()
        self.show_wall()
        self.show_panel()
        self.context.report(self.tr("Salle ouverte aux téléphones : {}").format(service.address))
        return True

    def close(self) -> None:
        """« Fermer aux téléphones »: the open pages are told; the data stay."""
        if self.service is None or not self.service.active:
            return
        self.service.close()
        self._presence.stop()
        self._present = 0
        self.context.bus.announce_batches()  # the last ideas on the board before it says closed
        if self.wall is not None:
            self.wall.close()
        self.closed.emit()
        self.context.report(self.tr("Salle fermée aux téléphones."))

    def new_code(self, ask: bool = True) -> bool:
        """« Nouveau code »: the room code leaked (or a tent went astray). The atelier keeps a
        new code; pages opened with the old one are refused and asked for the new one."""
        from fabrique_desktop.phones.room import new_room_code

        if ask:
            answer = QMessageBox.question(
                self.window,
                self.tr("Nouveau code de la salle"),
                self.tr(
                    "Donner un nouveau code à la salle ? Les téléphones déjà connectés devront "
                    "taper le nouveau code affiché au mur, et les chevalets imprimés avec "
                    "l'ancien code ne serviront plus."
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        code, change = new_room_code(self.store, self.session.id)
        if not self.context.bus.apply(change):  # not an undo step: a leaked code stays dead
            return False
        self._adopt_code(code)
        self.context.report(self.tr("Nouveau code de la salle : {}").format(codes.display(code)))
        return True

    def _adopt_code(self, code: str) -> None:
        if self.service is not None and self.active and codes.normalise(code) != self.service.code:
            self.service.change_code(code)
        self.activity.emit()

    def toggle(self) -> None:
        if self.active:
            self.close()
        else:
            self.open()

    # screens

    def show_wall(self) -> None:
        if not self.active and not self.open():
            return
        if self.wall is None:
            self.wall = PhoneWall(self)
            self.window.destroyed.connect(self.wall.deleteLater)
        from ui.full_screen import fill_screen

        fill_screen(self.wall, self.window.screen())  # the room's wall, even with no WM
        self.wall.refresh()

    def show_panel(self) -> None:
        if self.dock is None:
            self.panel = PhonePanel(self)
            self.dock = QDockWidget(self.tr("Téléphones"), self.window)
            self.dock.setObjectName("phonesDock")
            self.dock.setWidget(self.panel)
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.window.resizeDocks([self.dock], [300], Qt.Orientation.Horizontal)
        assert self.panel is not None
        from ui.panel_strip import show_beside_board

        show_beside_board(self.window, self.dock, 300)
        self.panel.refresh()

    # the facilitator's actions (undo steps)

    def push(self, change: Change) -> bool:
        if not change:
            return True
        ok = self.context.bus.push(change)
        if ok and self.service is not None:
            self.service.room.board_changed()
        self.activity.emit()
        return ok

    def set_moderated(self, on: bool) -> bool:
        """Moderation on or off: a setting kept with the session (an undo step)."""
        from fabrique_desktop.phones import room

        ok = self.push(room.set_moderated(self.store, self.session.id, on))
        self._tell("settings")
        return ok

    @property
    def moderated(self) -> bool:
        from fabrique_desktop.phones import room

        return room.settings(self.store, self.session.id).moderated

    def accept(self, idea: PhoneIdea, text: str | None = None) -> bool:
        from fabrique_desktop.phones import room

        ok = self.push(room.accept(self.store, idea, text, self.context.ends))
        self._tell("idea", idea.id)
        return ok

    def set_aside(self, idea: PhoneIdea) -> bool:
        from fabrique_desktop.phones import room

        ok = self.push(room.set_aside(idea))
        self._tell("idea", idea.id)
        return ok

    def block(self, phone: Phone) -> bool:
        from fabrique_desktop.phones import room

        heard = self.service.room.addresses(phone.id) if self.service is not None else set()
        ok = self.push(room.block(self.store, phone, heard))
        if ok and self.service is not None and self.active:
            self.service.disconnect(phone.id)
        return ok

    def unblock(self, phone: Phone) -> bool:
        """Lift a block: the phone, and a new identity from its address, may join again."""
        from fabrique_desktop.phones import room

        return self.push(room.unblock(phone))

    def open_poll(self, card_ids: list[str], dots: int, secret: bool) -> bool:
        from fabrique_desktop.phones import room

        try:
            change = room.open_poll(self.store, self.session.id, card_ids, dots, secret)
        except FabriqueError as error:
            self.context.report(str(error))
            return False
        ok = self.push(change)
        self._tell("vote")
        return ok

    def close_poll(self) -> bool:
        from fabrique_desktop.phones import room

        poll = room.current_poll(self.store, self.session.id)
        if poll is None or not poll.open:
            return False
        ok = self.push(room.close_poll(poll))
        self._tell("vote")
        return ok

    def reveal(self) -> bool:
        from fabrique_desktop import votes

        return self.push(votes.reveal(self.store, self.session.id))

    # the data's owner: Qt's main thread

    def _pump(self) -> None:
        if self.service is None:
            return
        room = self.service.room
        arrivals = room.arrivals
        while self.service.pump():
            pass
        if room.arrivals != arrivals:  # a phone came back without writing (a join, a read)
            self.activity.emit()

    def _check_presence(self) -> None:
        """Phones leave the count when not heard from for a while: the wall follows."""
        present = len(self.service.room.present()) if self.service is not None else 0
        if present != self._present:
            self._present = present
            self.activity.emit()

    def _not_stored(self, reason: str) -> None:
        """The disk refused a batch of the phones' requests (they were told and keep their
        ideas to send again): said calmly in the status bar, not in a dialog per batch."""
        self.context.report(
            self.tr("Les envois des téléphones ne sont pas enregistrés : {}").format(reason)
        )

    def _board_changed(self, change: Change, origin: Origin) -> None:
        if self.service is None:
            return
        if origin is Origin.PHONE:  # the phones' own changes: the room knows them already
            self.activity.emit()
            return
        self.service.room.board_changed()
        kinds = {e.kind for e in change.edits}
        if kinds & {"votes", "phone_polls", "facilitation", "phone_ideas", "phones"}:
            self.activity.emit()
        if "phone_settings" in kinds:  # moderation switched (or undone): the pages and panel
            from fabrique_desktop.phones import room

            kept = room.settings(self.store, self.session.id).code
            if (
                kept and self.service is not None and self.active and kept != self.service.code
            ):  # a new code came in a copy
                self._adopt_code(kept)
            self._tell("settings")
            self.activity.emit()

    def _tell(self, what: str, idea_id: str | None = None) -> None:
        """Tell the pages concerned what changed (an idea: its phone only)."""
        if self.service is None or not self.active:
            return
        if what == "idea" and idea_id:
            self.service.tell_idea(idea_id)
        elif what == "vote":
            self.service.tell_vote()
        elif what == "settings":
            self.service.tell_settings()
        else:
            self.service.tell(what)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.close()
        return False

    # figures for the wall and the panel

    def figures(self) -> RoomFigures:
        """Counted, not decoded (every quarter second under a crowd): the phones present (heard
        from in the last minutes: not every phone ever joined), the ideas, the vote."""
        from fabrique_desktop import votes
        from fabrique_desktop.phones import room
        from fabrique_desktop.phones.model import PENDING, PUBLISHED, PhoneIdea

        session_id = self.session.id
        poll = room.current_poll(self.store, session_id)
        dots, voters = room.poll_totals(self.store, poll) if poll is not None else (0, 0)
        present = self.service.room.present() if self.service is not None and self.active else {}
        return RoomFigures(
            phones=len(present),
            ideas=self.store.count(PhoneIdea, session_id=session_id, status=PUBLISHED),
            waiting=self.store.count(PhoneIdea, session_id=session_id, status=PENDING),
            poll=poll,
            dots=dots,
            voters=voters,
            hidden=votes.counts_hidden(votes.settings(self.store, session_id)),
        )


class PhoneWall(QWidget):
    """Full screen on the projector: QR code, room code in very large type, what came in."""

    def __init__(self, room: PhoneRoom) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.room = room
        self.setWindowTitle(self.tr("Fabrique — salle ouverte aux téléphones"))
        self.setObjectName("phoneWall")
        self.setStyleSheet("#phoneWall { background: #FFFFFF; } QLabel { color: #111111; }")
        layout = QHBoxLayout(self)
        self._row = layout
        layout.setContentsMargins(48, 36, 48, 36)
        layout.setSpacing(48)
        self.qr = QLabel()
        self.qr.setObjectName("phoneQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumHeight(1)
        layout.addWidget(self.qr, 5)
        side = QVBoxLayout()
        self._side = side
        layout.addLayout(side, 6)
        self.invite = self._label(32, bold=True)
        self.invite.setText(self.tr("Vos idées depuis votre téléphone"))
        self.steps = self._label(22)
        self.code_title = self._label(26)
        self.code_title.setText(self.tr("Code de la salle"))
        self.code = self._label(120, bold=True)
        self.code.setObjectName("phoneCode")
        self.code.setStyleSheet("background: #FFF59D; padding: 8px 16px;")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address = self._label(24)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts = self._label(26, bold=True)
        self.vote = self._label(26, bold=True)
        self.vote.setObjectName("phoneWallVote")
        self.hint = self._label(16)
        self.hint.setText(self.tr("Échap : revenir au tableau (la salle reste ouverte)"))
        for widget in (self.invite, self.steps, self.code_title, self.code, self.address):
            side.addWidget(widget)
        side.addStretch(1)
        side.addWidget(self.counts)
        side.addWidget(self.vote)
        side.addWidget(self.hint)
        self._timer = RefreshTimer(self, self.refresh)
        room.activity.connect(self._timer.soon)
        close = QAction(self)
        close.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        close.triggered.connect(self.close)
        self.addAction(close)
        self._qr_for = ""
        self._laid_for: tuple[object, ...] = ()
        self._qr_drawn: tuple[str, int] | None = None

    def _label(self, points: int, bold: bool = False) -> QLabel:
        label = QLabel()
        font = QFont(label.font())
        font.setPointSize(points)
        font.setBold(bold)
        label.setFont(font)
        label.setWordWrap(True)
        return label

    def refresh(self) -> None:
        if not self.isVisible():
            return
        room = self.room
        service = room.service
        address = service.address if service is not None and room.active else ""
        self.steps.setText(
            self.tr(
                "1. Rejoignez le Wi-Fi de la salle.\n2. Scannez le code, ou ouvrez l'adresse.\n"
                "3. Choisissez votre table et votre personnage."
            )
        )
        self.code.setText(codes.display(service.code) if service and address else self.tr("Fermée"))
        self.address.setText(address)
        f = room.figures()
        phones = counted(
            f.phones,
            self.tr("1 téléphone"),
            self.tr("{} téléphones"),
            none=self.tr("aucun téléphone"),
        )
        ideas = counted(
            f.ideas,
            self.tr("1 idée reçue"),
            self.tr("{} idées reçues"),
            none=self.tr("aucune idée reçue"),
        )
        counts = f"{phones[:1].upper()}{phones[1:]} · {ideas}"  # « Aucun téléphone · … »
        if f.waiting:
            counts += self.tr(" · {} en attente").format(f.waiting)
        self.counts.setText(counts)
        self.vote.setText(vote_text(f))
        self.vote.setVisible(f.poll is not None)
        self._qr_for = address
        laid_for = (self.size(), self.code.text(), address)
        if laid_for != self._laid_for:  # every quarter second: only when the sizes may change
            self._laid_for = laid_for
            self._lay_out()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out()

    def _lay_out(self) -> None:
        """Sizes from the screen: the QR code as tall as the wall allows, the code as large
        as fits beside it (never wrapped), the rest in proportion."""
        from PySide6.QtGui import QFontMetrics

        width, height = max(self.width(), 320), max(self.height(), 240)
        wide = width * 10 >= height * 16
        margin = height // (20 if wide else 28)  # 4:3: more room for the code
        qr_share = 42 if wide else 38
        side = max(120, min(height - 2 * margin, width * qr_share // 100))
        side = self._qr_side_leaving_room_for_the_code(side, width, height, margin, wide)
        self._row.setContentsMargins(margin, margin, margin, margin)
        self._row.setSpacing(margin)
        self._side.setSpacing(margin // 3)
        self.qr.setFixedWidth(side)
        text_width = width - side - 3 * margin
        # a 4:3 projector (1024×768) leaves a narrower column beside the code: smaller type
        scale = min(1.0, text_width * 1.25 / height)
        for label, share, bold in (
            (self.invite, 0.060, True),
            (self.steps, 0.036, False),
            (self.code_title, 0.040, False),
            (self.counts, 0.042, True),
            (self.vote, 0.042, True),
            (self.hint, 0.022, False),
        ):
            font = QFont(label.font())
            # never under the panel type (17 px): the hint was 15 px at 1280×720
            font.setPixelSize(max(HINT_FLOOR, int(height * share * scale)))
            font.setBold(bold)
            label.setFont(font)
        for label, share in ((self.code, 0.24), (self.address, 0.036)):
            font = QFont(label.font())
            size = max(12, int(height * share))
            font.setPixelSize(size)
            # the code's padding (32 px) and some air; not a share of the width: a code of
            # wide letters (« WMW-QMW ») came out smaller than an eighth of the wall
            room_for = text_width - CODE_AIR
            while size > 12 and QFontMetrics(font).horizontalAdvance(label.text()) > room_for:
                size -= 2
                font.setPixelSize(size)
            label.setFont(font)
            label.setWordWrap(False)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        if (self._qr_for, side) != self._qr_drawn:
            self._qr_drawn = (self._qr_for, side)
            self.qr.setPixmap(qr_pixmap(self._qr_for, side) if self._qr_for else QPixmap())
        self._row.invalidate()
        self._row.activate()

    def _qr_side_leaving_room_for_the_code(
        self, side: int, width: int, height: int, margin: int, wide: bool
    ) -> int:
        """A code of wide letters (« WMW-QMW ») would not reach an eighth of the wall's height
        (a tenth on 4:3) beside the QR code: the QR gives way, down to half the height (45 %
        on 4:3), still plenty for a phone's camera across the room."""
        from PySide6.QtGui import QFontMetrics

        font = QFont(self.code.font())
        font.setPixelSize(height // (8 if wide else 10))
        needed = QFontMetrics(font).horizontalAdvance(self.code.text()) + CODE_AIR
        share = 50 if wide else 45
        modules = qr_modules(self._qr_for) if self._qr_for else 1
        smallest = -(-height * share // 100 // modules) * modules  # drawn in whole modules
        return max(min(side, smallest), min(side, width - 3 * margin - needed))


class RefreshTimer(QTimer):
    """At most one refresh per ``WALL_REFRESH_MS`` under a crowd, and never later: started by
    the first event only (restarting it at each event kept the wall on its first figures for as
    long as something arrived more often than that)."""

    def __init__(self, owner: QObject, refresh: Callable[[], None]) -> None:
        super().__init__(owner)
        self.setSingleShot(True)
        self.setInterval(WALL_REFRESH_MS)
        self.timeout.connect(refresh)

    def soon(self) -> None:
        if not self.isActive():
            self.start()


def vote_text(f: RoomFigures) -> str:
    """The phones' vote, as the wall and the panel say it (one translation context for
    both: ``widget.tr`` looked it up under each widget's class, so English never found it)."""
    poll = f.poll
    if poll is None:
        return ""

    state = (
        QCoreApplication.translate("PhoneVote", "Vote en cours")
        if poll.open
        else QCoreApplication.translate("PhoneVote", "Vote clos")
    )
    voters = f.voters
    if f.hidden:
        return by_count(
            voters,
            QCoreApplication.translate("PhoneVote", "{} : secret · 1 téléphone a voté"),
            QCoreApplication.translate("PhoneVote", "{} : secret · {} téléphones ont voté"),
            none=QCoreApplication.translate("PhoneVote", "{} : secret · aucun téléphone n'a voté"),
        ).format(state, voters)
    if f.dots == 0:
        return QCoreApplication.translate("PhoneVote", "{} : aucune gommette").format(state)
    dots = counted(
        f.dots,
        QCoreApplication.translate("PhoneVote", "1 gommette"),
        QCoreApplication.translate("PhoneVote", "{} gommettes"),
    )
    phones = counted(
        voters,
        QCoreApplication.translate("PhoneVote", "1 téléphone"),
        QCoreApplication.translate("PhoneVote", "{} téléphones"),
    )
    return QCoreApplication.translate("PhoneVote", "{} : {} de {}").format(state, dots, phones)


@functools.lru_cache(maxsize=4)
def qr_modules(address: str) -> int:
    """How many modules wide the address's QR code is, its quiet zone included."""
    import segno

    return int(segno.make(address, error="m", micro=False).symbol_size(border=4)[0])


def qr_pixmap(address: str, side: int) -> QPixmap:
    """The address as a QR code, ``side`` pixels wide, sharp (whole pixels per module)."""
    import io

    import segno

    qr = segno.make(address, error="m", micro=False)
    modules = qr.symbol_size(border=4)[0]
    scale = max(1, side // modules)
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=scale, border=4, dark="#000000", light="#FFFFFF")
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


def wrap_whole(listed: QListWidget) -> None:
    """A list of the panel whose items are read whole: a long idea (or one in Chinese, with
    no space to wrap at) wraps to the list's width instead of running past it behind a
    horizontal scroll bar; a wrapped item keeps its last line (``WholeLines``) and, taller
    than the short list, scrolls by pixels to be read to its end (by item, its end was out
    of reach)."""
    from ui.engagements_view import WholeLines

    listed.setWordWrap(True)
    listed.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    listed.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
    listed.setResizeMode(QListWidget.ResizeMode.Adjust)  # wrapped again at its new width
    listed.setItemDelegate(WholeLines(listed))


class PhonePanel(QWidget):
    """On the laptop, not on the wall: moderation queue, phones, the vote's buttons."""

    def __init__(self, room: PhoneRoom) -> None:
        super().__init__()
        self.room = room
        self.setStyleSheet(theme.PANEL_TYPE)
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(room.toggle)
        self.wall_button = QPushButton(self.tr("Afficher le QR code au mur"))
        self.wall_button.clicked.connect(room.show_wall)
        self.code_button = QPushButton(self.tr("Nouveau code…"))
        self.code_button.setObjectName("phoneNewCode")
        self.code_button.setToolTip(
            self.tr("Le code a fuité : la salle prend un nouveau code, l'ancien est refusé.")
        )
        self.code_button.clicked.connect(lambda: room.new_code())
        self.moderate = QCheckBox()
        self.moderate.toggled.connect(room.set_moderated)
        moderate_label = QLabel(self.tr("Modérer les idées avant le tableau"))
        moderate_label.setWordWrap(True)  # whole in a panel opened over the board
        moderate_label.setBuddy(self.moderate)
        moderate_label.mouseReleaseEvent = lambda _event: self.moderate.click()  # type: ignore[method-assign]
        self.queue = QListWidget()
        self.queue.setMinimumHeight(QUEUE_FLOOR)  # the buttons keep their height, not the lists
        self.queue.setObjectName("phoneQueue")
        self.queue.setWordWrap(True)
        self.accept_button = QPushButton(self.tr("Accepter"))
        self.accept_button.clicked.connect(self._accept)
        self.edit_button = QPushButton(self.tr("Corriger…"))
        self.edit_button.clicked.connect(self._edit)
        self.aside_button = QPushButton(self.tr("Écarter"))
        self.aside_button.clicked.connect(self._aside)
        row = ButtonRow([self.accept_button, self.edit_button, self.aside_button])
        self.phones = QListWidget()
        self.phones.setMinimumHeight(LIST_FLOOR)
        self.phones.setObjectName("phoneList")
        for listed in (self.queue, self.phones):
            wrap_whole(listed)
        self.block_button = QPushButton(self.tr("Bloquer et retirer ses idées"))
        self.block_button.clicked.connect(self._block)
        self.phones.currentItemChanged.connect(self._phone_chosen)
        self.vote_label = QLabel()
        self.vote_label.setWordWrap(True)
        self.poll_button = QPushButton(self.tr("Ouvrir un vote…"))
        self.poll_button.clicked.connect(lambda: open_poll_dialog(room))
        self.reveal_button = QPushButton(self.tr("Dévoiler"))
        self.reveal_button.clicked.connect(room.reveal)
        self.close_poll_button = QPushButton(self.tr("Clore le vote"))
        self.close_poll_button.clicked.connect(room.close_poll)
        vote_row = ButtonRow([self.poll_button, self.reveal_button, self.close_poll_button])
        layout.addWidget(self.status)
        layout.addWidget(self.open_button)
        layout.addWidget(ButtonRow([self.wall_button, self.code_button]))
        moderate_row = QHBoxLayout()
        moderate_row.addWidget(self.moderate, 0, Qt.AlignmentFlag.AlignTop)
        moderate_row.addWidget(moderate_label, 1)
        layout.addLayout(moderate_row)
        layout.addWidget(QLabel(self.tr("Idées en attente")))
        layout.addWidget(self.queue, 2)
        layout.addWidget(row)
        layout.addWidget(QLabel(self.tr("Téléphones")))
        layout.addWidget(self.phones, 1)
        layout.addWidget(self.block_button)
        layout.addWidget(self.vote_label)
        layout.addWidget(vote_row)
        self._timer = RefreshTimer(self, self.refresh)
        room.activity.connect(self._timer.soon)
        room.opened.connect(self.refresh)
        room.closed.connect(self.refresh)

    def showEvent(self, event: QShowEvent) -> None:
        """Shown (beside the board, or opened over it when folded): the room's state at
        once, not only after a first phone's activity."""
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        from fabrique_desktop.model import Session
        from fabrique_desktop.phones import room as phone_room

        if not self.isVisible():
            return
        room = self.room
        store = room.store
        session = store.get(Session, room.session.id) or room.session
        if room.service is not None and room.active:
            self.status.setText(
                self.tr("Ouverte : {}  ·  code {}").format(
                    room.service.address, codes.display(room.service.code)
                )
            )
        else:
            self.status.setText(self.tr("La salle est fermée aux téléphones."))
        self.open_button.setText(
            self.tr("Fermer aux téléphones") if room.active else self.tr("Ouvrir aux téléphones")
        )
        self.wall_button.setEnabled(room.active)
        self.code_button.setEnabled(room.active)
        self.moderate.blockSignals(True)
        self.moderate.setChecked(room.moderated)
        self.moderate.blockSignals(False)
        current = self._current(self.queue)
        self.queue.clear()
        for idea in phone_room.waiting(store, session.id):
            item = QListWidgetItem(idea.text)  # plain text, never rich text
            item.setData(Qt.ItemDataRole.UserRole, idea.id)
            self.queue.addItem(item)
            if idea.id == current:
                self.queue.setCurrentItem(item)
        has_queue = self.queue.count() > 0
        for button in (self.accept_button, self.edit_button, self.aside_button):
            button.setEnabled(has_queue)
        current = self._current(self.phones)
        self.phones.clear()
        for phone in phone_room.phones(store, session.id):
            label = phone_room.phone_label(phone, session.anonymous)
            if phone.blocked:
                label += self.tr(" — bloqué")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, phone.id)
            self.phones.addItem(item)
            if phone.id == current:
                self.phones.setCurrentItem(item)
        self._phone_chosen()
        f = room.figures()
        self.vote_label.setText(vote_text(f) or self.tr("Aucun vote ouvert aux téléphones."))
        self.close_poll_button.setEnabled(f.poll is not None and f.poll.open)
        self.reveal_button.setEnabled(f.hidden)

    @staticmethod
    def _current(widget: QListWidget) -> str | None:
        item = widget.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _idea(self) -> PhoneIdea | None:
        from fabrique_desktop.phones.model import PhoneIdea

        item = self.queue.currentItem() or self.queue.item(0)
        if item is None:
            return None
        return self.room.store.get(PhoneIdea, item.data(Qt.ItemDataRole.UserRole))

    def _accept(self) -> None:
        idea = self._idea()
        if idea is not None:
            self.room.accept(idea)

    def _edit(self) -> None:
        idea = self._idea()
        if idea is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Corriger l'idée"), self.tr("Texte mis au tableau :"), idea.text
        )
        if ok and text.strip():
            self.room.accept(idea, text)

    def _aside(self) -> None:
        idea = self._idea()
        if idea is not None:
            self.room.set_aside(idea)

    def _chosen_phone(self) -> Phone | None:
        from fabrique_desktop.phones.model import Phone

        item = self.phones.currentItem()
        if item is None:
            return None
        return self.room.store.get(Phone, item.data(Qt.ItemDataRole.UserRole))

    def _phone_chosen(self) -> None:
        """The button blocks the chosen phone, or lifts its block."""
        phone = self._chosen_phone()
        blocked = phone is not None and phone.blocked
        self.block_button.setText(
            self.tr("Débloquer ce téléphone")
            if blocked
            else self.tr("Bloquer et retirer ses idées")
        )
        self.block_button.setEnabled(self.phones.count() > 0)

    def _block(self) -> None:
        phone = self._chosen_phone()
        if phone is None:
            return
        if phone.blocked:
            self.room.unblock(phone)
        else:
            self.room.block(phone)


class PollDialog(QDialog):
    """Open a dot vote for phones: which cards, how many dots each, secret or not."""

    def __init__(self, selected: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.dialog_buttons import action_buttons

        self.setWindowTitle(self.tr("Ouvrir un vote aux téléphones"))
        form = QFormLayout(self)
        self.all_cards = QRadioButton(self.tr("Toutes les idées du tableau"))
        self.selection = QRadioButton(self.tr("Les {} idées sélectionnées").format(selected))
        self.selection.setEnabled(selected > 0)
        (self.selection if selected > 0 else self.all_cards).setChecked(True)
        self.dots = QSpinBox()
        self.dots.setRange(1, limits.MAX_DOTS)
        self.dots.setValue(3)
        self.secret = QCheckBox(self.tr("Vote secret (compte dévoilé plus tard)"))
        form.addRow(self.all_cards)
        form.addRow(self.selection)
        form.addRow(self.tr("Gommettes par téléphone"), self.dots)
        form.addRow(self.secret)
        form.addRow(action_buttons(self, self.tr("Ouvrir le vote")))


def open_poll_dialog(room: PhoneRoom, dialog: PollDialog | None = None) -> bool:
    selected = [c.id for c in room.context.selected_cards()]
    dialog = dialog or PollDialog(len(selected), room.window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    cards = selected if dialog.selection.isChecked() else []
    return room.open_poll(cards, dialog.dots.value(), dialog.secret.isChecked())


class PhoneMenu(QObject):
    """The phones' actions in « Animation » (built with the window; the rest on first use)."""

    def __init__(self, window: MainWindow, context: PhoneContext, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.room: PhoneRoom | None = None
        menu.addSeparator()
        self.open_action = self._add(
            menu, self.tr("Ouvrir la salle aux téléphones"), "Ctrl+Shift+U", self.toggle
        )
        self.wall_action = self._add(
            menu, self.tr("QR code des téléphones au mur"), "Ctrl+Shift+W", self.wall
        )
        self.panel_action = self._add(
            menu, self.tr("Téléphones : modération et vote"), "Ctrl+Shift+X", self.panel
        )
        self.poll_action = self._add(
            menu, self.tr("Ouvrir un vote aux téléphones…"), "Ctrl+Alt+V", self.poll
        )
        self.code_action = self._add(
            menu, self.tr("Nouveau code de la salle des téléphones…"), "", self.new_code
        )
        self.tent_action = self._add(
            menu, self.tr("Chevalets de table pour les téléphones (PDF)…"), "", self.tent
        )

    def _add(self, menu: QMenu, text: str, key: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        self.window.addAction(action)
        menu.addAction(action)
        return action

    def ensure(self) -> PhoneRoom:
        if self.room is None:
            self.room = PhoneRoom(self.context)
            self.room.opened.connect(self._update)
            self.room.closed.connect(self._update)
        return self.room

    def _update(self) -> None:
        active = self.room is not None and self.room.active
        self.open_action.setText(
            self.tr("Fermer aux téléphones")
            if active
            else self.tr("Ouvrir la salle aux téléphones")
        )

    def toggle(self) -> None:
        self.ensure().toggle()

    def wall(self) -> None:
        self.ensure().show_wall()

    def panel(self) -> None:
        self.ensure().show_panel()

    def new_code(self) -> None:
        room = self.ensure()
        if room.active or room.open():
            room.new_code()

    def poll(self) -> None:
        room = self.ensure()
        room.show_panel()
        open_poll_dialog(room)

    def tent(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        room = self.ensure()
        if not room.active and not room.open():
            return
        assert room.service is not None  # open
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Chevalets de table"),
            "chevalets-telephones.pdf",
            self.tr("PDF (*.pdf)"),
        )
        if not path:
            return
        from exports.table_tent import write_table_tent

        try:
            write_table_tent(
                path, room.service.address, codes.display(room.service.code), room.session.title
            )
        except FabriqueError as error:
            telling_box.tell(self.window, self.tr("Chevalets de table"), str(error))
            return
        self.context.report(self.tr("Chevalets enregistrés : {}").format(path))
