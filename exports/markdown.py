"""The report of an atelier as Markdown: for a wiki, an e-mail, or a city's website."""

from __future__ import annotations

from pathlib import Path

from exports.safe_write import write_bytes
from fabrique_desktop.report import Idea, SessionReport, recit_title
from fabrique_desktop.report_words import (
    amount,
    colon,
    column_title,
    date,
    produced_intro,
    tr,
)
from fabrique_desktop.typography import typeset

_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>|#"})


def escape(text: str) -> str:
    """Markdown-safe text on one line (the characters Markdown would read as markup),
    typeset (``typography.typeset``)."""
    return typeset(" ".join(text.split())).translate(_SPECIAL)


def _idea_line(idea: Idea) -> str:
    horizon = idea.horizon and tr("horizon {horizon}", horizon=idea.horizon)
    details = [idea.source, horizon, " ".join(idea.tags)]
    detail = " · ".join(escape(d) for d in details if d)
    votes = f" — **{amount(idea.votes, 'vote', 'votes')}**" if idea.votes else ""
    return f"- {escape(idea.text)}" + (f" _({detail})_" if detail else "") + votes


def session_markdown(report: SessionReport) -> str:
    session = report.session
    out: list[str] = [f"# {escape(session.title)}", "", f"_{escape(report.subtitle)}_", ""]
    facts = [
        (tr("Démarche"), report.series_title),
        (tr("Date"), date(session.date) if session.date else ""),
        (tr("Lieu"), session.place),
        (tr("Étape"), report.phase),
        (tr("Animation"), session.facilitator),
    ]
    out += [f"- **{label}**{colon()} {escape(value)}" for label, value in facts if value]
    # as the PDF: never « 0 idée »; an atelier with nothing yet says what is left to do
    out += ["", f"## {tr('Chiffres clés') if report.figures else tr('En bref')}"]
    if report.figures:
        out += ["", *(f"- **{f.value}** {escape(f.label)}" for f in report.figures)]
    if report.purpose:
        out += ["", escape(tr(report.purpose))]
    if report.still_to_do:
        out += ["", f"### {tr('Rien n’a encore été noté. Reste à faire :')}", ""]
        out += [f"- {escape(tr(line))}" for line in report.still_to_do]
    if report.joint_note:
        out += ["", escape(report.joint_note)]
    out += _paradoxes_and_values(report)
    if report.agenda:
        head = f"| {tr('Étape')} | {tr('Prévu')} | {tr('Réel')} |"
        out += ["", f"## {tr('Déroulé de l’atelier')}", "", head, "|---|---:|---:|"]
        for row in report.agenda:
            planned = f"{round(row.planned_minutes)} min" if row.planned_minutes is not None else ""
            actual = f"{round(row.actual_minutes)} min" if row.actual_minutes is not None else ""
            out.append(f"| {escape(row.title)} | {planned} | {actual} |")
    if report.personas:
        out += ["", f"## {tr('Personas présents')}", ""]
        out += [
            f"- **{escape(p.first_name)}**, {escape(p.role)}"
            + (f" ({escape(', '.join(p.tables))})" if p.tables else "")
            for p in report.personas
        ]
    for column in report.columns:
        if not column.ideas and not column.futur:
            continue
        out += ["", f"## {escape(column_title(column.column))} ({len(column.ideas)})", ""]
        if column.column.subtitle:
            out += [f"_{escape(column.column.subtitle)}_", ""]
        out += [_idea_line(i) for i in column.ideas]
        if column.futur:
            futur = tr("Futur engagé : premières réalisations ({n})", n=len(column.futur))
            out += ["", f"### {escape(futur)}", ""]
            out += [_idea_line(i) for i in column.futur]
    if report.inbox:
        out += ["", f"## {tr('Pas encore dans un Vivre')} ({len(report.inbox)})", ""]
        out += [_idea_line(i) for i in report.inbox]
    if report.top_ideas:
        out += ["", f"## {tr('Les idées les plus soutenues')}", ""]
        if report.voter_kinds:
            kinds = " ; ".join(k.text for k in report.voter_kinds)
            out += ["_" + escape(tr("Qui a voté : {kinds}.", kinds=kinds)) + "_", ""]
        out += [
            f"{n}. {escape(i.text)} — **{i.votes}**"
            + (
                " " + escape(tr("(dont {n} par téléphone)", n=i.phone_votes))
                if i.phone_votes
                else ""
            )
            for n, i in enumerate(report.top_ideas, 1)
        ]
    out += _objectives_trame_earlier(report)
    if report.engagements:
        out += ["", f"## {tr('Les engagements')}"]
        for e in report.engagements:
            out += ["", f"### {e.number}. {escape(e.title)}", ""]
            if e.purpose:
                out += [f"_{escape(e.purpose)}_", ""]
            if e.how:
                how = f"**{escape(tr('Comment ?'))}**"
                out += [how, ""] + [f"- {escape(h)}" for h in e.how] + [""]
            if e.ideas:
                origin = f"**{tr('Idées à l’origine')}**"
                out += [origin, ""] + [f"- {escape(i)}" for i in e.ideas]
    if report.dreams:
        title = recit_title(report.template)
        heading = (
            tr("Le récit prospectif : {title}", title=title) if title else tr("Le récit prospectif")
        )
        out += ["", f"## {escape(heading)}"]
        for dream in report.dreams:
            out += ["", f"### {escape(dream.column.title)}", ""]
            out += [escape(p) for p in dream.text.split("\n") if p.strip()]
    if report.quotes:
        out += ["", f"## {tr('Ils l’ont dit')}", ""]
        for quote in report.quotes:
            by = " · ".join(escape(p) for p in (quote.author, quote.column) if p)
            out += [f"> {escape(f'« {quote.text} »')}" + (f" — {by}" if by else ""), ""]
    if report.photos:
        out += ["", f"## {tr('Photos')}", ""]
        out += [
            f"- {escape(p.caption or p.path.name)} ({escape(p.path.name)})" for p in report.photos
        ]
    return "\n".join(out).rstrip() + "\n"


