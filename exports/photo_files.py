"""A photo as a document embeds it (the PDF report, the series booklet, the HTML edition):
decoded whole first, so that a file cut short (an interrupted copy: it passes the PNG/JPEG
check when added) is named as unreadable, never embedded broken; turned upright as the phone
meant it; at most MAX_PHOTO_SIDE pixels wide or high."""

from __future__ import annotations

import io
from pathlib import Path

# A photo is printed at most 17 cm wide: 2000 pixels is more than 250 dpi there. A phone's
# 4000-pixel photo embedded as is made a 5 MB report per photo.
MAX_PHOTO_SIDE = 2000
PNG_MAGIC = b"\x89PNG"


def printable_photo(path: Path) -> str | io.BytesIO:
    """The photo as a document should embed it: its own file when it is upright and small
    enough (then ``str(path)``), or a new PNG or JPEG in memory. Raises (``OSError``,
    PIL's errors, anything a damaged file provokes) when the photo cannot be decoded."""
    from PIL import Image as Picture
    from PIL import ImageOps

    with Picture.open(path) as picture:
        turned = picture.getexif().get(0x0112, 1) not in (0, 1)
        if not turned and max(picture.size) <= MAX_PHOTO_SIDE:
            picture.load()  # decoded whole: a file cut short fails here, not in the document
            return str(path)
        upright = ImageOps.exif_transpose(picture)
        upright.thumbnail((MAX_PHOTO_SIDE, MAX_PHOTO_SIDE))
        out = io.BytesIO()
        if upright.mode in ("RGBA", "LA", "P"):
            upright.save(out, "PNG", optimize=True)
        else:
            upright.convert("RGB").save(out, "JPEG", quality=85)
        out.seek(0)
        return out


def photo_bytes(path: Path) -> tuple[bytes, str] | None:
    """The bytes ``printable_photo`` gives, and their MIME type; None when the photo cannot
    be read or decoded."""
    import mimetypes

    try:
        photo = printable_photo(path)
        if isinstance(photo, str):
            return Path(photo).read_bytes(), mimetypes.guess_type(path.name)[0] or "image/jpeg"
    except Exception:  # damaged, cut short, missing, not an image: the caller names it
        return None
    data = photo.getvalue()
    return data, "image/png" if data.startswith(PNG_MAGIC) else "image/jpeg"
