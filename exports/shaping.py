"""Indic names (Devanagari, Bengali, Tamil…) shaped in PDFs, and read back as typed.

reportlab draws code points one after the other; Indic scripts need shaping: the vowel sign
ि drawn before the consonant cluster it follows, conjuncts (प्र) as one glyph. reportlab
shapes with HarfBuzz (the ``uharfbuzz`` package) when a paragraph style has ``shaping=1``,
but (1) it shapes a whole word with the font of its first run, so « प्रिया, » (the comma in
DejaVu) or « «\u00a0प्रिया » would draw wrong glyphs, and (2) glyphs no character maps to
(conjuncts) go in the PDF as private-use characters: a text extractor reads « \ue000िया ».

So only paragraphs with such scripts are shaped (``needs_shaping``: others keep reportlab's
fast path and their exact bytes); each word is shaped run by run, one font at a time, only
the runs that need it (``shape_word``, put in reportlab's place during ``breakLines`` by
``shaping_words``); and each shaped cluster's first glyph is given a code of its own that the
PDF's ToUnicode map turns back into the cluster's letters in typed order, its other glyphs
mapping to nothing (``ClusterFont``): « प्रिया » is extracted as « प्रिया ».
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, ShapedStr, TTFont

# Brahmic scripts of India and Sri Lanka (Devanagari … Sinhala), Vedic signs, Devanagari
# Extended: their letters are reordered and combined by shaping.
_COMPLEX = re.compile("[\u0900-\u0dff\u1cd0-\u1cff\ua8e0-\ua8ff]")

# Codes given to shaped clusters: the supplementary private-use plane, far from the
# 0xE000-0xF800 codes reportlab itself gives to glyphs without a character.
_FIRST_CODE = 0xF0000


def needs_shaping(text: str) -> bool:
    return not text.isascii() and _COMPLEX.search(text) is not None


@cache
def available() -> bool:
    """Whether HarfBuzz (the ``uharfbuzz`` package) can be used by reportlab."""
    from reportlab.pdfbase import ttfonts

    return ttfonts.uharfbuzz is not None


class ClusterFont(TTFont):
    """A TrueType font whose shaped clusters extract as the letters they were typed from."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cluster_codes: dict[tuple[int, str], int] = {}
        self.cluster_text: dict[int, str] = {}

    def code_for(self, glyph: int, letters: str, width: float) -> int:
        """The code drawing ``glyph`` that extracts as ``letters``."""
        key = (glyph, letters)
        code = self.cluster_codes.get(key)
        if code is None:
            code = _FIRST_CODE + len(self.cluster_codes)
            self.cluster_codes[key] = code
            self.cluster_text[code] = letters
            self.face.charToGlyph[code] = glyph
            self.face.charWidths[code] = width
        return code

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        if not self.cluster_text:
            return
        for n, subset in enumerate(subsets):
            if not any(code in self.cluster_text for code in subset):
                continue
            name = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))
            stream = doc.idToObject["toUnicodeCMap:" + name.decode("pdfdoc")]
            stream.content = _to_unicode_cmap(name.decode("pdfdoc"), subset, self.cluster_text)


def _utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _to_unicode_cmap(name: str, subset: list[int], clusters: dict[int, str]) -> str:
    """reportlab's ToUnicode CMap, with the cluster codes mapped to their letters (or to
    nothing for a cluster's other glyphs)."""
    pairs = []
    for slot, code in enumerate(subset):
        letters = clusters.get(code, chr(code))
        pairs.append(f"<{slot:02X}> <{_utf16(letters)}>")
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({name})",
            f"/Ordering ({name})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(pairs)} beginbfchar",
            *pairs,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def _with_cluster_codes(
    pairs: list[tuple[Any, Any]], letters: str, font: ClusterFont
) -> list[tuple[Any, Any]]:
    """Shaped runs (the glyphs of ``letters``) with each cluster's first glyph extracting as
    the cluster's letters and its other glyphs as nothing."""
    data = [d for _, t in pairs if _shaped(t) for d in t.__shapeData__]
    starts = sorted({d.cluster for d in data if 0 <= d.cluster < len(letters)})
    ends = dict(zip(starts, [*starts[1:], len(letters)], strict=True))
    seen: set[int] = set()
    out = []
    for frag, text in pairs:
        if not _shaped(text):
            out.append((frag, text))
            continue
        chars = []
        for char, d in zip(text, text.__shapeData__, strict=True):
            glyph = font.face.charToGlyph.get(ord(char))
            if glyph is None or d.cluster not in ends:
                chars.append(char)
                continue
            cluster = "" if d.cluster in seen else letters[d.cluster : ends[d.cluster]]
            seen.add(d.cluster)
            chars.append(chr(font.code_for(glyph, cluster, font.face.charWidths[ord(char)])))
        out.append((frag, ShapedStr("".join(chars), shapeData=list(text.__shapeData__))))
    return out


