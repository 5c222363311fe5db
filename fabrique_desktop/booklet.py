"""The editorial voice of a series' booklet: the organisation that publishes it, its logo,
and the texts the facilitator writes (introduction, « pourquoi », « la suite », who took
part). They live in the series' own copy of the template (``booklet``), so that a template
carries defaults for every new series and an exported template takes them along.

The logo is a file of the data folder's media folder, named by its content
(``logo-<sha256>.png``); the booklet keeps its name. It travels with the series: zipped in a
``.fabrique`` copy beside the photos, and inside an exported template (``logo_data``, in
base64), written back into the media folder when the template is imported.
"""

from __future__ import annotations

import base64
import binascii
import copy
from collections.abc import Mapping
from pathlib import Path, PurePath
from typing import Any

from fabrique_desktop import changes
from fabrique_desktop.changes import Change
from fabrique_desktop.errors import TemplateError
from fabrique_desktop.limits import MAX_LOGO_BYTES, MAX_TEXT, is_media_name
from fabrique_desktop.model import Series
from fabrique_desktop.template import validate

FIELDS = ("organisation", "logo", "introduction", "why", "next", "participants")
NAMES = {
    "introduction": "L'introduction",
    "why": "« Pourquoi ce projet ? »",
    "next": "« La suite »",
    "participants": "La liste des participants",
}
LONGEST = {"organisation": 200, "logo": 4096}
"""Single-line fields have a length limit; the texts are as long as people write them."""


def texts(series: Series) -> dict[str, str]:
    """The series' booklet texts (empty strings for those never written)."""
    from fabrique_desktop.report import booklet_of
    from fabrique_desktop.template import Template

    booklet = booklet_of(Template.from_dict(series.template))
    return {name: getattr(booklet, name) for name in FIELDS}


def edit_texts(series: Series, values: Mapping[str, str]) -> Change:
    """Replace the booklet texts of ``series`` (unknown names are ignored); no edit when
    nothing changed."""
    current = texts(series)
    written = {}
    for name in FIELDS:
        value = str(values.get(name, current[name]))
        if name in LONGEST:
            value = " ".join(value.split())[: LONGEST[name]]
        else:
            value = value.replace("\r\n", "\n").strip()
            if len(value) > MAX_TEXT:
                raise TemplateError(
                    f"{NAMES[name]} fait {len(value)} caractères : au plus {MAX_TEXT:,} "
                    "dans le livret. Raccourcissez ce texte.".replace(",", "\u202f")
                )
        written[name] = value
    if written == current and "booklet" in series.template:
        return Change("Modifier les textes du livret", ())
    data = copy.deepcopy(series.template)
    data["booklet"] = written
    validate(data)
    from fabrique_desktop import validation  # pydantic: only when saving

    validation.template_document(data, "Textes du livret")
    edit = changes.update(series, template=data)
    return Change("Modifier les textes du livret", (edit,) if edit.after else ())


# the logo's file


def logo_name(template: Mapping[str, Any]) -> str:
    """The name of the booklet's logo in the media folder ("" without one). Earlier versions
    kept a whole path: only its name counts, as everywhere a file of media/ is named."""
    booklet = template.get("booklet")
    logo = booklet.get("logo") if isinstance(booklet, Mapping) else None
    name = PurePath(logo).name if isinstance(logo, str) and logo else ""
    return name if is_media_name(name) else ""


def keep_logo(media_dir: Path, data: bytes, what: str = "Le logo") -> str:
    """Write a logo's bytes into the media folder (once: the name is the content's
    fingerprint) and return its name; a French ``TemplateError`` if it is not a PNG or JPEG
    image, too heavy, or cannot be written."""
    from fabrique_desktop import media

    try:
        return media.keep_image(media_dir, data, prefix="logo", what=what, limit=MAX_LOGO_BYTES)
    except media.ImageError as error:
        raise TemplateError(str(error)) from error


def embed_logo(document: dict[str, Any], media_dir: Path | None) -> bool:
    """Put the series' logo inside an exported template (``booklet.logo_data``), so that it
    travels with it; False when the series has none, or its file is missing or too heavy."""
    from fabrique_desktop.paths import media_file

    name = logo_name(document)
    path = media_file(media_dir, name) if name else None
    if path is None:
        return False
    try:
        if path.stat().st_size > MAX_LOGO_BYTES:
            return False
        data = path.read_bytes()
    except OSError:
        return False
    document["booklet"] = {**document["booklet"], "logo": name}
    document["booklet"]["logo_data"] = base64.b64encode(data).decode("ascii")
    return True


def unpack_logo(document: dict[str, Any], media_dir: Path | None) -> None:
    """Write the logo a template carries (``logo_data``) into the media folder and name it
    in the booklet; the document no longer holds the image. Without a media folder (or
    without ``logo_data``) the booklet names no file of another computer."""
    booklet = document.get("booklet")
    if not isinstance(booklet, dict):
        return
    encoded = booklet.pop("logo_data", "")
    if not encoded or media_dir is None:
        if booklet.get("logo"):
            booklet["logo"] = ""
        return
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError) as error:
        raise TemplateError("Le logo du modèle est illisible.") from error
    booklet["logo"] = keep_logo(media_dir, data, "Le logo du modèle")
