"""The PDF report of one atelier: what elected officials and participants read the next day.

Cover, contents, key figures, the agenda as run, personas present, each Vivre in its colour
with its ideas, the ranked top ideas, engagements, récit and quotes, photos. A section with
nothing in it is left out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Image,
    KeepInFrame,
    KeepTogether,
    TableStyle,
)

from exports import pdf_style as ps
from exports.bidi import Paragraph
from exports.fonts import BOLD, REGULAR, has_rtl
from exports.photo_files import printable_photo
from exports.safe_write import write_with
from fabrique_desktop.report import AgendaRow, Idea, QuoteView, SessionReport, recit_title
from fabrique_desktop.report_words import amount, column_title, noun, produced_intro, tr
from fabrique_desktop.typography import vivre_name

CHUNK = 25  # rows per idea table: small tables split cheaply across pages (linear time)


def write_session_pdf(
    report: SessionReport, target: Path | str, progress: ps.ProgressCallback | None = None
) -> None:
    """Write the report to ``target`` through a temporary file (never a truncated PDF)."""
    write_with(target, lambda f: build_session_pdf(report, f, progress))


def build_session_pdf(
    report: SessionReport, out: BinaryIO | str, progress: ps.ProgressCallback | None = None
) -> None:
    session = report.session
    doc = ps.Booklet(
        out,
        title=f"{session.title} — {report.series_title}".strip(" —"),
        header=" — ".join(p for p in (report.series_title, session.title) if p),
        author=session.facilitator,
        subject=tr("Compte rendu de l’atelier du {date}", date=ps.day(session.date)),
        progress=progress,
        organisation=report.organisation,
    )
    doc.build_story(session_story(report, doc.body_width))


def session_story(report: SessionReport, width: float) -> list[Flowable]:
    st = ps.styles()
    session = report.session
    cover = ps.cover(
        st,
        kicker=report.series_title or tr("Atelier"),
        title=session.title,
        subtitle=report.subtitle,
        lines=[
            (tr("Date"), ps.day(session.date)),
            (tr("Lieu"), session.place),
            (tr("Étape"), report.phase),
            (tr("Animation"), session.facilitator),
            (tr("Démarche"), report.series_title),
        ],
        stripe=[(column_title(c.column), ps.hex_colour(c.column.colour)) for c in report.columns],
        width=width,
    )
    story: list[Flowable] = _figures(report, st, width)
    story += _paradoxes(report, st, width)
    story += _values(report, st)
    story += _agenda(report.agenda, st, width)
    story += _personas(report, st, width)
    story += board_overview(report, st)
    votes = report.total_dots > 0
    for column in report.columns:
        if column.ideas or column.futur:
            colour = ps.hex_colour(column.column.colour)
            story.append(ps.CondPageBreak(ps.SECTION_ROOM))
            story += ps.band(column_title(column.column), column.column.subtitle, colour, st, width)
            if column.column.challenge:
                story.append(ps.spacer(3))
                story.append(Paragraph(ps.prose(column.column.challenge), st.muted))
            n = len(column.ideas)
            story.append(
                Paragraph(
                    f"<b>{n}</b> {noun(n, *report.card_noun)}" + _horizon_summary(column.ideas),
                    st.small,
                )
            )
            story.append(ps.spacer(2))
            story += grouped_ideas(column.ideas, st, width, colour, votes)
            if column.futur:
                story.append(
                    ps.heading(
                        tr(
                            "Futur engagé : premières réalisations pour « {vivre} »",
                            vivre=column.column.title,
                        ),
                        st,
                        level=1,
                    )
                )
                story.append(
                    Paragraph(
                        ps.text(tr("Des décisions déjà prises, présentées à la salle.")),
                        st.muted,
                    )
                )
                story += ps.bullets([i.text for i in column.futur], st)
    if report.inbox:
        story += ps.section_start(tr("Pas encore dans un Vivre"), st)
        story.append(
            Paragraph(
                ps.text(tr("Idées notées pendant l’atelier et pas encore classées dans un Vivre.")),
                st.muted,
            )
        )
        story += idea_tables(report.inbox, st, width, ps.ACCENT, votes)
    story += _top_ideas(report, st, width)
    story += _objectives(report, st)
    story += _trame(report, st)
    story += _earlier(report, st)
    story += _engagements(report, st, width)
    story += _recit(report, st, width)
    story += _photos(report, st, width)
    return [*cover, *_contents(story, st), *story]


CONTENTS_FROM = 4
"""A report of fewer sections has no contents: a short report's contents listed its two or
three headings on a page of their own (atelier 4: « Sommaire », one line)."""


def _contents(story: list[Flowable], st: ps.Styles) -> list[Flowable]:
    if ps.contents_entries(story) < CONTENTS_FROM:
        return []
    return [ps.Paragraph(ps.text(tr("Sommaire")), st.h1), ps.contents(st)]


OVERVIEW_IDEAS = 10  # per column on the overview; the rest follow, Vivre by Vivre
OVERVIEW_AT_LEAST = 12
"""A board of this many ideas or fewer has no overview: its Vivre, which follow, show it
whole in a page or two (the overview printed the same ideas twice)."""


def board_overview(report: SessionReport, st: ps.Styles) -> list[Flowable]:
    """The board at a glance: the Vivre side by side, most voted first, on the report's
    portrait pages (no orientation change inside a document), shrunk to a page at most."""
    columns = [c for c in report.columns if c.ideas]
    if len(report.ideas) <= OVERVIEW_AT_LEAST or not columns:
        return []
    width = ps.PAGE[0] - 2 * ps.MARGIN
    height = ps.PAGE[1] - 2 * ps.MARGIN - ps.HEADER_GAP - 60
    col_width = width / len(columns)
    head = [
        Paragraph(
            f"<b>{ps.prose(column_title(c.column))}</b>"
            f'<br/><font size="8">{amount(len(c.ideas), *report.card_noun)}</font>',
            st.band_small,
        )
        for c in columns
    ]
    small = ps.ParagraphStyle("ov", parent=st.small, fontSize=8, leading=10, spaceAfter=3)
    cells = []
    for c in columns:
        ranked = sorted(c.ideas, key=lambda i: -i.votes)[:OVERVIEW_IDEAS]
        items: list[Flowable] = []
        for idea in ranked:
            votes = (
                f' <font color="{c.column.colour}"><b>● {idea.votes}</b></font>'
                if idea.votes
                else ""
            )
            items.append(Paragraph(f"• {ps.text(idea.text)}{votes}", small))
        rest = len(c.ideas) - len(ranked)
        if rest > 0:
            items.append(
                Paragraph(
                    f'<font color="#5F6368"><i>'
                    f"{tr('… et {others}', others=amount(rest, 'autre', 'autres'))}</i></font>",
                    small,
                )
            )
        cells.append(items)
    table = ps.Table([head, cells], colWidths=[col_width] * len(columns))
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]
    for i, c in enumerate(columns):
        colour = ps.hex_colour(c.column.colour)
        commands += [
            ("BACKGROUND", (i, 0), (i, 0), colour),
            ("BACKGROUND", (i, 1), (i, 1), ps.tint(colour, 0.9)),
            ("LINEAFTER", (i, 0), (i, -1), 3, ps.colors.white),
        ]
    table.setStyle(TableStyle(commands))
    return [
        ps.CondPageBreak(ps.CHAPTER_ROOM),
        ps.heading(tr("Le tableau en un coup d’œil"), st),
        KeepInFrame(width, height, [table], mode="shrink"),
    ]


def _horizon_summary(ideas: tuple[Idea, ...]) -> str:
    counts: dict[str, int] = {}
    for idea in ideas:
        if idea.horizon:
            counts[idea.horizon] = counts.get(idea.horizon, 0) + 1
    if not counts:
        return ""
    parts = [tr("{n} à l’horizon {horizon}", n=n, horizon=h) for h, n in sorted(counts.items())]
    return " — " + ps.text(", ".join(parts))


def _meta(idea: Idea) -> str:
    parts = []
    if idea.source:
        parts.append(idea.source)
    if idea.horizon:
        parts.append(tr("Horizon {horizon}", horizon=idea.horizon))
    if idea.tags:
        parts.append(" ".join(idea.tags))
    return " · ".join(parts)


class IdeaRow(Flowable):
    """One idea as a row: its number, its text with who/horizon/themes below, its votes.

    A row is laid out once per width and moves to the next page whole, so a long session
    costs one line-breaking per idea: the report grows linearly. Only a row taller than a
    whole page (a pasted document, hundreds of lines) is split, its continuation unnumbered.
    """

    def __init__(
        self,
        number: int | str,
        paragraph: Paragraph,
        votes: str,
        colour: colors.Color,
        shade: colors.Color | None,
        number_width: float,
        votes_width: float,
        meta: Paragraph | None = None,
    ) -> None:
        super().__init__()
        self.number = str(number)
        self.paragraph = paragraph
        self.meta = meta
        self.votes = votes
        self.colour = colour
        self.shade = shade
        self.number_width = number_width
        self.votes_width = votes_width
        self._laid_out: tuple[float, float] | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        if self._laid_out is None or self._laid_out[0] != available_width:
            text_width = available_width - self.number_width - self.votes_width - 2 * ROW_PAD
            _, height = self.paragraph.wrap(text_width, 10_000)
            if self.meta is not None:
                self._meta_height = self.meta.wrap(text_width, 10_000)[1]
                height += self._meta_height
            self._laid_out = (available_width, height + 2 * ROW_PAD + 1)
        return self._laid_out

    _meta_height = 0.0

    def _whole(self) -> Paragraph:
        """The text and its line below as one paragraph (how a row taller than a page is
        cut): the same lines, as ``meta`` is set with the text's leading."""
        if self.meta is None:
            return self.paragraph
        meta = self.meta.style
        return Paragraph(
            f'{self.paragraph.text}<br/><font size="{meta.fontSize}" '
            f'color="{meta.textColor.hexval().replace("0x", "#")}">{self.meta.text}</font>',
            self.paragraph.style,
        )

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        if not getattr(self, "_postponed", False):
            return []  # first try the next page, where the row may fit whole
        text_width = available_width - self.number_width - self.votes_width - 2 * ROW_PAD
        parts = self._whole().split(text_width, available_height - 2 * ROW_PAD - 1)
        if len(parts) != 2:
            return []
        head, tail = parts
        return [
            IdeaRow(
                self.number,
                head,
                self.votes,
                self.colour,
                self.shade,
                self.number_width,
                self.votes_width,
            ),
            IdeaRow("", tail, "", self.colour, self.shade, self.number_width, self.votes_width),
        ]

    def draw(self) -> None:
        canvas = self.canv
        width, height = self._laid_out or self.wrap(0, 0)
        if self.shade is not None:
            canvas.setFillColor(self.shade)
            canvas.rect(0, 0, width, height, stroke=0, fill=1)
        canvas.setStrokeColor(ps.RULE)
        canvas.setLineWidth(0.4)
        canvas.line(0, 0, width, 0)
        top = height - ROW_PAD - 9.5
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(ps.MUTED)
        canvas.drawRightString(self.number_width - 2, top, self.number)
        left = self.number_width + ROW_PAD
        self.paragraph.drawOn(canvas, left, ROW_PAD + 1 + self._meta_height)
        if self.meta is not None:  # its first line where the text's next line would be
            drop = self.paragraph.style.fontSize - self.meta.style.fontSize
            self.meta.drawOn(canvas, left, ROW_PAD + 1 - drop)
        if self.votes:
            canvas.setFont(BOLD, 9)
            canvas.setFillColor(self.colour)
            canvas.drawRightString(width - 4, top, self.votes)


