import copy
import json

import pytest

from fabrique_desktop.errors import TemplateError
from fabrique_desktop.template import Template, builtin_template, load_template


@pytest.fixture
def data() -> dict:
    return copy.deepcopy(builtin_template().data)


def test_builtin_template_is_the_seed() -> None:
    template = builtin_template()
    assert template.title == "La Fabrique du projet — Acte 1"
    assert [c.title for c in template.columns] == [
        "À trier",
        "Vivre Mieux",
        "Vivre Monde",
        "Vivre Ensemble",
        "Art de Vivre",
    ]
    assert len(template.section("values")) == 5
    assert len(template.section("paradoxes")) == 7
    assert len(template.section("engagements")) == 12
    assert len(template.section("competences")) == 8
    assert len(template.section("inspirations")) == 4
    assert len(template.section("personas")) == 8
    ateliers = template.data["series"]["ateliers"]
    assert [a["date"] for a in ateliers] == [
        "2017-04-03",
        "2017-04-13",
        "2017-05-09",
        "2017-05-11",
        "2017-11-29",
    ]


def test_each_vivre_has_three_engagements_and_a_dream() -> None:
    template = builtin_template()
    for column in template.vivre_columns:
        assert column.challenge
        assert column.dream
        assert column.keywords
        mine = [e for e in template.section("engagements") if e["column"] == column.key]
        assert len(mine) == 3
        assert all(e["how"] for e in mine)


def test_personas_are_complete() -> None:
    for persona in builtin_template().section("personas"):
        assert persona["first_name"]
        assert persona["age"]
        assert persona["town"]
        assert persona["story"]
        assert persona["worries"]
        assert persona["hopes"]


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda d: d.update(format="autre-chose"), "n'est pas un modèle Fabrique"),
        (lambda d: d.update(format_version=99), "version plus récente"),
        (lambda d: d.update(columns=d["columns"][:2]), "de 3 à 6 colonnes"),
        (lambda d: d["columns"][1].update(colour="rouge"), "#RRVVBB"),
        (lambda d: d["columns"][2].update(key=d["columns"][1]["key"]), "même clé"),
        (lambda d: d["columns"].reverse(), "première colonne"),
        (lambda d: d["engagements"][0].update(column="nulle-part"), "colonne inconnue"),
        (lambda d: d["personas"][0].update(first_name=""), "prénom"),
    ],
)
def test_broken_templates_are_refused_in_french(data: dict, breakage, message: str) -> None:
    breakage(data)
    with pytest.raises(TemplateError, match=message):
        Template.from_dict(data)


def test_unreadable_template_file(tmp_path) -> None:
    path = tmp_path / "t.json"
    path.write_text("{ pas du json", encoding="utf-8")
    with pytest.raises(TemplateError, match="JSON invalide"):
        load_template(path)
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(TemplateError):
        load_template(path)


def test_template_round_trips_through_json(data: dict) -> None:
    again = Template.from_dict(json.loads(json.dumps(data, ensure_ascii=False)))
    assert again.columns == builtin_template().columns
