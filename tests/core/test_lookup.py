"""Ateliers and series found from what people type (`fabrique export "atelier 3"`, `export 3`)."""

from __future__ import annotations

import pytest

from fabrique_desktop.errors import NotFoundError
from fabrique_desktop.lookup import loose
from fabrique_desktop.template import builtin_template
from fabrique_desktop.workspace import (
    create_series,
    create_session,
    find_series,
    find_session,
    list_sessions,
)


def test_loose_folds_case_accents_dashes_and_spaces() -> None:
    assert loose("Atelier 3 — Objectifs  Élargis") == "atelier 3 - objectifs elargis"
    assert loose("atelier 3-objectifs") == "atelier 3 - objectifs"
    assert loose("L’Œuvre « ouverte »") == 'l\'oeuvre " ouverte "'


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("3", 3),
        ("Atelier 3", 3),
        ("atelier 3", 3),
        ("ATELIER 5", 5),
        ("atelier 3 - objectifs", 3),  # a plain hyphen for the title's em dash
        ("convergence", 5),
        ("Atelier 1 — Valeurs", 1),  # the exact title still works
    ],
)
def test_an_atelier_by_number_or_part_of_its_title(store, demo, typed, number) -> None:
    assert find_session(store, typed).number == number


def test_by_id_and_id_prefix(store, demo) -> None:
    session = list_sessions(store, demo.id)[2]
    assert find_session(store, session.id) == session
    assert find_session(store, session.id[:8]) == session


def test_several_matches_are_listed(store, demo) -> None:
    with pytest.raises(NotFoundError) as refused:
        find_session(store, "valeurs")
    message = str(refused.value)
    assert "Plusieurs ateliers correspondent à « valeurs »" in message
    assert "n° 1 · Atelier 1 — Valeurs · La Fabrique — Acte 1" in message
    assert "n° 2 · Atelier 2 — Valeurs" in message
    assert "Atelier 3" not in message


def test_no_match_lists_every_atelier(store, demo) -> None:
    with pytest.raises(NotFoundError) as refused:
        find_session(store, "Atelier 9")
    message = str(refused.value)
    assert message.startswith("Aucun atelier ne correspond à « Atelier 9 ». Les ateliers :")
    assert message.count("\n  n° ") == 5


def test_whole_words_win_over_a_longer_number(store, demo) -> None:
    series = list_sessions(store, demo.id)[0].series_id
    for n in range(6, 13):
        create_session(store, store.get(type(demo), series), f"Atelier {n}")
    assert find_session(store, "atelier 1").number == 1  # not « Atelier 10 », « Atelier 11 »…


def test_the_same_number_in_two_series_is_a_choice(store, demo) -> None:
    create_series(store, builtin_template(), title="La Fabrique — Acte 2")
    with pytest.raises(NotFoundError) as refused:
        find_session(store, "3")
    message = str(refused.value)
    assert "Acte 1" in message
    assert "Acte 2" in message
    assert "Précisez le titre, le numéro ou l'identifiant." in message


def test_series_by_part_of_title(store, demo) -> None:
    assert find_series(store, "acte 1").id == demo.id
    assert find_series(store, "FABRIQUE").id == demo.id
    with pytest.raises(NotFoundError, match="Aucune série ne correspond à « acte 7 »"):
        find_series(store, "acte 7")
