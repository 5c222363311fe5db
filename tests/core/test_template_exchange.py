"""Templates out of a series and back in as a new series; editing a series' columns and values."""

import json

import pytest

from fabrique_desktop import personas, tables, template_exchange
from fabrique_desktop.errors import TemplateError
from fabrique_desktop.model import Series
from fabrique_desktop.resources import resource
from fabrique_desktop.workspace import list_series, list_sessions, series_template


def test_round_trip_keeps_columns_values_personas_and_plan(store, demo, session) -> None:
    bernard = personas.deck(store, demo.id)[0]
    store.apply(personas.edit(bernard, first_name="Bernadette", town="Lambesc"))
    store.apply(tables.add_participant(session.id, "Zoé Confidentielle"))
    data = template_exchange.export_template(store, demo)
    text = template_exchange.to_json(data)
    assert "Zoé" not in text
    change, series = template_exchange.import_template(store, text.encode("utf-8"))
    store.apply(change)
    assert series.title == "La Fabrique — Acte 1 (2)"
    deck = personas.deck(store, series.id)
    assert [p.first_name for p in deck][:3] == ["Bernadette", "Karim", "Thảo"]
    assert deck[0].town == "Lambesc"
    assert len(list_sessions(store, series.id)) == 5
    again = template_exchange.export_template(store, series)
    for document in (data, again):
        document.pop("exported_at")
        document["series"].pop("title")
    assert again == data


def _refused(store, payload, message) -> None:
    before = [s.id for s in list_series(store)]
    with pytest.raises(TemplateError, match=message):
        template_exchange.import_template(store, payload, "modele.json")
    assert [s.id for s in list_series(store)] == before


def test_refusals_name_what_is_wrong_and_change_nothing(store, demo) -> None:
    good = template_exchange.export_template(store, demo)
    _refused(store, b"\x89PNG garbage", "illisible")
    _refused(store, b"{not json", "JSON invalide")
    _refused(store, b"\xff\xfe\x00", "illisible|JSON invalide")
    _refused(store, json.dumps({"format": "fabrique-session"}), "n'est pas un modèle")
    _refused(store, json.dumps([1, 2]), "n'est pas un modèle")
    _refused(store, json.dumps({**good, "format_version": 99}), "plus récente")
    _refused(store, json.dumps({**good, "columns": good["columns"][:2]}), "de 3 à 6 colonnes")
    bad_persona = {**good, "personas": [{"first_name": ""}]}
    _refused(store, json.dumps(bad_persona), "persona n° 1 n'a pas de prénom")
    bad_colour = json.loads(json.dumps(good))
    bad_colour["columns"][1]["colour"] = "red"
    _refused(store, json.dumps(bad_colour), "#RRVVBB")
    _refused(store, json.dumps({**good, "series": []}), "pas un modèle Fabrique valide")


def test_edit_columns_and_values_of_one_series_only(store, demo) -> None:
    builtin = resource("templates", "fabrique-acte1.json").read_bytes()
    template = series_template(demo)
    columns = [
        {"title": c.title, "key": c.key, "colour": c.colour, "tint": c.tint}
        for c in template.columns
    ]
    columns[1]["title"] = "Vivre Mieux ensemble"
    columns.append({"title": "Économie", "colour": "#004d40", "tint": "#e0f2f1"})
    store.apply(template_exchange.edit_columns(store, demo, columns))
    edited = series_template(store.get(Series, demo.id))
    assert [c.title for c in edited.columns][-2:] == ["Art de Vivre", "Économie"]
    assert edited.columns[-1].key == "economie"
    assert edited.columns[-1].colour == "#004D40"
    assert edited.column("mieux").challenge  # fields not edited are kept
    store.apply(template_exchange.edit_values(demo, [{"title": "Sobriété", "definition": "x"}]))
    assert [v["title"] for v in store.get(Series, demo.id).template["values"]] == ["Sobriété"]
    assert resource("templates", "fabrique-acte1.json").read_bytes() == builtin


def test_column_edits_are_refused_when_invalid(store, demo, demo_session) -> None:
    template = series_template(demo)
    columns = [{"title": c.title, "key": c.key, "colour": c.colour} for c in template.columns]
    with pytest.raises(TemplateError, match="de 3 à 6"):
        template_exchange.edit_columns(store, demo, columns[:2])
    with pytest.raises(TemplateError, match="de 3 à 6"):
        template_exchange.edit_columns(store, demo, columns + columns[1:3])
    with pytest.raises(TemplateError, match=r"contient \d+ idées : déplacez-les avant"):
        template_exchange.edit_columns(store, demo, [c for c in columns if c["key"] != "mieux"])
    with pytest.raises(TemplateError, match="#RRVVBB"):
        template_exchange.edit_columns(store, demo, [*columns, {"title": "X", "colour": "x"}])
    with pytest.raises(TemplateError, match="titre"):
        template_exchange.edit_columns(store, demo, [*columns, {"title": " ", "colour": "#000000"}])
    with pytest.raises(TemplateError, match="pas de nom"):
        template_exchange.edit_values(demo, [{"title": ""}])
