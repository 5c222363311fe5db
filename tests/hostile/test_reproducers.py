"""The attacks of issue #14, one by one: each is now a clean refusal (exit 1, a French line
naming the file, nothing changed) or, where the data is sound, an import that keeps every
other atelier and series as it was and leaves the app able to open and export."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fabrique_desktop.bundle import FORMAT_VERSION
from fabrique_desktop.paths import DataDir
from tests.hostile.helpers import (
    World,
    dump,
    export_copy,
    forge_cells,
    opens_and_exports,
    outside,
    refused_cleanly,
    rows_only,
    run,
    seal,
)

Tamper = Callable[[dict[str, Any], World], None]


def _first(document: dict[str, Any], kind: str) -> dict[str, Any]:
    return document["entities"][kind][0]


def _card(document, world):
    return _first(document, "cards")


BUNDLE_ATTACKS: dict[str, Tamper] = {
    # 3. accepted data that broke the app afterwards
    "nan-position": lambda d, w: _card(d, w).update(position=float("nan")),
    "infinite-position": lambda d, w: _card(d, w).update(position=float("inf")),
    "string-persona-position": lambda d, w: _first(d, "personas").update(position="haut"),
    "string-template": lambda d, w: d["series"].update(template="modèle"),
    "string-session-number": lambda d, w: d["session"].update(number="trois"),
    "huge-card": lambda d, w: _card(d, w).update(text="idée " * 40_000),
    "5000-tags": lambda d, w: _card(d, w).update(tags=[f"#t{i}" for i in range(5000)]),
    "huge-tag": lambda d, w: _card(d, w).update(tags=["#" + "x" * 100_000]),
    "values-strings": lambda d, w: d["series"]["template"].update(values=["a", "b"]),
    "paradoxes-ints": lambda d, w: d["series"]["template"].update(paradoxes=[1, 2]),
    # 4. bug exits
    "huge-int": lambda d, w: d["session"].update(number=2**63),
    "lone-surrogate": lambda d, w: _card(d, w).update(text="idée \ud800"),
    "int-timestamp": lambda d, w: _card(d, w).update(updated_at=5),
    "list-timestamp": lambda d, w: d["session"].update(created_at=[]),
    "ansi-in-value": lambda d, w: _card(d, w).update(horizon="\x1b[31m2050\x1b[0m"),
    "colour-newline": lambda d, w: _first(d, "personas").update(colour="#FFFFFF\n"),
    "nul-in-text": lambda d, w: _card(d, w).update(text="a\x00b"),
    "bool-as-number": lambda d, w: d["session"].update(number=True),
    "dict-as-text": lambda d, w: _card(d, w).update(text={"a": 1}),
    # 2. files from anywhere on disk
    "photo-absolute": lambda d, w: _first(d, "photos").update(file_name="/etc/passwd"),
    "photo-dotdot": lambda d, w: _first(d, "photos").update(file_name="../../secret.jpg"),
    "portrait-absolute": lambda d, w: _first(d, "personas").update(portrait="/etc/hosts"),
    "portrait-dotdot": lambda d, w: _first(d, "personas").update(portrait="../fabrique.db"),
    # 1. writes beyond the atelier
    "move-card-of-atelier-3": lambda d, w: _card(d, w).update(
        id=w.card_of_atelier3, text="réécrite"
    ),
    "move-persona-of-series-b": lambda d, w: _first(d, "personas").update(
        id=w.persona_of_b, first_name="Pirate"
    ),
    "card-of-atelier-3-claimed": lambda d, w: _card(d, w).update(session_id=w.atelier3),
    # references to what belongs to another atelier or series (nothing moved, but pointed to)
    "idea-names-table-of-atelier-3": lambda d, w: _card(d, w).update(table_id=w.table_of_atelier3),
    "idea-names-persona-of-series-b": lambda d, w: _card(d, w).update(persona_id=w.persona_of_b),
    "idea-merged-into-atelier-3": lambda d, w: _card(d, w).update(merged_into=w.card_of_atelier3),
    "table-seats-persona-of-series-b": lambda d, w: _first(d, "tables").update(
        persona_ids=[w.persona_of_a, w.persona_of_b]
    ),
}


def _series_b_rename(document: dict[str, Any], world: World) -> None:
    document["series"]["id"] = world.series_b
    document["series"]["title"] = "Série renommée"
    document["session"]["series_id"] = world.series_b
    for kind in ("personas", "dreams", "quotes"):
        for row in document["entities"].get(kind, []):
            row["series_id"] = world.series_b


BUNDLE_ATTACKS["rename-series-b-and-move-atelier"] = _series_b_rename


def _into_series_b(document: dict[str, Any], world: World) -> None:
    """Atelier 1 said to be of series B, without the deck that would name series A: only the
    atelier's own series check stands in the way."""
    _series_b_rename(document, world)
    document["series"]["title"] = "B"
    for kind in ("personas", "dreams", "quotes"):
        document["entities"].pop(kind, None)
    for card in document["entities"].get("cards", []):
        card["persona_id"] = None
    for table in document["entities"].get("tables", []):
        table["persona_ids"] = []


