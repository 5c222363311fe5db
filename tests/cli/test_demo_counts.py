"""The demo's counts agree across ``fabrique sessions``, the series booklet and README.md
(issue 26: they said 103, 78 and 97)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.exports.pdf_text import flat, pdftotext

README = Path(__file__).resolve().parents[2] / "README.md"


def test_sessions_booklet_and_readme_count_the_same_pistes(fabrique, tmp_path: Path) -> None:
    lines = fabrique("sessions").stdout.splitlines()
    counts = {line.split("\t")[3]: int(line.split("\t")[4]) for line in lines}
    assert counts["Atelier 3 — Objectifs et pistes de projet"] == 50
    total = sum(counts.values())
    fabrique("export-series", "acte 1", "-f", "pdf", "-o", str(tmp_path / "livret.pdf"))
    text = flat(pdftotext((tmp_path / "livret.pdf").read_bytes()))
    assert f"Pistes de projet {total} pistes de projet" in text  # the cover
    assert f"{total} pistes de projet, à l’horizon 2040" in text  # under the chart
    readme = README.read_text(encoding="utf-8")
    said = re.search(r"(\d+) pistes de projet and (\d+) « Futur engagé »", flat(readme))
    assert said is not None, "README.md no longer says what the demo holds"
    assert int(said.group(1)) == total


def test_the_joint_reports_count_the_pistes_of_both_walls_once(fabrique, tmp_path: Path) -> None:
    """`fabrique sessions` counts each wall (atelier 3: 50, atelier 4: 0); each of their
    reports shows the joint pistes of both walls, the same number, credited to both."""
    lines = fabrique("sessions").stdout.splitlines()
    counts = {int(line.split("\t")[3].split()[1]): int(line.split("\t")[4]) for line in lines}
    both = counts[3] + counts[4]
    for number in (3, 4):
        target = tmp_path / f"atelier{number}.md"
        fabrique("export", str(number), "-f", "md", "-o", str(target))
        text = target.read_text(encoding="utf-8")
        assert f"- **{both}** idées" in text
        assert "Compte rendu commun des ateliers 3 et 4" in text
