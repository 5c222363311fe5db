"""A panel's write tells it whether the window's bus stored its change (issue 25: the
panels' ``change_requested = Signal(object)`` lost it)."""

from __future__ import annotations

from fabrique_desktop import timer
from fabrique_desktop.errors import StorageError


def test_the_timer_learns_whether_its_change_was_stored(qtbot, window, store, monkeypatch) -> None:
    window.build_feature_menus()
    overlay = window.animation.timer.make_overlay()
    state = timer.get(store, window.session.id)
    failures: list[str] = []
    window.bus.failed.disconnect()  # no message box: the text is kept
    window.bus.failed.connect(failures.append)
    assert overlay.write(timer.set_duration(store, state, 7 * 60)) is True
    assert timer.get(store, window.session.id).duration == 7 * 60

    def full(change):  # type: ignore[no-untyped-def]
        raise StorageError("Le disque est plein : rien n'a été enregistré.")

    monkeypatch.setattr(store, "apply", full)
    state = timer.get(store, window.session.id)
    assert overlay.write(timer.set_duration(store, state, 9 * 60)) is False
    assert failures == ["Le disque est plein : rien n'a été enregistré."]
