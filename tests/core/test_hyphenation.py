"""Soft hyphens at French syllables: never before a last syllable with a mute e (« AUTHENTI-
QUE » on the wall, issue 23); long words in capitals still break at a syllable."""

from __future__ import annotations

import pytest

from fabrique_desktop.hyphenation import SOFT_HYPHEN, hyphenate, hyphenate_word


def shown(word: str) -> str:
    return hyphenate_word(word).replace(SOFT_HYPHEN, "-")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("AUTHENTIQUE", "AUTHEN-TIQUE"),  # was AUTHEN-TI-QUE: « AUTHENTI- » then « QUE »
        ("authentique", "authen-tique"),
        ("possible", "pos-sible"),  # was pos-si-ble
        ("politique", "poli-tique"),
        ("remarquable", "remar-quable"),
        ("pratiques", "pra-tiques"),
        ("conséquences", "con-sé-quences"),
        ("fatigue", "fatigue"),
    ],
)
def test_no_break_before_a_mute_last_syllable(word: str, expected: str) -> None:
    assert shown(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("DÉVELOPPEMENT", "DÉVE-LOP-PE-MENT"),  # capitals too: a narrow column keeps its type
        ("MÉTROPOLITAINS", "MÉTRO-PO-LI-TAINS"),
        ("métropolitaine", "métro-po-li-taine"),
        ("renouvellement", "renou-vel-le-ment"),
    ],
)
def test_long_words_still_break_at_their_syllables(word: str, expected: str) -> None:
    assert shown(word) == expected


def test_only_long_words_are_touched() -> None:
    text = "INDICE AUTHENTIQUE du quartier"
    assert hyphenate(text) == f"INDICE AUTHEN{SOFT_HYPHEN}TIQUE du quartier"
