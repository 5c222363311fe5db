"""A minimal PNG writer for flat-coloured images: 8-bit RGB, no row filter, fast deflate.

The board image is drawn by Qt, but Qt's PNG writer (libpng's adaptive row filters) takes
about three times as long as the drawing for a large board. Flat colours and text compress
well without filters. The deflate is ISA-L's (``isal``) at its level 1 when it is installed:
about 7× zlib's fastest level on a board page (13 vs 87 ms), for files 15 % larger; zlib's
otherwise. Either writes a standard deflate stream, which every PNG reader reads. The
checksums (adler-32 of the rows, CRC-32 of the chunks) are ISA-L's too: zlib's took as long
as the deflate itself (40 vs 6 ms a page).

Given threads (``PngJob`` with an executor), the rows are cut in parts deflated side by side
and joined into one zlib stream, as pigz does: each part but the last ends on a byte
boundary (a sync flush), and the checksums of the parts are combined into the stream's.

Rows given ``Filtered`` (one buffer holding each row after its filter byte, as the stream
holds them) are deflated where they lie: no copy of the page joined row by row.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, wait
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from exports.safe_write import ExportError


def _deflating() -> ModuleType:
    """ISA-L's zlib-like module, or zlib (a source install without it)."""
    try:
        from isal import isal_zlib
    except ImportError:
        return zlib
    return isal_zlib


deflating = _deflating()

SIGNATURE = b"\x89PNG\r\n\x1a\n"
LEVEL = 1
ZLIB_HEADER = b"\x78\x01"  # deflate, 32 KiB window, fastest: what compressobj(1) writes
NO_FILTER = b"\x00"
BATCH = 512  # rows handed to zlib at once: large pieces, compressed without the GIL
ADLER_BASE = 65521

Row = bytes | memoryview
Packed = tuple[bytes, int, int]  # deflated bytes, adler-32 and length of the raw data


@dataclass(frozen=True)
class Filtered:
    """An image's rows laid out as the PNG's raw data already: each row is its filter byte
    (0: none) then its pixels, ``stride`` bytes, one row after the other in ``data``."""

    data: memoryview
    stride: int


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = deflating.crc32(data, deflating.crc32(kind))
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def _deflate(rows: Sequence[Row], last: bool) -> Packed:
    """Raw deflate of ``rows`` (each after its filter byte), ending the stream if ``last``."""
    packer = deflating.compressobj(LEVEL, zlib.DEFLATED, -15)
    parts = []
    adler, length = 1, 0
    for start in range(0, len(rows), BATCH):
        raw = b"".join(x for row in rows[start : start + BATCH] for x in (NO_FILTER, row))
        adler = deflating.adler32(raw, adler)
        length += len(raw)
        parts.append(packer.compress(raw))
    parts.append(packer.flush(deflating.Z_FINISH if last else deflating.Z_SYNC_FLUSH))
    return b"".join(parts), adler, length


def _deflate_filtered(data: memoryview, last: bool) -> Packed:
    """Raw deflate of rows already after their filter bytes, in one piece."""
    packer = deflating.compressobj(LEVEL, zlib.DEFLATED, -15)
    flush = deflating.Z_FINISH if last else deflating.Z_SYNC_FLUSH
    return packer.compress(data) + packer.flush(flush), deflating.adler32(data), len(data)


def adler32_combine(first: int, second: int, second_length: int) -> int:
    """The adler-32 of two pieces of data from theirs (zlib's adler32_combine)."""
    rem = second_length % ADLER_BASE
    low = first & 0xFFFF
    high = (rem * low) % ADLER_BASE
    low = (low + (second & 0xFFFF) + ADLER_BASE - 1) % ADLER_BASE
    high = (high + (first >> 16) + (second >> 16) + ADLER_BASE - rem) % ADLER_BASE
    return low | (high << 16)


