"""A regular expression compiled the first time it is used, not when its module is imported.

Compiling a pattern runs Python's pure-Python regex parser: the 23 patterns of
``typography`` cost every start-up a share of its time for text typeset only in reports,
exports and once cards are painted, and 11 more (limits, template, capture, lookup,
hyphenation, card_item) ~13 M instructions for patterns no start-up uses before its first
frame (issue 28, the start-up figure).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any


class LazyPattern:
    """``re.compile(pattern, flags)``, done on the first search, match, split or sub.

    From then on the compiled pattern's own methods answer, without an extra call."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def _compiled(self) -> re.Pattern[str]:
        compiled = re.compile(self.pattern, self.flags)
        self.sub = compiled.sub  # type: ignore[method-assign]
        self.match = compiled.match  # type: ignore[method-assign]
        self.fullmatch = compiled.fullmatch  # type: ignore[method-assign]
        self.search = compiled.search  # type: ignore[method-assign]
        self.finditer = compiled.finditer  # type: ignore[method-assign]
        self.split = compiled.split  # type: ignore[method-assign]
        return compiled

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self._compiled().sub(repl, string, count)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._compiled().match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self._compiled().fullmatch(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._compiled().search(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self._compiled().finditer(string, pos, endpos)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:  # as re.Pattern
        return self._compiled().split(string, maxsplit)
