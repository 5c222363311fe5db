"""Photos of paper boards and flip charts attached to a session.

The core keeps metadata only: the file lives in the data folder's ``media`` directory
under a name of its own; the ``Photo`` row holds that name, a caption and a position.
Only JPEG and PNG files are accepted, recognised by their first bytes. Scaling large
photos down for the screen and for reports is done by the UI and the exports.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from fabrique_desktop import changes, disk
from fabrique_desktop.changes import Change
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Entity, new_id, register
from fabrique_desktop.ports import Store

MAX_BYTES = 80 * 1024 * 1024
SIGNATURES = {b"\xff\xd8\xff": "jpg", b"\x89PNG\r\n\x1a\n": "png"}


class PhotoError(FabriqueError):
    """A file that cannot be added as a photo."""


@register
@dataclass(kw_only=True)
class Photo(Entity):
    """A photo of the session; ``file_name`` is relative to the data folder's media folder."""

    kind: ClassVar[str] = "photos"

    session_id: str = ""
    file_name: str = ""
    caption: str = ""
    position: float = 0.0
    original_name: str = ""


def image_type(head: bytes) -> str | None:
    """``"jpg"`` or ``"png"`` from a file's first bytes, ``None`` for anything else."""
    for signature, extension in SIGNATURES.items():
        if head.startswith(signature):
            return extension
    return None


def check(source: Path) -> str:
    """The extension to store ``source`` under; a French ``PhotoError`` if it is not usable."""
    try:
        size = source.stat().st_size
        with source.open("rb") as f:
            head = f.read(16)
    except FileNotFoundError as error:
        raise PhotoError(f"Le fichier « {source.name} » est introuvable.") from error
    except OSError as error:
        raise PhotoError(f"Impossible de lire « {source.name} » : {disk.reason(error)}.") from error
    if size == 0:
        raise PhotoError(f"Le fichier « {source.name} » est vide.")
    if size > MAX_BYTES:
        raise PhotoError(f"La photo « {source.name} » est trop lourde (80 Mo au plus).")
    extension = image_type(head)
    if extension is None:
        raise PhotoError(
            f"« {source.name} » n'est pas une photo JPEG ou PNG : elle n'a pas été ajoutée."
        )
    return extension


def photos(store: Store, session_id: str) -> list[Photo]:
    return store.find(Photo, session_id=session_id)


def add(store: Store, media_dir: Path, session_id: str, source: Path, caption: str = "") -> Change:
    """Copy ``source`` into ``media_dir`` and describe it; the copy happens now, the row
    when the change is applied (an orphan file is harmless, a row without file is not)."""
    source = Path(source)
    extension = check(source)
    name = f"{new_id()}.{extension}"
    try:
        media_dir.mkdir(parents=True, exist_ok=True)
        partial = media_dir / f"{name}.part"
        with source.open("rb") as original, disk.create_new(partial) as copy:
            shutil.copyfileobj(original, copy)  # a planted link is replaced, not followed
        partial.replace(media_dir / name)
    except OSError as error:
        raise PhotoError(
            f"Impossible de copier la photo dans « {media_dir} » : {disk.reason(error)}."
        ) from error
    existing = photos(store, session_id)
    photo = Photo(
        session_id=session_id,
        file_name=name,
        caption=caption.strip() or source.stem,
        position=(existing[-1].position + 1.0) if existing else 1.0,
        original_name=source.name,
    )
    return Change("Ajouter une photo", (changes.create(photo),))


def path(media_dir: Path, photo: Photo) -> Path | None:
    """The photo's file, only if it is a file of ``media_dir`` (``paths.media_file``)."""
    from fabrique_desktop.paths import media_file

    return media_file(media_dir, photo.file_name)


def edit_caption(photo: Photo, caption: str) -> Change:
    edit = changes.update(photo, caption=caption.strip())
    return Change("Modifier la légende", (edit,) if edit.after else ())


def remove(photo: Photo) -> Change:
    """A tombstone: the file stays in the media folder, so undo brings the photo back."""
    return Change("Retirer la photo", (changes.delete(photo),))


def move(store: Store, photo: Photo, delta: int) -> Change:
    items = photos(store, photo.session_id)
    index = next((i for i, p in enumerate(items) if p.id == photo.id), None)
    if index is None or not 0 <= index + delta < len(items) or delta == 0:
        return Change("Déplacer la photo")
    other = items[index + delta]
    return Change(
        "Déplacer la photo",
        (
            changes.update(photo, position=other.position),
            changes.update(other, position=photo.position),
        ),
    )
