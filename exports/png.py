"""A minimal PNG writer for flat-coloured images: 8-bit RGB, no row filter, fast zlib.

The board image is drawn by Qt, but Qt's PNG writer (libpng's adaptive row filters) takes
about three times as long as the drawing for a large board. Flat colours and text compress
well without filters: zlib at level 1 gives files as small as Qt's at a fraction of the time.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable

SIGNATURE = b"\x89PNG\r\n\x1a\n"
LEVEL = 1
NO_FILTER = b"\x00"
BATCH = 512  # rows and filter bytes handed to zlib at once


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(data, zlib.crc32(kind))
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png_bytes(width: int, height: int, rows: Iterable[bytes | memoryview]) -> bytes:
    """A PNG of ``height`` rows of ``width`` RGB pixels (3 bytes each, top to bottom)."""
    if width <= 0 or height <= 0:
        raise ValueError("an image needs at least one pixel")
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    packer = zlib.compressobj(LEVEL)
    parts = []
    batch: list[bytes | memoryview] = []
    count = 0
    for row in rows:
        if len(row) != width * 3:
            raise ValueError(f"row {count} holds {len(row)} bytes, not {width * 3}")
        batch += (NO_FILTER, row)
        count += 1
        if len(batch) >= BATCH:  # zlib works (without the GIL) on large pieces
            parts.append(packer.compress(b"".join(batch)))
            batch.clear()
    if count != height:
        raise ValueError(f"{count} rows for an image {height} pixels high")
    parts.append(packer.compress(b"".join(batch)))
    parts.append(packer.flush())
    return b"".join(
        (SIGNATURE, _chunk(b"IHDR", header), _chunk(b"IDAT", b"".join(parts)), _chunk(b"IEND", b""))
    )
