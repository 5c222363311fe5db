"""The ICU data that Qt carries (libicudata, 32 MB), cut down to the languages Fabrique ships.

PySide6's Qt links ICU, whose data library holds every locale of the world: names of
languages, regions, currencies and units, calendars, collation rules, converters for legacy
encodings, break dictionaries for Thai or Japanese… Fabrique speaks French and English; Qt
uses ICU there for locale-aware comparison and case mapping, with its own tables for text
layout and line breaking. The standalone app keeps ICU's structural data (properties,
normalisation, aliases, the root and supplemental data) and the root, French and English
entries of each category; the library is rebuilt around that package (a C compiler is
needed; without one the whole library stays). Measured on PySide6 6.11 (ICU 73): 32 → 4.4 MB.

The ICU data package is « common data »: a header, a table of contents (item names sorted,
offsets from the table), then each item on a 16-byte boundary. The library exports it as
one symbol, ``icudt<version>_dat``.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

LANGUAGES = ("fr", "en")
# the regional variants kept: France's, Belgium's, Switzerland's, Canada's French; the US's,
# Britain's and the « world » English (en_001, en_150: the parents of most others)
REGIONS = ("FR", "BE", "CH", "CA", "US", "US_POSIX", "GB", "001", "150")
# an item named like a locale (« de », « pt_BR », « sr_Latn_BA »), as opposed to ICU's own data
LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")
# converters of legacy encodings, break dictionaries, transliteration rules: Qt uses none
DROPPED_SUFFIXES = (".cnv", ".dict")
DROPPED_FOLDERS = ("translit",)
ALIGN = 16


def wanted(name: str) -> bool:
    """Whether an item of the package (``icudt73l/fr.res``, ``icudt73l/coll/de.res``…) stays."""
    parts = name.split("/")[1:]
    leaf = parts[-1]
    if leaf.endswith(DROPPED_SUFFIXES) or parts[0] in DROPPED_FOLDERS:
        return False
    stem = leaf.rsplit(".", 1)[0]
    if not LOCALE.match(stem) or stem == "root":
        return True  # ICU's own data: properties, aliases, root, pool, indexes, supplemental
    language, _, region = stem.partition("_")
    return language in LANGUAGES and (not region or region in REGIONS)


def items(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The package's header and its items (name, bytes), in the table's order."""
    header_size = struct.unpack_from("<H", package, 0)[0]
    if package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD":
        raise ValueError("not ICU common data")
    toc = header_size
    count = struct.unpack_from("<I", package, toc)[0]
    entries = [struct.unpack_from("<II", package, toc + 4 + 8 * i) for i in range(count)]
    out = []
    for index, (name_offset, data_offset) in enumerate(entries):
        end = package.index(b"\0", toc + name_offset)
        name = package[toc + name_offset : end].decode("ascii")
        stop = toc + entries[index + 1][1] if index + 1 < count else len(package)
        out.append((name, package[toc + data_offset : stop]))
    return package[:header_size], out


def pack(header: bytes, kept: list[tuple[str, bytes]]) -> bytes:
    """A common data package of these items (names kept in their sorted order)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in kept)
    table = 4 + 8 * len(kept)
    data_start = _aligned(table + len(names))
    offsets, position, name_position = [], data_start, table
    for name, data in kept:
        offsets.append((name_position, position))
        name_position += len(name) + 1
        position = _aligned(position + len(data))
    out = bytearray(header)
    out += struct.pack("<I", len(kept))
    for name_offset, data_offset in offsets:
        out += struct.pack("<II", name_offset, data_offset)
    out += names
    out += b"\xaa" * (len(header) + data_start - len(out))  # as ICU's own tool pads
    for (_, data_offset), (_, data) in zip(offsets, kept, strict=True):
        out += b"\0" * (len(header) + data_offset - len(out))
        out += data
    return bytes(out)


def _aligned(n: int) -> int:
    return (n + ALIGN - 1) // ALIGN * ALIGN


def package_of(library: Path) -> tuple[str, bytes]:
    """The symbol and the common data package that ``library`` exports."""
    listing = subprocess.run(
        ["nm", "-D", "-S", str(library)], capture_output=True, text=True, check=True
    ).stdout
    for line in listing.splitlines():
        fields = line.split()
        if len(fields) == 4 and re.fullmatch(r"icudt\d+_dat", fields[3]):
            address, size = int(fields[0], 16), int(fields[1], 16)
            return fields[3], _read_at(library, address, size)
    raise ValueError(f"{library.name}: no ICU data symbol")


def _read_at(library: Path, address: int, size: int) -> bytes:
    """Bytes at a virtual address of the library (its loadable segments, from readelf)."""
    listing = subprocess.run(
        ["readelf", "-W", "-l", str(library)], capture_output=True, text=True, check=True
    ).stdout
    data = library.read_bytes()
    for line in listing.splitlines():
        fields = line.split()
        if fields[:1] == ["LOAD"]:
            offset, virtual, file_size = (int(fields[i], 16) for i in (1, 2, 4))
            if virtual <= address and address + size <= virtual + file_size:
                start = offset + address - virtual
                return data[start : start + size]
    raise ValueError(f"{library.name}: data symbol outside the file's segments")


def trimmed_library(library: Path, target: Path) -> bool:
    """Write to ``target`` the ICU data library of ``library`` with only the data kept by
    ``wanted``; False (nothing written) without a C compiler or the binutils."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None or shutil.which("nm") is None or shutil.which("readelf") is None:
        return False
    symbol, package = package_of(library)
    header, every = items(package)
    data = pack(header, [(name, body) for name, body in every if wanted(name)])
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "icudata.dat").write_bytes(data)
        (work / "icudata.S").write_text(
            "\n".join(
                [
                    '.section .rodata,"a"',
                    f".globl {symbol}",
                    f".type {symbol}, @object",
                    f".balign {ALIGN}",
                    f"{symbol}:",
                    '.incbin "icudata.dat"',
                    f".size {symbol}, .-{symbol}",
                    '.section .note.GNU-stack,"",@progbits',
                    "",
                ]
            ),
            encoding="ascii",
        )
        subprocess.run(
            [
                compiler,
                "-shared",
                "-nostdlib",
                f"-Wl,-soname,{library.name}",
                "-o",
                str(target),
                "icudata.S",
            ],
            cwd=work,
            check=True,
        )
    return True
