"""Each phase's columns (template format 3): the built-in template's Valeurs wall, older
templates still open (every phase on the template's columns), a newer one refused, hostile
phases refused in French; data folders made before keep every card (``phase_columns``)."""

from __future__ import annotations

import copy
from collections import Counter

import pytest

from db.store import Store
from fabrique_desktop import changes, validation
from fabrique_desktop.changes import Change
from fabrique_desktop.cli.context import Context
from fabrique_desktop.errors import TemplateError
from fabrique_desktop.model import Card, Series
from fabrique_desktop.paths import DataDir
from fabrique_desktop.phase_columns import phase_changes, update_phases
from fabrique_desktop.template import FORMAT_VERSION, Template, builtin_template, validate
from fabrique_desktop.workspace import (
    create_series,
    ensure_first_use,
    list_sessions,
    session_template,
)
from tests.blank_atelier import empty_first_atelier

VIVRE = ["inbox", "mieux", "monde", "ensemble", "art"]


def _keys(template: Template, phase: str) -> list[str]:
    return [c.key for c in template.for_phase(phase).columns]


def test_each_phase_of_the_built_in_template_has_its_wall() -> None:
    template = builtin_template()
    assert template.data["format_version"] == FORMAT_VERSION == 3
    assert _keys(template, "valeurs") == ["inbox", "atouts", "problemes", "valeurs"]
    assert [c.title for c in template.for_phase("valeurs").vivre_columns] == [
        "Atouts",
        "Problèmes",
        "Valeurs proposées",
    ]
    assert _keys(template, "objectifs") == _keys(template, "convergence") == VIVRE
    assert _keys(template, "autre") == VIVRE  # a phase the template does not describe


def test_an_older_template_opens_with_its_columns_in_every_phase() -> None:
    data = copy.deepcopy(builtin_template().data)
    del data["phases"]
    data["format_version"] = 2
    template = Template.from_dict(data)
    validation.template_document(data)
    for phase in ("valeurs", "objectifs", "convergence", "autre"):
        assert _keys(template, phase) == VIVRE


def test_a_newer_template_is_refused() -> None:
    data = copy.deepcopy(builtin_template().data)
    data["format_version"] = FORMAT_VERSION + 1
    with pytest.raises(TemplateError, match="version plus récente"):
        validate(data)


def _phased(**phases: object) -> dict:
    data = copy.deepcopy(builtin_template().data)
    data["phases"] = phases
    return data


ATOUTS = {"key": "atouts", "title": "Atouts", "colour": "#2E7D32"}


