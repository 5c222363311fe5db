"""The command line on a full disk, a read-only mount and a folder without rights: each named
as what it is, reading and exporting still work, and no traceback is ever printed (not even
by the log handler, which cannot write its file either)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.disk import FullDisk, ReadOnlyFolder

ATELIER = "Atelier 3 — Objectifs et pistes de projet"


def run(
    data: Path, *args: str, prefix: tuple[str, ...] = (), tmp: Path | None = None
) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "FABRIQUE_DATA_DIR"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if tmp is not None:  # where the log goes when the data folder refuses it
        env["TMPDIR"] = str(tmp)
    return subprocess.run(
        [*prefix, sys.executable, "-m", "fabrique_desktop.cli", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def calm(result: subprocess.CompletedProcess) -> bool:
    """Nothing but French sentences on the standard error."""
    return not any(
        word in result.stderr for word in ("Traceback", "Logging error", "OSError", "endommag")
    )


@pytest.fixture
def cards_csv(tmp_path: Path) -> Path:
    path = tmp_path / "idees.csv"
    path.write_text("texte\nUne idée de plus\n", encoding="utf-8")
    return path


def test_disk_full(full_disk: FullDisk, tmp_path: Path, cards_csv: Path) -> None:
    data = full_disk.root / "data"
    assert run(data, "sessions").returncode == 0  # first use: the demo series
    full_disk.fill()

    listed = run(data, "sessions", tmp=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert calm(listed), listed.stderr
    assert ATELIER in listed.stdout

    refused = run(data, "import-cards", ATELIER, str(cards_csv), tmp=tmp_path)
    assert refused.returncode == 1
    assert "Le disque est plein" in refused.stderr
    assert calm(refused), refused.stderr
    assert ".part" not in refused.stderr  # the backup taken first: its folder is named

    report = tmp_path / "rapport.pdf"
    exported = run(data, "export", ATELIER, "-f", "pdf", "-o", str(report), tmp=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert report.stat().st_size > 10_000

    full_disk.free()
    assert run(data, "import-cards", ATELIER, str(cards_csv)).returncode == 0
    assert f"{ATELIER}\t51" in run(data, "sessions").stdout  # 50 ideas and the new one


def test_read_only_mount(read_only_folder: ReadOnlyFolder, tmp_path: Path, cards_csv) -> None:
    assert run(read_only_folder.source / "data", "sessions").returncode == 0
    (read_only_folder.source / "data" / "backups").mkdir(exist_ok=True)  # made on an earlier day
    data = read_only_folder.root / "data"

    listed = run(data, "sessions", tmp=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert calm(listed), listed.stderr
    assert f"{ATELIER}\t50" in listed.stdout

    refused = run(data, "import-cards", ATELIER, str(cards_csv), tmp=tmp_path)
    assert refused.returncode == 1
    assert "lecture seule" in refused.stderr
    assert calm(refused), refused.stderr
    # the backup taken first is refused as what it is: the backups' folder, not « la base
    # de données « ….part » »
    assert f"Sauvegarde impossible dans « {data / 'backups'} » : le support est en lecture" in (
        refused.stderr
    )
    assert ".part" not in refused.stderr

    for kind in ("pdf", "json"):
        target = tmp_path / f"atelier.{kind}"
        exported = run(data, "export", ATELIER, "-f", kind, "-o", str(target), tmp=tmp_path)
        assert exported.returncode == 0, exported.stderr
        assert calm(exported), exported.stderr
    # the copy made from read-only data is complete: another laptop imports its 87 cards
    other = tmp_path / "other"
    imported = run(other, "import", str(tmp_path / "atelier.json"))
    assert imported.returncode == 0, imported.stderr
    assert "87 nouvelles" in imported.stdout
    # `sync` printed a new series key each time, kept nowhere (another town given it
    # could never receive the series); it is refused before any key or network
    for _ in range(2):
        shared = run(data, "sync", "acte 1", "--relay", "ws://127.0.0.1:9/x", tmp=tmp_path)
        assert shared.returncode == 1
        assert shared.stdout == ""
        assert "lecture seule" in shared.stderr
        assert "Rien n'a été partagé" in shared.stderr
        assert calm(shared), shared.stderr
    # the details of what happened went to the temporary folder's log
    logs = list(tmp_path.glob("fabrique-*/fabrique.log"))
    assert logs
    assert "read-only" in logs[0].read_text(encoding="utf-8")


def test_folder_without_write_permission(
    as_nobody: list[str], shared_tmp: Path, cards_csv: Path
) -> None:
    data = shared_tmp / "data"
    assert run(data, "sessions").returncode == 0  # made by the administrator: 0755 / 0644
    if run(data, "--version", prefix=tuple(as_nobody)).returncode != 0:
        pytest.skip("this checkout cannot be run by another user (its folders are private)")
    csv = shared_tmp / "idees.csv"
    csv.write_bytes(cards_csv.read_bytes())
    csv.chmod(0o644)
    nobody_tmp = shared_tmp / "tmp"
    nobody_tmp.mkdir(mode=0o777)
    nobody_tmp.chmod(0o777)

    listed = run(data, "sessions", prefix=tuple(as_nobody), tmp=nobody_tmp)
    assert listed.returncode == 0, listed.stderr
    assert calm(listed), listed.stderr
    assert f"{ATELIER}\t50" in listed.stdout

    refused = run(data, "import-cards", ATELIER, str(csv), prefix=tuple(as_nobody), tmp=nobody_tmp)
    assert refused.returncode == 1
    assert "l'accès est refusé" in refused.stderr
    assert calm(refused), refused.stderr


def test_a_refusal_of_the_disk_no_command_named_is_still_not_a_bug(
    monkeypatch, tmp_path: Path, capsys
) -> None:
    """Exit 1 and the cause in French; exit 70 « erreur interne » stays for real bugs."""
    import errno

    from fabrique_desktop import cli
    from fabrique_desktop.cli import listing

    def refused(args, context):
        raise OSError(errno.EROFS, "Read-only file system", str(tmp_path / "x"))

    monkeypatch.setattr(listing, "sessions", refused)
    assert cli.main(["--data-dir", str(tmp_path / "data"), "sessions"]) == 1
    err = capsys.readouterr().err
    assert "le support est en lecture seule" in err
    assert "erreur interne" not in err

    def bug(args, context):
        raise OSError(errno.EBADF, "Bad file descriptor")

    monkeypatch.setattr(listing, "sessions", bug)
    assert cli.main(["--data-dir", str(tmp_path / "data"), "sessions"]) == cli.EXIT_BUG
    assert "erreur interne" in capsys.readouterr().err
