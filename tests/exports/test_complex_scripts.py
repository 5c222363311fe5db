"""Complex scripts in PDFs: a long Arabic (or Hebrew) paragraph wraps with its lines in
reading order, each right to left and right-aligned; a French paragraph quoting Arabic stays
left to right; Indic names (Devanagari, Tamil, Bengali) are drawn with the shipped Noto fonts,
shaped (vowel signs before their consonant, conjuncts), and extract as typed."""

from __future__ import annotations

import io
import re
import unicodedata

import pypdf
import pytest
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.platypus import SimpleDocTemplate

from exports import fonts, shaping
from exports import pdf_style as ps
from exports.bidi import direction, visual_lines, visual_order, visual_text
from exports.persona_deck import deck_pdf
from exports.series_report import build_series_pdf
from exports.session_report import build_session_pdf
from fabrique_desktop import changes, personas
from fabrique_desktop.board import capture
from fabrique_desktop.changes import Change
from fabrique_desktop.model import Persona, Table
from fabrique_desktop.report import gather_series, gather_session

SENTENCES = (
    "الجملة الأولى تبدأ الفقرة هنا",
    "ثم تأتي الجملة الثانية في وسط الفقرة الطويلة",
    "وأخيرا الجملة الثالثة تنهي الفقرة كلها",
)
ARABIC_PARAGRAPH = "، ".join(SENTENCES * 2) + "."
HEBREW = "זוהי פסקה ארוכה בעברית שצריכה להתפרש על פני כמה שורות כדי לבדוק את סדר השורות."
MIXED = "Nadia a dit : « نريد حديقة كبيرة للأطفال » puis elle est partie au marché avec Léa."
INDIC = ("प्रिया", "தமிழ்செல்வி", "সুদীপ্তা")
NOTO = {f"NotoSans{script}-Regular" for script in ("Devanagari", "Tamil", "Bengali")}
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


def _pdf(story: list) -> bytes:
    out = io.BytesIO()
    SimpleDocTemplate(out, leftMargin=150, rightMargin=150).build(story)
    return out.getvalue()


