"""The synthesis booklet of a series: all its ateliers gathered like the 2017 booklet.

Cover, contents, key figures, the steps of the process, the paradoxes of the diagnostic,
the shared values, the personas, then the four Vivre — challenge, keywords, dream, the
project ideas by horizon (2024 / 2040) and theme, and the engagements for that Vivre.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, TableStyle

from exports import pdf_style as ps
from exports.bidi import Paragraph
from exports.safe_write import write_with
from exports.session_report import engagement_block, quote_blocks
from fabrique_desktop.report import SeriesColumn, SeriesReport

HORIZON_TITLES = {
    "2024": "Horizon 2024 — c’est déjà aujourd’hui",
    "2040": "Horizon 2040 — la métropole de demain",
}


def write_series_pdf(
    report: SeriesReport, target: Path | str, progress: ps.ProgressCallback | None = None
) -> None:
    write_with(target, lambda f: build_series_pdf(report, f, progress))


def build_series_pdf(
    report: SeriesReport, out: BinaryIO | str, progress: ps.ProgressCallback | None = None
) -> None:
    doc = ps.Booklet(
        out,
        title=f"Synthèse — {report.series.title}",
        header=f"{report.series.title} — synthèse des ateliers",
        subject=report.template.title,
        progress=progress,
    )
    doc.build_story(series_story(report, doc.body_width))


def _dates(report: SeriesReport) -> str:
    dates = sorted(s.date for s in report.sessions if s.date)
    if not dates:
        return ""
    if dates[0] == dates[-1]:
        return ps.french_date(dates[0])
    return f"du {ps.french_date(dates[0])} au {ps.french_date(dates[-1])}"


def series_story(report: SeriesReport, width: float) -> list[Flowable]:
    st = ps.styles()
    data = report.template.data
    n = len(report.sessions)
    story: list[Flowable] = ps.cover(
        st,
        kicker="Synthèse des ateliers",
        title=report.series.title,
        subtitle=str(data.get("territory", "")),
        lines=[
            ("Ateliers", f"{n} atelier{'s' if n > 1 else ''}" if n else ""),
            ("Dates", _dates(report)),
            ("Méthode", report.template.title),
            ("Pistes de projet", str(report.idea_count) if report.idea_count else ""),
        ],
        stripe=[(c.column.title, ps.hex_colour(c.column.colour)) for c in report.columns],
        width=width,
    )
    story.append(Paragraph(ps.text("Sommaire"), st.h1))
    story.append(ps.contents(st))
    story += ps.section_start("Chiffres clés", st, new_page=False)
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
    if data.get("description"):
        story.append(ps.spacer(4))
        story.append(Paragraph(ps.text(data["description"]), st.body))
    story += _steps(report, st, width)
    story += _paradoxes(report, st, width)
    story += _values(report, st)
    story += _personas(report, st, width)
    for column in report.columns:
        story += _vivre(column, report, st, width)
    if report.quotes:
        story += ps.section_start("Paroles d’ateliers", st)
        story += quote_blocks(report.quotes, st)
    orphans = [e for e in report.engagements if e.column is None]
    if orphans:
        story += ps.section_start("Autres engagements", st)
        for e in orphans:
            story.append(
                engagement_block(e.number, e.title, e.purpose, e.how, e.ideas, ps.ACCENT, st, width)
            )
    return story


def _steps(report: SeriesReport, st: ps.Styles, width: float) -> list[Flowable]:
    if not report.sessions:
        return []
    story = ps.section_start("Les étapes de la démarche", st)
    rows: list[list[Any]] = [
        [
            Paragraph("N°", st.cell_bold),
            Paragraph("Date", st.cell_bold),
            Paragraph("Atelier", st.cell_bold),
            Paragraph("Phase", st.cell_bold),
            Paragraph("Idées", st.cell_bold),
        ]
    ]
    for s in report.sessions:
        title = ps.text(s.title)
        if s.place:
            title += f'<br/><font size="7.5" color="#5F6368">{ps.text(s.place)}</font>'
        rows.append(
            [
                Paragraph(str(s.number or ""), st.cell),
                Paragraph(ps.text(ps.french_date(s.date)), st.cell),
                Paragraph(title, st.cell),
                Paragraph(ps.text(s.phase), st.cell),
                Paragraph(str(s.ideas), st.cell_right),
            ]
        )
    story.append(ps.simple_table(rows, [10 * mm, 30 * mm, width - 110 * mm, 52 * mm, 18 * mm]))
    return story


def _paradoxes(report: SeriesReport, st: ps.Styles, width: float) -> list[Flowable]:
    if not report.paradoxes:
        return []
    story = ps.section_start(
        "Des atouts à la hauteur des défis",
        st,
        intro=(
            f"Le diagnostic en {len(report.paradoxes)} paradoxes : "
            "chaque atout du territoire face au défi qui l’accompagne."
        ),
    )
    for i, paradox in enumerate(report.paradoxes, start=1):
        block: list[Flowable] = [Paragraph(f"{i}. {ps.text(paradox.get('title', ''))}", st.h2)]
        asset, challenge = paradox.get("asset", ""), paradox.get("challenge", "")
        if asset or challenge:
            pair = ps.Table(
                [
                    [
                        Paragraph(f"<b>Atout</b><br/>{ps.text(asset)}", st.cell),
                        Paragraph(f"<b>Défi</b><br/>{ps.text(challenge)}", st.cell),
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
    story = ps.section_start("Des valeurs qui nous engagent", st)
    for value in report.values:
        story.append(
            KeepTogether(
                [
                    Paragraph(ps.text(value.get("title", "")).upper(), st.h2),
                    Paragraph(ps.text(value.get("definition", "")), st.body),
                ]
            )
        )
    return story


def _personas(report: SeriesReport, st: ps.Styles, width: float) -> list[Flowable]:
    if not report.personas:
        return []
    story = ps.section_start(
        "Les habitants fictifs",
        st,
        new_page=False,
        intro=(
            "Pendant les ateliers, les participants ont quitté leur rôle pour parler au nom "
            "de ces personas."
        ),
    )
    rows = []
    for p in report.personas:
        details = " · ".join(x for x in (p.town, f"{p.age} ans" if p.age else "") if x)
        cells = [
            Paragraph(f"<b>{ps.text(p.first_name)}</b>", st.cell),
            Paragraph(ps.text(p.role), st.cell),
            Paragraph(ps.text(details), st.cell),
        ]
        rows.append((p.colour, cells))
    table = ps.persona_table(rows, [32 * mm, width - 85 * mm, 50 * mm])
    story.append(table)
    return story


def _vivre(
    column: SeriesColumn, report: SeriesReport, st: ps.Styles, width: float
) -> list[Flowable]:
    c = column.column
    if not column.count and not column.engagements and not c.challenge:
        return []
    colour = ps.hex_colour(c.colour)
    story: list[Flowable] = [ps.PageBreak()]
    story += ps.band(c.title, c.subtitle, colour, st, width)
    story.append(ps.spacer(3))
    if c.challenge:
        story.append(Paragraph(ps.text(c.challenge), st.muted))
    if c.keywords:
        words = "   ".join(ps.text(k).upper() for k in c.keywords)
        story.append(
            Paragraph(
                f'<font color="{c.colour}"><b>{words}</b></font>',
                ps.ParagraphStyle("kw", parent=st.small, leading=13, spaceAfter=6),
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
        story.append(Paragraph("Le rêve", st.h3))
        story.append(dream)
    if column.count:
        story.append(ps.heading(f"{c.title} : {column.count} pistes de projet", st, level=1))
        for horizon in column.horizons:
            label = HORIZON_TITLES.get(horizon.horizon, horizon.horizon)
            story.append(
                Paragraph(
                    f'<font color="{c.colour}">{ps.text(label)}</font> '
                    f'<font size="9" color="#5F6368">({horizon.count})</font>',
                    ps.ParagraphStyle("hz", parent=st.h2, fontSize=12.5),
                )
            )
            for theme in horizon.themes:
                name = theme.theme.lstrip("#")
                story.append(
                    KeepTogether(
                        [
                            Paragraph(ps.text(name), st.h3),
                            *ps.bullets([i.text for i in theme.ideas[:1]], st),
                        ]
                    )
                )
                story += ps.bullets([i.text for i in theme.ideas[1:]], st)
    if column.quotes:
        story.append(ps.heading(f"Paroles d’ateliers — {c.title}", st, level=1))
        story += quote_blocks(column.quotes, st)
    if column.engagements:
        n = len(column.engagements)
        story.append(ps.CondPageBreak(70 * mm))
        story.append(
            ps.heading(f"{n} engagement{'s' if n > 1 else ''} pour {c.title}", st, level=1)
        )
        if report.engagements_from_template:
            story.append(
                Paragraph(
                    ps.text(
                        f"Engagements du modèle « {report.template.title} » : la série n’a pas "
                        "encore adopté les siens."
                    ),
                    st.muted,
                )
            )
        for e in column.engagements:
            story.append(
                engagement_block(e.number, e.title, e.purpose, e.how, e.ideas, colour, st, width)
            )
    return story
