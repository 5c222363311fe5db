"""Typography for text shown on the projector and printed in reports.

In French a space goes inside « guillemets » and before « : », « ; », « ! » and « ? »; that
space must not break a line, or a lone « » » or « : » starts the next line of a card on the
projector (« trains « du quotidien » / » »). People type ordinary spaces: they are shown as
no-break spaces (U+00A0, which Qt and reportlab both keep on one line). The stored text is
left as typed.

``typeset`` is the one typesetting pass of everything printed (PDF, HTML, Markdown): it changes
typographic characters only — apostrophes, quotes, spaces, ordinals, ellipses, dashes — and
never a word, so that it applies to what participants typed as well. French and English each
get their own rules. ``editorial`` adds the capitalisation rules of the Métropole's own texts
(never applied to participants' words).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from fabrique_desktop.lazy_pattern import LazyPattern

NBSP = "\u00a0"
NNBSP = "\u202f"
"""Narrow no-break space: inside « », before ; ! ? and %, between groups of digits."""
LANGUAGES = ("fr", "en")

# compiled on first use: importing this module is on the path to the first frame
_AFTER_OPENING = LazyPattern("« +")
_BEFORE_CLOSING = LazyPattern(" +([»:;!?])")

_language: ContextVar[str] = ContextVar("report_language", default="fr")


def french_spacing(text: str) -> str:
    """``text`` with no-break spaces inside « » and before : ; ! ?"""
    if "«" not in text and not any(c in text for c in "»:;!?"):
        return text
    text = _AFTER_OPENING.sub("«" + NBSP, text)
    return _BEFORE_CLOSING.sub(NBSP + r"\1", text)


def current_language() -> str:
    """The language documents are being written in (« fr » unless ``language`` says)."""
    return _language.get()


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Write documents in ``lang`` (« fr » or « en ») within the block."""
    token = _language.set(lang if lang in LANGUAGES else "fr")
    try:
        yield
    finally:
        _language.reset(token)


# -- shared rules -----------------------------------------------------------------------------

_ELLIPSIS = LazyPattern(r"(?<!\.)\.{3,4}(?!\.)")
_SINGLE_QUOTED = LazyPattern(r"(?<![\w'])'(?=\w)([^'\n]*?[\w.!?])'(?![\w'])")
_APOSTROPHE = LazyPattern(r"(?<=\w)'")
_SPACED_HYPHEN = LazyPattern(r"(?<=\S) +-{1,2} +(?=\S)")
_DOUBLE_HYPHEN = LazyPattern(r"(?<=\w)--(?=\w)")
_YEAR_RANGE = LazyPattern(r"\b(1\d{3}|2\d{3})-(1\d{3}|2\d{3})\b")
_SPACE_BEFORE_COMMA = LazyPattern(r"(?<=\w) +(?=[,.](?:\s|$))")
_DIGIT_GROUP = LazyPattern(r"(?<=\d)[ \u00a0\u2009](?=\d{3}(?!\d))")
_STRAIGHT_QUOTE = LazyPattern(r'"')


def _common(text: str) -> str:
    text = _ELLIPSIS.sub("…", text)
    text = _SINGLE_QUOTED.sub("‘\\1’", text)
    text = _APOSTROPHE.sub("’", text)
    text = _DOUBLE_HYPHEN.sub("—", text)
    text = _SPACED_HYPHEN.sub(" – ", text)
    text = _YEAR_RANGE.sub("\\1–\\2", text)
    return _SPACE_BEFORE_COMMA.sub("", text)


def _pair_quotes(text: str, opening: str, closing: str) -> str:
    """Straight double quotes as ``opening``/``closing``: one that starts a word opens, one
    that ends a word closes; the rest alternate."""
    if '"' not in text:
        return text
    out: list[str] = []
    is_open = False
    for i, char in enumerate(text):
        if char != '"':
            out.append(char)
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isspace() or before in "([{—–-/" or (not is_open and not after.isspace()):
            opens = not (is_open and (after.isspace() or after in ".,;:!?)]}…"))
        else:
            opens = False
        out.append(opening if opens else closing)
        is_open = opens
    return "".join(out)


# -- French -----------------------------------------------------------------------------------

_GUILLEMET_OPEN = LazyPattern("«[ \u00a0\u202f\u2009]*")
_GUILLEMET_CLOSE = LazyPattern("[ \u00a0\u202f\u2009]*»")
_HIGH = LazyPattern(r"(?<=[^\s;!?:])[ \u00a0\u202f\u2009]*([;!?]+)(?=[\s»…\"'’]|$)")
_COLON = LazyPattern(r"(?<=[^\s:\d])[ \u00a0\u202f\u2009]*:(?=[\s»\"]|$)")
_PERCENT = LazyPattern(r"(?<=\d)[ \u00a0\u202f\u2009]*%")
_SUPERSCRIPT = {"e": "ᵉ", "r": "ʳ", "n": "ⁿ", "d": "ᵈ"}
_ORDINAL = LazyPattern(
    r"(?<![\w.,])(\d{1,4}|[IVXLC]{1,6}(?=\S*\s+si[eè]cle))"
    r"(?:\^\{?|\s?\^)?"
    r"(ières|ière|ièmes|ième|iemes|ieme|èmes|ème|emes|eme|ères|ère|ers|er|res|re|ndes|nde|nds|nd"
    r"|è|es|e|E|ᴱ|ᵉ)\}?(?![\w'’])"
)
_ORDINAL_SUFFIX = {
    "er": "er",
    "ers": "ers",
    "re": "re",
    "res": "res",
    "ère": "re",
    "ères": "res",
    "ière": "re",
    "ières": "res",
    "nd": "nd",
    "nds": "nds",
    "nde": "nde",
    "ndes": "ndes",
    "es": "es",
    "èmes": "es",
    "emes": "es",
    "ièmes": "es",
    "iemes": "es",
}


