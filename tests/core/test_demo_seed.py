"""The demo is faithful to the seed (issue 26): no OCR debris among the ideas, the 12 boxed
« Futur engagé » items on the 2024 horizon, the pistes credited to ateliers 3 and 4 together;
a data folder made with the first demo is brought up to date without losing a user's card."""

from __future__ import annotations

import copy

import pytest

from db.store import Store
from fabrique_desktop import changes
from fabrique_desktop.changes import Change
from fabrique_desktop.credit import ateliers_label, joint_groups
from fabrique_desktop.demo_update import OCR_DEBRIS, demo_change, update_demo
from fabrique_desktop.model import FUTUR, IDEA, INBOX, Card, Series, Session, Vote
from fabrique_desktop.report import gather_series, gather_session
from fabrique_desktop.template import FORMAT_VERSION
from fabrique_desktop.workspace import list_sessions

DEMO_CREDIT = {1: (1, 2), 2: (1, 2), 3: (3, 4), 4: (3, 4)}
"""The demo's plan: the Valeurs ateliers credited together, and the Objectifs ateliers."""

BOXED = {
    "#Un projet alimentaire territorial": 3,
    "#L'appui aux 6 filières d'excellence": 6,
    "#Un Conseil de développement métropolitain": 3,
}


def _cards(store: Store, session: Session) -> list[Card]:
    return [c for c in store.find(Card, session_id=session.id) if not c.deleted]


def test_the_demo_holds_no_ocr_debris_and_files_the_boxed_items_as_futur_2024(
    store, demo_session
) -> None:
    cards = _cards(store, demo_session)
    texts = {c.text for c in cards}
    assert not texts & set(OCR_DEBRIS)
    assert not [c for c in cards if c.column == INBOX]
    ideas = [c for c in cards if c.card_kind == IDEA]
    futur = [c for c in cards if c.card_kind == FUTUR]
    assert (len(ideas), len(futur)) == (50, 37)
    assert {c.horizon for c in futur} == {"2024"}
    assert {c.horizon for c in ideas} == {"2040"}
    for theme, count in BOXED.items():
        boxed = [c for c in cards if c.tags == [theme]]
        assert len(boxed) == count
        assert {c.card_kind for c in boxed} == {FUTUR}


def test_ateliers_3_and_4_are_credited_together(store, demo) -> None:
    assert joint_groups(demo.template) == DEMO_CREDIT
    assert ateliers_label((4, 3)) == "ateliers 3 et 4"
    assert ateliers_label((5,)) == "atelier 5"
    assert ateliers_label((1, 2, 3)) == "ateliers 1, 2 et 3"
    sessions = {s.number: s for s in list_sessions(store, demo.id)}
    three = gather_session(store, sessions[3])
    four = gather_session(store, sessions[4])
    assert three.joint is not None
    assert three.joint.label == "ateliers 3 et 4"
    assert "ateliers 3 et 4" in three.joint_note
    assert "ateliers 3 et 4" in four.joint_note
    assert "mur de l’atelier 3" in four.joint_note  # where they are; its report shows them
    assert three.joint.boards == four.joint.boards == (3, 4)
    assert four.joint.walls == (3,)
    assert three.joint.counts() == ["50 pistes de projet", "37 réalisations engagées"]
    assert gather_session(store, sessions[5]).joint is None
    booklet = gather_series(store, demo)
    by_number = {s.number: s for s in booklet.sessions}
    assert by_number[3].joint == by_number[4].joint
    assert by_number[3].joint is not None
    assert by_number[3].joint.counts(short=True) == ["50 pistes", "37 réalisations"]
    assert booklet.idea_count == 50
    assert booklet.futur_count == 37
    assert booklet.joint_groups == ((1, 2), (3, 4))
    assert all(
        i.ateliers == (3, 4)
        for c in booklet.columns
        for h in c.horizons
        for t in h.themes
        for i in t.ideas
    )


def test_ateliers_1_and_2_are_credited_together_with_the_paradoxes_and_values(store, demo) -> None:
    """The seed prints the paradoxes and the value system as the two Valeurs ateliers'
    work: each Valeurs report says whose they are, the booklet counts them once."""
    sessions = {s.number: s for s in list_sessions(store, demo.id)}
    first = gather_session(store, sessions[1])
    second = gather_session(store, sessions[2])
    assert first.joint is not None
    assert first.joint == second.joint
    assert first.joint.label == "ateliers 1 et 2"
    assert first.joint.counts() == ["7 paradoxes", "5 valeurs"]
    assert first.joint.boards == (1, 2)  # both reports show them
    for report in (first, second):
        assert report.joint_note.startswith(
            "Les paradoxes et les valeurs de ce compte rendu sont le travail commun des "
            "ateliers 1 et 2"
        )
    booklet = {s.number: s for s in gather_series(store, demo).sessions}
    assert booklet[1].joint == booklet[2].joint == first.joint


def _first_demo(store: Store, series: Series, atelier: Session) -> None:
    """Turn a fresh demo back into the first one: debris to sort, boxed items as 2040
    pistes, no joint credit in the plan (format 1)."""
    edits = []
    for card in _cards(store, atelier):
        if card.tags and card.tags[0] in BOXED:
            edits.append(changes.update(card, card_kind=IDEA, horizon="2040"))
    for i, text in enumerate(OCR_DEBRIS):
        edits.append(changes.create(Card(session_id=atelier.id, text=text, position=i + 1.0)))
    old = copy.deepcopy(series.template)
    old["format_version"] = 1
    for step in old["series"]["ateliers"]:
        step.pop("joint", None)
    edits.append(changes.update(series, template=old))
    store.apply(Change("premier démo", tuple(edits)))


