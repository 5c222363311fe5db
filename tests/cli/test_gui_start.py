"""``fabrique`` with no command opens the window; ``--verbose`` says when, on standard error."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from pathlib import Path


def test_verbose_start_logs_when_the_window_is_shown(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "fabrique_desktop.cli", "--verbose", "--data-dir", str(data)]
    child = subprocess.Popen(
        command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env
    )
    watchdog = threading.Timer(60, child.kill)  # never wait for ever on a silent window
    watchdog.start()
    try:
        shown = next((line for line in child.stderr if "window shown" in line), "")
    finally:
        watchdog.cancel()
        child.kill()
        child.wait()
    found = re.search(r"window shown (\d+) ms", shown)
    assert found, "the window was never shown"
    milliseconds = int(found.group(1))
    assert 0 < milliseconds < 60_000
    log = (data / "logs" / "fabrique.log").read_text(encoding="utf-8")
    assert f"window shown {milliseconds} ms" in log


def test_the_first_use_opens_the_demo_on_the_atelier_whose_wall_holds_its_work(
    tmp_path: Path,
) -> None:
    """A newcomer's first `fabrique` (README's `./dev.sh run`): the demo's atelier 1, whose
    Valeurs wall holds the seed's atouts, problèmes and values, the method's first step;
    once an atelier was open, the last one; an atelier emptied of its cards leaves the next
    with cards (atelier 3, the booklet's pistes, while atelier 2 is empty)."""
    import argparse

    from fabrique_desktop import board, changes
    from fabrique_desktop.changes import Change
    from fabrique_desktop.cli.context import Context
    from fabrique_desktop.cli.gui import choose_session
    from fabrique_desktop.model import Card
    from fabrique_desktop.workspace import list_series, list_sessions

    context = Context(str(tmp_path / "data"))
    store = context.store
    demo = list_series(store)[0]  # made by the first use of the folder
    sessions = list_sessions(store, demo.id)
    opened = choose_session(argparse.Namespace(open=None), context)
    assert opened.number == 1
    assert opened.title == "Atelier 1 — Valeurs"
    valeurs = store.find(Card, session_id=sessions[0].id)
    store.apply(Change("user", tuple(changes.delete(c) for c in valeurs)))
    assert choose_session(argparse.Namespace(open=None), context).number == 3
    store.apply(board.capture(store, sessions[1].id, "La mer, partout", "atouts"))
    assert choose_session(argparse.Namespace(open=None), context).number == 2
    card = store.find(Card, session_id=sessions[1].id)[0]
    store.apply(Change("user", (changes.delete(card),)))
    assert choose_session(argparse.Namespace(open=None), context).number == 3
    context.settings.set("last_session", sessions[0].id)
    assert choose_session(argparse.Namespace(open=None), context).number == 1