ROW_PAD = 4.5


GROUP_FROM = 25
"""A Vivre holding more ideas than this is read by theme, then horizon, with their counts
(a board of 2 000 ideas printed in the order typed was a listing, not a report)."""


def grouped_ideas(
    ideas: tuple[Idea, ...],
    st: ps.Styles,
    width: float,
    colour: colors.Color,
    votes: bool,
) -> list[Flowable]:
    """A Vivre's ideas: as they are when few; else grouped by theme (their first, most
    ideas first) then horizon (2024, 2040, then without a date), each group counted."""
    if len(ideas) <= GROUP_FROM:
        return idea_tables(ideas, st, width, colour, votes)
    themes: dict[str, list[Idea]] = {}
    for idea in ideas:
        themes.setdefault(idea.tags[0] if idea.tags else "", []).append(idea)
    order = sorted(themes, key=lambda t: (t == "", -len(themes[t]), t.casefold()))
    story: list[Flowable] = []
    for theme in order:
        members = themes[theme]
        name = theme.lstrip("#") if theme else tr("Autres idées")
        story.append(ps.CondPageBreak(30 * mm))
        story.append(
            Paragraph(
                f'{ps.text(name)} <font size="9">({amount(len(members), "idée", "idées")})</font>',
                st.h3,
            )
        )
        by_horizon: dict[str, list[Idea]] = {}
        for idea in members:
            by_horizon.setdefault(idea.horizon, []).append(idea)
        for horizon in sorted(by_horizon, key=lambda h: (h == "", h)):
            group = by_horizon[horizon]
            label = tr("Horizon {horizon}", horizon=horizon) if horizon else tr("Sans date")
            if len(by_horizon) > 1:
                story.append(
                    Paragraph(
                        f"<b>{ps.text(label)}</b> · {amount(len(group), 'idée', 'idées')}",
                        st.small,
                    )
                )
            story += idea_tables(group, st, width, colour, votes)
    return story


