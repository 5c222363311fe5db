"""What a report shows, gathered from the store: plain values, no Qt, no reportlab.

``gather_session`` collects one atelier (ideas per Vivre, personas and tables, votes, top
ideas, engagements, and — when the facilitation features are there — the agenda as run,
the récit, quotes and photos). ``gather_series`` collects a whole series for the synthesis
booklet. Exports (PDF, CSV, Markdown, Decidim) only lay these values out.

Kinds added later by other features (agenda items, récit, quotes, photos) are looked up in
``model.ENTITY_TYPES`` by name and read field by field, so a report simply leaves a section
out when the feature (or its content) is not there.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fabrique_desktop.model import (
    ENTITY_TYPES,
    HORIZONS,
    PHASES,
    Card,
    Engagement,
    Entity,
    Persona,
    Series,
    Session,
    Table,
    Vote,
)
from fabrique_desktop.ports import Store
from fabrique_desktop.template import Column, Template

TOP_IDEAS = 10
NO_THEME = "Sans thème"
NO_HORIZON = "Sans horizon"


@dataclass(frozen=True)
class Idea:
    id: str
    text: str
    column: str
    persona: str = ""
    table: str = ""
    horizon: str = ""
    tags: tuple[str, ...] = ()
    votes: int = 0

    @property
    def source(self) -> str:
        """« Bernard · Table 2 »: who the idea came from, as the report prints it."""
        return " · ".join(p for p in (self.persona, self.table) if p)


@dataclass(frozen=True)
class ColumnIdeas:
    column: Column
    ideas: tuple[Idea, ...]


@dataclass(frozen=True)
class Figure:
    value: str
    label: str
    colour: str = ""


@dataclass(frozen=True)
class PersonaView:
    first_name: str
    role: str
    town: str = ""
    age: int | None = None
    colour: str = "#455A64"
    story: str = ""
    tables: tuple[str, ...] = ()
    ideas: int = 0

    @property
    def label(self) -> str:
        return f"{self.first_name}, {self.role}" if self.role else self.first_name


@dataclass(frozen=True)
class TableView:
    name: str
    personas: tuple[str, ...] = ()
    ideas: int = 0
    dots: int = 0


@dataclass(frozen=True)
class EngagementView:
    number: int
    title: str
    column: Column | None
    purpose: str = ""
    how: tuple[str, ...] = ()
    ideas: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgendaRow:
    title: str
    planned_minutes: float | None = None
    actual_minutes: float | None = None
    note: str = ""


@dataclass(frozen=True)
class Quote:
    text: str
    author: str = ""


@dataclass(frozen=True)
class Photo:
    path: Path
    caption: str = ""


@dataclass(frozen=True)
class SessionReport:
    series_title: str
    session: Session
    template: Template
    columns: tuple[ColumnIdeas, ...]
    inbox: tuple[Idea, ...] = ()
    figures: tuple[Figure, ...] = ()
    personas: tuple[PersonaView, ...] = ()
    tables: tuple[TableView, ...] = ()
    top_ideas: tuple[Idea, ...] = ()
    engagements: tuple[EngagementView, ...] = ()
    agenda: tuple[AgendaRow, ...] = ()
    recit: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    photos: tuple[Photo, ...] = ()
    total_dots: int = 0

    @property
    def phase(self) -> str:
        return PHASES.get(self.session.phase, self.session.phase)

    @property
    def ideas(self) -> list[Idea]:
        """Every idea, inbox first then column by column, in board order."""
        return [*self.inbox, *(i for c in self.columns for i in c.ideas)]

    @property
    def column_titles(self) -> dict[str, str]:
        return {c.key: c.title for c in self.template.columns}


@dataclass(frozen=True)
class ThemeIdeas:
    theme: str
    ideas: tuple[Idea, ...]


@dataclass(frozen=True)
class HorizonIdeas:
    horizon: str
    themes: tuple[ThemeIdeas, ...]

    @property
    def count(self) -> int:
        return sum(len(t.ideas) for t in self.themes)


@dataclass(frozen=True)
class SeriesColumn:
    column: Column
    horizons: tuple[HorizonIdeas, ...]
    engagements: tuple[EngagementView, ...] = ()

    @property
    def count(self) -> int:
        return sum(h.count for h in self.horizons)


@dataclass(frozen=True)
class SessionSummary:
    number: int
    title: str
    date: str
    phase: str
    place: str
    ideas: int
    dots: int


@dataclass(frozen=True)
class SeriesReport:
    series: Series
    template: Template
    sessions: tuple[SessionSummary, ...]
    columns: tuple[SeriesColumn, ...]
    figures: tuple[Figure, ...]
    values: tuple[dict[str, Any], ...] = ()
    paradoxes: tuple[dict[str, Any], ...] = ()
    engagements: tuple[EngagementView, ...] = ()
    engagements_from_template: bool = False
    personas: tuple[PersonaView, ...] = ()
    inspirations: tuple[dict[str, Any], ...] = ()
    unsorted: int = 0

    @property
    def idea_count(self) -> int:
        return sum(c.count for c in self.columns)


# ------------------------------------------------------------------ session


def gather_session(
    store: Store, session: Session, template: Template | None = None
) -> SessionReport:
    series = store.get(Series, session.series_id)
    if template is None:
        template = _template(series)
    personas = {p.id: p for p in store.find(Persona, series_id=session.series_id)}
    tables = sorted(store.find(Table, session_id=session.id), key=lambda t: (t.number, t.name))
    table_names = {t.id: _table_name(t) for t in tables}
    cards = [c for c in store.find(Card, session_id=session.id) if c.merged_into is None]
    votes = _votes(store.find(Vote, session_id=session.id))
    ideas = [_idea(c, personas, table_names, votes) for c in cards]
    by_column = _by_column(ideas, template)
    columns = tuple(
        ColumnIdeas(column, tuple(by_column.get(column.key, ())))
        for column in template.vivre_columns
    )
    known = {c.key for c in template.vivre_columns}
    inbox = tuple(i for i in ideas if i.column not in known)
    top = tuple(sorted((i for i in ideas if i.votes > 0), key=lambda i: -i.votes)[:TOP_IDEAS])
    engagements = _session_engagements(store, session, template, {c.id: c.text for c in cards})
    total_dots = sum(votes.values())
    report = SessionReport(
        series_title=series.title if series else "",
        session=session,
        template=template,
        columns=columns,
        inbox=inbox,
        personas=_personas_present(personas, tables, table_names, cards),
        tables=_table_views(tables, personas, cards, votes),
        top_ideas=top,
        engagements=engagements,
        agenda=_agenda(store, session),
        recit=_recit(store, session),
        quotes=_quotes(store, session, personas),
        photos=_photos(store, session),
        total_dots=total_dots,
    )
    return dataclasses.replace(report, figures=_session_figures(report))


def _template(series: Series | None) -> Template:
    from fabrique_desktop.template import builtin_template

    if series is not None and series.template:
        return Template.from_dict(series.template)
    return builtin_template()


def _table_name(table: Table) -> str:
    return table.name or f"Table {table.number}"


def _votes(votes: Iterable[Vote]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for vote in votes:
        counts[vote.card_id] += max(0, int(vote.dots or 0))
    return counts


def _idea(
    card: Card, personas: dict[str, Persona], tables: dict[str, str], votes: Counter[str]
) -> Idea:
    persona = personas.get(card.persona_id or "")
    return Idea(
        id=card.id,
        text=card.text,
        column=card.column,
        persona=persona.first_name if persona else "",
        table=tables.get(card.table_id or "", ""),
        horizon=card.horizon,
        tags=tuple(card.tags),
        votes=votes.get(card.id, 0),
    )


def _by_column(ideas: Iterable[Idea], template: Template) -> dict[str, list[Idea]]:
    grouped: dict[str, list[Idea]] = {}
    for idea in ideas:
        grouped.setdefault(idea.column, []).append(idea)
    return grouped


def _personas_present(
    personas: dict[str, Persona],
    tables: list[Table],
    table_names: dict[str, str],
    cards: list[Card],
) -> tuple[PersonaView, ...]:
    at_tables: dict[str, list[str]] = {}
    for table in tables:
        for pid in table.persona_ids:
            at_tables.setdefault(pid, []).append(table_names[table.id])
    ideas = Counter(c.persona_id for c in cards if c.persona_id)
    present = [p for p in personas.values() if p.id in at_tables or p.id in ideas]
    present.sort(key=lambda p: (p.position, p.first_name))
    return tuple(
        PersonaView(
            first_name=p.first_name,
            role=p.role,
            town=p.town,
            age=p.age,
            colour=p.colour,
            story=p.story,
            tables=tuple(at_tables.get(p.id, ())),
            ideas=ideas.get(p.id, 0),
        )
        for p in present
    )


def _table_views(
    tables: list[Table], personas: dict[str, Persona], cards: list[Card], votes: Counter[str]
) -> tuple[TableView, ...]:
    ideas = Counter(c.table_id for c in cards if c.table_id)
    return tuple(
        TableView(
            name=_table_name(t),
            personas=tuple(personas[p].first_name for p in t.persona_ids if p in personas),
            ideas=ideas.get(t.id, 0),
        )
        for t in tables
    )


def _engagement_view(
    number: int,
    title: str,
    column_key: str,
    template: Template,
    purpose: str = "",
    how: Iterable[str] = (),
    ideas: Iterable[str] = (),
) -> EngagementView:
    try:
        column: Column | None = template.column(column_key)
    except KeyError:
        column = None
    return EngagementView(
        number=number,
        title=title,
        column=column,
        purpose=purpose,
        how=tuple(h for h in how if h),
        ideas=tuple(i for i in ideas if i),
    )


def _session_engagements(
    store: Store, session: Session, template: Template, texts: dict[str, str]
) -> tuple[EngagementView, ...]:
    engagements = sorted(
        store.find(Engagement, session_id=session.id), key=lambda e: (e.number, e.created_at)
    )
    return tuple(
        _engagement_view(
            e.number or i,
            e.title,
            e.column,
            template,
            e.purpose,
            e.how,
            (texts.get(cid, "") for cid in e.card_ids),
        )
        for i, e in enumerate(engagements, start=1)
    )


def _session_figures(report: SessionReport) -> tuple[Figure, ...]:
    ideas = report.ideas
    figures = [Figure(str(len(ideas)), "idées" if len(ideas) != 1 else "idée")]
    for column in report.columns:
        figures.append(Figure(str(len(column.ideas)), column.column.title, column.column.colour))
    if report.tables:
        figures.append(Figure(str(len(report.tables)), "tables"))
    if report.personas:
        figures.append(Figure(str(len(report.personas)), "personas"))
    if report.total_dots:
        figures.append(Figure(str(report.total_dots), "votes (gommettes)"))
    if report.engagements:
        figures.append(Figure(str(len(report.engagements)), "engagements"))
    horizons = Counter(i.horizon for i in ideas if i.horizon)
    for horizon in HORIZONS:
        if horizons.get(horizon):
            figures.append(Figure(str(horizons[horizon]), f"pistes à l’horizon {horizon}"))
    return tuple(figures)


# ------------------------------------------------ features that land later

_AGENDA_KINDS = ("agenda_items", "agenda", "agenda_steps")
_RECIT_KINDS = ("recits", "recit", "narratives")
_QUOTE_KINDS = ("quotes", "citations")
_PHOTO_KINDS = ("photos",)


def _live(store: Store, kinds: Iterable[str], session: Session) -> list[Entity]:
    for kind in kinds:
        cls = ENTITY_TYPES.get(kind)
        if cls is None:
            continue
        names = {f.name for f in dataclasses.fields(cls)}
        if "session_id" not in names:
            continue
        items = store.find(cls, session_id=session.id)
        return sorted(
            items, key=lambda e: (_first(e, "position", "number", "order") or 0, e.created_at)
        )
    return []


def _first(entity: object, *names: str) -> Any:
    for name in names:
        value = getattr(entity, name, None)
        if value not in (None, "", [], ()):
            return value
    return None


def _minutes(value: Any, seconds: bool = False) -> float | None:
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number / 60 if seconds else number


def _agenda(store: Store, session: Session) -> tuple[AgendaRow, ...]:
    rows = []
    for item in _live(store, _AGENDA_KINDS, session):
        title = _first(item, "title", "name", "label") or ""
        planned = _minutes(_first(item, "planned_minutes", "duration_minutes", "minutes"))
        if planned is None:
            planned = _minutes(_first(item, "planned_seconds", "duration_seconds"), seconds=True)
        actual = _minutes(_first(item, "actual_minutes", "spent_minutes"))
        if actual is None:
            actual = _minutes(
                _first(item, "actual_seconds", "spent_seconds", "elapsed_seconds"), seconds=True
            )
        note = _first(item, "note", "notes", "description") or ""
        if title:
            rows.append(AgendaRow(str(title), planned, actual, str(note)))
    return tuple(rows)


def _recit(store: Store, session: Session) -> tuple[str, ...]:
    paragraphs: list[str] = []
    for item in _live(store, _RECIT_KINDS, session):
        text = _first(item, "text", "body", "content") or ""
        paragraphs.extend(p.strip() for p in str(text).split("\n\n") if p.strip())
    return tuple(paragraphs)


def _quotes(store: Store, session: Session, personas: dict[str, Persona]) -> tuple[Quote, ...]:
    quotes = []
    for item in _live(store, _QUOTE_KINDS, session):
        text = _first(item, "text", "quote", "body") or ""
        author = _first(item, "author", "speaker", "name") or ""
        persona = personas.get(getattr(item, "persona_id", None) or "")
        if not author and persona is not None:
            author = persona.first_name
        if text:
            quotes.append(Quote(str(text), str(author)))
    return tuple(quotes)


def _photos(store: Store, session: Session) -> tuple[Photo, ...]:
    photos = []
    for item in _live(store, _PHOTO_KINDS, session):
        path = _first(item, "path", "file", "filename")
        if path and Path(path).is_file():
            photos.append(Photo(Path(path), str(_first(item, "caption", "title") or "")))
    return tuple(photos)


# ------------------------------------------------------------------- series


def gather_series(store: Store, series: Series) -> SeriesReport:
    template = _template(series)
    sessions = sorted(
        store.find(Session, series_id=series.id), key=lambda s: (s.number, s.date, s.title)
    )
    personas = {p.id: p for p in store.find(Persona, series_id=series.id)}
    summaries = []
    ideas: list[Idea] = []
    engagements: list[EngagementView] = []
    for session in sessions:
        tables = {t.id: _table_name(t) for t in store.find(Table, session_id=session.id)}
        cards = [c for c in store.find(Card, session_id=session.id) if c.merged_into is None]
        votes = _votes(store.find(Vote, session_id=session.id))
        ideas.extend(_idea(c, personas, tables, votes) for c in cards)
        engagements.extend(
            _session_engagements(store, session, template, {c.id: c.text for c in cards})
        )
        summaries.append(
            SessionSummary(
                number=session.number,
                title=session.title,
                date=session.date,
                phase=PHASES.get(session.phase, session.phase),
                place=session.place,
                ideas=len(cards),
                dots=sum(votes.values()),
            )
        )
    from_template = not engagements
    if from_template:
        engagements = [
            _engagement_view(
                int(e.get("number", i)),
                e.get("title", ""),
                e.get("column", ""),
                template,
                e.get("purpose", ""),
                e.get("how", []),
            )
            for i, e in enumerate(template.section("engagements"), start=1)
        ]
    else:
        engagements = [dataclasses.replace(e, number=i) for i, e in enumerate(engagements, 1)]
    by_column = _by_column(ideas, template)
    columns = tuple(
        SeriesColumn(
            column=column,
            horizons=_by_horizon(by_column.get(column.key, [])),
            engagements=tuple(e for e in engagements if e.column and e.column.key == column.key),
        )
        for column in template.vivre_columns
    )
    known = {c.key for c in template.vivre_columns}
    unsorted = sum(1 for i in ideas if i.column not in known)
    used = {i.persona for i in ideas if i.persona}
    deck = sorted(personas.values(), key=lambda p: (p.position, p.first_name))
    report = SeriesReport(
        series=series,
        template=template,
        sessions=tuple(summaries),
        columns=columns,
        figures=(),
        values=tuple(template.section("values")),
        paradoxes=tuple(template.section("paradoxes")),
        engagements=tuple(engagements),
        engagements_from_template=from_template,
        personas=tuple(
            PersonaView(
                first_name=p.first_name,
                role=p.role,
                town=p.town,
                age=p.age,
                colour=p.colour,
                story=p.story,
                ideas=sum(1 for i in ideas if i.persona == p.first_name) if used else 0,
            )
            for p in deck
            if not p.retired
        ),
        inspirations=tuple(template.section("inspirations")),
        unsorted=unsorted,
    )
    return dataclasses.replace(report, figures=_series_figures(report, ideas))


def _by_horizon(ideas: list[Idea]) -> tuple[HorizonIdeas, ...]:
    """Ideas grouped by horizon (2024, 2040, then none), then by their first theme."""
    order = [*HORIZONS, ""]
    groups: dict[str, dict[str, list[Idea]]] = {}
    for idea in ideas:
        horizon = idea.horizon if idea.horizon in HORIZONS else ""
        theme = idea.tags[0] if idea.tags else ""
        groups.setdefault(horizon, {}).setdefault(theme, []).append(idea)
    result = []
    for horizon in order:
        themes = groups.get(horizon)
        if not themes:
            continue
        ordered = sorted(themes.items(), key=lambda kv: (kv[0] == "", -len(kv[1]), kv[0].lower()))
        result.append(
            HorizonIdeas(
                horizon or NO_HORIZON,
                tuple(ThemeIdeas(theme or NO_THEME, tuple(items)) for theme, items in ordered),
            )
        )
    return tuple(result)


def _series_figures(report: SeriesReport, ideas: list[Idea]) -> tuple[Figure, ...]:
    figures = [
        Figure(str(len(report.sessions)), "ateliers"),
        Figure(str(len(ideas)), "pistes de projet"),
    ]
    if report.engagements:
        figures.append(Figure(str(len(report.engagements)), "engagements"))
    if report.values:
        figures.append(Figure(str(len(report.values)), "valeurs partagées"))
    if report.paradoxes:
        figures.append(Figure(str(len(report.paradoxes)), "paradoxes"))
    if report.personas:
        figures.append(Figure(str(len(report.personas)), "personas"))
    for column in report.columns:
        figures.append(Figure(str(column.count), column.column.title, column.column.colour))
    horizons = Counter(i.horizon for i in ideas if i.horizon in HORIZONS)
    for horizon in HORIZONS:
        if horizons.get(horizon):
            figures.append(Figure(str(horizons[horizon]), f"pistes à l’horizon {horizon}"))
    dots = sum(s.dots for s in report.sessions)
    if dots:
        figures.append(Figure(str(dots), "votes (gommettes)"))
    return tuple(figures)


def themes_of(ideas: Iterable[Idea]) -> list[str]:
    """Themes in order of frequency (for keyword lines)."""
    counts = Counter(t for i in ideas for t in i.tags)
    return [t for t, _ in counts.most_common()]
