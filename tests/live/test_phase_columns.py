"""A live copy of a Valeurs atelier (issue 26): the note-taker's laptop gets the series'
phases with the copy, so its wall has the facilitator's columns (« Atouts », « Problèmes »…),
and an idea it sends to « Atouts » arrives there on the facilitator's laptop."""

from __future__ import annotations

from pathlib import Path

from db.store import Store
from db.sync_store import SyncJournal
from fabrique_desktop import board, bundle, sync
from fabrique_desktop.live.engine import import_copy, make_copy
from fabrique_desktop.model import Series
from fabrique_desktop.workspace import ensure_first_use, list_sessions, session_template


def test_a_live_copy_of_a_valeurs_atelier_has_its_phases_wall(tmp_path: Path) -> None:
    host = Store.open(tmp_path / "host.db")
    note = Store.open(tmp_path / "note.db")
    try:
        host_journal, note_journal = SyncJournal(host), SyncJournal(note)
        series = ensure_first_use(host)
        assert series is not None
        valeurs = list_sessions(host, series.id)[0]
        copy = make_copy(host, host_journal, valeurs)
        joined = import_copy(note, note_journal, copy)
        columns = session_template(note.get(Series, joined.series_id), joined).columns
        assert [c.title for c in columns] == [
            "À trier",
            "Atouts",
            "Problèmes",
            "Valeurs proposées",
        ]
        # the demo's Valeurs work came with the copy (atouts, problèmes, values): the
        # note-taker rewords one of its atouts and adds one of its own
        demo = {c.id: c for c in board.session_cards(host, valeurs.id)}
        assert {c.id for c in board.session_cards(note, joined.id)} == set(demo)
        nature = next(c for c in board.session_cards(note, joined.id) if c.column == "atouts")
        note.apply(board.edit(nature, text="Une métropole riche de ses habitants"))
        note.apply(board.capture(note, joined.id, "Le soleil toute l'année", "atouts"))
        back = bundle.to_json(sync.handout_bundle(note, note_journal, joined))
        sync.import_bundle(host, host_journal, bundle.from_json(back), origin="live")
        cards = {c.id: c for c in board.session_cards(host, valeurs.id)}
        new = [(c.text, c.column) for i, c in cards.items() if i not in demo]
        assert new == [("Le soleil toute l'année", "atouts")]
        assert cards[nature.id].text == "Une métropole riche de ses habitants"
        assert len(cards) == len(demo) + 1 == 20
    finally:
        host.close()
        note.close()
