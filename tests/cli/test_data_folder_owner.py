"""One owner per data folder, with real processes: the app (offscreen) or ``fabrique phones``
owns it; a CLI write and ``restore`` are refused naming the owner; a second app reads only."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db.backups import list_backups
from db.owner import FolderLock
from db.store import Store
from fabrique_desktop.cli.context import Context
from fabrique_desktop.model import Card
from fabrique_desktop.workspace import list_sessions

pytestmark = pytest.mark.slow


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "FABRIQUE_DATA_DIR"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "fabrique_desktop.cli", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(),
        timeout=120,
    )


def _wait_owned(data: Path, child: subprocess.Popen, what: str) -> None:
    lock = data / "fabrique.lock"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert child.poll() is None, child.communicate()
        try:
            info = json.loads(lock.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            info = {}
        if info.get("pid") == child.pid and what in info.get("what", ""):
            return
        time.sleep(0.1)
    raise AssertionError(f"{what} never owned the folder")


def _stop(child: subprocess.Popen) -> None:
    if child.poll() is None:
        child.send_signal(signal.SIGTERM)
        try:
            child.wait(timeout=20)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def test_with_the_app_open_writes_and_restore_are_refused_naming_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert _cli(data, "sessions").returncode == 0  # first use, then a backup to restore
    cards = tmp_path / "idees.csv"
    cards.write_text("texte\nUne idée de la table 4\n", encoding="utf-8")
    app = subprocess.Popen(
        [sys.executable, "-m", "fabrique_desktop.cli", "--data-dir", str(data)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_env(),
    )
    try:
        _wait_owned(data, app, "l'application Fabrique")
        deadline = time.monotonic() + 30
        while not list_backups(data / "backups") and time.monotonic() < deadline:
            time.sleep(0.1)
        backup = list_backups(data / "backups")[0]
        before = (data / "fabrique.db").stat().st_ino
        copy = tmp_path / "copie.json"
        refused = (
            ("import-cards", "3", str(cards)),
            ("restore", str(backup)),
            ("export", "3", "-f", "json", "-o", str(copy)),  # its document catches up
            ("export", "3", "-f", "bundle", "-o", str(tmp_path / "copie.fabrique")),
        )
        for args in refused:
            result = _cli(data, *args)
            assert result.returncode == 1, result.stderr
            assert "l'application Fabrique (processus" in result.stderr
            assert str(app.pid) in result.stderr
            assert "Traceback" not in result.stderr
            assert "Ou, dans l'application ouverte : Fichier › " in result.stderr  # the way
        assert not copy.exists()
        report = _cli(data, "export", "3", "-f", "pdf", "-o", str(tmp_path / "rapport.pdf"))
        assert report.returncode == 0, report.stderr  # a report only reads
        assert (data / "fabrique.db").stat().st_ino == before  # never swapped under the app
        # a second app on the folder reads only, saying who has it
        second = Context(str(data))
        try:
            second.claim_or_read_only("l'application Fabrique")
            assert second.store.read_only is not None
            assert "L'application Fabrique (processus" in second.store.read_only
            assert "a déjà ce dossier de données ouvert" in second.store.read_only
        finally:
            second.close()
        assert _cli(data, "sessions").returncode == 0  # reading is always possible
    finally:
        _stop(app)
    result = _cli(data, "import-cards", "3", str(cards))  # the app closed: it goes through
    assert result.returncode == 0, result.stderr
    result = _cli(data, "export", "3", "-f", "json", "-o", str(copy))
    assert result.returncode == 0, result.stderr


def test_restore_waits_for_no_phones_room(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert _cli(data, "sessions").returncode == 0
    store = Store.open(data / "fabrique.db")
    session = list_sessions(store)[2]
    ideas = store.count(Card)
    store.close()
    phones = subprocess.Popen(
        [
            *(sys.executable, "-m", "fabrique_desktop.cli", "--data-dir", str(data)),
            *("phones", session.id, "--address", "127.0.0.1", "--port", "0"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=_env(),
    )
    try:
        assert phones.stdout.readline().startswith("http://127.0.0.1:")  # the room is open
        _wait_owned(data, phones, "fabrique phones")
        backups = list_backups(data / "backups")
        assert backups  # the room opened: a backup first
        result = _cli(data, "restore", str(backups[0]))
        assert result.returncode == 1
        assert "« fabrique phones » (processus" in result.stderr
    finally:
        _stop(phones)
    result = _cli(data, "restore", str(backups[0]))
    assert result.returncode == 0, result.stderr
    assert "Sauvegarde remise en place" in result.stdout
    store = Store.open(data / "fabrique.db")
    assert store.count(Card) == ideas
    store.close()


def test_the_lock_is_free_once_its_process_is_killed(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from db.owner import FolderLock; "
            "FolderLock(Path(sys.argv[1])).acquire('la commande « fabrique import »'); "
            "print('ok', flush=True); time.sleep(60)",
            str(folder),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        assert FolderLock(folder).owner().startswith("la commande « fabrique import »")
    finally:
        holder.kill()
        holder.wait()
    lock = FolderLock(folder)
    assert lock.owner() is None
    lock.acquire("test")
    lock.release()


def test_a_short_command_waits_for_another_short_one(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert _cli(data, "sessions").returncode == 0
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from db.owner import FolderLock; "
            "FolderLock(Path(sys.argv[1])).acquire('la commande « fabrique import »'); "
            "print('ok', flush=True); time.sleep(2)",
            str(data),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        cards = tmp_path / "idees.csv"
        cards.write_text("texte\nAprès l'import\n", encoding="utf-8")
        result = _cli(data, "import-cards", "3", str(cards))  # waits, then goes through
        assert result.returncode == 0, result.stderr
    finally:
        holder.kill()
        holder.wait()


def test_a_second_app_brings_the_first_forward_and_hands_it_the_copy(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert _cli(data, "sessions").returncode == 0
    copy = tmp_path / "copie.json"
    assert _cli(data, "export", "1", "--format", "json", "-o", str(copy)).returncode == 0
    app = subprocess.Popen(
        [sys.executable, "-m", "fabrique_desktop.cli", "--data-dir", str(data)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_env(),
    )
    try:
        _wait_owned(data, app, "l'application Fabrique")
        deadline = time.monotonic() + 60  # the door opens once the window is on screen
        while not list_backups(data / "backups") and time.monotonic() < deadline:
            time.sleep(0.1)
        second = _cli(data)  # `fabrique` again: no second window
        assert second.returncode == 0, second.stderr
        assert "sa fenêtre passe devant" in second.stdout
        second = _cli(data, str(copy))  # a double-clicked copy: the open app imports it
        assert second.returncode == 0, second.stderr
        assert "importe « copie.json »" in second.stdout
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if any(p.stem.endswith("avant-import") for p in list_backups(data / "backups")):
                break
            time.sleep(0.1)
        else:
            raise AssertionError("the open app never imported the copy")
        assert "Importé « Atelier 1 — Valeurs » : " in second.stdout  # what it did, after
        bad = tmp_path / "coupée.json"
        bad.write_text('{"format": "autre chose"}', encoding="utf-8")
        second = _cli(data, str(bad))  # the open app refuses it: the terminal says so
        assert second.returncode == 1, second.stdout
        assert "passe devant, mais refuse « coupée.json » : " in second.stdout
        third = _cli(data, "sessions").stdout.splitlines()[2].split("\t")[0]
        second = _cli(data, "--open", "3")  # the open app opens atelier 3, as asked
        assert second.returncode == 0, second.stderr
        assert "passe devant et ouvre « Atelier 3 — Objectifs" in second.stdout
        settings = data / "settings.json"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if json.loads(settings.read_text(encoding="utf-8")).get("last_session") == third:
                break
            time.sleep(0.1)
        else:
            raise AssertionError("the open app never opened atelier 3")
        second = _cli(data, "--open", "1", str(copy))  # the copy, then atelier 1 shown
        assert second.returncode == 0, second.stderr
        said = "passe devant, importe « copie.json » et ouvre « Atelier 1 — Valeurs »"
        assert said in second.stdout
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if json.loads(settings.read_text(encoding="utf-8")).get("last_session") != third:
                break
            time.sleep(0.1)
        else:
            raise AssertionError("the open app never opened atelier 1 after the import")
    finally:
        _stop(app)
