"""settings.json is shared by processes: each write changes its own key and keeps the others'."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from fabrique_desktop import settings
from fabrique_desktop.settings import Settings


def test_a_write_keeps_what_another_process_wrote(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    app = Settings(path)  # the open app, loaded at start
    cli = Settings(path)  # `fabrique import` records the note-taker's table
    cli.set("note_taker", {"session": "s1", "table": 4})
    app.set("last_session", "s2")  # it used to write its whole memory, erasing the table
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved == {"note_taker": {"session": "s1", "table": 4}, "last_session": "s2"}
    assert app.get("note_taker") == {"session": "s1", "table": 4}
    assert not list(tmp_path.glob("*.tmp"))


CHILD = """
import sys
from pathlib import Path
from fabrique_desktop import settings
from fabrique_desktop.settings import Settings
settings = Settings(Path(sys.argv[1]))
for n in range(40):
    settings.set(f"{sys.argv[2]}{n}", n)
"""


def test_two_processes_writing_at_once_lose_no_key(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    children = [
        subprocess.Popen([sys.executable, "-c", CHILD, str(path), prefix]) for prefix in "ab"
    ]
    for child in children:
        assert child.wait(timeout=60) == 0
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert len(saved) == 80


def test_a_value_already_saved_is_not_written_again(tmp_path: Path, monkeypatch) -> None:
    """The app records the atelier it opens at every start: the same one is not rewritten and
    synced to the disk each time (issue 28, the start-up figure)."""
    path = tmp_path / "settings.json"
    writes: list[str] = []
    write = settings._write_atomically
    monkeypatch.setattr(settings, "_write_atomically", lambda p, t: writes.append(t) or write(p, t))
    Settings(path).set("last_session", "s2")
    cli = Settings(path)
    Settings(path).set("note_taker", {"table": 4})  # another process, since
    assert len(writes) == 2
    cli.set("last_session", "s2")
    assert len(writes) == 2
    assert cli.get("note_taker") == {"table": 4}  # what the other process wrote is read
    cli.set("last_session", "s3")
    assert len(writes) == 3
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "last_session": "s3",
        "note_taker": {"table": 4},
    }
