"""The booklet's logo travels with the series: in a .fabrique copy and in an exported
template, and lands in the other computer's media folder (issue 15)."""

from __future__ import annotations

import base64
import json

from db.store import Store
from exports.png import png_bytes
from fabrique_desktop import booklet, report
from fabrique_desktop.model import Series
from fabrique_desktop.workspace import list_series

SERIES = "La Fabrique — Acte 1"


def _png() -> bytes:
    return png_bytes(40, 20, [b"\xc6\x28\x28" * 40] * 20)  # a red rectangle


def _with_logo(fabrique, tmp_path) -> tuple[str, bytes]:
    """The demo series of the test's data folder, with a logo: its id and the logo's bytes."""
    fabrique("series")
    data = tmp_path / "data"
    logo = _png()
    store = Store.open(data / "fabrique.db")
    series = list_series(store)[0]
    name = booklet.keep_logo(data / "media", logo)
    store.apply(booklet.edit_texts(series, {"logo": name, "organisation": "Métropole"}))
    store.close()
    return series.id, logo


def _logo_of(data_dir, title: str = "", series_id: str = "") -> bytes:
    store = Store.open(data_dir / "fabrique.db")
    try:
        series = next(
            s for s in store.find(Series) if series_id in (s.id, "") and title in (s.title, "")
        )
        found = report.gather_series(store, series, media_dir=data_dir / "media").booklet.logo
    finally:
        store.close()
    assert found, "the booklet finds no logo"
    return (data_dir / "media" / found).read_bytes()


def test_a_fabrique_copy_carries_the_logo(fabrique, tmp_path) -> None:
    series_id, logo = _with_logo(fabrique, tmp_path)
    copy = tmp_path / "copie.fabrique"
    fabrique("export", "Atelier 3", "--format", "bundle", "-o", str(copy))
    other = tmp_path / "other"
    fabrique("import", str(copy), data_dir=other)
    assert _logo_of(other, series_id=series_id) == logo


def test_an_exported_template_carries_the_logo(fabrique, tmp_path) -> None:
    _, logo = _with_logo(fabrique, tmp_path)
    target = tmp_path / "modele.json"
    fabrique("export-template", SERIES, "-o", str(target))
    document = json.loads(target.read_text(encoding="utf-8"))
    assert base64.b64decode(document["booklet"]["logo_data"]) == logo
    other = tmp_path / "other"
    result = fabrique("import-template", str(target), data_dir=other)
    title = result.stdout.split("« ")[1].split(" »")[0]
    assert _logo_of(other, title=title) == logo
    store = Store.open(other / "fabrique.db")
    series = next(s for s in store.find(Series) if s.title == title)
    store.close()
    assert "logo_data" not in series.template["booklet"]  # the file is in media/, not the db


def test_a_template_whose_logo_is_not_an_image_is_refused(fabrique, tmp_path) -> None:
    _with_logo(fabrique, tmp_path)
    target = tmp_path / "modele.json"
    fabrique("export-template", SERIES, "-o", str(target))
    document = json.loads(target.read_text(encoding="utf-8"))
    cases = {
        "script.json": (base64.b64encode(b"#!/bin/sh\nrm -rf /\n").decode(), "PNG ou JPEG"),
        "garbage.json": ("pas du base64 !", "base64"),
        "huge.json": ("A" * 1_500_000, "dépasse"),
    }
    other = tmp_path / "other"
    for name, (encoded, message) in cases.items():
        document["booklet"]["logo_data"] = encoded
        path = tmp_path / name
        path.write_text(json.dumps(document), encoding="utf-8")
        result = fabrique("import-template", str(path), data_dir=other, check=False)
        assert result.returncode == 1, name
        assert message in result.stderr, (name, result.stderr)
        assert "Traceback" not in result.stderr
        assert not list((other / "media").glob("logo-*")) if (other / "media").exists() else True
