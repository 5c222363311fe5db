"""The idea board with 2000 cards: opening, capturing, dragging (issue 3).

.venv/bin/python -m pytest tests/bench/test_board_perf.py -s
"""

from __future__ import annotations

import csv
import os
import sqlite3
import statistics
import time

import pytest

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from db.store import Store
from fabrique_desktop import changes
from fabrique_desktop.changes import Change
from fabrique_desktop.model import Card
from fabrique_desktop.paths import DataDir
from fabrique_desktop.resources import resource
from fabrique_desktop.workspace import ensure_first_use, list_sessions
from tests.bench.test_startup import BARE
from tests.bench.timing import (
    SHOWN,
    compile_bytecode,
    fabrique_command,
    report,
    time_until_line,
    time_until_output,
)
from tests.ui import conftest as ui_fixtures

CARDS = 2000
fabrique_app = ui_fixtures.fabrique_app  # the app fixture of the UI tests
# the demo's empty « objectifs » atelier: its wall has the columns ``fill`` uses (atelier 2 is a
# « valeurs » one since each phase has its own wall: 2000 cards in columns it does not show)
BIG_ATELIER = 4


def fill(store: Store, session_id: str, count: int = CARDS) -> None:
    """``count`` cards made of the seed's ideas, spread over the five columns."""
    with resource("demo", "pistes-acte1.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    columns = ["inbox", "mieux", "monde", "ensemble", "art"]
    edits = []
    for n in range(count):
        row = rows[n % len(rows)]
        edits.append(
            changes.create(
                Card(
                    session_id=session_id,
                    text=f"{row['text']} ({n})",
                    column=columns[n % 5],
                    position=float(n),
                    horizon=row["horizon"],
                    tags=[f"#{row['themes']}"] if row["themes"] else [],
                )
            )
        )
    store.apply(Change("bench", tuple(edits)))


@pytest.fixture
def big_session(store, demo):
    session = next(s for s in list_sessions(store, demo.id) if s.number == BIG_ATELIER)
    fill(store, session.id)
    return session


def test_open_2000_cards_ratio(tmp_path) -> None:
    data = DataDir(tmp_path / "data")
    store = Store.open(data.database)
    series = ensure_first_use(store)
    session = next(s for s in list_sessions(store, series.id) if s.number == BIG_ATELIER)
    fill(store, session.id)
    store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    compile_bytecode()
    command = fabrique_command("--data-dir", str(data.root), "--open", session.id)
    time_until_output(command, SHOWN, env)  # warm the disk cache
    bare, fabrique = [], []
    for _ in range(7):
        bare.append(time_until_line(BARE, [], "SHOWN", env))
        fabrique.append(time_until_output(command, SHOWN, env))
    ratio = report(
        f"open {CARDS} cards to a shown window",
        statistics.median(fabrique),
        statistics.median(bare),
        3.0,
    )
    assert ratio <= 3.0


def test_enter_to_card_shown(qtbot, fabrique_app, big_session, tmp_path) -> None:
    window = fabrique_app.open_session(big_session.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.wait_exposed(window)
    qtbot.wait_until(lambda: hasattr(window, "animation"))  # every menu built, listening
    qtbot.wait(50)
    window.scene.notes.measure_all()  # every note made, as a second after opening
    assert len(window.scene.items_by_id) == CARDS
    field = window.capture.field
    times = []
    for n in range(31):
        field.setText(f"Une idée de plus @bernard #mobilité !2040 =2 numéro {n}")
        start = time.perf_counter()
        QTest.keyClick(field, Qt.Key.Key_Return)
        card_id = window._last_captured
        window.board.view.viewport().repaint()  # shown: painted, not just scheduled
        times.append(time.perf_counter() - start)
        assert card_id in window.scene.items_by_id
        assert field.text() == ""
    enter = statistics.median(times[1:])
    # baseline: one bare committed sqlite insert (synchronous=FULL, WAL) in the same folder
    conn = sqlite3.connect(tmp_path / "bare.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("create table t (id integer primary key, text text)")
    inserts = []
    for n in range(31):
        start = time.perf_counter()
        conn.execute("begin")
        conn.execute("insert into t (text) values (?)", [f"idée {n}"])
        conn.execute("commit")
        inserts.append(time.perf_counter() - start)
    conn.close()
    report("Enter to card committed and shown", enter, statistics.median(inserts[1:]), 0)
    print(f"Enter to card shown: median {enter * 1000:.1f} ms (limit 30 ms)")
    assert enter <= 0.030


def test_drag_across_2000_cards_frames(qtbot, fabrique_app, big_session) -> None:
    window = fabrique_app.open_session(big_session.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.wait_exposed(window)
    # What runs right after the first paint (icons, the feature menus, the vote counts) is
    # start-up, not dragging: timed apart, then the window is left to settle as in a room.
    t0 = time.perf_counter()
    qtbot.wait_until(lambda: hasattr(window, "animation"))
    QApplication.processEvents()
    settle = time.perf_counter() - t0
    qtbot.wait(100)
    scene, view = window.scene, window.board.view
    scene.notes.measure_all()
    viewport = view.viewport()
    first = scene.cards_in("inbox")[1]
    start = view.mapFromScene(first.sceneBoundingRect().center())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    frames = []
    end = QPoint(viewport.width() - 60, viewport.height() - 40)
    steps = 60
    for i in range(1, steps + 1):
        p = start + (end - start) * (i / steps)
        t0 = time.perf_counter()
        QTest.mouseMove(viewport, QPoint(round(p.x()), round(p.y())))
        viewport.repaint()
        QApplication.processEvents()
        frames.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    viewport.repaint()
    drop = time.perf_counter() - t0
    assert first.card.column == "art"
    first_frame = frames[0]
    frames.sort()
    median, p95, worst = statistics.median(frames), frames[int(0.95 * len(frames))], frames[-1]
    print(
        f"\ndrag across {len(scene.items_by_id)} cards: first frame {first_frame * 1000:.1f} ms, "
        f"frame median {median * 1000:.1f} ms, 95th {p95 * 1000:.1f} ms, "
        f"worst {worst * 1000:.1f} ms (limit 16 ms); "
        f"drop (store + relayout + paint) {drop * 1000:.1f} ms; "
        f"work deferred after the first paint {settle * 1000:.0f} ms"
    )
    assert p95 < 0.016
    assert first_frame < 0.016
