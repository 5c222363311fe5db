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


def test_pages_are_deflated_by_isa_l_into_a_stream_any_reader_inflates() -> None:
    """The board image's 16 pages of 2000 ideas spent 1.1-1.4 s of CPU in zlib's level 1;
    ISA-L's level 1 takes about a seventh of that, in a standard deflate stream."""
    import struct
    import zlib
    from concurrent.futures import ThreadPoolExecutor

    from exports import png

    assert png.deflating.__name__ == "isal.isal_zlib"
    width, height = 300, 1600
    rows = [
        bytes((x * 7 + y // 40) % 256 if (x // 50 + y // 30) % 3 else 240 for x in range(width * 3))
        for y in range(height)
    ]
    with ThreadPoolExecutor(2) as pool:
        data = png.PngJob(width, height, rows, pool, parts=3).result()
    start = data.index(b"IDAT") - 4
    length = struct.unpack(">I", data[start : start + 4])[0]
    stream = data[start + 8 : start + 8 + length]
    assert zlib.decompress(stream) == b"".join(b"\x00" + row for row in rows)


def test_rows_after_their_filter_bytes_are_deflated_where_they_lie(monkeypatch) -> None:
    """The board image packs each page from one buffer laid out as the PNG's raw data (each
    row after its filter byte): its parts are slices of it, deflated without being joined
    row by row, in the same stream as rows given one by one."""
    import struct
    import zlib
    from concurrent.futures import ThreadPoolExecutor

    from exports import png

    width, height = 97, 3 * 512 + 5
    rows = [bytes((x * y + y) % 256 for x in range(width * 3)) for y in range(height)]
    laid = bytearray(b"".join(b"\x00" + row for row in rows) + b"\x00" * (width * 3 + 1))
    joined: list[int] = []
    deflate = png._deflate
    monkeypatch.setattr(png, "_deflate", lambda *args: joined.append(1) or deflate(*args))
    with ThreadPoolExecutor(3) as pool:
        rows_laid = png.Filtered(memoryview(laid), width * 3 + 1)
        data = png.PngJob(width, height, rows_laid, pool, parts=3).result()
    assert joined == []  # no piece joined from rows
    start = data.index(b"IDAT") - 4
    length = struct.unpack(">I", data[start : start + 4])[0]
    stream = data[start + 8 : start + 8 + length]
    assert zlib.decompress(stream) == bytes(laid[: height * (width * 3 + 1)])
    assert zlib.crc32(data[start + 4 : start + 8 + length]) == int.from_bytes(
        data[start + 8 + length : start + 12 + length]
    )
    assert png.png_bytes(width, height, rows)[:start] == data[:start]  # same header
    laid[(width * 3 + 1) * 7] = 1  # a row with a filter
    with pytest.raises(ValueError, match="filter byte"):
        png.PngJob(width, height, png.Filtered(memoryview(laid), width * 3 + 1))
    with pytest.raises(ValueError, match="rows of 291 bytes"):
        png.PngJob(width, height, png.Filtered(memoryview(laid), width * 3))
    with pytest.raises(ValueError, match="rows for an image"):
        png.PngJob(width, height + 2, png.Filtered(memoryview(laid), width * 3 + 1))
