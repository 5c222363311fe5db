"""The accessible HTML edition of an atelier's report and of a series' booklet: self-contained
(no script, nothing fetched), structured, and without a single violation of axe-core (the
accessibility checker: the npm package of tests/phones/axe, shared with the phones' page)
run in Debian's chromium by Playwright. Skipped, saying why, only where chromium,
Playwright or npm cannot be installed."""

from __future__ import annotations

import html
import itertools
import json
import re
import shutil
from collections.abc import Iterator
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from exports.html_edition import series_html, session_html
from fabrique_desktop.report import gather_series, gather_session
from tests.exports.report_fixtures import START, enrich

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
AXE = Path(__file__).parents[1] / "phones" / "axe" / "node_modules" / "axe-core" / "axe.min.js"


class _Outline(HTMLParser):
    """What the checks read of a page: tags, their attributes, outside references."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def outline(page: str) -> _Outline:
    parser = _Outline()
    parser.feed(page)
    return parser


@pytest.fixture
def full(store, demo_session, data_dir):
    enrich(store, demo_session, data_dir.media)
    return gather_session(
        store, demo_session, media_dir=data_dir.media, now=START + timedelta(hours=3)
    )


def test_the_atelier_edition_is_self_contained_and_structured(full) -> None:
    page = session_html(full)
    tags = outline(page).tags
    names = [t for t, _ in tags]
    assert names[0] == "html"
    assert tags[0][1]["lang"] == "fr"
    assert "script" not in names
    for _, attrs in tags:  # nothing fetched from outside: photos are embedded
        for key in ("src", "href"):
            value = attrs.get(key) or ""
            assert not value or value.startswith(("#", "data:")), value
    assert names.count("h1") == 1
    assert {"main", "nav", "header", "footer", "table", "th", "svg", "ul"} <= set(names)
    images = [a for t, a in tags if t == "img"]
    assert images
    assert all(a.get("alt") for a in images)
    assert "@media print" in page
    # every chart has a text alternative, and its figures as a table
    assert re.search(r"<svg[^>]*role=\"img\"[^>]*aria-labelledby=", page)
    assert "<title id=" in page
    assert "<desc id=" in page
    for idea in full.ideas:  # participants' words, typeset only
        assert idea.text.split()[0].replace("'", "’").replace("&", "&amp;") in page


def test_the_series_edition_groups_ideas_by_vivre_horizon_and_theme(store, demo) -> None:
    report = gather_series(store, demo)
    page = series_html(report)
    levels = [int(t[1]) for t, _ in outline(page).tags if re.fullmatch(r"h[1-6]", t)]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))  # no level skipped
    assert "Horizon 2040" in page
    assert "Sans horizon" not in page
    assert "Sans thème" not in page


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("Debian's chromium is not installed (./dev.sh test installs it as root)")
    if not AXE.exists():
        pytest.skip("axe-core is not installed: ./dev.sh test runs npm ci in tests/phones/axe")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


def axe_violations(browser, page_html: str, tmp_path: Path) -> list[dict]:
    target = tmp_path / "edition.html"
    target.write_text(page_html, encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []
    page.on(
        "request", lambda r: None if r.url.startswith(("file:", "data:")) else outside.append(r.url)
    )
    page.goto(target.as_uri())
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => JSON.stringify(await axe.run(document))")
    context.close()
    assert outside == []
    return json.loads(result)["violations"]


def _summary(violations: list[dict]) -> list[str]:
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}× {v['nodes'][0]['html'][:80]})"
        for v in violations
    ]


@pytest.mark.slow
def test_axe_finds_no_violation_in_the_atelier_edition(browser, full, tmp_path) -> None:
    assert _summary(axe_violations(browser, session_html(full), tmp_path)) == []


@pytest.mark.slow
def test_axe_finds_no_violation_in_the_series_edition(browser, store, demo, tmp_path) -> None:
    page = series_html(gather_series(store, demo))
    assert _summary(axe_violations(browser, page, tmp_path)) == []


def test_the_english_edition_has_no_french_label(full, store, demo) -> None:
    from fabrique_desktop.report_words import WORDS
    from fabrique_desktop.typography import language

    with language("en"):
        pages = [session_html(full), series_html(gather_series(store, demo))]
    french = {fr for fr, en in WORDS.values() if fr != en and len(fr) > 3}
    for page in pages:
        assert '<html lang="en">' in page
        theirs = re.sub(r'<span lang="fr">.*?</span>', " ", page, flags=re.S)  # their words
        text = re.sub(r"<[^>]+>", " ", theirs).replace("\u202f", " ").replace("\u00a0", " ")
        text = " ".join(text.split())
        assert [w for w in french if w in text] == []
        assert "Contents" in text
        assert "Key figures" in text


def test_a_photo_that_cannot_be_read_is_named_not_embedded_broken(
    store, session, data_dir, tmp_path
) -> None:
    """A photo cut short (an interrupted copy: it passes the PNG check when added) is named
    in the edition as the PDF names it (« Photo illisible : … »), not embedded broken; a
    whole one is embedded."""
    import base64

    from fabrique_desktop.typography import language
    from tests.exports.report_fixtures import whole_and_cut_photos

    whole = whole_and_cut_photos(store, session, data_dir.media, tmp_path)
    page = session_html(gather_session(store, session, media_dir=data_dir.media))
    images = [a for t, a in outline(page).tags if t == "img"]
    assert [a["alt"] for a in images] == ["Paperboard entier"]
    embedded = base64.b64decode((images[0]["src"] or "").split(",", 1)[1])
    assert embedded == whole.read_bytes()
    assert "Photo illisible\u00a0: Paperboard «\u202fŒdipe\u202f»" in page
    with language("en"):
        english = session_html(gather_session(store, session, media_dir=data_dir.media))
    assert 'Unreadable photo: <span lang="fr">Paperboard' in english


def test_an_empty_atelier_says_what_it_is_for_and_what_is_left_not_0_idees(store, demo) -> None:
    """The HTML edition and the Markdown have the PDF's key figures: never « 0 idée » (the
    edition printed « 0 Idées » for every atelier without ideas, the Markdown an empty
    « Chiffres clés »), what the atelier is for, what is left to do; a Valeurs atelier its
    paradoxes and values counted."""
    from exports.markdown import session_markdown
    from fabrique_desktop.workspace import create_session, list_sessions

    bonus = create_session(store, demo, "Atelier bonus", phase="objectifs")
    report = gather_session(store, bonus)
    page, markdown = session_html(report), session_markdown(report)
    figures = re.findall(r'<ul class="figures">.*?</ul>', page)
    assert figures == []
    assert "<strong>0</strong>" not in page
    assert "En bref" in page
    assert "## En bref\n\nUn atelier Objectifs" in markdown  # no empty line left for figures
    assert "\n\n\n" not in markdown
    for text in (page, markdown):
        assert "Un atelier Objectifs et pistes de projet classe les pistes" in text
        assert "Noter les pistes de projet de la salle" in text
    first = list_sessions(store, demo.id)[0]  # a Valeurs atelier: no idea, 7 paradoxes
    page = session_html(gather_session(store, first))
    assert "<li><strong>7</strong> paradoxes</li>" in page
    assert "<strong>0</strong>" not in page


def test_each_kind_of_atelier_shows_what_it_produced_as_the_pdf_does(store, demo) -> None:
    """The edition of a Valeurs atelier lists its paradoxes (asset, challenge, facts) and its
    value system; an Objectifs atelier its objectives; the Convergence atelier the trame and
    the earlier ateliers' pistes, traced (it counted « 7 paradoxes » and listed none); the
    Markdown report too."""
    from exports.markdown import session_markdown
    from fabrique_desktop import board, groups
    from fabrique_desktop.template import builtin_template
    from fabrique_desktop.typography import editorial, typeset
    from fabrique_desktop.workspace import list_sessions

    def shown(text: str) -> str:  # the series' own words, as the edition sets them
        return html.escape(typeset(editorial(text)), quote=False)

    sessions = list_sessions(store, demo.id)
    template = builtin_template()
    page = session_html(gather_session(store, sessions[0]))
    for paradox in template.section("paradoxes"):
        assert shown(paradox["title"]) in page
        assert shown(paradox["facts"][0]) in page
    for value in template.section("values"):
        assert shown(value["title"]) in page
    assert ">Les paradoxes</h2>" in page
    assert ">Le système de valeurs</h2>" in page
    markdown = session_markdown(gather_session(store, sessions[0]))
    assert "## Les paradoxes" in markdown
    assert "## Le système de valeurs" in markdown
    assert "7 paradoxes : un atout face à un défi, avec ses faits." in markdown.replace(
        "\u00a0", " "
    )

    third = sessions[2]
    mieux = [c for c in board.session_cards(store, third.id) if c.column == "mieux" and c.is_idea]
    store.apply(groups.group(store, mieux[:2], "Se déplacer sans voiture"))
    page = session_html(gather_session(store, third))
    assert ">Les objectifs</h2>" in page
    assert "Se déplacer sans voiture" in page
    markdown = session_markdown(gather_session(store, third))
    assert "## Les objectifs" in markdown
    assert "Se déplacer sans voiture" in markdown

    page = session_html(gather_session(store, sessions[4]))
    assert ">La trame du projet</h2>" in page
    assert ">Les pistes des ateliers précédents</h2>" in page
    assert "(ateliers 3 et 4)" in page
    markdown = session_markdown(gather_session(store, sessions[4]))
    assert "## La trame du projet" in markdown
    assert "## Les pistes des ateliers précédents" in markdown
