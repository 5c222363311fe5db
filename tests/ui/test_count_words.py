"""The one helper that says counts: the form agreeing with the count, filled in or not."""

import pytest

from ui.count_words import by_count, counted

PHONES = ("1 téléphone", "{} téléphones")


@pytest.mark.parametrize(
    ("n", "said"),
    [(0, "aucun téléphone"), (1, "1 téléphone"), (2, "2 téléphones"), (12, "12 téléphones")],
)
def test_a_count_with_a_word_for_none(n: int, said: str) -> None:
    assert counted(n, *PHONES, none="aucun téléphone") == said


def test_without_a_word_for_none_zero_takes_the_many_form() -> None:
    assert counted(0, *PHONES) == "0 téléphones"
    assert counted(0, *PHONES, none="") == ""


def test_the_chosen_form_is_left_for_the_caller_to_fill_when_it_has_other_blanks() -> None:
    one, many = "Cartes enregistrées : {} (1 page).", "Cartes enregistrées : {} ({} pages)."
    assert by_count(1, one, many).format("c.pdf", 1) == "Cartes enregistrées : c.pdf (1 page)."
    assert by_count(3, one, many).format("c.pdf", 3) == "Cartes enregistrées : c.pdf (3 pages)."
    assert by_count(0, one, many, none="rien") == "rien"
    assert by_count(1, "table", "tables") == "table"
    assert by_count(7, "table", "tables") == "tables"
