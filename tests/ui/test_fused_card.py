"""A merged card says so, and its menu unmerges it (issue 23): a fusion showed no sign of
itself on the wall and its undo was only in the Animation menu."""

from __future__ import annotations

from fabrique_desktop import board, card_fusion
from fabrique_desktop.model import Card


def fused_on_the_board(window, store, session):  # type: ignore[no-untyped-def]
    ids = [window.board_actions.capture_line(t) for t in ("Un tram", "Le tramway", "Des bancs")]
    cards = [store.get(Card, i) for i in ids]
    window.bus.push(card_fusion.fuse(cards[:2], "Un tramway jusqu'à Aubagne"))
    fused = next(
        c for c in board.session_cards(store, session.id) if c.text.startswith("Un tramway")
    )
    return fused, ids


def test_a_fused_card_shows_it_and_its_menu_unfuses_it(qtbot, window, store, session) -> None:
    fused, ids = fused_on_the_board(window, store, session)
    item = window.scene.items_by_id[fused.id]
    assert item.look.fused == 2
    assert "Fusion de 2 idées" in item.badge_text()
    assert window.scene.items_by_id[ids[2]].look.fused == 0
    window.scene.select_cards([fused.id])
    menu = window.board_actions.context_menu()
    unfuse = next(a for a in menu.actions() if a.text() == "Défaire la fusion")
    unfuse.trigger()
    texts = sorted(c.text for c in board.session_cards(store, session.id))
    assert texts == ["Des bancs", "Le tramway", "Un tram"]
    assert sorted(window.scene.selected_card_ids()) == sorted(ids[:2])
    assert fused.id not in window.scene.notes.fused_sources
    window.undo_action.trigger()  # an undo step: the fusion is back, and says so
    item = window.scene.items_by_id[fused.id]
    assert item.look.fused == 2
    window.scene.select_cards([ids[2]])  # a card that is no fusion: no such entry
    menu = window.board_actions.context_menu()
    assert "Défaire la fusion" not in [a.text() for a in menu.actions()]


def test_a_fusion_made_before_the_window_opened_shows_too(
    qtbot, fabrique_app, store, session
) -> None:
    window = fabrique_app.open_session(session.id)
    qtbot.addWidget(window)
    fused, _ids = fused_on_the_board(window, store, session)
    window.close()
    again = fabrique_app.open_session(session.id)
    qtbot.addWidget(again)
    again.scene.notes.flush()
    assert again.scene.items_by_id[fused.id].look.fused == 2
