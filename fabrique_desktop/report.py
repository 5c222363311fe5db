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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fabrique_desktop import agenda, convergence, credit, phase_results, photos, recit
from fabrique_desktop import votes as vote_counts
from fabrique_desktop.limits import composed
from fabrique_desktop.model import (
    FUTUR,
    HORIZONS,
    IDEA,
    Card,
    Participant,
    Persona,
    Series,
    Session,
    Table,
    Vote,
)
from fabrique_desktop.phase_results import ParadoxView, ValueView
from fabrique_desktop.ports import Store
from fabrique_desktop.report_words import amount, noun, phase_name, titled, tr
from fabrique_desktop.template import Column, Template

TOP_IDEAS = 10
VALEURS_ROLES = {"atouts": "Atout", "problemes": "Problème", "valeurs": "Valeur proposée"}
"""What a card is on a Valeurs wall, by its column (the built-in phase's)."""
ADOPTED_VALUE = "Valeur adoptée"
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
    phone_votes: int = 0
    """Of ``votes``, the dots sent from participants' phones."""
    kind: str = IDEA
    ateliers: tuple[int, ...] = ()
    """The ateliers (numbers) that held this idea, in a series booklet."""
    from_phone: bool = False
    """Sent from a participant's phone (in a series booklet)."""
    role: str = ""
    """What the card is on a Valeurs wall, in French (« Atout », « Problème », « Valeur
    proposée », « Valeur adoptée »): the CSV's ``nature``; empty for any other card."""

    @property
    def is_idea(self) -> bool:
        """A participant's idea (not a « Futur engagé » item)."""
        return self.kind != FUTUR

    @property
    def source(self) -> str:
        """« Bernard · Table 2 »: who the idea came from, as the report prints it."""
        return " · ".join(p for p in (self.persona, self.table) if p)


@dataclass(frozen=True)
class ColumnIdeas:
    column: Column
    ideas: tuple[Idea, ...]
    futur: tuple[Idea, ...] = ()
    """« Futur engagé » items: decisions already taken, shown apart from the ideas."""


@dataclass(frozen=True)
class Figure:
    """A key figure: a number and what it counts, either a name printed as written (a
    Vivre's title) or a noun given in French (singular, plural), said in the documents'
    language (``report_words``) when it is printed."""

    value: str
    name: str = ""
    colour: str = ""
    noun: tuple[str, str] = ("", "")
    key: str = ""
    """The column it counts, when it counts one (« Atouts » is the app's word: English
    under ``--lang en``)."""

    @property
    def label(self) -> str:
        """What the number counts, agreeing with it, in the documents' language."""
        if not self.noun[0]:
            return titled(self.key, self.name) if self.key else self.name
        return noun(int(self.value), *self.noun)


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
class QuoteView:
    text: str
    author: str = ""
    column: str = ""


@dataclass(frozen=True)
class PhotoView:
    path: Path
    caption: str = ""


@dataclass(frozen=True)
class DreamView:
    column: Column
    text: str


@dataclass(frozen=True)
class PhoneShare:
    """Of an atelier's ideas and dots, those sent from participants' phones, and from how
    many phones."""

    ideas: int = 0
    dots: int = 0
    phones: int = 0
    cards: frozenset[str] = frozenset()
    """The ideas' card ids."""

    def __bool__(self) -> bool:
        return bool(self.ideas or self.dots)


@dataclass(frozen=True)
class ObjectiveView:
    """An objective of an Objectifs atelier: a named group of pistes within one Vivre (a
    group made on the wall, Ctrl+G)."""

    name: str
    column: Column
    ideas: tuple[Idea, ...]


@dataclass(frozen=True)
class EarlierPistes:
    """A Convergence atelier's input for one Vivre: the pistes of the series' earlier
    ateliers, read-only, each traced to the ateliers credited with it."""

    column: Column
    ideas: tuple[Idea, ...]
    objectives: tuple[tuple[str, int], ...] = ()
    """The earlier Objectifs ateliers' objectives in this Vivre: name, number of pistes."""

    @property
    def credit(self) -> str:
        """« ateliers 3 et 4 »: every atelier these pistes are credited to."""
        return credit.ateliers_label({n for i in self.ideas for n in i.ateliers})


@dataclass(frozen=True)
class Tally:
    """How many of one kind of result, its noun given in French (singular, plural), and
    shorter for the booklet's timeline; said in the documents' language when printed."""

    count: int
    singular: str
    plural: str
    short: tuple[str, str] = ("", "")

    def words(self, short: bool = False) -> str:
        """« 50 pistes de projet », or « 50 pistes » when ``short``."""
        one, many = self.short if short and self.short[0] else (self.singular, self.plural)
        return amount(self.count, one, many)


