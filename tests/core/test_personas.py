"""The persona deck: Changes, persisted, isolated per series; the template file is untouched."""

import json

import pytest

from fabrique_desktop import personas
from fabrique_desktop.model import Persona
from fabrique_desktop.personas import PersonaError
from fabrique_desktop.resources import resource
from fabrique_desktop.template import builtin_template
from fabrique_desktop.workspace import create_series


def test_the_demo_series_has_the_eight_personas_of_the_booklet(store, demo) -> None:
    names = [p.first_name for p in personas.deck(store, demo.id)]
    assert names == ["Bernard", "Karim", "Thảo", "Josiane", "Jonas", "Meilin", "Yanis", "Aïcha"]


def test_edit_is_persisted_undoable_and_stays_in_its_series(store, demo) -> None:
    builtin = resource("templates", "fabrique-acte1.json").read_bytes()
    other = create_series(store, builtin_template(), "Autre territoire")
    bernard = personas.deck(store, demo.id)[0]
    change = personas.edit(bernard, first_name="Bernadette", age="58", worries="- L'eau\n• Le feu")
    store.apply(change)
    saved = store.get(Persona, bernard.id)
    assert (saved.first_name, saved.age, saved.worries) == ("Bernadette", 58, ["L'eau", "Le feu"])
    assert personas.deck(store, other.id)[0].first_name == "Bernard"
    assert resource("templates", "fabrique-acte1.json").read_bytes() == builtin
    assert builtin_template().section("personas")[0]["first_name"] == "Bernard"
    store.apply(change.inverse())
    assert store.get(Persona, bernard.id).first_name == "Bernard"


def test_create_duplicate_retire_restore_and_move(store, demo) -> None:
    change, nadia = personas.create(store, demo.id, first_name="Nadïa", role="Pêcheuse", age=41)
    store.apply(change)
    deck = personas.deck(store, demo.id)
    assert deck[-1].first_name == "Nadïa"
    assert deck[-1].key == "nadia"
    change, copy = personas.duplicate(store, deck[0])
    store.apply(change)
    names = [p.first_name for p in personas.deck(store, demo.id)]
    assert names[:2] == ["Bernard", "Bernard (copie)"]
    assert copy.key != deck[0].key
    store.apply(personas.retire(copy))
    assert "Bernard (copie)" not in [p.first_name for p in personas.deck(store, demo.id)]
    assert "Bernard (copie)" in [p.first_name for p in personas.deck(store, demo.id, retired=True)]
    store.apply(personas.restore(store.get(Persona, copy.id)))
    store.apply(personas.move(store, store.get(Persona, nadia.id), -100))
    assert personas.deck(store, demo.id)[0].first_name == "Nadïa"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"first_name": "  "}, "prénom"),
        ({"first_name": "A", "age": "vieux"}, "Âge invalide"),
        ({"first_name": "A", "age": 200}, "entre 0 et"),
        ({"first_name": "A", "colour": "rouge"}, "#RRVVBB"),
    ],
)
def test_bad_input_is_refused_in_french(store, demo, fields, message) -> None:
    with pytest.raises(PersonaError, match=message):
        personas.create(store, demo.id, **fields)


def test_an_empty_edit_is_an_empty_change(store, demo) -> None:
    bernard = personas.deck(store, demo.id)[0]
    assert not personas.edit(bernard, first_name="Bernard")
    json.dumps(personas.edit(bernard, hopes=["x"]).edits[0].after)  # JSON-able values
