"""The demo's reports and booklet, read back with pdftotext (issue 26): no OCR debris is an
idea anywhere, the pistes are credited to « ateliers 3 et 4 » and never to one of them, the
paradoxes and values to « ateliers 1 et 2 » (in French and in English, in a new demo and in
a data folder made before), the 2024 horizon is shown, and the counts agree with
``fabrique sessions``."""

from __future__ import annotations

import copy
import io

from exports.decidim import decidim_csv
from exports.markdown import session_markdown
from exports.series_report import build_series_pdf
from exports.session_report import build_session_pdf
from fabrique_desktop import board, changes
from fabrique_desktop.changes import Change
from fabrique_desktop.credit import joint_groups
from fabrique_desktop.demo_update import OCR_DEBRIS, update_demo
from fabrique_desktop.model import Card, Series
from fabrique_desktop.report import gather_series, gather_session
from fabrique_desktop.typography import language
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
    joint = "Les pistes de ce compte rendu sont le travail commun des ateliers 3 et 4"
    assert joint in text3
    assert joint in text4
    assert "Compte rendu commun des ateliers 3 et 4 — Objectifs & pistes de projet" in text3
    assert "Compte rendu commun des ateliers 3 et 4 — Objectifs & pistes de projet" in text4
    assert "Elles sont sur le mur de l’atelier 3." in text4
    assert "Elles sont sur le mur" not in text3
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


VALEURS_NOTE = (
    "Les paradoxes et les valeurs de ce compte rendu sont le travail commun des ateliers 1 et "
    "2 : rien ne dit ce que chacun d’eux a produit."
)


def _valeurs_reports(store, demo, lang: str = "fr") -> dict[int, str]:
    sessions = {s.number: s for s in list_sessions(store, demo.id)}
    with language(lang):
        return {
            n: flat(pdftotext(_pdf(build_session_pdf, gather_session(store, sessions[n]))))
            for n in (1, 2)
        }


def test_the_valeurs_reports_credit_ateliers_1_and_2_together(store, demo) -> None:
    """The seed prints the 7 paradoxes and the value system as the work of the two Valeurs
    ateliers: neither report presents them as its own."""
    for number, text in _valeurs_reports(store, demo).items():
        assert printed(VALEURS_NOTE) in text, number
        assert "7 paradoxes" in text  # still shown, with whose they are
    first = next(s for s in list_sessions(store, demo.id) if s.number == 1)
    assert "ateliers 1 et 2" in session_markdown(gather_session(store, first))
    for number, text in _valeurs_reports(store, demo, "en").items():
        assert (
            "The paradoxes and values of this report are the joint work of workshops 1 and 2: "
            "nothing tells what each of them produced." in text
        ), number


def test_the_booklet_credits_the_paradoxes_and_values_to_ateliers_1_and_2_once(store, demo) -> None:
    report = gather_series(store, demo)
    pdf = _pdf(build_series_pdf, report)
    text = flat(pdftotext(pdf))
    # on the rows of ateliers 1 and 2 of « Les étapes de la démarche »
    assert text.count("Ateliers 1 et 2 ensemble : 7 paradoxes · 5 valeurs") == 2
    layout = pdftotext(pdf, layout=True)
    timeline = layout[layout.index("ce que chacun a réuni et produit") :]
    timeline = timeline[: timeline.index("N°")]
    for once in ("Ateliers 1 et 2", "7 paradoxes", "5 valeurs", "Ateliers 3 et 4", "50 pistes"):
        assert timeline.count(once) == 1, once
    figures = {f.label: f.value for f in report.figures}
    assert (figures["paradoxes"], figures["valeurs partagées"]) == ("7", "5")  # counted once


def _credited_before(store, demo) -> None:
    """The demo as a data folder made before ateliers 1 and 2 were credited together holds
    it: ateliers 3 and 4 credited together, 1 and 2 each alone."""
    series = store.get(Series, demo.id)
    older = copy.deepcopy(series.template)
    for step in older["series"]["ateliers"]:
        if step["number"] in (1, 2):
            step.pop("joint", None)
    store.apply(Change("avant", (changes.update(series, template=older),)))
    assert joint_groups(store.get(Series, demo.id).template) == {3: (3, 4), 4: (3, 4)}


