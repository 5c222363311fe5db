"""The printable persona deck: every first name as typed, four cards per A4 page."""

import io

import pypdf
import pytest

from exports.persona_deck import CARD_H, CARD_W, PAGE_H, PAGE_W, deck_pdf, write_deck
from fabrique_desktop import personas, tables
from fabrique_desktop.model import Persona


def _text(data: bytes) -> tuple[str, pypdf.PdfReader]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def test_eight_personas_make_two_a4_pages_with_every_first_name(store, demo, tmp_path) -> None:
    deck = personas.deck(store, demo.id)
    assert len(deck) == 8
    target = tmp_path / "cartes.pdf"
    assert write_deck(deck, target, title=demo.title) == 2
    text, reader = _text(target.read_bytes())
    assert len(reader.pages) == 2
    for persona in deck:
        assert persona.first_name in text
        assert persona.town in text
    for word in ("Thảo", "Aïcha", "Ses inquiétudes", "« Davos de la Méditerranée »"):
        assert word in text
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    assert (round(CARD_W * 2), round(CARD_H * 2)) == (round(PAGE_W), round(PAGE_H))


@pytest.mark.parametrize(("count", "pages"), [(1, 1), (4, 1), (5, 2), (9, 3)])
def test_page_count_is_four_cards_per_page(count, pages) -> None:
    deck = [
        Persona(first_name=f"Œdipe {i} « Nguyễn »", age=30, town="Aubagne") for i in range(count)
    ]
    data, n = deck_pdf(deck)
    text, reader = _text(data)
    assert n == len(reader.pages) == pages
    assert "Œdipe 0 « Nguyễn »" in text


def test_a_long_story_shrinks_to_fit_and_a_photo_is_used(tmp_path) -> None:
    from PIL import Image

    media = tmp_path / "media"
    media.mkdir()
    Image.new("RGB", (64, 48), "#AD1457").save(media / "photo.png")
    persona = Persona(
        first_name="Anne-Sophie-Marie-Clémentine",
        story="Une très longue vie. " * 120,
        worries=["x"] * 12,
        portrait="photo.png",
        colour="#FFEB3B",
    )
    data, pages = deck_pdf([persona], media_dir=media)
    text, reader = _text(data)
    assert pages == 1
    assert "Anne-Sophie-Marie-Clémentine" in text
    assert len(reader.pages[0].images) == 1


def test_the_deck_never_carries_participant_names(store, demo, session) -> None:
    store.apply(tables.add_participant(session.id, "Zoé Secrète"))
    store.apply(tables.set_anonymous(session, False))  # even with anonymous mode off
    data, _ = deck_pdf(personas.deck(store, demo.id), title=demo.title)
    text, _ = _text(data)
    assert "Zoé" not in text
    assert b"Zo\xc3\xa9" not in data


def test_a_card_is_set_as_the_booklet_is_hanging_indents_and_ordinals() -> None:
    """Typed text goes through the booklet's own markup: a worry that wraps keeps its lines
    on its first word (they started 3 pt to its left) and « 13e » is a French ordinal."""
    from tests.exports.test_series_booklet import _lines

    persona = Persona(
        first_name="Jonas",
        age=34,
        town="Marseille 13e",
        worries=["Une information touristique peu disponible en langues étrangères " * 2],
    )
    data, _ = deck_pdf([persona])
    runs = _lines(data)[0]
    bullet = next(r for r in runs if r[3] == "•")
    worry = [r for r in runs if bullet[1] - 40 < r[1] <= bullet[1] and r[3] != "•"]
    first, *continued = worry
    assert continued, "the worry should wrap"
    assert first[0] > bullet[0] + 4
    assert all(abs(line[0] - first[0]) < 0.5 for line in continued)
    facts = [r for r in runs if "Marseille" in r[3] or r[3] == "e"]
    assert any(r[3] == "e" and r[2] < 9 for r in facts), facts  # a raised, smaller « e »
