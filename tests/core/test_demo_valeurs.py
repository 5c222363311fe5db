"""The demo's Valeurs work on the wall of atelier 1 (issue 26): each of the seed's 7
paradoxes as its atout and its problème, two cards paired into the paradox (its title and
facts as printed), and the five values proposed and adopted with their definitions, no vote
(the seed prints none). A new data folder has it; a folder made before gets it when it is
opened, keeping every card of its own; two laptops that bring the same demo up to date
make the same cards, which a merge takes once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from fabrique_desktop import board, changes
from fabrique_desktop.changes import Change
from fabrique_desktop.demo_update import update_demo
from fabrique_desktop.model import Card, Series, Vote
from fabrique_desktop.template import builtin_template
from fabrique_desktop.workspace import list_sessions
from tests.blank_atelier import empty_first_atelier
from tests.core.sync_helpers import Laptop


def _ateliers(store, demo) -> dict:
    return {s.number: s for s in list_sessions(store, demo.id)}


def _column(store, session, key: str) -> list[Card]:
    found = [c for c in store.find(Card, session_id=session.id) if c.column == key]
    return sorted(found, key=lambda c: c.position)


def test_a_new_demo_holds_the_seeds_valeurs_work_on_atelier_1s_wall(store, demo) -> None:
    ateliers = _ateliers(store, demo)
    first, second = ateliers[1], ateliers[2]
    shipped = builtin_template()
    printed = shipped.section("paradoxes")
    assert [c.text for c in _column(store, first, "atouts")] == [p["asset"] for p in printed]
    assert [c.text for c in _column(store, first, "problemes")] == [p["challenge"] for p in printed]
    series = store.get(Series, demo.id)
    for paradox, seed in zip(series.template["paradoxes"], printed, strict=True):
        asset, challenge = (store.get(Card, i) for i in paradox["cards"])
        assert (asset.column, asset.text) == ("atouts", seed["asset"])
        assert (challenge.column, challenge.text) == ("problemes", seed["challenge"])
        assert (paradox["title"], paradox["facts"]) == (seed["title"], seed["facts"])
    values = _column(store, first, "valeurs")
    assert [(c.text, c.value_keys) for c in values] == [
        (v["title"], [v["key"]]) for v in shipped.section("values")
    ]
    assert [v["definition"] for v in series.template["values"]] == [
        v["definition"] for v in shipped.section("values")
    ]
    assert store.find(Vote, session_id=first.id) == []  # the seed gives no vote
    assert store.find(Card, session_id=second.id) == []  # the joint work is on one wall
    assert update_demo(store, store.apply) == 0


def test_a_demo_folder_made_before_gets_the_valeurs_work_keeping_every_card(store, demo) -> None:
    first = empty_first_atelier(store, demo)  # the demo as earlier versions made it
    second = _ateliers(store, demo)[2]
    # what a user did since: their own atout and problème, a paradox of the seed reworded
    store.apply(board.capture(store, first.id, "La mer, partout", "atouts"))
    store.apply(board.capture(store, second.id, "Le mistral", "problemes"))
    series = store.get(Series, demo.id)
    template = {**series.template, "paradoxes": [dict(p) for p in series.template["paradoxes"]]}
    template["paradoxes"][1]["title"] = "Une nature à protéger"
    store.apply(Change("user", (changes.update(series, template=template),)))
    before = {c.id: c for c in store.iter_all(Card)}

    assert update_demo(store, store.apply) == 1

    after = {c.id: c for c in store.iter_all(Card)}
    assert {i: after[i] for i in before} == before  # every card, every edit
    added = [after[i] for i in after if i not in before]
    assert {c.session_id for c in added} == {first.id}
    assert Counter(c.column for c in added) == {"atouts": 6, "problemes": 6, "valeurs": 5}
    paradoxes = store.get(Series, demo.id).template["paradoxes"]
    assert paradoxes[1]["title"] == "Une nature à protéger"
    assert "cards" not in paradoxes[1]  # the user's paradox: not formed from the seed's cards
    assert all(len(p["cards"]) == 2 for i, p in enumerate(paradoxes) if i != 1)
    mine = next(c for c in _column(store, first, "atouts") if c.text == "La mer, partout")
    assert mine.position < min(c.position for c in added if c.column == "atouts")
    assert update_demo(store, store.apply) == 0  # once

    # a value the user takes off the wall is not put back
    value = next(c for c in added if c.column == "valeurs")
    store.apply(Change("user", (changes.delete(value),)))
    assert update_demo(store, store.apply) == 0


def test_two_laptops_bringing_the_same_demo_up_to_date_make_the_same_cards(
    tmp_path: Path,
) -> None:
    """A note-taker's laptop, newer, opens a copy of atelier 1 made by a facilitator's
    older app; the facilitator updates later: merged back, each card is there once."""
    facilitator, first = Laptop.facilitator(tmp_path / "animation.db", cards=1)
    note_taker = Laptop(tmp_path / "table.db")
    note_taker.merge(facilitator.handout(first.id))

    assert update_demo(note_taker.store, note_taker.store.apply) == 1
    store = note_taker.store
    store.apply(board.capture(store, first.id, "Les calanques", "atouts"))
    assert update_demo(facilitator.store, facilitator.store.apply) == 1

    summary = facilitator.merge(note_taker.handout(first.id))
    assert (summary.new_by_kind.get("cards"), summary.conflicts) == (1, 0)  # the calanques
    live = facilitator.live_cards(first.id)
    assert Counter(c.column for c in live) == {
        "atouts": 8,
        "problemes": 7,
        "valeurs": 5,
        "inbox": 1,
    }
