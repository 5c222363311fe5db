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
    # the pistes: those of the Objectifs walls (a Valeurs wall holds atouts, problèmes, values)
    total = sum(n for title, n in counts.items() if "Objectifs" in title)
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


def test_the_valeurs_work_of_ateliers_1_and_2_is_counted_alike_everywhere(
    fabrique, tmp_path: Path
) -> None:
    """`fabrique sessions` counts atelier 1's wall (7 atouts, 7 problèmes, 5 values) and
    atelier 2's (empty), both « ateliers 1 et 2 »; both Markdown reports show the same
    cards, 7 paradoxes and 5 values, as the booklet and README count them, once."""
    lines = [line.split("\t") for line in fabrique("sessions").stdout.splitlines()]
    rows = {int(f[3].split()[1]): f for f in lines}
    assert [rows[n][5] for n in (1, 2, 3, 4, 5)] == [
        "ateliers 1 et 2",
        "ateliers 1 et 2",
        "ateliers 3 et 4",
        "ateliers 3 et 4",
        "",
    ]
    assert (int(rows[1][4]), int(rows[2][4])) == (19, 0)
    both = int(rows[1][4]) + int(rows[2][4])
    for number in (1, 2):
        target = tmp_path / f"atelier{number}.md"
        fabrique("export", str(number), "-f", "md", "-o", str(target))
        text = target.read_text(encoding="utf-8")
        assert "Compte rendu commun des ateliers 1 et 2" in text
        for figure in (f"- **{both}** cartes", "- **7** paradoxes", "- **5** valeurs"):
            assert figure in text, (number, figure)
        assert "- **7** Atouts" in text
        assert "- **7** Problèmes" in text
        assert "- **5** Valeurs proposées" in text
        assert text.count("_Formé sur le mur à partir de") == 7
        assert text.count("_Adoptée par les ateliers 1 et 2 (proposition") == 5
    fabrique("export-series", "acte 1", "-f", "pdf", "-o", str(tmp_path / "livret.pdf"))
    text = flat(pdftotext((tmp_path / "livret.pdf").read_bytes()))
    assert text.count("Ateliers 1 et 2 ensemble : 7 paradoxes · 5 valeurs") == 2
    readme = flat(README.read_text(encoding="utf-8"))
    said = re.search(r"(\d+) atouts, (\d+) problèmes and (\d+) values", readme)
    assert said is not None, "README.md no longer says what atelier 1's wall holds"
    assert sum(int(n) for n in said.groups()) == both
