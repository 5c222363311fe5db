"""Property-based fuzzing of every format that comes from outside, starting from real files.

Each example takes a real export (a note-taker's copy of atelier 1, a spreadsheet of ideas,
the series' template), changes it the way an attacker or a broken tool would (types, sizes,
ids, ownership, characters), imports it with the real command into a copy of a prepared data
folder, and checks what must hold:

- refused: exit 1, one French line naming the file, the database byte-for-byte unchanged;
- accepted: every row of other ateliers and series unchanged, the atelier loads as the window
  loads it, and every export works (sessions listing, CSV, Markdown, Decidim, JSON, bundle,
  PDF report, series PDF, persona deck, template).

The suite runs a few examples per format (deterministic); ``FABRIQUE_FUZZ_EXAMPLES=500`` runs
a bigger random campaign by hand, and ``FABRIQUE_FUZZ_REPORT=file`` appends the counts.
"""

from __future__ import annotations

import json
import math
import os
import random
import re
import tempfile
import time
import warnings
import zipfile
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from fabrique_desktop.limits import is_media_name
from fabrique_desktop.paths import DataDir
from tests.hostile.helpers import (
    World,
    dump,
    export_copy,
    forge_cells,
    fresh,
    opens_and_exports,
    outside,
    refused_cleanly,
    rows_only,
    run,
    seal,
)

EXAMPLES = int(os.environ.get("FABRIQUE_FUZZ_EXAMPLES", "6"))
BY_HAND = "FABRIQUE_FUZZ_EXAMPLES" in os.environ
FUZZ = settings(
    max_examples=EXAMPLES,
    # by hand, an example that takes a minute is a hang (an export running for minutes)
    deadline=timedelta(seconds=60) if BY_HAND else None,
    derandomize=not BY_HAND,
    database=None,
    # by hand, the first failing example is shown as drawn: shrinking examples that run
    # every export takes longer than the campaign
    phases=(Phase.generate,) if BY_HAND else tuple(Phase),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
COUNTS: dict[str, Counter] = {}


def _count(fmt: str, outcome: str, detail: str = "") -> None:
    COUNTS.setdefault(fmt, Counter())[outcome] += 1
    report = os.environ.get("FABRIQUE_FUZZ_REPORT")
    if report:
        with open(report, "a", encoding="utf-8") as f:
            f.write(f"{fmt}\t{outcome}\t{detail!a}\n")


# hostile values

_CONTROL = st.sampled_from(["\x00", "\x1b[31m", "\n", "\r", "\t", "\x7f", "\u2028", "\ud800"])
_STRINGS = st.one_of(
    st.text(max_size=30),
    st.builds(lambda a, c, b: a + c + b, st.text(max_size=5), _CONTROL, st.text(max_size=5)),
    st.integers(0, 300_000).map(lambda n: "é" * n),
    st.sampled_from(
        [
            "",
            "../x.jpg",
            "/etc/passwd",
            "../photo.jpg",
            "#FFFFFF\n",
            "#FFFFFF",
            "inbox",
            "monde",
            "2040",
            "fa5s.user",
            "a1.jpg",
            "2026-01-01T00:00:00+00:00",
        ]
    ),
)
_NUMBERS = st.one_of(
    st.integers(-(2**70), 2**70),
    st.integers(-3, 200),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    # the edges, often (hypothesis alone drew a NaN in about one copy of 2 000)
    st.sampled_from([math.nan, math.inf, -math.inf, 2**63, -(2**63) - 1, 10**19, 1e12 + 1, -0.0]),
)
_SCALARS = st.one_of(st.none(), _NUMBERS, _STRINGS)
_SMALL = st.one_of(st.none(), _NUMBERS, st.text(max_size=8))
_VALUES = st.one_of(
    _SCALARS,
    st.lists(_SMALL, max_size=4),
    st.dictionaries(st.text(max_size=5), _SMALL, max_size=3),
    st.tuples(_SMALL, st.integers(0, 6000)).map(lambda t: [t[0]] * t[1]),
)
# what a real (if odd) note-taker could type: printable text, sane numbers
_PRINTABLE = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=300
)