@dataclass(frozen=True)
class JointCredit:
    """Ateliers whose results are credited together (``fabrique_desktop.credit``): what
    they produced, whatever its kind (the pistes on their boards, a Valeurs atelier's
    paradoxes and values), counted once for all of them."""

    ateliers: tuple[int, ...]
    results: str = ""
    """What they produced, named in French at the head of a sentence (« Les pistes »)."""
    tallies: tuple[Tally, ...] = ()
    boards: tuple[int, ...] = ()
    """Those of the ateliers whose report shows the results."""
    walls: tuple[int, ...] = ()
    """Those of the ateliers whose wall holds the results (the pistes' cards), when that is
    not all of ``boards``."""
    on_wall: str = "Elles sont sur le mur de l’{wall}."
    """What a report shown by an atelier whose wall does not hold them says, in French."""

    @property
    def label(self) -> str:
        """« ateliers 3 et 4 »."""
        return credit.ateliers_label(self.ateliers)

    def counts(self, short: bool = False) -> list[str]:
        """« 50 pistes de projet », « 37 réalisations engagées »: what there is, none of 0."""
        return [t.words(short) for t in self.tallies if t.count]

    def together(self) -> str:
        """« Ateliers 3 et 4 ensemble : 50 pistes de projet · 37 réalisations engagées »,
        « Ateliers 1 et 2 ensemble : 7 paradoxes · 5 valeurs »: what a booklet's step says."""
        label = self.label[:1].upper() + self.label[1:]
        together = tr("{ateliers} ensemble", ateliers=label)
        counts = " · ".join(self.counts())
        return together + (f" : {counts}" if counts else "")

    def note(self, number: int) -> str:
        """What the report of atelier ``number`` says of these results: whose they are
        (« ateliers 3 et 4 »), never one atelier's, and where they are shown."""
        if number in self.boards:
            note = tr(
                "{results} de ce compte rendu sont le travail commun des {ateliers} : rien ne "
                "dit ce que chacun d’eux a produit.",
                results=tr(self.results),
                ateliers=self.label,
            )
            if self.walls and number not in self.walls:
                note += " " + tr(self.on_wall, wall=credit.ateliers_label(self.walls))
            return note
        counts = tr(" et ").join(self.counts())
        if not self.boards or not counts:
            return tr(
                "Les résultats de cet atelier sont comptés avec ceux des {ateliers}.",
                ateliers=self.label,
            )
        return tr(
            "{results} des {ateliers} ({counts}) figurent sur le mur et dans le compte rendu "
            "de l’{board} : rien ne dit ce que chacun des ateliers a produit.",
            results=tr(self.results),
            ateliers=self.label,
            counts=counts,
            board=credit.ateliers_label(self.boards),
        )


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
    dreams: tuple[DreamView, ...] = ()
    quotes: tuple[QuoteView, ...] = ()
    photos: tuple[PhotoView, ...] = ()
    total_dots: int = 0
    voter_kinds: tuple[vote_counts.KindDots, ...] = ()
    """The dots by voter kind (tables, participants, the room, phones), for « Qui a voté »."""
    organisation: str = ""
    """Who publishes the series' documents (its booklet texts): the running header's right."""
    phones: PhoneShare = PhoneShare()
    """The ideas and dots sent from participants' phones."""
    joint: JointCredit | None = None
    """When this atelier's results are credited together with other ateliers'."""
    paradoxes: tuple[ParadoxView, ...] = ()
    """What a Valeurs atelier produced: the paradoxes (``phase_results``)."""
    values: tuple[ValueView, ...] = ()
    """What a Valeurs atelier produced: the value system, each value with its definition."""
    engagements_from_template: bool = False
    """A Convergence atelier's engagements as the series' template holds them (none built
    on the board)."""
    trame: tuple[str, ...] = ()
    """A Convergence atelier's trame of the project, one line per level."""
    purpose: str = ""
    """What this kind of atelier is for."""
    still_to_do: tuple[str, ...] = ()
    """What an atelier that produced nothing yet has still to do."""
    objectives: tuple[ObjectiveView, ...] = ()
    """An Objectifs atelier's objectives: its named groups of pistes, Vivre by Vivre."""
    earlier: tuple[EarlierPistes, ...] = ()
    """A Convergence atelier's input: the earlier ateliers' pistes, Vivre by Vivre."""
    objectives_to_do: str = ""
    """An Objectifs atelier with pistes but no objective yet: what objectives are and how to
    make them on the wall."""
    held_elsewhere: frozenset[str] = frozenset()
    """The ids of the joint pistes shown here that are on another atelier's wall (credited
    together with this one's: « ateliers 3 et 4 »)."""

    @property
    def card_noun(self) -> tuple[str, str]:
        """What its cards are counted as, in French (singular, plural): a Valeurs wall's
        atouts, problèmes and values « carte(s) », its columns' titles saying what each is;
        any other wall's « idée(s) »."""
        return ("carte", "cartes") if self.session.phase == "valeurs" else ("idée", "idées")

    @property
    def phase(self) -> str:
        """The atelier's kind in the documents' language (« Valeurs », « Values »)."""
        return phase_name(self.session.phase)

    @property
    def joint_note(self) -> str:
        """What the report says when this atelier's results are credited with other
        ateliers' (« ateliers 3 et 4 »), never to one of them; "" otherwise."""
        return self.joint.note(self.session.number) if self.joint is not None else ""

    @property
    def subtitle(self) -> str:
        """« Compte rendu — Valeurs », or « Compte rendu commun des ateliers 3 et 4 —
        Objectifs & pistes de projet » when the report shows results credited together."""
        if self.joint is not None and self.session.number in self.joint.boards:
            return tr(
                "Compte rendu commun des {ateliers} — {phase}",
                ateliers=self.joint.label,
                phase=self.phase,
            )
        return tr("Compte rendu — {phase}", phase=self.phase)

    def adopted(self, value: ValueView) -> str:
        """« Adoptée dans cet atelier (proposition « … », 3 gommettes). », or « Adoptée par
        les ateliers 1 et 2 (…) » when its proposals are the joint work of several; "" when
        no proposal of this report was adopted as ``value``."""
        if not value.proposals:
            return ""
        dots = f", {amount(value.votes, 'gommette', 'gommettes')}" if value.votes else ""
        said = " ; ".join(f"« {p} »" for p in value.proposals)
        if self.joint is not None and self.session.number in self.joint.boards:
            return tr(
                "Adoptée par les {ateliers} (proposition {said}{dots}).",
                ateliers=self.joint.label,
                said=said,
                dots=dots,
            )
        return tr("Adoptée dans cet atelier (proposition {said}{dots}).", said=said, dots=dots)

    @property
    def ideas(self) -> list[Idea]:
        """Every participant's idea, inbox first then column by column, in board order."""
        return [*self.inbox, *(i for c in self.columns for i in c.ideas)]

    @property
    def futur(self) -> list[Idea]:
        return [i for c in self.columns for i in c.futur]

    @property
    def cards(self) -> list[Idea]:
        """Everything on the board: the ideas, then the « Futur engagé » items."""
        return [*self.ideas, *self.futur]

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
    dream: str = ""
    quotes: tuple[QuoteView, ...] = ()
    futur: tuple[ThemeIdeas, ...] = ()
    """« Futur engagé » items by theme: first achievements, not counted as ideas."""
    questions: tuple[str, ...] = ()
    """« Comment faire pour ? »: what the Vivre's challenge asks."""
    intro: str = ""
    """The text that introduces the Vivre's engagements."""

    @property
    def futur_count(self) -> int:
        return sum(len(t.ideas) for t in self.futur)

    @property
    def count(self) -> int:
        return sum(h.count for h in self.horizons)


