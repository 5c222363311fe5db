"""The reports' labels in French and English (``report_words``, issue 27): a label, its
count's noun and the colon after a label follow the documents' language and its rules."""

from __future__ import annotations

import ast
from pathlib import Path

from fabrique_desktop.report_english import ENGLISH
from fabrique_desktop.report_words import amount, colon, date, noun, tr
from fabrique_desktop.typography import NBSP, language, typeset

ROOT = Path(__file__).resolve().parents[2]


def test_a_label_is_said_in_the_documents_language_with_its_values() -> None:
    label = "Futur engagé : premières réalisations pour « {vivre} »"
    assert (
        tr(label, vivre="Vivre mieux")
        == "Futur engagé : premières réalisations pour « Vivre mieux »"
    )
    with language("en"):
        assert tr(label, vivre="Vivre mieux") == (
            "Committed future: first achievements for « Vivre mieux »"
        )
        # set by English rules: curly quotes, no space before the colon
        assert typeset(tr(label, vivre="Vivre mieux")) == (
            "Committed future: first achievements for “Vivre mieux”"
        )
    assert typeset(tr(label, vivre="Vivre mieux")).startswith("Futur engagé\u00a0:")


def test_counts_agree_by_each_languages_rule() -> None:
    assert amount(0, "idée", "idées") == "0 idée"  # French: 0 is singular
    assert amount(2, "gommette", "gommettes") == "2 gommettes"
    with language("en"):
        assert amount(0, "idée", "idées") == "0 ideas"  # English: only 1 is
        assert amount(1, "idée", "idées") == "1 idea"
        assert noun(3, "réalisation déjà engagée", "réalisations déjà engagées") == (
            "achievements already under way"
        )


def test_the_colon_after_a_label_and_dates() -> None:
    assert colon() == f"{NBSP}:"
    assert date("2017-05-01") == "1er mai 2017"
    with language("en"):
        assert colon() == ":"
        assert date("2017-05-01") == "1 May 2017"


def test_every_label_the_code_says_has_its_english() -> None:
    """Every French literal given to ``tr``, ``amount`` or ``noun`` in the code that writes
    reports is in the English table (a forgotten one would print French in English)."""
    missing = []
    for path in [*(ROOT / "exports").glob("*.py"), *(ROOT / "fabrique_desktop").glob("*.py")]:
        source = path.read_text(encoding="utf-8")
        if "report_words import" not in source:
            continue
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name not in ("tr", "amount", "noun", "_plural", "_plural_words", "_figure"):
                continue
            for arg in node.args:
                if isinstance(arg, ast.Constant) and arg.value not in ENGLISH:
                    missing.append(f"{path.name}: {arg.value}")
    assert missing == []
