"""A series shared through a relay, from the window (issue 29).

« Partager la série par un relais… » asks for the relay's address and shows the series key
to send to the other towns (kept with the series in the settings); from then on, every time a
window of that series is open, ``SeriesRelay`` keeps the series in step with the relay: a round
when it starts, a few seconds after each change made here, and every minute. With no relay the
work goes on; the status bar says when the series was last in step, or that the relay is out
of reach. « Recevoir une série par un relais… » takes a series from its key.

The network runs on a thread of its own (an asyncio loop); every piece of database work of a
round comes back to the window's thread (``_on_window_thread``), where the store lives, and what
was received is written and announced by the window's bus (its ``writer``) with
``Origin.REMOTE``, as live updates are.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import threading
from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop.changes import Change, Origin
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Series, Session
from fabrique_desktop.ports import Store
from fabrique_desktop.relay import keys
from fabrique_desktop.relay.series import SyncReport, check_url
from fabrique_desktop.settings import Settings
from ui.count_words import by_count

if TYPE_CHECKING:
    from ui.change_bus import ChangeBus

log = logging.getLogger(__name__)

T = TypeVar("T")
SETTINGS_KEY = "relais"
ROUND_EVERY_MS = 60_000
AFTER_CHANGE_MS = 2_000  # a change made here is sent within this delay
AFTER_REMOTE_MS = 500  # another laptop's update, seen passing through the relay, is fetched


class RelayContext(Protocol):
    """The window as the relay sees it."""

    @property
    def store(self) -> Store: ...  # database work of a round, on the window's thread

    @property
    def session(self) -> Session: ...

    @property
    def bus(self) -> ChangeBus: ...  # local changes heard, received ones announced

    @property
    def settings(self) -> Settings | None: ...  # where the series' relay and key are kept

    @property
    def window(self) -> QMainWindow: ...  # parent of the dialogs, its status bar


def remembered(settings: Settings | None, series_id: str) -> tuple[str, str] | None:
    """(address, key) of the relay this series is shared through, if it is."""
    if settings is None:
        return None
    entry = (settings.get(SETTINGS_KEY) or {}).get(series_id)
    if isinstance(entry, dict) and isinstance(entry.get("url"), str):
        key = entry.get("key")
        return (entry["url"], key) if isinstance(key, str) else None
    return None


def remember(settings: Settings | None, series_id: str, url: str, key: str) -> None:
    if settings is None:
        return
    entries = dict(settings.get(SETTINGS_KEY) or {})
    entries[series_id] = {"url": url, "key": key}
    settings.set(SETTINGS_KEY, entries)


class RelayDialog(QDialog):
    """The relay's address, and the series key: shown to share, typed to receive."""

    def __init__(
        self, parent: QWidget, *, receive: bool, url: str = "", key: str = "", title: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Recevoir une série par un relais")
            if receive
            else self.tr("Partager la série par un relais")
        )
        intro = QLabel(
            self.tr(
                "Collez l'adresse du relais et la clé de la série que l'équipe du projet vous "
                "a envoyées. La série arrive sur cet ordinateur ; ce que vous y ferez lui sera "
                "renvoyé à chaque synchronisation."
            )
            if receive
            else self.tr(
                "« %1 » sera partagée avec les autres villes par ce relais. Envoyez-leur "
                "l'adresse et la clé ci-dessous : sans la clé, rien ne peut être lu. Le "
                "travail continue sans réseau ; il est partagé dès que le relais répond."
            ).replace("%1", title)
        )
        intro.setWordWrap(True)
        self.url = QLineEdit(url)
        self.url.setPlaceholderText("ws://serveur:47830/jeton")
        self.key = QLineEdit(key or ("" if receive else str(keys.SeriesKey.new())))
        self.key.setPlaceholderText("FAB-XXXX-XXXX-…")
        self.key.setReadOnly(not receive)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Adresse du relais"), self.url)
        form.addRow(self.tr("Clé de la série"), self.key)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Recevoir") if receive else self.tr("Partager")
        )
        if not receive:
            copy = QPushButton(self.tr("Copier l'adresse et la clé"))
            copy.clicked.connect(self._copy)
            buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(720, self.sizeHint().height())

    def values(self) -> tuple[str, keys.SeriesKey]:
        return check_url(self.url.text()), keys.SeriesKey.parse(self.key.text())

    def _check(self) -> None:
        try:
            self.values()
        except FabriqueError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.accept()

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(
            self.tr("Relais : %1\nClé de la série : %2")
            .replace("%1", self.url.text().strip())
            .replace("%2", self.key.text().strip())
        )


