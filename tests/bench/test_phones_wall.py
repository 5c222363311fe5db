"""Phones → the wall, in the app: 150 simulated phones for a minute against the real app.

The GUI is this process (Qt offscreen): the 2000-idea session's board in a shown window, the room
opened from the window as the facilitator does (the QR wall full screen and the phones' panel
shown, both refreshing), a dot vote open on the board's Vivre cards. The phones are another
process (``tests/bench/phone_crowd.py``: 150 simulated phones, each on its own loopback address so
the room's default limits apply as in a real room) sending for a minute an idea or a dot every
~4 s each, and all at the same moment half-way. Measured: the time from a phone sending an idea
to its card being on the board, and to the board's next repaint (``time.monotonic()`` in both
processes: one clock for the machine), p50/p95/max, for all ideas and for the burst; the phones'
own time to the answer; this process's memory. Baseline in the same run: the same phones fetching
the page's stylesheet from the same server (no database, no board). Prints the absolute times
and the p95 ratio to the baseline.

    .venv/bin/python -m pytest tests/bench/test_phones_wall.py -s
    FABRIQUE_BENCH_PHONES=30 FABRIQUE_BENCH_SECONDS=20 … (a shorter run)
"""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import QEvent, QObject

from fabrique_desktop.changes import Change, Origin
from fabrique_desktop.model import Card
from tests.bench import phone_crowd
from tests.ui.conftest import fabrique_app  # noqa: F401 — the app fixture

PHONES = int(os.environ.get("FABRIQUE_BENCH_PHONES", "150"))
SECONDS = float(os.environ.get("FABRIQUE_BENCH_SECONDS", "60"))
IDEAS = 2000
ROOT = Path(__file__).resolve().parents[2]


def _kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _quantiles(values: list[float]) -> tuple[float, float, float]:
    q = statistics.quantiles(values, n=100)
    return q[49] * 1000, q[94] * 1000, max(values) * 1000


