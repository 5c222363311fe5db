"""Undoing a notes import or a conflict's choice (``fabrique_desktop.sync_undo``)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fabrique_desktop import board, sync, sync_undo
from fabrique_desktop.model import Card
from tests.core.sync_helpers import Laptop
from tests.core.test_sync import OPS, play


def _live(laptop: Laptop, session_id: str) -> list[tuple]:
    return [(c.id, c.text, c.column, c.table_id) for c in laptop.live_cards(session_id)]


def _note_taker_file(facilitator: Laptop, session_id: str, tmp_path, edit: str = "corrigée"):
    note_taker = Laptop()
    note_taker.merge(facilitator.handout(session_id))
    store = note_taker.store
    cards = note_taker.live_cards(session_id)
    store.apply(board.capture(store, session_id, "un jardin partagé"))
    store.apply(board.capture(store, session_id, "des bancs =2"))
    store.apply(board.edit(cards[0], text=edit))
    store.apply(board.delete([cards[1]]))
    path = tmp_path / "table-2.json"
    path.write_text(note_taker.handout(session_id), encoding="utf-8")
    return note_taker, path


def _step_written(laptop: Laptop, done: sync_undo.UndoableImport, undo: bool) -> tuple[Any, int]:
    """An import's undo (or redo), computed, then written as the history's writer does."""
    step, skipped = sync_undo.apply_step(laptop.store, done, undo=undo)
    laptop.store.apply(step)
    return step, skipped


def test_undo_an_import_removes_what_it_added_and_restores_what_it_changed(tmp_path) -> None:
    facilitator, session = Laptop.facilitator(cards=4)
    note_taker, path = _note_taker_file(facilitator, session.id, tmp_path)
    before = _live(facilitator, session.id)
    done = sync_undo.import_undoable(
        facilitator.store, facilitator.journal, path, tmp_path / "media", session.id
    )
    assert (done.summary.new, done.summary.updated) == (2, 2)
    assert done.change.label == "Importer les notes de « table-2.json »"
    after = _live(facilitator, session.id)
    assert after != before

    _step, skipped = _step_written(facilitator, done, undo=True)
    assert skipped == 0
    assert _live(facilitator, session.id) == before
    _step, skipped = _step_written(facilitator, done, undo=False)
    assert _live(facilitator, session.id) == after
    _step_written(facilitator, done, undo=True)
    # merging the same file again adds nothing: the engine has seen it (redo is the way back)
    again = facilitator.merge(path.read_text(encoding="utf-8"))
    assert (again.new, again.updated, again.conflicts) == (0, 0, 0)
    assert _live(facilitator, session.id) == before
    # the undo is an edit like any other: it reaches the note-taker, and both converge
    note_taker.merge(facilitator.handout(session.id))
    facilitator.merge(note_taker.handout(session.id))
    assert note_taker.snapshot(session.id) == facilitator.snapshot(session.id)
    assert _live(note_taker, session.id) == before


def test_undo_an_import_closes_its_conflicts_and_redo_opens_them(tmp_path) -> None:
    facilitator, session = Laptop.facilitator(cards=4)
    _, path = _note_taker_file(facilitator, session.id, tmp_path, edit="du preneur")
    first = facilitator.live_cards(session.id)[0]
    facilitator.store.apply(board.edit(first, text="de l'animatrice"))
    done = sync_undo.import_undoable(
        facilitator.store, facilitator.journal, path, tmp_path / "media", session.id
    )
    assert done.summary.conflicts == 1
    assert len(done.conflict_ids) == 1
    _step_written(facilitator, done, undo=True)
    assert facilitator.conflicts(session.id) == []
    assert facilitator.store.get(Card, first.id).text == "de l'animatrice"
    _step_written(facilitator, done, undo=False)
    (conflict,) = facilitator.conflicts(session.id)
    assert conflict.entity_id == first.id


def test_undo_leaves_alone_what_changed_since(tmp_path) -> None:
    """A field changed after the import by someone else (a live peer) keeps its value."""
    facilitator, session = Laptop.facilitator(cards=4)
    _, path = _note_taker_file(facilitator, session.id, tmp_path)
    first = facilitator.live_cards(session.id)[0]
    done = sync_undo.import_undoable(
        facilitator.store, facilitator.journal, path, tmp_path / "media", session.id
    )
    assert facilitator.store.get(Card, first.id).text == "corrigée"
    facilitator.store.apply(board.edit(facilitator.store.get(Card, first.id), text="en direct"))
    _step, skipped = _step_written(facilitator, done, undo=True)
    assert skipped == 1
    assert facilitator.store.get(Card, first.id).text == "en direct"
    assert "un jardin partagé" not in {c.text for c in facilitator.live_cards(session.id)}


def test_an_import_of_another_session_gives_nothing_to_undo(tmp_path) -> None:
    facilitator, session = Laptop.facilitator(cards=2)
    path = tmp_path / "copie.json"
    path.write_text(facilitator.handout(session.id), encoding="utf-8")
    other = Laptop()
    done = sync_undo.import_undoable(other.store, other.journal, path, tmp_path / "m", "ailleurs")
    assert done.summary.created_session
    assert not done.change


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_an_undone_import_converges_like_any_edit(data, tmp_path_factory) -> None:
    tmp_path = tmp_path_factory.mktemp("undo")
    facilitator, session = Laptop.facilitator(cards=3)
    base = facilitator.handout(session.id)
    others = []
    for _ in range(2):
        laptop = Laptop()
        laptop.merge(base)
        play(laptop, session.id, data.draw(st.lists(OPS, max_size=5)))
        others.append(laptop)
    play(facilitator, session.id, data.draw(st.lists(OPS, max_size=4)))
    path = tmp_path / "notes.json"
    path.write_text(others[0].handout(session.id), encoding="utf-8")
    before = _live(facilitator, session.id)
    done = sync_undo.import_undoable(
        facilitator.store, facilitator.journal, path, tmp_path / "media", session.id
    )
    _step_written(facilitator, done, undo=True)
    assert _live(facilitator, session.id) == before
    laptops = [facilitator, *others]
    for _ in range(2):  # everyone merges everyone's copy: one session everywhere
        copies = [laptop.handout(session.id) for laptop in laptops]
        for laptop in laptops:
            for text in data.draw(st.permutations(copies)):
                laptop.merge(text)
    expected = facilitator.snapshot(session.id)
    for laptop in others:
        assert laptop.snapshot(session.id) == expected


def test_a_conflict_choice_is_undone_and_redone(tmp_path) -> None:
    facilitator, session = Laptop.facilitator(cards=2)
    one = Laptop()
    one.merge(facilitator.handout(session.id))
    target = facilitator.live_cards(session.id)[0]
    facilitator.store.apply(board.edit(target, text="ici"))
    one.store.apply(board.edit(one.store.get(Card, target.id), text="là-bas"))
    assert facilitator.merge(one.handout(session.id)).conflicts == 1
    engine = sync.SessionSync(facilitator.store, facilitator.journal, session.id)
    (conflict,) = engine.conflicts()
    shown = facilitator.store.get(Card, target.id).text
    other = "ici" if shown == "là-bas" else "là-bas"
    change = sync_undo.resolve(engine, conflict, other)
    assert change.edits[0].before == {"text": shown}
    assert facilitator.store.get(Card, target.id).text == other
    assert engine.conflicts() == []

    step, skipped = sync_undo.reopen(facilitator.store, session.id, conflict, change)
    facilitator.store.apply(step)  # what the history's writer does (ui.sync_commands)
    assert (skipped, facilitator.store.get(Card, target.id).text) == (0, shown)
    (again,) = engine.conflicts()
    assert again.ids == conflict.ids
    # the undo travels like the choice: the other laptop shows the same value, no new conflict
    assert one.merge(facilitator.handout(session.id)).conflicts == 0
    assert one.store.get(Card, target.id).text == shown
    # redo: the choice again, everywhere (a fresh engine: copies were made meanwhile)
    engine = sync.SessionSync(facilitator.store, facilitator.journal, session.id)
    sync_undo.resolve(engine, again, other)
    assert engine.conflicts() == []
    assert one.merge(facilitator.handout(session.id)).conflicts == 0
    assert one.store.get(Card, target.id).text == other