def idea_tables(
    ideas: tuple[Idea, ...] | list[Idea],
    st: ps.Styles,
    width: float,
    colour: colors.Color,
    votes: bool,
) -> list[Flowable]:
    """Ideas as numbered rows, shaded one in two in the Vivre's tint."""
    pale = ps.tint(colour, 0.9)
    meta_style = ps.ParagraphStyle("idea_meta", parent=st.idea, fontSize=7.5, textColor=ps.MUTED)
    rows: list[Flowable] = []
    for n, idea in enumerate(ideas, start=1):
        meta = ps.clip(_meta(idea), ps.SHORT)
        if meta and (has_rtl(idea.text + meta) or not idea.text.strip()):
            # one paragraph: right-to-left lines set by the whole's direction, an empty
            # first line kept
            markup = ps.text(idea.text)
            markup += f'<br/><font size="7.5" color="#5F6368">{ps.text(meta)}</font>'
            text, below = Paragraph(markup, st.idea), None
        else:  # two plain paragraphs: reportlab's fast lines, no markup parsed
            text = ps.typed(idea.text, st.idea)
            below = ps.typed(meta, meta_style) if meta else None
        rows.append(
            IdeaRow(
                n,
                text,
                f"● {idea.votes}" if votes and idea.votes else "",
                colour,
                pale if n % 2 == 0 else None,
                10 * mm,
                16 * mm if votes else 0,
                below,
            )
        )
    return rows