def _plausible(old: Any, text: str, number: int, real: float, items: list[str]) -> Any:
    if isinstance(old, bool):
        return not old
    if isinstance(old, int):
        return number
    if isinstance(old, float):
        return real
    if isinstance(old, list):
        return items
    if isinstance(old, str):
        return text
    return old


def _foreign_ids(world: World) -> list[str]:
    return [
        world.card_of_atelier3,
        world.persona_of_b,
        world.persona_of_a,
        world.atelier3,
        world.b_atelier1,
        world.series_b,
        world.atelier1,
        world.series_a,
    ]


@st.composite
def _mutation(draw, world: World) -> dict[str, Any]:
    return {
        "road": draw(st.sampled_from(["format-1", "format-2-rows", "format-2-document"])),
        "kind": draw(
            st.sampled_from(["cards", "personas", "tables", "photos", "sessions", "series"])
        ),
        "field": draw(st.integers(0, 40)),
        "what": draw(
            st.sampled_from(
                [
                    "value",
                    "value",
                    "plausible",
                    "plausible",
                    "plausible",
                    "foreign-id",
                    "drop",
                    "add",
                ]
            )
        ),
        "value": draw(_VALUES),
        "plausible": (
            draw(_PRINTABLE),
            draw(st.integers(0, 500)),
            draw(st.floats(-1e6, 1e6)),
            draw(st.lists(_PRINTABLE.map(lambda t: "#" + t[:20]), max_size=8)),
        ),
        "foreign": draw(st.sampled_from(_foreign_ids(world))),
        "times": draw(st.integers(1, 3)),
    }


def _apply(document: dict[str, Any], mutation: dict[str, Any], world: World) -> None:
    kind = mutation["kind"]
    if kind == "sessions":
        row = document["session"]
    elif kind == "series":
        row = document["series"]
    else:
        rows = document["entities"].get(kind) or []
        if not rows:
            return
        row = rows[0]
    names = sorted(row)
    name = names[mutation["field"] % len(names)]
    what = mutation["what"]
    if what == "plausible":
        if name in ("id", "session_id", "series_id", "created_at", "updated_at"):
            return
        what, mutation = (
            "value",
            {**mutation, "value": _plausible(row[name], *mutation["plausible"])},
        )
    if mutation["road"] == "format-2-document" and kind not in ("series", "personas"):
        if what == "drop":
            return
        if what == "foreign-id":  # the whole row again, under an id that lives elsewhere
            forge_cells(document, kind, mutation["foreign"], {**row, "id": mutation["foreign"]})
        else:
            forge_cells(
                document, kind, row["id"], {name if what != "add" else "zz": mutation["value"]}
            )
        return
    if what == "drop":
        row.pop(name)
    elif what == "add":
        row["zz"] = mutation["value"]
    elif what == "foreign-id":
        row[name if name.endswith("id") else "id"] = mutation["foreign"]
    else:
        row[name] = mutation["value"]


def _check(world: World, target: Path, fmt: str, before: list[str], tmp: Path, keep: str) -> str:
    series = "-" if fmt == "template" else world.series_a
    before_outside = outside(world.root, keep, series)
    result = run(world.root, *_command(fmt, world, target))
    if result.code not in (0, 1):
        _count(fmt, "bug exit", result.err[-300:])
    assert result.code in (0, 1), (result.code, result.err[-3000:])
    if result.code == 1:
        _count(fmt, "refused", result.err.strip())
        refused_cleanly(result, before, world.root, target.name)
        return "refused"
    started = time.monotonic()
    _count(fmt, "accepted")
    try:
        return _accepted(world, fmt, result, tmp, keep, series, before_outside)
    finally:
        _count(fmt, "checked", f"{time.monotonic() - started:.1f} s")


def _accepted(
    world: World, fmt: str, result: Any, tmp: Path, keep: str, series: str, before: list[str]
) -> str:
    if fmt == "template":
        created = re.search(r"— (\S+)$", result.out.strip())
        assert created, result.out
        assert outside(world.root, "-", created.group(1)) == before
        _template_works(world, created.group(1), tmp)
        return "accepted"
    assert outside(world.root, keep, series) == before
    opens_and_exports(world.root, keep, tmp)
    return "accepted"


