"""CSV, Markdown and Decidim exports: structure, encodings, round trip through the import;
the series synthesis; safe writing when the folder cannot be written."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import timedelta

import pypdf
import pytest

from exports.csv_export import HEADER, JOINT, session_csv, write_session_csv
from exports.decidim import TITLE_MAX, body_of, decidim_csv, title_of
from exports.markdown import session_markdown
from exports.safe_write import ExportError
from exports.series_report import build_series_pdf
from fabrique_desktop.csv_import import parse
from fabrique_desktop.model import Persona, Table
from fabrique_desktop.report import gather_series, gather_session
from fabrique_desktop.template import builtin_template
from fabrique_desktop.typography import typeset, vivre_name
from tests.exports.report_fixtures import ARABIC, START, TYPOGRAPHY, as_printed, enrich


@pytest.fixture
def full(store, demo_session, data_dir):
    enrich(store, demo_session, data_dir.media)
    return gather_session(
        store, demo_session, media_dir=data_dir.media, now=START + timedelta(hours=3)
    )


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_has_bom_header_and_one_line_per_idea(full, delimiter: str) -> None:
    data = session_csv(full, delimiter)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))
    assert tuple(rows[0]) == (*HEADER, *JOINT)  # the demo's pistes: « ateliers 3 et 4 »
    assert len(rows) == 1 + len(full.cards)
    typo = next(r for r in rows if r[0].startswith("Typographie"))
    assert TYPOGRAPHY in typo[0]
    assert typo[1:-1] == [
        "Vivre Mieux",
        ARABIC,
        "2024",
        "#Santé",
        "Table 1",
        "3",
        "Piste de projet",
        "ateliers 3 et 4",
    ]


def test_csv_export_imports_back_into_the_same_columns(full, store) -> None:
    session = full.session
    personas = store.find(Persona, series_id=session.series_id)
    tables = store.find(Table, session_id=session.id)
    parsed = parse(session_csv(full, ";"), builtin_template(), personas, tables)
    assert [r.text for r in parsed.rows] == [i.text for i in full.cards]
    assert [r.column for r in parsed.rows] == [i.column for i in full.cards]
    assert [r.horizon for r in parsed.rows] == [i.horizon for i in full.cards]
    assert [r.card_kind for r in parsed.rows] == [i.kind for i in full.cards]


def test_markdown_structure(full) -> None:
    text = session_markdown(full)
    lines = text.splitlines()
    assert lines[0] == "# Atelier 3 — Objectifs et pistes de projet"
    headings = [line for line in lines if line.startswith("## ")]
    assert headings[:3] == ["## Chiffres clés", "## Déroulé de l’atelier", "## Personas présents"]
    assert f"## Vivre Mieux ({len(full.columns[0].ideas)})" in headings
    assert "## Les engagements" in headings
    bullets = [line for line in lines if line.startswith("- ") and "horizon" in line]
    assert len(bullets) >= sum(1 for i in full.cards if i.horizon)
    assert "\\#Santé" in text  # themes do not turn into headings
    assert f"**{typeset('Comment ?')}**" in text  # « Comment\u202f? »


def test_decidim_columns_and_titles(full) -> None:
    rows = list(csv.DictReader(io.StringIO(decidim_csv(full).decode("utf-8")), delimiter=";"))
    assert list(rows[0]) == ["title/fr", "body/fr", "category/id", "category/name/fr"]
    assert len(rows) == len(full.ideas)
    typo = next(r for r in rows if r["title/fr"].startswith("Typographie"))
    assert typo["category/name/fr"] == "Vivre Mieux"
    assert "Votes en atelier\u00a0: 3." in typo["body/fr"]
    assert "Issue des ateliers 3 et 4 (La Fabrique — Acte 1)." in typo["body/fr"]
    own = next(i for i in full.ideas if i.text.startswith("Typographie"))
    own = dataclasses.replace(own, ateliers=())  # an atelier's own piste: its title and date
    assert "Issue de l’atelier «\u202fAtelier 3" in body_of(own, full)
    assert "9 mai 2017" in body_of(own, full)
    long = "mot " * 100
    assert len(title_of(long)) <= TITLE_MAX
    assert title_of(long).endswith("…")


def test_series_synthesis_has_the_four_vivre_by_horizon_and_the_engagements(store, demo) -> None:
    report = gather_series(store, demo)
    assert report.idea_count == 50
    assert report.engagements_from_template
    assert len(report.engagements) == 12
    out = io.BytesIO()
    build_series_pdf(report, out)
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for column in report.columns:
        assert f"{vivre_name(column.column.title)} : {column.count} pistes de projet" in text
        for horizon in column.horizons:
            for theme in horizon.themes:
                for idea in theme.ideas:
                    assert as_printed(idea.text) in text
    for heading in (
        "Les étapes de la démarche",
        "Des atouts à la hauteur des défis",
        "Des valeurs qui nous engagent",
        "Futur engagé : premières réalisations",
        "Horizon 2040",
        "Comment ?",
    ):
        assert heading in text
    for engagement in report.engagements:
        assert " ".join(engagement.title.split()) in text
    assert "50 pistes de projet" in text
    assert "12 engagements" in text


def test_series_uses_its_own_engagements_when_it_has_some(store, demo, demo_session, data_dir):
    enrich(store, demo_session, data_dir.media)
    report = gather_series(store, demo)
    assert not report.engagements_from_template
    assert [e.title for e in report.engagements] == ["Soigner la ville et ses habitants"]
    assert report.columns[0].dream == "En 2040, on respire."
    assert report.columns[3].quotes[0].author == ARABIC


def test_a_folder_that_does_not_exist_or_is_a_file_gives_a_french_message(full, tmp_path):
    with pytest.raises(ExportError, match="n'existe pas"):
        write_session_csv(full, tmp_path / "absent" / "idees.csv")
    blocker = tmp_path / "fichier"
    blocker.write_text("x")
    with pytest.raises(ExportError) as error:
        write_session_csv(full, blocker / "idees.csv")
    assert "Traceback" not in str(error.value)
    assert not (blocker / "idees.csv").exists()
