"""Hostile inputs: a data folder worth attacking, crafted files, and what must hold after.

The folder (built once per test run, copied for each attack): the demo series « A » (five
ateliers, the seed's 87 cards in atelier 3), atelier 1 with a few ideas, a table, a photo and
a portrait, and a second series « B » made from A's template. Attacks are crafted from real
exports of atelier 1, as a note-taker's copy would be.
"""

from __future__ import annotations

import base64
import contextlib
import copy
import io
import json
import os
import re
import shutil
import sqlite3
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.store import Store
from fabrique_desktop import board, bundle, photos, tables, template_exchange
from fabrique_desktop.cli import main
from fabrique_desktop.model import Card, Persona, Series, Session, Table
from fabrique_desktop.paths import DataDir
from fabrique_desktop.personas import edit as edit_persona
from fabrique_desktop.workspace import ensure_first_use, list_sessions

JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b"
    "0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e3334"
    "32ffc0000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708"
    "090a0bffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114"
    "328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748"
    "494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999a"
    "a2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7"
    "e8e9eaf1f2f3f4f5f6f7f8f9faffda0008010100003f00fbd3ffd9"
)


@dataclass(frozen=True)
class World:
    """Ids of the prepared data folder."""

    root: Path
    series_a: str
    series_b: str
    atelier1: str  # series A, a few ideas: the atelier whose copies are crafted
    atelier3: str  # series A, the demo ideas: another atelier
    b_atelier1: str  # series B
    card_of_atelier3: str
    persona_of_b: str
    persona_of_a: str
    table_of_atelier3: str


def build_world(root: Path) -> World:
    data = DataDir(root)
    store = Store.open(data.database)
    try:
        ensure_first_use(store)
        series_a = store.find(Series)[0]
        sessions = {s.number: s for s in list_sessions(store, series_a.id)}
        one, three = sessions[1], sessions[3]
        for text in (
            "Des jardins partagés #nature",
            "Un bus de nuit @Bernard",
            "Une école ouverte",
        ):
            store.apply(board.capture(store, one.id, text))
        store.apply(tables.add_tables(store, one.id, 2))
        store.apply(tables.add_tables(store, three.id, 1))
        data.media.mkdir(parents=True, exist_ok=True)
        source = root / "photo.jpg"
        source.write_bytes(JPEG)
        store.apply(photos.add(store, data.media, one.id, source, "Le mur"))
        persona_a = sorted(store.find(Persona, series_id=series_a.id), key=lambda p: p.position)[0]
        (data.media / "persona-0123456789ab.jpg").write_bytes(JPEG)
        store.apply(edit_persona(persona_a, portrait="persona-0123456789ab.jpg"))
        document = template_exchange.export_template(store, series_a)
        change, series_b = template_exchange.import_template(
            store, template_exchange.to_json(document), "b.json"
        )
        store.apply(change)
        b_one = next(s for s in list_sessions(store, series_b.id) if s.number == 1)
        store.apply(board.capture(store, b_one.id, "Une idée de la série B"))
        card3 = sorted(store.find(Card, session_id=three.id), key=lambda c: c.id)[0]
        persona_b = store.find(Persona, series_id=series_b.id)[0]
        return World(
            root,
            series_a.id,
            series_b.id,
            one.id,
            three.id,
            b_one.id,
            card3.id,
            persona_b.id,
            persona_a.id,
            store.find(Table, session_id=three.id)[0].id,
        )
    finally:
        store.close()


def fresh(world: World, target: Path) -> World:
    """A copy of the prepared folder (same ids) for one attack."""
    shutil.copytree(world.root, target)
    return World(target, *[getattr(world, f) for f in list(World.__dataclass_fields__)[1:]])


@dataclass
class Run:
    code: int
    out: str
    err: str


