"""A Convergence atelier's engagements are traced to the pistes of the ateliers before it
(issue 26): a reference to a card of an earlier atelier of the same series travels in
copies (``bundle``, ``check_ownership``) and merges (``sync.check_document``, which the
live link's engine uses too); a reference to a later atelier's card, another series' card,
or an earlier card named by anything but an engagement is still refused in French, and
nothing changes."""

from __future__ import annotations

import base64
import json

import pytest
from pycrdt import Map

from db.store import Store
from db.sync_store import SyncJournal
from fabrique_desktop import board, bundle, changes, crdt, sync, template_exchange
from fabrique_desktop.changes import Change
from fabrique_desktop.errors import BundleError
from fabrique_desktop.model import Card, Engagement, Session, Vote
from fabrique_desktop.template import builtin_template
from fabrique_desktop.workspace import create_series, list_sessions
from tests.core.sync_helpers import Laptop
from tests.core.test_sync_refusals import reseal


def _atelier(laptop: Laptop, number: int) -> Session:
    series_id = laptop.store.find(Session)[0].series_id
    return next(s for s in list_sessions(laptop.store, series_id) if s.number == number)


def _piste(laptop: Laptop, session: Session) -> Card:
    return sorted(board.session_cards(laptop.store, session.id), key=lambda c: c.id)[0]


@pytest.fixture
def facilitator():
    laptop, _ = Laptop.facilitator()
    fifth = _atelier(laptop, 5)
    laptop.store.apply(board.capture(laptop.store, fifth.id, "Une carte de l'atelier 5"))
    yield laptop
    laptop.close()


def _engagement(session: Session, card_ids: list[str], title: str = "Engagement") -> Engagement:
    return Engagement(
        session_id=session.id, column="mieux", number=1, title=title, card_ids=card_ids
    )


def _note_taker(facilitator: Laptop, session: Session) -> Laptop:
    note = Laptop()
    note.merge(facilitator.handout(session.id))
    return note


def test_an_engagement_traced_to_an_earlier_ateliers_pistes_merges(facilitator) -> None:
    third, fifth = _atelier(facilitator, 3), _atelier(facilitator, 5)
    piste = _piste(facilitator, third)
    note = _note_taker(facilitator, fifth)
    engagement = _engagement(fifth, [piste.id], "Zéro transports publics polluants")
    note.store.apply(Change("engagement", (changes.create(engagement),)))
    facilitator.merge(note.handout(fifth.id))
    merged = facilitator.store.get(Engagement, engagement.id)
    assert merged is not None
    assert merged.card_ids == [piste.id]


@pytest.mark.parametrize("target", ["later atelier", "other series"])
def test_an_engagement_traced_elsewhere_is_refused(facilitator, target) -> None:
    third, fifth = _atelier(facilitator, 3), _atelier(facilitator, 5)
    if target == "later atelier":
        card = _piste(facilitator, fifth)
    else:
        other = create_series(facilitator.store, builtin_template(), "Une autre série")
        elsewhere = list_sessions(facilitator.store, other.id)[0]
        facilitator.store.apply(board.capture(facilitator.store, elsewhere.id, "Ailleurs"))
        card = _piste(facilitator, elsewhere)
    note = _note_taker(facilitator, third)
    note.store.apply(Change("e", (changes.create(_engagement(third, [card.id])),)))
    text = note.handout(third.id)
    before = facilitator.dump()
    with pytest.raises(BundleError, match="d'un autre atelier ou d'une autre série"):
        facilitator.merge(text)
    assert facilitator.dump() == before


def test_only_an_engagement_may_name_an_earlier_ateliers_card(facilitator) -> None:
    third, fifth = _atelier(facilitator, 3), _atelier(facilitator, 5)
    piste = _piste(facilitator, third)
    note = _note_taker(facilitator, third)  # the note-taker's laptop has both ateliers
    note.merge(facilitator.handout(fifth.id))
    vote = Vote(session_id=fifth.id, card_id=piste.id, voter_id=fifth.id, dots=1)
    note.store.apply(Change("v", (changes.create(vote),)))
    text = note.handout(fifth.id)
    before = facilitator.dump()
    with pytest.raises(BundleError, match="autre atelier"):
        facilitator.merge(text)
    assert facilitator.dump() == before


