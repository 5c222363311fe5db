"""The ideas of an atelier as CSV, for spreadsheets: UTF-8 with a BOM (Excel reads the
accents right), ``,`` or ``;`` (French spreadsheets), one line per idea.

The header uses the French names that ``fabrique import-cards`` reads back
(texte, colonne, persona, horizon, thèmes), followed by table and votes.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from exports.safe_write import write_bytes
from fabrique_desktop.report import SessionReport

HEADER = ("texte", "colonne", "persona", "horizon", "thèmes", "table", "votes")
DELIMITERS = (",", ";")


def session_csv(report: SessionReport, delimiter: str = ",") -> bytes:
    if delimiter not in DELIMITERS:
        raise ValueError(delimiter)
    titles = report.column_titles
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    for idea in report.ideas:
        writer.writerow(
            (
                idea.text,
                titles.get(idea.column, idea.column),
                idea.persona,
                idea.horizon,
                " ".join(idea.tags),
                idea.table,
                idea.votes,
            )
        )
    return out.getvalue().encode("utf-8-sig")


def write_session_csv(report: SessionReport, target: Path | str, delimiter: str = ",") -> None:
    write_bytes(target, session_csv(report, delimiter))
