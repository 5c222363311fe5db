"""`fabrique restore` given a folder or the current database itself: said as what it is,
nothing replaced, no backup taken."""

from __future__ import annotations

from pathlib import Path

from fabrique_desktop.cli import main


def test_restore_given_a_folder_or_the_database_itself_says_what_it_is(
    tmp_path: Path, capsys
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "sessions"]) == 0
    folder = tmp_path / "dossier é"
    folder.mkdir()
    capsys.readouterr()
    assert main(["--data-dir", str(data), "restore", str(folder)]) == 1
    assert f"« {folder} » est un dossier : donnez le fichier d'une sauvegarde" in (
        capsys.readouterr().err
    )
    backups = sorted((data / "backups").glob("*.db"))
    assert main(["--data-dir", str(data), "restore", str(data / "fabrique.db")]) == 1
    assert "« fabrique.db » est la base actuelle de Fabrique, pas une sauvegarde" in (
        capsys.readouterr().err
    )
    assert sorted((data / "backups").glob("*.db")) == backups  # nothing set aside either
