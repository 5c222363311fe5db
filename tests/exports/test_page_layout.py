"""The reports laid out as a designed booklet: sections flow (short ones share a page), no
page more than half empty but the last, one orientation throughout, and a small atelier's
report in two or three pages. Pages are rendered with pdftoppm and measured
(``page_space``)."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from exports.series_report import write_series_pdf
from exports.session_report import write_session_pdf
from fabrique_desktop import changes
from fabrique_desktop.board import capture
from fabrique_desktop.changes import Change
from fabrique_desktop.model import Session
from fabrique_desktop.report import gather_series, gather_session
from fabrique_desktop.workspace import list_sessions
from tests.exports.page_space import blank_fractions

FIVE = (
    ("Des bancs à l'ombre sur le cours", "mieux"),
    ("Un festival des deux rives", "monde"),
    ("La maison des associations ouverte le soir", "ensemble"),
    ("Replanter les restanques", "art"),
    ("Un bus de nuit le samedi", "mieux"),
)


def _half_empty(pdf: Path) -> list[tuple[int, float]]:
    """Pages (numbered from 1) more than half empty, the last page excepted."""
    fractions = blank_fractions(pdf)
    return [(n, round(f, 2)) for n, f in enumerate(fractions[:-1], 1) if f > 0.5]


def _orientations(pdf: Path) -> set[tuple[float, float]]:
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    return {(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages}


@pytest.mark.slow
def test_a_five_idea_atelier_is_reported_in_two_or_three_pages(store, demo, tmp_path) -> None:
    session = Session(
        series_id=demo.id,
        number=6,
        title="Atelier 6 — Quartiers",
        date="2017-06-01",
        phase="objectifs",
        place="Aubagne",
    )
    store.apply(Change("sessions", (changes.create(session),)))
    for text, column in FIVE:
        store.apply(capture(store, session.id, text, column))
    target = tmp_path / "cinq.pdf"
    write_session_pdf(gather_session(store, session), target)
    assert 2 <= len(pypdf.PdfReader(str(target)).pages) <= 3
    assert _half_empty(target) == []


@pytest.mark.slow
def test_the_demo_reports_leave_no_page_half_empty_and_stay_portrait(store, demo, tmp_path) -> None:
    booklet = tmp_path / "serie.pdf"
    write_series_pdf(gather_series(store, demo), booklet)
    atelier = next(s for s in list_sessions(store, demo.id) if s.number == 3)
    report = tmp_path / "atelier3.pdf"
    write_session_pdf(gather_session(store, atelier), report)
    for pdf in (booklet, report):
        assert _half_empty(pdf) == [], pdf.name
        assert len(_orientations(pdf)) == 1, pdf.name


def test_the_booklet_ends_on_a_back_cover_with_its_colophon(store, demo, tmp_path) -> None:
    booklet = tmp_path / "serie.pdf"
    write_series_pdf(gather_series(store, demo), booklet)
    last = pypdf.PdfReader(str(booklet)).pages[-1].extract_text()
    assert "La Fabrique — Acte 1" in last
    assert "Publié par Métropole Aix-Marseille-Provence." in " ".join(last.split())
    assert "du 3 avril 2017 au 29 novembre 2017" in " ".join(last.split())


@pytest.mark.slow
def test_a_large_vivre_reads_by_theme_then_horizon_with_counts(store, session, tmp_path) -> None:
    for n in range(30):
        theme, horizon = ("#Mobilité", "2040") if n % 3 else ("#Énergie", "2024")
        store.apply(
            capture(store, session.id, f"Piste {n}", "mieux", horizon=horizon, tags=[theme])
        )
    target = tmp_path / "grand.pdf"
    write_session_pdf(gather_session(store, session), target)
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(target)).pages).split())
    assert text.index("Mobilité (20 idées)") < text.index("Énergie (10 idées)")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_part_opens_with_its_first_section_and_a_chart_keeps_its_sentence(
    store, demo, tmp_path, lang
) -> None:
    """Read page by page (#27): « 1. Ce que nous sommes » stood alone at the foot of the
    participants' page, its first section on the next; the sentence reading the ideas chart
    was alone at the top of the page after the chart."""
    from fabrique_desktop.report_words import tr
    from fabrique_desktop.typography import language

    booklet = tmp_path / "serie.pdf"
    with language(lang):
        report = gather_series(store, demo)
        write_series_pdf(report, booklet)
        last_competence = str(report.competences[-1]["title"]).split()[0]
        together = [
            # the list of compétences whole (its last row stood alone atop the next page)
            (tr("Les compétences métropolitaines"), last_competence),
            (f"1. {tr('Ce que nous sommes')}", tr("Des atouts à la hauteur des défis")),
            (f"2. {tr('Où nous allons')}", tr("Apprendre des métropoles qui réussissent")),
            (f"3. {tr('Comment y parvenir')}", tr("Les habitants fictifs")),
            (
                tr("Les pistes de projet par Vivre et par horizon"),
                tr("{told}, point de départ des pistes.", told="").lstrip(", "),
            ),
        ]
    pages = [
        " ".join(p.extract_text().replace("’", "'").split())
        for p in pypdf.PdfReader(str(booklet)).pages
    ]
    for first, second in together:
        first, second = first.replace("’", "'"), second.replace("’", "'")
        holding = [n for n, text in enumerate(pages) if first in text and ". . . ." not in text]
        assert holding, first
        assert second in pages[holding[0]], (first, second)


@pytest.mark.slow
def test_the_short_reports_of_the_demo_fill_their_pages(store, demo, tmp_path) -> None:
    """Read page by page (#27): atelier 1's report kept each paradox whole, left a quarter of
    each page empty and its last value alone on a fifth page (92 % empty); atelier 4's had a
    « Sommaire » of one line above a « Chiffres clés » with no figure. Atelier 4's report now
    shows the joint pistes of ateliers 3 et 4: its pages are atelier 3's."""
    sessions = {s.number: s for s in list_sessions(store, demo.id)}
    one, three = tmp_path / "atelier1.pdf", tmp_path / "atelier3.pdf"
    four = tmp_path / "atelier4.pdf"
    write_session_pdf(gather_session(store, sessions[1]), one)
    write_session_pdf(gather_session(store, sessions[3]), three)
    write_session_pdf(gather_session(store, sessions[4]), four)
    # the paradoxes and values, then the cards of atelier 1's wall they come from (#26)
    assert len(pypdf.PdfReader(str(one)).pages) == 6
    assert max(blank_fractions(one)[1:]) < 0.5  # the cover aside, the last page too
    pages = [p.extract_text() for p in pypdf.PdfReader(str(four)).pages]
    assert len(pages) == len(pypdf.PdfReader(str(three)).pages)
    assert "Sommaire" in pages[1]
    assert "Chiffres clés" in pages[1]


def test_the_back_cover_bears_the_publishers_mark_and_no_running_header(
    store, demo, tmp_path
) -> None:
    """Read page by page (#27): the back cover carried the running header and a page number,
    and without a logo nothing said who publishes it but the colophon's small print."""
    booklet = tmp_path / "serie.pdf"
    write_series_pdf(gather_series(store, demo), booklet)
    reader = pypdf.PdfReader(str(booklet))
    lines = [line.strip() for line in reader.pages[-1].extract_text().splitlines() if line.strip()]
    assert lines[0] == "Métropole Aix-Marseille-Provence"  # the mark, first on the page
    assert "synthèse des ateliers" not in " ".join(lines)  # no running header
    assert str(len(reader.pages)) not in lines  # no page number
