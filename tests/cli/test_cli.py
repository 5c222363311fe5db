import json
import re
import subprocess
import sys
from pathlib import Path

from fabrique_desktop.cli import build_parser

README = Path(__file__).resolve().parents[2] / "README.md"


def test_first_use_creates_the_series_and_its_five_ateliers(fabrique) -> None:
    series = fabrique("series").stdout.strip().splitlines()
    assert len(series) == 1
    assert "La Fabrique — Acte 1" in series[0]
    sessions = fabrique("sessions").stdout.strip().splitlines()
    assert len(sessions) == 5
    fields = [line.split("\t") for line in sessions]
    assert all(re.fullmatch(r"[0-9a-f-]{36}", f[0]) for f in fields)
    assert [f[2] for f in fields] == [
        "2017-04-03",
        "2017-04-13",
        "2017-05-09",
        "2017-05-11",
        "2017-11-29",
    ]
    assert int(fields[2][4]) >= 40  # the seed's project ideas in atelier 3 (no OCR debris)


def test_export_import_round_trip_into_an_empty_data_dir(fabrique, tmp_path) -> None:
    session_id = fabrique("sessions").stdout.splitlines()[2].split("\t")[0]
    first = tmp_path / "a.json"
    fabrique("export", session_id, "--format", "json", "-o", str(first))
    other = tmp_path / "other"
    result = fabrique("import", str(first), data_dir=other)
    assert "Importé" in result.stdout
    counts = [
        line.split("\t")[2] for line in fabrique("series", data_dir=other).stdout.splitlines()
    ]
    assert "1 atelier" in counts  # the copy's series, one atelier here (« 1 ateliers » before)
    second = tmp_path / "b.json"
    fabrique("export", session_id, "--format", "json", "-o", str(second), data_dir=other)
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (first, second))
    for document in (a, b):
        document.pop("exported_at")
    assert a == b


def test_export_by_exact_title(fabrique, tmp_path) -> None:
    target = tmp_path / "s.json"
    fabrique("export", "Atelier 5 — Convergence", "-o", str(target))
    assert (
        json.loads(target.read_text(encoding="utf-8"))["session"]["title"]
        == "Atelier 5 — Convergence"
    )


def test_garbage_and_newer_bundles_are_refused_without_traceback(fabrique, tmp_path) -> None:
    fabrique("sessions")
    db = tmp_path / "data" / "fabrique.db"
    before = db.read_bytes()
    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(b"\x89PNG\r\n not json at all")
    result = fabrique("import", str(garbage), check=False)
    assert result.returncode != 0
    assert "n'est pas un atelier Fabrique" in result.stderr
    assert "Traceback" not in result.stderr
    newer = tmp_path / "newer.json"
    newer.write_text(
        json.dumps({"format": "fabrique-session", "format_version": 999}), encoding="utf-8"
    )
    result = fabrique("import", str(newer), check=False)
    assert result.returncode != 0
    assert "plus récente" in result.stderr
    assert db.read_bytes() == before


def test_unknown_format_and_unknown_session_are_refused(fabrique, tmp_path) -> None:
    result = fabrique(
        "export",
        "Atelier 5 — Convergence",
        "--format",
        "docx",
        "-o",
        str(tmp_path / "x"),
        check=False,
    )
    assert result.returncode != 0
    assert "Format inconnu" in result.stderr
    result = fabrique("export", "Pas un atelier", "-o", str(tmp_path / "x"), check=False)
    assert result.returncode != 0
    assert "Aucun atelier" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_foreign_database_is_refused_clearly(fabrique, tmp_path) -> None:
    data = tmp_path / "foreign"
    data.mkdir()
    (data / "fabrique.db").write_text("pas une base", encoding="utf-8")
    result = fabrique("sessions", data_dir=data, check=False)
    assert result.returncode != 0
    assert "n'est pas une base de données Fabrique" in result.stderr
    assert (data / "fabrique.db").read_text(encoding="utf-8") == "pas une base"


def test_data_dir_from_the_environment(tmp_path) -> None:
    import os

    env = {
        **os.environ,
        "FABRIQUE_DATA_DIR": str(tmp_path / "env-data"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    subprocess.run(
        [sys.executable, "-m", "fabrique_desktop.cli", "sessions"],
        env=env,
        check=True,
        capture_output=True,
    )
    assert (tmp_path / "env-data" / "fabrique.db").exists()


def test_headless_commands_do_not_import_qt(tmp_path) -> None:
    code = (
        "import sys; from fabrique_desktop.cli import main; "
        f"main(['--data-dir', {str(tmp_path)!r}, 'sessions']); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_version_and_help(fabrique) -> None:
    assert fabrique("--version").stdout.startswith("fabrique ")
    assert "commandes" in fabrique("--help").stdout


def test_every_command_is_documented_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    missing = [name for name in commands if f"fabrique {name}" not in readme]
    assert not missing, f"commands missing from README.md: {missing}"


def test_a_listing_whose_reader_stops_early_ends_quietly(tmp_path) -> None:
    """`fabrique sessions | head -1`: the reader closes the pipe; no « erreur interne »."""
    data = tmp_path / "data"
    command = [sys.executable, "-m", "fabrique_desktop.cli", "--data-dir", str(data)]
    subprocess.run([*command, "sessions"], capture_output=True, check=True, timeout=60)
    listing = subprocess.Popen(
        [*command, "sessions"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert listing.stdout is not None
    listing.stdout.close()  # the reader went away before a line was printed
    _, stderr = listing.communicate(timeout=60)
    assert stderr.decode("utf-8") == ""
    assert listing.returncode == 141
    log = data / "logs" / "fabrique.log"
    assert not log.exists() or "unexpected error" not in log.read_text(encoding="utf-8")


def test_an_empty_data_dir_is_refused_not_taken_for_the_users_folder(tmp_path) -> None:
    """`fabrique --data-dir "$DOSSIER" import …` with the variable unset: the user's own data
    folder (or $FABRIQUE_DATA_DIR's) is neither opened nor written."""
    import os

    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    env["FABRIQUE_DATA_DIR"] = str(tmp_path / "env-data")
    result = subprocess.run(
        [sys.executable, "-m", "fabrique_desktop.cli", "--data-dir", "", "sessions"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert "--data-dir est vide" in result.stderr
    assert result.stdout == ""
    assert not (tmp_path / "env-data").exists()
    assert not home.exists()


def test_a_folder_whose_series_were_all_deleted_says_the_way_out(fabrique, tmp_path) -> None:
    """Every series deleted (a backup of such a state put back, another laptop's copy): the
    app has nothing to open; it says how to get ateliers back instead of « Aucun atelier à
    ouvrir. » alone (the window cannot open to offer its menus)."""
    from db.store import Store
    from fabrique_desktop import workspace
    from fabrique_desktop.model import Series

    fabrique("sessions")
    store = Store.open(tmp_path / "data" / "fabrique.db")
    try:
        for series in list(store.find(Series)):
            store.apply(workspace.delete_series(store, series))
    finally:
        store.close()
    result = fabrique(check=False)
    assert result.returncode == 1
    assert "Aucun atelier à ouvrir" in result.stderr
    for way_out in ("fabrique backups", "fabrique restore", "fabrique import FICHIER"):
        assert way_out in result.stderr
    assert "Traceback" not in result.stderr
