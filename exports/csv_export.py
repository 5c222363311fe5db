"""The ideas of an atelier as CSV, for spreadsheets: UTF-8 with a BOM (Excel reads the
accents right), ``,`` or ``;`` (French spreadsheets), one line per idea.

The header uses the names that ``fabrique import-cards`` reads back, in the documents'
language (texte, colonne, persona, horizon, thèmes, nature — or text, column, persona, horizon,
tags, kind), followed by table and votes; when
participants' phones voted, a last column says how many of those dots came from phones. Themes are
separated by `` | `` so that « Transition énergétique » stays one theme.

A cell a spreadsheet would run as a formula (starting with ``=`` ``+`` ``-`` ``@``, a tab or
a carriage return: OWASP's CSV-injection rule) is written with a leading ``'``, shown as
text by Excel and LibreOffice; ``import-cards`` takes it off again. A text that starts with
such a ``'`` typed on purpose (« '=pas une formule ») gets one more, so that it reads back
whole.

The CSV of an atelier whose pistes are credited together with other ateliers' (the demo's
ateliers 3 and 4) lists them all, as its report does, with two last columns: ``ateliers``
(« ateliers 3 et 4 ») and ``id``, the piste's one id, the same in each of their CSVs.

The ``nature`` of a Valeurs wall's card says what it is there (« Atout », « Problème »,
« Valeur proposée », « Valeur adoptée »: ``Idea.role``), of any other card its kind (« Piste
de projet », « Futur engagé »); ``import-cards`` reads either back as an idea.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from exports.safe_write import write_bytes
from fabrique_desktop import credit
from fabrique_desktop.model import CARD_KINDS, IDEA
from fabrique_desktop.report import SessionReport
from fabrique_desktop.report_words import tr
from fabrique_desktop.typography import current_language
from fabrique_desktop.votes import PHONES

JOINT = ("ateliers", "id")
"""Two last columns, only in the CSV of an atelier whose pistes are credited together with
other ateliers' (« ateliers 3 et 4 »): each of their CSVs lists the same pistes, each with
its one id, so that a spreadsheet holding both counts every piste once."""
ENGLISH_JOINT = ("workshops", "id")
HEADER = ("texte", "colonne", "persona", "horizon", "thèmes", "table", "votes", "nature")
PHONE_VOTES = "votes des téléphones"
"""A last column, only in the CSV of a session where participants' phones voted."""
ENGLISH_HEADER = ("text", "column", "persona", "horizon", "tags", "table", "votes", "kind")
ENGLISH_PHONE_VOTES = "phone votes"
DELIMITERS = (",", ";")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> object:
    """``cell`` as a spreadsheet shows it as text: a ``'`` before a formula-like start, and
    before a ``'`` typed in front of one (``import-cards`` takes one ``'`` off)."""
    if isinstance(cell, str) and (
        cell.startswith(FORMULA_START) or (cell[:1] == "'" and cell[1:2] in FORMULA_START)
    ):
        return "'" + cell
    return cell


def safe_row(cells: tuple[object, ...]) -> tuple[object, ...]:
    return tuple(neutralise(c) for c in cells)


def session_csv(report: SessionReport, delimiter: str = ",") -> bytes:
    if delimiter not in DELIMITERS:
        raise ValueError(delimiter)
    titles = report.column_titles
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    phones = any(k.kind == PHONES for k in report.voter_kinds)
    english = current_language() == "en"
    header: tuple[str, ...] = ENGLISH_HEADER if english else HEADER
    if phones:
        header = (*header, ENGLISH_PHONE_VOTES if english else PHONE_VOTES)
    joint = report.joint is not None and report.session.number in report.joint.boards
    writer.writerow((*header, *(ENGLISH_JOINT if english else JOINT)) if joint else header)
    for idea in report.cards:
        row: tuple[object, ...] = (
            idea.text,
            titles.get(idea.column, idea.column),
            idea.persona,
            idea.horizon,
            " | ".join(idea.tags),
            idea.table,
            idea.votes,
            tr(idea.role or CARD_KINDS.get(idea.kind, CARD_KINDS[IDEA])),
        )
        if phones:
            row = (*row, idea.phone_votes)
        if joint:
            row = (*row, credit.ateliers_label(idea.ateliers), idea.id)
        writer.writerow(safe_row(row))
    return out.getvalue().encode("utf-8-sig")


def write_session_csv(report: SessionReport, target: Path | str, delimiter: str = ",") -> None:
    write_bytes(target, session_csv(report, delimiter))