@dataclass(frozen=True)
class SessionSummary:
    number: int
    title: str
    date: str
    phase: str
    """The atelier's kind (« valeurs »…): ``report_words.phase_name`` says it."""
    place: str
    ideas: int
    dots: int
    audience: str = ""
    produced: str = ""
    """What the atelier produced, as the template's plan says (values, paradoxes…)."""
    engagements: int = 0
    futur: int = 0
    tables: int = 0
    participants: int = 0
    names: tuple[str, ...] = ()
    """Participants' names, only for an atelier that is not anonymous."""
    phones: PhoneShare = PhoneShare()
    """What participants sent from their own phones (none without the phone room)."""
    on_wall: int = 0
    """Every card on its wall, a Valeurs wall's atouts, problèmes and values too."""
    joint: JointCredit | None = None
    """When this atelier's results are credited together with other ateliers'."""


@dataclass(frozen=True)
class Booklet:
    """The editorial voice of a series' booklet, written by the facilitator in the app."""

    organisation: str = ""
    logo: str = ""
    introduction: str = ""
    why: str = ""
    next: str = ""
    participants: str = ""

    @classmethod
    def from_dict(cls, data: Any) -> Booklet:
        if not isinstance(data, dict):
            return cls()
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: str(v) for k, v in data.items() if k in names and v is not None})


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
    quotes: tuple[QuoteView, ...] = ()
    """Quotes not about one Vivre."""
    unsorted_ideas: tuple[Idea, ...] = ()
    """Ideas left in « À trier » (sticky notes as written), listed as they are."""
    competences: tuple[dict[str, Any], ...] = ()
    booklet: Booklet = Booklet()
    top_ideas: tuple[Idea, ...] = ()
    joint_groups: tuple[tuple[int, ...], ...] = ()
    """Ateliers whose results are credited together (``fabrique_desktop.credit``)."""

    @property
    def idea_count(self) -> int:
        """Every participant's idea, once: those in a Vivre and those still to sort."""
        return sum(c.count for c in self.columns) + len(self.unsorted_ideas)

    @property
    def futur_count(self) -> int:
        return sum(c.futur_count for c in self.columns)

    def horizon_count(self, horizon: str) -> int:
        """Ideas at ``horizon`` (or ``NO_HORIZON``), those still to sort included: the
        horizons add up to ``idea_count``."""
        in_vivre = sum(h.count for c in self.columns for h in c.horizons if h.horizon == horizon)
        unsorted = sum(
            1
            for i in self.unsorted_ideas
            if (i.horizon if i.horizon in HORIZONS else NO_HORIZON) == horizon
        )
        return in_vivre + unsorted


# ------------------------------------------------------------------ session


def _visible_votes(store: Store, session_id: str) -> Counter[str]:
    """Dots per idea, or none while a secret vote has not been revealed in the room."""
    if vote_counts.counts_hidden(vote_counts.settings(store, session_id)):
        return Counter()
    return Counter(vote_counts.totals(store, session_id))


def _visible_phone_votes(store: Store, session_id: str, votes: Counter[str]) -> Counter[str]:
    """Of those dots, the ones sent from phones (none when the counts are hidden)."""
    if not votes:
        return Counter()
    return Counter(vote_counts.phone_totals(store, session_id))


def gather_session(
    store: Store,
    session: Session,
    template: Template | None = None,
    *,
    media_dir: Path | None = None,
    now: datetime | None = None,
) -> SessionReport:
    """Everything the report of ``session`` shows. ``media_dir`` holds the photos' files."""
    series = store.get(Series, session.series_id)
    if template is None:
        template = _template(series).for_phase(session.phase)
    personas = {p.id: p for p in store.find(Persona, series_id=session.series_id)}
    tables = sorted(store.find(Table, session_id=session.id), key=lambda t: (t.number, t.name))
    table_names = {t.id: vote_counts.table_label(t) for t in tables}
    cards = [c for c in store.find(Card, session_id=session.id) if c.merged_into is None]
    votes = _visible_votes(store, session.id)
    phone_votes = _visible_phone_votes(store, session.id, votes)
    group = credit.joint_groups(template.data).get(session.number, ())
    walls = _joint_walls(store, session, group)
    held = {w.id: cards if w is session else _live_cards(store, w) for w in walls}
    joint_cards = [c for w in walls if w is not session for c in held[w.id]]
    all_cards = canonical_themes(
        [
            dataclasses.replace(
                _idea(c, personas, table_names, votes, phone_votes)
                if w is session
                else _idea(c, personas, {}, Counter()),
                ateliers=group,
            )
            for w in walls
            for c in held[w.id]
        ]
    )
    if session.phase == "valeurs":
        all_cards = _with_valeurs_roles(all_cards, [*cards, *joint_cards])
    ideas = [i for i in all_cards if i.is_idea]
    by_column = _by_column(ideas, template)
    futur = _by_column((i for i in all_cards if not i.is_idea), template)
    columns = tuple(
        ColumnIdeas(column, tuple(by_column.get(column.key, ())), tuple(futur.get(column.key, ())))
        for column in template.vivre_columns
    )
    known = {c.key for c in template.vivre_columns}
    inbox = tuple(i for i in all_cards if i.column not in known)
    top_n = max(TOP_IDEAS, vote_counts.settings(store, session.id).top_n or 0)
    top = tuple(sorted((i for i in ideas if i.votes > 0), key=lambda i: -i.votes)[:top_n])
    engagements = _session_engagements(
        store, session, template, {c.id: c.text for c in [*cards, *joint_cards]}
    )
    total_dots = sum(vote_counts.direct_counts(store, session.id).values())
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
        agenda=_agenda(store, session, now or datetime.now(UTC)),
        dreams=_dreams(store, session.series_id, template),
        quotes=_quotes(store, session, personas, template),
        photos=_photos(store, session, media_dir),
        total_dots=total_dots,
        voter_kinds=tuple(vote_counts.dots_by_kind(store, session.id)) if total_dots else (),
        phones=_phone_share(store, session.id, {i.id for i in ideas}),
        organisation=booklet_of(template).organisation,
        joint=joint_credit(store, session, template, cards),
        held_elsewhere=frozenset(c.id for c in joint_cards),
    )
    report = with_phase_results(report)
    if session.phase == "valeurs":
        report = dataclasses.replace(report, values=_adopted_values(report, [*cards, *joint_cards]))
    if session.phase == "objectifs":
        objectives = _objectives(store, walls, report)
        report = dataclasses.replace(
            report,
            objectives=objectives,
            objectives_to_do=phase_results.objectives_to_do(
                session.phase, len(report.ideas), len(objectives)
            ),
        )
    if session.phase == "convergence":
        report = dataclasses.replace(report, earlier=_earlier_pistes(store, session, template))
    return dataclasses.replace(report, figures=_session_figures(report))