BUNDLE_ATTACKS["atelier-into-series-b-without-its-deck"] = _into_series_b


def _attack(world: World, tmp_path: Path, tamper: Tamper, rows: bool) -> tuple[Path, list[str]]:
    document = export_copy(world, tmp_path / "base.json")
    if rows:
        document = rows_only(document)
    tamper(document, world)
    target = tmp_path / "copie-piégée.json"
    target.write_text(seal(document), encoding="utf-8")
    return target, dump(world.root)


@pytest.mark.parametrize("rows", [True, False], ids=["format-1", "format-2"])
@pytest.mark.parametrize("name", list(BUNDLE_ATTACKS))
def test_crafted_copies_are_refused(world, tmp_path, name, rows) -> None:
    target, before = _attack(world, tmp_path, BUNDLE_ATTACKS[name], rows)
    refused_cleanly(run(world.root, "import", str(target)), before, world.root, target.name)


def test_crdt_null_does_not_skip_the_checks(world, tmp_path) -> None:
    def tamper(document: dict[str, Any], w: World) -> None:
        document["crdt"] = None
        _card(document, w).update(position=float("nan"))

    target, before = _attack(world, tmp_path, tamper, rows=False)
    refused_cleanly(run(world.root, "import", str(target)), before, world.root, target.name)


DOCUMENT_ATTACKS: dict[str, Callable[[dict[str, Any], World], tuple[str, str, dict]]] = {
    # what a live peer or a copy's merge document could carry
    "nan-position": lambda d, w: ("cards", _card(d, w)["id"], {"position": float("nan")}),
    "huge-text": lambda d, w: ("cards", _card(d, w)["id"], {"text": "x" * 150_000}),
    "photo-outside": lambda d, w: ("photos", _first(d, "photos")["id"], {"file_name": "../x"}),
    "card-of-atelier-3": lambda d, w: (
        "cards",
        w.card_of_atelier3,
        {k: v for k, v in {**_card(d, w), "id": w.card_of_atelier3}.items()},
    ),
    "atelier-into-series-b": lambda d, w: ("sessions", w.atelier1, {"series_id": w.series_b}),
    "quote-of-series-b": lambda d, w: (
        "quotes",
        "q1",
        {
            "id": "q1",
            "session_id": w.atelier1,
            "series_id": w.series_b,
            "created_at": "2026-01-01T00:00:00+00:00",
            "updated_at": "2026-01-01T00:00:00+00:00",
            "text": "x",
        },
    ),
    "tags-5000": lambda d, w: ("cards", _card(d, w)["id"], {"tags": ["#t"] * 5000}),
    "string-number": lambda d, w: ("sessions", w.atelier1, {"number": "un"}),
    "idea-names-table-of-atelier-3": lambda d, w: (
        "cards",
        _card(d, w)["id"],
        {"table_id": w.table_of_atelier3},
    ),
    "idea-names-persona-of-series-b": lambda d, w: (
        "cards",
        _card(d, w)["id"],
        {"persona_id": w.persona_of_b},
    ),
}


