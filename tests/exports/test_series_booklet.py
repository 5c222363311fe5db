"""The series booklet read as an elected official reads it: the seed's words, counts that
add up, headings kept with their text, hanging indents, charts with their numbers, the
editorial voice, and PDF metadata."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from reportlab.graphics.shapes import Drawing, String

from exports import charts
from exports import pdf_style as ps
from exports.series_report import build_series_pdf
from fabrique_desktop import booklet, changes
from fabrique_desktop.changes import Change
from fabrique_desktop.model import FUTUR, Card, Series, Session
from fabrique_desktop.report import gather_series
from fabrique_desktop.typography import vivre_name, with_article
from fabrique_desktop.workspace import list_sessions
from tests.exports.report_fixtures import as_printed


def flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("^", "").split())


def seed_text() -> str:
    from pathlib import Path

    for candidate in (Path("/work/shared/seed/la-fabrique-du-projet-acte1.txt"),):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    pytest.skip("the seed booklet is not on this machine")
    return ""


def seed_project_ideas(seed: str) -> list[str]:
    """Every idea the seed prints under « D'ici 30 ans : quelques pistes de projets »:
    each ``#Thème`` line is followed by its ideas separated by « / »."""
    ideas = []
    lines = [line.strip() for line in seed.splitlines()]
    for i, line in enumerate(lines):
        if re.fullmatch(r"#\w[\w &'’-]*", line):
            following = next(x for x in lines[i + 1 :] if x)
            ideas += [flat(p) for p in following.split(" / ") if p.strip()]
    return ideas


def pdf_pages(data: bytes) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def pdf_text(data: bytes) -> str:
    return "\n".join(pdf_pages(data))


@pytest.fixture
def booklet_pdf(store, demo) -> bytes:
    out = io.BytesIO()
    build_series_pdf(gather_series(store, demo), out)
    return out.getvalue()


def test_every_seed_project_idea_is_in_the_demo_booklet_word_for_word(booklet_pdf) -> None:
    ideas = seed_project_ideas(seed_text())
    assert len(ideas) >= 50
    text = flat(pdf_text(booklet_pdf))
    missing = [i for i in ideas if as_printed(i) not in text]
    assert missing == []


def test_demo_ideas_are_in_their_vivre_theme_and_horizon_as_printed(store, demo) -> None:
    report = gather_series(store, demo)
    mieux = next(c for c in report.columns if c.column.key == "mieux")
    themes = {t.theme: [i.text for i in t.ideas] for h in mieux.horizons for t in h.themes}
    assert [h.horizon for h in mieux.horizons] == ["2040"]  # printed under « D'ici 30 ans »
    assert themes["#Transition énergétique"] == [
        "Vers l'autonomie énergétique : photovoltaïque sur 100 000 toits",
        "Subvention-promotion du vélo électrique",
        "Meilleure prise en compte de l'impact environnemental derrière chaque projet",
    ]
    futur = {t.theme: [i.text for i in t.ideas] for t in mieux.futur}
    assert "Parc éolien flottant (Fos sur Mer)" in futur["#Des réalisations énergétiques"]
    assert mieux.futur_count == 11  # the 8 of the agenda and energy, and the boxed PAT
    assert (
        "Consommer local dans les administrations et les cantines"
        in futur["#Un projet alimentaire territorial"]
    )
    assert not report.unsorted_ideas  # the sticky-note diagram's OCR is not an idea


