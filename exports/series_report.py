"""The synthesis booklet of a series: all its ateliers gathered like the 2017 booklet.

Cover (organisation, logo), the facilitator's introduction, contents, key figures with the
ideas charted by Vivre and horizon, « pourquoi » the project, the steps of the process (a
timeline of what each atelier produced) and who took part, the paradoxes, the shared
values, the international inspirations, the personas, the chain paradoxes → challenges →
four Vivre → dreams → engagements, the compétences, then each Vivre — challenge, « Comment
faire pour ? », keywords, dream, its engagements introduced, the « Futur engagé » already
under way, the participants' project ideas by horizon and theme — then the ideas still to
sort, the quotes and « la suite ».

Counts add up: the cover's number of ideas is the sum of the Vivre and of the ideas to sort,
and the horizons (with « sans horizon ») add up to the same number. An idea held by several
ateliers is printed once, with its ateliers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, TableStyle

from exports import charts
from exports import pdf_style as ps
from exports.bidi import Paragraph
from exports.fonts import BOLD
from exports.photo_files import printable_photo
from exports.safe_write import write_with
from exports.session_report import engagement_block, quote_blocks
from fabrique_desktop.model import HORIZONS
from fabrique_desktop.report import (
    NO_HORIZON,
    Idea,
    PhoneShare,
    SeriesColumn,
    SeriesReport,
    SessionSummary,
)
from fabrique_desktop.report_words import amount, column_title, phase_name, tr
from fabrique_desktop.typography import current_language, upper, vivre_name, with_article

HORIZON_TITLES = {
    "2024": "Horizon 2024 — c’est déjà aujourd’hui",
    "2040": "Horizon 2040 — la métropole de demain",
    NO_HORIZON: "Sans date précise",
}
HORIZON_LEGEND = {"2024": "Horizon 2024", "2040": "Horizon 2040", NO_HORIZON: "Sans date"}
NOT_IN_A_VIVRE = "Pas encore dans un Vivre"
"""The ideas written in atelier that no one put in a Vivre: said as a participant says it."""


def _horizon_title(horizon: str) -> str:
    return tr(HORIZON_TITLES[horizon]) if horizon in HORIZON_TITLES else horizon


def _horizon_legend(horizon: str) -> str:
    return tr(HORIZON_LEGEND[horizon])


def _with_article(title: str) -> str:
    """« l’Art de vivre » in French; the Vivre's name as written in English."""
    return title if current_language() == "en" else with_article(title)


def write_series_pdf(
    report: SeriesReport, target: Path | str, progress: ps.ProgressCallback | None = None
) -> None:
    write_with(target, lambda f: build_series_pdf(report, f, progress))


def build_series_pdf(
    report: SeriesReport, out: BinaryIO | str, progress: ps.ProgressCallback | None = None
) -> None:
    organisation = report.booklet.organisation
    doc = ps.Booklet(
        out,
        title=tr("Synthèse — {series}", series=report.series.title),
        header=tr("{series} — synthèse des ateliers", series=report.series.title),
        subject=report.template.title,
        progress=progress,
        organisation=organisation,
    )
    doc.build_story(series_story(report, doc.body_width))


def _plural(n: int, singular: str, plural: str) -> str:
    """``n`` and its noun (given in French), in the documents' language."""
    return amount(n, singular, plural)


def _dates(report: SeriesReport) -> str:
    dates = sorted(s.date for s in report.sessions if s.date)
    if not dates:
        return ""
    if dates[0] == dates[-1]:
        return ps.day(dates[0])
    return tr("du {first} au {last}", first=ps.day(dates[0]), last=ps.day(dates[-1]))


def _paragraphs(value: str, style: ps.ParagraphStyle) -> list[Flowable]:
    return [Paragraph(ps.prose(p.strip()), style) for p in value.split("\n\n") if p.strip()]


def _logo(path: str, height: float = 22 * mm) -> Flowable | None:
    if not path or not Path(path).is_file():
        return None
    try:
        image = Image(printable_photo(Path(path)))
    except Exception:  # an unreadable logo leaves the cover without it, never the booklet
        return None
    ratio = image.imageWidth / image.imageHeight if image.imageHeight else 1
    image.drawHeight = height
    image.drawWidth = min(height * ratio, 80 * mm)
    image.hAlign = "LEFT"
    return image


