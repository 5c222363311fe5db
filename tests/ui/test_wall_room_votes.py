"""Votes for the room (issue 13): with no voter chosen, + and − add and take back the
room's dots on the selected card (no budget), and a card's paper dots are tallied in at
most three keystrokes (« * », the number, Enter — or two digits)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fabrique_desktop import votes


def selected_card(window):  # type: ignore[no-untyped-def]
    card_id = window.board_actions.capture_line("Des bancs à l'ombre sur le Cours Julien")
    window.board_actions.capture_line("Une autre idée")
    window.scene.select_cards([card_id])
    window.board.view.setFocus()
    return card_id


def test_plus_with_no_voter_adds_the_rooms_dots_with_no_budget(qtbot, window, store, session):
    card_id = selected_card(window)
    assert votes.voters(store, session.id) == []  # no tables: nobody to choose
    view = window.board.view
    for _ in range(votes.DEFAULT_DOTS + 2):  # beyond any budget
        qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert votes.totals(store, session.id)[card_id] == votes.DEFAULT_DOTS + 2
    assert window.scene.items_by_id[card_id].vote_mark().label() == f"● {votes.DEFAULT_DOTS + 2}"
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert votes.totals(store, session.id)[card_id] == votes.DEFAULT_DOTS + 1
    window.undo_action.trigger()  # an undo step like any vote
    assert votes.totals(store, session.id)[card_id] == votes.DEFAULT_DOTS + 2
    assert window.statusBar().currentMessage() == ""  # no « Choisissez d'abord qui vote »


def test_a_cards_paper_dots_are_typed_in_three_keystrokes(qtbot, window, store, session):
    card_id = selected_card(window)
    view = window.board.view
    qtbot.keyClick(view, Qt.Key.Key_Asterisk)  # 1
    entry = window.board.count_entry
    assert entry is not None
    assert entry.isVisible()
    assert entry.hasFocus()
    qtbot.keyClick(entry, Qt.Key.Key_1)  # 2
    qtbot.keyClick(entry, Qt.Key.Key_2)  # 3: two digits record it
    assert not entry.isVisible()
    assert votes.totals(store, session.id)[card_id] == 12
    assert window.scene.items_by_id[card_id].vote_mark().label() == "● 12"
    assert view.hasFocus()  # the board has the keyboard back: the next card
    qtbot.keyClick(view, Qt.Key.Key_Asterisk)
    qtbot.keyClick(entry, Qt.Key.Key_7)
    qtbot.keyClick(entry, Qt.Key.Key_Return)  # one digit: Enter
    assert votes.totals(store, session.id)[card_id] == 7
    qtbot.keyClick(view, Qt.Key.Key_Asterisk)
    qtbot.keyClick(entry, Qt.Key.Key_Escape)  # Esc: nothing changes
    assert votes.totals(store, session.id)[card_id] == 7


def test_tables_with_budgets_work_as_before(qtbot, window, store, session):
    card_id = selected_card(window)
    store.apply(votes.add_tables(store, session.id, 1))
    window.animation.votes.show_panel()
    window.scene.select_cards([card_id])
    window.board.view.setFocus()
    for _ in range(votes.DEFAULT_DOTS + 1):
        qtbot.keyClick(window.board.view, Qt.Key.Key_Plus)
    assert votes.totals(store, session.id)[card_id] == votes.DEFAULT_DOTS  # the budget holds
    assert votes.room_dots(store, session.id, card_id) == 0