def test_a_demo_folder_made_before_credits_ateliers_1_and_2_keeping_its_data(store, demo) -> None:
    _credited_before(store, demo)
    sessions = {s.number: s for s in list_sessions(store, demo.id)}
    assert VALEURS_NOTE[:40] not in _valeurs_reports(store, demo)[1]
    # what a user did with the demo since
    store.apply(board.capture(store, sessions[1].id, "La mer, partout", "atouts"))
    piste = next(c for c in store.find(Card, session_id=sessions[3].id) if c.is_idea)
    store.apply(Change("user", (changes.update(piste, text="Une piste réécrite", column="art"),)))
    cards = {c.id: c for c in store.iter_all(Card)}

    assert update_demo(store, store.apply) == 1

    assert {c.id: c for c in store.iter_all(Card)} == cards  # every card, every edit
    assert joint_groups(store.get(Series, demo.id).template) == {
        1: (1, 2),
        2: (1, 2),
        3: (3, 4),
        4: (3, 4),
    }
    texts = _valeurs_reports(store, demo)
    assert all(printed(VALEURS_NOTE) in t for t in texts.values())
    assert "La mer, partout" in texts[1]
    assert update_demo(store, store.apply) == 0  # once


def test_the_html_booklet_credits_both_pairs_of_ateliers(store, demo) -> None:
    from exports.html_edition import series_html
    from fabrique_desktop.typography import typeset

    edition = series_html(gather_series(store, demo))
    for together in (
        "Ateliers 1 et 2 ensemble : 7 paradoxes · 5 valeurs",
        "Ateliers 3 et 4 ensemble : 50 pistes de projet · 37 réalisations engagées",
    ):
        assert edition.count(typeset(together)) == 2, together  # on both ateliers' rows


def _by_vivre_and_horizon(report) -> dict[str, list[tuple[str, str, str]]]:
    return {
        c.column.key: [(i.id, i.text, i.horizon) for i in (*c.ideas, *c.futur)]
        for c in report.columns
    }


def test_atelier_4s_report_shows_the_joint_pistes_and_objectives_as_atelier_3s(store, demo) -> None:
    """The seed does not say which of ateliers 3 and 4 produced which piste, and they are on
    atelier 3's wall: a reader of atelier 4's report alone sees them all, by Vivre and
    horizon, with the objectives made of them, credited to « ateliers 3 et 4 » (PDF,
    Markdown, HTML, French and English); not « 0 idée », not a pointer to another report."""
    from exports.html_edition import session_html
    from fabrique_desktop import groups

    sessions = {s.number: s for s in list_sessions(store, demo.id)}
    mobility = [
        c for c in board.column_cards(store, sessions[3].id, "mieux") if c.tags == ["#Mobilité"]
    ]
    store.apply(groups.group(store, mobility[:3], "Sortir de la dépendance à la voiture"))
    three, four = gather_session(store, sessions[3]), gather_session(store, sessions[4])
    assert _by_vivre_and_horizon(four) == _by_vivre_and_horizon(three)
    assert len(four.ideas) == 50
    assert len(four.futur) == 37
    assert [(o.name, len(o.ideas)) for o in four.objectives] == [
        ("Sortir de la dépendance à la voiture", 3)
    ]
    text = flat(pdftotext(_pdf(build_session_pdf, four)))
    assert "0 idée" not in text
    assert ("50", "idées") in [(f.value, f.label) for f in four.figures]
    assert "13 idées — 13 à l’horizon 2040" in text  # Vivre mieux's pistes, by horizon
    assert printed("Vivre mieux — Sortir de la dépendance à la voiture") in text
    assert printed("« Zéro transports publics polluants »") in text
    assert printed("Futur engagé : premières réalisations pour « Art de vivre »") in text
    assert "figurent sur le mur et dans le compte rendu de l’atelier 3" not in text
    markdown, edition = session_markdown(four), session_html(four)
    assert "_Compte rendu commun des ateliers 3 et 4 — Objectifs & pistes de projet_" in markdown
    assert "Sortir de la dépendance à la voiture" in markdown
    assert "Proximité habitat-Emploi" in markdown
    assert "Compte rendu commun des ateliers 3 et 4" in edition
    assert "Proximité habitat-Emploi" in edition
    with language("en"):
        english = flat(pdftotext(_pdf(build_session_pdf, gather_session(store, sessions[4]))))
    assert "Joint report of workshops 3 and 4" in english
    assert "They are on the wall of workshop 3." in english


