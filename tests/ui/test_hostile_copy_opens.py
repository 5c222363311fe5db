"""A copy at the edge of the limits, accepted by the validator, opens in the real window:
every idea on the board, the deck with its portraits, nothing read outside the data folder."""

from __future__ import annotations

import json

from fabrique_desktop import sync
from fabrique_desktop.limits import MAX_IDEA, MAX_TAGS
from fabrique_desktop.model import Card, Persona, Session
from tests.hostile.helpers import JPEG, build_world, export_copy, rows_only, seal


def test_a_copy_at_the_limits_opens_in_the_window(
    qtbot, fabrique_app, store, data_dir, tmp_path
) -> None:
    world = build_world(tmp_path / "elsewhere")
    document = rows_only(export_copy(world, tmp_path / "copie.json"))
    first = document["entities"]["cards"][0]
    cards = document["entities"]["cards"]
    for i, text in enumerate(
        [
            "mot" * (MAX_IDEA // 3),  # one very long word
            ("Une idée longue, avec des accents et « guillemets » ; " * 200)[:MAX_IDEA],
            "李明 प्रिया محمد " * 50,
        ]
    ):
        cards.append(
            {
                **first,
                "id": f"edge-{i}",
                "text": text,
                "tags": [f"#thème-{j}" for j in range(MAX_TAGS)],
                "position": 1e12 - i,
            }
        )
    persona = document["entities"]["personas"][0]
    persona["story"] = "Une histoire. " * 350
    persona["worries"] = [f"Souci {i}" for i in range(200)]
    persona["portrait"] = "persona-0123456789ab.jpg"
    target = tmp_path / "copie-limite.json"
    target.write_text(seal(document), encoding="utf-8")
    data_dir.media.mkdir(parents=True, exist_ok=True)
    (data_dir.media / "persona-0123456789ab.jpg").write_bytes(JPEG)

    summary, parsed = sync.import_file(store, sync_journal(store), target, data_dir.media)
    assert summary.session is not None
    assert store.get(Card, "edge-2") is not None
    assert store.get(Persona, persona["id"]).portrait == "persona-0123456789ab.jpg"

    window = fabrique_app.open_session(parsed.session.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.wait_exposed(window)
    qtbot.wait(50)
    shown = {card.id for card in window.scene.notes.all_cards()}
    assert {"edge-0", "edge-1", "edge-2"} <= shown
    window.grab().save(str(tmp_path / "window.png"))
    assert store.get(Session, parsed.session.id) is not None
    json.dumps(document)  # the document itself stays plain JSON


def sync_journal(store):
    from db.sync_store import SyncJournal

    return SyncJournal(store)
