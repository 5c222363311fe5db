"""Images the facilitator chooses for the documents — the booklet's logo, a persona's
portrait — kept in the data folder's media folder under a name made of their content
(``logo-<sha256>.png``): the same image is kept once, and what names it keeps working when
the original file moves. Only PNG and JPEG images, recognised by their first bytes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from fabrique_desktop import disk
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.photos import image_type


class ImageError(FabriqueError):
    """An image that cannot be kept: not a PNG or JPEG, too heavy, or unreadable."""


def keep_image(media_dir: Path, data: bytes, *, prefix: str, what: str, limit: int) -> str:
    """Write ``data`` into ``media_dir`` (once) and return its name; ``what`` names the
    image in the French ``ImageError`` (« Le logo », « La photo « x.png » »)."""
    extension = image_type(data[:16])
    if extension is None:
        raise ImageError(f"{what} n'est pas une image PNG ou JPEG.")
    if len(data) > limit:
        raise ImageError(too_heavy(what, limit))
    name = f"{prefix}-{hashlib.sha256(data).hexdigest()[:24]}.{extension}"
    target = media_dir / name
    try:
        if not target.is_file():
            media_dir.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(name + ".part")
            with disk.create_new(partial) as f:  # a planted link is replaced, not followed
                f.write(data)
            partial.replace(target)
    except OSError as error:
        raise ImageError(
            f"{what} n'a pas pu être copié dans « {media_dir} » : {disk.reason(error)}."
        ) from error
    return name


def keep_image_file(media_dir: Path, source: Path, *, prefix: str, what: str, limit: int) -> str:
    """``keep_image`` of a file, refused before it is read when it is too heavy."""
    try:
        if source.stat().st_size > limit:
            raise ImageError(too_heavy(what, limit))
        data = source.read_bytes()
    except OSError as error:
        raise ImageError(f"{what} n'a pas pu être lu : {disk.reason(error)}.") from error
    return keep_image(media_dir, data, prefix=prefix, what=what, limit=limit)


def too_heavy(what: str, limit: int) -> str:
    kilobytes = f"{limit // 1024:,}".replace(",", "\u202f")
    return f"{what} dépasse {kilobytes} Ko : choisissez une image plus légère."