def test_the_data_exports_of_ateliers_3_and_4_give_each_piste_one_id_and_one_proposal(
    store, demo
) -> None:
    """Both ateliers exported: the CSVs list the same pistes, each with its one id and
    « ateliers 3 et 4 »; Decidim gets each piste once, said to come from both ateliers; the
    JSON bundles hold each card in one atelier only."""
    import csv

    from exports.csv_export import session_csv
    from exports.decidim import elsewhere_note
    from fabrique_desktop import bundle

    sessions = {s.number: s for s in list_sessions(store, demo.id)}
    three, four = gather_session(store, sessions[3]), gather_session(store, sessions[4])
    rows = {
        n: list(csv.DictReader(io.StringIO(session_csv(r).decode("utf-8-sig"))))
        for n, r in ((3, three), (4, four))
    }
    assert [r["id"] for r in rows[3]] == [r["id"] for r in rows[4]]
    assert len({r["id"] for r in rows[3]}) == len(rows[3]) == 87  # 50 pistes + 37 items
    assert {r["ateliers"] for r in rows[3] + rows[4]} == {"ateliers 3 et 4"}
    proposals = [
        line
        for n, r in ((3, three), (4, four))
        for line in csv.reader(io.StringIO(decidim_csv(r).decode("utf-8")), delimiter=";")
    ]
    titles = [p[0] for p in proposals if not p[0].startswith("title/")]
    assert len(titles) == 50
    assert len(set(titles)) == 50
    bodies = [p[1] for p in proposals if not p[0].startswith("title/")]
    assert all("Issue des ateliers 3 et 4" in b for b in bodies)
    assert not any("Issue de l’atelier" in b for b in bodies)
    assert elsewhere_note(three) == ""
    assert "sur le mur de l’atelier 3" in elsewhere_note(four)
    with language("en"):
        english = session_csv(gather_session(store, sessions[4])).decode("utf-8-sig")
    assert english.splitlines()[0].endswith(",workshops,id")
    held = {
        n: {c.id for c in bundle.collect(store, sessions[n]).entities[Card.kind]} for n in (3, 4)
    }
    assert len(held[3]) >= 87  # the OCR debris' tombstones too
    assert not held[3] & held[4]


def test_both_valeurs_reports_show_the_cards_of_atelier_1s_wall_paired_and_adopted(
    store, demo
) -> None:
    """The demo's Valeurs work is on atelier 1's wall: both reports of « ateliers 1 et 2 »
    show each paradox formed from its atout and problème, each value adopted by both
    ateliers (no dot: the seed gives none), and atelier 2's says where the cards are."""
    texts = _valeurs_reports(store, demo)
    for number, text in texts.items():
        assert text.count(printed("Formé sur le mur à partir de « ")) == 7, number
        assert (
            printed(
                "Formé sur le mur à partir de « Une nature spectaculaire » et « Qui doit être "
                "mieux protégée »."
            )
            in text
        )
        assert text.count(printed("Adoptée par les ateliers 1 et 2 (proposition « ")) == 5
        assert "Adoptée dans cet atelier" not in text
        assert "gommette" not in text
        assert "Les idées par Vivre et par horizon" not in text  # atouts have no horizon
    where = "Les cartes d’où ils viennent sont sur le mur de l’atelier 1."
    assert printed(where) in texts[2]
    assert printed(where) not in texts[1]
    english = _valeurs_reports(store, demo, "en")
    assert "The cards they come from are on the wall of workshop 1." in english[2]
    assert english[1].count("Adopted by workshops 1 and 2 (proposal") == 5
    for french in ("Atouts", "Problèmes", "Valeurs proposées"):
        assert french not in english[1]