def _earlier_pistes(
    store: Store, session: Session, template: Template
) -> tuple[EarlierPistes, ...]:
    """The pistes of the ateliers before ``session`` in its series, by Vivre, each traced to
    its ateliers (those credited together: all of them); held by several, listed once."""
    from fabrique_desktop import groups as clusters
    from fabrique_desktop.earlier_pistes import OBJECTIVES_FROM

    groups = credit.joint_groups(template.data)
    found: list[Idea] = []
    objectives: dict[str, list[tuple[str, int]]] = {}
    for other in store.find(Session, series_id=session.series_id):
        if other.id == session.id or other.deleted or not 0 < other.number < session.number:
            continue
        for card in store.find(Card, session_id=other.id):
            if card.merged_into is None and card.is_idea:
                idea = _idea(card, {}, {}, Counter())
                found.append(
                    dataclasses.replace(idea, ateliers=groups.get(other.number, (other.number,)))
                )
        if other.phase not in OBJECTIVES_FROM:
            continue
        for cluster in sorted(clusters.clusters(store, other.id), key=lambda c: c.position):
            held = [c for c in clusters.members(store, cluster) if c.is_idea and not c.deleted]
            if held and not cluster.deleted and cluster.name.strip():
                named = (cluster.name.strip(), len(held))
                objectives.setdefault(cluster.column, []).append(named)
    by_column = _by_column(once(canonical_themes(found)), template)
    return tuple(
        EarlierPistes(c, tuple(by_column[c.key]), tuple(objectives.get(c.key, ())))
        for c in template.vivre_columns
        if by_column.get(c.key)
    )


def _adopted_values(report: SessionReport, cards: list[Card]) -> tuple[ValueView, ...]:
    """The series' values, each with the proposals of this atelier adopted as it and their
    dots; adopted ones first, by dots, then the others in the series' order."""
    from fabrique_desktop.values_round import adopted_keys

    adopted = adopted_keys([c for c in cards if not c.deleted])
    votes = {i.id: i.votes for i in report.cards}
    shown = [
        dataclasses.replace(
            v,
            proposals=tuple(c.text for c in adopted.get(v.key, [])),
            votes=sum(votes.get(c.id, 0) for c in adopted.get(v.key, [])),
        )
        for v in report.values
    ]
    order = {id(v): i for i, v in enumerate(shown)}
    return tuple(sorted(shown, key=lambda v: (not v.proposals, -v.votes, order[id(v)])))


def _joint_walls(store: Store, session: Session, group: tuple[int, ...]) -> list[Session]:
    """``session`` and the other ateliers of ``group`` in its series, of its kind, in the
    series' order: the walls whose pistes its report shows (only ``session`` when ``group``
    is empty). Each card keeps its one id, whichever report shows it; its votes are those of
    the atelier whose room voted, shown in that atelier's report only."""
    if not group:
        return [session]
    others = [
        s
        for s in store.find(Session, series_id=session.series_id)
        if s.id != session.id and not s.deleted and s.number in group and s.phase == session.phase
    ]
    return sorted([session, *others], key=lambda s: (s.number, s.date, s.id))


def _live_cards(store: Store, session: Session) -> list[Card]:
    return [c for c in store.find(Card, session_id=session.id) if c.merged_into is None]


def _objectives(
    store: Store, sessions: Sequence[Session], report: SessionReport
) -> tuple[ObjectiveView, ...]:
    """The named groups of pistes on the walls of ``sessions`` (an atelier and those whose
    pistes are credited with it), in the Vivre's order then the board's."""
    from fabrique_desktop import groups

    ideas = {i.id: i for i in report.ideas}
    found = []
    for column in report.template.vivre_columns:
        clusters = [
            c
            for s in sessions
            for c in sorted(groups.clusters(store, s.id, column.key), key=lambda c: c.position)
        ]
        for cluster in clusters:
            held = tuple(ideas[c.id] for c in groups.members(store, cluster) if c.id in ideas)
            if held and cluster.name.strip():
                found.append(ObjectiveView(cluster.name.strip(), column, held))
    return tuple(found)


def with_phase_results(report: SessionReport) -> SessionReport:
    """What the atelier's kind produced (``phase_results``): a Valeurs atelier its paradoxes
    and values, a Convergence atelier its engagements (the template's when none was built
    on the board), the trame and the récit; what it is for, and what is still to do when it
    produced nothing yet."""
    phase, template = report.session.phase, report.template
    changes: dict[str, Any] = {"purpose": phase_results.purpose(phase)}
    if phase == "valeurs":
        changes["paradoxes"] = phase_results.paradoxes(
            template, {i.id: i.text for i in [*report.inbox, *report.cards]}
        )
        changes["values"] = phase_results.values(template)
    if phase == "convergence":
        if not report.engagements:
            changes["engagements"] = _template_engagements(template)
            changes["engagements_from_template"] = bool(changes["engagements"])
        engagements = changes.get("engagements", report.engagements)
        changes["trame"] = phase_results.trame(template, len(engagements))
        if not report.dreams:
            changes["dreams"] = tuple(
                DreamView(c, c.dream.strip()) for c in template.vivre_columns if c.dream.strip()
            )
    report = dataclasses.replace(report, **changes)
    produced = (
        report.cards
        or report.inbox
        or report.engagements
        or report.paradoxes
        or report.values
        or (report.joint is not None and report.joint.boards)
    )
    if not produced:
        report = dataclasses.replace(report, still_to_do=phase_results.still_to_do(phase))
    return report


