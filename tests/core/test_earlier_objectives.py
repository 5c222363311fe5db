"""A Convergence atelier brings in the objectives of the Objectifs ateliers before it (issue
26): named groups of pistes within a Vivre, credited to the ateliers the plan credits
together (« ateliers 3 et 4 »). An engagement may be traced to one: the objective's id sits
among the engagement's ``card_ids``; it travels in merges (a note-taker's copy, the live
link's ``sync.check_document``) and ``.fabrique`` copies, is refused when it names another
series' or a later atelier's group, and the report names it with its pistes and ateliers."""

from __future__ import annotations

import json

import pytest

from db.store import Store
from db.sync_store import SyncJournal
from fabrique_desktop import board, bundle, changes, convergence, groups, sync
from fabrique_desktop.changes import Change
from fabrique_desktop.earlier_pistes import earlier_cards, earlier_objectives
from fabrique_desktop.errors import BundleError
from fabrique_desktop.model import Card, Engagement, Series, Session
from fabrique_desktop.report import gather_session
from fabrique_desktop.template import builtin_template
from fabrique_desktop.typography import language
from fabrique_desktop.workspace import create_series, list_sessions, session_template
from tests.core.sync_helpers import Laptop
from tests.core.test_sync_refusals import reseal

NAME = "Sortir de la dépendance à la voiture"


def _atelier(store, number: int) -> Session:
    series_id = store.find(Session)[0].series_id
    return next(s for s in list_sessions(store, series_id) if s.number == number)


def _objective(store, session: Session, name: str = NAME, column: str = "mieux"):
    cards = board.column_cards(store, session.id, column)
    pistes = sorted((c for c in cards if c.is_idea), key=lambda c: c.position)
    store.apply(groups.group(store, pistes[:3], name))
    return next(c for c in groups.clusters(store, session.id, column) if c.name == name)


def _shown(store, session: Session):
    series = store.get(Series, session.series_id)
    template = session_template(series, session)
    return earlier_objectives(store, earlier_cards(store, session, template))


@pytest.fixture
def facilitator():
    laptop, _ = Laptop.facilitator()
    fifth = _atelier(laptop.store, 5)
    laptop.store.apply(board.capture(laptop.store, fifth.id, "Une carte de l'atelier 5"))
    yield laptop
    laptop.close()


def test_the_objectives_of_ateliers_3_and_4_come_onto_the_convergence_wall(facilitator):
    store = facilitator.store
    third, fifth = _atelier(store, 3), _atelier(store, 5)
    objective = _objective(store, third)
    first = _atelier(store, 1)  # a Valeurs atelier's group is not an objective
    store.apply(board.capture(store, first.id, "Un atout", "mieux"))
    store.apply(board.capture(store, first.id, "Un autre", "mieux"))
    mieux = board.column_cards(store, first.id, "mieux")
    store.apply(groups.group(store, mieux, "Pas un objectif"))

    (shown,) = _shown(store, fifth)
    assert shown.cluster.id == objective.id
    assert shown.ateliers == (3, 4)  # the seed does not say which of the two
    members = [c.id for c in groups.members(store, objective)]
    assert list(shown.card_ids) == members
    assert _shown(store, third) == []  # an Objectifs wall brings nothing in

    store.apply(groups.ungroup(store, objective))
    assert _shown(store, fifth) == []


