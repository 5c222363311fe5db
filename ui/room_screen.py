"""The room's screens shown over the wall (engagements, récit, ranking): they use the screen
as the wall does.

On a full-screen wall the screen is shown full screen on the wall's screen; on a window, at
its 1280×720 size grown with the screen (within it). Its type follows its size: ``scale`` is
1.0 up to 1280×720 and grows with it (1.5 at 1920×1080), never under the 1280×720 type.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QDialog, QWidget

from ui import facilitation_style as style
from ui.full_screen import fill_screen
from ui.slide_show import scale_for


def type_scale(widget: QWidget) -> float:
    """How much the type of ``widget`` grows for its size (1.0 at 1280×720 or less)."""
    return round(max(1.0, scale_for(widget.width(), widget.height())), 2)


class RoomScreen(QDialog):
    """A room's screen whose type follows its size: ``scale`` (``type_scale``) is 1.0 until
    it is shown larger, and each time a resize changes it, ``restyle()`` sets the type again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = 1.0

    def restyle(self) -> None:
        """The type at ``scale``: the room's style sheet (a screen with more extends it)."""
        style.projector(self, self.scale)

    # Qt overrides

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        scale = type_scale(self)
        if scale != self.scale:  # the wall's screen: the type grows with it
            self.scale = scale
            self.restyle()


def present(screen: QWidget, wall: QWidget, base: QSize) -> None:
    """Show ``screen`` over ``wall``: full screen when the wall is, else ``base`` grown with
    the wall's screen; raised and given the keyboard."""
    if wall.isFullScreen():
        fill_screen(screen, wall.screen())
        return
    if screen.isFullScreen():
        screen.showNormal()
    room = wall.screen().availableGeometry()
    grown = max(1.0, scale_for(room.width(), room.height()))
    size = QSize(
        min(round(base.width() * grown), room.width()),
        min(round(base.height() * grown), room.height()),
    )
    screen.resize(size)
    screen.move(room.center() - screen.rect().center())
    screen.show()
    screen.raise_()
    screen.activateWindow()
