"""Anonymous mode: the vote panel (on the projector) never shows participants' names."""

from __future__ import annotations

from fabrique_desktop import tables
from fabrique_desktop.model import Session


def _texts(panel) -> list[str]:
    return [panel.voter_list.item(i).text() for i in range(panel.voter_list.count())]


def test_the_vote_panel_labels_participants_without_their_names(
    qtbot, window, store, session
) -> None:
    store.apply(tables.add_participant(session.id, "Zoé Martin"))
    store.apply(tables.add_participant(session.id, "Karim Benali"))
    window.animation.votes_action.trigger()
    panel = window.animation.vote_panel
    shown = " ".join(_texts(panel)) + panel.voter_label.text()
    assert "Zoé" not in shown
    assert "Karim" not in shown
    assert [t.split()[:2] for t in _texts(panel)] == [["Participant", "1"], ["Participant", "2"]]
    assert panel.voter_label.text().startswith("Participant 1 :")
    # the facilitator turns anonymous mode off (an undo step): the names appear, and back
    window.controller.push(tables.set_anonymous(store.get(Session, session.id), False))
    assert [t.split("   ")[0] for t in _texts(panel)] == ["Karim Benali", "Zoé Martin"]
    window.undo_action.trigger()
    assert not any("Zoé" in t or "Karim" in t for t in _texts(panel))
