"""The accessible edition of a report: one self-contained HTML file, readable offline, that a
Métropole can publish as the consultation's site (reportlab cannot tag a PDF, so a screen
reader gets no structure from it).

Semantic headings in order, lists, tables with their headers, a text alternative for every
chart (inline SVG with its title and description, and the chart's figures as a table) and
photo, the page's language, a print stylesheet; no script and nothing fetched from outside
(photos and the logo are embedded). Every text is typeset (``typography.typeset``);
participants' words are printed as they wrote them.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from exports.pdf_style import french_date
from exports.photo_files import photo_bytes
from exports.safe_write import write_bytes
from fabrique_desktop.report import (
    NO_HORIZON,
    NO_THEME,
    EngagementView,
    Figure,
    Idea,
    QuoteView,
    SeriesColumn,
    SeriesReport,
    SessionReport,
    SessionSummary,
    recit_title,
)
from fabrique_desktop.report_words import (
    amount,
    column_title,
    counted,
    english_date,
    phase_name,
    produced_intro,
    tr,
    word,
)
from fabrique_desktop.template import Column
from fabrique_desktop.typography import (
    current_language,
    editorial,
    typeset,
    vivre_name,
)

STYLE = """
:root { color: #1a1a1a; background: #fff; font-family: "DejaVu Sans", "Noto Sans", Arial,
  sans-serif; line-height: 1.5; }
