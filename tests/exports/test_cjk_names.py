"""Chinese, Japanese and Korean first names print as themselves in every PDF (session report,
series booklet, persona deck), drawn with the fonts shipped in resources/fonts/fallback and
embedded as subsets, whatever fonts the computer has."""

from __future__ import annotations

import io
import re

import pypdf
import pytest

from exports.persona_deck import deck_pdf
from exports.series_report import build_series_pdf
from exports.session_report import build_session_pdf
from fabrique_desktop import changes, personas
from fabrique_desktop.changes import Change
from fabrique_desktop.model import Persona, Table
from fabrique_desktop.report import gather_series, gather_session

NAMES = ("李明", "佐藤 花子", "김민준")
ROLES = ("工程师", "看護師 ひらがな", "학생")
TOWNS = ("北京", "東京", "서울")


@pytest.fixture
def cjk(store, demo, demo_session):
    people = [
        Persona(series_id=demo.id, first_name=n, role=r, town=t, position=30 + i)
        for i, (n, r, t) in enumerate(zip(NAMES, ROLES, TOWNS, strict=True))
    ]
    store.apply(Change("personas", tuple(changes.create(p) for p in people)))
    table = Table(
        session_id=demo_session.id, number=1, name="Table 1", persona_ids=[p.id for p in people]
    )
    store.apply(Change("tables", (changes.create(table),)))
    return people


def _text_and_fonts(data: bytes) -> tuple[str, dict[str, dict]]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    return "\n".join(page.extract_text() for page in reader.pages), fonts


def _assert_cjk_survives(data: bytes) -> None:
    text, fonts = _text_and_fonts(data)
    for word in NAMES + TOWNS:
        assert word in text, word
    faces = {re.sub(r"^/[A-Z]{6}\+", "", name) for name in fonts}
    assert {"DroidSansFallback", "NanumSquareR"} <= faces, faces
    for name, font in fonts.items():
        if "Icons" in name:
            continue
        assert re.match(r"^/[A-Z]{6}\+", name), f"{name} is not a subset"
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), f"{name} is not embedded"


def test_session_report(store, demo_session, data_dir, cjk) -> None:
    out = io.BytesIO()
    build_session_pdf(gather_session(store, demo_session, media_dir=data_dir.media), out)
    _assert_cjk_survives(out.getvalue())


def test_series_booklet(store, demo, cjk) -> None:
    out = io.BytesIO()
    build_series_pdf(gather_series(store, demo), out)
    _assert_cjk_survives(out.getvalue())


def test_persona_deck(store, demo, cjk) -> None:
    data, _ = deck_pdf(personas.deck(store, demo.id), title="La Fabrique — 札幌")
    _assert_cjk_survives(data)
    text, _ = _text_and_fonts(data)
    assert "札幌" in text  # the footer, in the italic face's place


def test_running_header_and_contents_draw_a_cjk_title(store, demo_session, data_dir) -> None:
    store.apply(
        Change("sessions", (changes.update(demo_session, title="Atelier 3 — 대전 et 京都"),))
    )
    session = store.get(type(demo_session), demo_session.id)
    out = io.BytesIO()
    build_session_pdf(gather_session(store, session, media_dir=data_dir.media), out)
    reader = pypdf.PdfReader(out)
    contents, header = (" ".join(reader.pages[i].extract_text().split()) for i in (1, 2))
    # the running header, with the organisation that publishes the series on the right
    assert "Atelier 3 — 대전 et 京都 Métropole Aix-Marseille-Provence" in header
    _, fonts = _text_and_fonts(out.getvalue())
    assert any("NanumSquareR" in name for name in fonts)
    assert "Sommaire" in contents