def _paradoxes_and_values(report: SessionReport) -> list[str]:
    """What a Valeurs atelier produced, as its PDF report prints it."""
    out: list[str] = []
    if report.paradoxes:
        intro = produced_intro("paradoxes", len(report.paradoxes))
        out += ["", f"## {tr('Les paradoxes')}", "", escape(intro)]
        for n, paradox in enumerate(report.paradoxes, 1):
            out += ["", f"### {n}. {escape(paradox.title)}", ""]
            for label, text in ((tr("Atout"), paradox.asset), (tr("Défi"), paradox.challenge)):
                if text:
                    out.append(f"- **{label}**{colon()} {escape(text)}")
            out += [f"- {escape(fact)}" for fact in paradox.facts]
            if paradox.cards:
                made = tr(" et ").join(f"« {c} »" for c in paradox.cards)
                formed = tr("Formé sur le mur à partir de {cards}.", cards=made)
                out += ["", f"_{escape(formed)}_"]
    if report.values:
        out += ["", f"## {tr('Le système de valeurs')}", ""]
        out.append(escape(tr("Les valeurs partagées, chacune avec sa définition.")))
        for value in report.values:
            out += ["", f"### {escape(value.title)}"]
            if value.definition:
                out += ["", escape(value.definition)]
            if value.proposals:
                out += ["", f"_{escape(report.adopted(value))}_"]
    return out


def _objectives_trame_earlier(report: SessionReport) -> list[str]:
    """What an Objectifs or a Convergence atelier produced, as its PDF report prints it."""
    out: list[str] = []
    if report.objectives:
        intro = produced_intro("objectives", len(report.objectives))
        out += ["", f"## {tr('Les objectifs')}", "", escape(intro)]
        for objective in report.objectives:
            head = f"{column_title(objective.column)} — {objective.name}"
            out += ["", f"### {escape(head)}", ""]
            out += [_idea_line(i) for i in objective.ideas]
    elif report.objectives_to_do:  # none yet: what an objective is, how to make one
        out += ["", f"## {tr('Les objectifs')}", "", escape(tr(report.objectives_to_do))]
    if report.trame:
        out += ["", f"## {tr('La trame du projet')}", ""]
        out += [f"- {escape(line)}" for line in report.trame]
    if report.earlier:
        intro = produced_intro("pistes", sum(len(e.ideas) for e in report.earlier))
        out += ["", f"## {tr('Les pistes des ateliers précédents')}", "", escape(intro)]
        for earlier in report.earlier:
            count = amount(len(earlier.ideas), "piste", "pistes")
            head = f"{column_title(earlier.column)} — {count} ({earlier.credit})"
            out += ["", f"### {escape(head)}", ""]
            if earlier.objectives:
                named = " · ".join(
                    tr("« {name} » ({pistes})", name=name, pistes=amount(n, "piste", "pistes"))
                    for name, n in earlier.objectives
                )
                out += [escape(tr("Objectifs : {list}", list=named)), ""]
            out += [_idea_line(i) for i in earlier.ideas]
    return out


def write_session_markdown(report: SessionReport, target: Path | str) -> None:
    write_bytes(target, session_markdown(report).encode("utf-8"))
