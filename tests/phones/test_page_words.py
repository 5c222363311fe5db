"""Every refusal the server can give is worded for the participant, in French and English:
no raw code (« (storage) », ``too-big``, ``unknown-column``) ever reaches a phone's screen."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "resources" / "phones" / "app.js"
SERVER = sorted((ROOT / "fabrique_desktop" / "phones").glob("*.py"))


def reasons() -> set[str]:
    """Every reason code the phones' server and room can answer with."""
    found: set[str] = set()
    pattern = re.compile(r'(?:Refusal|_error)\(\s*\d+,\s*"([a-z-]+)"')
    for path in SERVER:
        found |= set(pattern.findall(path.read_text(encoding="utf-8")))
    found |= {"offline"}  # the page's own: no answer at all
    return found


def worded(language: str) -> set[str]:
    script = PAGE.read_text(encoding="utf-8")
    start = script.index(f"    {language}: {{")
    end = script.index("\n    }", start)
    return set(re.findall(r'"e\.([a-z-]+)"', script[start:end]))


def test_every_refusal_is_worded_in_french_and_english() -> None:
    codes = reasons()
    assert {"storage", "too-big", "unknown-column", "room-busy", "busy"} <= codes
    # refusals only a tampered page or another site can get: the page's generic sentence
    generic = {"malformed", "unknown", "not-local", "host", "origin", "sockets"}
    for language in ("fr", "en"):
        missing = codes - generic - worded(language)
        assert not missing, f"{language}: {sorted(missing)}"


def test_the_generic_sentence_names_no_code() -> None:
    script = PAGE.read_text(encoding="utf-8")
    assert '"e.other": "La demande n\'a pas pu aboutir' in script
    assert "{r}" not in script


def test_counts_are_said_as_one_says_them() -> None:
    """« Il vous reste 1 gommette sur 3 », « aucune gommette », « 3 gommettes »: the page said
    « Il vous reste 1 gommette(s) sur 3 » and « 1 caractères restants »."""
    script = PAGE.read_text(encoding="utf-8")
    texts = re.findall(r'"[a-z.-]+": "([^"]*)"', script)
    assert texts
    assert not [text for text in texts if "(s)" in text]
    for language in ("fr", "en"):
        start = script.index(f"    {language}: {{")
        block = script[start : script.index("\n    }", start)]
        for key in ("vote.left", "vote.dots", "chars"):
            forms = [re.search(rf'"{key}\.{form}": "([^"]*)"', block) for form in "01n"]
            assert all(forms), (language, key)
            zero, one, many = (form.group(1) for form in forms if form)
            assert "{n}" not in zero
            assert "{n}" not in one
            assert "{n}" in many
            assert "1 " in one, (language, one)


def test_a_closed_vote_without_dots_reads_as_english() -> None:
    """An English phone that put no dot read « You put no dot. » under a closed vote."""
    script = PAGE.read_text(encoding="utf-8")
    english = script[script.index("    en: {") :]
    assert '"vote.none": "You did not put any dots."' in english
