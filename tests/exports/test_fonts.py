"""Glyph coverage: DejaVu for Latin, Vietnamese and Arabic; the shipped Droid Sans Fallback and
NanumSquare for Chinese, Japanese and Korean; a system font for the rest."""

from __future__ import annotations

import logging

from exports import fonts
from exports.pdf_style import text


def test_dejavu_covers_french_vietnamese_and_arabic_letters() -> None:
    assert not fonts.missing("é è ê à ç œ æ « » ’ – — … € Thảo Nguyễn Thị Hường نادية Aïcha")
    assert fonts.missing("Meilin 美林") == {"美", "林"}


def test_latin_text_is_untouched_and_escaped() -> None:
    assert text("Tom & Jerry <b>") == "Tom &amp; Jerry &lt;b&gt;"
    assert text("ligne 1\nligne 2") == "ligne 1<br/>ligne 2"


def test_characters_dejavu_lacks_use_the_fallback_font(monkeypatch) -> None:
    monkeypatch.setattr(fonts, "fallback_fonts", lambda chars: dict.fromkeys(chars, fonts.BOLD))
    markup = text("Meilin 美 & co")
    assert markup == f'Meilin <font name="{fonts.BOLD}">美</font> &amp; co'


def test_chinese_japanese_and_korean_use_the_shipped_fonts() -> None:
    *_indic, droid, nanum = fonts.BUNDLED_FALLBACKS
    found = fonts.fallback_fonts(set("李明佐藤花子ひらがなカタカナ김민준"))
    assert set(found) == set("李明佐藤花子ひらがなカタカナ김민준")
    assert {found[c] for c in "李明佐藤花子ひらがなカタカナ"} == {fonts.fallback_font(droid)[0]}
    assert {found[c] for c in "김민준"} == {fonts.fallback_font(nanum)[0]}


def test_without_a_fallback_the_characters_are_kept_and_logged(monkeypatch, caplog) -> None:
    monkeypatch.setattr(fonts, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="exports.fonts"):
        assert fonts.fallback_fonts(set("美林"), ()) == {}
        monkeypatch.setattr(fonts, "fallback_fonts", lambda chars: {})
        assert text("Meilin 美林") == "Meilin 美林"
    assert "林美" in caplog.text


def test_no_candidate_font_on_this_machine_is_not_an_error(tmp_path) -> None:
    assert fonts.fallback_font(str(tmp_path / "absent.ttf")) == ("", frozenset())
    (tmp_path / "broken.ttf").write_bytes(b"not a font")
    assert fonts.fallback_font(str(tmp_path / "broken.ttf")) == ("", frozenset())


def test_canvas_lines_are_cut_into_runs_of_one_font() -> None:
    """Names drawn on a canvas (persona cards, running header, contents): one run per font,
    a space between two CJK words kept in their run."""
    droid = fonts.fallback_font(fonts.BUNDLED_FALLBACKS[-2])[0]
    nanum = fonts.fallback_font(fonts.BUNDLED_FALLBACKS[-1])[0]
    assert fonts.font_runs("Léa", fonts.BOLD) == [("Léa", fonts.BOLD)]
    assert fonts.font_runs("佐藤 花子 et 김민준", fonts.BOLD) == [
        ("佐藤 花子 ", droid),
        ("et ", fonts.BOLD),
        ("김민준", nanum),
    ]
    width = fonts.string_width("佐藤 花子", fonts.REGULAR, 10)
    assert 40 < width < 50  # four ideographs a font size wide, and a space


def test_arabic_in_an_italic_quote_is_set_upright_not_in_boxes() -> None:
    """DejaVu Sans Oblique has no Arabic letters: the run takes the regular outlines."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.platypus import Paragraph

    fonts.register_fonts()
    quote = ParagraphStyle("quote", fontName=fonts.ITALIC)
    paragraph = Paragraph(text("« Une ville où يوسف marche » — Aïcha"), quote)
    by_font = {}
    for frag in paragraph.frags:
        by_font.setdefault(frag.fontName, "")
        by_font[frag.fontName] += frag.text
    assert set(by_font) == {fonts.ITALIC, fonts.UPRIGHT}
    arabic = by_font[fonts.UPRIGHT].strip()
    assert arabic
    assert all(fonts.has_rtl(c) for c in arabic)
    assert "Aïcha" in by_font[fonts.ITALIC]
    upright = pdfmetrics.getFont(fonts.UPRIGHT).face.charToGlyph
    assert all(ord(c) in upright for c in arabic)


def test_french_and_latin_text_stays_in_its_style() -> None:
    assert text("Thảo, Œdipe — 10 €") == "Thảo, Œdipe — 10 €"


def test_guillemets_and_colons_do_not_break_from_their_word_in_the_pdf() -> None:
    assert text("Des trains « du quotidien » : vite") == (
        "Des trains «\u00a0du quotidien\u00a0»\u00a0: vite"
    )