def run(root: Path, *args: str) -> Run:
    """The real command, in this process (fast enough to fuzz)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--data-dir", str(root), *args])
    return Run(code, out.getvalue(), err.getvalue())


def dump(root: Path) -> list[str]:
    """The database's content as SQL: equal dumps, nothing changed."""
    uri = f"file:{DataDir(root).database}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def outside(root: Path, session_id: str, series_id: str) -> list[str]:
    """Every row that belongs neither to ``session_id`` nor to ``series_id`` (the series'
    row itself and its deck may change; its other ateliers may not)."""
    uri = f"file:{DataDir(root).database}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    conn.row_factory = sqlite3.Row
    rows: list[str] = []
    try:
        names = [
            r[0]
            for r in conn.execute("select name from sqlite_master where type='table' order by 1")
        ]
        for name in names:
            columns = [r[1] for r in conn.execute(f"pragma table_info('{name}')")]
            if name == "series":
                where, args = "id != ?", [series_id]
            elif name == "sessions" and session_id == "-":  # a new series: its ateliers
                where, args = "series_id != ?", [series_id]
            elif name == "sessions":  # the other ateliers of its series too
                where, args = "id != ?", [session_id]
            elif "session_id" in columns:
                where, args = "session_id != ?", [session_id]
            elif "series_id" in columns:
                where, args = "series_id != ?", [series_id]
            else:
                continue
            for row in conn.execute(f"select * from '{name}' where {where} order by 1", args):
                rows.append(f"{name}:{json.dumps(list(row), default=str)}")
    finally:
        conn.close()
    return rows


# crafting


def export_copy(world: World, target: Path, session_id: str | None = None) -> dict[str, Any]:
    """A real note-taker's copy (format 2) of atelier 1, as a dict to tamper with."""
    result = run(
        world.root, "export", session_id or world.atelier1, "-f", "json", "-o", str(target)
    )
    assert result.code == 0, result.err
    return json.loads(target.read_text(encoding="utf-8"))


def rows_only(document: dict[str, Any]) -> dict[str, Any]:
    """The same copy as format 1 (rows only, merged per row): the older road."""
    document = copy.deepcopy(document)
    document["format_version"] = 1
    document.pop("crdt", None)
    document.pop("handout", None)
    return document


def seal(document: dict[str, Any]) -> str:
    """A correct checksum again, as a careful forger would compute it."""
    keys = ("series", "session", "entities")
    if document.get("format_version", 0) >= 2:
        keys += ("crdt", "handout")
    document["checksum"] = bundle._checksum({k: document.get(k) for k in keys})
    return json.dumps(document)


def forge_cells(
    document: dict[str, Any],
    kind: str,
    entity_id: str,
    values: dict[str, Any],
    *,
    raw: bool = False,
) -> None:
    """Write fields of one entity into the copy's CRDT document (they win: written last);
    ``raw``: the values are the cells' texts themselves."""
    from pycrdt import Map

    from fabrique_desktop.crdt import SessionDoc

    doc = SessionDoc([base64.b64decode(document["crdt"]["update"])])
    root = doc.doc.get(kind, type=Map)
    for name, value in values.items():
        root[f"{entity_id}:{name}"] = value if raw else json.dumps([value, {"1": 1}])
    document["crdt"]["update"] = base64.b64encode(doc.update()).decode("ascii")


# what must hold


def refused_cleanly(result: Run, before: list[str], root: Path, name: str) -> None:
    assert result.code == 1, (result.code, result.err[-2000:])
    assert "Traceback" not in result.err
    assert "inattendue" not in result.err
    assert "erreur interne" not in result.err  # the bug exit's words since #12
    message = result.err.strip()
    assert message.startswith("fabrique : "), message
    assert "\n" not in message, message
    assert len(message) < 400, message
    assert "\x1b" not in message
    assert name in message or "Ligne" in message or "Archive" in message, message
    assert is_french(message), message
    assert dump(root) == before


