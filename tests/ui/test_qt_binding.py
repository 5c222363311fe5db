"""The Qt binding itself must not corrupt the interpreter (PySide6 6.12.0 on Python 3.11 did)."""

import sys

from PySide6.QtWidgets import QLabel


def test_qt_calls_returning_nothing_keep_none_alive(qapp) -> None:
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 100
