"""The vote panel beside the board at 1280×720: narrow (the cards keep their width), readable."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QLabel

from fabrique_desktop import board, votes

MAX_WIDTH = 300


def test_the_vote_panel_is_narrow_and_readable(qtbot, window, store, session, tmp_path) -> None:
    for text in ("Un tramway jusqu'à Aubagne", "Des pistes cyclables continues", "Marcher"):
        store.apply(board.capture(store, session.id, text, "mieux"))
    store.apply(votes.add_tables(store, session.id, 6))
    window.board_actions.start(window.controller.cards())
    window.resize(1280, 720)
    window.animation.votes_action.trigger()
    qtbot.wait(50)
    dock, panel = window.animation.votes.dock, window.animation.votes.panel
    assert dock.isVisible()
    assert dock.width() <= MAX_WIDTH
    assert panel.minimumSizeHint().width() <= MAX_WIDTH
    for widget in panel.findChildren(QLabel) + panel.findChildren(QAbstractButton):
        if widget.isVisible():  # nothing cut: every text fits its widget
            needed = min(widget.sizeHint().width(), widget.minimumSizeHint().width())
            assert widget.width() >= needed, widget.text()
            assert widget.font().pointSizeF() >= 13 or widget.font().pixelSize() >= 17
    # the columns keep a readable width
    assert window.scene.column_width >= 150
    folder = Path(os.environ.get("FABRIQUE_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(folder / "board-vote-panel.png"))
