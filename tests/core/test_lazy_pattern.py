"""``LazyPattern`` answers as the compiled pattern does, and compiles it once, on first use."""

from __future__ import annotations

import re

import pytest

from fabrique_desktop.lazy_pattern import LazyPattern

TEXT = "Une idée — « vivre-ensemble », 2040 ; mobilité douce."
PATTERN = r"(\w+)-(\w+)|\d+"


@pytest.mark.parametrize(
    "use",
    [
        lambda p: p.sub(r"<\g<0>>", TEXT),
        lambda p: p.sub(lambda m: m.group(0).upper(), TEXT, 1),
        lambda p: p.search(TEXT).span(),
        lambda p: p.search(TEXT, 30).span(),
        lambda p: p.match(TEXT),
        lambda p: p.match(TEXT, TEXT.index("vivre")).group(0),
        lambda p: p.match(TEXT, TEXT.index("vivre"), TEXT.index("-")),
        lambda p: p.fullmatch("2040").group(0),
        lambda p: p.fullmatch(TEXT),
        lambda p: [m.groups() for m in p.finditer(TEXT)],
        lambda p: p.split(TEXT),
        lambda p: p.split(TEXT, 1),
    ],
)
def test_each_method_answers_as_the_compiled_pattern(use) -> None:
    lazy = LazyPattern(PATTERN)
    expected = use(re.compile(PATTERN))
    assert use(lazy) == expected
    assert use(lazy) == expected  # and again, from the compiled pattern's own method
    assert lazy.pattern == PATTERN


def test_the_pattern_is_compiled_on_first_use_only(monkeypatch) -> None:
    calls = []
    compile_pattern = re.compile
    monkeypatch.setattr(re, "compile", lambda *a: calls.append(a) or compile_pattern(*a))
    lazy = LazyPattern(r"[^\W\d_]+", re.UNICODE)
    assert calls == []
    assert lazy.fullmatch("mot") is not None
    assert lazy.search("12 mots").group(0) == "mots"
    assert lazy.split("a1b") == ["", "1", ""]
    assert calls == [(r"[^\W\d_]+", re.UNICODE)]
