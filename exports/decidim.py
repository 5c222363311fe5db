"""Ideas as proposals for Decidim, the participation platform many cities run.

Decidim's admin « Import proposals from a file » reads a CSV whose columns are the fields
of its own export: ``title/<locale>``, ``body/<locale>`` and the category. Category ids
belong to each Decidim instance, so the Vivre is given by name (``category/name/fr``) for
the administrator to match, and ``category/id`` is left empty. Titles are cut at 150
characters on a word (Decidim's limit); the body keeps the whole idea and where it came
from (atelier, date, Vivre, horizon, themes, persona, votes).

Decidim reads the file as its own exports write it: cells separated by ``;``
(``Decidim::Admin::Import::Readers::CSV``, ``col_sep: ";"``), each cell taken as it is into
the proposal (no ``'`` is taken off, as ``import-cards`` does). So a title or body that a
spreadsheet would run as a formula is neutralised without a visible mark: a space before
it, which a spreadsheet reads as text and a web page does not show. Titles and bodies are
typeset (``typography.typeset``), as everything published.

Pistes credited together to several ateliers (the demo's « ateliers 3 et 4 ») are shown by
each of their reports, but each is one proposal: it is in the Decidim file of the atelier
whose wall holds it, said to come « des ateliers 3 et 4 », never from one of them.

A Valeurs atelier's cards (atouts, problèmes, values) are the territory's diagnosis, not
pistes put to its citizens: its Decidim file holds no proposal, and ``elsewhere_note`` says
so and that the Valeurs work (paradoxes, value system) is in its report.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from exports.csv_export import FORMULA_START, safe_row
from exports.pdf_style import french_date
from exports.safe_write import write_bytes
from fabrique_desktop import credit
from fabrique_desktop.report import Idea, SessionReport
from fabrique_desktop.report_words import amount, english_date, tr
from fabrique_desktop.typography import current_language, typeset

TITLE_MAX = 150
DELIMITER = ";"
LABELS = {
    "fr": {
        "from": "Issue de l’atelier « {title} »",
        "on": " du {date}",
        "ambition": "Ambition",
        "horizon": "Horizon",
        "themes": "Thèmes",
        "by": "Proposée par",
        "votes": "Votes en atelier",
        "joint": "Issue des {ateliers}",
    },
    "en": {
        "from": "From the workshop “{title}”",
        "on": " of {date}",
        "ambition": "Ambition",
        "horizon": "Horizon",
        "themes": "Themes",
        "by": "Proposed by",
        "votes": "Votes in the workshop",
        "joint": "From {ateliers}",
    },
}
"""The body's own words, in the documents' language (``--lang``); the idea as written."""


def header() -> tuple[str, ...]:
    """The columns, for the documents' language (``title/en`` … under ``--lang en``)."""
    locale = current_language()
    return (f"title/{locale}", f"body/{locale}", "category/id", f"category/name/{locale}")


def unformula(text: str) -> str:
    """``text`` as Decidim publishes it, that a spreadsheet does not run as a formula: a
    space before a formula-like start (Decidim keeps the cell as it is; a page hides it)."""
    return " " + text if text.startswith(FORMULA_START) else text


def title_of(text: str) -> str:
    """A proposal's title: the idea typeset on one line, cut at ``TITLE_MAX`` on a word."""
    text = typeset(" ".join(text.split()))
    if len(text) > TITLE_MAX:
        text = text[: TITLE_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;:.") + "…"
    return unformula(text)


def body_of(idea: Idea, report: SessionReport) -> str:
    session = report.session
    english = current_language() == "en"
    words = LABELS["en" if english else "fr"]
    lines = [idea.text, ""]
    if len(idea.ateliers) > 1:  # credited together (« ateliers 3 et 4 »), never to one
        origin = words["joint"].format(ateliers=credit.ateliers_label(idea.ateliers))
    else:
        origin = words["from"].format(title=session.title)
    if session.date and len(idea.ateliers) < 2:
        date = english_date(session.date) if english else french_date(session.date)
        origin += words["on"].format(date=date)
    if report.series_title:
        origin += f" ({report.series_title})"
    lines.append(origin + ".")
    titles = report.column_titles
    if idea.column in titles:
        lines.append(f"{words['ambition']} : {titles[idea.column]}.")
    if idea.horizon:
        lines.append(f"{words['horizon']} : {idea.horizon}.")
    if idea.tags:
        lines.append(f"{words['themes']} : {' | '.join(idea.tags)}.")
    if idea.source:
        lines.append(f"{words['by']} : {idea.source}.")
    if idea.votes:
        lines.append(f"{words['votes']} : {idea.votes}.")
    return unformula(typeset("\n".join(lines)))


def decidim_csv(report: SessionReport) -> bytes:
    titles = report.column_titles
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(header())
    if report.session.phase == "valeurs":
        return out.getvalue().encode("utf-8")  # a diagnosis, not proposals: elsewhere_note
    for idea in report.ideas:
        if not idea.is_idea:
            continue  # « Futur engagé » items are decisions already taken, not proposals
        if idea.id in report.held_elsewhere:
            continue  # a joint piste is one proposal: in the file of the wall that holds it
        category = titles.get(idea.column, "") if idea.column != "inbox" else ""
        title, body = title_of(idea.text), body_of(idea, report)
        writer.writerow((title, body, *safe_row(("", category))))
    return out.getvalue().encode("utf-8")


def elsewhere_note(report: SessionReport) -> str:
    """What the command line and the export dialog say when cards shown by this atelier's
    report are left out of its Decidim file, in the documents' language: a Valeurs
    atelier's cards (a diagnosis, not proposals), joint pistes in the file of the atelier
    whose wall holds them; "" otherwise."""
    if report.session.phase == "valeurs":
        return _valeurs_note(report)
    left = sum(1 for i in report.ideas if i.is_idea and i.id in report.held_elsewhere)
    if not left or report.joint is None:
        return ""
    walls = [n for n in report.joint.walls if n != report.session.number]
    return tr(
        "Les {left} pistes des {ateliers} qui sont sur le mur de l’{wall} sont dans son "
        "fichier Decidim, une proposition chacune : celui-ci ne les répète pas.",
        left=left,
        ateliers=report.joint.label,
        wall=credit.ateliers_label(walls),
    )


def _valeurs_note(report: SessionReport) -> str:
    left = sum(1 for i in report.ideas if i.is_idea)
    if not left:
        return ""
    cards = amount(left, "carte", "cartes")
    if report.joint is not None:
        said = tr("Les {cards} des {ateliers}", cards=cards, ateliers=report.joint.label)
    else:
        said = tr("Les {cards} de cet atelier", cards=cards)
    return said + tr(
        " (atouts, problèmes, valeurs) sont un diagnostic, pas des propositions : ce fichier "
        "Decidim n’en contient aucune. Le travail sur les valeurs (paradoxes, système de "
        "valeurs) est dans le compte rendu."
    )


def write_decidim_csv(report: SessionReport, target: Path | str) -> None:
    write_bytes(target, decidim_csv(report))