def _figures(report: SessionReport, st: ps.Styles, width: float) -> list[Flowable]:
    # an atelier whose results are counted elsewhere has no key figure: « En bref »
    title = tr("Chiffres clés") if report.figures else tr("En bref")
    story = ps.section_start(title, st, new_page=False)
    tiles = [
        (f.value, f.label, ps.hex_colour(f.colour) if f.colour else None) for f in report.figures
    ]
    if tiles:
        story.append(ps.figures_grid(tiles, st, width))
    story += _purpose(report, st)
    if report.joint_note:
        story.append(ps.spacer(2))
        story.append(Paragraph(ps.prose(report.joint_note), st.body))
    story += _ideas_chart(report, st, width)
    if report.tables:
        story.append(ps.heading(tr("Les tables"), st, level=1))
        rows: list[list[Any]] = [
            [
                Paragraph(tr("Table"), st.cell_bold),
                Paragraph(tr("Personas joués"), st.cell_bold),
                Paragraph(tr("Idées"), st.cell_bold),
            ]
        ]
        for table in report.tables:
            rows.append(
                [
                    Paragraph(ps.text(table.name), st.cell),
                    Paragraph(ps.text(", ".join(table.personas) or "—"), st.cell),
                    Paragraph(str(table.ideas), st.cell_right),
                ]
            )
        story.append(ps.simple_table(rows, [45 * mm, width - 70 * mm, 25 * mm]))
    return story


def _ideas_chart(report: SessionReport, st: ps.Styles, width: float) -> list[Flowable]:
    """Ideas per Vivre (by horizon), with their numbers; none for a Valeurs wall (its
    atouts, problèmes and values have no horizon: the key figures count each column)."""
    if report.session.phase == "valeurs" or not any(c.ideas for c in report.columns):
        return []
    from exports import charts

    names = {
        "2024": tr("Horizon {horizon}", horizon="2024"),
        "2040": tr("Horizon {horizon}", horizon="2040"),
        "": tr("Sans date"),
    }
    groups = [
        (vivre_name(column_title(c.column)), c.column.colour, c.ideas) for c in report.columns
    ]
    if report.inbox:  # the chart adds up to the ideas, as the key figures do
        groups.append((tr("Pas encore dans un Vivre"), "#455A64", report.inbox))
    used = [h for h in names if any(i.horizon == h for *_, ideas in groups for i in ideas)]
    rows = [
        (
            title,
            ps.hex_colour(colour),
            [charts.Segment(names[h], sum(1 for i in ideas if i.horizon == h)) for h in used],
        )
        for title, colour, ideas in groups
    ]
    return [
        Paragraph(tr("Les idées par Vivre et par horizon"), st.h3),
        charts.stacked_bars(rows, width, total_label=tr("total")),
    ]