def shape_word(word: list[Any], original: Any = None) -> list[Any]:
    """A reportlab frag word (``[width, (frag, text), …]``) with its runs that need it
    shaped, each with its own font; other runs (Latin, Arabic) left exactly as they were."""
    from reportlab.pdfbase.ttfonts import shapeFragWord

    original = original or shapeFragWord
    pairs = word[1:]
    if not any(
        not hasattr(f, "cbDefn") and needs_shaping(t) and _is_cluster_font(f.fontName)
        for f, t in pairs
    ):
        return word
    out: list[Any] = []
    total = 0.0
    i = 0
    while i < len(pairs):
        frag, text = pairs[i]
        j = i + 1
        if hasattr(frag, "cbDefn") or not needs_shaping(text):
            out.append(pairs[i])
            total += _width(frag, text)
            i = j
            continue
        while j < len(pairs) and _same_font(pairs[j][0], frag) and needs_shaping(pairs[j][1]):
            j += 1
        group = pairs[i:j]
        width = sum(_width(f, t) for f, t in group)
        font = pdfmetrics.getFont(frag.fontName)
        unshaped = [width, *group]
        shaped = original(unshaped) if isinstance(font, ClusterFont) else unshaped
        if shaped is unshaped:
            out.extend(group)
            total += width
        else:
            out.extend(_with_cluster_codes(shaped[1:], "".join(t for _, t in group), font))
            total += shaped[0]
        i = j
    return word.__class__([total, *out]) if type(word) is not list else [total, *out]


def _shaped(text: Any) -> bool:
    return isinstance(text, ShapedStr) and text.__shapeData__ is not None


def _is_cluster_font(name: str) -> bool:
    try:
        return isinstance(pdfmetrics.getFont(name), ClusterFont)
    except KeyError:
        return False


def _same_font(a: Any, b: Any) -> bool:
    return not hasattr(a, "cbDefn") and a.fontName == b.fontName and a.fontSize == b.fontSize


def _width(frag: Any, text: str) -> float:
    if hasattr(frag, "cbDefn"):
        return getattr(frag, "width", 0)
    return pdfmetrics.stringWidth(text, frag.fontName, frag.fontSize)


@contextmanager
def shaping_words() -> Iterator[None]:
    """While a paragraph breaks its lines, reportlab shapes its words with ``shape_word``."""
    from reportlab.platypus import paragraph

    original = paragraph.shapeFragWord
    paragraph.shapeFragWord = lambda w, *a, **k: shape_word(w, original)
    try:
        yield
    finally:
        paragraph.shapeFragWord = original


def shaped_run(text: str, font: str, size: float) -> tuple[str, float]:
    """One run of a canvas line in one font, shaped when it needs it, and its width."""
    width = pdfmetrics.stringWidth(text, font, size)
    if not (available() and needs_shaping(text) and _is_cluster_font(font)):
        return text, width
    from reportlab.lib.abag import ABag

    word = shape_word([width, (ABag(fontName=font, fontSize=size), text)])
    if len(word) != 2:  # never for one run in one font
        return text, width
    return word[1][1], word[0]


__all__ = ["ClusterFont", "available", "needs_shaping", "shape_word", "shaped_run", "shaping_words"]