def _command(fmt: str, world: World, target: Path) -> list[str]:
    if fmt == "csv":
        return ["import-cards", world.atelier1, str(target)]
    if fmt == "template":
        return ["import-template", str(target)]
    return ["import", str(target)]


def _template_works(world: World, series_id: str, tmp: Path) -> None:
    from db.store import Store
    from fabrique_desktop.paths import DataDir
    from fabrique_desktop.workspace import list_sessions

    store = Store.open(DataDir(world.root).database)
    try:
        sessions = [s.id for s in list_sessions(store, series_id)]
    finally:
        store.close()
    if sessions:
        opens_and_exports(world.root, sessions[0], tmp)
    else:
        for command in ("export-series", "export-template"):
            out = tmp / f"{command}.out"
            assert run(world.root, command, series_id, "-o", str(out)).code == 0


@pytest.fixture(scope="module")
def base_copy(prepared: World, tmp_path_factory) -> dict[str, Any]:
    return export_copy(prepared, tmp_path_factory.mktemp("copy") / "base.json")


@FUZZ
@given(data=st.data())
def test_fuzz_bundles(prepared, base_copy, data) -> None:
    mutations = data.draw(st.lists(_mutation(prepared), min_size=1, max_size=3))
    document = json.loads(json.dumps(base_copy))
    if mutations[0]["road"] == "format-1":
        document = rows_only(document)
    for mutation in mutations:
        mutation["road"] = mutations[0]["road"]
        _apply(document, mutation, prepared)
    with tempfile.TemporaryDirectory() as tmp:
        world = fresh(prepared, Path(tmp) / "data")
        target = Path(tmp) / "copie.json"
        target.write_text(seal(document), encoding="utf-8")
        _check(world, target, "bundles", dump(world.root), Path(tmp), world.atelier1)


_ENTRY_NAMES = st.one_of(
    st.sampled_from(
        [
            "atelier.json",
            "media/x.jpg",
            "media/../x.jpg",
            "../x.jpg",
            "/tmp/x.jpg",
            "media/a/b.jpg",
            "media/",
            "media/.x",
            "média/x.jpg",
            "media/x.jpg\x00.txt",
        ]
    ),
    st.text(max_size=20),
)


@st.composite
def _archive_change(draw) -> tuple[str, Any]:
    """One thing done to a real ``.fabrique``: an entry added, renamed, dropped, stored with
    other flags, or bytes of the whole file changed."""
    what = draw(st.sampled_from(["add", "rename", "drop", "flags", "bytes", "bytes", "copy"]))
    if what == "bytes":
        return what, draw(
            st.lists(
                st.tuples(
                    st.sampled_from(["flip", "insert", "delete", "cut"]),
                    st.integers(0, 10**6),
                    st.binary(min_size=1, max_size=8),
                ),
                min_size=1,
                max_size=4,
            )
        )
    if what == "add":
        size = draw(st.sampled_from([0, 1, 100, 3 * 1024 * 1024]))
        return what, (draw(_ENTRY_NAMES), draw(st.binary(max_size=64)) + b"\0" * size)
    return what, (draw(st.integers(0, 5)), draw(_ENTRY_NAMES), draw(st.integers(0, 0xFFFF)))


def _rebuild(path: Path, changes: list[tuple[str, Any]]) -> None:
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    raw: list[tuple[str, Any]] = []
    for what, change in changes:
        if what == "bytes":
            raw.append((what, change))
        elif what == "add":
            entries.append((zipfile.ZipInfo(change[0]), change[1]))
        elif entries:
            index, name, flags = change
            info, payload = entries[index % len(entries)]
            if what == "drop":
                entries.remove((info, payload))
            elif what == "copy":
                entries.append((zipfile.ZipInfo(name), payload))
            elif what == "rename":
                info.filename = name
            else:
                info.flag_bits = flags & ~0x8  # no data descriptor: the writer cannot
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # « Duplicate name »: on purpose
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as target:
            for info, payload in entries:
                target.writestr(info, payload)
    data = bytearray(path.read_bytes())
    for _, edits in raw:
        for action, at, junk in edits:
            if not data:
                break
            at %= len(data)
            if action == "flip":
                data[at] ^= junk[0] or 1
            elif action == "insert":
                data[at:at] = junk
            elif action == "delete":
                del data[at : at + len(junk)]
            else:
                del data[at:]
    path.write_bytes(bytes(data))


