"""The demo's reports and booklet, read back with pdftotext (issue 26): no OCR debris is an
idea anywhere, the pistes are credited to « ateliers 3 et 4 » and never to one of them, the
2024 horizon is shown, and the counts agree with ``fabrique sessions``."""

from __future__ import annotations

import io

from exports.decidim import decidim_csv
from exports.markdown import session_markdown
from exports.series_report import build_series_pdf
from exports.session_report import build_session_pdf
from fabrique_desktop.demo_update import OCR_DEBRIS
from fabrique_desktop.report import gather_series, gather_session
from fabrique_desktop.workspace import list_sessions
from tests.exports.pdf_text import flat, pdftotext, printed


def _pdf(build, report) -> bytes:
    out = io.BytesIO()
    build(report, out)
    return out.getvalue()


def test_the_booklet_credits_ateliers_3_and_4_together_and_shows_2024(store, demo) -> None:
    report = gather_series(store, demo)
    text = flat(pdftotext(_pdf(build_series_pdf, report)))
    for debris in OCR_DEBRIS:
        assert debris not in text
    assert "Pistes à classer" not in text
    # on the rows of atelier 3 and 4 (the cell wraps before « réalisations engagées »)
    assert text.count("Ateliers 3 et 4 ensemble : 50 pistes de projet · 37") == 2
    assert "78 pistes" not in text
    assert "25 réalisations" not in text
    assert "Ces pistes viennent des ateliers 3 et 4" in text
    assert (
        printed("Horizon 2024 — Futur engagé : premières réalisations pour « Vivre mieux »") in text
    )
    assert "Horizon 2024 : 37 réalisations déjà engagées" in text
    assert "50 pistes de projet, à l’horizon 2040." in text
    layout = pdftotext(_pdf(build_series_pdf, report), layout=True)
    timeline = layout[layout.index("Les étapes de la démarche") :]
    timeline = timeline[: timeline.index("N°")]
    assert "Ateliers 3 et 4" in timeline
    assert "50 pistes" in timeline
    assert "37 réalisations" in timeline


def test_the_reports_of_ateliers_3_and_4_say_both(store, demo) -> None:
    sessions = {s.number: s for s in list_sessions(store, demo.id)}
    three = gather_session(store, sessions[3])
    four = gather_session(store, sessions[4])
    text3 = flat(pdftotext(_pdf(build_session_pdf, three)))
    text4 = flat(pdftotext(_pdf(build_session_pdf, four)))
    assert "Les pistes de ce compte rendu sont celles des ateliers 3 et 4" in text3
    assert (
        "Les pistes des ateliers 3 et 4 (50 pistes de projet et 37 réalisations engagées)" in text4
    )
    assert "ateliers 3 et 4" in session_markdown(three)
    for debris in OCR_DEBRIS:
        assert debris not in text3
        assert debris not in decidim_csv(three).decode("utf-8-sig")


def test_the_booklet_follows_the_seeds_spine(store, demo) -> None:
    """Who we are → where we go → how → what next, as the 2017 booklet's four parts."""
    text = flat(pdftotext(_pdf(build_series_pdf, gather_series(store, demo))))
    body = text[text.index("1. Ce que nous sommes", text.index("Ils ont participé") + 1) :]
    order = [
        "1. Ce que nous sommes",
        "Des atouts à la hauteur des défis",
        "Des valeurs qui nous engagent",
        "2. Où nous allons",
        "Apprendre des métropoles qui réussissent",
        "3. Comment y parvenir",
        "Les engagements",
        "4. Et après…",
    ]
    places = [body.index(printed(o)) for o in order]
    assert places == sorted(places)
