"""Paragraphs of Arabic or Hebrew that wrap: lines in reading order, each right to left.

reportlab 5.1 only handles right-to-left text with ``rlbidi``, a package of its own that is
not on PyPI (without it, ``wordWrap="RTL"`` only warns). Putting a whole paragraph in visual
order before reportlab wraps it (``fonts.visual``) prints its lines bottom-up: the first line
drawn holds the end of the text. So a paragraph is wrapped in typed (logical) order, Arabic
letters already joined (``fonts.joined``), and each line is put in visual order only when it
is drawn (the Unicode bidirectional algorithm of python-bidi, with the paragraph's
direction), frag by frag: fonts, colours and fallback runs stay with their letters. A
paragraph mostly right-to-left is right-aligned (when it was left-aligned); a French one
quoting an Arabic name stays left-to-right with the name right to left.

``Paragraph`` also switches on shaping for the paragraphs with Indic letters
(``exports.shaping``), and only for those. Everything else goes through reportlab unchanged.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _Paragraph

from exports.fonts import has_rtl
from exports.shaping import available, needs_shaping, shaping_words

_OBJECT = "\ufffc"  # stands for an inline image or anchor while lines are reordered


def _known(char: str) -> str:
    """``char``, or a zero-width space where python-bidi could not place it."""
    if "\u2066" <= char <= "\u2069" or not unicodedata.bidirectional(char):
        return "\u200b"
    return char


def direction(text: str) -> str:
    """« R » when ``text`` has more right-to-left letters than left-to-right ones, « L »
    otherwise."""
    rtl = ltr = 0
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            rtl += 1
        elif kind == "L":
            ltr += 1
    return "R" if rtl > ltr else "L"


def visual_order(text: str, base: str) -> list[tuple[int, str]]:
    """``text`` (one line, logical order) as drawn from left to right: each character's
    index in ``text`` and the character itself (mirrored, such as brackets, when right to
    left). ``base`` is the paragraph direction, « L » or « R »."""
    from bidi import algorithm as uba

    storage = uba.get_empty_storage()
    storage["base_level"] = uba.PARAGRAPH_LEVELS[base]
    storage["base_dir"] = base
    # python-bidi fails an assertion on the isolates (LRI, RLI, FSI, PDI: it predates them)
    # and on characters without a bidi class (newer than this Python's Unicode, or not
    # assigned): read as zero-width spaces, they are left out and put back as the other
    # invisible marks are (below)
    uba.get_embedding_levels("".join(map(_known, text)), storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    uba.apply_mirroring(storage, False)
    order = [(c["index"], c["ch"]) for c in storage["chars"]]
    if len(order) < len(text):  # formatting characters (ZWJ…) the algorithm leaves out
        placed = {i for i, _ in order}
        for index in range(len(text)):
            if index not in placed:
                after = next((k for k, (i, _) in enumerate(order) if i == index - 1), -1)
                order.insert(after + 1, (index, text[index]))
                placed.add(index)
    return order


def visual_text(text: str, base: str) -> str:
    return "".join(char for _, char in visual_order(text, base))


def _visual_frags(frags: list[Any], base: str) -> list[Any]:
    """The frags of one line (logical order) as drawn from left to right."""
    source: list[tuple[int, int]] = []  # (frag, index in its text) of each character
    chars: list[str] = []
    for k, frag in enumerate(frags):
        text = getattr(frag, "text", "")
        if hasattr(frag, "cbDefn") or not text:
            source.append((k, -1))
            chars.append(_OBJECT)
            continue
        source.extend((k, i) for i in range(len(text)))
        chars.append(str(text))
    order = visual_order("".join(chars), base)
    out: list[Any] = []
    run: list[tuple[int, str]] = []  # (index in the frag's text, drawn character)
    run_frag = -1

    def flush() -> None:
        if not run:
            return
        frag = frags[run_frag]
        if run[0][0] < 0:
            out.append(frag)
            return
        text = frag.text
        first, last = run[0][0], run[-1][0]
        ascending = last - first == len(run) - 1 and all(
            text[i] == c for i, c in run
        )  # left to right and unchanged: keep the slice (shaped text keeps its glyph data)
        out.append(
            frag.clone(text=text[first : last + 1] if ascending else "".join(c for _, c in run))
        )

    for index, char in order:
        k, i = source[index]
        contiguous = run and run_frag == k and i >= 0 and run[-1][0] >= 0
        if not contiguous or abs(i - run[-1][0]) != 1:
            flush()
            run = []
            run_frag = k
        run.append((i, char))
    flush()
    return out


def visual_lines(lines: Any, kind: int, base: str) -> list[Any]:
    """Lines of a wrapped paragraph (reportlab's ``blPara.lines``) in visual order."""
    if kind == 0:  # one style: (extra space, words)
        return [(space, visual_text(" ".join(words), base).split(" ")) for space, words in lines]
    return [line.clone(words=_visual_frags(line.words, base)) for line in lines]


def _plain(frags: list[Any]) -> str:
    return "".join(
        getattr(f, "text", None) or " ".join(getattr(f, "words", ()) or ()) for f in frags
    )


class Paragraph(_Paragraph):
    """A reportlab paragraph whose right-to-left lines are drawn in reading order and whose
    Indic words are shaped; any other paragraph is reportlab's, byte for byte."""

    _base: str | None = None
    _shape = False
    style: Any  # reportlab's own attributes (the library has no type information)
    blPara: Any  # noqa: N815 (reportlab's name)

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:  # noqa: N803
        super()._setup(text, style, bulletText, frags, cleaner)
        plain = _plain(self.frags)
        if plain.isascii():
            return
        changes: dict[str, Any] = {}
        if has_rtl(plain):
            self._base = direction(plain)
            if self._base == "R" and self.style.alignment == TA_LEFT:
                changes["alignment"] = TA_RIGHT
        if needs_shaping(plain) and available():
            self._shape = True
            if not self.style.shaping:
                changes["shaping"] = 1
        if changes:
            self.style = ParagraphStyle(self.style.name, parent=self.style, **changes)

    def breakLines(self, width: Any) -> Any:
        if not self._shape:
            return super().breakLines(width)
        with shaping_words():
            return super().breakLines(width)

    def draw(self) -> None:
        if self._base is None:
            return super().draw()
        logical = self.blPara
        self.blPara = logical.clone(lines=visual_lines(logical.lines, logical.kind, self._base))
        try:
            super().draw()
        finally:
            self.blPara = logical
        return None