def series_story(report: SeriesReport, width: float) -> list[Flowable]:
    st = ps.styles()
    data = report.template.data
    booklet = report.booklet
    n = len(report.sessions)
    story: list[Flowable] = []
    logo = _logo(booklet.logo)
    if logo is not None:
        story.append(logo)
    story += ps.cover(
        st,
        kicker=tr("Synthèse des ateliers"),
        title=report.series.title,
        subtitle=str(data.get("territory", "")),
        lines=[
            (tr("Ateliers"), _plural(n, "atelier", "ateliers") if n else ""),
            (tr("Dates"), _dates(report)),
            (tr("Démarche"), report.template.title),
            (
                tr("Pistes de projet"),
                _plural(report.idea_count, "piste de projet", "pistes de projet")
                if report.idea_count
                else "",
            ),
            (tr("Engagements"), str(len(report.engagements)) if report.engagements else ""),
            (tr("Réalisé par"), booklet.organisation),
        ],
        stripe=[(column_title(c.column), ps.hex_colour(c.column.colour)) for c in report.columns],
        width=width,
    )
    story.append(Paragraph(ps.text(tr("Sommaire")), st.h1))
    story.append(ps.contents(st))
    if booklet.introduction.strip():
        story += ps.section_start(tr("Introduction"), st)
        story += _paragraphs(booklet.introduction, st.body)
    story += _key_figures(report, st, width)
    if booklet.why.strip():
        story += ps.section_start(tr("Pourquoi ce projet ?"), st)
        story += _paragraphs(booklet.why, st.body)
    story += _steps(report, st, width)
    story += _participants(report, st, width)
    story += _spine(report, st, width)
    story += back_cover(report, st, width)
    return story


