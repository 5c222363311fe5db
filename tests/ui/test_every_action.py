"""Every action of the session window in every state of a workshop (issue 23): no internal
error, and in full screen no stale pixel after any of them (``tests/ui/every_action.py``).

The walk triggers each menu item, the board's actions outside the menus and every button
of every panel, in full screen through the shortcut typed where the keyboard is, with the
dialogs answered as a user would. It found « Ouvrir un vote aux téléphones… » failing every
time, and the audience window reading a deleted window's timer four times a second.

Each size runs in its own processes (the offscreen screen's size is fixed when Qt starts),
two at a time: one core each. At 1920×1080 the states the others build on are left out
(full screen with the phones' room open and a secret vote, then a card being edited, hold
them).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.ui.every_action import CLOSED_VOTE, CONVERGENCE, FULL, LIVE, OPEN_VOTE, STATES, UNDONE

WALKS = [  # (screen, states walked in one process), the longest first: two at a time end
    ("1920x1080", FULL[3:]),  # together (~50 s of CPU each on a quiet machine)
    ("1280x720", FULL[:2]),
    ("1280x720", STATES[:2]),
    ("1920x1080", FULL[2:3]),
    ("1280x720", FULL[3:]),
    ("1280x720", FULL[2:3]),
    ("1280x720", (LIVE,)),  # windowed, the atelier shared live (~110 actions, no error in s9)
    ("1280x720", (CONVERGENCE, CLOSED_VOTE)),  # windowed, ~35 s of walk (no error in s10)
    ("1280x720", (OPEN_VOTE, UNDONE)),  # windowed, ~15 s of CPU (no error in s11)
]
AT_ONCE = max(1, min(2, os.cpu_count() or 1))  # walks running side by side (one core each)


class Walks:
    """The walks' processes, ``AT_ONCE`` of them running at a time (in the order of WALKS)
    whichever case asks first: a case waits for its own walk only. One after the other they
    took ~130 s of a quiet two-core machine, one core idle."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.waiting = list(range(len(WALKS)))
        self.running: dict[int, subprocess.Popen[bytes]] = {}
        self.done: dict[int, int] = {}  # the walk's exit code

    def result(self, index: int) -> list[dict]:  # type: ignore[type-arg]
        deadline = time.monotonic() + 900
        while index not in self.done:
            self._start_some()
            for key, process in list(self.running.items()):
                if process.poll() is not None:
                    self.done[key] = process.returncode
                    del self.running[key]
            if time.monotonic() > deadline:
                raise TimeoutError(WALKS[index])
            time.sleep(0.05)
        folder = self.folder / str(index)
        errors = (folder / "stderr.txt").read_text(encoding="utf-8", errors="replace")
        assert self.done[index] == 0, errors[-3000:]
        out = (folder / "stdout.txt").read_text(encoding="utf-8")
        return [json.loads(line) for line in out.splitlines() if line.startswith("{")]

    def stop(self) -> None:
        for process in self.running.values():
            process.kill()
            process.wait()

    def _start_some(self) -> None:
        while self.waiting and len(self.running) < AT_ONCE:
            index = self.waiting.pop(0)
            size, states = WALKS[index]
            folder = self.folder / str(index)
            folder.mkdir()
            # files, not pipes: a pipe nobody reads yet fills up and stops the walk
            with (
                (folder / "stdout.txt").open("wb") as out,
                (folder / "stderr.txt").open("wb") as err,
            ):
                self.running[index] = subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "tests.ui.every_action",
                        size,
                        str(folder),
                        "--states",
                        ",".join(states),
                    ],
                    stdout=out,
                    stderr=err,
                    # a crash of the walk shows its stack in stderr.txt (a segfault says nothing)
                    env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONFAULTHANDLER": "1"},
                )


@pytest.fixture(scope="module")
def walks(tmp_path_factory):  # type: ignore[no-untyped-def]
    started = Walks(tmp_path_factory.mktemp("every_action"))
    yield started
    started.stop()


@pytest.mark.slow
@pytest.mark.parametrize("index", range(len(WALKS)), ids=[f"{w}-{'+'.join(s)}" for w, s in WALKS])
def test_every_action_in_every_state_no_internal_error_no_stale_pixel(index, walks) -> None:
    states = WALKS[index][1]
    steps = [s for s in walks.result(index) if "action" in s]
    walked = {s["state"] for s in steps}
    assert walked == set(states)
    for state in walked:  # every menu item and panel button, up to « Quitter »
        names = [s["action"] for s in steps if s["state"] == state]
        assert len(names) >= 90, (state, len(names))
        assert any(n.startswith("[") for n in names), state  # panel buttons
        assert names[-1] == "Fichier › Quitter"
    errors = {(s["state"], s["action"]): s["errors"] for s in steps if s["errors"]}
    assert errors == {}, f"internal errors: {errors}"
    stale = {(s["state"], s["action"]): s["stale"] for s in steps if s["stale"]}
    assert stale == {}, f"pixels differing from a fresh render (images in {walks.folder}): {stale}"
    # the dialogs were answered: the walk reached them
    dialogs = {d.split(":")[0] for s in steps for d in s["dialogs"]}
    assert {"PollDialog", "ExportDialog", "QFileDialog"} <= dialogs