def _template_engagements(template: Template) -> tuple[EngagementView, ...]:
    return tuple(
        _engagement_view(
            int(e.get("number", i)),
            e.get("title", ""),
            e.get("column", ""),
            template,
            e.get("purpose", ""),
            e.get("how", []),
        )
        for i, e in enumerate(template.section("engagements"), start=1)
    )


def joint_credit(
    store: Store, session: Session, template: Template, cards: Sequence[Card] | None = None
) -> JointCredit | None:
    """The ateliers ``session``'s results are credited with, and what they produced (None
    when its results are its own). ``cards``: ``session``'s own, already read (not merged
    away)."""
    group = credit.joint_groups(template.data).get(session.number)
    if not group:
        return None
    held: dict[int, tuple[str, int, int]] = {}
    for other in store.find(Session, series_id=session.series_id):
        if other.number not in group:
            continue
        if other.id == session.id and cards is not None:
            board = list(cards)
        else:
            board = [c for c in store.find(Card, session_id=other.id) if c.merged_into is None]
        ideas = sum(1 for c in board if c.is_idea)
        _phase, before_ideas, before_futur = held.get(other.number, (other.phase, 0, 0))
        held[other.number] = (
            other.phase,
            before_ideas + ideas,
            before_futur + len(board) - ideas,
        )
    return _joint(group, session.phase, template, held)


def _joint(
    group: tuple[int, ...],
    phase: str,
    template: Template,
    held: dict[int, tuple[str, int, int]],
) -> JointCredit:
    """What the ateliers of ``group`` produced together, seen from one of ``phase``:
    ``held`` gives each of them in the series (number → phase, pistes and « Futur engagé »
    items on its board). A Valeurs atelier produced the series' paradoxes and values, which
    every Valeurs report of the group shows; other ateliers the cards on their boards,
    which the report of the atelier holding them shows."""
    if phase == "valeurs":
        tallies = (
            Tally(len(phase_results.paradoxes(template)), "paradoxe", "paradoxes"),
            Tally(len(phase_results.values(template)), "valeur", "valeurs"),
        )
        shown = [n for n, (p, _i, _f) in held.items() if p == "valeurs"]
        return JointCredit(
            group,
            "Les paradoxes et les valeurs",
            tallies,
            tuple(sorted(shown)) if any(t.count for t in tallies) else (),
            tuple(sorted(n for n, (p, i, f) in held.items() if p == "valeurs" and (i or f))),
            "Les cartes d’où ils viennent sont sur le mur de l’{wall}.",
        )
    tallies = (
        Tally(
            sum(i for _p, i, _f in held.values()),
            "piste de projet",
            "pistes de projet",
            ("piste", "pistes"),
        ),
        Tally(
            sum(f for _p, _i, f in held.values()),
            "réalisation engagée",
            "réalisations engagées",
            ("réalisation", "réalisations"),
        ),
    )
    walls = tuple(sorted(n for n, (_p, i, f) in held.items() if i or f))
    # every report of the group shows the pistes, whichever wall holds them
    boards = tuple(sorted(held)) if walls else ()
    return JointCredit(group, "Les pistes", tallies, boards, walls)


def _template(series: Series | None) -> Template:
    from fabrique_desktop.template import builtin_template

    if series is not None and series.template:
        return Template.from_dict(series.template)
    return builtin_template()


def _idea(
    card: Card,
    personas: dict[str, Persona],
    tables: dict[str, str],
    votes: Counter[str],
    phone_votes: Counter[str] | None = None,
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
        phone_votes=phone_votes.get(card.id, 0) if phone_votes else 0,
        kind=card.card_kind,
    )


def _with_valeurs_roles(ideas: list[Idea], cards: list[Card]) -> list[Idea]:
    """``ideas`` of a Valeurs wall, each saying what it is (``VALEURS_ROLES``), a proposal
    adopted as a value « Valeur adoptée »."""
    adopted = {c.id for c in cards if c.value_keys}
    return [
        dataclasses.replace(
            i,
            role=ADOPTED_VALUE
            if i.column == "valeurs" and i.id in adopted
            else VALEURS_ROLES.get(i.column, ""),
        )
        for i in ideas
    ]


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
            name=vote_counts.table_label(t),
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
    """Engagements in column order, numbered 1… across the session."""
    order = [c.key for c in template.columns]
    return tuple(
        _engagement_view(
            i,
            e.title,
            e.column,
            template,
            e.purpose,
            e.how,
            (texts.get(cid) or _earlier_idea(store, template, cid) for cid in e.card_ids),
        )
        for i, e in enumerate(convergence.engagements(store, session.id, order), start=1)
    )


def _earlier_idea(store: Store, template: Template, card_id: str) -> str:
    """A piste of an earlier atelier an engagement is traced to (a Convergence atelier),
    with the ateliers it is credited to: « Une piste (ateliers 3 et 4) »; or an objective
    of an earlier Objectifs atelier: « Objectif « Un nom » : 3 pistes (ateliers 3 et 4) »;
    "" if gone."""
    card = store.get(Card, card_id)
    if card is None:
        return _earlier_objective(store, template, card_id)
    atelier = store.get(Session, card.session_id)
    if card.deleted or atelier is None:
        return ""
    numbers = credit.joint_groups(template.data).get(atelier.number, (atelier.number,))
    return f"{card.text} ({credit.ateliers_label(numbers)})"