def _lines(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return [unicodedata.normalize("NFKC", line) for line in text.splitlines()]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _flat(lines: list[list[str]]) -> list[str]:
    return [word for line in lines for word in line]


def _typed(lines: list[str], pattern: re.Pattern[str], typed: str) -> list[list[str]]:
    """The words of the extracted right-to-left lines, in typed order when each line is read
    whole from right to left. Extractors differ on right-to-left runs (pypdf gives Hebrew
    lines in typed order, Arabic ones word by word as drawn, each word's letters typed): a
    word is compared both ways, and a line is taken as drawn or as already in typed order,
    whichever continues the text; the lines' order is never changed."""
    expected = _words(typed)
    vocabulary = set(expected)
    out: list[list[str]] = []
    cursor = 0
    for line in lines:
        if not pattern.search(line):
            continue
        drawn = [w if w in vocabulary else w[::-1] for w in _words(line)]
        words = drawn[::-1]
        if words != expected[cursor : cursor + len(words)]:
            words = drawn if drawn == expected[cursor : cursor + len(drawn)] else words
        out.append(words)
        cursor += len(words)
    return out


def test_a_long_arabic_paragraph_wraps_in_reading_order() -> None:
    st = ps.styles()
    paragraph = ps.Paragraph(ps.text(ARABIC_PARAGRAPH), st.body)
    assert paragraph.style.alignment == TA_RIGHT  # mostly right to left
    lines = _typed(_lines(_pdf([paragraph])), _ARABIC_LETTER, ARABIC_PARAGRAPH)
    assert len(lines) >= 3
    # line after line, each read right to left, the words come back in typed order
    assert _flat(lines) == _words(ARABIC_PARAGRAPH)
    assert lines[0][:3] == _words(SENTENCES[0])[:3]
    assert lines[-1][-3:] == _words(SENTENCES[2])[-3:]


def test_a_hebrew_paragraph_too() -> None:
    st = ps.styles()
    paragraph = ps.Paragraph(ps.text(HEBREW), st.body)
    lines = _typed(_lines(_pdf([paragraph])), re.compile("[א-ת]"), HEBREW)
    assert len(lines) >= 2
    assert _flat(lines) == _words(HEBREW)


def test_a_french_paragraph_quoting_arabic_stays_left_to_right() -> None:
    st = ps.styles()
    paragraph = ps.Paragraph(ps.text(MIXED), st.body)
    assert paragraph.style.alignment == TA_LEFT
    text = " ".join(_lines(_pdf([paragraph])))
    assert text.startswith("Nadia a dit")
    assert "Léa." in text
    quoted = re.search("«(.*?)»", text).group(1)
    # drawn right to left inside the French line, left to right around it
    [words] = _typed([quoted], _ARABIC_LETTER, MIXED)
    assert words == _words("نريد حديقة كبيرة للأطفال")


def test_bidi_of_one_line() -> None:
    assert direction("Léa et نادية") == "L"
    assert direction("نادية و Léa") == "R"
    assert visual_text("abc (دجه) def", "L") == "abc (هجد) def"
    assert visual_text("دجه (abc)", "R") == "(abc) هجد"
    order = visual_order("ab دج", "L")
    assert [i for i, _ in order] == [0, 1, 2, 4, 3]
    assert visual_lines([(0, ["دج", "هو"])], 0, "R") == [(0, ["وه", "جد"])]


@pytest.mark.parametrize("isolate", ["\u2066", "\u2067", "\u2068", "\u2069", "\u0378"])
def test_bidi_isolates_are_placed_and_an_idea_holding_them_prints(
    store, demo_session, isolate
) -> None:
    """The invisible marks that isolate a name (LRI, RLI, FSI, PDI; a copy from a web page
    carries them), or a character this Python's Unicode does not know (U+0378, a newer
    emoji), ended the PDF export with python-bidi's « AssertionError: not allowed here »
    once the idea was accepted (found by the spreadsheet fuzz)."""
    for base in "LR":
        order = visual_order(f"a{isolate}دج b", base)
        assert sorted(i for i, _ in order) == list(range(6))
    text = f"Une idée de {isolate}نادية\u2069 pour le quartier"
    store.apply(capture(store, demo_session.id, text, "mieux"))
    build_session_pdf(gather_session(store, demo_session), io.BytesIO())


def test_fonts_and_colours_stay_with_their_letters_when_a_line_is_reordered() -> None:
    st = ps.styles()
    # « Aïcha » in the italic face, the Arabic name upright (DejaVu Oblique has no Arabic)
    paragraph = ps.Paragraph(ps.text("يوسف و عائشة قالا « Aïcha » هنا"), st.quote)
    paragraph.wrap(300, 500)
    [line] = visual_lines(paragraph.blPara.lines, paragraph.blPara.kind, "R")
    runs = [(f.fontName, f.text) for f in line.words if f.text.strip()]
    assert (fonts.ITALIC, "Aïcha") in [(n, t.strip(" «»\u00a0")) for n, t in runs]
    assert all(name == fonts.UPRIGHT for name, text in runs if fonts.has_rtl(text)), runs


def test_latin_paragraphs_are_reportlabs_own() -> None:
    st = ps.styles()
    paragraph = ps.Paragraph(ps.text("Léa « Œdipe » — 10 €"), st.body)
    assert paragraph.style is st.body
    assert paragraph._base is None
    assert not paragraph._shape


@pytest.mark.skipif(not shaping.available(), reason="uharfbuzz is not installed")
def test_indic_names_are_shaped_and_extract_as_typed() -> None:
    st = ps.styles()
    names = " ".join(INDIC)
    paragraph = ps.Paragraph(ps.text(f"Priya ({INDIC[0]}), « {names} »"), st.body)
    assert paragraph.style.shaping
    data = _pdf([paragraph, ps.Paragraph(ps.text(names), st.h1)])
    text = " ".join(_lines(data))
    for name in INDIC[1:]:
        assert text.count(name) == 2, (name, text)
    assert text.count(INDIC[0]) == 3
    assert _font_names(data) >= NOTO


@pytest.mark.skipif(not shaping.available(), reason="uharfbuzz is not installed")
def test_devanagari_vowel_sign_i_is_drawn_before_its_conjunct() -> None:
    from reportlab.pdfbase import pdfmetrics

    fonts.register_fonts()
    [(run, font)] = fonts.font_runs(INDIC[0], fonts.REGULAR)
    assert font == fonts.fallback_font(fonts.BUNDLED_FALLBACKS[0])[0]  # Noto Sans Devanagari
    shaped, width = shaping.shaped_run(run, font, 10)
    face = pdfmetrics.getFont(font)
    names = [face.hbFont(10).glyph_to_string(face.face.charToGlyph[ord(c)]) for c in shaped]
    # typed: प ् र ि य ा; drawn: ि (the variant as wide as what it covers), प्र as one glyph
    assert names == ["ivowelsign03deva", "paradeva", "yadeva", "aavowelsigndeva"]
    assert width == pytest.approx(16.66, abs=0.5)


def _font_names(data: bytes) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            names.add(re.sub(r"^/[A-Z]{6}\+", "", str(font.get_object()["/BaseFont"])))
    return names


@pytest.fixture
def indic(store, demo, demo_session):
    people = [
        Persona(series_id=demo.id, first_name=name, role=role, position=40 + i)
        for i, (name, role) in enumerate(zip(INDIC, ("शिक्षिका", "மருத்துவர்", "ছাত্রী"), strict=True))
    ]
    store.apply(Change("personas", tuple(changes.create(p) for p in people)))
    table = Table(
        session_id=demo_session.id, number=1, name="Table 1", persona_ids=[p.id for p in people]
    )
    store.apply(Change("tables", (changes.create(table),)))
    store.apply(capture(store, demo_session.id, ARABIC_PARAGRAPH, "mieux"))
    return people


def test_session_report_with_indic_names_and_a_long_arabic_idea(store, demo_session, indic) -> None:
    out = io.BytesIO()
    build_session_pdf(gather_session(store, demo_session), out)
    lines = _lines(out.getvalue())
    text = " ".join(lines)
    if shaping.available():
        for name in INDIC:
            assert name in text, name
    arabic = [line for line in lines if _ARABIC_LETTER.search(line)]
    assert len(arabic) >= 3
    first = next(i for i, line in enumerate(lines) if _ARABIC_LETTER.search(line))
    block = _typed(lines[first : first + len(arabic)], _ARABIC_LETTER, ARABIC_PARAGRAPH)
    assert len(block) >= 3
    assert _flat(block) == _words(ARABIC_PARAGRAPH)


def test_series_booklet_and_persona_deck_with_indic_names(store, demo, indic) -> None:
    out = io.BytesIO()
    build_series_pdf(gather_series(store, demo), out)
    deck, _ = deck_pdf(personas.deck(store, demo.id), title="La Fabrique")
    for data in (out.getvalue(), deck):
        text = " ".join(_lines(data))
        assert _font_names(data) >= NOTO
        if shaping.available():
            for name in INDIC:
                assert name in text, name
