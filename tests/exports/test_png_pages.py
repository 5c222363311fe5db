"""A multi-page PNG export names and cleans its pages as one unit: the pages of a longer
earlier export are removed, a file of the user's under a page's name is never replaced."""

from __future__ import annotations

from pathlib import Path

import pytest

from exports.png import check_pages, made_by_fabrique, png_bytes, remove_stale_pages
from exports.safe_write import ExportError


def page(target: Path, number: int) -> Path:
    return target if number == 1 else target.with_name(f"{target.stem}-{number}.png")


def test_pages_left_by_a_longer_export_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "tableau.png"
    for number in (1, 2, 3):  # yesterday's export of another atelier: three pages
        page(target, number).write_bytes(png_bytes(1, 1, [b"\x01\x02\x03"]))
    assert made_by_fabrique(page(target, 3))
    mine = page(target, 5)
    mine.write_bytes(png_bytes(1, 1, [b"\x01\x02\x03"]))  # not following on: kept
    removed = remove_stale_pages(1, lambda n: page(target, n))
    assert removed == [page(target, 2), page(target, 3)]
    assert target.exists()
    assert mine.exists()


def test_a_file_of_the_user_under_a_page_name_is_never_replaced(tmp_path: Path) -> None:
    target = tmp_path / "tableau.png"
    theirs = page(target, 2)
    theirs.write_bytes(b"\x89PNG\r\n\x1a\n a photo of the paper board")
    with pytest.raises(ExportError, match="n'est pas une page d'un export de Fabrique"):
        check_pages([target, theirs])
    assert remove_stale_pages(1, lambda n: page(target, n)) == []
    assert theirs.read_bytes().endswith(b"paper board")
