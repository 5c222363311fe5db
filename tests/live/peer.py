"""One Fabrique laptop in its own process, head-less, driven by JSON lines on stdin.

    python -m tests.live.peer host DATA_DIR CODE [PORT]
    python -m tests.live.peer join DATA_DIR CODE PORT NAME

It opens its own SQLite database in DATA_DIR, shares (host) or joins (note-taker) on
127.0.0.1 only, and prints JSON lines: ``{"event": "ready", ...}`` once listening/joined,
``{"event": "seen", "ids": [...], "t": monotonic}`` whenever remote cards reach its rows, and
one reply per command. Commands: ``capture`` (text), ``move`` (id, column), ``bulk`` (count, text),
``cards``, ``status``, ``quit``. It stops by itself after ``--lifetime`` seconds.
"""

from __future__ import annotations

import json
import logging
import queue
import sys
import threading
import time
from pathlib import Path
from typing import Any

from db.store import Store
from db.sync_store import SyncJournal
from fabrique_desktop import board, changes
from fabrique_desktop.changes import Change
from fabrique_desktop.live.client import fetch_copy
from fabrique_desktop.live.engine import EngineDoc, import_copy, make_copy
from fabrique_desktop.live.link import LiveLink
from fabrique_desktop.model import Card, Session
from fabrique_desktop.workspace import ensure_first_use, list_series, list_sessions

LOOPBACK = "127.0.0.1"
LIFETIME = 120.0


def emit(**fields: Any) -> None:
    sys.stdout.write(json.dumps(fields, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def read_commands(commands: queue.SimpleQueue[dict[str, Any] | None]) -> None:
    for line in sys.stdin:
        if line.strip():
            commands.put(json.loads(line))
    commands.put(None)


def open_host(store: Store, journal: SyncJournal, code: str, port: int) -> tuple[LiveLink, Session]:
    series = ensure_first_use(store) or list_series(store)[0]
    session = next(s for s in list_sessions(store, series.id) if s.number == 3)
    doc = EngineDoc(store, journal, session.id)
    link = LiveLink.share(
        doc, host=LOOPBACK, port=port, code=code, session_id=session.id, title=session.title
    )
    link.server.copy = make_copy(store, journal, session)
    return link, session


def open_note_taker(
    store: Store, journal: SyncJournal, data_dir: Path, code: str, port: int, name: str
) -> tuple[LiveLink, Session]:
    state = data_dir / "live.json"
    if state.exists():  # restarted: the session is here already, join again as the same laptop
        saved = json.loads(state.read_text())
        session = store.get(Session, saved["session"])
        assert session is not None
        peer_id = saved["peer"]
    else:
        _, copy = fetch_copy(LOOPBACK, port, code, name)
        session = import_copy(store, journal, copy)
        peer_id = f"peer-{name}"
        state.write_text(json.dumps({"session": session.id, "peer": peer_id}))
    doc = EngineDoc(store, journal, session.id)
    link = LiveLink.join(
        doc,
        host=LOOPBACK,
        port=port,
        code=code,
        name=name,
        peer_id=peer_id,
        session_id=session.id,
    )
    return link, session


def main(argv: list[str]) -> int:
    role, data_dir, code = argv[0], Path(argv[1]), argv[2]
    data_dir.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(filename=data_dir / "peer.log", level=logging.INFO)
    store = Store.open(data_dir / "fabrique.db")
    journal = SyncJournal(store)
    if role == "host":
        port = int(argv[3]) if len(argv) > 3 else 0
        link, session = open_host(store, journal, code, port)
    else:
        link, session = open_note_taker(store, journal, data_dir, code, int(argv[3]), argv[4])

    def on_remote(changed: dict[str, set[str]]) -> None:
        ids = sorted(changed.get("cards", ()))
        if ids:
            emit(event="seen", ids=ids, t=time.monotonic())

    link.on_remote = on_remote
    commands: queue.SimpleQueue[dict[str, Any] | None] = queue.SimpleQueue()
    threading.Thread(target=read_commands, args=(commands,), daemon=True).start()
    port = link.server.port if link.server is not None else int(argv[3])
    emit(event="ready", port=port, session=session.id)
    deadline = time.monotonic() + LIFETIME
    try:
        while time.monotonic() < deadline:
            link.pump(timeout=0.002)
            try:
                command = commands.get_nowait()
            except queue.Empty:
                continue
            if command is None or command["cmd"] == "quit":
                break
            emit(**handle(command, store, link, session))
    finally:
        link.close()
        store.close()
    return 0


def handle(command: dict[str, Any], store: Store, link: LiveLink, session: Session) -> dict:
    cmd = command["cmd"]
    if cmd == "capture":
        t = time.monotonic()  # the note-taker presses Enter
        change = board.capture(store, session.id, command["text"])
        store.apply(change)
        link.local_changed()
        return {"reply": cmd, "id": next(iter(change.touched(Card.kind))), "t": t}
    if cmd == "move":
        card = store.get(Card, command["id"])
        assert card is not None
        store.apply(board.move(store, session.id, [card], command["column"]))
        link.local_changed()
        return {"reply": cmd}
    if cmd == "bulk":  # many ideas at once (benchmarks): one change
        cards = [
            Card(session_id=session.id, text=f"Idée n° {i} : {command['text']}", position=i)
            for i in range(command["count"])
        ]
        store.apply(Change("Ajouter des idées", tuple(changes.create(c) for c in cards)))
        link.local_changed()
        return {"reply": cmd}
    if cmd == "cards":
        cards = sorted(
            (c.id, c.text, c.column, c.deleted_at is not None)
            for c in store.iter_all(Card, session_id=session.id)
        )
        return {"reply": cmd, "cards": cards}
    if cmd == "status":
        return {
            "reply": cmd,
            "connected": link.connected,
            "peers": sorted(p.name for p in link.peers.values()),
            "ended": link.ended,
            "refusals": [r for _, r in link.server.refusals] if link.server else [],
            "bad": link.bad_messages,
        }
    return {"reply": cmd, "error": "unknown"}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
