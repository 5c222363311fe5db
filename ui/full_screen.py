"""Full screen that holds with no window manager (a projector laptop's kiosk session).

``showFullScreen()`` only asks the window manager; with none, the window stays at the size it
was made (a 578×880 QR wall, a 1280×720 slide show at the top left of a 1920×1080 screen, the
board showing around it). The geometry is set as well, so the window covers its screen
whoever is (or is not) there to act on the request.
"""

from __future__ import annotations

from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget


def fill_screen(window: QWidget, screen: QScreen | None = None) -> None:
    """Show ``window`` full screen on ``screen`` (by default the screen it is on, or its
    parent's), activated."""
    parent = window.parentWidget()
    screen = screen or (parent.screen() if parent is not None else window.screen())
    if screen is not None:
        if window.windowHandle() is not None and window.screen() is not screen:
            window.setScreen(screen)
        window.setGeometry(screen.geometry())
    window.showFullScreen()
    window.raise_()
    window.activateWindow()
