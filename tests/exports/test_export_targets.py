"""Exports never land on the data folder's own files, keep the permissions of the file they
replace, write participants' names 0600; the disk's refusals are told in French."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

import pytest

from exports.safe_write import ExportError, protect, write_bytes
from fabrique_desktop import disk, logs, media, paths


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(paths, "in_use", [])
    folder = tmp_path / "data"
    for name in ("fabrique.db", "fabrique.db-wal", "backups/fabrique-1.db", "media/a.jpg"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(b"precious")
    protect(folder)
    return folder


@pytest.mark.parametrize(
    "name",
    [
        "fabrique.db",
        "fabrique.db-wal",
        "fabrique.db-shm",
        "settings.json",
        "fabrique.lock",
        "backups/fabrique-1.db",
        "media/a.jpg",
        "logs/fabrique.log",
    ],
)
def test_no_export_over_the_data_folder_own_files(data: Path, name: str) -> None:
    with pytest.raises(ExportError, match="dossier de données de Fabrique"):
        write_bytes(data / name, b"csv")
    if (data / name).exists():
        assert (data / name).read_bytes() == b"precious"
    with pytest.raises(ExportError, match="dossier de données"):  # by another road too
        write_bytes(data / "media" / ".." / name, b"csv")


def test_an_export_beside_them_is_written(data: Path) -> None:
    write_bytes(data / "rapport.csv", b"csv")
    assert (data / "rapport.csv").read_bytes() == b"csv"


def test_an_export_keeps_the_permissions_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "copie.json"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_bytes(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    target.chmod(0o640)
    write_bytes(target, b"newer")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_participants_data_is_written_0600(tmp_path: Path) -> None:
    target = tmp_path / "copie.json"
    write_bytes(target, b"{}", private=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    target.chmod(0o644)
    write_bytes(target, b"{}", private=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_folder_as_target_is_refused_in_french(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="est un dossier : donnez un nom de fichier"):
        write_bytes(tmp_path, b"x")


@pytest.mark.parametrize(
    ("code", "french"),
    [
        (errno.EISDIR, "c'est un dossier"),
        (errno.ENAMETOOLONG, "le nom du fichier est trop long"),
        (errno.EEXIST, "un fichier de ce nom existe déjà"),
        (errno.ENOTEMPTY, "le dossier n'est pas vide"),
        (errno.EXDEV, "d'un disque à l'autre"),
    ],
)
def test_the_disk_refusals_are_french(code: int, french: str) -> None:
    said = disk.reason(OSError(code, os.strerror(code)))
    assert french in said
    assert os.strerror(code) not in said


def test_an_unknown_code_never_shows_the_system_english_text() -> None:
    said = disk.reason(OSError(errno.ENOLINK, os.strerror(errno.ENOLINK)))
    assert os.strerror(errno.ENOLINK) not in said
    assert "ENOLINK" in said


def test_a_too_long_name_is_refused_in_french(tmp_path: Path) -> None:
    with pytest.raises(ExportError) as refused:
        write_bytes(tmp_path / ("x" * 300 + ".csv"), b"x")
    assert "File name too long" not in str(refused.value)
    assert "trop long" in str(refused.value)


def test_the_fallback_log_folder_is_private_even_if_planted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    user = logs.private_folder(tmp_path).name  # made here: 0700, ours
    assert stat.S_IMODE((tmp_path / user).stat().st_mode) == 0o700
    (tmp_path / user).rmdir()
    (tmp_path / user).symlink_to(elsewhere)  # planted by another account first
    chosen = logs.private_folder(tmp_path)
    assert chosen.parent == tmp_path
    assert chosen != tmp_path / user
    assert not chosen.is_symlink()
    assert stat.S_IMODE(chosen.stat().st_mode) == 0o700
    (tmp_path / user).unlink()
    (tmp_path / user).mkdir(mode=0o777)
    (tmp_path / user).chmod(0o777)  # others may write in it: not used
    assert logs.private_folder(tmp_path) != tmp_path / user


PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


def test_a_planted_part_link_is_not_followed(tmp_path: Path) -> None:
    folder = tmp_path / "media"
    folder.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"not yours")
    import hashlib

    name = f"logo-{hashlib.sha256(PNG).hexdigest()[:24]}.png"
    (folder / f"{name}.part").symlink_to(outside)
    kept = media.keep_image(folder, PNG, prefix="logo", what="Le logo", limit=10_000)
    assert outside.read_bytes() == b"not yours"
    assert (folder / kept).read_bytes() == PNG
    assert not (folder / kept).is_symlink()