@pytest.mark.parametrize("name", list(DOCUMENT_ATTACKS))
def test_crafted_merge_documents_are_refused(world, tmp_path, name) -> None:
    def tamper(document: dict[str, Any], w: World) -> None:
        kind, entity_id, values = DOCUMENT_ATTACKS[name](document, w)
        forge_cells(document, kind, entity_id, values)

    target, before = _attack(world, tmp_path, tamper, rows=False)
    refused_cleanly(run(world.root, "import", str(target)), before, world.root, target.name)


RAW_CELLS = {
    "deep-cell": "[" * 100_000,
    "object-in-cell": '[{"a":{"b":1}},{"1":2}]',
    "nested-list-cell": '[[["#a"]],{"1":2}]',
    "two-values-in-cell": '["a",{"1":2}]["b",{}]',
    "huge-counter": '["a",{"1":' + "9" * 30 + "}]",
}


@pytest.mark.parametrize("name", list(RAW_CELLS))
def test_odd_cells_of_a_merge_document_are_refused(world, tmp_path, name) -> None:
    def tamper(document: dict[str, Any], w: World) -> None:
        forge_cells(
            document, "cards", _card(document, w)["id"], {"tags": RAW_CELLS[name]}, raw=True
        )

    target, before = _attack(world, tmp_path, tamper, rows=False)
    refused_cleanly(run(world.root, "import", str(target)), before, world.root, target.name)


def test_references_to_this_ateliers_tables_and_this_series_personas_merge(world, tmp_path) -> None:
    """The control of the references' refusals: an idea of atelier 1 given to one of its own
    tables and to a persona of series A is an ordinary note-taker's edit."""

    def tamper(document: dict[str, Any], w: World) -> None:
        table = _first(document, "tables")["id"]
        forge_cells(
            document,
            "cards",
            _card(document, w)["id"],
            {"table_id": table, "persona_id": w.persona_of_a},
        )
        _card(document, w).update(table_id=table, persona_id=w.persona_of_a)

    before_outside = outside(world.root, world.atelier1, world.series_a)
    target, _ = _attack(world, tmp_path, tamper, rows=False)
    result = run(world.root, "import", str(target))
    assert result.code == 0, result.err
    assert outside(world.root, world.atelier1, world.series_a) == before_outside


def test_a_sound_copy_merges_without_touching_anything_else(world, tmp_path) -> None:
    """The control: the same road accepts a real note-taker's work (long but sane texts,
    accents, RTL and CJK names, tags), leaves other ateliers and series alone, and every
    export of the atelier still works."""

    def tamper(document: dict[str, Any], w: World) -> None:
        card = dict(_card(document, w))
        card.update(
            id="note-taker-card-1",
            text="Une très longue idée, " * 90,
            tags=[f"#thème{i}" for i in range(40)],
        )
        document["entities"]["cards"].append(card)

    before_outside = outside(world.root, world.atelier1, world.series_a)
    target, _ = _attack(world, tmp_path, tamper, rows=True)
    result = run(world.root, "import", str(target))
    assert result.code == 0, result.err
    assert outside(world.root, world.atelier1, world.series_a) == before_outside
    opens_and_exports(world.root, world.atelier1, tmp_path)


# --------------------------------------------------------------------------- zip entries


def _zip(tmp_path: Path, world: World, mangle: Callable[[bytes], bytes]) -> Path:
    document = export_copy(world, tmp_path / "base.json")
    target = tmp_path / "copie.fabrique"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("atelier.json", seal(document).encode("utf-8"))
    target.write_bytes(mangle(target.read_bytes()))
    return target


def _encrypted(data: bytes) -> bytes:
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        out[at + offset] |= 0x1
    return bytes(out)


def _corrupt(data: bytes) -> bytes:
    out = bytearray(data)
    start = data.find(b"atelier.json") + len("atelier.json")
    for i in range(start + 10, start + 60):
        out[i] ^= 0x5A
    return bytes(out)


def _byte_missing(data: bytes) -> bytes:
    """One byte lost near the start (a damaged stick): the archive's offsets all point too
    far, and zipfile seeks before the start of the file (« Invalid argument »)."""
    return data[:4] + data[5:]


