"""Phones → the wall in the app: ideas sent by 30 phones (threads, HTTP on 127.0.0.1) onto a
2000-idea board in a real window (offscreen); time from sending to the card being on the board.

    .venv/bin/python -m pytest tests/bench/test_phones_wall.py -s
"""

from __future__ import annotations

import statistics
import threading
import time

from fabrique_desktop.model import Card
from fabrique_desktop.phones.checks import Limits
from tests.phones.conftest import GENEROUS, Phone
from tests.ui.conftest import fabrique_app  # noqa: F401 — the app fixture

PHONES = 30
EACH = 5


def test_ideas_reach_the_board_quickly(qtbot, fabrique_app, store, session) -> None:  # noqa: F811
    store.put_many(
        [
            Card(session_id=session.id, text=f"Idée n° {i}", column="mieux", position=float(i))
            for i in range(2000)
        ]
    )
    window = fabrique_app.open_session(session.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.wait_exposed(window)
    window.build_feature_menus()
    room = window.phone_menu.ensure()
    assert room.open("127.0.0.1", 0)
    room.service.server.limits = Limits(GENEROUS)  # every simulated phone shares 127.0.0.1
    sent: dict[str, float] = {}
    lock = threading.Lock()

    def phone(n: int) -> None:
        client = Phone(room.service.address).join()
        for i in range(EACH):
            text = f"Téléphone {n}, idée {i}"
            with lock:
                sent[text] = time.perf_counter()
            client.call("idea", {"text": text})
            time.sleep(0.3)

    threads = [threading.Thread(target=phone, args=(n,), daemon=True) for n in range(PHONES)]
    seen: dict[str, float] = {}
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 120
    while len(seen) < PHONES * EACH and time.monotonic() < deadline:
        qtbot.wait(5)
        now = time.perf_counter()
        for item in window.scene.items_by_id.values():
            text = item.card.text
            if text in sent and text not in seen:
                seen[text] = now
    latencies = sorted(seen[t] - sent[t] for t in seen)
    q = statistics.quantiles(latencies, n=100)
    print(
        f"\n{len(seen)} ideas from {PHONES} phones onto a 2000-card board: send → on the board "
        f"p50 {q[49] * 1000:.0f} ms, p95 {q[94] * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
    )
    room.close()
    assert len(seen) == PHONES * EACH
    assert q[94] < 0.5