# words of an English (technical) message; the offending value, between « », may hold any
_ENGLISH = re.compile(
    r"\b(?:the|is|not|of|for|with|expected|invalid|must|cannot|can't|unable|failed|error|"
    r"errno|object|input|value|field|required|unexpected|exception|traceback|codec|decode|"
    r"encode|byte|binding|parameter|string|integer|column|line|file)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"«[^«»]*»")


def is_french(message: str) -> bool:
    """The app's own words of ``message`` (the quoted values aside) hold no English word."""
    words = _QUOTED.sub("«»", message.removeprefix("fabrique : "))
    return _ENGLISH.search(words) is None


def opens_and_exports(root: Path, session_id: str, tmp: Path, pdf: bool = True) -> None:
    """What a facilitator does next with an accepted import: it all works, reading no file
    outside the data folder's own (its media, its database)."""
    with reads() as opened:
        _opens_and_exports(root, session_id, tmp, pdf)
    data = DataDir(root)
    own = {data.database, data.settings, data.log_file}
    # the exports' own targets: an existing one is read to tell an earlier export from a
    # user's document (exports.safe_write.check_replaceable)
    outputs = {(tmp / name).resolve() for name in _EXPORT_TARGETS}
    for path in opened:
        inside = path.is_relative_to(data.media.resolve()) or path in {p.resolve() for p in own}
        inside = inside or path in outputs
        reaching = path.is_relative_to(root.resolve().parent) or path.is_relative_to("/etc")
        assert inside or not reaching or path.is_relative_to("/etc/fonts"), path


_EXPORT_FORMATS = ("csv", "md", "decidim", "json", "bundle", "pdf")
_EXPORT_TARGETS = (
    *(f"out.{fmt}" for fmt in _EXPORT_FORMATS),
    "export-series.pdf",
    "export-personas.pdf",
    "modele.json",
)


def _opens_and_exports(root: Path, session_id: str, tmp: Path, pdf: bool) -> None:
    listing = run(root, "sessions")
    assert listing.code == 0, listing.err
    gui_loads(root, session_id)
    window_opens(root, session_id)
    formats = [fmt for fmt in _EXPORT_FORMATS if pdf or fmt != "pdf"]
    for fmt in formats:
        result = run(root, "export", session_id, "-f", fmt, "-o", str(tmp / f"out.{fmt}"))
        assert result.code == 0, (fmt, result.err)
    store = Store.open(DataDir(root).database)
    try:
        session = store.get(Session, session_id)
        assert session is not None
        series_id = session.series_id
    finally:
        store.close()
    if pdf:
        for command in ("export-series", "export-personas"):
            result = run(root, command, series_id, "-o", str(tmp / f"{command}.pdf"))
            assert result.code == 0, (command, result.err)
    result = run(root, "export-template", series_id, "-o", str(tmp / "modele.json"))
    assert result.code == 0, result.err


_READING: list[list[Path]] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event != "open" or not _READING or not isinstance(args[0], str | bytes | os.PathLike):
        return
    mode, flags = args[1], args[2]
    if (mode is None and flags & os.O_ACCMODE == os.O_RDONLY) or (mode and "r" in mode):
        _READING[-1].append(Path(os.fsdecode(args[0])).resolve())


@contextlib.contextmanager
def reads() -> Iterator[list[Path]]:
    """The files this process opens for reading meanwhile (Python's audit hook: the PDFs'
    images, fonts and the app's own files are read through ``open``)."""
    if not getattr(reads, "hooked", False):
        sys.addaudithook(_audit)  # once: a hook cannot be removed
        reads.hooked = True  # type: ignore[attr-defined]
    opened: list[Path] = []
    _READING.append(opened)
    try:
        yield opened
    finally:
        _READING.pop()


def window_opens(root: Path, session_id: str) -> None:
    """The real window on the atelier, offscreen at the projector's 1280×720, painted once:
    no exception in its construction, its first events or its paint."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QTimer
    from PySide6.QtWidgets import QApplication

    from fabrique_desktop.settings import Settings
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    errors: list[str] = []
    hook = sys.excepthook
    sys.excepthook = lambda kind, error, tb: errors.append(
        "".join(traceback.format_exception(kind, error, tb))
    )
    data = DataDir(root)
    store = Store.open(data.database)
    window = None
    try:
        session = store.get(Session, session_id)
        assert session is not None
        window = MainWindow(store, session, Settings(data.settings))
        window.resize(1280, 720)
        window.show()
        for _ in range(3):
            app.processEvents()
        window.grab()
    finally:
        if window is not None:
            window.close()
            for timer in window.findChildren(QTimer):
                timer.stop()
            window.deleteLater()
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone now, not at exit
            app.processEvents()
        store.close()
        sys.excepthook = hook
    assert not errors, errors[0]


def gui_loads(root: Path, session_id: str) -> None:
    """What the window reads to open an atelier, without a window: the template, the board,
    the deck and its portraits, tables, votes, the agenda, photos, the report's data."""
    from fabrique_desktop import agenda, report, votes, workspace
    from fabrique_desktop.paths import media_file

    data = DataDir(root)
    store = Store.open(data.database)
    try:
        session = store.get(Session, session_id)
        assert session is not None
        series = store.get(Series, session.series_id)
        assert series is not None
        template = workspace.series_template(series)
        assert template.columns
        for card in board.session_cards(store, session.id):
            assert card.position == card.position  # not NaN
        for persona in store.find(Persona, series_id=series.id):
            path = media_file(data.media, persona.portrait)
            assert path is None or path.resolve().is_relative_to(data.media.resolve())
            assert isinstance(persona.position, float | int)
        tables.session_tables(store, session.id)
        votes.totals(store, session.id)
        agenda.activities(store, session.id)
        report.gather_session(store, session, media_dir=data.media)
        report.gather_series(store, series)
    finally:
        store.close()