def test_counts_add_up_across_cover_figures_and_sections(store, demo, booklet_pdf) -> None:
    report = gather_series(store, demo)
    total = report.idea_count
    sections = sum(c.count for c in report.columns) + len(report.unsorted_ideas)
    horizons = sum(report.horizon_count(h) for h in ("2024", "2040", "Sans horizon"))
    assert total == sections == horizons
    figures = {f.label: f.value for f in report.figures}
    assert figures["pistes de projet"] == str(total)
    text = flat(pdf_text(booklet_pdf))
    assert f"Pistes de projet {total} pistes de projet" in text  # the cover
    # each Vivre's heading (printed in the contents too: one value per Vivre)
    printed = dict(re.findall(r"(Vivre \w+|Art de vivre) : (\d+) pistes de projet", text))
    assert len(printed) == 4
    noted = re.search(r"(\d+) pistes? notées? en atelier", text)
    unsorted = int(noted.group(1)) if noted else 0
    assert unsorted == len(report.unsorted_ideas)
    assert sum(int(n) for n in printed.values()) + unsorted == total
    assert "Engagements du modèle" not in text  # no software wording
    for page in pdf_pages(booklet_pdf)[1:]:  # the organisation heads every page, not the app
        assert "Métropole Aix-Marseille-Provence" in page


def test_futur_engage_items_are_apart_from_the_ideas(store, demo, booklet_pdf) -> None:
    text = flat(pdf_text(booklet_pdf))
    assert "Futur engagé : premières réalisations pour « Vivre mieux »" in text
    report = gather_series(store, demo)
    ideas = [i.text for c in report.columns for h in c.horizons for t in h.themes for i in t.ideas]
    assert "Boucle à eau de mer (Euroméditerranée)" not in ideas
    assert report.futur_count == 37  # 25 and the 12 boxed ones


