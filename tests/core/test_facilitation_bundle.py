"""Facilitation data travel in session bundles and survive a round trip."""

from db.store import Store
from fabrique_desktop import (
    agenda,
    board,
    bundle,
    card_fusion,
    convergence,
    groups,
    recit,
    timer,
    votes,
)
from fabrique_desktop.model import ENTITY_TYPES


def test_new_kinds_are_registered() -> None:
    for kind in ("activities", "timers", "facilitation", "clusters", "dreams", "quotes", "photos"):
        assert kind in ENTITY_TYPES


def test_bundle_round_trip_keeps_facilitation(store, session, demo, tmp_path) -> None:
    store.apply(agenda.install(store, session))
    store.apply(timer.set_duration(store, timer.get(store, session.id), 600))
    for text in ("A", "B"):
        store.apply(board.capture(store, session.id, text, "mieux"))
    a, b = board.column_cards(store, session.id, "mieux")
    store.apply(votes.add_tables(store, session.id, 1))
    (t1,) = votes.voters(store, session.id)
    store.apply(votes.add_dot(store, session.id, [a.id], t1.id))
    store.apply(votes.set_secret(store, session.id, True))
    store.apply(card_fusion.fuse([a, b], "AB"))
    merged = board.column_cards(store, session.id, "mieux")[0]
    store.apply(groups.group(store, [merged], "Groupe"))
    store.apply(convergence.promote(store, session.id, [merged], title="E", column="mieux"))
    store.apply(recit.set_dream(store, demo.id, "mieux", "Rêve"))
    store.apply(recit.add_quote(store, session, "Citation"))
    text = bundle.to_json(bundle.collect(store, session))
    other = Store.open(tmp_path / "other.db")
    try:
        summary = bundle.import_bundle(other, bundle.from_json(text))
        assert summary.created > 0
        assert len(agenda.activities(other, session.id)) == len(
            agenda.activities(store, session.id)
        )
        assert votes.totals(other, session.id) == {merged.id: 1}
        assert votes.visible_counts(other, session.id) == {}
        assert timer.get(other, session.id).duration == 600
        assert recit.dreams(other, demo.id)["mieux"].text == "Rêve"
        assert [q.text for q in recit.quotes(other, demo.id)] == ["Citation"]
        (engagement,) = convergence.engagements(other, session.id)
        assert convergence.trace(other, engagement)[0].votes == 1
    finally:
        other.close()
