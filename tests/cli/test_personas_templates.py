"""``export-personas``, ``export-template`` and ``import-template`` run as real commands."""

import json

import pypdf


def test_export_personas_as_pdf(fabrique, tmp_path) -> None:
    target = tmp_path / "cartes.pdf"
    result = fabrique(
        "export-personas", "La Fabrique — Acte 1", "--format", "pdf", "-o", str(target)
    )
    assert "(8 personas, 2 pages)" in result.stdout  # was « 2 page(s) »
    reader = pypdf.PdfReader(target)
    assert len(reader.pages) == 2
    assert "Thảo" in reader.pages[0].extract_text()


def test_export_personas_refusals(fabrique, tmp_path) -> None:
    target = tmp_path / "cartes.docx"
    result = fabrique(
        "export-personas", "La Fabrique — Acte 1", "-f", "docx", "-o", str(target), check=False
    )
    assert result.returncode == 1
    assert "Format inconnu « docx »" in result.stderr
    result = fabrique("export-personas", "Inconnue", "-o", str(target), check=False)
    assert result.returncode == 1
    assert "Aucune série" in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()


def test_template_round_trip_into_another_data_dir(fabrique, tmp_path) -> None:
    first = tmp_path / "modele.json"
    fabrique("export-template", "La Fabrique — Acte 1", "-o", str(first))
    other = tmp_path / "other"
    result = fabrique("import-template", str(first), data_dir=other)
    assert "Série créée : « La Fabrique — Acte 1 (2) » (5 ateliers)" in result.stdout
    series = fabrique("series", data_dir=other).stdout.strip().splitlines()
    assert len(series) == 2
    second = tmp_path / "again.json"
    fabrique("export-template", series[1].split("\t")[0], "-o", str(second), data_dir=other)
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (first, second))
    for document in (a, b):
        document.pop("exported_at")
        document["series"].pop("title")
    assert a == b


def test_broken_foreign_and_newer_templates_are_refused(fabrique, tmp_path) -> None:
    fabrique("series")
    db = tmp_path / "data" / "fabrique.db"
    good = tmp_path / "modele.json"
    fabrique("export-template", "La Fabrique — Acte 1", "-o", str(good))
    document = json.loads(good.read_text(encoding="utf-8"))
    before = db.read_bytes()
    cases = {
        "garbage.json": (b"\x89PNG\r\n", "n'est pas un modèle Fabrique"),
        "bundle.json": (json.dumps({"format": "fabrique-session"}).encode(), "n'est pas un modèle"),
        "newer.json": (
            json.dumps({**document, "format_version": 7}).encode(),
            "version plus récente",
        ),
        "two-columns.json": (
            json.dumps({**document, "columns": document["columns"][:2]}).encode(),
            "de 3 à 6 colonnes",
        ),
    }
    for name, (payload, message) in cases.items():
        path = tmp_path / name
        path.write_bytes(payload)
        result = fabrique("import-template", str(path), check=False)
        assert result.returncode == 1, name
        assert message in result.stderr, (name, result.stderr)
        assert "Traceback" not in result.stderr
    assert len(fabrique("series").stdout.strip().splitlines()) == 1
    assert db.read_bytes() == before
    missing = fabrique("import-template", str(tmp_path / "absent.json"), check=False)
    assert missing.returncode == 1
    assert "Impossible de lire" in missing.stderr
