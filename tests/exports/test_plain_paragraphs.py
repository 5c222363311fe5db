"""Ideas set without reportlab's markup parser: the same fragments, the same lines, drawn at
the same places as the parsed paragraph they replace (issue 28: the 2000-idea report)."""

from __future__ import annotations

import io

import pypdf
import pytest
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.paraparser import ParaParser

from exports import pdf_style as ps
from exports.bidi import Paragraph
from exports.session_report import IdeaRow, build_session_pdf
from fabrique_desktop import changes
from fabrique_desktop.changes import Change
from fabrique_desktop.model import Card
from fabrique_desktop.report import gather_session

TYPED = [
    "Une idée ordinaire",
    "  des   espaces\tpartout  ",
    "« Citation » : oui ! 45 %",
    "Vélo > voiture & bus < tram",
    "deux\nlignes",
    "Le 2e étage, XXIe siècle",
    "مرحبا بكم",
    "Wáng 王 et Nguyễn",
    "x" * 5000,
    "",
]


@pytest.mark.parametrize("typed", TYPED)
def test_a_typed_paragraph_is_the_parsed_one(typed: str) -> None:
    st = ps.styles()
    for style in (st.idea, st.small, st.meta):
        fast, parsed = ps.typed(typed, style), Paragraph(ps.text(typed), style)
        assert [vars(f) for f in fast.frags] == [vars(f) for f in parsed.frags]
        assert fast.text == parsed.text
        bulleted = ps.typed(typed, style, bullet="•")
        assert bulleted.bulletText == Paragraph(ps.text(typed), style, bulletText="•").bulletText
        assert vars(fast.style) == vars(parsed.style)
        assert fast.wrap(200, 10_000) == parsed.wrap(200, 10_000)


def test_plain_ideas_are_not_parsed(store, demo_session, monkeypatch) -> None:
    edits = [
        changes.create(
            Card(
                session_id=demo_session.id,
                text=f"Idée simple numéro {n}",
                column="monde",
                horizon="2040",
                tags=["#Mobilité"],
            )
        )
        for n in range(200)
    ]
    store.apply(Change("t", tuple(edits)))
    parsed: list[str] = []
    parse = ParaParser.parse

    def counted(self: ParaParser, text: str, style: object) -> object:
        parsed.append(text)
        return parse(self, text, style)

    monkeypatch.setattr(ParaParser, "parse", counted)
    build_session_pdf(gather_session(store, demo_session), io.BytesIO())
    assert sum("Idée simple" in t for t in parsed) <= 10  # the overview's ten, not 200 rows
    assert not any("#Mobilité" in t and "Horizon 2040" in t for t in parsed)


def _placed(row: IdeaRow) -> list[tuple[str, float, float]]:
    out = io.BytesIO()
    canvas = Canvas(out)
    _, height = row.wrap(170 * mm, 800)
    row.drawOn(canvas, 20 * mm, 800 - height)
    canvas.save()
    seen: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():  # the text's origin on the page: tm, then cm
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            seen.append((text.strip(), round(x, 2), round(y, 2)))

    pypdf.PdfReader(out).pages[0].extract_text(visitor_text=visit)
    return seen


def test_an_idea_and_its_line_below_are_drawn_where_one_paragraph_drew_them() -> None:
    st = ps.styles()
    meta_style = ps.ParagraphStyle("m", parent=st.idea, fontSize=7.5, textColor=ps.MUTED)
    text = " ".join(["Des jardins partagés au pied des immeubles"] * 4)
    meta = "Table 3 · Horizon 2040 · " + " ".join(f"#thème{n}" for n in range(30))
    colour = ps.hex_colour("#2E7D32")
    split = IdeaRow(
        1,
        ps.typed(text, st.idea),
        "● 3",
        colour,
        None,
        10 * mm,
        16 * mm,
        ps.typed(meta, meta_style),
    )
    whole = IdeaRow(1, split._whole(), "● 3", colour, None, 10 * mm, 16 * mm)
    assert split.wrap(170 * mm, 800) == whole.wrap(170 * mm, 800)
    placed = _placed(split)
    assert len({y for _, _, y in placed}) >= 5  # several lines of each
    assert placed == _placed(whole)


def test_a_report_without_dots_reads_the_cards_once(store, demo_session, monkeypatch) -> None:
    """Without a dot in the atelier, the counts need no card: the 2000-idea report decoded
    its cards five times (the ideas, two for the dots, one for the phones' dots, one for
    the ateliers it is credited with, itself among them)."""
    from fabrique_desktop.model import Vote

    assert not store.find(Vote, session_id=demo_session.id)
    reads: list[str] = []
    find = type(store).find

    def counted(self: object, kind: type, **where: object) -> object:
        if kind is Card and where.get("session_id") == demo_session.id:
            reads.append(str(where))
        return find(self, kind, **where)

    monkeypatch.setattr(type(store), "find", counted)
    report = gather_session(store, demo_session)
    assert report.ideas
    assert len(reads) == 1, reads


def test_the_booklet_parses_no_plain_idea(store, demo_session, monkeypatch) -> None:
    from exports.series_report import build_series_pdf
    from fabrique_desktop.model import Series
    from fabrique_desktop.report import gather_series

    edits = [
        changes.create(Card(session_id=demo_session.id, text=f"Idée du livret {n}", column="monde"))
        for n in range(60)
    ]
    store.apply(Change("t", tuple(edits)))
    parsed: list[str] = []
    parse = ParaParser.parse

    def counted(self: ParaParser, text: str, style: object) -> object:
        parsed.append(text)
        return parse(self, text, style)

    monkeypatch.setattr(ParaParser, "parse", counted)
    series = store.get(Series, demo_session.series_id)
    build_series_pdf(gather_series(store, series), io.BytesIO())
    assert not any("Idée du livret" in t for t in parsed)
