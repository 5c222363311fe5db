"""``fabrique export --format bundle`` and ``fabrique import`` as a merge, end to end."""

from __future__ import annotations

from db.store import Store
from fabrique_desktop import board
from fabrique_desktop.tables import add_tables

SESSION = "Atelier 1 — Valeurs"


def test_a_note_takers_copy_goes_out_and_comes_back_merged(fabrique, tmp_path) -> None:
    facilitator = tmp_path / "data"
    fabrique("sessions")
    store = Store.open(facilitator / "fabrique.db")
    session_id = next(s for s in fabrique("sessions").stdout.splitlines() if SESSION in s).split(
        "\t"
    )[0]
    store.apply(add_tables(store, session_id, 2))
    store.apply(board.capture(store, session_id, "une idée de l'animatrice"))
    store.close()
    (facilitator / "media").mkdir()

    copy = tmp_path / "table-2.fabrique"
    fabrique("export", SESSION, "--format", "bundle", "--table", "2", "-o", str(copy))
    note_taker = tmp_path / "preneur"
    result = fabrique("import", str(copy), data_dir=note_taker)
    # 2 tables, the facilitator's idea and the demo's 19 cards (atouts, problèmes, values)
    assert "Importé « Atelier 1 — Valeurs » : 22 nouvelles, 0 mise à jour, 0 conflit." in (
        result.stdout
    )

    store = Store.open(note_taker / "fabrique.db")
    for text in ("Nadïa : « un tramway jusqu'à Aubagne »", "des jardins partagés"):
        store.apply(board.capture(store, session_id, text))
    store.close()
    back = tmp_path / "retour.json"
    fabrique("export", session_id, "--format", "json", "-o", str(back), data_dir=note_taker)
    result = fabrique("import", str(back))
    assert "2 nouvelles, 0 mise à jour, 0 conflit." in result.stdout
    result = fabrique("import", str(back))
    assert "0 nouvelle, 0 mise à jour, 0 conflit." in result.stdout
    assert (
        int(
            next(s for s in fabrique("sessions").stdout.splitlines() if SESSION in s).split("\t")[4]
        )
        == 19 + 3
    )


def test_a_copy_for_a_missing_table_is_refused(fabrique, tmp_path) -> None:
    result = fabrique(
        "export",
        SESSION,
        "--format",
        "bundle",
        "--table",
        "9",
        "-o",
        str(tmp_path / "x"),
        check=False,
    )
    assert result.returncode == 1
    assert "n'a pas de table 9" in result.stderr
    assert not (tmp_path / "x").exists()
