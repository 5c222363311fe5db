"""One app window per data folder: a second ``fabrique`` on a folder the app already owns
brings that window to the front (and hands it a double-clicked copy to import) instead of
opening a second, read-only window.

The app that owns the folder listens on a local socket named after the folder (``listen``);
the second one knocks (``knock``) and, if answered, stops there.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import socket
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from PySide6.QtCore import QObject, QSocketNotifier

from fabrique_desktop.logs import private_folder

log = logging.getLogger(__name__)

WAIT_MS = 3000
SHOW = "show"
OPEN = "open "
SESSION = "session "
OPEN_AT = "open-at "  # a copy to import, then an atelier to show: "open-at <id>\t<path>"
LINE_MAX = 8192
ANSWER_WAIT_S = 300  # an import of a large copy, or the user answering a question there


@dataclass(frozen=True)
class Answer:
    """What the app did of a knock, for the second process to print (French, like every
    command): ``done`` the things done (« importe « copie.json » »), ``refused`` why the rest
    was not (empty: all done), ``details`` a summary (the import's counts)."""

    done: tuple[str, ...] = ()
    refused: str = ""
    details: str = ""

    def to_line(self) -> bytes:
        data = {"done": list(self.done), "refused": self.refused, "details": self.details}
        return (json.dumps(data, ensure_ascii=True) + "\n").encode("ascii")

    @classmethod
    def from_line(cls, line: str) -> Answer | None:
        try:
            data = json.loads(line)
            done = tuple(str(d) for d in data["done"])
            return cls(done, str(data["refused"]), str(data["details"]))
        except (ValueError, KeyError, TypeError):
            return None


SHOWN = Answer()


def server_name(folder: Path) -> str:
    return "fabrique-" + hashlib.sha256(str(folder).encode("utf-8")).hexdigest()[:20]


def door_path(folder: Path) -> Path | None:
    """The local socket of the app owning ``folder``: in this user's private temporary folder
    (0700), with a short name (socket paths are limited to ~100 bytes). None where the system
    has no local sockets (the second app then opens read-only, as before)."""
    if not hasattr(socket, "AF_UNIX"):
        return None
    return private_folder(Path(tempfile.gettempdir())) / f"{server_name(folder)}.sock"


class FrontDoor(QObject):
    """Listens for a second app on the same folder: ``show()``, ``open_file(path, None)``
    (`fabrique copie.fabrique`), ``open_session(id)`` (`fabrique --open ATELIER`) or
    ``open_file(path, id)`` (`fabrique --open ATELIER copie.fabrique`: import, then show that
    atelier).

    A plain local socket (Python's), watched by a ``QSocketNotifier``: QtNetwork would add its
    libraries (and Kerberos') to the standalone app for this alone."""

    def __init__(
        self,
        folder: Path,
        show: Callable[[], None],
        open_file: Callable[[Path, str | None], Answer],
        open_session: Callable[[str], Answer] | None = None,
    ) -> None:
        super().__init__()
        self._show = show
        self._open = open_file
        self._open_session = open_session
        self.path = door_path(folder)
        self.server: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        if self.path is None:
            return
        try:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()  # left by a killed app: this process owns the folder
            server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            server.bind(str(self.path))
            server.listen(4)
            server.setblocking(False)
        except OSError as error:
            log.warning("no front door for %s: %s", folder, error)
            return
        self.server = server
        self._notifier = QSocketNotifier(server.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._knocked)

    def close(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        if self.server is not None:
            self.server.close()
            self.server = None
            if self.path is not None:
                with contextlib.suppress(OSError):
                    self.path.unlink()

    def _knocked(self) -> None:
        if self.server is None:
            return
        try:
            connection, _ = self.server.accept()
        except OSError:  # the other side gave up meanwhile
            return
        with connection:
            connection.settimeout(WAIT_MS / 1000)
            try:
                message = _read_line(connection)
                connection.sendall(b"ok\n")
            except OSError as error:
                log.info("front door: %s", error)
                return
            self._show()
            answer = self._do(message)
            try:  # what was done: the second process prints it (it may have given up)
                connection.sendall(answer.to_line())
            except OSError as error:
                log.info("front door: the answer was not read: %s", error)

    def _do(self, message: str) -> Answer:
        if message.startswith(OPEN):
            return self._open(Path(message[len(OPEN) :]), None)
        if message.startswith(OPEN_AT) and "\t" in message:
            session_id, file = message[len(OPEN_AT) :].split("\t", 1)
            return self._open(Path(file), session_id)
        if message.startswith(SESSION) and self._open_session is not None:
            return self._open_session(message[len(SESSION) :])
        return SHOWN


def _read_line(connection: socket.socket) -> str:
    data = b""
    while not data.endswith(b"\n") and len(data) < LINE_MAX:
        chunk = connection.recv(1024)
        if not chunk:
            break
        data += chunk
    return data.decode("utf-8", "replace").rstrip("\n")


NO_ANSWER = Answer(
    refused="elle n'a pas dit ce qu'elle en a fait (voyez sa fenêtre)",
)


def knock(folder: Path, file: Path | None = None, session_id: str | None = None) -> Answer | None:
    """Ask the app owning ``folder`` to come to the front (and import ``file``, open the
    session ``session_id``, or both: import, then open): what it did, or None if no app
    answered."""
    path = door_path(folder)
    if path is None or not path.exists():
        return None
    message = SHOW
    if file is not None and session_id is not None:
        message = f"{OPEN_AT}{session_id}\t{file}"
    elif file is not None:
        message = f"{OPEN}{file}"
    elif session_id is not None:
        message = f"{SESSION}{session_id}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        try:
            client.settimeout(WAIT_MS / 1000)
            client.connect(str(path))
            client.sendall((message + "\n").encode("utf-8"))
            lines = client.makefile("rb")  # the « ok », then the answer (one read may hold both)
            if _line(lines) != "ok":
                return None
        except OSError:
            return None
        try:
            client.settimeout(ANSWER_WAIT_S)
            return Answer.from_line(_line(lines)) or NO_ANSWER
        except OSError:
            return NO_ANSWER


def _line(lines: BinaryIO) -> str:
    return lines.readline(LINE_MAX).decode("utf-8", "replace").rstrip("\n")
