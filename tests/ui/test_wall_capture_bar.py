"""The capture bar at any window size (issue 13): the filter's placeholder whole, the hint on
one line (shortened where it must be), the capture field never crushed."""

from __future__ import annotations

import pytest

from tests.ui.wall_check import whole_placeholder


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768), (800, 600)])
@pytest.mark.parametrize("panel", [False, True])
def test_the_capture_bar_keeps_its_words_whole(qtbot, window, size, panel) -> None:
    if panel:
        window.animation.votes.show_panel()
    window.resize(*size)
    qtbot.wait(30)
    capture = window.capture
    assert whole_placeholder(capture.search), capture.search.width()
    hint = capture.hint
    assert hint.height() < 2 * hint.fontMetrics().lineSpacing()
    assert hint.fontMetrics().horizontalAdvance(hint.text()) <= hint.contentsRect().width()
    assert hint.text().startswith("Entrée : ajouter")
    assert capture.field.width() >= 0.4 * capture.width()


def test_the_hint_is_whole_where_there_is_room(qtbot, window) -> None:
    window.resize(1280, 720)
    qtbot.wait(30)
    assert window.capture.hint.text() == window.capture.default_hint()
