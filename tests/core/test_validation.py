"""The trust boundary's pieces: schemas in step with the model, messages, media names."""

from __future__ import annotations

import dataclasses
import os

import pytest

from fabrique_desktop import photos, report, validation
from fabrique_desktop.errors import BundleError
from fabrique_desktop.limits import MAX_IDEA, shown
from fabrique_desktop.model import ENTITY_TYPES, Card, Persona, Session
from fabrique_desktop.paths import media_file
from fabrique_desktop.workspace import list_sessions
from tests.hostile.helpers import JPEG


def test_every_kind_has_a_schema_with_every_field() -> None:
    """Every field of every kind is checked (a schema may know a field a branch adds)."""
    for kind, cls in ENTITY_TYPES.items():
        assert {f.name for f in dataclasses.fields(cls)} <= validation.fields_of(kind), kind
        assert kind in validation.LABELS


def test_a_default_entity_of_every_kind_is_accepted_once_owned() -> None:
    for kind, cls in ENTITY_TYPES.items():
        if kind == "series":
            continue
        owners = {
            name: "owner-1"
            for name in ("session_id", "series_id", "card_id", "voter_id")
            if name in {f.name for f in dataclasses.fields(cls)}
        }
        extra = {"file_name": "a1.jpg"} if kind == "photos" else {}
        record = cls(**owners, **extra).to_record()
        assert validation.record(kind, record).to_record() == record


def test_refusals_name_the_element_and_the_field_in_french() -> None:
    card = Card(session_id="s1", text="idée").to_record()
    with pytest.raises(BundleError, match=r"une idée \(.*\) : « text » dépasse 2 000 caractères"):
        validation.record("cards", {**card, "text": "x" * (MAX_IDEA + 1)})
    with pytest.raises(BundleError, match=r"« tags › n° 2 » doit être un texte, pas « 3 »"):
        validation.record("cards", {**card, "tags": ["#a", 3]})
    with pytest.raises(BundleError, match="caractère interdit"):
        validation.record("cards", {**card, "text": "a\x1b[31mb"})
    with pytest.raises(BundleError, match="#RRVVBB"):
        validation.record("cards", {**card, "colour": "#FFFFFF\n"})


def test_refused_values_are_shown_as_the_file_writes_them() -> None:
    """As JSON (« null », « true », « {"a": 1} »), not as Python (« None », « True »); and
    the expected kind of text in the same sentence as a wrong type (« une date ISO attendu »
    was also wrong French)."""
    card = Card(session_id="s1", text="idée").to_record()
    with pytest.raises(BundleError, match=r"« text » doit être un texte, pas « null »"):
        validation.record("cards", {**card, "text": None})
    with pytest.raises(BundleError, match=r"« text » doit être un texte, pas « \{\"a\": true\} »"):
        validation.record("cards", {**card, "text": {"a": True}})
    with pytest.raises(BundleError, match=r"« created_at » doit être une date ISO, pas « hier »"):
        validation.record("cards", {**card, "created_at": "hier"})


def test_every_field_of_a_sessions_data_is_a_scalar_or_a_flat_list() -> None:
    """Why ``validation.cell`` may refuse nested values instead of walking their depth."""
    from fabrique_desktop.sync import session_kinds

    scalars = {"str", "int", "float", "bool", "None"}
    for kind in session_kinds():
        for field in dataclasses.fields(ENTITY_TYPES[kind]):
            parts = {p.strip() for p in str(field.type).replace("list[", "").strip("]").split("|")}
            assert parts <= scalars, (kind, field.name, field.type)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 50_000,  # deep enough to exhaust the stack
        '[[["a"]],{"w":1}]',  # a nested value
        '[{"a":1},{"w":1}]',
        '["a",{"w":-1}]',  # counters: 0…2⁶³-1, integers
        '["a",{"w":9223372036854775808}]',
        '["a",{"w":1.5}]',
        '["a",{"w":true}]',
        '["a",["w",1]]',
        '["a",{"w":1},3]',
        '["a",{"w":1}] ',  # one JSON value, as Fabrique writes it
        '["a",{"w":1}]["b",{}]',
        "[NaN,{}]",
        "[-Infinity,{}]",
        "[1e999,{}]",
        "[[1e999],{}]",
        "[" + "9" * 5_000 + ",{}]",
        '"a"',
        "",
    ],
)
def test_a_merge_documents_cells_are_refused_when_odd(text) -> None:
    with pytest.raises(BundleError) as refusal:
        validation.cell(text, "Mise à jour reçue", "text")
    message = str(refusal.value)
    assert message.startswith("Mise à jour reçue"), message
    assert len(message) < 200, message


