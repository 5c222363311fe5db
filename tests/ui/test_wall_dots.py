"""Dots readable from the back of the room (issue 13): a card's count is drawn at least as
large as its text (it was a 13 px « ●2 » in the footer), with a clear « secret » state."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF

from fabrique_desktop.model import Card


def test_the_dot_count_is_at_least_as_large_as_the_card_text(qtbot, window, store, session):
    scene = window.scene
    window.set_projector_mode(True)
    card_id = window.board_actions.capture_line("Des bancs à l'ombre sur le Cours Julien")
    scene.votes.set_counts({card_id: 7})
    item = scene.items_by_id[card_id]
    item.measure()
    assert item.vote_mark().label() == "● 7"
    assert item.vote_font().pixelSize() >= item.text_font().pixelSize()
    assert item.vote_font().pixelSize() >= 28  # the projector's size at 1280×720
    rect = item.vote_rect()
    assert rect.height() >= QFontMetricsF(item.text_font()).height()
    assert item.boundingRect().contains(rect)  # inside the note, under the text
    assert rect.top() >= item.text_rect().bottom()
    assert "●" not in item.badge_text()  # not the small footer any more
    assert store.get(Card, card_id) is not None


def test_a_secret_vote_says_secret_on_every_card(qtbot, window):
    scene = window.scene
    first = window.board_actions.capture_line("Une idée")
    second = window.board_actions.capture_line("Une autre idée")
    scene.votes.set_counts({first: 2})
    scene.votes.set_secret(True)
    for card_id in (first, second):
        item = scene.items_by_id[card_id]
        assert item.vote_mark().label() == "● secret"
        assert item.vote_rect().height() > 0
    scene.votes.set_secret(False)
    assert scene.items_by_id[first].vote_mark().label() == "● 2"
    assert scene.items_by_id[second].vote_rect().isEmpty()


def test_a_dot_on_a_card_at_the_bottom_edge_keeps_it_whole(qtbot, wall) -> None:
    """Full screen at 1280×720, a card chosen with the arrows at the bottom edge of its
    column, then « + »: its dots' pill made it 45 px taller and its end (the pill, the
    theme) went under the board's edge."""
    from PySide6.QtCore import Qt

    wall.set_projector_mode(True)
    wall.showNormal()
    wall.resize(1280, 720)
    qtbot.wait(50)
    scene, view = wall.scene, wall.board.view
    scene.select_cards([scene.cards_in("mieux")[0].card.id])
    view.setFocus()
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    chosen = scene.items_by_id[scene.current_card_id()]
    height = chosen.height()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    qtbot.wait(20)
    assert chosen.vote_mark().label() == "● 1"
    assert chosen.height() > height
    assert chosen.pos().y() >= 0
    assert chosen.pos().y() + chosen.height() <= view.viewport().height()


def test_counting_dots_down_the_column_gives_no_dot_to_a_whole_group(
    qtbot, window, store, session, monkeypatch
):
    """Down stops on a group's band (4bed39d), the group chosen whole: « + » there, as the
    facilitator counts the paper dots card by card, put a dot on each of the group's ideas
    at once. It now says that a dot goes on an idea; Down, then « + », dots the first one."""
    from PySide6.QtCore import Qt

    from fabrique_desktop import votes
    from tests.ui.test_board import add, board_key

    monkeypatch.setattr(
        "ui.animation.group_feature.QInputDialog.getText", lambda *a, **k: ("Ombre", True)
    )
    above, first, second = (add(qtbot, window, f"Idée {n}") for n in ("du haut", "1", "2"))
    scene, view = window.scene, window.board.view
    scene.select_cards([first, second])
    view.setFocus()
    board_key(qtbot, window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    store.apply(votes.add_tables(store, session.id, 2))
    scene.notes.measure_all()
    scene.select_cards([above])
    view.setFocus()
    board_key(qtbot, window, Qt.Key.Key_Plus)
    board_key(qtbot, window, Qt.Key.Key_Down)  # onto the group's band: chosen whole
    assert scene.selected_card_ids() == [first, second]
    board_key(qtbot, window, Qt.Key.Key_Plus)
    assert votes.all_totals(store, session.id) == {above: 1}
    assert "une gommette va sur une idée" in window.statusBar().currentMessage()
    board_key(qtbot, window, Qt.Key.Key_Down)  # its first idea
    board_key(qtbot, window, Qt.Key.Key_Plus)
    assert votes.all_totals(store, session.id) == {above: 1, first: 1}