def _earlier_objective(store: Store, template: Template, cluster_id: str) -> str:
    from fabrique_desktop import groups

    cluster = store.get(groups.Cluster, cluster_id)
    atelier = store.get(Session, cluster.session_id) if cluster is not None else None
    if cluster is None or cluster.deleted or atelier is None:
        return ""
    numbers = credit.joint_groups(template.data).get(atelier.number, (atelier.number,))
    pistes = [c for c in groups.members(store, cluster) if not c.deleted]
    return tr(
        "Objectif « {name} » : {pistes} ({ateliers})",
        name=cluster.name,
        pistes=amount(len(pistes), "piste", "pistes"),
        ateliers=credit.ateliers_label(numbers),
    )


def _figure(count: int, singular: str, plural: str) -> Figure:
    """A key figure whose label (given in French) agrees with it in the documents' language
    when printed."""
    return Figure(str(count), noun=(singular, plural))


def _phone_figures(share: PhoneShare) -> list[Figure]:
    """The ideas and dots sent from phones, the same in the session report and the booklet
    (nothing when no phone sent any)."""
    figures = []
    if share.ideas:
        figures.append(_figure(share.ideas, "idée des téléphones", "idées des téléphones"))
    if share.dots:
        figures.append(_figure(share.dots, "gommette des téléphones", "gommettes des téléphones"))
    return figures


def _session_figures(report: SessionReport) -> tuple[Figure, ...]:
    """The atelier's key figures: never « 0 idée » (an atelier without ideas shows what it
    produced instead, or nothing). A Valeurs wall's atouts, problèmes and values are
    « cartes », as its columns' titles say what each is, never « idées »."""
    ideas = report.ideas
    valeurs = report.session.phase == "valeurs"
    figures = [_figure(len(ideas), *report.card_noun)] if ideas else []
    if report.paradoxes:
        figures.append(_figure(len(report.paradoxes), "paradoxe", "paradoxes"))
    if report.values:
        figures.append(_figure(len(report.values), "valeur", "valeurs"))
    if report.objectives:
        figures.append(_figure(len(report.objectives), "objectif", "objectifs"))
    for column in report.columns:
        if column.ideas:
            figures.append(
                Figure(
                    str(len(column.ideas)),
                    column.column.title,
                    column.column.colour,
                    key=column.column.key,
                )
            )
    if report.inbox:  # so that the Vivre and the ideas to sort add up to the ideas
        figures.append(  # said as a citizen says it: the wall's « À trier » is the app's word
            _figure(len(report.inbox), "carte pas encore triée", "cartes pas encore triées")
            if valeurs
            else _figure(
                len(report.inbox), "idée pas encore dans un Vivre", "idées pas encore dans un Vivre"
            )
        )
    if report.tables:
        figures.append(_figure(len(report.tables), "table", "tables"))
    if report.personas:
        figures.append(_figure(len(report.personas), "persona", "personas"))
    if report.total_dots:
        figures.append(_figure(report.total_dots, "vote (gommette)", "votes (gommettes)"))
    figures += _phone_figures(report.phones)
    if report.engagements:
        figures.append(_figure(len(report.engagements), "engagement", "engagements"))
    horizons = Counter(i.horizon for i in ideas if i.horizon)
    for horizon in HORIZONS:
        if horizons.get(horizon):
            figures.append(
                _figure(
                    horizons[horizon],
                    f"piste à l’horizon {horizon}",
                    f"pistes à l’horizon {horizon}",
                )
            )
    return tuple(figures)


# ------------------------------------------- agenda, récit, quotes, photos


def _agenda(store: Store, session: Session, now: datetime) -> tuple[AgendaRow, ...]:
    rows = []
    for activity in agenda.activities(store, session.id):
        rows.append(
            AgendaRow(
                title=activity.title,
                planned_minutes=float(activity.planned_minutes)
                if activity.planned_minutes
                else None,
                actual_minutes=agenda.actual_minutes(activity, now),
            )
        )
    return tuple(rows)


def _dreams(store: Store, series_id: str, template: Template) -> tuple[DreamView, ...]:
    written = recit.dreams(store, series_id)
    result = []
    for column in template.vivre_columns:
        dream = written.get(column.key)
        if dream is not None and dream.text.strip():
            result.append(DreamView(column, dream.text.strip()))
    return tuple(result)


def _quotes(
    store: Store, session: Session, personas: dict[str, Persona], template: Template
) -> tuple[QuoteView, ...]:
    titles = {c.key: c.title for c in template.columns}
    return tuple(
        QuoteView(
            text=q.text,
            author=personas[q.persona_id].first_name if q.persona_id in personas else "",
            column=titles.get(q.column, ""),
        )
        for q in store.find(recit.Quote, session_id=session.id)
        if q.text.strip()
    )


def _photos(store: Store, session: Session, media_dir: Path | None) -> tuple[PhotoView, ...]:
    if media_dir is None:
        return ()
    result = []
    for photo in photos.photos(store, session.id):
        path = photos.path(media_dir, photo)
        if path is not None:
            result.append(PhotoView(path, photo.caption))
    return tuple(result)


# ------------------------------------------------------------------- series


