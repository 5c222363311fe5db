"""`fabrique phones` and `fabrique relay` given a port out of range or a file for a folder:
a French refusal, not « erreur interne »."""

from __future__ import annotations

import socket
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


def _taken_port() -> tuple[socket.socket, int]:
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    return taken, taken.getsockname()[1]


def test_a_port_another_program_holds_is_said_in_french(tmp_path: Path, capsys) -> None:
    """The phones' room and live sharing on a port already taken: « ce port est déjà pris »,
    not the system's English « address already in use »."""
    from fabrique_desktop.live import codes
    from fabrique_desktop.live.events import Inbox
    from fabrique_desktop.live.server import LiveError, LiveServer

    taken, port = _taken_port()
    with taken:
        data = ["--data-dir", str(tmp_path / "data")]
        code = main([*data, "phones", "1", "--address", "127.0.0.1", "--port", str(port)])
        assert code == 1
        error = capsys.readouterr().err
        assert f"(port {port}) : ce port est déjà pris." in error
        assert "in use" not in error
        server = LiveServer(
            Inbox(), host="127.0.0.1", code=codes.new_code(), session_id="s", port=port
        )
        with pytest.raises(LiveError) as refused:
            server.start()
        assert f"(port {port}) : ce port est déjà pris." in str(refused.value)


def test_a_relay_is_not_served_from_a_fabrique_data_folder(tmp_path: Path, capsys) -> None:
    """`fabrique relay --data ~/.local/share/Fabrique` by mistake: the relay's store and token
    do not go beside the ateliers' database (which the app may have open)."""
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "sessions"]) == 0
    before = sorted(p.name for p in data.iterdir())
    capsys.readouterr()
    code = main(["--data-dir", str(tmp_path / "other"), "relay", "--data", str(data)])
    assert code == 1
    assert "est un dossier de données de Fabrique" in capsys.readouterr().err
    assert sorted(p.name for p in data.iterdir()) == before  # no relay.db, no token
