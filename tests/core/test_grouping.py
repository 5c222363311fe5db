"""Cards in and out of groups: Ctrl+Up/Down at a group's edge, drops, whole groups."""

from __future__ import annotations

import pytest

from fabrique_desktop import board, grouping, groups
from fabrique_desktop.groups import Cluster
from fabrique_desktop.model import Card


@pytest.fixture
def column(store, session, demo):
    """A, [G: B, C], D in « mieux »."""
    for text in ("A", "B", "C", "D"):
        store.apply(board.capture(store, session.id, text, "mieux"))
    cards = board.column_cards(store, session.id, "mieux")
    store.apply(groups.group(store, cards[1:3], "G"))
    return session


def shown(store, session_id, column="mieux") -> str:
    """The column as drawn: « A [B C] D »."""
    order, groups = grouping.column_order(store, session_id, column)
    out, current = [], None
    for card in order:
        group = grouping.group_of(card, groups)
        if group != current:
            if current is not None:
                out.append("]")
            if group is not None:
                out.append("[")
            current = group
        out.append(card.text)
    if current is not None:
        out.append("]")
    text = " ".join(out).replace("[ ", "[").replace(" ]", "]")
    # what the positions say must be what is drawn (the scene gathers like column_order)
    by_position = sorted(board.column_cards(store, session_id, column), key=lambda c: c.position)
    assert [c.id for c in by_position] == [c.id for c in order]
    return text


def card(store, session_id, text) -> Card:
    return next(c for c in board.session_cards(store, session_id) if c.text == text)


def key(store, session_id, texts, delta, chosen=False) -> None:
    cards = [card(store, session_id, t) for t in texts]
    store.apply(grouping.reorder(store, session_id, cards, delta, chosen))


def test_ctrl_up_on_the_first_card_takes_it_out_above_and_back(store, column) -> None:
    sid = column.id
    assert shown(store, sid) == "A [B C] D"
    key(store, sid, ["B"], -1)
    assert shown(store, sid) == "A B [C] D"
    key(store, sid, ["B"], 1)  # back in, at the top
    assert shown(store, sid) == "A [B C] D"
    key(store, sid, ["C"], 1)  # the last card leaves below
    assert shown(store, sid) == "A [B] C D"
    key(store, sid, ["C"], 1)
    assert shown(store, sid) == "A [B] D C"


def test_a_loose_card_steps_through_a_group(store, column) -> None:
    sid = column.id
    key(store, sid, ["A"], 1)
    assert shown(store, sid) == "[A B C] D"
    key(store, sid, ["A"], 1)
    assert shown(store, sid) == "[B A C] D"
    key(store, sid, ["A"], 1)
    assert shown(store, sid) == "[B C A] D"
    key(store, sid, ["A"], 1)
    assert shown(store, sid) == "[B C] A D"
    key(store, sid, ["D"], -1)
    key(store, sid, ["D"], -1)
    assert shown(store, sid) == "[B C D] A"


def test_the_last_card_out_removes_the_group_and_undo_brings_it_back(store, column) -> None:
    sid = column.id
    key(store, sid, ["B"], -1)
    (cluster,) = groups.clusters(store, sid)
    change = grouping.reorder(store, sid, [card(store, sid, "C")], 1)
    store.apply(change)
    assert shown(store, sid) == "A B C D"
    assert groups.clusters(store, sid) == []
    store.apply(change.inverse())
    assert groups.clusters(store, sid) == [store.get(Cluster, cluster.id)]
    assert shown(store, sid) == "A B [C] D"


def test_a_whole_group_moves_as_one_block(store, column) -> None:
    sid = column.id
    key(store, sid, ["B", "C"], 1)
    assert shown(store, sid) == "A D [B C]"
    key(store, sid, ["B", "C"], -1)
    key(store, sid, ["B", "C"], -1)
    assert shown(store, sid) == "[B C] A D"
    key(store, sid, ["B", "C"], -1)  # already at the top
    assert shown(store, sid) == "[B C] A D"
    # past another group as a whole, never inside it
    store.apply(groups.group(store, [card(store, sid, "A"), card(store, sid, "D")], "H"))
    assert shown(store, sid) == "[B C] [A D]"
    key(store, sid, ["B", "C"], 1)
    assert shown(store, sid) == "[A D] [B C]"
    key(store, sid, ["A"], 1)
    assert shown(store, sid) == "[D A] [B C]"
    key(store, sid, ["A"], 1)
    assert shown(store, sid) == "[D] A [B C]"
    # a group of one card: its card leaves it, unless the group itself was chosen (its band)
    key(store, sid, ["D"], 1, chosen=True)
    assert shown(store, sid) == "A [D] [B C]"


def test_a_drop_joins_a_group_at_its_edge_only_inside_its_frame(store, column) -> None:
    sid = column.id
    (cluster,) = groups.clusters(store, sid)
    d = card(store, sid, "D")
    store.apply(grouping.place(store, sid, [d], "mieux", 3, None))  # below the frame
    assert shown(store, sid) == "A [B C] D"
    store.apply(grouping.place(store, sid, [card(store, sid, "D")], "mieux", 3, cluster.id))
    assert shown(store, sid) == "A [B C D]"
    # between two cards of a group: in it, whatever the drop said
    store.apply(grouping.place(store, sid, [card(store, sid, "A")], "mieux", 1, None))
    assert shown(store, sid) == "[B A C D]"
    # out of the frame, to another column: out of the group
    store.apply(grouping.place(store, sid, [card(store, sid, "A")], "ensemble", 0, None))
    assert card(store, sid, "A").cluster_id is None
    assert shown(store, sid) == "[B C D]"


def test_take_out_and_send(store, column) -> None:
    sid = column.id
    store.apply(grouping.take_out(store, sid, [card(store, sid, "B")]))
    assert shown(store, sid) == "A [C] B D"
    store.apply(grouping.send(store, sid, [card(store, sid, "C")], "monde"))
    assert card(store, sid, "C").cluster_id is None
    assert groups.clusters(store, sid) == []  # its last card went: the group is gone


def test_a_whole_group_sent_to_another_column_keeps_its_frame(store, column) -> None:
    sid = column.id
    (cluster,) = groups.clusters(store, sid)
    store.apply(grouping.send(store, sid, [card(store, sid, "B"), card(store, sid, "C")], "monde"))
    assert store.get(Cluster, cluster.id).column == "monde"
    assert shown(store, sid, "monde") == "[B C]"
    assert shown(store, sid) == "A D"


def test_older_boards_with_a_group_apart_are_put_in_order(store, column) -> None:
    sid = column.id
    (cluster,) = groups.clusters(store, sid)
    c = card(store, sid, "C")
    store.apply(board.move(store, sid, [c], "mieux", 4))  # C's position after D (older code)
    assert [x.text for x in grouping.column_order(store, sid, "mieux")[0]] == ["A", "B", "C", "D"]
    key(store, sid, ["D"], -1)
    assert shown(store, sid) == "A [B C D]"
    assert card(store, sid, "D").cluster_id == cluster.id