class _Loop:
    """An asyncio loop on a thread of its own, for the relay's network."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(
            target=self.loop.run_forever, name="fabrique-relay", daemon=True
        )
        self.thread.start()

    def submit(self, coroutine: Coroutine[object, object, T]) -> concurrent.futures.Future[T]:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop)

    def close(self) -> None:
        """Cancel what runs (a round, the watch: their sockets close), then end the thread."""
        with contextlib.suppress(RuntimeError, TimeoutError):  # stopped already, or stuck
            asyncio.run_coroutine_threadsafe(self._cancel_all(), self.loop).result(5)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)

    @staticmethod
    async def _cancel_all() -> None:
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


class SeriesRelay(QObject):
    """Keeps one window's series in step with a relay (see the module docstring).

    Signals:
        status_changed(str): a French sentence for the status bar.
        round_done(object): a ``SyncReport`` (on the window's thread).
    """

    status_changed = Signal(str)
    round_done = Signal(object)
    _work = Signal(object)  # (work, future), emitted by the network thread
    _finished = Signal(object)  # the round's future, emitted by the network thread
    _moved = Signal()  # another laptop's update passed through the relay (network thread)

    def __init__(
        self, context: RelayContext, url: str, key: keys.SeriesKey, series_id: str | None
    ) -> None:
        super().__init__(context.window)
        self.context = context
        self.url = url
        self.key = key
        self.series_id = series_id
        self._loop: _Loop | None = None
        self._running: concurrent.futures.Future[SyncReport] | None = None
        self._again = False
        self._work.connect(self._run_work, Qt.ConnectionType.QueuedConnection)
        self._finished.connect(self._round_finished, Qt.ConnectionType.QueuedConnection)
        self._every = QTimer(self, interval=ROUND_EVERY_MS)
        self._every.timeout.connect(self.sync_now)
        self._soon = QTimer(self, interval=AFTER_CHANGE_MS, singleShot=True)
        self._soon.timeout.connect(self.sync_now)
        self._fetch = QTimer(self, interval=AFTER_REMOTE_MS, singleShot=True)
        self._fetch.timeout.connect(self.sync_now)
        self._moved.connect(self._fetch.start, Qt.ConnectionType.QueuedConnection)
        self._watching: concurrent.futures.Future[None] | None = None

    def start(self) -> None:
        """Rounds from now on: one at once, then after changes and every minute."""
        self.context.bus.changed.connect(self._on_change)
        self._every.start()
        self.sync_now()

    def stop(self) -> None:
        self._every.stop()
        self._soon.stop()
        self._fetch.stop()
        if self._watching is not None:
            self._watching.cancel()
            self._watching = None
        with contextlib.suppress(RuntimeError, TypeError):  # not connected yet
            self.context.bus.changed.disconnect(self._on_change)
        if self._loop is not None:
            self._loop.close()
            self._loop = None

    def sync_now(self) -> None:
        if self._running is not None:
            self._again = True
            return
        if self._loop is None:
            self._loop = _Loop()
        self.status_changed.emit(self.tr("Relais : synchronisation…"))
        self._running = self._loop.submit(self._round())
        self._running.add_done_callback(self._finished.emit)

    async def _round(self) -> SyncReport:
        import aiohttp

        from db.sync_store import SyncJournal
        from fabrique_desktop.relay.series import SeriesExchange

        store = self.context.store
        journal = SyncJournal(store)  # type: ignore[arg-type]  # the app's store is db's
        async with aiohttp.ClientSession() as http:
            # received rows are written on the window's thread by its bus, which announces
            # the window's own atelier (the others are written for the windows to come)
            write = self.context.bus.writer(Origin.REMOTE, self.context.session.id)
            exchange = SeriesExchange(
                store, journal, http, self.url, self.key, db=self._on_window_thread, write=write
            )
            return await exchange.run(self.series_id)

    async def _on_window_thread(self, work: Callable[[], T]) -> T:
        future: concurrent.futures.Future[T] = concurrent.futures.Future()
        self._work.emit((work, future))
        return await asyncio.wrap_future(future)

    def _run_work(
        self, item: tuple[Callable[[], object], concurrent.futures.Future[object]]
    ) -> None:
        work, future = item
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(work())
        except BaseException as error:  # handed to the round, which reports it
            future.set_exception(error)

    def _round_finished(self, future: concurrent.futures.Future[SyncReport]) -> None:
        self._running = None
        now = datetime.now().strftime("%H:%M")
        try:
            report = future.result()
        except FabriqueError as error:
            self.status_changed.emit(
                self.tr("Relais (%1) : %2").replace("%1", now).replace("%2", str(error))
            )
        except Exception:
            log.exception("relay: a round failed")
            self.status_changed.emit(
                self.tr("Relais (%1) : erreur interne, détails dans le journal.").replace("%1", now)
            )
        else:
            self._watch()
            self.round_done.emit(report)
            refused = len(report.refused)
            text = (
                by_count(
                    refused,
                    self.tr("Relais : 1 refus — %2"),
                    self.tr("Relais : %1 refus — %2"),
                    none=self.tr("Relais : série à jour à %1"),
                )
                .replace("%1", str(refused) if refused else now)
                .replace("%2", report.refused[0] if report.refused else "")
            )
            self.status_changed.emit(text)
        if self._again:
            self._again = False
            self.sync_now()

    def _watch(self) -> None:
        """Once the series is in step: listen to the open atelier's room, so that another
        laptop's change is fetched within a second rather than at the next minute's round."""
        if self._watching is not None or self._loop is None or self.series_id is None:
            return
        room = self.key.room(self.context.session.id)
        self._watching = self._loop.submit(self._listen(room))

    async def _listen(self, room: str) -> None:
        import aiohttp

        from fabrique_desktop.relay.rooms import watch

        async with aiohttp.ClientSession() as http:
            await watch(http, self.url, room, self._moved.emit)

    def _on_change(self, change: Change, origin: Origin) -> None:
        if origin is not Origin.REMOTE:
            self._soon.start()


class RelayStatus(QLabel):
    """The status bar's permanent word on the relay."""

    def __init__(self, relay: SeriesRelay, window: QMainWindow) -> None:
        super().__init__(window)
        relay.status_changed.connect(self.setText)
        window.statusBar().addPermanentWidget(self)


class RelayShare(QObject):
    """One window's relay: started from the menu, or at once for a series already shared."""

    def __init__(self, context: RelayContext) -> None:
        super().__init__(context.window)
        self.context = context
        self.relay: SeriesRelay | None = None
        self.status: RelayStatus | None = None

    def resume(self) -> None:
        """The series of this window is shared already: keep it in step from now on."""
        series_id = self.context.session.series_id
        found = remembered(self.context.settings, series_id)
        if found is not None and self.relay is None:
            try:
                url, key = check_url(found[0]), keys.SeriesKey.parse(found[1])
            except FabriqueError:
                return
            self.begin(url, key, series_id)

    def share(self) -> None:
        session = self.context.session
        series = self.context.store.get(Series, session.series_id)
        found = remembered(self.context.settings, session.series_id)
        dialog = RelayDialog(
            self.context.window,
            receive=False,
            url=found[0] if found else "",
            key=found[1] if found else "",
            title=series.title if series else "",
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        url, key = dialog.values()
        remember(self.context.settings, session.series_id, url, str(key))
        if self.relay is not None:
            self.relay.stop()
            self.relay = None
        self.begin(url, key, session.series_id)

    def receive(self) -> None:
        dialog = RelayDialog(self.context.window, receive=True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        url, key = dialog.values()
        relay = SeriesRelay(self.context, url, key, None)
        status = self.context.window.statusBar()
        relay.status_changed.connect(lambda text: status.showMessage(text, 15000))
        relay.round_done.connect(lambda report: self._received(report, url, key, relay))
        relay.sync_now()

    def _received(
        self, report: SyncReport, url: str, key: keys.SeriesKey, relay: SeriesRelay
    ) -> None:
        relay.stop()
        if report.series is not None:
            remember(self.context.settings, report.series.id, url, str(key))
        self.context.window.statusBar().showMessage(report.message(), 15000)

    def begin(self, url: str, key: keys.SeriesKey, series_id: str) -> None:
        """Keep ``series_id`` in step with the relay at ``url`` from now on."""
        if self.status is not None:  # shared again: one word on the relay in the status bar
            self.context.window.statusBar().removeWidget(self.status)
            self.status.deleteLater()
        self.relay = SeriesRelay(self.context, url, key, series_id)
        self.status = RelayStatus(self.relay, self.context.window)
        self.relay.start()