@pytest.mark.parametrize(
    "mangle",
    [_encrypted, _corrupt, _byte_missing],
    ids=["encrypted", "corrupt-deflate", "byte-missing"],
)
def test_broken_zip_entries_are_refused(world, tmp_path, mangle) -> None:
    target = _zip(tmp_path, world, mangle)
    before = dump(world.root)
    refused_cleanly(run(world.root, "import", str(target)), before, world.root, target.name)


def _damaged_photo(archive: Path, compression: int) -> None:
    """The archive again, its photo written with ``compression``, then bytes of it changed."""
    with zipfile.ZipFile(archive) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(archive, "w") as target:
        for name, data in entries:
            target.writestr(name, data, compress_type=compression)
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as source:
        info = next(i for i in source.infolist() if i.filename.startswith("media/"))
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 5, start + 40):
        data[i] ^= 0x5A
    archive.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED], ids=["stored", "deflated"]
)
def test_a_damaged_photo_in_an_archive_is_refused(world, tmp_path, compression) -> None:
    """A copy made elsewhere (its photo not here yet) whose photo is damaged on the way: the
    refusal names the archive and says what is wrong in French (it said « Impossible
    d'extraire les photos dans « …/media » : Bad CRC-32 for file 'media/….jpg' »)."""
    target = tmp_path / "copie.fabrique"
    assert run(world.root, "export", world.atelier1, "-f", "bundle", "-o", str(target)).code == 0
    _damaged_photo(target, compression)
    media = DataDir(world.root).media
    for photo in media.glob("*.jpg"):
        if not photo.name.startswith("persona-"):
            photo.unlink()  # this laptop has not seen it
    files, before = sorted(media.iterdir()), dump(world.root)
    refused_cleanly(run(world.root, "import", str(target)), before, world.root, target.name)
    assert sorted(media.iterdir()) == files  # nothing half-written left


# --------------------------------------------------------------------------- raw JSON


RAW = {
    "deep-nesting": lambda text: text.replace('"handout": null', '"handout": ' + "[" * 100_000),
    "deep-nesting-shallow": lambda text: text.replace(
        '"handout": null', '"handout": ' + "[" * 500 + "]" * 500
    ),
    "4301-digit-int": lambda text: text.replace(
        f'"format_version": {FORMAT_VERSION}', '"format_version": 1' + "0" * 4300
    ),
    "nan-literal": lambda text: text.replace('"number": 1,', '"number": NaN,', 1),
    "infinity-literal": lambda text: text.replace('"number": 1,', '"number": -Infinity,', 1),
    "not-utf8": lambda text: text.replace("Atelier 1", "Atelier \udcff1"),
}


@pytest.mark.parametrize("name", list(RAW))
def test_raw_json_oddities_are_refused(world, tmp_path, name) -> None:
    document = export_copy(world, tmp_path / "base.json")
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True)
    target = tmp_path / "copie.json"
    target.write_bytes(RAW[name](text).encode("utf-8", "surrogateescape"))
    before = dump(world.root)
    refused_cleanly(run(world.root, "import", str(target)), before, world.root, target.name)


# --------------------------------------------------------------------------- spreadsheets


CSV = {
    "bom-then-cp1252": "\ufefftexte\nune idée".encode() + "\nl'été".encode("cp1252"),
    "nul-after-4k": ("texte\n" + "une idée\n" * 600).encode() + b"a\x00b\n",
    "ansi-escape-in-column": "texte,colonne\nune idée,\x1b[2J\x1b[31mVivre\n".encode(),
    "huge-unknown-persona": ("texte,persona\nune idée," + "P" * 100_000 + "\n").encode(),
    "escape-in-text": "texte\nune \x1b[31midée\n".encode(),
    "51-tags": ("texte,thèmes\nune idée," + " ".join(f"#t{i}" for i in range(51)) + "\n").encode(),
    "long-tag": ("texte,thèmes\nune idée,#" + "x" * 100 + "\n").encode(),
}


@pytest.mark.parametrize("name", list(CSV))
def test_crafted_spreadsheets_are_refused(world, tmp_path, name) -> None:
    target = tmp_path / "idées.csv"
    target.write_bytes(CSV[name])
    before = dump(world.root)
    result = run(world.root, "import-cards", world.atelier1, str(target))
    refused_cleanly(result, before, world.root, target.name)