class PngJob:
    """A PNG being packed: started at once (in ``pool``'s threads, in parts, if given),
    its bytes from ``result()``. ``keep`` is held until then (the image the rows are in)."""

    def __init__(
        self,
        width: int,
        height: int,
        rows: Sequence[Row] | Filtered,
        pool: Executor | None = None,
        parts: int = 2,
        keep: object = None,
    ) -> None:
        if width <= 0 or height <= 0:
            raise ValueError("an image needs at least one pixel")
        if isinstance(rows, Filtered):
            _check_filtered(width, height, rows)
        else:
            _check_rows(width, height, rows)
        self.width, self.height = width, height
        self._keep = keep
        count = parts if pool is not None and height >= parts * BATCH else 1
        size = -(-height // count)
        self._parts: list[Future[Packed] | Packed] = []
        for start in range(0, height, size):
            last = start + size >= height
            if isinstance(rows, Filtered):  # deflated where they lie
                end = min(start + size, height) * rows.stride
                data = rows.data[start * rows.stride : end]
                if pool is not None:
                    self._parts.append(pool.submit(_deflate_filtered, data, last))
                else:
                    self._parts.append(_deflate_filtered(data, last))
            elif pool is not None:
                self._parts.append(pool.submit(_deflate, rows[start : start + size], last))
            else:
                self._parts.append(_deflate(rows[start : start + size], last))

    def deflated(self) -> None:
        """Wait until every part is deflated (its rows read; a part that failed raises when
        the ``result`` is asked for)."""
        wait([p for p in self._parts if isinstance(p, Future)])

    def result(self) -> bytes:
        packed = [p.result() if isinstance(p, Future) else p for p in self._parts]
        self._keep = None
        adler = packed[0][1]
        for _data, part_adler, length in packed[1:]:
            adler = adler32_combine(adler, part_adler, length)
        stream = b"".join(
            [ZLIB_HEADER, *(data for data, _a, _l in packed), struct.pack(">I", adler)]
        )
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)  # 8-bit RGB
        return b"".join(
            (
                SIGNATURE,
                _chunk(b"IHDR", header),
                SOFTWARE,
                _chunk(b"IDAT", stream),
                _chunk(b"IEND", b""),
            )
        )


def _check_rows(width: int, height: int, rows: Sequence[Row]) -> None:
    if len(rows) != height:
        raise ValueError(f"{len(rows)} rows for an image {height} pixels high")
    for number, row in enumerate(rows):
        if len(row) != width * 3:
            raise ValueError(f"row {number} holds {len(row)} bytes, not {width * 3}")


def _check_filtered(width: int, height: int, rows: Filtered) -> None:
    if rows.stride != 1 + width * 3:
        raise ValueError(f"rows of {rows.stride} bytes, not {1 + width * 3}")
    if len(rows.data) < height * rows.stride:
        raise ValueError(f"{len(rows.data) // rows.stride} rows for an image {height} pixels high")
    if any(rows.data[: height * rows.stride : rows.stride]):
        raise ValueError("a row's filter byte is not 0 (no filter)")


# every PNG written here says it was made by Fabrique, so that an export's own earlier pages
# can be told from a file of the user's (``check_pages``, ``remove_stale_pages``)
SOFTWARE = _chunk(b"tEXt", b"Software\x00Fabrique")
_IHDR_END = len(SIGNATURE) + 8 + 13 + 4


def made_by_fabrique(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            start = f.read(_IHDR_END + len(SOFTWARE))
    except OSError:
        return False
    return start.startswith(SIGNATURE) and start[_IHDR_END:] == SOFTWARE


def check_pages(pages: Sequence[Path]) -> None:
    """Refuse, before anything is written, a multi-page export whose next pages' names are
    taken by files that are not pages of an earlier export (``board-2.png`` of the user's)."""
    for page in pages[1:]:
        if page.exists() and not made_by_fabrique(page):
            raise ExportError(
                f"« {page.name} » existe déjà et n'est pas une page d'un export de Fabrique : "
                f"l'export de {len(pages)} pages l'aurait remplacé. Choisissez un autre nom ; "
                "rien n'a été écrit."
            )


def remove_stale_pages(count: int, page_path: Callable[[int], Path]) -> list[Path]:
    """The pages after the ``count`` just written, left by a longer export under the same
    name, removed (only Fabrique's own pages, and only while they follow on)."""
    removed = []
    number = count + 1
    while (page := page_path(number)).exists() and made_by_fabrique(page):
        page.unlink(missing_ok=True)
        removed.append(page)
        number += 1
    return removed


def png_bytes(width: int, height: int, rows: Sequence[Row]) -> bytes:
    """A PNG of ``height`` rows of ``width`` RGB pixels (3 bytes each, top to bottom)."""
    return PngJob(width, height, rows).result()