@pytest.fixture(scope="module")
def base_archive(prepared: World, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("archive") / "base.fabrique"
    result = run(prepared.root, "export", prepared.atelier1, "-f", "bundle", "-o", str(target))
    assert result.code == 0, result.err
    return target


@FUZZ
@given(data=st.data())
def test_fuzz_archives(prepared, base_archive, data) -> None:
    """A note-taker's ``.fabrique`` (the copy and its photo, zipped) changed on the way, read
    by a laptop that lacks the photo or has it: refused cleanly (and no file left in media/),
    or accepted as for a copy (nothing written outside media/)."""
    changes = data.draw(st.lists(_archive_change(), min_size=1, max_size=3))
    with tempfile.TemporaryDirectory() as tmp:
        world = fresh(prepared, Path(tmp) / "data")
        media = DataDir(world.root).media
        if data.draw(st.booleans()):
            for photo in media.glob("*.jpg"):
                if not photo.name.startswith("persona-"):
                    photo.unlink()
        target = Path(tmp) / "copie.fabrique"
        target.write_bytes(base_archive.read_bytes())
        _rebuild(target, changes)
        before_media, before_jpg = sorted(media.iterdir()), _pictures(Path(tmp), media)
        outcome = _check(world, target, "archives", dump(world.root), Path(tmp), world.atelier1)
        if outcome == "refused":
            assert sorted(media.iterdir()) == before_media  # no photo, nor a partial one
        assert all(is_media_name(p.name) for p in media.iterdir()), list(media.iterdir())
        assert _pictures(Path(tmp), media) == before_jpg  # none extracted outside media/


def _pictures(tmp: Path, media: Path) -> list[Path]:
    """Every ``.jpg`` outside ``media``: in the attack's folder, and ``/tmp/x.jpg``."""
    found = [p for p in tmp.rglob("*.jpg") if p.parent != media]
    return sorted(found) + [p for p in [Path("/tmp/x.jpg")] if p.exists()]


_KNOWN = st.sampled_from(
    ["", "Vivre Monde", "monde", "Bernard", "Table 1", "2024", "2040", "#a #b", "x;y", '"']
)
_CELLS = st.one_of(_KNOWN, _KNOWN, _PRINTABLE, _STRINGS)
_WORD = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=12)
# what each column of a real spreadsheet holds (its names as a facilitator types them), so
# that many files get through and the accepted side is fuzzed too
_TYPED = {
    "texte": st.one_of(
        _PRINTABLE, _PRINTABLE.map(lambda t: "=" + t), st.integers(1990, 2010).map("é".__mul__)
    ),
    "colonne": st.sampled_from(  # atelier 1 is a Valeurs atelier: its phase's columns,
        # and three that are not (refused)
        [
            *("", "Atouts", "problemes", "Problèmes", "valeurs proposées", "À trier", "inbox"),
            *("Vivre Monde", "monde", "vivre ensemble"),
        ]
    ),
    "persona": st.sampled_from(["", "Bernard", "thảo", "Aïcha", "retraitee", "Infirmière"]),
    "horizon": st.sampled_from(["", "2024", "2040", " 2040 "]),
    "thèmes": st.one_of(
        st.sampled_from(["", "#a #b", "x;y", "mobilité, énergie", "#" * 3]),
        st.lists(_WORD, max_size=6).map("|".join),
        # at and past the limits (50 themes, 60 characters), built cheaply: hypothesis pays
        # for every character it draws, and big draws are thrown away as too large
        st.builds(
            lambda n, size, word: "|".join(
                ((word * size)[: size - 3] + f"{i:03}") for i in range(n)
            ),
            st.integers(45, 55),
            st.integers(55, 65),
            _WORD,
        ),
    ),
    "table": st.sampled_from(["", "Table 1", "1", "table 2"]),
    "x": st.one_of(_KNOWN, _PRINTABLE),
}
_HEADERS = list(_TYPED)


