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
