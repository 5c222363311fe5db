"""Anonymous mode: the vote panel (on the projector) never shows participants' names."""

from __future__ import annotations

from fabrique_desktop import board, tables, votes
from fabrique_desktop.model import Session


def _texts(panel) -> list[str]:
    return [panel.voter_list.item(i).text() for i in range(panel.voter_list.count())]


def test_the_vote_panel_labels_participants_without_their_names(
    qtbot, window, store, session
) -> None:
    store.apply(tables.add_participant(session.id, "Zoé Martin"))
    store.apply(tables.add_participant(session.id, "Karim Benali"))
    window.animation.votes_action.trigger()
    panel = window.animation.votes.panel
    shown = " ".join(_texts(panel)) + panel.voter_label.text()
    assert "Zoé" not in shown
    assert "Karim" not in shown
    assert [t.split()[:2] for t in _texts(panel)] == [["Participant", "1"], ["Participant", "2"]]
    assert panel.voter_label.text().startswith("Participant 1 :")
    # the facilitator turns anonymous mode off (an undo step): the names appear, and back
    window.bus.push(tables.set_anonymous(store.get(Session, session.id), False))
    assert [t.split("   ")[0] for t in _texts(panel)] == ["Karim Benali", "Zoé Martin"]
    window.undo_action.trigger()
    assert not any("Zoé" in t or "Karim" in t for t in _texts(panel))


def test_a_voter_over_budget_is_told_how_many_dots_too_many(qtbot, window, store, session) -> None:
    for text in ("Un", "Deux", "Trois"):
        store.apply(board.capture(store, session.id, text))
    store.apply(votes.add_tables(store, session.id, 1))
    voter = votes.voters(store, session.id)[0]
    cards = [c.id for c in board.session_cards(store, session.id)]
    store.apply(votes.add_dot(store, session.id, cards, voter.id))  # the whole budget: 3
    store.apply(votes.configure(store, session.id, dots_per_voter=1))  # lowered since
    window.animation.votes_action.trigger()
    panel = window.animation.votes.panel
    panel.refresh()
    assert panel.voter_label.text() == "Table 1 : 2 gommettes de plus que prévu"
    assert panel.voter_list.item(0).toolTip() == panel.voter_label.text()
    store.apply(votes.configure(store, session.id, dots_per_voter=2))
    panel.refresh()
    assert panel.voter_label.text() == "Table 1 : 1 gommette de plus que prévu"  # not « (s) »
