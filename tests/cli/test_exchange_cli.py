"""The export and import commands on real content, in a subprocess."""

from __future__ import annotations

import csv
import io
import stat
import subprocess
import sys

import pypdf

ATELIER = "Atelier 3 — Objectifs et pistes de projet"


def test_export_every_format_of_the_demo_atelier(fabrique, tmp_path) -> None:
    for fmt, name in (
        ("pdf", "rapport.pdf"),
        ("csv", "idees.csv"),
        ("md", "rapport.md"),
        ("decidim", "decidim.csv"),
        ("json", "atelier.json"),
        ("png", "tableau.png"),
    ):
        target = tmp_path / name
        result = fabrique("export", ATELIER, "--format", fmt, "-o", str(target))
        assert "Exporté" in result.stdout
        assert target.stat().st_size > 200, fmt
        mode = stat.S_IMODE(target.stat().st_mode)
        if fmt == "json":  # a copy carries participants' names: its owner's only
            assert mode == 0o600
        else:
            assert mode & 0o044, "readable by others, like any file"
    assert (tmp_path / "rapport.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "tableau.png").read_bytes().startswith(b"\x89PNG")
    text = (tmp_path / "rapport.md").read_text(encoding="utf-8")
    assert text.startswith(f"# {ATELIER}")
    rows = list(csv.reader(io.StringIO((tmp_path / "idees.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 88


def test_csv_with_semicolons_for_french_spreadsheets(fabrique, tmp_path) -> None:
    target = tmp_path / "idees.csv"
    fabrique("export", ATELIER, "--format", "csv", "--delimiter", ";", "-o", str(target))
    header = target.read_bytes().decode("utf-8-sig").splitlines()[0]
    assert header == "texte;colonne;persona;horizon;thèmes;table;votes;nature;ateliers;id"


def test_export_series_pdf(fabrique, tmp_path) -> None:
    target = tmp_path / "synthese.pdf"
    fabrique("export-series", "La Fabrique — Acte 1", "--format", "pdf", "-o", str(target))
    reader = pypdf.PdfReader(target)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "SYNTHÈSE DES ATELIERS" in text
    assert "50" in text
    assert "12" in text


def test_import_cards_then_refusal_leaves_nothing(fabrique, tmp_path) -> None:
    good = tmp_path / "bonnes.csv"
    good.write_bytes(
        "texte;colonne;horizon;thèmes\r\n« La mer » à deux pas;atouts;2024;Mobilité\r\n"
        "Un marché de nuit;;;\r\n".encode("cp1252")
    )
    result = fabrique("import-cards", "Atelier 1 — Valeurs", str(good))
    assert "Importé 2 idées" in result.stdout
    assert "Atouts : 1" in result.stdout  # a Valeurs atelier's columns
    counts = {
        line.split("\t")[3]: line.split("\t")[4]
        for line in fabrique("sessions").stdout.splitlines()
    }
    assert counts["Atelier 1 — Valeurs"] == "21"  # the demo's 19 and these 2
    bad = tmp_path / "mauvaises.csv"
    bad.write_text("texte,colonne\nA,problèmes\nB,Vivre Mieux\n", encoding="utf-8")
    result = fabrique("import-cards", "Atelier 1 — Valeurs", str(bad), check=False)
    assert result.returncode == 1
    assert "Ligne 3" in result.stderr
    assert "Vivre Mieux" in result.stderr  # not a column of a Valeurs atelier
    assert "Traceback" not in result.stderr
    counts = {
        line.split("\t")[3]: line.split("\t")[4]
        for line in fabrique("sessions").stdout.splitlines()
    }
    assert counts["Atelier 1 — Valeurs"] == "21"  # the demo's 19 and these 2


def test_export_into_a_missing_folder_is_a_french_message(fabrique, tmp_path) -> None:
    result = fabrique(
        "export",
        ATELIER,
        "--format",
        "pdf",
        "-o",
        str(tmp_path / "nulle" / "part.pdf"),
        check=False,
    )
    assert result.returncode == 1
    assert "n'existe pas" in result.stderr
    assert "Traceback" not in result.stderr


def test_headless_exports_do_not_import_qt(tmp_path) -> None:
    code = (
        "import sys\n"
        "from fabrique_desktop.cli import main\n"
        f"main(['--data-dir', {str(tmp_path / 'd')!r}, 'export', {ATELIER!r}, '--format', 'pdf',"
        f" '-o', {str(tmp_path / 'r.pdf')!r}])\n"
        f"main(['--data-dir', {str(tmp_path / 'd')!r}, 'export', {ATELIER!r}, '--format', 'csv',"
        f" '-o', {str(tmp_path / 'r.csv')!r}])\n"
        "print('PySide6' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "False"


def _idea_counts(fabrique) -> dict[str, str]:
    rows = [line.split("\t") for line in fabrique("sessions").stdout.splitlines()]
    return {row[3]: row[4] for row in rows}


def test_the_cli_writes_both_editions(fabrique, tmp_path) -> None:
    atelier, series = tmp_path / "atelier.html", tmp_path / "serie.html"
    fabrique("export", "3", "--format", "html", "-o", str(atelier))
    fabrique("export-series", "Acte 1", "--format", "html", "-o", str(series))
    for page in (atelier.read_text(encoding="utf-8"), series.read_text(encoding="utf-8")):
        assert page.startswith("<!DOCTYPE html>")
        assert '<html lang="fr">' in page


def test_exports_take_the_interface_language_unless_told(fabrique, tmp_path) -> None:
    fabrique("sessions")
    (tmp_path / "data" / "settings.json").write_text('{"language": "en"}', encoding="utf-8")
    default, french = tmp_path / "default.html", tmp_path / "fr.html"
    fabrique("export", "3", "--format", "html", "-o", str(default))
    fabrique("export", "3", "--format", "html", "--lang", "fr", "-o", str(french))
    assert '<html lang="en">' in default.read_text(encoding="utf-8")
    assert '<html lang="fr">' in french.read_text(encoding="utf-8")


def test_a_joint_ateliers_csv_imported_back_adds_none_of_its_pistes_twice(
    fabrique, tmp_path
) -> None:
    """Atelier 3's CSV (ateliers 3 et 4: ``ateliers`` and ``id`` columns) imported into
    atelier 4 or back into atelier 3: its cards are there already, none is added."""
    target = tmp_path / "idees.csv"
    fabrique("export", ATELIER, "--format", "csv", "-o", str(target))

    def counts() -> dict[str, str]:
        rows = [line.split("\t") for line in fabrique("sessions").stdout.splitlines()]
        return {row[3]: row[4] for row in rows}

    before = counts()
    for atelier in ("Atelier 4 — Objectifs et pistes de projet", ATELIER):
        result = fabrique("import-cards", atelier, str(target))
        assert "Aucune idée ajoutée" in result.stdout
        assert "87 déjà présentes, non ajoutées" in result.stdout
    assert counts() == before
    with target.open("a", encoding="utf-8") as out:
        out.write("Une idée de plus,Vivre Monde,,,,,,,,\n")
    result = fabrique("import-cards", ATELIER, str(target))
    assert "Importé 1 idée dans" in result.stdout
    assert "; 87 déjà présentes, non ajoutées." in result.stdout