def test_an_engagement_traced_to_an_objective_merges_and_reads_in_the_report(facilitator):
    store = facilitator.store
    third, fifth = _atelier(store, 3), _atelier(store, 5)
    objective = _objective(store, third)
    note = Laptop()
    note.merge(facilitator.handout(fifth.id))
    found = convergence.candidate(note.store, fifth.id, [], [objective])
    assert (found.title, found.column) == (NAME, "mieux")
    change = convergence.promote(
        note.store,
        fifth.id,
        list(found.cards),
        title="Des transports pour tous",
        column=found.column,
        objectives=found.objectives,
    )
    note.store.apply(change)
    (engagement,) = note.store.find(Engagement, session_id=fifth.id)
    assert engagement.card_ids == [objective.id]

    facilitator.merge(note.handout(fifth.id))
    merged = store.get(Engagement, engagement.id)
    assert merged.card_ids == [objective.id]
    assert convergence.traced_objectives(store, merged) == [objective]
    assert convergence.trace(store, merged) == []  # no card of its own

    report = gather_session(store, fifth)
    (view,) = report.engagements
    assert view.ideas == (f"Objectif « {NAME} » : 3 pistes (ateliers 3 et 4)",)
    with language("en"):
        (view,) = gather_session(store, fifth).engagements
    assert view.ideas == (f"Objective “{NAME}”: 3 project ideas (workshops 3 and 4)",)
    note.close()


@pytest.mark.parametrize("target", ["later atelier", "other series"])
def test_an_engagement_traced_to_an_objective_elsewhere_is_refused(facilitator, target):
    store = facilitator.store
    third, fifth = _atelier(store, 3), _atelier(store, 5)
    if target == "later atelier":
        store.apply(board.capture(store, fifth.id, "Une autre carte", "mieux"))
        cards = board.column_cards(store, fifth.id, "mieux")
        store.apply(groups.group(store, cards, "Un groupe de l'atelier 5"))
        (cluster,) = groups.clusters(store, fifth.id)
    else:
        other = create_series(store, builtin_template(), "Une autre série")
        elsewhere = next(s for s in list_sessions(store, other.id) if s.number == 3)
        store.apply(board.capture(store, elsewhere.id, "Ailleurs", "mieux"))
        store.apply(board.capture(store, elsewhere.id, "Ailleurs aussi", "mieux"))
        cluster = _objective(store, elsewhere, "Ailleurs")
    note = Laptop()
    note.merge(facilitator.handout(third.id))
    engagement = Engagement(
        session_id=third.id, column="mieux", number=1, title="E", card_ids=[cluster.id]
    )
    note.store.apply(Change("e", (changes.create(engagement),)))
    text = note.handout(third.id)
    before = facilitator.dump()
    with pytest.raises(BundleError, match=r"un groupe .* d'un autre atelier ou d'une autre série"):
        facilitator.merge(text)
    assert facilitator.dump() == before
    note.close()


def test_a_copy_of_the_convergence_atelier_keeps_its_objective_trace(facilitator, tmp_path):
    """A ``.fabrique``/JSON copy of atelier 5 into the facilitator's other laptop keeps the
    engagement traced to an objective of atelier 3; forged to name another series' group,
    it is refused and nothing changes."""
    store = facilitator.store
    third, fifth = _atelier(store, 3), _atelier(store, 5)
    stranger = create_series(store, builtin_template(), "Une autre série")
    away = next(s for s in list_sessions(store, stranger.id) if s.number == 3)
    store.apply(board.capture(store, away.id, "Ailleurs", "mieux"))
    foreign = _objective(store, away, "Ailleurs")
    objective = _objective(store, third)
    paths = [tmp_path / "other.db", tmp_path / "hostile.db"]
    for path in paths:  # the other laptop, before the engagement
        store.conn.execute("VACUUM INTO ?", [str(path)])
    piste = next(c for c in board.session_cards(store, fifth.id))
    engagement = Engagement(
        session_id=fifth.id,
        column="mieux",
        number=1,
        title="Des transports pour tous",
        card_ids=[piste.id, objective.id],
    )
    store.apply(Change("e", (changes.create(engagement),)))
    text = bundle.to_json(bundle.collect(store, fifth))

    other = Store.open(paths[0])
    try:
        sync.import_bundle(other, SyncJournal(other), bundle.from_json(text))
        copied = other.get(Engagement, engagement.id)
        assert copied.card_ids == [piste.id, objective.id]
        assert [c.name for c in convergence.traced_objectives(other, copied)] == [NAME]
    finally:
        other.close()

    document = json.loads(text)
    for row in document["entities"]["engagements"]:
        row["card_ids"] = [objective.id, foreign.id]
    hostile = Store.open(paths[1])
    try:
        before = list(hostile.conn.iterdump())
        with pytest.raises(BundleError, match="autre atelier ou d'une autre série"):
            sync.import_bundle(hostile, SyncJournal(hostile), bundle.from_json(reseal(document)))
        assert list(hostile.conn.iterdump()) == before
        assert hostile.find(Card, session_id=third.id)  # nothing lost there either
    finally:
        hostile.close()


