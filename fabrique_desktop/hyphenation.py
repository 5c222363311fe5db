"""Soft hyphens in long French words, so that large type on a narrow column breaks them
at a syllable (« métro-politaine ») instead of shrinking the text or clipping it.

A small rule set, not a dictionary: between two vowels' consonants (V-CV, VC-CV), never
inside the groups French keeps together (ch, ph, gn, bl, tr…), at least three letters on
each side, and never before a last syllable with a mute e (« authen-tique », « pos-sible »,
not « authenti-que », « possi-ble »: the e of « que » is silent, the u of « qu » no vowel).
Only words of ``min_length`` letters or more are touched, capitals as well (« DÉVELOP-
PEMENT » would otherwise shrink a card's text on a narrow column). The soft hyphen
(U+00AD) is invisible unless the line breaks there.
"""

from __future__ import annotations

import re

from fabrique_desktop.lazy_pattern import LazyPattern

SOFT_HYPHEN = "\u00ad"
VOWELS = set("aeiouyàâäéèêëîïôöùûüÿœæ")
KEPT_TOGETHER = {
    "ch", "ph", "th", "gn", "qu", "gu",
    "bl", "cl", "fl", "gl", "pl",
    "br", "cr", "dr", "fr", "gr", "pr", "tr", "vr",
}  # fmt: skip
_WORD = LazyPattern(r"[^\W\d_]+", re.UNICODE)
MIN_SIDE = 3
_CONSONANT = "[^aeiouyàâäéèêëîïôöùûüÿœæ]"
# a last syllable whose only vowel is a mute e: « que », « ble », « gues », « tres »
_MUTE_END = LazyPattern(rf"(?:qu|gu|{_CONSONANT})+es?")


def hyphenate_word(word: str) -> str:
    lower = word.lower()
    n = len(word)
    cuts: list[int] = []
    i = 1
    while i < n - 1:
        if lower[i] in VOWELS or lower[i - 1] not in VOWELS:
            i += 1
            continue
        # lower[i] is the first consonant after a vowel: find the consonant run
        j = i
        while j < n and lower[j] not in VOWELS:
            j += 1
        if j >= n:
            break
        run = lower[i:j]
        if len(run) == 1:
            cut = i  # V-CV
        elif run[-2:] in KEPT_TOGETHER:
            cut = j - 2  # V-CCV (or VC-CCV)
        else:
            cut = j - 1  # VC-CV
        mute = _MUTE_END.fullmatch(lower[cut:]) is not None
        if (
            cut >= MIN_SIDE
            and n - cut >= MIN_SIDE
            and not mute
            and (not cuts or cut - cuts[-1] >= 2)
        ):
            cuts.append(cut)
        i = j
    pieces = []
    last = 0
    for cut in cuts:
        pieces.append(word[last:cut])
        last = cut
    pieces.append(word[last:])
    return SOFT_HYPHEN.join(pieces)


def hyphenate(text: str, min_length: int = 9) -> str:
    """``text`` with soft hyphens in its words of ``min_length`` letters or more."""
    return _WORD.sub(
        lambda m: hyphenate_word(m.group(0)) if len(m.group(0)) >= min_length else m.group(0),
        text,
    )