@FUZZ
@given(
    header=st.one_of(
        st.just(["texte", "colonne", "persona", "horizon", "thèmes", "table"]),
        st.lists(st.sampled_from(_HEADERS), min_size=1, max_size=6).map(
            lambda names: ["texte", *names]
        ),
        st.lists(st.sampled_from(_HEADERS), min_size=1, max_size=6).map(
            lambda names: [*names, "texte"]
        ),
        st.lists(st.sampled_from(_HEADERS), min_size=1, max_size=6),
    ),
    data=st.data(),
    delimiter=st.sampled_from([",", ";"]),
    # mostly UTF-8 without noise, so that most files are read and their rows are fuzzed
    encoding=st.sampled_from(["utf-8"] * 6 + ["utf-8-sig", "cp1252", "latin-1", "utf-16"]),
    noise=st.sampled_from([False] * 4 + [True]).flatmap(
        lambda noisy: (
            st.tuples(st.integers(0, 10_000), st.binary(min_size=1, max_size=4))
            if noisy
            else st.none()
        )
    ),
)
def test_fuzz_spreadsheets(prepared, header, data, delimiter, encoding, noise) -> None:
    def cell(value: str) -> str:
        if any(c in value for c in f'{delimiter}"\n\r'):
            return '"' + value.replace('"', '""') + '"'
        return value

    typed = st.lists(st.tuples(*[_TYPED[name] for name in header]), min_size=1, max_size=6)
    hostile = st.tuples(typed, st.lists(_CELLS, min_size=1, max_size=7), st.integers(0, 6)).map(
        lambda t: [*t[0][: t[2]], t[1], *t[0][t[2] :]]
    )
    anything = st.lists(st.lists(_CELLS, min_size=1, max_size=7), max_size=6)
    rows = data.draw(st.one_of(typed, typed, hostile, anything))
    lines = [delimiter.join(header)] + [delimiter.join(cell(v) for v in row) for row in rows]
    text = "\n".join(lines)
    text = text.encode(encoding, "surrogatepass" if "utf" in encoding else "replace")
    if noise is not None:
        at, junk = noise
        at = min(at, len(text))
        text = text[:at] + junk + text[at:]
    with tempfile.TemporaryDirectory() as tmp:
        world = fresh(prepared, Path(tmp) / "data")
        target = Path(tmp) / "idées.csv"
        target.write_bytes(text)
        _check(world, target, "csv", dump(world.root), Path(tmp), world.atelier1)


@pytest.fixture(scope="module")
def base_template(prepared: World, tmp_path_factory) -> dict[str, Any]:
    target = tmp_path_factory.mktemp("template") / "modele.json"
    assert run(prepared.root, "export-template", prepared.series_a, "-o", str(target)).code == 0
    return json.loads(target.read_text(encoding="utf-8"))


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node[:3]):
            found += _paths(value, (*prefix, i))
    return found


@FUZZ
@given(data=st.data())
def test_fuzz_templates(prepared, base_template, data) -> None:
    document = json.loads(json.dumps(base_template))
    paths = _paths(document)[1:]
    # hypothesis draws the first element most often: not always the top « format » key
    random.Random(14).shuffle(paths)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths))
        parent = document
        try:
            for key in path[:-1]:
                parent = parent[key]
            action = data.draw(
                st.sampled_from(["value", "plausible", "plausible", "drop", "repeat"])
            )
            if action == "plausible":
                old = parent[path[-1]]
                parent[path[-1]] = _plausible(
                    old,
                    data.draw(_PRINTABLE),
                    data.draw(st.integers(0, 500)),
                    data.draw(st.floats(-1e6, 1e6)),
                    data.draw(st.lists(_PRINTABLE, max_size=8)),
                )
            elif action == "drop" and isinstance(parent, dict):
                parent.pop(path[-1], None)
            elif action == "repeat" and isinstance(parent[path[-1]], list):
                items = parent[path[-1]]
                parent[path[-1]] = items * data.draw(st.integers(0, 400))
            else:
                parent[path[-1]] = data.draw(_VALUES)
        except (KeyError, IndexError, TypeError):
            continue
    text = json.dumps(document, ensure_ascii=data.draw(st.booleans()))
    with tempfile.TemporaryDirectory() as tmp:
        world = fresh(prepared, Path(tmp) / "data")
        target = Path(tmp) / "modèle.json"
        target.write_bytes(text.encode("utf-8", "surrogatepass"))
        _check(world, target, "template", dump(world.root), Path(tmp), "-")