def _minutes(value: float | None) -> str:
    if value is None:
        return "—"
    minutes = round(value)
    if minutes >= 60:
        return f"{minutes // 60} h {minutes % 60:02d}"
    return f"{minutes} min"


def _agenda(agenda: tuple[AgendaRow, ...], st: ps.Styles, width: float) -> list[Flowable]:
    if not agenda:
        return []
    story = ps.section_start(
        tr("Déroulé de l’atelier"),
        st,
        new_page=False,
        intro=tr("L’ordre du jour prévu et le temps réellement passé."),
    )
    rows: list[list[Any]] = [
        [
            Paragraph(tr("Étape"), st.cell_bold),
            Paragraph(tr("Prévu"), st.cell_bold),
            Paragraph(tr("Réel"), st.cell_bold),
            Paragraph(tr("Écart"), st.cell_bold),
        ]
    ]
    for item in agenda:
        gap = ""
        if item.planned_minutes is not None and item.actual_minutes is not None:
            delta = round(item.actual_minutes - item.planned_minutes)
            gap = (
                tr("à l’heure")
                if delta == 0
                else (f"+{delta} min" if delta > 0 else f"{delta} min")
            )
        title = ps.text(item.title)
        if item.note:
            title += f'<br/><font size="7.5" color="#5F6368">{ps.text(item.note)}</font>'
        rows.append(
            [
                Paragraph(title, st.cell),
                Paragraph(_minutes(item.planned_minutes), st.cell_right),
                Paragraph(_minutes(item.actual_minutes), st.cell_right),
                Paragraph(ps.text(gap), st.cell_right),
            ]
        )
    planned = [a.planned_minutes for a in agenda if a.planned_minutes is not None]
    actual = [a.actual_minutes for a in agenda if a.actual_minutes is not None]
    rows.append(
        [
            Paragraph(tr("Total"), st.cell_bold),
            Paragraph(_minutes(sum(planned)) if planned else "—", st.cell_right),
            Paragraph(_minutes(sum(actual)) if actual else "—", st.cell_right),
            "",
        ]
    )
    story.append(ps.simple_table(rows, [width - 75 * mm, 25 * mm, 25 * mm, 25 * mm]))
    return story


def _personas(report: SessionReport, st: ps.Styles, width: float) -> list[Flowable]:
    if not report.personas:
        return []
    story = ps.section_start(
        tr("Les personas présents"),
        st,
        new_page=False,
        intro=tr(
            "Les participants ont quitté leur rôle habituel pour parler depuis la vie "
            "de ces habitants fictifs."
        ),
    )
    rows = []
    for persona in report.personas:
        who = f"<b>{ps.text(persona.first_name)}</b><br/>{ps.text(persona.role)}"
        details = [persona.town, tr("{age} ans", age=persona.age) if persona.age else ""]
        if persona.tables:
            details.append(", ".join(persona.tables))
        if persona.ideas:
            details.append(amount(persona.ideas, "idée", "idées"))
        story_text = ps.text(persona.story) if persona.story else ""
        cells = [
            Paragraph(who, st.cell),
            Paragraph(
                f'<font color="#5F6368">{ps.text(" · ".join(d for d in details if d))}</font>'
                + (f"<br/>{story_text}" if story_text else ""),
                st.small,
            ),
        ]
        rows.append((persona.colour, cells))
    table = ps.persona_table(rows, [48 * mm, width - 51 * mm], top=5, bottom=6)
    story.append(table)
    return story


