"""Glyph coverage: DejaVu for Latin, Vietnamese and Arabic; a system fallback for the rest."""

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
    monkeypatch.setattr(fonts, "fallback_font", lambda: (fonts.BOLD, frozenset({ord("美")})))
    markup = text("Meilin 美 & co")
    assert markup == f'Meilin <font name="{fonts.BOLD}">美</font> &amp; co'


def test_without_a_fallback_the_characters_are_kept_and_logged(monkeypatch, caplog) -> None:
    monkeypatch.setattr(fonts, "fallback_font", lambda: ("", frozenset()))
    with caplog.at_level(logging.WARNING, logger="exports.fonts"):
        assert text("Meilin 美林") == "Meilin 美林"
    assert "美林" in caplog.text or "林美" in caplog.text


def test_no_candidate_font_on_this_machine_is_not_an_error(tmp_path) -> None:
    fonts.fallback_font.cache_clear()
    try:
        assert fonts.fallback_font((str(tmp_path / "absent.ttf"),)) == ("", frozenset())
    finally:
        fonts.fallback_font.cache_clear()


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
