"""A regular expression compiled the first time it is used, not when its module is imported.

Compiling a pattern runs Python's pure-Python regex parser: the 23 patterns of
``typography`` cost every start-up a share of its time for text typeset only in reports,
exports and once cards are painted (issue 28, the start-up figure).
"""

from __future__ import annotations

import re
from collections.abc import Callable


class LazyPattern:
    """``re.compile(pattern, flags)``, done on the first ``sub``."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        compiled = re.compile(self.pattern, self.flags)
        # the compiled pattern's own method answers from now on, without this extra call
        self.sub = compiled.sub  # type: ignore[method-assign]
        return compiled.sub(repl, string, count)