def _top_ideas(report: SessionReport, st: ps.Styles, width: float) -> list[Flowable]:
    if not report.top_ideas:
        return []
    story = ps.section_start(
        tr("Les idées les plus soutenues"),
        st,
        intro=tr(
            "Classement des gommettes posées par la salle ({n} au total).", n=report.total_dots
        )
        + _who_voted(report),
    )
    titles = report.column_titles
    colours = {c.key: c.colour for c in report.template.columns}
    rows: list[list[Any]] = [
        [
            Paragraph(tr("Rang"), st.cell_bold),
            Paragraph(tr("Idée"), st.cell_bold),
            Paragraph(tr("Vivre"), st.cell_bold),
            Paragraph(tr("Votes"), st.cell_bold),
        ]
    ]
    rank = 0
    previous = None
    for n, idea in enumerate(report.top_ideas, start=1):
        if idea.votes != previous:
            rank, previous = n, idea.votes
        meta = ps.clip(_meta(idea), ps.SHORT)
        markup = ps.text(idea.text)
        if meta:
            markup += f'<br/><font size="7.5" color="#5F6368">{ps.text(meta)}</font>'
        colour = colours.get(idea.column, "#455A64")
        rows.append(
            [
                Paragraph(f"<b>{rank}</b>", st.cell),
                Paragraph(markup, st.cell),
                Paragraph(
                    f'<font color="{colour}"><b>{ps.text(titles.get(idea.column, ""))}</b></font>',
                    st.cell,
                ),
                Paragraph(f"<b>{idea.votes}</b>{_phone_share(idea)}", st.cell_right),
            ]
        )
    story.append(ps.simple_table(rows, [14 * mm, width - 69 * mm, 35 * mm, 20 * mm]))
    from exports import charts

    story.append(Paragraph(tr("Les votes en un coup d’œil"), st.h3))
    story.append(
        charts.bars(
            [
                charts.Bar(i.text, i.votes, ps.hex_colour(colours.get(i.column, "#455A64")))
                for i in report.top_ideas
            ],
            width,
        )
    )
    return story


def _who_voted(report: SessionReport) -> str:
    """« Qui a voté : Tables : 40 gommettes de 8 tables ; Téléphones : … » (several kinds)."""
    if len(report.voter_kinds) < 2 and not any(k.kind == "phones" for k in report.voter_kinds):
        return ""
    return " " + tr("Qui a voté : {kinds}.", kinds=" ; ".join(k.text for k in report.voter_kinds))


def _phone_share(idea: Idea) -> str:
    if not idea.phone_votes:
        return ""
    phones = tr("dont {n} tél.", n=idea.phone_votes)
    return f'<br/><font size="7" color="#5F6368">{phones}</font>'


def engagement_block(
    number: int,
    title: str,
    purpose: str,
    how: tuple[str, ...],
    ideas: tuple[str, ...],
    colour: colors.Color,
    st: ps.Styles,
    width: float,
) -> KeepTogether | ps.Table:
    badge = ps.Table(
        [[Paragraph(f"<b>{number}</b>", ps.ParagraphStyle("n", parent=st.band, alignment=1))]],
        colWidths=[14 * mm],
        rowHeights=[14 * mm],
    )
    badge.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colour),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    body: list[Flowable] = [Paragraph(ps.text(title), st.h2)]
    if purpose:
        body.append(Paragraph(ps.text(purpose), st.muted))
    if how:
        body.append(Paragraph(ps.text(tr("Comment ?")), st.h3))
        body += ps.bullets(how, st)
    if ideas:
        body.append(Paragraph(tr("Idées à l’origine"), st.h3))
        body += ps.bullets(ideas, st, st.small)
    table = ps.Table([[badge, body]], colWidths=[18 * mm, width - 18 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, ps.RULE),
            ]
        )
    )
    return table


# ------------------------------------------- what each kind of atelier produced (issue 26)


def _purpose(report: SessionReport, st: ps.Styles) -> list[Flowable]:
    """What the atelier is for; when it produced nothing yet, what is still to do."""
    story: list[Flowable] = []
    if report.purpose:
        story.append(Paragraph(ps.prose(tr(report.purpose)), st.body))
    if report.still_to_do:
        story.append(Paragraph(ps.prose(tr("Rien n’a encore été noté. Reste à faire :")), st.h3))
        story += ps.bullets([tr(line) for line in report.still_to_do], st)
    return story


