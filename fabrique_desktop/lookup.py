"""Finding an atelier or a series from what someone types: `fabrique export "atelier 3"`.

In order: the id; the exact title; an id prefix (8+ characters); for an atelier, its number in
its series (`3`); then a part of the title, without regard to case, accents or the kind of
dash (« atelier 3 », « OBJECTIFS », « acte 1 »), whole words first. When nothing or more than
one thing matches, the message lists the candidates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from fabrique_desktop.capture import fold
from fabrique_desktop.errors import NotFoundError
from fabrique_desktop.lazy_pattern import LazyPattern

T = TypeVar("T")

DASHES = LazyPattern(r"[\u2010-\u2015\u2212-]+")
QUOTES = str.maketrans({"’": "'", "‘": "'", "«": '"', "»": '"', "“": '"', "”": '"'})
MAX_LISTED = 20


def loose(text: str) -> str:
    """What is compared: folded case and accents, one kind of dash and quote, single spaces."""
    text = DASHES.sub("-", fold(text).translate(QUOTES))
    return " ".join(text.replace("-", " - ").split())


def pick(
    items: Sequence[T],
    ref: str,
    *,
    title: Callable[[T], str],
    ident: Callable[[T], str],
    number: Callable[[T], int | None] = lambda _item: None,
    describe: Callable[[T], str],
    what: tuple[str, str, str],
) -> T:
    """The one item ``ref`` names. ``what``: the French noun, its plural, and « aucun(e) »."""
    ref = ref.strip()
    for found in (
        [i for i in items if ident(i) == ref],
        [i for i in items if title(i) == ref],
        [i for i in items if len(ref) >= 8 and ident(i).startswith(ref)],
        [i for i in items if ref.isdigit() and number(i) == int(ref)],
    ):
        if len(found) == 1:
            return found[0]
        if found:
            raise NotFoundError(_several(ref, found, describe, what))
    wanted = loose(ref)
    parts = [i for i in items if wanted and wanted in loose(title(i))]
    words = re.compile(rf"(?<!\w){re.escape(wanted)}(?!\w)") if wanted else None
    whole = [i for i in parts if words is not None and words.search(loose(title(i)))]
    for found in (whole, parts):
        if len(found) == 1:
            return found[0]
        if found:
            raise NotFoundError(_several(ref, found, describe, what))
    listed = _listing(items, describe)
    none = what[2].capitalize()
    raise NotFoundError(
        f"{none} {what[0]} ne correspond à « {ref} »."
        + (f" Les {what[1]} :\n{listed}" if listed else f" Il n'y a {what[2]} {what[0]}.")
    )


def _several(ref: str, found: Sequence[T], describe: Callable[[T], str], what) -> str:
    return (
        f"Plusieurs {what[1]} correspondent à « {ref} » :\n{_listing(found, describe)}\n"
        "Précisez le titre, le numéro ou l'identifiant."
    )


def _listing(items: Sequence[T], describe: Callable[[T], str]) -> str:
    lines = [f"  {describe(item)}" for item in items[:MAX_LISTED]]
    if len(items) > MAX_LISTED:
        lines.append(f"  … et {len(items) - MAX_LISTED} autres")
    return "\n".join(lines)
