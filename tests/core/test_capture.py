import pytest

from fabrique_desktop.capture import current_marker, fold, markers_for, match_personas, parse
from fabrique_desktop.model import Persona
from fabrique_desktop.template import builtin_template

COLUMNS = builtin_template().columns
PERSONAS = [
    Persona(key="agriculteur", first_name="Bernard", role="Agriculteur bio"),
    Persona(key="etudiante", first_name="Thảo", role="Étudiante"),
    Persona(key="infirmiere", first_name="Aïcha", role="Infirmière"),
    Persona(key="jeune", first_name="Yanis", role="Jeune sans emploi"),
]


def p(line: str, **kw):
    return parse(line, personas=PERSONAS, columns=COLUMNS, **kw)


def test_plain_text_is_kept_as_is() -> None:
    parsed = p("Un tramway jusqu'à Aubagne « vite » — œuvre !")
    assert parsed.text == "Un tramway jusqu'à Aubagne « vite » — œuvre !"
    assert parsed.persona_id is None
    assert not parsed.tags
    assert parsed.column is None


def test_every_marker() -> None:
    parsed = p(
        "Des cantines bio @agricultrice #mobilité #Circuits-courts !2040 >mieux =3",
        known_tags=["#Mobilité"],
    )
    assert parsed.text == "Des cantines bio"
    assert parsed.persona_id == PERSONAS[0].id
    assert parsed.tags == ("#Mobilité", "#Circuits-courts")
    assert parsed.horizon == "2040"
    assert parsed.column == "mieux"
    assert parsed.table_number == 3
    assert not parsed.problems


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("0", "inbox"),
        ("1", "mieux"),
        ("2", "monde"),
        ("4", "art"),
        ("ensemble", "ensemble"),
        ("monde", "monde"),
        ("art", "art"),
        ("trier", "inbox"),
    ],
)
def test_column_by_number_key_or_title(word: str, key: str) -> None:
    assert p(f"x >{word}").column == key


@pytest.mark.parametrize("name", ["thao", "THẢO", "Tha", "etud", "aicha", "infirm", "bern"])
def test_persona_accent_and_case_insensitive_prefix(name: str) -> None:
    assert len(match_personas(name, PERSONAS)) == 1


def test_unknown_markers_stay_in_the_text_with_a_french_problem() -> None:
    parsed = p("Voir @inconnu et >nulle part, !2030")
    assert parsed.text == "Voir @inconnu et >nulle part, !2030"
    assert any("Persona inconnu" in m for m in parsed.problems)
    assert any("Colonne inconnue" in m for m in parsed.problems)
    assert any("Horizon" in m for m in parsed.problems)


def test_punctuation_after_a_marker_stays() -> None:
    assert p("Des vélos #mobilité, partout").text == "Des vélos, partout"
    assert p("Priorité #1 et 3 = 3").text == "Priorité #1 et 3 = 3"
    assert p("Génial ! vraiment !").text == "Génial ! vraiment !"


def test_french_spaces_before_colon_and_semicolon_are_kept() -> None:
    assert p("Constat : il manque des bancs ; vite").text == "Constat : il manque des bancs ; vite"
    assert p("Des bancs #mobilité : partout").text == "Des bancs : partout"
    assert p("Des bancs #mobilité. Partout").text == "Des bancs. Partout"


def test_short_horizons() -> None:
    assert p("x !24").horizon == "2024"
    assert p("x !40").horizon == "2040"


def test_completion_context_and_round_trip() -> None:
    assert current_marker("Une idée @ber", 13) == ("@", "ber", 9)
    assert current_marker("Une idée", 8) is None
    line = "Tram " + markers_for(
        persona=PERSONAS[1], table_number=2, horizon="2024", tags=["#Mobilité"]
    )
    parsed = p(line)
    assert (parsed.text, parsed.persona_id, parsed.table_number, parsed.horizon, parsed.tags) == (
        "Tram",
        PERSONAS[1].id,
        2,
        "2024",
        ("#Mobilité",),
    )


def test_fold() -> None:
    assert fold("Élodie Œuvre Thảo") == "elodie oeuvre thao"