def _paradoxes(report: SessionReport, st: ps.Styles, width: float) -> list[Flowable]:
    """A Valeurs atelier's paradoxes: each asset set against its challenge, with its facts."""
    if not report.paradoxes:
        return []
    n = len(report.paradoxes)
    story = ps.section_start(
        tr("Les paradoxes"),
        st,
        intro=produced_intro("paradoxes", n),
    )
    for number, paradox in enumerate(report.paradoxes, start=1):
        block: list[Flowable] = [Paragraph(ps.prose(f"{number}. {paradox.title}"), st.h3)]
        pair = [
            (label, value)
            for label, value in ((tr("Atout"), paradox.asset), (tr("Défi"), paradox.challenge))
            if value
        ]
        if pair:
            block.append(
                ps.simple_table(
                    [
                        [
                            Paragraph(f"<b>{ps.prose(label)}</b>", st.cell),
                            Paragraph(ps.prose(v), st.cell),
                        ]
                        for label, v in pair
                    ],
                    [22 * mm, width - 22 * mm],
                )
            )
            block.append(ps.spacer(1.5))  # the first fact's bullet touched the table's rule
        facts = ps.bullets(paradox.facts, st)
        # a paradox's head and first facts stay together; its other facts flow (a paradox
        # kept whole left a quarter of each page empty and its last value alone on a page)
        story.append(KeepTogether([*block, *facts[:2]]))
        story += facts[2:]
        if paradox.cards:
            made = tr(" et ").join(f"« {c} »" for c in paradox.cards)
            story.append(
                Paragraph(ps.text(tr("Formé sur le mur à partir de {cards}.", cards=made)), st.meta)
            )
    return story


def _values(report: SessionReport, st: ps.Styles) -> list[Flowable]:
    """A Valeurs atelier's value system: each value with its definition."""
    if not report.values:
        return []
    story = ps.section_start(
        tr("Le système de valeurs"),
        st,
        intro=tr("Les valeurs partagées, chacune avec sa définition."),
    )
    for value in report.values:
        block: list[Flowable] = [Paragraph(ps.prose(value.title), st.h3)]
        if value.definition:
            block.append(Paragraph(ps.prose(value.definition), st.body))
        if value.proposals:
            block.append(Paragraph(ps.text(report.adopted(value)), st.meta))
        story.append(KeepTogether(block))
    return story


def _objectives(report: SessionReport, st: ps.Styles) -> list[Flowable]:
    """An Objectifs atelier's objectives: each named group of pistes, in its Vivre, with the
    pistes' horizons; with pistes but no objective yet, what objectives are and how to make
    them."""
    if not report.objectives:
        if not report.objectives_to_do:
            return []
        story = ps.section_start(tr("Les objectifs"), st, new_page=False)  # a short one
        story.append(Paragraph(ps.prose(tr(report.objectives_to_do)), st.body))
        return story
    n = len(report.objectives)
    story = ps.section_start(
        tr("Les objectifs"),
        st,
        intro=produced_intro("objectives", n),
    )
    for objective in report.objectives:
        colour = objective.column.colour
        head = Paragraph(
            f'<font color="{colour}">{ps.prose(objective.column.title)}</font> — '
            f"<b>{ps.text(objective.name)}</b>",
            st.h3,
        )
        lines = [
            ps.text(i.text)
            + (f' <font size="7.5" color="#5F6368">({i.horizon})</font>' if i.horizon else "")
            for i in objective.ideas
        ]
        style = ps.hanging(st.bullet)
        story.append(
            KeepTogether([head, *(Paragraph(line, style, bulletText="•") for line in lines)])
        )
    return story


def _earlier(report: SessionReport, st: ps.Styles) -> list[Flowable]:
    """A Convergence atelier's input: the earlier ateliers' pistes, Vivre by Vivre, each
    Vivre traced to the ateliers it came from."""
    if not report.earlier:
        return []
    n = sum(len(e.ideas) for e in report.earlier)
    story = ps.section_start(
        tr("Les pistes des ateliers précédents"),
        st,
        new_page=False,
        intro=produced_intro("pistes", n),
    )
    style = ps.hanging(st.bullet)
    for earlier in report.earlier:
        pistes = amount(len(earlier.ideas), "piste", "pistes")
        head = Paragraph(
            f'<font color="{earlier.column.colour}">{ps.prose(earlier.column.title)}</font> — '
            + ps.prose(f"{pistes} ({earlier.credit})"),
            st.h3,
        )
        items = [Paragraph(ps.text(i.text), style, bulletText="•") for i in earlier.ideas]
        if earlier.objectives:  # the Objectifs ateliers' named groups of these pistes
            named = " · ".join(
                tr("« {name} » ({pistes})", name=name, pistes=amount(n, "piste", "pistes"))
                for name, n in earlier.objectives
            )
            items.insert(0, Paragraph(ps.text(tr("Objectifs : {list}", list=named)), st.body))
        story.append(KeepTogether([head, *items[:2]]))
        story += items[2:]
    return story


