"""The agenda and the vote panel open together at 1280×720: one narrow column beside the
board (tabs), not 420 px that left the columns too narrow; everything in both readable."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from fabrique_desktop import agenda, votes

MAX_WIDTH = 300


def _readable(panel: QWidget) -> list[str]:
    """Texts cut in their widget, or too small to read."""
    problems = []
    for widget in panel.findChildren(QLabel) + panel.findChildren(QAbstractButton):
        if not widget.isVisible():
            continue
        needed = min(widget.sizeHint().width(), widget.minimumSizeHint().width())
        if widget.width() < needed:
            problems.append(f"cut: {widget.text()}")
        font = widget.font()
        if font.pointSizeF() < 12 and font.pixelSize() < 16:
            problems.append(f"small: {widget.text()}")
    return problems


def test_agenda_and_votes_share_one_narrow_column(qtbot, window, store, session, tmp_path) -> None:
    store.apply(votes.add_tables(store, session.id, 6))
    store.apply(agenda.install(store, session, "objectifs"))
    window.resize(1280, 720)
    animation = window.animation
    animation.agenda_action.trigger()
    animation.votes_action.trigger()
    qtbot.wait(50)
    agenda_dock, vote_dock = animation.agenda.dock, animation.votes.dock
    assert window.tabifiedDockWidgets(agenda_dock) == [vote_dock]
    assert vote_dock.isVisible()
    assert vote_dock.width() <= MAX_WIDTH
    assert _readable(animation.votes.panel) == []
    assert window.scene.column_width >= 175  # was 152 with the agenda's 420 px
    folder = Path(os.environ.get("FABRIQUE_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(folder / "docks-votes.png"))
    agenda_dock.raise_()
    qtbot.wait(20)
    assert agenda_dock.isVisible()
    assert agenda_dock.width() <= MAX_WIDTH
    assert animation.agenda.panel.items.count() > 3
    assert _readable(animation.agenda.panel) == []
    assert window.scene.column_width >= 175
    assert window.grab().save(str(folder / "docks-agenda.png"))


def test_the_agenda_alone_is_narrow_too(qtbot, window) -> None:
    window.resize(1280, 720)
    window.animation.agenda_action.trigger()
    qtbot.wait(50)
    assert window.animation.agenda.dock.width() <= MAX_WIDTH
    assert _readable(window.animation.agenda.panel) == []