def gather_series(store: Store, series: Series, media_dir: Path | None = None) -> SeriesReport:
    """Everything the series booklet shows. ``media_dir`` holds the logo's file: a logo is
    only ever read from there (by its file name), whatever path the template names."""
    template = _template(series)
    sessions = sorted(
        store.find(Session, series_id=series.id), key=lambda s: (s.number, s.date, s.title)
    )
    personas = {p.id: p for p in store.find(Persona, series_id=series.id)}
    plan = {
        int(a.get("number", 0)): a
        for a in template.data.get("series", {}).get("ateliers", [])
        if isinstance(a, dict) and str(a.get("number", "")).isdigit()
    }
    groups = credit.joint_groups(template.data)
    pistes_columns = {c.key for c in template.columns}  # not a phase's own (« Atouts »…)
    summaries = []
    cards_seen: list[Idea] = []
    engagements: list[EngagementView] = []
    for session in sessions:
        tables = {
            t.id: vote_counts.table_label(t) for t in store.find(Table, session_id=session.id)
        }
        every = [c for c in store.find(Card, session_id=session.id) if c.merged_into is None]
        # the booklet's pistes: what a Valeurs wall gathers (atouts, problèmes, proposed
        # values) is in that atelier's report, its paradoxes and values, not among the pistes
        cards = [c for c in every if c.column in pistes_columns]
        votes = _visible_votes(store, session.id)
        found = [
            dataclasses.replace(
                _idea(c, personas, tables, votes),
                ateliers=groups.get(session.number, (session.number,)),
            )
            for c in cards
        ]
        share = _phone_share(store, session.id, {i.id for i in found if i.is_idea})
        found = [_as_sent(i, share.cards) for i in found]
        cards_seen.extend(found)
        held = _session_engagements(store, session, template, {c.id: c.text for c in every})
        engagements.extend(held)
        people = store.find(Participant, session_id=session.id)
        step = plan.get(session.number, {})
        summaries.append(
            SessionSummary(
                number=session.number,
                title=session.title,
                date=session.date,
                phase=session.phase,
                place=session.place,
                ideas=sum(1 for i in found if i.is_idea),
                dots=sum(vote_counts.direct_counts(store, session.id).values()),
                audience=str(step.get("audience", "")),
                produced=str(step.get("produced", "")),
                engagements=len(held),
                futur=sum(1 for i in found if not i.is_idea),
                tables=len(tables),
                participants=len(people),
                names=() if session.anonymous else tuple(p.name for p in people if p.name.strip()),
                phones=share,
                on_wall=len(every),
            )
        )
    summaries = [_with_joint(s, summaries, groups, template) for s in summaries]
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
    everything = once(canonical_themes(cards_seen))
    ideas = [i for i in everything if i.is_idea]
    by_column = _by_column(ideas, template)
    futur = _by_column((i for i in everything if not i.is_idea), template)
    written = recit.dreams(store, series.id)
    titles = {c.key: c.title for c in template.columns}
    raw_columns = {c.get("key"): c for c in template.data.get("columns", []) if isinstance(c, dict)}
    quotes = [
        (
            q.column,
            QuoteView(
                q.text,
                personas[q.persona_id].first_name if q.persona_id in personas else "",
                titles.get(q.column, ""),
            ),
        )
        for q in recit.quotes(store, series.id)
        if q.text.strip()
    ]
    columns = tuple(
        SeriesColumn(
            column=column,
            horizons=_by_horizon(by_column.get(column.key, [])),
            engagements=tuple(e for e in engagements if e.column and e.column.key == column.key),
            dream=(
                written[column.key].text.strip()
                if column.key in written and written[column.key].text.strip()
                else column.dream
            ),
            quotes=tuple(q for key, q in quotes if key == column.key),
            futur=_by_theme(futur.get(column.key, [])),
            questions=tuple(
                str(q) for q in raw_columns.get(column.key, {}).get("questions", []) if q
            ),
            intro=str(raw_columns.get(column.key, {}).get("intro", "")),
        )
        for column in template.vivre_columns
    )
    vivre_keys = {c.key for c in template.vivre_columns}
    unsorted = tuple(i for i in everything if i.column not in vivre_keys)
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
        unsorted=len(unsorted),
        quotes=tuple(q for key, q in quotes if key not in vivre_keys),
        unsorted_ideas=unsorted,
        competences=tuple(template.section("competences")),
        booklet=_logo_in_media(booklet_of(template), media_dir),
        top_ideas=tuple(
            sorted((i for i in ideas if i.votes > 0), key=lambda i: -i.votes)[:TOP_IDEAS]
        ),
        joint_groups=tuple(sorted(set(groups.values()))),
    )
    return dataclasses.replace(report, figures=_series_figures(report))


def _with_joint(
    summary: SessionSummary,
    summaries: list[SessionSummary],
    groups: dict[int, tuple[int, ...]],
    template: Template,
) -> SessionSummary:
    group = groups.get(summary.number)
    if not group:
        return summary
    held: dict[int, tuple[str, int, int]] = {}
    for s in summaries:
        if s.number in group:
            _phase, ideas, futur = held.get(s.number, (s.phase, 0, 0))
            # a Valeurs wall's cards are not pistes: counted only to say which wall holds them
            found = s.on_wall if s.phase == "valeurs" else s.ideas
            held[s.number] = (s.phase, ideas + found, futur + s.futur)
    return dataclasses.replace(summary, joint=_joint(group, summary.phase, template, held))


def _phone_share(store: Store, session_id: str, idea_ids: set[str]) -> PhoneShare:
    """The atelier's ideas that came from a phone (published, still on the board), the dots
    of its phone votes, and the phones that sent either."""
    from fabrique_desktop.phones.model import PUBLISHED, PhoneIdea

    senders = {
        i.card_id: i.phone_id
        for i in store.find(PhoneIdea, session_id=session_id)
        if i.status == PUBLISHED and i.card_id in idea_ids
    }
    dot_votes = [
        v
        for v in store.find(Vote, session_id=session_id)
        if vote_counts.is_phone_dot(v) and v.dots > 0
    ]
    if dot_votes:  # of cards still in the atelier, as votes.dots_by_kind (read only then)
        alive = {c.id for c in store.find(Card, session_id=session_id)}
        dot_votes = [v for v in dot_votes if v.card_id in alive]
    phones = set(senders.values()) | {v.voter_id for v in dot_votes}
    return PhoneShare(len(senders), sum(v.dots for v in dot_votes), len(phones), frozenset(senders))


def _as_sent(idea: Idea, from_phones: frozenset[str]) -> Idea:
    """An idea sent from a phone is tagged « téléphone » on the board; the booklet counts
    where ideas came from apart (``from_phone``) and files each under its real theme."""
    from fabrique_desktop.phones.room import PHONE_TAG

    tags = tuple(t for t in idea.tags if _theme_key(t) != PHONE_TAG)
    if tags == idea.tags and idea.id not in from_phones:
        return idea
    return dataclasses.replace(idea, tags=tags, from_phone=idea.id in from_phones)