@pytest.mark.skipif(sys.platform != "linux", reason="uses 127.0.x.y loopback addresses")
@pytest.mark.timeout(SECONDS + 300)  # longer runs than the suite's limit
def test_150_phones_on_the_wall(qtbot, fabrique_app, store, session, tmp_path) -> None:  # noqa: F811
    phone_crowd.prepare_room(store, session.id, IDEAS)
    window = fabrique_app.open_session(session.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.wait_exposed(window)
    window.build_feature_menus()
    window.scene.notes.flush()
    qtbot.wait(200)
    rss_before = _kib("VmRSS")
    room = window.phone_menu.ensure()
    assert room.open("127.0.0.1", 0)  # the QR wall full screen, the phones' panel shown
    assert room.wall is not None
    assert room.wall.isVisible()
    seen: dict[str, float] = {}
    painted: dict[str, float] = {}
    waiting_paint: list[str] = []

    def on_board(change: Change, origin: Origin) -> None:  # after the board's own slot
        if origin is not Origin.PHONE:
            return
        now = time.monotonic()
        for card_id in change.touched(Card.kind):
            item = window.scene.items_by_id.get(card_id)
            if item is not None and item.card.text not in seen:
                seen[item.card.text] = now
                waiting_paint.append(item.card.text)

    class PaintWatch(QObject):
        """The board's next paint after a card came: the room can see it."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and waiting_paint:
                now = time.monotonic()
                for text in waiting_paint:
                    painted[text] = now
                waiting_paint.clear()
            return False

    watch = PaintWatch()
    window.board.view.viewport().installEventFilter(watch)
    window.bus.changed.connect(on_board)
    layout_time, layouts = [0.0], [0, 0]  # CPU in the board's layouts; full ones, in all
    scene = window.scene
    lay_out = scene.layout_cards
    lay_out_some = scene.placement.lay_out_columns  # the changed columns only
    depth = [0]

    def timed(function: Any, full: bool) -> Any:
        def run(*args: Any) -> None:
            depth[0] += 1
            began = time.thread_time()
            try:
                function(*args)
            finally:
                depth[0] -= 1
                if depth[0] == 0:
                    layout_time[0] += time.thread_time() - began
                    layouts[1] += 1
                if full:
                    layouts[0] += 1

        return run

    scene.layout_cards = timed(lay_out, True)  # type: ignore[method-assign]
    scene.placement.lay_out_columns = timed(lay_out_some, False)  # type: ignore[method-assign]
    profile = cProfile.Profile() if os.environ.get("FABRIQUE_BENCH_PROFILE") else None
    if profile is not None:
        profile.enable()
    result = tmp_path / "crowd.json"
    cpu_began, wall_began = time.thread_time(), time.perf_counter()
    crowd = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.bench.phone_crowd",
            room.service.address,
            str(SECONDS),
            str(result),
            str(PHONES),
        ],
        cwd=ROOT,
    )
    try:
        while crowd.poll() is None:
            qtbot.wait(20)
    finally:
        if crowd.poll() is None:
            crowd.kill()
    qtbot.wait(500)  # the last answers' cards
    main_cpu, run_wall = time.thread_time() - cpu_began, time.perf_counter() - wall_began
    scene.layout_cards = lay_out  # type: ignore[method-assign]
    scene.placement.lay_out_columns = lay_out_some  # type: ignore[method-assign]
    if profile is not None:
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
    rss_after, peak = _kib("VmRSS"), _kib("VmHWM")
    room.close()
    assert crowd.returncode == 0
    out = json.loads(result.read_text())
    sent = {text: times[0] for text, times in out["ideas"].items()}
    arrivals = [seen[text] - start for text, start in sent.items() if text in seen]
    missing = [text for text in sent if text not in seen]
    shown = [painted[text] - start for text, start in sent.items() if text in painted]
    board = _quantiles(arrivals)
    paint = _quantiles(shown)
    burst = _quantiles(
        [painted[t] - start for t, start in sent.items() if t in painted and t.startswith("Rafale")]
    )
    answer = _quantiles(out["writes"])
    base = _quantiles(out["reads"])
    print(
        f"\n{PHONES} phones, {SECONDS:.0f} s, in the app (board of {IDEAS} + the phones' cards,"
        f" QR wall and panel shown): {len(out['writes'])} ideas/dots"
        f" ({len(out['writes']) / SECONDS:.0f}/s), {len(out['errors'])} refused"
        f" {sorted(set(map(tuple, out['errors'])))[:5]}\n"
        f"idea sent → card on the board ({len(arrivals)} ideas): p50 {board[0]:.0f} ms,"
        f" p95 {board[1]:.0f} ms, max {board[2]:.0f} ms; → the board repainted: p50"
        f" {paint[0]:.0f} ms, p95 {paint[1]:.0f} ms, max {paint[2]:.0f} ms\n"
        f"the burst ({PHONES} ideas at the same second) → repainted: p50 {burst[0]:.0f} ms,"
        f" p95 {burst[1]:.0f} ms, max {burst[2]:.0f} ms\n"
        f"idea/dot sent → committed → answered: p50 {answer[0]:.0f} ms, p95 {answer[1]:.0f} ms,"
        f" max {answer[2]:.0f} ms\n"
        f"baseline (stylesheet from the same server): p50 {base[0]:.0f} ms, p95 {base[1]:.0f} ms"
        f" → board p95 ratio {board[1] / base[1]:.1f}×, repainted {paint[1] / base[1]:.1f}×\n"
        f"main thread: {main_cpu:.1f} s CPU in {run_wall:.0f} s; the board's layouts"
        f" {layout_time[0]:.1f} s CPU ({100 * layout_time[0] / max(main_cpu, 1e-9):.0f} % of the"
        f" main thread's), {layouts[1]} layouts of which {layouts[0]} of the whole board\n"
        f"memory of the app's process: {rss_before / 1024:.0f} MiB before opening the room,"
        f" {rss_after / 1024:.0f} MiB at the end, peak {peak / 1024:.0f} MiB"
    )
    assert not missing, missing[:3]
    assert not out["errors"]
    assert paint[1] < 500  # the limit: on the wall within half a second (p95)