def _trame(report: SessionReport, st: ps.Styles) -> list[Flowable]:
    """A Convergence atelier's trame of the project, level by level."""
    if not report.trame:
        return []
    story = ps.section_start(tr("La trame du projet"), st)
    style = ps.hanging(st.bullet)
    story += [Paragraph(ps.prose(line), style, bulletText="•") for line in report.trame]
    return story


def _engagements(report: SessionReport, st: ps.Styles, width: float) -> list[Flowable]:
    if not report.engagements:
        return []
    story = ps.section_start(
        tr("Les engagements"),
        st,
        intro=(
            tr("Les engagements de chaque Vivre, avec leurs « Comment ? ».")
            if report.engagements_from_template
            else tr("Ce que la salle a retenu, et les idées dont chaque engagement est né.")
        ),
    )
    for e in report.engagements:
        colour = ps.hex_colour(e.column.colour) if e.column else ps.ACCENT
        story.append(
            engagement_block(e.number, e.title, e.purpose, e.how, e.ideas, colour, st, width)
        )
    return story


def _recit(report: SessionReport, st: ps.Styles, width: float) -> list[Flowable]:
    if not report.dreams and not report.quotes:
        return []
    story = ps.section_start(tr("Récit et paroles"), st)
    if report.dreams:
        title = recit_title(report.template)
        heading = (
            tr("Le récit prospectif : {title}", title=title) if title else tr("Le récit prospectif")
        )
        story.append(ps.heading(heading, st, level=1))
        story.append(
            Paragraph(
                ps.text(tr("Le rêve de chaque Vivre, écrit ensemble au fil des ateliers.")),
                st.muted,
            )
        )
        for dream in report.dreams:
            story += dream_block(dream.column.title, dream.column.colour, dream.text, st, width)
    if report.quotes:
        story.append(ps.heading(tr("Ils l’ont dit"), st, level=1))
        story += quote_blocks(report.quotes, st)
    return story


def dream_block(title: str, colour: str, text: str, st: ps.Styles, width: float) -> list[Flowable]:
    tone = ps.hex_colour(colour)
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    cell: list[Flowable] = [
        Paragraph(f'<font color="{colour}"><b>{ps.prose(title)}</b></font>', st.h3),
        *(Paragraph(ps.text(p), st.quote) for p in paragraphs),
    ]
    table = ps.Table([[cell]], colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), ps.tint(tone, 0.92)),
                ("LINEBEFORE", (0, 0), (0, -1), 3, tone),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    return [table, ps.spacer(3)]


def quote_blocks(quotes: tuple[QuoteView, ...], st: ps.Styles) -> list[Flowable]:
    author_style = ps.ParagraphStyle("a", parent=st.meta, leftIndent=12, spaceAfter=8)
    story: list[Flowable] = []
    for quote in quotes:
        by = " · ".join(p for p in (quote.author, quote.column) if p)
        block: list[Flowable] = [Paragraph(ps.text(f"« {quote.text} »"), st.quote)]
        if by:
            block.append(Paragraph(f"— {ps.text(by)}", author_style))
        story.append(KeepTogether(block))
    return story


def _photos(report: SessionReport, st: ps.Styles, width: float) -> list[Flowable]:
    photos = []
    for photo in report.photos:
        try:
            image = Image(printable_photo(photo.path))
        except Exception:  # damaged, cut short, not an image: said, not silently left out
            name = photo.caption or photo.path.name
            photos.append(Paragraph(ps.text(tr("Photo illisible : {name}", name=name)), st.meta))
            continue
        scale = min(1.0, width / image.imageWidth, (110 * mm) / image.imageHeight)
        image.drawWidth = image.imageWidth * scale
        image.drawHeight = image.imageHeight * scale
        block: list[Flowable] = [image]
        if photo.caption:
            block.append(Paragraph(ps.text(photo.caption), st.meta))
        block.append(ps.spacer(4))
        photos.append(KeepTogether(block))
    if not photos:
        return []
    return [*ps.section_start(tr("Photos"), st), *photos]