def test_sound_cells_give_their_value() -> None:
    assert validation.cell('["Thảo « ok »",{"12":3}]', "x") == "Thảo « ok »"
    assert validation.cell('[["#a","#b"],{"1":1,"2":9}]', "x") == ["#a", "#b"]
    assert validation.cell("[-1.5e3,{}]", "x") == -1500.0
    assert validation.cell("[null,{}]", "x") is None


def test_every_reference_field_is_checked_for_its_owner() -> None:
    """A field that names another entity (``…_id``, ``…_ids``) is in ``REFERENCES``, so that a
    copy cannot point to what belongs to another atelier (a field a branch adds included)."""
    for kind, cls in ENTITY_TYPES.items():
        names = {f.name for f in dataclasses.fields(cls)} - {"id", "session_id", "series_id"}
        pointing = {n for n in names if n.endswith(("_id", "_ids")) or n == "merged_into"}
        assert pointing == set(validation.REFERENCES.get(kind, {})), kind
        for targets in validation.REFERENCES.get(kind, {}).values():
            assert set(targets) <= set(ENTITY_TYPES)


def test_shown_values_are_one_short_line_with_escapes() -> None:
    assert shown("\x1b[2Jabc\ndef") == "\\x1b[2Jabc\\x0adef"
    assert shown("x" * 1000) == "x" * 60 + "…"
    assert shown("a\ud800") == "a\\ud800"
    assert shown("Thảo « ok »") == "Thảo « ok »"


def test_media_files_are_only_plain_files_of_the_media_folder(tmp_path) -> None:
    media = tmp_path / "media"
    media.mkdir()
    (media / "a1.jpg").write_bytes(b"x")
    (tmp_path / "secret.jpg").write_bytes(b"x")
    os.symlink(tmp_path / "secret.jpg", media / "link.jpg")
    assert media_file(media, "a1.jpg") == media / "a1.jpg"
    for name in ("", "../secret.jpg", str(tmp_path / "secret.jpg"), "link.jpg", "b.jpg", "."):
        assert media_file(media, name) is None, name
    assert media_file(None, "a1.jpg") is None


def test_rows_written_by_an_older_version_cannot_reach_outside_at_use(
    store, demo, data_dir, tmp_path
) -> None:
    """A photo or portrait name stored before the checks existed is refused where it is used."""
    secret = tmp_path / "secret.jpg"
    secret.write_bytes(JPEG)
    data_dir.media.mkdir(parents=True)
    session: Session = list_sessions(store, demo.id)[0]
    store.put_many([photos.Photo(session_id=session.id, file_name=str(secret), caption="x")])
    persona = store.find(Persona, series_id=demo.id)[0]
    store.put_many([dataclasses.replace(persona, portrait="../../secret.jpg")])
    gathered = report.gather_session(store, session, media_dir=data_dir.media)
    assert gathered.photos == ()
    from exports.persona_deck import deck_pdf

    data, _ = deck_pdf(store.find(Persona, series_id=demo.id), media_dir=data_dir.media)
    assert b"/Subtype /Image" not in data  # the secret was not embedded
    (data_dir.media / "persona-1.jpg").write_bytes(secret.read_bytes())
    store.put_many([dataclasses.replace(persona, portrait="persona-1.jpg")])
    data, _ = deck_pdf(store.find(Persona, series_id=demo.id), media_dir=data_dir.media)
    assert b"/Subtype /Image" in data  # (the check can fail: a real portrait is embedded)


def test_the_booklet_logo_is_read_only_from_the_media_folder(
    store, demo, data_dir, tmp_path
) -> None:
    """A template or a copy may name any path as the logo: only a file of media/ with that
    name is ever used."""
    import copy

    from fabrique_desktop.model import Series

    outside = tmp_path / "secret.png"
    outside.write_bytes(JPEG)
    data_dir.media.mkdir(parents=True)
    series = store.get(Series, demo.id)
    template = copy.deepcopy(series.template)
    template["booklet"] = {"logo": str(outside)}
    hostile = dataclasses.replace(series, template=template)
    assert report.gather_series(store, hostile, media_dir=data_dir.media).booklet.logo == ""
    (data_dir.media / "secret.png").write_bytes(JPEG)  # the same name, inside media/
    logo = report.gather_series(store, hostile, media_dir=data_dir.media).booklet.logo
    assert logo == str(data_dir.media / "secret.png")
    with pytest.raises(BundleError, match="logo"):
        validation.record(
            "series",
            {**hostile.to_record(), "template": {**template, "booklet": {"logo": "../x/../"}}},
        )
