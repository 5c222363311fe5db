"""One app window per data folder: a second ``fabrique`` on a folder the app already owns
brings that window to the front (and hands it a double-clicked copy to import) instead of
opening a second, read-only window.

The app that owns the folder listens on a local socket named after the folder (``listen``);
the second one knocks (``knock``) and, if answered, stops there.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

WAIT_MS = 3000
SHOW = "show"
OPEN = "open "


def server_name(folder: Path) -> str:
    return "fabrique-" + hashlib.sha256(str(folder).encode("utf-8")).hexdigest()[:20]


class FrontDoor(QObject):
    """Listens for a second app on the same folder: ``show()`` or ``open(path)``."""

    def __init__(
        self, folder: Path, show: Callable[[], None], open_file: Callable[[Path], None]
    ) -> None:
        super().__init__()
        self._show = show
        self._open = open_file
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(folder)
        QLocalServer.removeServer(name)  # left by a killed app: this process owns the folder
        if not self.server.listen(name):
            log.warning("no front door for %s: %s", folder, self.server.errorString())
        self.server.newConnection.connect(self._knocked)

    def _knocked(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        message = bytes(socket.readLine().data()).decode("utf-8").rstrip("\n")
        socket.write(b"ok\n")
        socket.flush()
        self._show()
        if message.startswith(OPEN):
            self._open(Path(message[len(OPEN) :]))


def knock(folder: Path, file: Path | None = None) -> bool:
    """Ask the app owning ``folder`` to come to the front (and import ``file``): True if it
    answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(folder))
    if not socket.waitForConnected(WAIT_MS):
        return False
    message = f"{OPEN}{file}" if file is not None else SHOW
    socket.write((message + "\n").encode("utf-8"))
    socket.flush()
    answered = socket.waitForReadyRead(WAIT_MS) and socket.canReadLine()
    socket.disconnectFromServer()
    return answered