def _lines(data: bytes) -> list[list[tuple[float, float, float, str]]]:
    """Per page, the text runs as (x, y, font size, text), top to bottom."""
    pages = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        runs: list[tuple[float, float, float, str]] = []

        def visit(text, cm, tm, font, size, runs=runs) -> None:
            if text.strip():
                scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 or 1
                runs.append((cm[4] + tm[4], cm[5] + tm[5], size * scale, text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(sorted(runs, key=lambda r: -r[1]))
    return pages


def test_no_heading_ends_a_page(booklet_pdf) -> None:
    for number, runs in enumerate(_lines(booklet_pdf)[1:], start=2):
        body = [r for r in runs if 70 < r[1] < 760]  # without running header and folio
        if not body:
            continue
        last = body[-1]
        assert last[2] < 12.5, f"page {number} ends on a heading: {last[3]!r}"


def test_a_heading_before_a_block_kept_together_goes_with_it() -> None:
    """reportlab keeps a heading with the next flowable, unless that one is a block kept
    together (a theme and its first ideas): at 2000 ideas « Sans horizon précisé » ended a
    page, its « Sans thème » and ideas on the next."""
    st = ps.styles()
    out = io.BytesIO()
    doc = ps.Booklet(out, title="t", header="h")
    block = ps.keep([ps.Paragraph("Sans thème", st.h3), *ps.bullets(["Une idée"] * 12, st)])
    # the cover's frame is 261 mm high: room for the heading, not for the block
    doc.build_story([ps.spacer(240), ps.heading("Sans horizon précisé", st), block])
    page_of = {r[3]: n for n, runs in enumerate(_lines(out.getvalue())) for r in runs}
    assert page_of["Sans horizon précisé"] == page_of["Sans thème"] == 1


def test_contents_list_the_headings_kept_with_their_block(booklet_pdf) -> None:
    contents = flat(next(p for p in pdf_pages(booklet_pdf) if "Sommaire" in p))
    for title in ("Vivre Mieux", "Vivre Monde", "Vivre Ensemble", "Art de Vivre"):
        assert f"3 engagements pour {as_printed(with_article(title))}" in contents


def test_bullets_have_a_hanging_indent() -> None:
    st = ps.styles()
    long_idea = "Plateforme collaborative pour l'implication citoyenne " * 6
    for style in (st.bullet, st.small):
        out = io.BytesIO()
        doc = ps.Booklet(out, title="t", header="h")
        doc.build_story(ps.bullets([long_idea], st, style))
        runs = _lines(out.getvalue())[0]
        bullet = next(r for r in runs if r[3] == "•")
        text = [r for r in runs if r[3] != "•"]
        first, *continued = text
        assert continued, "the idea should wrap"
        assert first[0] > bullet[0] + 4
        assert all(abs(line[0] - first[0]) < 0.5 for line in continued)


def _strings(drawing: Drawing) -> list[str]:
    return [s.text for s in drawing.contents if isinstance(s, String)]


def test_charts_print_their_numbers() -> None:
    red = ps.hex_colour("#BF360C")
    drawing = charts.stacked_bars(
        [("Vivre Mieux", red, [charts.Segment("Horizon 2024", 12), charts.Segment("2040", 30)])],
        400,
    )
    assert {"Vivre Mieux", "12", "30", "42"} <= set(_strings(drawing))
    drawing = charts.bars([charts.Bar("Une idée très votée", 7, red)], 400)
    assert "7" in _strings(drawing)


def test_a_legend_shows_the_shades_the_bars_are_drawn_in() -> None:
    """The legend's swatches were slate and grey, matching no bar coloured by its Vivre."""
    from reportlab.graphics.shapes import Rect

    red, blue = ps.hex_colour("#BF360C"), ps.hex_colour("#1565C0")
    rows = [
        (name, colour, [charts.Segment("Horizon 2024", 5), charts.Segment("Horizon 2040", 9)])
        for name, colour in (("Vivre mieux", red), ("Vivre monde", blue))
    ]
    drawing = charts.stacked_bars(rows, 400)
    rects = [r for r in drawing.contents if isinstance(r, Rect)]
    bars = {r.fillColor.hexval() for r in rects if r.height > 10}
    swatches = {r.fillColor.hexval() for r in rects if r.height <= 6}
    assert swatches
    assert swatches <= bars
    one = [(n, c, [charts.Segment("Horizon 2040", 4)]) for n, c, _ in rows]
    assert "Horizon 2040" not in _strings(charts.stacked_bars(one, 400))  # no legend of one


def test_ideas_are_counted_once_in_the_chart_s_sentence(store, demo) -> None:
    """« sans horizon : 16 ; 16 à classer » read as 32 ideas."""
    from exports.series_report import _ideas_sentence

    report = gather_series(store, demo)
    sentence = _ideas_sentence(report, ["2040", "Sans horizon"])
    assert sentence.startswith(f"{report.idea_count} pistes de projet : ")
    assert " et " in sentence
    assert "sans date précise" in sentence


def test_the_demo_booklet_has_its_charts_with_numbers(store, demo, booklet_pdf) -> None:
    text = pdf_text(booklet_pdf)
    assert "Les pistes de projet par Vivre et par horizon" in text
    # three engagements in each Vivre: said in a sentence, no chart of equal bars
    assert "Engagements par Vivre" not in text
    assert "Chaque Vivre porte 3 engagements." in flat(text)
    report = gather_series(store, demo)
    chart_page = next(p for p in pdf_pages(booklet_pdf) if "par Vivre et par horizon" in p)
    for column in report.columns:
        assert re.search(rf"{vivre_name(column.column.title)}\s*{column.count}", flat(chart_page))


def test_votes_chart_and_ateliers_listed_once(store, demo) -> None:
    sessions = list_sessions(store, demo.id)
    third, fourth = sessions[2], sessions[4]  # (3 and 4 are credited together anyway)
    same = "Une idée tenue par deux ateliers"
    edits = [
        changes.create(Card(session_id=s.id, text=same, column="mieux", horizon="2040"))
        for s in (third, fourth)
    ]
    store.apply(Change("t", tuple(edits)))
    report = gather_series(store, demo)
    held = [
        i
        for c in report.columns
        for h in c.horizons
        for t in h.themes
        for i in t.ideas
        if i.text == same
    ]
    assert len(held) == 1
    assert held[0].ateliers == (3, 4, 5)
    out = io.BytesIO()
    build_series_pdf(report, out)
    assert "(ateliers 3, 4 et 5)" in flat(pdf_text(out.getvalue()))


def test_themes_are_printed_in_one_case(store, demo) -> None:
    third = list_sessions(store, demo.id)[2]
    edits = [
        changes.create(Card(session_id=third.id, text=f"Idée {n}", column="art", tags=[tag]))
        for n, tag in enumerate(("#Culture", "#culture", "#CULTURE"))
    ]
    store.apply(Change("t", tuple(edits)))
    report = gather_series(store, demo)
    art = next(c for c in report.columns if c.column.key == "art")
    names = [t.theme for h in art.horizons for t in h.themes if t.theme.casefold() == "#culture"]
    assert names
    assert set(names) == {"#Culture"}


def test_booklet_texts_are_edited_and_printed(store, demo) -> None:
    series = store.get(Series, demo.id)
    assert booklet.texts(series)["organisation"] == "Métropole Aix-Marseille-Provence"
    store.apply(
        booklet.edit_texts(
            series,
            {
                "organisation": "Ville de Montreuil",
                "introduction": "Un mot d'ouverture.\n\nDeux paragraphes.",
                "next": "Rendez-vous en juin.",
            },
        )
    )
    series = store.get(Series, demo.id)
    out = io.BytesIO()
    build_series_pdf(gather_series(store, series), out)
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    text = flat(pdf_text(out.getvalue()))
    assert "Un mot d’ouverture." in text
    assert "Rendez-vous en juin." in text
    assert "Ville de Montreuil" in text
    assert reader.metadata["/Author"] == "Ville de Montreuil"
    assert reader.trailer["/Root"]["/Lang"] == "fr"


def test_a_series_without_texts_has_no_empty_sections(store, demo) -> None:
    series = store.get(Series, demo.id)
    store.apply(booklet.edit_texts(series, {k: "" for k in booklet.FIELDS}))
    out = io.BytesIO()
    build_series_pdf(gather_series(store, store.get(Series, demo.id)), out)
    text = pdf_text(out.getvalue())
    assert "Introduction" not in text
    assert "La suite" not in text


@pytest.mark.parametrize(
    "card",
    [
        {"text": "x" * 199_000},
        {"text": "Beaucoup de thèmes", "tags": [f"#t{n}" for n in range(5000)]},
        {"text": "Un thème immense", "tags": ["#" + "y" * 100_000]},
        {"text": " ".join(["mot"] * 40_000)},
    ],
    ids=["199000-char card", "5000 tags", "100000-char tag", "40000 words"],
)
def test_any_accepted_data_exports(store, demo, card) -> None:
    from exports.csv_export import session_csv
    from exports.markdown import session_markdown
    from exports.session_report import build_session_pdf
    from fabrique_desktop.report import gather_session

    third = list_sessions(store, demo.id)[2]
    store.apply(Change("t", (changes.create(Card(session_id=third.id, column="monde", **card)),)))
    series = store.get(Series, demo.id)
    store.apply(Change("t", (changes.update(series, title="T" * 5_000_000),)))
    build_series_pdf(gather_series(store, store.get(Series, demo.id)), io.BytesIO())
    session = store.get(Session, third.id)
    report = gather_session(store, session)
    out = io.BytesIO()
    build_session_pdf(report, out)
    assert "…" in pdf_text(out.getvalue()) or len(card["text"]) < ps.LONGEST
    session_csv(report)
    session_markdown(report)


def test_futur_engage_is_a_card_kind_stored_and_read_back(store, demo) -> None:
    third = list_sessions(store, demo.id)[2]
    card = Card(session_id=third.id, text="Ligne nouvelle", column="monde", card_kind=FUTUR)
    store.apply(Change("t", (changes.create(card),)))
    assert store.get(Card, card.id).card_kind == FUTUR
    assert "card_kind" in store.columns("cards")


def _phones_send(store, session, ideas: int, dots: int, phones: int) -> None:
    """``ideas`` ideas published from ``phones`` phones and ``dots`` dots of one phone vote,
    stored as the phone room stores them (cards tagged « téléphone »)."""
    from fabrique_desktop.model import Vote
    from fabrique_desktop.phones.model import PUBLISHED, Phone, PhoneIdea, PhonePoll
    from fabrique_desktop.phones.room import PHONE_TAG

    senders = [Phone(session_id=session.id, number=n + 1) for n in range(phones)]
    poll = PhonePoll(session_id=session.id, dots_per_phone=dots)
    edits = [changes.create(p) for p in (*senders, poll)]
    cards = []
    for n in range(ideas):
        card = Card(
            session_id=session.id,
            text=f"Idée du téléphone {n}",
            column="mieux",
            horizon="2040",
            tags=[PHONE_TAG, "#Mobilité"],
        )
        cards.append(card)
        phone = senders[n % phones]
        sent = PhoneIdea(session_id=session.id, phone_id=phone.id, text=card.text)
        sent.status, sent.card_id = PUBLISHED, card.id
        edits += [changes.create(card), changes.create(sent)]
    for n in range(dots):
        vote = Vote(
            session_id=session.id,
            card_id=cards[n % ideas].id,
            voter_id=senders[n % phones].id,
            dots=1,
            poll_id=poll.id,
        )
        edits.append(changes.create(vote))
    store.apply(Change("téléphones", tuple(edits)))


def test_what_phones_sent_is_said_where_the_booklet_counts_it(store, demo) -> None:
    """Atelier 4 took 3 ideas and 5 dots from 2 phones: the key figures, the steps table and
    « Ils ont participé » say so, as the session report does; the « téléphone » tag is where
    an idea came from, not a theme of the project."""
    third, fourth = list_sessions(store, demo.id)[2:4]
    before = gather_series(store, demo)
    assert not any(s.phones for s in before.sessions)
    assert not any("téléphones" in f.label for f in before.figures)
    _phones_send(store, fourth, ideas=3, dots=5, phones=2)
    _phones_send(store, third, ideas=1, dots=1, phones=1)  # an idea atelier 4 has too

    report = gather_series(store, demo)
    figures = {f.label: f.value for f in report.figures}
    assert figures["idées des téléphones"] == "3"  # listed once, as the booklet lists it
    assert figures["gommettes des téléphones"] == "6"
    step = next(s for s in report.sessions if s.number == 4)
    assert (step.phones.ideas, step.phones.dots, step.phones.phones) == (3, 5, 2)
    themes = {t.theme for c in report.columns for h in c.horizons for t in h.themes}
    assert "#Mobilité" in themes
    assert not any("téléphone" in t.casefold() for t in themes)

    out = io.BytesIO()
    build_series_pdf(report, out)
    pages = [flat(p) for p in pdf_pages(out.getvalue())]
    # the steps' table may go on over the next page: sections flow
    start = next(n for n, p in enumerate(pages) if "Les étapes de la démarche" in p and "N°" in p)
    steps = " ".join(pages[start : start + 2])
    assert "Téléphones : 3 idées et 5 gommettes de 2 téléphones" in steps
    who = next(
        p
        for p in pages
        if p.startswith("La Fabrique") and "Ils ont participé" in p and "Atelier 1" in p
    )
    assert "Téléphones" in who

    from fabrique_desktop.report import gather_session

    session_figures = {f.label: f.value for f in gather_session(store, fourth).figures}
    assert session_figures["idées des téléphones"] == "3"
    assert session_figures["gommettes des téléphones"] == "5"


def test_the_engagements_follow_the_competences_on_their_page(booklet_pdf) -> None:
    """Four bars alone on a page left three-quarters of it empty. The engagements' sentence
    shares its page: with the last compétences then, with the first Vivre's opening since the
    compétences fit whole under the personas (#27)."""
    pages = [flat(p) for p in pdf_pages(booklet_pdf)]
    n = next(i for i, p in enumerate(pages) if "Chaque Vivre porte" in p)
    assert "Environnement & énergie" in pages[n] or "Comment faire pour" in pages[n]
    assert "Environnement & énergie" in pages[n] + pages[n - 1]


def test_key_figures_say_what_a_citizen_says(store, demo) -> None:
    """« réalisations du futur engagé » is the method's jargon, not a reader's words."""
    labels = {f.label for f in gather_series(store, demo).figures}
    assert "réalisations déjà engagées" in labels
    assert not any("futur engagé" in label for label in labels)