def test_the_data_exports_of_ateliers_1_and_2_give_each_card_one_id_and_no_proposal(
    store, demo
) -> None:
    """Their CSVs list the same 19 cards, each with its one id; their Decidim files hold no
    proposal (atouts, problèmes and values are a diagnosis, not pistes put to the citizens)
    and both say so, and where the Valeurs work is, in French and in English."""
    import csv

    from exports.csv_export import session_csv
    from exports.decidim import elsewhere_note

    sessions = {s.number: s for s in list_sessions(store, demo.id)}
    one, two = gather_session(store, sessions[1]), gather_session(store, sessions[2])
    rows = {
        n: list(csv.DictReader(io.StringIO(session_csv(r).decode("utf-8-sig"))))
        for n, r in ((1, one), (2, two))
    }
    assert [r["id"] for r in rows[1]] == [r["id"] for r in rows[2]]
    assert len({r["id"] for r in rows[1]}) == len(rows[1]) == 19  # 7 + 7 + 5
    assert {r["ateliers"] for r in rows[1] + rows[2]} == {"ateliers 1 et 2"}
    for report in (one, two):
        lines = list(csv.reader(io.StringIO(decidim_csv(report).decode("utf-8")), delimiter=";"))
        assert lines == [["title/fr", "body/fr", "category/id", "category/name/fr"]]
        assert elsewhere_note(report) == (
            "Les 19 cartes des ateliers 1 et 2 (atouts, problèmes, valeurs) sont un diagnostic, "
            "pas des propositions : ce fichier Decidim n’en contient aucune. Le travail sur les "
            "valeurs (paradoxes, système de valeurs) est dans le compte rendu."
        )
    with language("en"):
        english = elsewhere_note(gather_session(store, sessions[2]))
    assert english == (
        "The 19 cards of workshops 1 and 2 (strengths, problems, values) are a diagnosis, not "
        "proposals: this Decidim file holds none of them. The work on values (paradoxes, value "
        "system) is in the report."
    )


def test_the_csv_of_ateliers_1_and_2_says_what_each_card_is_and_reads_back(store, demo) -> None:
    """The ``nature`` of atelier 1's atouts, problèmes and values says « Atout »,
    « Problème », « Valeur adoptée » (not « Piste de projet »), in English too; the file
    reads back: 19 ideas in their columns, all already in the series, none added again."""
    import csv
    from collections import Counter

    from exports.csv_export import session_csv
    from fabrique_desktop import csv_import
    from fabrique_desktop.model import IDEA

    sessions = {s.number: s for s in list_sessions(store, demo.id)}
    report = gather_session(store, sessions[2])
    data = session_csv(report)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert Counter(r["nature"] for r in rows) == {
        "Atout": 7,
        "Problème": 7,
        "Valeur adoptée": 5,
    }
    with language("en"):
        english = session_csv(gather_session(store, sessions[1])).decode("utf-8-sig")
    assert Counter(r["kind"] for r in csv.DictReader(io.StringIO(english))) == {
        "Asset": 7,  # as the report says of a paradox's atout
        "Problem": 7,
        "Adopted value": 5,
    }
    parsed = csv_import.parse(data, report.template, [], [])
    assert Counter(r.column for r in parsed.rows) == {"atouts": 7, "problemes": 7, "valeurs": 5}
    assert {r.card_kind for r in parsed.rows} == {IDEA}
    for number in (1, 2):
        again, change = csv_import.read_file(store, sessions[number], data, report.template)
        assert (again.present, again.rows, change.edits) == (19, [], ())


def test_the_key_figures_of_ateliers_1_and_2_count_cards_not_ideas(store, demo) -> None:
    """Atouts, problèmes and values are not ideas: the key figures say « 19 cartes » (then
    each column's title), in the PDF, Markdown and HTML editions, French and English."""
    import re

    from exports.html_edition import session_html

    sessions = {s.number: s for s in list_sessions(store, demo.id)}
    for lang, cards, ideas in (("fr", "cartes", "idées"), ("en", "cards", "ideas")):
        pdfs = _valeurs_reports(store, demo, lang)
        for number in (1, 2):
            with language(lang):
                report = gather_session(store, sessions[number])
                markdown = session_markdown(report)
                html = re.sub(r"<[^>]+>", " ", session_html(report))
                assert [(f.value, f.label) for f in report.figures][:1] == [("19", cards)]
            assert f"- **19** {cards}" in markdown
            assert f"- **19** {ideas}" not in markdown
            assert re.search(rf"19\s+{cards}", html), (lang, number)
            assert not re.search(rf"19\s+{ideas}", html), (lang, number)
            grid = re.search(r"19 7 5 7 (\w+) ", pdfs[number])  # the key figures' grid
            assert grid is not None, (lang, number)
            assert grid.group(1) == cards, (lang, number)
            assert ideas not in pdfs[number].split("19 7 5 7", 1)[1][:300]
