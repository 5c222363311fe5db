"""`fabrique export … -o DATA/fabrique.db` is refused and the folder still opens; copies that
carry participants' names are written for their owner only."""

from __future__ import annotations

import stat


def test_an_export_over_the_database_is_refused(fabrique, tmp_path) -> None:
    fabrique("sessions")
    data = tmp_path / "data"
    before = (data / "fabrique.db").read_bytes()
    for target in (data / "fabrique.db", data / "fabrique.db-wal", data / "backups" / "x.db"):
        result = fabrique("export", "3", "--format", "csv", "-o", str(target), check=False)
        assert result.returncode == 1, result.stderr
        assert "dossier de données de Fabrique" in result.stderr
    assert (data / "fabrique.db").read_bytes() == before
    assert len(fabrique("sessions").stdout.splitlines()) == 5  # the folder is not refused


def test_a_copy_for_a_note_taker_is_private(fabrique, tmp_path) -> None:
    target = tmp_path / "copie.fabrique"
    fabrique("export", "3", "--format", "bundle", "-o", str(target))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    report = tmp_path / "rapport.md"
    fabrique("export", "3", "--format", "md", "-o", str(report))
    assert stat.S_IMODE(report.stat().st_mode) & 0o044  # a report is a normal file


def test_an_export_never_replaces_a_users_own_file_of_another_kind(fabrique, tmp_path) -> None:
    """`-o notes.txt` or `-o photo.jpg` by mistake: the user's document is kept; an earlier
    export of the same kind, or an empty file, is replaced."""
    notes = tmp_path / "notes é œ 'q\".txt"
    notes.write_text("Mes notes de la réunion\n", encoding="utf-8")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a photo")
    settings = tmp_path / "package.json"  # another program's JSON
    settings.write_text('{"name": "mon-site", "version": "1.0.0"}\n', encoding="utf-8")
    commands = [
        ("export", "3", "--format", "pdf"),
        ("export", "3", "--format", "csv"),
        ("export", "3", "--format", "md"),
        ("export", "3", "--format", "html"),
        ("export", "3", "--format", "decidim"),
        ("export", "3", "--format", "json"),
        ("export", "3", "--format", "bundle"),
        ("export-series", "acte 1", "--format", "pdf"),
        ("export-personas", "acte 1"),
        ("export-template", "acte 1"),
    ]
    for command in commands:
        for target in (notes, photo):
            result = fabrique(*command, "-o", str(target), check=False)
            assert result.returncode == 1, (command, result.stdout)
            assert f"« {target.name} » existe déjà" in result.stderr
            assert "Traceback" not in result.stderr
    for command in (("export", "3", "--format", "json"), ("export-template", "acte 1")):
        result = fabrique(*command, "-o", str(settings), check=False)
        assert result.returncode == 1, (command, result.stdout)
        assert "« package.json » existe déjà" in result.stderr
    assert settings.read_text(encoding="utf-8") == '{"name": "mon-site", "version": "1.0.0"}\n'
    copy, template = tmp_path / "copie.json", tmp_path / "modele.json"
    for _ in range(2):  # the second time over the first: replaced
        fabrique("export", "3", "--format", "json", "-o", str(copy))
        fabrique("export-template", "acte 1", "-o", str(template))
    assert notes.read_text(encoding="utf-8") == "Mes notes de la réunion\n"
    assert photo.read_bytes() == b"\xff\xd8\xff\xe0 a photo"
    report = tmp_path / "rapport.md"
    fabrique("export", "3", "--format", "md", "-o", str(report))
    report.write_text(report.read_text(encoding="utf-8") + "ancien\n", encoding="utf-8")
    fabrique("export", "3", "--format", "md", "--lang", "en", "-o", str(report))
    assert "ancien" not in report.read_text(encoding="utf-8")  # an earlier export: replaced
    empty = tmp_path / "vide.pdf"
    empty.touch()
    fabrique("export", "3", "--format", "pdf", "-o", str(empty))
    assert empty.read_bytes().startswith(b"%PDF-")
