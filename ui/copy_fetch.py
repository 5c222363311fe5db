"""Joining a live session: the facilitator's copy is fetched on a network loop of its own,
behind a progress dialog, so that the window's thread never waits on the network (its phones
have 15 s to be answered, its live peers keep their link)."""

from __future__ import annotations

import asyncio
import concurrent.futures

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from fabrique_desktop.live.client import COPY_TIMEOUT, fetching_copy
from fabrique_desktop.live.events import LoopThread
from ui.thread_wake import WakeUp

Copy = tuple[dict[str, object], bytes]


def fetch_with_progress(
    parent: QWidget, host: str, port: int, code: str, name: str, timeout: float = COPY_TIMEOUT
) -> Copy | None:
    """``(welcome, bundle bytes)`` from the facilitator, or None if the user cancelled.
    ``LiveError`` (in French) if nobody answers or the facilitator refuses. Qt's events keep
    running meanwhile (a local event loop): the window stays responsive."""
    network = LoopThread("fabrique-join")
    waiting = QEventLoop()
    done = WakeUp(waiting.quit)
    future: concurrent.futures.Future[Copy] = asyncio.run_coroutine_threadsafe(
        fetching_copy(host, port, code, name, timeout), network.loop
    )
    future.add_done_callback(lambda _future: done.wake())  # the network thread
    progress = QProgressDialog(
        QCoreApplication.translate("CopyFetch", "Réception de l'atelier de l'animateur…"),
        QCoreApplication.translate("CopyFetch", "Annuler"),
        0,
        0,
        parent,
    )
    progress.setWindowTitle(QCoreApplication.translate("CopyFetch", "Rejoindre un atelier"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.canceled.connect(waiting.quit)
    try:
        if not future.done():
            progress.show()
            waiting.exec()
        if progress.wasCanceled():  # « Annuler »: whatever came meanwhile is dropped
            future.cancel()
            return None
        return future.result()
    finally:
        progress.close()
        progress.deleteLater()
        network.close()