body { margin: 0 auto; max-width: 46rem; padding: 1.5rem; }
a { color: #0b4f8a; }
.skip { position: absolute; left: -999rem; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
header.cover { border-bottom: 4px solid #263238; margin-bottom: 1.5rem; }
.kicker { text-transform: uppercase; letter-spacing: .08em; color: #4a4f54; margin: 0; }
h1 { font-size: 2rem; line-height: 1.2; margin: .3rem 0 1rem; }
h2 { font-size: 1.5rem; margin-top: 2.2rem; border-bottom: 1px solid #cfd8dc; }
h3 { font-size: 1.15rem; margin-top: 1.6rem; }
h4 { font-size: 1rem; margin-top: 1.2rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
ul.figures { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .6rem; }
ul.figures li { background: #f5f7f8; padding: .5rem .8rem; min-width: 8rem; }
ul.figures strong { display: block; font-size: 1.6rem; }
section.vivre { border-left: 6px solid var(--tone, #455a64); padding-left: 1rem; }
.meta { color: #4a4f54; font-size: .9rem; }
.muted { color: #4a4f54; }
table { border-collapse: collapse; margin: .8rem 0; }
th, td { border: 1px solid #cfd8dc; padding: .3rem .6rem; text-align: left;
  vertical-align: top; }
td.number, th.number { text-align: right; }
caption { text-align: left; font-weight: bold; padding-bottom: .3rem; }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid #cfd8dc; }
figure { margin: 1rem 0; }
figure img { max-width: 100%; height: auto; }
figcaption { color: #4a4f54; font-size: .9rem; }
svg { max-width: 100%; height: auto; }
footer { margin-top: 3rem; border-top: 1px solid #cfd8dc; color: #4a4f54;
  font-size: .9rem; }
@media print {
  :root { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  nav.contents, .skip, .top { display: none; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4 { break-after: avoid; }
  li, tr, figure, blockquote { break-inside: avoid; }
  section.vivre { border-left-width: 3pt; }
}
@page { size: A4; margin: 18mm; }
"""


SOURCE_LANGUAGE = "fr"
"""The language participants and the series' texts are written in (the template's)."""


def _l(value: object) -> str:
    """The edition's own words (headings, labels, counts), escaped and typeset."""
    return html.escape(typeset(" ".join(str(value).split())), quote=False)


def _theirs(markup: str) -> str:
    """Words written by participants or the series: marked as French in an edition in
    another language, so that a screen reader reads them with the right voice."""
    if not markup or current_language() == SOURCE_LANGUAGE:
        return markup
    return f'<span lang="{SOURCE_LANGUAGE}">{markup}</span>'


def _t(value: object) -> str:
    """Participants' words, escaped and typeset (every word they wrote kept)."""
    return _theirs(_l(value))


def _e(value: object) -> str:
    """The series' own texts, escaped, typeset and set as it writes itself
    (``typography.editorial``)."""
    return _theirs(html.escape(typeset(editorial(" ".join(str(value).split()))), quote=False))


def _paragraphs(value: str, css: str = "") -> list[str]:
    attribute = f' class="{css}"' if css else ""
    return [f"<p{attribute}>{_e(p)}</p>" for p in value.split("\n\n") if p.strip()]


def _date(iso: str) -> str:
    return english_date(iso) if current_language() == "en" else french_date(iso)


@dataclass
class _Page:
    """An HTML document being written: its sections and its contents' entries."""

    title: str
    lang: str
    parts: list[str]
    toc: list[tuple[str, str]]
    count: int = 0

    def section(
        self, label: str, body: Iterable[str], css: str = "", style: str = "", own: bool = False
    ) -> None:
        """A section headed ``label``: the edition's words, or the series' own (``own``: a
        Vivre's name)."""
        self.count += 1
        anchor = f"s{self.count}"
        heading = _e(label) if own else _l(label)
        self.toc.append((anchor, heading))
        attributes = f' class="{css}"' if css else ""
        attributes += f' style="{style}"' if style else ""
        self.parts.append(
            f'<section id="{anchor}" aria-labelledby="{anchor}-h"{attributes}>'
            f'<h2 id="{anchor}-h">{heading}</h2>'
        )
        self.parts.extend(body)
        self.parts.append("</section>")

    def render(self, header: Sequence[str], footer: Sequence[str]) -> str:
        contents = "".join(f'<li><a href="#{a}">{heading}</a></li>' for a, heading in self.toc)
        return "\n".join(
            [
                "<!DOCTYPE html>",
                f'<html lang="{self.lang}">',
                "<head>",
                '<meta charset="utf-8">',
                '<meta name="viewport" content="width=device-width, initial-scale=1">',
                f"<title>{_t(self.title)}</title>",
                f"<style>{STYLE}</style>",
                "</head>",
                "<body>",
                f'<a class="skip" href="#main">{_l(word("skip"))}</a>',
                '<header class="cover">',
                *header,
                "</header>",
                f'<nav class="contents" aria-label="{_l(word("contents"))}">'
                f"<h2>{_l(word('contents'))}</h2><ol>{contents}</ol></nav>",
                '<main id="main">',
                *self.parts,
                "</main>",
                "<footer>",
                *footer,
                "</footer>",
                "</body>",
                "</html>",
                "",
            ]
        )


# -- pieces -------------------------------------------------------------------------------------


def _facts(rows: Iterable[tuple[str, str]]) -> str:
    """Label and markup pairs (the caller marks whose words a value is)."""
    items = "".join(f"<dt>{_l(k)}</dt><dd>{v}</dd>" for k, v in rows if v)
    return f'<dl class="facts">{items}</dl>' if items else ""


def _figures(figures: Iterable[tuple[str, str]]) -> str:
    """Numbers and their labels' markup."""
    items = "".join(f"<li><strong>{_l(v)}</strong> {label}</li>" for v, label in figures)
    return f'<ul class="figures">{items}</ul>'


def _figure_label(figure: Figure, columns: dict[str, Column]) -> str:
    """A key figure's label: a noun in the edition's words, or a column's title (the built-in
    wall's in the edition's language, a series' Vivre as written)."""
    if figure.noun[0]:
        return _l(figure.label)
    column = columns.get(figure.name)
    return _e(vivre_name(column_title(column) if column is not None else figure.name))


def _idea(idea: Idea, grouped: bool = False) -> str:
    """An idea as a list item; ``grouped`` under its horizon and theme, which it does not
    repeat."""
    details = [idea.source] if grouped else [idea.source, idea.horizon, " ".join(idea.tags)]
    meta = " · ".join(_t(d) for d in details if d)
    votes = f" — <strong>{counted(idea.votes, 'vote', 'votes_noun')}</strong>" if idea.votes else ""
    extra = f' <span class="meta">({meta})</span>' if meta else ""
    return f"<li>{_t(idea.text)}{extra}{votes}</li>"


def _ideas(ideas: Iterable[Idea], grouped: bool = False) -> str:
    items = "".join(_idea(i, grouped) for i in ideas)
    return f"<ul>{items}</ul>" if items else ""


def bar_chart(
    chart_id: str,
    title: str,
    rows: Sequence[tuple[str, int, str]],
    unit: tuple[str, str],
    desc: str = "chart_desc",
) -> list[str]:
    """Horizontal bars as inline SVG (its title and a description giving every number), then
    the same figures as a table: nothing is only in the picture. ``rows``: label, value,
    colour; no chart when every bar would be equal (it would say nothing), the table stays."""
    total = sum(v for _, v, _ in rows)
    parts = "; ".join(f"{typeset(label)} {counted(v, *unit)}" for label, v, _ in rows)
    desc = typeset(word(desc).format(n=total, parts=parts))
    out: list[str] = []
    values = [v for _, v, _ in rows]
    if len(set(values)) > 1:
        width, bar, gap, label_w = 640, 26, 10, 220
        height = len(rows) * (bar + gap) + gap
        top = max(values) or 1
        shapes = []
        for n, (label, value, colour) in enumerate(rows):
            y = gap + n * (bar + gap)
            w = round((width - label_w - 60) * value / top)
            shapes.append(
                f'<text x="{label_w - 8}" y="{y + bar * 0.68:.0f}" text-anchor="end" '
                f'font-size="14" fill="#1a1a1a">{html.escape(typeset(label))}</text>'
                f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar}" fill="{colour}"/>'
                f'<text x="{label_w + w + 6}" y="{y + bar * 0.68:.0f}" font-size="14" '
                f'fill="#1a1a1a">{value}</text>'
            )
        out.append(
            f'<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" role="img" '
            f'aria-labelledby="{chart_id}-t {chart_id}-d">'
            f'<title id="{chart_id}-t">{html.escape(typeset(title))}</title>'
            f'<desc id="{chart_id}-d">{html.escape(desc)}</desc>{"".join(shapes)}</svg>'
            f"<figcaption>{html.escape(desc)}</figcaption></figure>"
        )
    body = "".join(
        f'<tr><th scope="row">{_e(label)}</th><td class="number">{value}</td></tr>'
        for label, value, _ in rows
    )
    out.append(
        f"<table><caption>{_l(title)}</caption><thead><tr>"
        f'<th scope="col">{_l(word("vivre"))}</th>'
        f'<th scope="col" class="number">{_l(word("ideas"))}</th></tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )
    return out


def _engagement(e: EngagementView, level: int = 3) -> str:
    h = f"h{level}"
    out = [f"<{h}>{e.number}. {_e(e.title)}</{h}>"]
    if e.purpose:
        out.append(f'<p class="muted">{_e(e.purpose)}</p>')
    if e.how:
        out.append(f"<p><strong>{_l(word('how'))}</strong></p>")
        out.append("<ul>" + "".join(f"<li>{_e(h)}</li>" for h in e.how) + "</ul>")
    if e.ideas:
        out.append(f"<p><strong>{_l(word('from_ideas'))}</strong></p>")
        out.append("<ul>" + "".join(f"<li>{_t(i)}</li>" for i in e.ideas) + "</ul>")
    return "".join(out)


def _quotes(quotes: Iterable[QuoteView]) -> list[str]:
    out = []
    for q in quotes:
        by = f"<figcaption>— {_t(q.author)}</figcaption>" if q.author else ""
        out.append(f"<figure><blockquote><p>{_t(q.text)}</p></blockquote>{by}</figure>")
    return out


def _image(path: Path, alt: str) -> str:
    """``path`` embedded (no outside resource) as the PDF prints it (upright, 2000 pixels at
    most), with its text alternative; "" when it cannot be read or decoded."""
    photo = photo_bytes(path)
    if photo is None:
        return ""
    data, kind = photo
    encoded = base64.b64encode(data).decode("ascii")
    return f'<img src="data:{kind};base64,{encoded}" alt="{html.escape(typeset(alt))}">'


def _colophon(organisation: str, date: str) -> list[str]:
    lines = [f"<h2>{_l(word('colophon'))}</h2>"]
    if organisation:
        lines.append(
            f"<p>{_l(word('published_by'))} {_e(organisation)}{', ' + date if date else ''}.</p>"
        )
    lines.append(f"<p>{_l(word('made_with'))}</p>")
    return lines


# -- an atelier -------------------------------------------------------------------------------


def session_html(report: SessionReport) -> str:
    """The accessible edition of an atelier's report, in the documents' language."""
    session = report.session
    page = _Page(session.title, current_language(), [], [])
    header = [
        f'<p class="kicker">{_e(report.series_title)}</p>' if report.series_title else "",
        f"<h1>{_t(session.title)}</h1>",
        f'<p class="muted">{_l(report.subtitle)}</p>',
        _facts(
            [
                (word("date"), _l(_date(session.date)) if session.date else ""),
                (word("place"), _t(session.place)),
                (word("step"), _l(phase_name(session.phase))),
                (word("facilitator"), _t(session.facilitator)),
            ]
        ),
    ]
    # the report's key figures (never « 0 idée »); an atelier with nothing yet: what is left
    columns = {c.column.title: c.column for c in report.columns}
    figures = [(f.value, _figure_label(f, columns)) for f in report.figures]
    brief = [_figures(figures)] if figures else []
    if report.purpose:
        brief.append(f"<p>{_l(tr(report.purpose))}</p>")
    if report.still_to_do:
        brief.append(f"<h3>{_l(tr('Rien n’a encore été noté. Reste à faire :'))}</h3>")
        brief.append(_list(_l(tr(line)) for line in report.still_to_do))
    if report.joint_note:
        brief.append(f"<p>{_l(report.joint_note)}</p>")
    page.section(word("key_figures") if figures else tr("En bref"), brief)
    _produced_first(page, report)
    if report.agenda:
        rows = "".join(
            f'<tr><th scope="row">{_e(r.title)}</th>'
            f'<td class="number">{_minutes(r.planned_minutes)}</td>'
            f'<td class="number">{_minutes(r.actual_minutes)}</td></tr>'
            for r in report.agenda
        )
        page.section(
            word("agenda"),
            [
                f'<table><thead><tr><th scope="col">{_l(word("step"))}</th>'
                f'<th scope="col" class="number">{_l(word("planned"))}</th>'
                f'<th scope="col" class="number">{_l(word("actual"))}</th></tr></thead>'
                f"<tbody>{rows}</tbody></table>"
            ],
        )
    if report.personas:
        items = "".join(
            f"<li><strong>{_t(p.first_name)}</strong>"
            + (f", {_t(p.role)}" if p.role else "")
            + (f' <span class="meta">({_t(", ".join(p.tables))})</span>' if p.tables else "")
            + "</li>"
            for p in report.personas
        )
        page.section(word("personas"), [f"<ul>{items}</ul>"])
    with_ideas = [c for c in report.columns if c.ideas or c.futur]
    if with_ideas:
        counts = [
            (vivre_name(column_title(c.column)), len(c.ideas), c.column.colour) for c in with_ideas
        ]
        if report.session.phase == "valeurs":  # atouts, problèmes, values: cards
            chart = bar_chart(
                "chart-vivre",
                word("chart_cards"),
                counts,
                ("card", "cards_noun"),
                "chart_desc_cards",
            )
            page.section(word("cards_by_column"), chart)
        else:
            page.section(
                word("ideas_by_vivre"),
                bar_chart("chart-vivre", word("chart_ideas"), counts, ("idea", "ideas_noun")),
            )
    for column in with_ideas:
        c = column.column
        body = [f'<p class="muted">{_e(c.subtitle)}</p>' if c.subtitle else ""]
        if c.challenge:
            body.append(f"<p>{_e(c.challenge)}</p>")
        body.append(f"<p>{counted(len(column.ideas), 'idea', 'ideas_noun')}</p>")
        body.append(_ideas(column.ideas))
        if column.futur:
            body.append(f"<h3>{_l(word('futur'))}</h3>")
            body.append(_ideas(column.futur))
        page.section(
            vivre_name(c.title), body, "vivre", f"--tone: {_css_colour(c.colour)}", own=True
        )
    if report.inbox:
        page.section(word("inbox"), [_ideas(report.inbox)])
    if report.top_ideas:
        items = "".join(_idea(i) for i in report.top_ideas)
        page.section(word("top"), [f"<ol>{items}</ol>"])
    _produced_then(page, report)
    if report.engagements:
        page.section(word("engagements"), [_engagement(e) for e in report.engagements])
    if report.dreams:
        body = []
        for d in report.dreams:
            body.append(f"<h3>{_e(vivre_name(column_title(d.column)))}</h3>")
            body += _paragraphs(d.text.replace("\n", "\n\n"))
        title = recit_title(report.template)
        colon = ":" if current_language() == "en" else " :"
        page.section(f"{word('dreams')}{colon} {title}" if title else word("dreams"), body)
    if report.quotes:
        page.section(word("quotes"), _quotes(report.quotes))
    if report.photos:
        shots: list[str] = []
        for n, photo in enumerate(report.photos, 1):
            alt = photo.caption or f"{word('photo')} {n}"
            image = _image(photo.path, alt)
            if image:
                caption = f"<figcaption>{_t(photo.caption)}</figcaption>" if photo.caption else ""
                shots.append(f"<figure>{image}{caption}</figure>")
            else:  # damaged, cut short: named as the PDF names it, not embedded broken
                label = tr("Photo illisible : {name}", name="\0").partition("\0")[0]
                name = _t(photo.caption) if photo.caption else _l(photo.path.name)
                shots.append(f'<p class="meta">{_l(label)} {name}</p>')
        page.section(word("photos"), shots)
    date = _date(session.date) if session.date else ""
    return page.render(header, _colophon(report.organisation, date))


def _produced_first(page: _Page, report: SessionReport) -> None:
    """What a Valeurs atelier produced, as its PDF report prints it: the paradoxes (an asset
    set against a challenge, with its facts) and the value system."""
    if report.paradoxes:
        body = [f"<p>{_l(produced_intro('paradoxes', len(report.paradoxes)))}</p>"]
        for n, paradox in enumerate(report.paradoxes, 1):
            body.append(f"<h3>{n}. {_e(paradox.title)}</h3>")
            pair = [(tr("Atout"), _e(paradox.asset)), (tr("Défi"), _e(paradox.challenge))]
            body.append(_facts(pair))
            body.append(_list(_e(fact) for fact in paradox.facts))
            if paradox.cards:
                made = tr(" et ").join(f"« {c} »" for c in paradox.cards)
                said = tr("Formé sur le mur à partir de {cards}.", cards=made)
                body.append(f'<p class="meta">{_l(said)}</p>')
        page.section(tr("Les paradoxes"), body)
    if report.values:
        body = [f"<p>{_l(tr('Les valeurs partagées, chacune avec sa définition.'))}</p>"]
        for value in report.values:
            body.append(f"<h3>{_e(value.title)}</h3>")
            body += _paragraphs(value.definition)
            if value.proposals:
                body.append(f'<p class="meta">{_l(report.adopted(value))}</p>')
        page.section(tr("Le système de valeurs"), body)


def _produced_then(page: _Page, report: SessionReport) -> None:
    """What an Objectifs or a Convergence atelier produced, as its PDF report prints it: the
    objectives (named groups of pistes) or, while there is none, how to make one; the
    trame, the earlier ateliers' pistes traced."""
    if report.objectives:
        body = [f"<p>{_l(produced_intro('objectives', len(report.objectives)))}</p>"]
        for objective in report.objectives:
            vivre = _e(vivre_name(column_title(objective.column)))
            body.append(f"<h3>{vivre} — {_t(objective.name)}</h3>")
            body.append(_ideas(objective.ideas))
        page.section(tr("Les objectifs"), body)
    elif report.objectives_to_do:  # none yet: what an objective is, how to make one
        page.section(tr("Les objectifs"), [f"<p>{_l(tr(report.objectives_to_do))}</p>"])
    if report.trame:
        page.section(tr("La trame du projet"), [_list(_e(line) for line in report.trame)])
    if report.earlier:
        pistes = sum(len(e.ideas) for e in report.earlier)
        body = [f"<p>{_l(produced_intro('pistes', pistes))}</p>"]
        for earlier in report.earlier:
            vivre = _e(vivre_name(column_title(earlier.column)))
            count = amount(len(earlier.ideas), "piste", "pistes")
            body.append(f"<h3>{vivre} — {_l(f'{count} ({earlier.credit})')}</h3>")
            if earlier.objectives:
                named = " · ".join(
                    tr("« {name} » ({pistes})", name=name, pistes=amount(n, "piste", "pistes"))
                    for name, n in earlier.objectives
                )
                body.append(f"<p>{_l(tr('Objectifs : {list}', list=named))}</p>")
            body.append(_ideas(earlier.ideas))
        page.section(tr("Les pistes des ateliers précédents"), body)


def _list(items: Iterable[str]) -> str:
    """Markup items as a list; "" when there is none."""
    inside = "".join(f"<li>{item}</li>" for item in items)
    return f"<ul>{inside}</ul>" if inside else ""


def _minutes(value: float | None) -> str:
    return "" if value is None else f"{round(value)}\u00a0{word('minutes')}"


def _css_colour(value: str) -> str:
    """A template's colour, only if it is one (« #RRGGBB »): nothing else reaches the CSS."""
    ok = len(value) in (4, 7) and value.startswith("#")
    ok = ok and all(c in "0123456789abcdefABCDEF" for c in value[1:])
    return value if ok else "#455A64"


# -- a series ---------------------------------------------------------------------------------


def _series_column(column: SeriesColumn) -> list[str]:
    c = column.column
    body = [f'<p class="muted">{_e(c.subtitle)}</p>' if c.subtitle else ""]
    if c.challenge:
        body.append(f"<p>{_e(c.challenge)}</p>")
    if column.dream:
        quotes = [p for p in column.dream.split("\n") if p.strip()]
        body.append("<blockquote>" + "".join(f"<p>{_e(p)}</p>" for p in quotes) + "</blockquote>")
    body.append(f"<p>{counted(column.count, 'idea', 'ideas_noun')}</p>")
    for horizon in column.horizons:
        known = horizon.horizon and horizon.horizon != NO_HORIZON
        label = f"{word('horizon')} {horizon.horizon}" if known else word("no_horizon")
        body.append(f"<h3>{_l(label)} ({counted(horizon.count, 'idea', 'ideas_noun')})</h3>")
        for theme in horizon.themes:
            known = theme.theme and theme.theme != NO_THEME
            name = theme.theme.lstrip("#") if known else word("no_theme")
            body.append(f"<h4>{_t(name)} ({len(theme.ideas)})</h4>")
            body.append(_ideas(theme.ideas, grouped=True))
    if column.futur:
        body.append(f"<h3>{_l(word('futur'))}</h3>")
        for theme in column.futur:
            body.append(f"<h4>{_t(theme.theme.lstrip('#'))}</h4>")
            body.append(_ideas(theme.ideas, grouped=True))
    if column.engagements:
        body.append(f"<h3>{_l(word('engagements'))}</h3>")
        if column.intro:
            body.append(f"<p>{_e(column.intro)}</p>")
        body += [_engagement(e, 4) for e in column.engagements]
    if column.quotes:
        body += _quotes(column.quotes)
    return body


def _produced(s: SessionSummary) -> str:
    """What an atelier produced, as its plan says, and with whom it is credited (« Ateliers
    1 et 2 ensemble : 7 paradoxes · 5 valeurs »), as the PDF booklet's steps say it."""
    lines = [_e(s.produced)] if s.produced else []
    if s.joint is not None:
        lines.append(f'<span class="meta">{_l(s.joint.together())}</span>')
    return "<br>".join(lines)


def series_html(report: SeriesReport, media_dir: Path | None = None) -> str:
    """The accessible edition of a series' booklet, in the documents' language."""
    series, booklet = report.series, report.booklet
    page = _Page(series.title, current_language(), [], [])
    logo = ""
    if booklet.logo and media_dir is not None:
        logo = _image(media_dir / Path(booklet.logo).name, booklet.organisation or series.title)
    header = [
        logo,
        f'<p class="kicker">{_l(word("synthesis"))}</p>',
        f"<h1>{_t(series.title)}</h1>",
        _facts(
            [
                (word("series"), _e(report.template.title)),
                (word("published_by"), _e(booklet.organisation)),
            ]
        ),
    ]
    if booklet.introduction.strip():
        page.section(word("introduction"), _paragraphs(booklet.introduction))
    figures = [
        (str(len(report.sessions)), _l(word("ateliers_noun"))),
        (str(report.idea_count), _l(word("ideas_noun"))),
    ]
    if report.engagements:
        figures.append((str(len(report.engagements)), _l(word("engagements_noun"))))
    page.section(word("key_figures"), [_figures(figures)])
    if booklet.why.strip():
        page.section(word("why"), _paragraphs(booklet.why))
    if report.sessions:
        rows = "".join(
            f'<tr><td class="number">{s.number}</td><td>{_date(s.date) if s.date else ""}</td>'
            f'<th scope="row">{_t(s.title)}</th><td>{_produced(s)}</td></tr>'
            for s in report.sessions
        )
        page.section(
            word("ateliers"),
            [
                f'<table><thead><tr><th scope="col">{_l(word("atelier"))}</th>'
                f'<th scope="col">{_l(word("date"))}</th>'
                f'<th scope="col">{_l(word("step"))}</th>'
                f'<th scope="col">{_l(word("produced"))}</th></tr></thead>'
                f"<tbody>{rows}</tbody></table>"
            ],
        )
    if report.values:
        body = []
        for value in report.values:
            body.append(f"<h3>{_e(value.get('title', ''))}</h3>")
            body += _paragraphs(str(value.get("definition", "")))
        page.section(word("values"), body)
    if report.paradoxes:
        body = []
        for n, paradox in enumerate(report.paradoxes, 1):
            body.append(f"<h3>{n}. {_e(paradox.get('title', ''))}</h3>")
            facts = [
                (word("asset"), _e(paradox.get("asset", ""))),
                (word("challenge"), _e(paradox.get("challenge", ""))),
            ]
            body.append(_facts(facts))
        page.section(word("paradoxes"), body)
    counts = [
        (vivre_name(column_title(c.column)), c.count, c.column.colour) for c in report.columns
    ]
    if counts:
        page.section(
            word("ideas_by_vivre"),
            bar_chart("chart-vivre", word("chart_ideas"), counts, ("idea", "ideas_noun")),
        )
    for column in report.columns:
        if column.count or column.engagements or column.futur:
            tone = f"--tone: {_css_colour(column.column.colour)}"
            page.section(
                vivre_name(column_title(column.column)),
                _series_column(column),
                "vivre",
                tone,
                own=True,
            )
    if report.unsorted_ideas:
        page.section(word("inbox"), [_ideas(report.unsorted_ideas)])
    if report.engagements and not any(c.engagements for c in report.columns):
        page.section(word("engagements"), [_engagement(e) for e in report.engagements])
    if booklet.next.strip():
        page.section(word("next"), _paragraphs(booklet.next))
    if booklet.participants.strip():
        page.section(word("participants"), _paragraphs(booklet.participants))
    dates = sorted(s.date for s in report.sessions if s.date)
    return page.render(header, _colophon(booklet.organisation, _date(dates[-1]) if dates else ""))


def write_session_html(report: SessionReport, target: Path | str) -> None:
    write_bytes(target, session_html(report).encode("utf-8"))


def write_series_html(
    report: SeriesReport, target: Path | str, media_dir: Path | None = None
) -> None:
    write_bytes(target, series_html(report, media_dir).encode("utf-8"))
