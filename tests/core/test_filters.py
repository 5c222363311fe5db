from fabrique_desktop.filters import parse_query
from fabrique_desktop.model import Card, Persona, Table

BERNARD = Persona(key="agriculteur", first_name="Bernard")
TABLE = Table(number=3)
CARDS = [
    Card(text="Un tramway à Aubagne", tags=["#Mobilité"], horizon="2040", persona_id=BERNARD.id),
    Card(text="Des cantines bio", tags=["#Agriculture"], horizon="2024", table_id=TABLE.id),
    Card(text="Une école d'ingénieurs", tags=[], horizon=""),
]


def ids(query: str) -> list[str]:
    f = parse_query(query, personas=[BERNARD], tables=[TABLE], known_tags=["#Mobilité"])
    return [c.text for c in CARDS if f.matches(c)]


def test_filters() -> None:
    assert ids("") == [c.text for c in CARDS]
    assert ids("ECOLE") == ["Une école d'ingénieurs"]
    assert ids("#mobilite") == ["Un tramway à Aubagne"]
    assert ids("!2024") == ["Des cantines bio"]
    assert ids("@bern") == ["Un tramway à Aubagne"]
    assert ids("=3") == ["Des cantines bio"]
    assert ids("=4") == []
    assert ids("#mobilite #agriculture") == ["Un tramway à Aubagne", "Des cantines bio"]
    assert ids("tram !2040") == ["Un tramway à Aubagne"]


def test_dimmed_and_problems() -> None:
    f = parse_query("@personne !2030")
    assert f.problems
    assert parse_query("").dimmed(CARDS) == set()
    assert parse_query("cantines").dimmed(CARDS) == {CARDS[0].id, CARDS[2].id}


def test_plain_words_also_find_themes() -> None:
    from fabrique_desktop.filters import parse_query
    from fabrique_desktop.model import Card

    tagged = Card(text="Un tramway jusqu'à Aubagne", tags=["#Mobilité"])
    other = Card(text="Des jardins partagés", tags=["#Agriculture"])
    query = parse_query("mobilite")
    assert query.matches(tagged)
    assert not query.matches(other)