def test_a_2000_idea_spreadsheet_imports(world, tmp_path) -> None:
    # atelier 1 is a Valeurs atelier: « Atouts » is a column of its wall
    rows = "\n".join(f"Idée numéro {i} pour la métropole,atouts,#thème{i % 7}" for i in range(2000))
    target = tmp_path / "atelier.csv"
    target.write_text("texte,colonne,thèmes\n" + rows + "\n", encoding="utf-8")
    before_outside = outside(world.root, world.atelier1, world.series_a)
    result = run(world.root, "import-cards", world.atelier1, str(target))
    assert result.code == 0, result.err
    assert "2000 idées" in result.out
    assert outside(world.root, world.atelier1, world.series_a) == before_outside
    opens_and_exports(world.root, world.atelier1, tmp_path, pdf=False)


# --------------------------------------------------------------------------- templates


def _template(world: World, tmp_path: Path) -> dict[str, Any]:
    target = tmp_path / "base-modele.json"
    assert run(world.root, "export-template", world.series_a, "-o", str(target)).code == 0
    return json.loads(target.read_text(encoding="utf-8"))


TEMPLATE_ATTACKS: dict[str, Callable[[dict[str, Any]], None]] = {
    "atelier-number-one": lambda t: t["series"]["ateliers"][0].update(number="one"),
    "atelier-number-float": lambda t: t["series"]["ateliers"][0].update(number=1.5),
    "worries-int": lambda t: t["personas"][0].update(worries=5),
    "dict-title": lambda t: t["personas"][0].update(first_name={"a": 1}),
    "list-town": lambda t: t["personas"][0].update(town=["a", "b"]),
    "values-strings": lambda t: t.update(values=["a", "b"]),
    "paradoxes-ints": lambda t: t.update(paradoxes=[1, 2]),
    "200000-personas": lambda t: t.update(personas=[t["personas"][0]] * 200_000),
    "100000-ateliers": lambda t: t["series"].update(
        ateliers=[t["series"]["ateliers"][0]] * 100_000
    ),
    "5mb-title": lambda t: t.update(title="T" * 5_000_000),
    "colour-newline": lambda t: t["columns"][1].update(colour="#FFFFFF\n"),
    "persona-colour-newline": lambda t: t["personas"][0].update(colour="#FFFFFF\n"),
    "age-huge": lambda t: t["personas"][0].update(age=10**30),
    "series-string": lambda t: t.update(series="plan"),
    "phases-list": lambda t: t.update(phases=["valeurs"]),
    "phase-unknown-column": lambda t: t.update(
        phases={"valeurs": {"columns": ["inbox", "x", "y"]}}
    ),
    "phase-without-inbox": lambda t: t.update(
        phases={"valeurs": {"columns": ["art", "inbox", "x"]}}
    ),
    "phase-column-newline": lambda t: t["phases"]["valeurs"]["columns"][1].update(key="a\nb"),
    "phase-unknown": lambda t: t["phases"].update(reunion={"columns": ["inbox", "art", "mieux"]}),
    "recit-title-int": lambda t: t.update(recit={"title": 2047}),
}


@pytest.mark.parametrize("name", list(TEMPLATE_ATTACKS))
def test_crafted_templates_are_refused(world, tmp_path, name) -> None:
    document = _template(world, tmp_path)
    TEMPLATE_ATTACKS[name](document)
    target = tmp_path / "modèle.json"
    target.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    before = dump(world.root)
    result = run(world.root, "import-template", str(target))
    refused_cleanly(result, before, world.root, target.name)


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_templates_with_non_finite_numbers_are_refused(world, tmp_path, literal) -> None:
    text = json.dumps(_template(world, tmp_path), ensure_ascii=False)
    target = tmp_path / "modèle.json"
    target.write_text(text.replace('"age": 54', f'"age": {literal}', 1), encoding="utf-8")
    before = dump(world.root)
    result = run(world.root, "import-template", str(target))
    refused_cleanly(result, before, world.root, target.name)