def back_cover(report: SeriesReport, st: ps.Styles, width: float) -> list[Flowable]:
    """The last page, as a printed booklet ends: who publishes it (logo, organisation), what
    and when (the series, its ateliers' dates), how it was made, in a colophon at the foot."""
    booklet = report.booklet
    lines = [f"<b>{ps.prose(report.series.title)}</b>"]
    if report.template.title and report.template.title != report.series.title:
        lines.append(ps.prose(report.template.title))
    dates = _dates(report)
    n = len(report.sessions)
    if n:
        ateliers = _plural(n, "atelier", "ateliers")
        lines.append(
            ps.text(tr("Synthèse de {ateliers}, {dates}.", ateliers=ateliers, dates=dates))
        )
    if report.idea_count:
        counted = _plural(report.idea_count, "piste de projet", "pistes de projet")
        lines.append(
            ps.text(
                tr("{pistes} écrites par les participants, citées telles quelles.", pistes=counted)
            )
        )
    if booklet.organisation:
        lines.append(ps.text(tr("Publié par {publisher}.", publisher=booklet.organisation)))
    lines.append(ps.text(tr("Mise en page : Fabrique, à partir des idées écrites en atelier.")))
    colophon: list[Flowable] = []
    logo = _logo(booklet.logo, 16 * mm)
    if logo is not None:
        colophon.append(logo)
    elif booklet.organisation:  # no logo: the publisher's name set as its mark
        colophon.append(Paragraph(ps.prose(booklet.organisation, ps.SHORT), WORDMARK))
    colophon.append(_colour_bar(report, width))
    colophon += [Paragraph(line, st.small) for line in lines]
    box = ps.Table([[colophon]], colWidths=[width])
    box.setStyle(
        ps.TableStyle(
            [
                ("LINEABOVE", (0, 0), (-1, 0), 1.5, ps.ACCENT),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    # on the cover's page form: no running header, no page number on the back of a booklet
    return [ps.NextPageTemplate("cover"), ps.PageBreak(), BottomAligned(box)]


WORDMARK = ps.ParagraphStyle(
    "wordmark", fontName=BOLD, fontSize=18, leading=22, textColor=ps.INK, spaceAfter=6
)


def _colour_bar(report: SeriesReport, width: float) -> Flowable:
    """The Vivre colours in a thin bar, as the cover's stripe ends the front."""
    colours = [ps.hex_colour(c.column.colour) for c in report.columns] or [ps.ACCENT]
    bar = ps.Table([[""] * len(colours)], colWidths=[width / len(colours)] * len(colours))
    bar.setStyle(
        ps.TableStyle(
            [("BACKGROUND", (i, 0), (i, 0), c) for i, c in enumerate(colours)]
            + [("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
        )
    )
    bar.spaceAfter = 6
    return bar


class BottomAligned(Flowable):
    """A block drawn at the foot of the frame (a back cover's colophon)."""

    def __init__(self, content: Flowable) -> None:
        super().__init__()
        self.content = content

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.content.wrap(available_width, available_height)
        return available_width, available_height - 1

    def draw(self) -> None:
        self.content.drawOn(self.canv, 0, 0)


# the seed's spine: who we are → where we go → how → what next (issue 26)

PARTS = {
    1: ("La fabrique d’une personnalité", "Ce que nous sommes"),
    2: ("La fabrique d’une vision", "Où nous allons"),
    3: ("La fabrique de l’action", "Comment y parvenir"),
    4: ("La fabrique des suites", "Et après…"),
}


def _part(number: int, st: ps.Styles) -> list[Flowable]:
    """A part's opening, as the 2017 booklet opens each of its four parts: on the next page
    unless its first section's start fits below it too (a part's title alone at the foot of
    a page, its first section on the next, was left there before)."""
    title, question = PARTS[number]
    return [
        ps.CondPageBreak(ps.CHAPTER_ROOM + PART_HEAD),
        *ps.section_start(f"{number}. {tr(question)}", st, intro=tr(title)),
    ]


PART_HEAD = 30 * mm
"""What a part's title and intro take above its first section."""


def _spine(report: SeriesReport, st: ps.Styles, width: float) -> list[Flowable]:
    """The booklet's four parts in the seed's order; a part with nothing to show is left
    out."""
    story: list[Flowable] = []
    who = _paradoxes(report, st, width) + _values(report, st)
    if who:
        story += _part(1, st) + who
    where = _inspirations(report, st) + _chain(report, st, width)
    if where:
        story += _part(2, st) + where
    how = _personas(report, st, width) + _competences(report, st, width)
    how += _engagement_charts(report, st, width)  # on the competences' page
    for column in report.columns:
        how += _vivre(column, report, st, width)
    how += _unsorted(report, st)
    if report.quotes:
        how += ps.section_start(tr("Paroles d’ateliers"), st)
        how += quote_blocks(report.quotes, st)
    orphans = [e for e in report.engagements if e.column is None]
    if orphans:
        how += ps.section_start(tr("Autres engagements"), st)
        for e in orphans:
            how.append(
                engagement_block(e.number, e.title, e.purpose, e.how, e.ideas, ps.ACCENT, st, width)
            )
    if how:
        story += _part(3, st) + how
    if report.booklet.next.strip():
        title, question = PARTS[4]
        story += ps.section_start(f"4. {tr(question)}", st, intro=tr(title))
        story += _paragraphs(report.booklet.next, st.body)
    return story


def _key_figures(report: SeriesReport, st: ps.Styles, width: float) -> list[Flowable]:
    story = ps.section_start(tr("Chiffres clés"), st)
    story.append(
        ps.figures_grid(
            [
                (f.value, f.label, ps.hex_colour(f.colour) if f.colour else None)
                for f in report.figures
            ],
            st,
            width,
        )
    )
    description = report.template.data.get("description")
    if description:
        story.append(ps.spacer(4))
        story.append(Paragraph(ps.prose(description), st.body))
    if report.idea_count:
        story += _ideas_chart(report, st, width)
    return story


def _ideas_chart(report: SeriesReport, st: ps.Styles, width: float) -> list[Flowable]:
    horizons = [*HORIZONS, NO_HORIZON]
    used = [h for h in horizons if report.horizon_count(h)]
    rows = []
    for column in report.columns:
        counts = {h.horizon: h.count for h in column.horizons}
        rows.append(
            (
                vivre_name(column.column.title),
                ps.hex_colour(column.column.colour),
                [charts.Segment(_horizon_legend(h), counts.get(h, 0)) for h in used],
            )
        )
    if report.unsorted_ideas:
        counts = {h: 0 for h in used}
        for idea in report.unsorted_ideas:
            counts[idea.horizon if idea.horizon in HORIZONS else NO_HORIZON] += 1
        rows.append(
            (
                tr(NOT_IN_A_VIVRE),
                ps.hex_colour("#455A64"),
                [charts.Segment(_horizon_legend(h), counts[h]) for h in used],
            )
        )
    return [  # the sentence reads the chart: never alone at the top of the next page
        KeepTogether(
            [
                Paragraph(tr("Les pistes de projet par Vivre et par horizon"), st.h3),
                charts.stacked_bars(rows, width, total_label=tr("total")),
                Paragraph(
                    ps.text(_ideas_sentence(report, used) + _futur_horizons(report)), st.meta
                ),
            ]
        )
    ]


def _ideas_sentence(report: SeriesReport, used: list[str]) -> str:
    """« 50 pistes de projet : 34 à l’horizon 2040 et 16 sans date précise, dont 16 pas
    encore dans un Vivre. »: each idea counted once (« sans horizon : 16 ; 16 à classer »
    read as 32)."""
    parts = [
        tr("{n} à l’horizon {horizon}", n=report.horizon_count(h), horizon=h)
        if h in HORIZONS
        else tr("{n} sans date précise", n=report.horizon_count(h))
        for h in used
    ]
    sentence = _plural(report.idea_count, "piste de projet", "pistes de projet")
    if len(parts) > 1:
        sentence += " : " + ", ".join(parts[:-1]) + tr(" et ") + parts[-1]
    elif parts:
        sentence += tr(", {where}", where=parts[0].split(" ", 1)[1])
    unsorted = len(report.unsorted_ideas)
    if unsorted:
        sentence += tr(", dont {n} pas encore dans un Vivre", n=unsorted)
    return sentence + "."


def _futur_horizons(report: SeriesReport) -> str:
    """« Horizon 2024 : 37 réalisations déjà engagées, point de départ des pistes. »"""
    counts: dict[str, int] = {}
    for column in report.columns:
        for theme in column.futur:
            for idea in theme.ideas:
                if idea.horizon in HORIZONS:
                    counts[idea.horizon] = counts.get(idea.horizon, 0) + 1
    told = [
        f"{_horizon_legend(h)} : "
        f"{_plural(counts[h], 'réalisation déjà engagée', 'réalisations déjà engagées')}"
        for h in HORIZONS
        if counts.get(h)
    ]
    return " " + tr("{told}, point de départ des pistes.", told=" · ".join(told)) if told else ""


def _steps(report: SeriesReport, st: ps.Styles, width: float) -> list[Flowable]:
    if not report.sessions:
        return []
    story = ps.section_start(
        tr("Les étapes de la démarche"),
        st,
        intro=tr(
            "{ateliers} {dates} : ce que chacun a réuni et produit.",
            ateliers=_plural(len(report.sessions), "atelier", "ateliers"),
            dates=_dates(report),
        ),
    )
    story.append(charts.timeline(_timeline_steps(report), width))
    story.append(ps.spacer(2))
    rows: list[list[Any]] = [
        [
            Paragraph(tr("N°"), st.cell_bold),
            Paragraph(tr("Date"), st.cell_bold),
            Paragraph(tr("Atelier et participants"), st.cell_bold),
            Paragraph(tr("Ce qu’il a produit"), st.cell_bold),
        ]
    ]
    for s in report.sessions:
        title = ps.text(s.title)
        who = " · ".join(p for p in (s.audience, s.place) if p)
        if who:
            title += f'<br/><font size="7.5" color="#5F6368">{ps.text(who)}</font>'
        produced = [ps.text(s.produced)] if s.produced else []
        for line in (_joint_line(s), " · ".join(_produced_counts(s)), _phone_line(s.phones)):
            if line:
                produced.append(f'<font size="7.5" color="#5F6368">{ps.text(line)}</font>')
        rows.append(
            [
                Paragraph(str(s.number or ""), st.cell),
                Paragraph(ps.text(ps.day(s.date)), st.cell),
                Paragraph(title, st.cell),
                Paragraph("<br/>".join(produced) or "—", st.cell),
            ]
        )
    story.append(ps.simple_table(rows, [12 * mm, 30 * mm, 60 * mm, width - 102 * mm]))
    return story


def _timeline_steps(report: SeriesReport) -> list[charts.Step]:
    """One step per atelier; the results of ateliers credited together are written once,
    centred under all of them (« Ateliers 3 et 4 », then their counts)."""
    steps = []
    sessions = list(report.sessions)
    for i, s in enumerate(sessions):
        lines = _produced_counts(s, short=True)
        span = 1
        first = not i or sessions[i - 1].joint != s.joint
        if s.joint is not None and first:  # the group's results under its first atelier
            while i + span < len(sessions) and sessions[i + span].joint == s.joint:
                span += 1
            lines = [_capital(s.joint.label), *s.joint.counts(short=True), *lines]
        steps.append(
            charts.Step(
                number=s.number,
                date=ps.day(s.date),
                title=phase_name(s.phase),
                lines=tuple(lines),
                colour=ps.ACCENT,
                span=span if span > 1 and s.joint is not None else 1,
            )
        )
    return steps


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _joint_line(s: Any) -> str:
    """What the ateliers credited together with ``s`` produced (``JointCredit.together``);
    "" for an atelier whose results are its own."""
    return s.joint.together() if s.joint is not None else ""


def _produced_counts(s: Any, short: bool = False) -> list[str]:
    counts = []
    if s.joint is not None:  # the board's cards are counted with the other ateliers'
        s = dataclasses.replace(s, ideas=0, futur=0)
    if s.ideas:
        counts.append(
            _plural(s.ideas, "piste", "pistes")
            if short
            else _plural(s.ideas, "piste de projet", "pistes de projet")
        )
    if s.futur:
        counts.append(
            _plural(s.futur, "réalisation", "réalisations")
            if short
            else _plural(s.futur, "réalisation engagée", "réalisations engagées")
        )
    if s.dots:
        counts.append(_plural(s.dots, "vote", "votes"))
    if s.engagements:
        counts.append(_plural(s.engagements, "engagement", "engagements"))
    if s.tables:
        counts.append(_plural(s.tables, "table", "tables"))
    return counts


def _phone_line(share: PhoneShare) -> str:
    """« Téléphones : 14 idées et 36 gommettes de 12 téléphones », as the session report says
    who voted; empty when no phone sent anything."""
    if not share:
        return ""
    sent = tr(" et ").join(
        _plural(n, one, many)
        for n, one, many in ((share.ideas, "idée", "idées"), (share.dots, "gommette", "gommettes"))
        if n
    )
    phones = _plural(share.phones, "téléphone", "téléphones")
    return tr("Téléphones : {sent} de {phones}", sent=sent, phones=phones)


def _participants(report: SeriesReport, st: ps.Styles, width: float) -> list[Flowable]:
    listed = report.booklet.participants.strip()
    groups = [s for s in report.sessions if s.audience or s.tables or s.participants or s.phones]
    named = [s for s in report.sessions if s.names]
    if not (listed or groups or named):
        return []
    story = ps.section_start(tr("Ils ont participé"), st)
    if groups:
        columns: tuple[tuple[str, Callable[[SessionSummary], int]], ...] = (
            (tr("Tables"), lambda s: s.tables),
            (tr("Participants"), lambda s: s.participants),
            (tr("Téléphones"), lambda s: s.phones.phones),
        )
        counted = [(label, count) for label, count in columns if any(count(s) for s in groups)]
        rows: list[list[Any]] = [
            [Paragraph(tr("Atelier"), st.cell_bold), Paragraph(tr("Qui"), st.cell_bold)]
            + [Paragraph(label, st.cell_right) for label, _ in counted]
        ]
        for s in groups:
            rows.append(
                [
                    Paragraph(ps.text(s.title), st.cell),
                    Paragraph(ps.text(s.audience or "—"), st.cell),
                ]
                + [Paragraph(str(count(s) or "—"), st.cell_right) for _, count in counted]
            )
        extra = [26 * mm] * len(counted)
        story.append(ps.simple_table(rows, [70 * mm, width - 70 * mm - sum(extra), *extra]))
        story.append(ps.spacer(4))
    for s in named:
        story.append(Paragraph(ps.text(s.title), st.h3))
        story.append(Paragraph(ps.text(" / ".join(s.names)), st.small))
    if listed:
        if named or groups:
            story.append(Paragraph(tr("Les participants"), st.h3))
        story += _paragraphs(listed, ps.ParagraphStyle("names", parent=st.small, leading=12.5))
    return story


def _paradoxes(report: SeriesReport, st: ps.Styles, width: float) -> list[Flowable]:
    if not report.paradoxes:
        return []
    story = ps.section_start(
        tr("Des atouts à la hauteur des défis"),
        st,
        intro=tr(
            "Le diagnostic en {n} paradoxes : chaque atout du territoire face au défi qui "
            "l’accompagne.",
            n=len(report.paradoxes),
        ),
    )
    for i, paradox in enumerate(report.paradoxes, start=1):
        block: list[Flowable] = [Paragraph(f"{i}. {ps.prose(paradox.get('title', ''))}", st.h2)]
        asset, challenge = paradox.get("asset", ""), paradox.get("challenge", "")
        if asset or challenge:
            pair = ps.Table(
                [
                    [
                        Paragraph(f"<b>{tr('Atout')}</b><br/>{ps.prose(asset)}", st.cell),
                        Paragraph(f"<b>{tr('Défi')}</b><br/>{ps.prose(challenge)}", st.cell),
                    ]
                ],
                colWidths=[width / 2, width / 2],
            )
            pair.setStyle(
                TableStyle(
                    [
                        ("BACKGROUND", (0, 0), (0, 0), ps.tint(ps.hex_colour("#2E7D32"), 0.88)),
                        ("BACKGROUND", (1, 0), (1, 0), ps.tint(ps.hex_colour("#BF360C"), 0.88)),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("BOX", (0, 0), (-1, -1), 0, ps.colors.white),
                        ("TOPPADDING", (0, 0), (-1, -1), 6),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                    ]
                )
            )
            block.append(pair)
        facts = paradox.get("facts", [])
        if facts:
            block.append(ps.spacer(2))
            block += ps.bullets(facts, st, st.small)
        story.append(KeepTogether(block))
    return story


def _values(report: SeriesReport, st: ps.Styles) -> list[Flowable]:
    if not report.values:
        return []
    story = ps.section_start(tr("Des valeurs qui nous engagent"), st)
    for value in report.values:
        story.append(
            KeepTogether(
                [
                    Paragraph(ps.prose(upper(value.get("title", ""))), st.h2),
                    Paragraph(ps.prose(value.get("definition", "")), st.body),
                ]
            )
        )
    return story


def _inspirations(report: SeriesReport, st: ps.Styles) -> list[Flowable]:
    if not report.inspirations:
        return []
    story = ps.section_start(
        tr("Apprendre des métropoles qui réussissent"),
        st,
        intro=tr(
            "{n} inspirations internationales présentées en atelier.", n=len(report.inspirations)
        ),
    )
    for item in report.inspirations:
        place = " — ".join(p for p in (item.get("city", ""), item.get("country", "")) if p)
        story.append(
            KeepTogether(
                [
                    Paragraph(ps.prose(place), st.h2),
                    Paragraph(ps.prose(item.get("title", "")), st.h3),
                    Paragraph(ps.prose(item.get("text", "")), st.body),
                ]
            )
        )
    return story


def _personas(report: SeriesReport, st: ps.Styles, width: float) -> list[Flowable]:
    if not report.personas:
        return []
    story = ps.section_start(
        tr("Les habitants fictifs"),
        st,
        new_page=False,
        intro=tr(
            "Pendant les ateliers, les participants ont quitté leur rôle pour parler au nom "
            "de ces habitants fictifs."
        ),
    )
    rows = []
    for p in report.personas:
        details = " · ".join(x for x in (p.town, tr("{age} ans", age=p.age) if p.age else "") if x)
        if p.ideas:
            details += f" · {_plural(p.ideas, 'idée', 'idées')}".lstrip(" ·")
        cells = [
            Paragraph(f"<b>{ps.text(p.first_name, 200)}</b>", st.cell),
            Paragraph(ps.text(p.role), st.cell),
            Paragraph(ps.text(details), st.cell),
        ]
        rows.append((p.colour, cells))
    story.append(ps.persona_table(rows, [32 * mm, width - 85 * mm, 50 * mm]))
    return story


def _chain(report: SeriesReport, st: ps.Styles, width: float) -> list[Flowable]:
    """Paradoxes → challenges (« Comment faire pour ? ») → four Vivre → dreams → engagements,
    one column per Vivre, as the source booklet's « schéma d'ensemble »."""
    columns = [c for c in report.columns if c.column.subtitle or c.questions or c.engagements]
    if not columns:
        return []
    story = ps.section_start(
        tr("Une vision d’ensemble"),
        st,
        intro=tr("Du constat aux engagements : ce que chaque « Vivre » relève et ce qu’il promet."),
    )
    if report.paradoxes:
        story.append(
            Paragraph(ps.text(tr("{n} paradoxes : le constat", n=len(report.paradoxes))), st.h3)
        )
        story += ps.bullets([p.get("title", "") for p in report.paradoxes], st, st.small)
        story.append(ps.spacer(3))
    small = ps.ParagraphStyle("chain", parent=st.small, leading=10.5)
    head = ps.ParagraphStyle("chain-head", parent=st.cell_bold, textColor=ps.colors.white)
    label = ps.ParagraphStyle("chain-label", parent=st.meta, fontName=st.cell_bold.fontName)
    rows: list[list[Any]] = [[""] + [Paragraph(ps.prose(c.column.title), head) for c in columns]]
    rows.append(
        [Paragraph(tr("Défi à relever"), label)]
        + [Paragraph(ps.prose(c.column.subtitle), small) for c in columns]
    )
    if any(c.questions for c in columns):
        rows.append(
            [Paragraph(ps.text(tr("Comment faire pour ?")), label)]
            + [
                [Paragraph(ps.prose(q), ps.hanging(small, 8), bulletText="•") for q in c.questions]
                for c in columns
            ]
        )
    rows.append(
        [Paragraph(tr("Rêve pour demain"), label)]
        + [Paragraph(ps.prose(c.dream.split("\n")[0] if c.dream else ""), small) for c in columns]
    )
    if any(c.engagements for c in columns):
        rows.append(
            [Paragraph(tr("Engagements"), label)]
            + [
                [Paragraph(f"{e.number}. {ps.text(e.title)}", small) for e in c.engagements]
                for c in columns
            ]
        )
    first = 27 * mm
    table = ps.Table(rows, colWidths=[first] + [(width - first) / len(columns)] * len(columns))
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, ps.RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    for i, c in enumerate(columns, start=1):
        colour = ps.hex_colour(c.column.colour)
        commands.append(("BACKGROUND", (i, 0), (i, 0), colour))
        commands.append(("BACKGROUND", (i, 1), (i, -1), ps.tint(colour, 0.93)))
    table.setStyle(TableStyle(commands))
    story.append(table)
    return story


def _competences(report: SeriesReport, st: ps.Styles, width: float) -> list[Flowable]:
    if not report.competences:
        return []
    story = ps.section_start(
        tr("Les compétences métropolitaines"),
        st,
        new_page=False,
        intro=tr(
            "Les {n} compétences sur lesquelles la Métropole peut agir.",
            n=len(report.competences),
        ),
    )
    rows = []
    for i, item in enumerate(report.competences, start=1):
        rows.append(
            [
                Paragraph(f"<b>{i}</b>", st.cell_bold),
                Paragraph(f"<b>{ps.prose(item.get('title', ''))}</b>", st.cell),
                Paragraph(ps.prose(item.get("description", "")), st.cell),
            ]
        )
    table = ps.simple_table(rows, [8 * mm, 48 * mm, width - 56 * mm], header=False)
    # set tighter than a data table: the list of 8 fits under the personas, its last row
    # no longer alone at the top of the next page
    table.setStyle(
        TableStyle([("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)])
    )
    story.append(table)
    return story


def _engagements_by_vivre(report: SeriesReport, st: ps.Styles, width: float) -> list[Flowable]:
    """Engagements per Vivre: a chart when they differ; a sentence when every Vivre has the
    same number (a chart of equal bars says nothing a sentence does not)."""
    counts = [len(c.engagements) for c in report.columns]
    if len(set(counts)) == 1:
        each = _plural(counts[0], "engagement", "engagements")
        return [Paragraph(ps.text(tr("Chaque Vivre porte {each}.", each=each)), st.body)]
    return [
        Paragraph(tr("Engagements par Vivre"), st.h3),
        charts.bars(
            [
                charts.Bar(
                    vivre_name(c.column.title), len(c.engagements), ps.hex_colour(c.column.colour)
                )
                for c in report.columns
            ],
            width,
            label_width=40 * mm,
        ),
    ]


def _engagement_charts(report: SeriesReport, st: ps.Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = []
    with_engagements = [c for c in report.columns if c.engagements]
    if with_engagements:
        story += ps.section_start(  # after the compétences: a page of its own was 3/4 empty
            tr("Les engagements et les votes") if report.top_ideas else tr("Les engagements"),
            st,
            new_page=False,
            intro=tr(
                "{engagements} répartis entre les quatre ambitions.",
                engagements=_plural(len(report.engagements), "engagement", "engagements"),
            ),
        )
        story += _engagements_by_vivre(report, st, width)
    if report.top_ideas:
        if not story:
            story += ps.section_start(tr("Les votes"), st, new_page=False)
        colours = {c.column.key: ps.hex_colour(c.column.colour) for c in report.columns}
        story.append(Paragraph(tr("Les pistes les plus votées (gommettes)"), st.h3))
        story.append(
            charts.bars(
                [
                    charts.Bar(i.text, i.votes, colours.get(i.column, ps.ACCENT))
                    for i in report.top_ideas
                ],
                width,
            )
        )
    return story


def _one_horizon(ideas: list[Idea]) -> str:
    """« Horizon 2024 » when every one of ``ideas`` is on that horizon, else ""."""
    horizons = {i.horizon for i in ideas}
    if len(horizons) == 1 and (only := horizons.pop()) in HORIZONS:
        return _horizon_legend(only)
    return ""


def _joint_sentence(ideas: list[Idea], joint: tuple[tuple[int, ...], ...], what: str) -> str:
    """« Ces pistes viennent des ateliers 3 et 4, sans qu'on sache lequel des deux a produit
    chacune. », when some of ``ideas`` are credited to ateliers that share their results."""
    from fabrique_desktop.credit import ateliers_label

    groups = [g for g in joint if any(i.ateliers == g for i in ideas)]
    if not groups:
        return ""
    labels = " ; ".join(ateliers_label(g) for g in groups)
    return " " + tr(
        "{what} viennent des {ateliers}, sans qu’on sache lequel a produit chacune.",
        what=_capital(tr(what)),
        ateliers=labels,
    )


def _atelier_note(idea: Idea, joint: tuple[tuple[int, ...], ...] = ()) -> str:
    """« (ateliers 2 et 5) » after an idea several ateliers held; nothing after one credited
    to ateliers that share their results (the section says it once)."""
    if len(idea.ateliers) < 2 or idea.ateliers in joint:
        return ""
    from fabrique_desktop.credit import ateliers_label

    return f' <font size="7.5" color="#5F6368">({ateliers_label(idea.ateliers)})</font>'


def _idea_bullets(
    ideas: tuple[Idea, ...], st: ps.Styles, joint: tuple[tuple[int, ...], ...] = ()
) -> list[Flowable]:
    style = ps.hanging(st.bullet)
    return [
        Paragraph(ps.text(i.text) + note, style, bulletText="•")
        if (note := _atelier_note(i, joint))
        else ps.typed(i.text, style, bullet="•")  # no markup: not parsed (2000 ideas)
        for i in ideas
    ]


def _theme_block(
    title: str, ideas: tuple[Idea, ...], st: ps.Styles, joint: tuple[tuple[int, ...], ...] = ()
) -> list[Flowable]:
    """A theme and its ideas: a short list stays on one page; a long one keeps its title
    with its first two ideas and never leaves its last one alone on a page."""
    items = _idea_bullets(ideas, st, joint)
    heading = Paragraph(ps.text(title.lstrip("#"), 300), st.h3)
    if len(items) <= 8:
        return [KeepTogether([heading, *items])]
    return [KeepTogether([heading, *items[:2]]), *items[2:-2], KeepTogether(items[-2:])]


def _vivre(
    column: SeriesColumn, report: SeriesReport, st: ps.Styles, width: float
) -> list[Flowable]:
    c = column.column
    if not column.count and not column.engagements and not c.challenge and not column.futur:
        return []
    colour = ps.hex_colour(c.colour)
    story: list[Flowable] = [ps.CondPageBreak(ps.CHAPTER_ROOM)]
    story += ps.band(c.title, c.subtitle, colour, st, width)
    story.append(ps.spacer(3))
    if c.challenge:
        story.append(Paragraph(ps.prose(c.challenge), st.muted))
    if column.questions:
        story.append(Paragraph(ps.text(tr("Comment faire pour ?")), st.h3))
        story += ps.bullets(column.questions, st)
    if c.keywords:
        words = "  ·  ".join(ps.prose(upper(k)) for k in c.keywords)
        story.append(
            Paragraph(
                f'<font color="{c.colour}"><b>{words}</b></font>',
                ps.ParagraphStyle("kw", parent=st.small, leading=13, spaceBefore=4, spaceAfter=6),
            )
        )
    if column.dream:
        dream = ps.Table(
            [[[Paragraph(ps.text(p), st.quote) for p in column.dream.split("\n") if p.strip()]]],
            colWidths=[width],
        )
        dream.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), ps.tint(colour, 0.92)),
                    ("LINEBEFORE", (0, 0), (0, -1), 3, colour),
                    ("TOPPADDING", (0, 0), (-1, -1), 8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                ]
            )
        )
        story.append(Paragraph(tr("Le rêve"), st.h3))
        story.append(dream)
    if column.engagements:
        n = len(column.engagements)
        opening: list[Flowable] = [
            ps.heading(
                tr(
                    "{engagements} pour {vivre}",
                    engagements=_plural(n, "engagement", "engagements"),
                    vivre=_with_article(c.title),
                ),
                st,
                level=1,
            )
        ]
        if column.intro:
            opening.append(Paragraph(ps.prose(column.intro), st.body))
        blocks = [
            engagement_block(e.number, e.title, e.purpose, e.how, e.ideas, colour, st, width)
            for e in column.engagements
        ]
        story.append(KeepTogether([*opening, blocks[0]]))  # the heading never ends a page
        story += blocks[1:]
    if column.futur:
        story.append(ps.CondPageBreak(50 * mm))
        futur = [i for t in column.futur for i in t.ideas]
        on = _one_horizon(futur)
        story.append(
            ps.heading(
                f"{on + ' — ' if on else ''}"
                + tr("Futur engagé : premières réalisations pour « {vivre} »", vivre=c.title),
                st,
                level=1,
            )
        )
        story.append(
            Paragraph(
                ps.prose(
                    tr("Des décisions déjà prises, sur lesquelles les ateliers se sont appuyés.")
                    + _joint_sentence(futur, report.joint_groups, "ces réalisations")
                ),
                st.muted,
            )
        )
        for theme in column.futur:
            story += _theme_block(theme.theme, theme.ideas, st, report.joint_groups)
    if column.count:
        story.append(ps.CondPageBreak(50 * mm))
        story.append(
            ps.heading(
                f"{c.title} : {_plural(column.count, 'piste de projet', 'pistes de projet')}",
                st,
                level=1,
            )
        )
        pistes = [i for h in column.horizons for t in h.themes for i in t.ideas]
        sentence = _joint_sentence(pistes, report.joint_groups, "ces pistes").strip()
        if sentence:
            story.append(Paragraph(ps.prose(sentence), st.muted))
        for horizon in column.horizons:
            label = _horizon_title(horizon.horizon)
            story.append(
                Paragraph(
                    f'<font color="{c.colour}">{ps.prose(label)}</font> '
                    f'<font size="9" color="#5F6368">({horizon.count})</font>',
                    ps.ParagraphStyle("hz", parent=st.h2, fontSize=12.5),
                )
            )
            for theme in horizon.themes:
                story += _theme_block(theme.theme, theme.ideas, st, report.joint_groups)
    if column.quotes:
        story.append(ps.heading(tr("Paroles d’ateliers — {vivre}", vivre=c.title), st, level=1))
        story += quote_blocks(column.quotes, st)
    return story


def _unsorted(report: SeriesReport, st: ps.Styles) -> list[Flowable]:
    if not report.unsorted_ideas:
        return []
    n = len(report.unsorted_ideas)
    story = ps.section_start(
        tr(NOT_IN_A_VIVRE),
        st,
        intro=tr(
            "{pistes} en atelier, telles qu’elles ont été écrites, que personne n’a encore "
            "rangées dans un Vivre.",
            pistes=_plural(n, "piste notée", "pistes notées"),
        ),
    )
    story += _idea_bullets(report.unsorted_ideas, st)
    return story
