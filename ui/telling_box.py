"""Boxes that only tell (a refusal, an import's summary): one « OK », nothing to answer.

A second `fabrique` (a double-clicked copy, `--open N`) may replace the window while such a
box is up (``ui.app``): the box goes with its window. It must not be waited for, though:
``exec()`` (and ``QMessageBox.warning``/``information``, which call it) waits in an event loop
of its own, and replacing the window under that loop deleted the box while it was waited for
(the app crashed). So the app opens these boxes with ``tell``: over their window, at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def tell(
    parent: QWidget,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> QMessageBox:
    """Show ``text`` in a box with one « OK » over ``parent``, not waited for (``open()``):
    the caller goes on, the box stays until read."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.open()
    return box


def only_tells(widget: QWidget) -> bool:
    """Whether ``widget`` is a box that only tells: a message box with one button at most (its
    « OK »; Qt adds it to a box shown with none), whatever its modality or however it was
    opened. A question (two buttons or more) or any other dialog asks something."""
    return isinstance(widget, QMessageBox) and len(widget.buttons()) <= 1