def test_a_copy_of_the_convergence_atelier_keeps_its_traces(facilitator, tmp_path) -> None:
    """A ``.fabrique``/JSON copy of atelier 5 imported into a data folder that has the series
    (the facilitator's other laptop): the engagement and its traces come along; the same copy
    pointing into another series is refused, nothing changed."""
    third, fifth = _atelier(facilitator, 3), _atelier(facilitator, 5)
    stranger = create_series(facilitator.store, builtin_template(), "Une autre série")
    away = list_sessions(facilitator.store, stranger.id)[0]
    facilitator.store.apply(board.capture(facilitator.store, away.id, "Ailleurs"))
    foreign = _piste(facilitator, away).id
    paths = [tmp_path / "other.db", tmp_path / "hostile.db"]
    for path in paths:  # the other laptop, before the engagement
        facilitator.store.conn.execute("VACUUM INTO ?", [str(path)])
    piste = _piste(facilitator, third)
    engagement = _engagement(fifth, [piste.id, _piste(facilitator, fifth).id])
    facilitator.store.apply(Change("e", (changes.create(engagement),)))
    text = bundle.to_json(bundle.collect(facilitator.store, fifth))

    other = Store.open(paths[0])
    try:
        sync.import_bundle(other, SyncJournal(other), bundle.from_json(text))
        assert other.get(Engagement, engagement.id).card_ids == engagement.card_ids
    finally:
        other.close()

    document = json.loads(text)
    for row in document["entities"]["engagements"]:
        row["card_ids"] = [piste.id, foreign]
    hostile = Store.open(paths[1])
    try:
        before = list(hostile.conn.iterdump())
        with pytest.raises(BundleError, match="autre atelier ou d'une autre série"):
            sync.import_bundle(hostile, SyncJournal(hostile), bundle.from_json(reseal(document)))
        assert list(hostile.conn.iterdump()) == before
    finally:
        hostile.close()


def test_a_template_carries_no_trace_of_the_data(facilitator) -> None:
    """Templates hold the method: an engagement's traces (the data's) are not in them; the
    exported template opens as a new series."""
    third, fifth = _atelier(facilitator, 3), _atelier(facilitator, 5)
    engagement = _engagement(fifth, [_piste(facilitator, third).id])
    facilitator.store.apply(Change("e", (changes.create(engagement),)))
    series = facilitator.store.find(Session)[0].series_id
    from fabrique_desktop.model import Series

    document = template_exchange.export_template(
        facilitator.store, facilitator.store.get(Series, series)
    )
    assert "card_ids" not in json.dumps(document)
    change, _ = template_exchange.import_template(
        facilitator.store, template_exchange.to_json(document), "modele.json"
    )
    facilitator.store.apply(change)


def test_a_copy_renumbering_its_new_atelier_is_checked_for_the_new_number(facilitator) -> None:
    """An engagement exactly as in the copy's rows is not checked again for its references
    (the rows' were, ``check_ownership``), unless the copy's document gives an atelier new
    here another number than its row: then its traces are checked for the document's number
    (a piste of atelier 3 is not an earlier atelier's for atelier 2), as before."""
    third, fifth = _atelier(facilitator, 3), _atelier(facilitator, 5)
    piste = _piste(facilitator, third)
    note = _note_taker(facilitator, fifth)
    note.store.apply(Change("e", (changes.create(_engagement(fifth, [piste.id])),)))
    text = note.handout(fifth.id)
    _note_taker(facilitator, third).merge(text)  # atelier 5 new there: merged as it is
    document = json.loads(text)
    forged = crdt.SessionDoc([base64.b64decode(document["crdt"]["update"])])
    forged.doc.get("sessions", type=Map)[f"{fifth.id}:number"] = json.dumps([2, {"9": 9}])
    document["crdt"]["update"] = base64.b64encode(forged.update()).decode()
    elsewhere = _note_taker(facilitator, third)  # the series and atelier 3, not atelier 5
    before = elsewhere.dump()
    with pytest.raises(BundleError, match="d'un autre atelier ou d'une autre série"):
        elsewhere.merge(reseal(document))
    assert elsewhere.dump() == before