def _raised(suffix: str) -> str:
    return "".join(_SUPERSCRIPT.get(c, c) for c in suffix.replace("s", ""))


def _ordinal(match: re.Match[str]) -> str:
    number, suffix = match.group(1), match.group(2)
    if number in ("1", "I") and suffix in ("e", "E", "ᴱ", "ᵉ", "è", "ème", "eme"):
        return f"{number}{_raised('er')}" if suffix in ("ème", "eme", "è") else match.group(0)
    if number not in ("1", "I") and suffix in ("er", "re", "ère", "ière"):
        return match.group(0)
    if suffix in ("nd", "nde", "nds", "ndes") and number not in ("2", "II"):
        return match.group(0)
    return number + _raised(_ORDINAL_SUFFIX.get(suffix, "e"))


def typeset_french(text: str) -> str:
    """``text`` set by French rules: ’, « » with narrow no-break spaces, a no-break space
    before : ; ! ? % and inside numbers (1 869 000), ordinals raised (2ᵉ, 1ᵉʳ, XXIᵉ siècle;
    « 2^e » from a spreadsheet), … and – ; no word changed."""
    text = _common(text)
    text = _pair_quotes(text, "«", "»")
    text = _GUILLEMET_OPEN.sub("«" + NNBSP, text)
    text = _GUILLEMET_CLOSE.sub(NNBSP + "»", text)
    text = _HIGH.sub(NNBSP + r"\1", text)
    text = _COLON.sub(NBSP + ":", text)
    text = _PERCENT.sub(NNBSP + "%", text)
    text = _DIGIT_GROUP.sub(NNBSP, text)
    if any(c.isdigit() for c in text) or "siècle" in text:
        text = _ORDINAL.sub(_ordinal, text)
    return text


# -- English ----------------------------------------------------------------------------------

_EN_BEFORE = LazyPattern(r"(?<=\S)[ \u00a0\u202f\u2009]+([;:!?%]+)(?=[\s\"”’]|$)")
_EN_GUILLEMETS = LazyPattern("«[ \u00a0\u202f\u2009]*(.*?)[ \u00a0\u202f\u2009]*»", re.S)


def typeset_english(text: str) -> str:
    """``text`` set by English rules: ’, “ ” quotes, no space before : ; ! ? %, digits
    grouped with a narrow no-break space, … and – ; no word changed."""
    text = _common(text)
    text = _EN_GUILLEMETS.sub("“\\1”", text)
    text = _pair_quotes(text, "“", "”")
    text = _EN_BEFORE.sub(r"\1", text)
    return _DIGIT_GROUP.sub(NNBSP, text)


def typeset(text: str, lang: str | None = None) -> str:
    """``text`` set by the rules of ``lang`` (default: the documents' ``current_language``)."""
    if not text:
        return text
    return typeset_english(text) if (lang or _language.get()) == "en" else typeset_french(text)


def upper(text: str) -> str:
    """``text`` in capitals, its raised letters kept raised (« 2ᵉ chance » → « 2ᵉ CHANCE »,
    not « 2ᴱ CHANCE »)."""
    return "".join(c if c in "ᵉʳⁿᵈ" else c.upper() for c in text)


# -- editorial texts (the Métropole's own voice, never participants' words) -------------------

_METROPOLE_GENERIC = LazyPattern(
    r"\b(une|Une|des|Des|les|Les|autres|aux|Aux|chaque|Chaque) Métropoles?\b"
)
_METROPOLE_PLURAL = LazyPattern(r"(?<=[a-zà-ÿ] )Métropoles\b")
_METROPOLE_OWN = LazyPattern(r"\b(la|La) métropole\b")
_VIVRE_NAME = LazyPattern(r"\b(Vivre|Art de) (Mieux|Monde|Ensemble|Vivre)\b")


def vivre_name(title: str) -> str:
    """A Vivre's name as French writes a name of this kind: its first word only capitalised
    (« Art de Vivre » → « Art de vivre », « Vivre Mieux » → « Vivre mieux »)."""
    return _VIVRE_NAME.sub(lambda m: f"{m.group(1)} {m.group(2).lower()}", title)


def with_article(title: str) -> str:
    """A Vivre's name as it reads after « pour » or « de »: « l’Art de vivre », « le Vivre
    mieux »."""
    name = vivre_name(title)
    if not name:
        return name
    if name[0].lower() in "aeiouyàâéèêîôûh":
        return f"l’{name}"
    return f"le {name}"


def editorial(text: str) -> str:
    """The Métropole's own texts set as it writes itself: « la Métropole » (the institution,
    Aix-Marseille-Provence) capitalised, « une métropole », « des métropoles » (any city) not;
    the Vivre named with one capital (« l’Art de vivre »)."""
    text = _METROPOLE_GENERIC.sub(lambda m: f"{m.group(1)} {m.group(0).split()[-1].lower()}", text)
    text = _METROPOLE_PLURAL.sub("métropoles", text)
    text = _METROPOLE_OWN.sub(lambda m: f"{m.group(1)} Métropole", text)
    return vivre_name(text)


def count(n: int, singular: str, plural: str | None = None) -> str:
    """« 1 autre », « 2 autres », « 0 idée »: a count and its noun agreed (French: 0 and 1
    singular; English: only 1)."""
    lang = _language.get()
    one = n == 1 or (lang == "fr" and n == 0)
    noun = singular if one else (plural or singular + "s")
    return f"{n}{NBSP}{noun}"
