"""Start ``tests.live.peer`` processes and talk to them, with a timeout on every wait."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 20.0


class Peer:
    """One laptop process. ``seen`` collects ``(card id, monotonic time)`` of remote cards."""

    def __init__(self, *args: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        env.pop("FABRIQUE_DATA_DIR", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.live.peer", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        self.seen: dict[str, float] = {}
        self._lines: queue.SimpleQueue[dict[str, Any] | None] = queue.SimpleQueue()
        threading.Thread(target=self._read, daemon=True).start()
        ready = self._next(lambda m: m.get("event") == "ready", "ready")
        self.port: int = ready["port"]
        self.session: str = ready["session"]

    @classmethod
    def host(cls, data_dir: Path, code: str, port: int = 0) -> Peer:
        return cls("host", str(data_dir), code, str(port))

    @classmethod
    def note_taker(cls, data_dir: Path, code: str, port: int, name: str) -> Peer:
        return cls("join", str(data_dir), code, str(port), name)

    def ask(self, cmd: str, **fields: Any) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"cmd": cmd, **fields}) + "\n")
        self.process.stdin.flush()
        return self._next(lambda m: m.get("reply") == cmd, cmd)

    def cards(self) -> list[list[Any]]:
        return self.ask("cards")["cards"]

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(10)

    def quit(self) -> None:
        if self.process.poll() is None:
            try:
                self._send_quit()
                self.process.wait(10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait(10)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()

    def _send_quit(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"cmd": "quit"}) + "\n")
        self.process.stdin.flush()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if message.get("event") == "seen":
                for card_id in message["ids"]:
                    self.seen.setdefault(card_id, message["t"])
            self._lines.put(message)
        self._lines.put(None)

    def _next(self, wanted: Any, what: str) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                message = self._lines.get(timeout=0.1)
            except queue.Empty:
                continue
            if message is None:
                error = self.process.stderr.read() if self.process.stderr else ""
                raise AssertionError(f"peer process ended before {what}: {error[-2000:]}")
            if wanted(message):
                return message
        raise AssertionError(f"no {what} from the peer within {TIMEOUT} s")


def wait_until(condition: Any, timeout: float = TIMEOUT, every: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(every)
    raise AssertionError("condition not reached in time")