def test_a_first_demo_is_brought_up_to_date_keeping_what_a_user_touched(
    store, demo, demo_session
) -> None:
    _first_demo(store, store.get(Series, demo.id), demo_session)
    debris = {c.text: c for c in _cards(store, demo_session) if c.text in OCR_DEBRIS}
    moved = debris["WELCOME PACK DIGITAL"]
    voted = debris["1 PROJET 1 MENTOR"]
    store.apply(
        Change(
            "user",
            (
                changes.update(moved, column="art"),
                changes.create(
                    Vote(session_id=demo_session.id, card_id=voted.id, voter_id="room", dots=2)
                ),
                changes.create(Card(session_id=demo_session.id, text="Mon idée", column=INBOX)),
            ),
        )
    )
    before = len(_cards(store, demo_session))

    assert update_demo(store, store.apply) == 1

    cards = _cards(store, demo_session)
    texts = [c.text for c in cards]
    assert len(cards) == before - 14  # the 14 untouched notes; the moved and voted stay
    assert "WELCOME PACK DIGITAL" in texts
    assert "1 PROJET 1 MENTOR" in texts
    assert "Mon idée" in texts
    assert "100 000 SOLELS" not in texts
    boxed = [c for c in cards if c.tags and c.tags[0] in BOXED]
    assert {(c.card_kind, c.horizon) for c in boxed} == {(FUTUR, "2024")}
    series = store.get(Series, demo.id)
    assert joint_groups(series.template) == DEMO_CREDIT
    assert series.template["format_version"] == FORMAT_VERSION
    assert update_demo(store, store.apply) == 0  # once


def test_a_users_series_is_left_as_it_is(store, demo, demo_session) -> None:
    _first_demo(store, store.get(Series, demo.id), demo_session)
    piste = next(c for c in _cards(store, demo_session) if c.tags == ["#Mobilité"])
    store.apply(Change("user", (changes.update(piste, text="Une autre idée"),)))
    assert demo_change(store, store.get(Series, demo.id)) is None
    assert update_demo(store, store.apply) == 0
    assert sum(c.text in OCR_DEBRIS for c in _cards(store, demo_session)) == len(OCR_DEBRIS)


def test_a_new_series_from_the_builtin_template_credits_each_atelier_alone(store, demo) -> None:
    from fabrique_desktop.template import builtin_template
    from fabrique_desktop.workspace import create_series

    assert joint_groups(builtin_template().data) == {}
    series = create_series(store, builtin_template(), "Acte 2")
    assert joint_groups(series.template) == {}
    third = next(s for s in list_sessions(store, series.id) if s.number == 3)
    assert gather_session(store, third).joint is None


def test_the_joint_credit_travels_in_copies_not_in_templates(store, demo, demo_session, tmp_path):
    from fabrique_desktop import bundle, template_exchange

    copy_ = bundle.from_json(bundle.to_json(bundle.collect(store, demo_session)))
    assert joint_groups(copy_.series.template) == DEMO_CREDIT
    other = Store.open(tmp_path / "other.db")
    try:
        bundle.import_bundle(other, copy_)
        assert joint_groups(other.get(Series, demo.id).template) == DEMO_CREDIT
    finally:
        other.close()
    # a template holds the method, not the data: a series made from it credits each atelier
    document = template_exchange.export_template(store, store.get(Series, demo.id))
    assert document["format_version"] == FORMAT_VERSION
    assert document["series"]["ateliers"][2]["audience"] == "Conseil de Développement"
    _change, made = template_exchange.import_template(store, template_exchange.to_json(document))
    assert joint_groups(made.template) == {}


@pytest.mark.parametrize(
    "joint", [["3"], [True, 4], "3,4", [3.5], list(range(200)), [-1, 4], {"3": 4}]
)
def test_a_hostile_joint_is_refused_in_french(store, demo, joint) -> None:
    from fabrique_desktop import template_exchange
    from fabrique_desktop.errors import TemplateError

    document = template_exchange.export_template(store, store.get(Series, demo.id))
    document["series"]["ateliers"][2]["joint"] = joint  # a template written by hand
    with pytest.raises(TemplateError, match=r"[Mm]odèle"):
        template_exchange.import_template(store, template_exchange.to_json(document))


def test_the_demos_pistes_imported_into_a_new_series_are_not_taken_for_the_demo(
    store, demo
) -> None:
    """import-cards of the demo's file into atelier 3 of a new series from the built-in
    template: that series is the user's; its plan gets no joint credit."""
    from fabrique_desktop.template import builtin_template
    from fabrique_desktop.workspace import create_series, demo_ideas

    series = create_series(store, builtin_template(), "Acte 2")
    third = next(s for s in list_sessions(store, series.id) if s.number == 3)
    store.apply(demo_ideas(third, builtin_template()))
    assert demo_change(store, store.get(Series, series.id)) is None
    assert joint_groups(store.get(Series, series.id).template) == {}


def test_an_up_to_date_demo_is_checked_without_a_copy_of_its_plan(store, demo, monkeypatch) -> None:
    """Every start checks the demo's credit: a copy of its whole plan each time was ~3 M
    instructions of the start-up (issue 28), for nothing to change."""
    from fabrique_desktop import demo_update

    copies: list[object] = []
    monkeypatch.setattr(demo_update.copy, "deepcopy", lambda x: copies.append(x) or x)
    assert demo_change(store, demo) is None
    assert copies == []