def test_a_live_copy_keeps_the_objective_trace_both_ways(tmp_path):
    """Live sharing of atelier 5: the note-taker's live copy gets the engagement traced to
    atelier 3's objective (an atelier it does not have: the trace is kept, not refused); the
    « Comment ? » it adds comes back to the facilitator with the trace unchanged."""
    from fabrique_desktop.live.engine import import_copy, make_copy

    host, _ = Laptop.facilitator(tmp_path / "host.db")
    note = Laptop(tmp_path / "note.db")
    try:
        third, fifth = _atelier(host.store, 3), _atelier(host.store, 5)
        objective = _objective(host.store, third)
        engagement = Engagement(
            session_id=fifth.id, column="mieux", number=1, title="T", card_ids=[objective.id]
        )
        host.store.apply(Change("e", (changes.create(engagement),)))
        joined = import_copy(note.store, note.journal, make_copy(host.store, host.journal, fifth))
        copied = note.store.get(Engagement, engagement.id)
        assert copied.card_ids == [objective.id]
        assert convergence.traced_objectives(note.store, copied) == []  # not on that laptop
        note.store.apply(convergence.edit(copied, how="Un car express par vallée"))
        back = bundle.to_json(sync.handout_bundle(note.store, note.journal, joined))
        sync.import_bundle(host.store, host.journal, bundle.from_json(back), origin="live")
        merged = host.store.get(Engagement, engagement.id)
        assert (merged.card_ids, merged.how) == ([objective.id], ["Un car express par vallée"])
        assert convergence.traced_objectives(host.store, merged) == [objective]
    finally:
        host.close()
        note.close()


def test_the_convergence_report_lists_the_earlier_objectives_with_their_pistes(facilitator):
    """« Les pistes des ateliers précédents » names each Vivre's objectives of ateliers 3 et
    4 with their number of pistes (pdftotext), in French and in English."""
    import io

    from exports.session_report import build_session_pdf
    from tests.exports.pdf_text import flat, pdftotext, printed

    store = facilitator.store
    third, fifth = _atelier(store, 3), _atelier(store, 5)
    _objective(store, third)
    _objective(store, third, "Une Métropole solidaire", "ensemble")
    report = gather_session(store, fifth)
    assert {e.column.key: e.objectives for e in report.earlier if e.objectives} == {
        "mieux": ((NAME, 3),),
        "ensemble": (("Une Métropole solidaire", 3),),
    }
    out = io.BytesIO()
    build_session_pdf(report, out)
    text = flat(pdftotext(out.getvalue()))
    assert printed(f"Objectifs : « {NAME} » (3 pistes)") in text
    assert printed("Objectifs : « Une Métropole solidaire » (3 pistes)") in text
    # the Markdown and the HTML edition, from the same field of the report
    from exports.html_edition import session_html
    from exports.markdown import session_markdown

    markdown = session_markdown(report).replace("\u00a0", " ").replace("\u202f", " ")
    mieux = markdown[markdown.index("## Les pistes des ateliers précédents") :]
    assert f"Objectifs : « {NAME} » (3 pistes)" in mieux
    assert "Objectifs : « Une Métropole solidaire » (3 pistes)" in mieux
    page = session_html(report).replace("\u00a0", " ").replace("\u202f", " ")
    assert f"Objectifs : « {NAME} » (3 pistes)" in page
    with language("en"):
        out = io.BytesIO()
        build_session_pdf(gather_session(store, fifth), out)
        text = flat(pdftotext(out.getvalue()))
        assert printed(f"Objectives: “{NAME}” (3 project ideas)") in text
