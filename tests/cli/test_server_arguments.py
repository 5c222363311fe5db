"""`fabrique phones` and `fabrique relay` given a port out of range or a file for a folder:
a French refusal, not « erreur interne »."""

from __future__ import annotations

from pathlib import Path

import pytest

from fabrique_desktop.cli import main


@pytest.mark.parametrize("command", [["phones", "1"], ["relay", "--data", "relais"]])
@pytest.mark.parametrize("port", ["99999", "-1"])
def test_a_port_out_of_range_is_refused_by_the_arguments(
    command: list[str], port: str, tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as refused:
        main(["--data-dir", str(tmp_path / "data"), *command, "--port", port])
    assert refused.value.code == 2
    error = capsys.readouterr().err
    assert f"« {port} » n'est pas un port : de 0 (choisi par le système) à 65535" in error
    assert not (tmp_path / "relais").exists()


def test_a_relay_given_a_file_for_its_folder_says_so(tmp_path: Path, capsys) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("mes notes", encoding="utf-8")
    code = main(["--data-dir", str(tmp_path / "data"), "relay", "--data", str(notes)])
    assert code == 1
    assert "est un fichier : --data attend le dossier" in capsys.readouterr().err
    assert notes.read_text(encoding="utf-8") == "mes notes"
