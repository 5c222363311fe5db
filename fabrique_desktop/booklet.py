"""The editorial voice of a series' booklet: the organisation that publishes it, its logo,
and the texts the facilitator writes (introduction, « pourquoi », « la suite », who took
part). They live in the series' own copy of the template (``booklet``), so that a template
carries defaults for every new series and an exported template takes them along.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping

from fabrique_desktop import changes
from fabrique_desktop.changes import Change
from fabrique_desktop.errors import TemplateError
from fabrique_desktop.limits import MAX_TEXT
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
