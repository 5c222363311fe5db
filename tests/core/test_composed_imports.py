"""Text arriving decomposed (a Mac writes « é » as e + U+0301) is stored composed (NFC) by
every import, as a spreadsheet's ideas (csv_import) and a phone's already were: a note-taker's
copy (its merge document, its series' rows, a format-1 copy's rows), a peer's live update, a
template. One function does it: ``fabrique_desktop.limits.composed``."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from fabrique_desktop import board, bundle, changes, sync
from fabrique_desktop.changes import Change
from fabrique_desktop.limits import composed
from fabrique_desktop.model import Card, Persona, Series, Session
from fabrique_desktop.template_exchange import export_template, import_template, to_json
from tests.core.sync_helpers import Laptop

IDEA = "Idée d'été de Nguyễn, Zoë et Œdipe"
NAME = "Zoé Benaïssa"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _mac_laptop(tmp_path: Path) -> tuple[Laptop, str, str]:
    """A laptop whose atelier 1 holds an idea and a persona's name typed decomposed."""
    laptop, session = Laptop.facilitator(tmp_path / "mac.db", cards=0)
    laptop.store.apply(board.capture(laptop.store, session.id, nfd(IDEA)))
    persona = next(iter(laptop.store.find(Persona, series_id=session.series_id)))
    laptop.store.apply(Change("Nom", (changes.update(persona, first_name=nfd(NAME)),)))
    return laptop, session.id, persona.id


def test_composed_keeps_composed_text_and_composes_inside_rows() -> None:
    assert composed(nfd(IDEA)) == IDEA
    assert composed(IDEA) is IDEA  # nothing to do: the same object
    row = {"text": nfd(IDEA), "tags": [nfd("#Mobilité")], "position": 1.5, "id": "x"}
    assert composed(row) == {"text": IDEA, "tags": ["#Mobilité"], "position": 1.5, "id": "x"}


def test_a_copy_made_on_a_mac_is_stored_composed(tmp_path: Path) -> None:
    mac, session_id, persona_id = _mac_laptop(tmp_path)
    here = Laptop(tmp_path / "here.db")
    summary = here.merge(mac.handout(session_id))
    assert summary.new >= 1
    (card,) = here.live_cards(session_id)
    assert card.text == IDEA  # from the merge document
    persona = here.store.get(Persona, persona_id)
    assert persona is not None
    assert persona.first_name == NAME  # the series' rows
    assert here.merge(mac.handout(session_id)).new == 0  # again: nothing new, nothing changed
    assert here.live_cards(session_id)[0].text == IDEA


def test_a_format_1_copy_made_on_a_mac_is_stored_composed(tmp_path: Path) -> None:
    mac, session_id, _ = _mac_laptop(tmp_path)
    document = json.loads(mac.handout(session_id))
    rows = {k: document[k] for k in ("series", "session", "entities")}
    document = {**document, **rows, "format_version": 1, "checksum": bundle._checksum(rows)}
    document.pop("crdt"), document.pop("handout")
    parsed = bundle.from_json(json.dumps(document, ensure_ascii=True))  # « \\u0301 » escapes
    (card,) = [e for e in parsed.entities["cards"] if isinstance(e, Card)]
    assert card.text == IDEA
    here = Laptop(tmp_path / "here.db")
    sync.import_bundle(here.store, here.journal, parsed)
    assert [c.text for c in here.live_cards(session_id)] == [IDEA]


def test_a_peers_live_update_is_stored_composed(tmp_path: Path) -> None:
    from fabrique_desktop.sync import SessionSync

    mac, session_id, _ = _mac_laptop(tmp_path)
    here = Laptop(tmp_path / "here.db")
    here.merge(mac.handout(session_id))
    mac_sync = SessionSync(mac.store, mac.journal, session_id)
    mac_sync.flush()
    mac.store.apply(board.capture(mac.store, session_id, nfd("Un café à l'arrêt")))
    update = mac_sync.flush()
    assert update is not None
    SessionSync(here.store, here.journal, session_id).receive(update)
    texts = {c.text for c in here.live_cards(session_id)}
    assert texts == {IDEA, "Un café à l'arrêt"}


def test_a_template_written_on_a_mac_makes_a_composed_series(tmp_path: Path) -> None:
    mac, session_id, _ = _mac_laptop(tmp_path)
    session = mac.store.get(Session, session_id)
    assert session is not None
    series = mac.store.get(Series, session.series_id)
    assert series is not None
    document = export_template(mac.store, series)
    text = nfd(to_json(document))
    assert not unicodedata.is_normalized("NFC", text)
    here = Laptop(tmp_path / "here.db")
    change, made = import_template(here.store, text.encode("utf-8"), "modèle.json")
    here.store.apply(change)
    assert unicodedata.is_normalized("NFC", json.dumps(made.template, ensure_ascii=False))
    assert unicodedata.is_normalized("NFC", made.title)
    names = {p.first_name for p in here.store.find(Persona, series_id=made.id)}
    assert NAME in names