@pytest.mark.parametrize(
    ("phases", "message"),
    [
        ({"valeurs": {"columns": ["inbox", "mieux"]}}, "de 3 à 6 colonnes"),
        ({"valeurs": {"columns": ["mieux", "inbox", "art"]}}, "première colonne"),
        ({"valeurs": {"columns": ["inbox", "nulle-part", "art"]}}, "colonne inconnue"),
        ({"valeurs": {"columns": ["inbox", "mieux", "mieux"]}}, "même clé"),
        ({"valeurs": {"columns": ["inbox", ATOUTS, {**ATOUTS, "key": "mieux"}]}}, "même clé"),
        ({"valeurs": {"columns": ["inbox", {"key": "x"}, "art"]}}, "n'a pas de titre"),
        ({"valeurs": {"columns": ["inbox", {**ATOUTS, "colour": "vert"}, "art"]}}, "#RRVVBB"),
        ({"valeurs": {"columns": "inbox"}}, "pas de liste de colonnes"),
        ({"valeurs": None}, "pas de liste de colonnes"),
        ({"réunion": {"columns": VIVRE}}, "phase inconnue"),
    ],
)
def test_hostile_phases_are_refused_in_french(phases: dict, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        validate(_phased(**phases))


@pytest.mark.parametrize(
    "phases",
    [
        {"valeurs": {"columns": ["inbox", 3, "art"]}},
        {"valeurs": {"columns": ["inbox", ATOUTS, "art"], "extra": 1}},
        {"valeurs": {"columns": ["inbox", {**ATOUTS, "key": "A B"}, "art"]}},
        {"valeurs": {"columns": ["inbox", "mieux", "monde", "ensemble", "art", "x", "y"]}},
        {"autre-chose": {"columns": VIVRE}},
    ],
)
def test_the_schema_refuses_hostile_phases(phases: dict) -> None:
    with pytest.raises(TemplateError, match="invalide"):
        validation.template_document(_phased(**phases))


def _before_phases(store: Store) -> tuple[Series, list]:
    """The demo as a data folder made before format 3 holds it, with a Valeurs atelier's
    ideas noted in the Vivre columns."""
    series = ensure_first_use(store)
    assert series is not None
    valeurs = empty_first_atelier(store, series)  # the demo then had no Valeurs work
    old = {k: v for k, v in series.template.items() if k != "phases"}
    old["format_version"] = 2
    store.apply(Change("avant", (changes.update(series, template=old),)))
    cards = [
        Card(session_id=valeurs.id, text=text, column=column, position=position)
        for text, column, position in (
            ("Déjà là", "inbox", 1024.0),
            ("Le soleil", "mieux", 2048.0),
            ("La mer", "mieux", 1024.0),
            ("Les bouchons", "art", 10.0),
        )
    ]
    store.apply(Change("idées", tuple(changes.create(c) for c in cards)))
    return store.get(Series, series.id), cards


def test_a_data_folder_made_before_keeps_every_card_on_its_phases_wall(store) -> None:
    series, cards = _before_phases(store)
    demo = next(s for s in list_sessions(store, series.id) if s.number == 3)
    demo_cards = {c.id: (c.column, c.position) for c in store.find(Card, session_id=demo.id)}
    mine = create_series(store, Template.from_dict({**series.template, "key": "mine"}))

    assert update_phases(store, store.apply) == 1
    series = store.get(Series, series.id)
    valeurs = list_sessions(store, series.id)[0]
    assert [c.key for c in session_template(series, valeurs).columns][1] == "atouts"
    after = sorted(store.find(Card, session_id=valeurs.id), key=lambda c: c.position)
    assert {c.column for c in after} == {"inbox"}  # the wall's first column
    assert [c.text for c in after] == ["Déjà là", "Les bouchons", "La mer", "Le soleil"]
    assert {c.id for c in after} == {c.id for c in cards}  # none lost
    # the Objectifs atelier's wall did not change: its cards did not move
    assert {
        c.id: (c.column, c.position) for c in store.find(Card, session_id=demo.id)
    } == demo_cards
    # a territory's own template is not given phases
    assert "phases" not in store.get(Series, mine.id).template
    assert phase_changes(store) == []  # done once


def test_the_start_up_check_reads_no_card_once_every_card_is_on_its_wall(
    store, monkeypatch
) -> None:
    """It runs at every start: reading every card of every atelier whole (2000 ideas: ~35 ms
    before the window) only to find none astray."""
    _before_phases(store)
    update_phases(store, store.apply)
    read: list[type] = []
    find = store.find

    def counted(cls, **where):  # type: ignore[no-untyped-def]
        read.append(cls)
        return find(cls, **where)

    monkeypatch.setattr(store, "find", counted)
    assert phase_changes(store) == []
    assert Card not in read


def test_opening_the_data_folder_brings_the_phases(tmp_path) -> None:
    data_dir = DataDir(tmp_path / "data")
    store = Store.open(data_dir.database)
    series, cards = _before_phases(store)
    store.close()
    context = Context(str(data_dir.root))
    try:
        series = context.store.get(Series, series.id)
        assert "valeurs" in series.template["phases"]
        valeurs = list_sessions(context.store, series.id)[0]
        found = context.store.find(Card, session_id=valeurs.id)
        assert {c.column for c in found if c.id in {m.id for m in cards}} == {"inbox"}
        # and, its wall given first, the demo's Valeurs work on it at the same opening
        columns = Counter(c.column for c in found)
        assert (columns["atouts"], columns["problemes"], columns["valeurs"]) == (7, 7, 5)
    finally:
        context.close()
