"""The large timer gives the board back with Esc."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def test_esc_brings_the_large_timer_back_to_its_corner(qtbot, window) -> None:
    window.animation.large_timer_action.trigger()
    overlay = window.animation.timer.overlay
    assert overlay.large
    QTest.keyClick(window.board.view, Qt.Key.Key_Escape)
    assert not overlay.large
    assert overlay.isVisible()
    assert overlay.height() < window.height() / 4  # back in its band
    # Esc is the capture field's again once the timer is small
    window.focus_capture()
    QTest.keyClick(window.capture.field, Qt.Key.Key_Escape)
    assert window.board.view.hasFocus()