def _logo_in_media(booklet: Booklet, media_dir: Path | None) -> Booklet:
    from pathlib import PurePath

    from fabrique_desktop.paths import media_file

    found = media_file(media_dir, PurePath(booklet.logo).name) if booklet.logo else None
    return dataclasses.replace(booklet, logo=str(found) if found is not None else "")


def booklet_of(template: Template) -> Booklet:
    """The series' editorial texts; a series made before they existed takes the built-in
    template's when it was made from it."""
    data = template.data.get("booklet")
    if data is None and template.key == _builtin_key():
        from fabrique_desktop.template import builtin_template

        data = builtin_template().data.get("booklet")
    return Booklet.from_dict(data)


def recit_title(template: Template) -> str:
    """The récit prospectif's own title (the seed's « AMP 2047 »), or "": the template's
    ``recit``; a series made from the built-in template before it takes the built-in's."""
    data = template.data.get("recit")
    if data is None and template.key == _builtin_key():
        from fabrique_desktop.template import builtin_template

        data = builtin_template().data.get("recit")
    title = data.get("title", "") if isinstance(data, dict) else ""
    return title.strip() if isinstance(title, str) else ""


def _builtin_key() -> str:
    from fabrique_desktop.template import BUILTIN_KEY

    return BUILTIN_KEY


def _theme_key(theme: str) -> str:
    return " ".join(theme.lstrip("#").casefold().split())


def canonical_themes(ideas: Iterable[Idea]) -> list[Idea]:
    """The same ideas, each theme written one way across them: « culture » and « Culture »
    become the most used spelling, a capitalised one when there is a tie (or the only one
    capitalised)."""
    ideas = list(ideas)
    spellings: dict[str, Counter[str]] = {}
    for idea in ideas:
        for tag in idea.tags:
            name = " ".join(tag.lstrip("#").split())
            spellings.setdefault(_theme_key(tag), Counter())[name] += 1
    chosen = {}
    for key, counts in spellings.items():
        best = max(counts.items(), key=lambda kv: (kv[1], kv[0][:1].isupper(), kv[0]))[0]
        chosen[key] = "#" + (best[:1].upper() + best[1:] if best[:1].islower() else best)
    result = []
    for idea in ideas:
        tags = tuple(dict.fromkeys(chosen[_theme_key(t)] for t in idea.tags if _theme_key(t)))
        result.append(idea if tags == idea.tags else dataclasses.replace(idea, tags=tags))
    return result


def _idea_key(idea: Idea) -> tuple[str, str, str]:
    text = composed(idea.text)  # « Idée » typed here, pasted from a Mac there
    words = " ".join(text.replace("’", "'").casefold().split()).strip(" .!…")
    return (idea.kind, idea.column, words)


def once(ideas: Iterable[Idea]) -> list[Idea]:
    """Ideas held by several ateliers (same text, same Vivre) listed once, with every
    atelier that held them and their votes added up."""
    merged: dict[tuple[str, str, str], Idea] = {}
    for idea in ideas:
        key = _idea_key(idea)
        first = merged.get(key)
        if first is None:
            merged[key] = idea
            continue
        merged[key] = dataclasses.replace(
            first,
            ateliers=tuple(sorted(set(first.ateliers) | set(idea.ateliers))),
            from_phone=first.from_phone or idea.from_phone,
            votes=first.votes + idea.votes,
            tags=tuple(dict.fromkeys((*first.tags, *idea.tags))),
            horizon=first.horizon or idea.horizon,
        )
    return list(merged.values())


def _by_theme(ideas: list[Idea]) -> tuple[ThemeIdeas, ...]:
    groups: dict[str, list[Idea]] = {}
    for idea in ideas:
        groups.setdefault(idea.tags[0] if idea.tags else "", []).append(idea)
    return tuple(
        ThemeIdeas(theme or NO_THEME, tuple(items))
        for theme, items in sorted(groups.items(), key=lambda kv: kv[0] == "")
    )


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
        ordered = sorted(themes.items(), key=lambda kv: kv[0] == "")  # as on the board
        result.append(
            HorizonIdeas(
                horizon or NO_HORIZON,
                tuple(ThemeIdeas(theme or NO_THEME, tuple(items)) for theme, items in ordered),
            )
        )
    return tuple(result)


def _series_figures(report: SeriesReport) -> tuple[Figure, ...]:
    """Key figures that add up: the ideas are those of the four Vivre plus those to sort,
    and the horizons (with « sans horizon ») add up to the same total."""
    figures = [
        _figure(len(report.sessions), "atelier", "ateliers"),
        _figure(report.idea_count, "piste de projet", "pistes de projet"),
    ]
    if report.engagements:
        figures.append(_figure(len(report.engagements), "engagement", "engagements"))
    if report.futur_count:
        figures.append(
            _figure(report.futur_count, "réalisation déjà engagée", "réalisations déjà engagées")
        )
    if report.values:
        figures.append(_figure(len(report.values), "valeur partagée", "valeurs partagées"))
    if report.paradoxes:
        figures.append(_figure(len(report.paradoxes), "paradoxe", "paradoxes"))
    if report.personas:
        figures.append(_figure(len(report.personas), "habitant fictif", "habitants fictifs"))
    dots = sum(s.dots for s in report.sessions)
    if dots:
        figures.append(_figure(dots, "vote (gommette)", "votes (gommettes)"))
    sent = [i for c in report.columns for h in c.horizons for t in h.themes for i in t.ideas]
    sent += report.unsorted_ideas
    figures += _phone_figures(  # ideas as the booklet lists them: once
        PhoneShare(
            ideas=sum(1 for i in sent if i.from_phone),
            dots=sum(s.phones.dots for s in report.sessions),
        )
    )
    return tuple(figures)


def themes_of(ideas: Iterable[Idea]) -> list[str]:
    """Themes in order of frequency (for keyword lines)."""
    counts = Counter(t for i in ideas for t in i.tags)
    return [t for t, _ in counts.most_common()]
