"""The zipped session bundle: the JSON bundle and the session's photos, in one file.

Layout: ``atelier.json`` (the bundle, see ``fabrique_desktop.bundle``) and ``media/<name>``
(files of the data folder's media folder, flat names only). A zip comes from another machine:
every entry is checked before anything is written (known names only, no folders, no absolute
path, no ``..``, no link, sizes and compression ratios bounded, bounded reads whatever the
headers claim), and the photos are extracted beside their final names until the merge commits.
"""

from __future__ import annotations

import stat
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from fabrique_desktop import disk
from fabrique_desktop.bundle import MAX_BYTES as MAX_JSON_BYTES
from fabrique_desktop.errors import BundleError
from fabrique_desktop.limits import MEDIA_NAME, shown

MAGIC = b"PK\x03\x04"
EXTENSION = ".fabrique"
BUNDLE_ENTRY = "atelier.json"
MEDIA_PREFIX = "media/"
MAX_ZIP_BYTES = 2 * 1024**3
MAX_ENTRIES = 5_000
MAX_MEDIA_BYTES = 80 * 1024 * 1024  # one photo (as ``photos.MAX_BYTES``)
MAX_TOTAL_BYTES = 2 * 1024**3
MAX_RATIO = 200  # uncompressed / compressed, for entries larger than RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
CHUNK = 1024 * 1024


def is_zip(head: bytes) -> bool:
    return head.startswith(MAGIC)


def write(f: BinaryIO, bundle_json: str, media: Iterable[tuple[str, Path]]) -> None:
    """Write the zip to ``f``: the bundle (compressed) and the photos (stored as they are)."""
    with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(BUNDLE_ENTRY, bundle_json.encode("utf-8"))
        for name, source in media:
            if MEDIA_NAME.fullmatch(name) and source.is_file():
                archive.write(source, MEDIA_PREFIX + name, compress_type=zipfile.ZIP_STORED)


@dataclass
class ZipBundle:
    """A checked zip: the bundle's bytes, and its media entries (not yet extracted)."""

    path: Path
    bundle: bytes
    media: list[zipfile.ZipInfo] = field(default_factory=list)


UNREADABLE = "Ce fichier n'est pas un atelier Fabrique (archive illisible)."


def read(path: Path) -> ZipBundle:
    """Check every entry and read the bundle; a French ``BundleError`` for anything amiss."""
    try:
        if path.stat().st_size > MAX_ZIP_BYTES:
            raise BundleError("Cette archive est trop volumineuse pour être un atelier Fabrique.")
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_entries(infos)
            entry = next((i for i in infos if i.filename == BUNDLE_ENTRY), None)
            if entry is None:
                raise BundleError("Ce fichier n'est pas un atelier Fabrique (pas d'atelier.json).")
            data = _read_bounded(archive, entry, MAX_JSON_BYTES)
            media = [i for i in infos if i.filename.startswith(MEDIA_PREFIX)]
    except OSError as error:
        if disk.is_environment(error):
            raise BundleError(
                f"Impossible de lire « {path.name} » : {disk.reason(error)}."
            ) from error
        # else a seek before the file's start: the offsets of a damaged zip
        raise BundleError(UNREADABLE) from error
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        NotImplementedError,
        zlib.error,
        RuntimeError,
        ValueError,
    ) as error:
        raise BundleError(UNREADABLE) from error
    return ZipBundle(path, data, media)


def _check_entries(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ENTRIES:
        raise BundleError("Cette archive contient trop de fichiers pour être un atelier.")
    names: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        media_name = name[len(MEDIA_PREFIX) :] if name.startswith(MEDIA_PREFIX) else None
        if name != BUNDLE_ENTRY and (media_name is None or not MEDIA_NAME.fullmatch(media_name)):
            raise BundleError(
                f"Archive refusée : le fichier « {shown(name, 80)} » n'a rien à y faire."
            )
        if name in names:
            raise BundleError(f"Archive refusée : « {shown(name, 80)} » y figure deux fois.")
        names.add(name)
        if info.flag_bits & 0x1:
            raise BundleError(f"Archive refusée : « {shown(name, 80)} » est chiffré.")
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode) or info.is_dir():
            raise BundleError(
                f"Archive refusée : « {shown(name, 80)} » n'est pas un fichier ordinaire."
            )
        limit = MAX_JSON_BYTES if name == BUNDLE_ENTRY else MAX_MEDIA_BYTES
        if info.file_size > limit:
            raise BundleError(f"Archive refusée : « {shown(name, 80)} » est trop volumineux.")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise BundleError(
                f"Archive refusée : « {shown(name, 80)} » est anormalement compressé (bombe zip ?)."
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise BundleError("Archive refusée : son contenu est trop volumineux.")


def _read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Read an entry, never more than its declared size (headers can lie) nor ``limit``."""
    bound = min(info.file_size, limit)
    with archive.open(info) as f:
        data = f.read(bound + 1)
    if len(data) > bound:
        raise BundleError(
            f"Archive refusée : « {shown(info.filename, 80)} » dépasse sa taille annoncée."
        )
    return data


@dataclass
class Extraction:
    """Photos written beside their final names, renamed only once the merge has committed."""

    pending: list[tuple[Path, Path]] = field(default_factory=list)

    def commit(self) -> int:
        for partial, final in self.pending:
            partial.replace(final)
        return len(self.pending)

    def discard(self) -> None:
        for partial, _ in self.pending:
            partial.unlink(missing_ok=True)


def extract_media(bundle: ZipBundle, media_dir: Path) -> Extraction:
    """Copy the archive's photos that this data folder lacks (existing files are kept)."""
    extraction = Extraction()
    if not bundle.media:
        return extraction
    name = ""  # the entry being extracted
    try:
        media_dir.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(bundle.path) as archive:
            for info in bundle.media:
                name = info.filename
                final = media_dir / info.filename[len(MEDIA_PREFIX) :]
                if final.exists():
                    continue
                partial = final.with_name(final.name + ".part")
                extraction.pending.append((partial, final))
                _copy_bounded(archive, info, partial)
    except BundleError:
        extraction.discard()
        raise
    except OSError as error:  # this disk (the archive itself was read whole before)
        extraction.discard()
        raise BundleError(
            f"Impossible d'extraire les photos dans « {shown(str(media_dir), 120)} » : "
            f"{disk.reason(error)}."
        ) from error
    except (zipfile.BadZipFile, EOFError, zlib.error, RuntimeError, ValueError) as error:
        extraction.discard()  # a damaged photo: wrong checksum, broken compressed data
        what = f"la photo « {shown(name, 80)} »" if name else "l'archive"
        raise BundleError(f"Archive refusée : {what} est abîmée (illisible).") from error
    return extraction


def _copy_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path) -> None:
    bound = min(info.file_size, MAX_MEDIA_BYTES)
    written = 0
    with archive.open(info) as source, disk.create_new(target) as out:
        while chunk := source.read(CHUNK):
            written += len(chunk)
            if written > bound:
                raise BundleError(
                    f"Archive refusée : « {shown(info.filename, 80)} » dépasse sa taille annoncée."
                )
            out.write(chunk)
