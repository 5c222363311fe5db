"""Counts printed as one says them in French: « aucune idée », « 1 idée », « 3 idées ».

The command line's lines (read by people, and by scripts and tests/cli) use it rather than
« idée(s) »; a plain space, as the rest of those lines."""

from __future__ import annotations


def said(n: int, singular: str, plural: str, none: str | None = None) -> str:
    """``n`` with its noun agreed: ``none`` for 0 when given (« aucune idée »), else French's
    singular for 0 and 1 (« 0 conflit », « 1 page »), the plural from 2 (« 2 pages »)."""
    if n == 0 and none is not None:
        return none
    return f"{n} {singular if n <= 1 else plural}"
