"""Colours, type sizes and the stylesheet: high contrast, large type, readable on a projector."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor

INK = "#111111"
PAPER = "#FAFAFA"
BOARD_BACKGROUND = "#E0E0E0"
SELECTION = "#0D47A1"
FOCUS = "#FFB300"

CARD_POINT_SIZE = 15  # desk view; the projector view scales this up
HEADER_POINT_SIZE = 16
# a panel's text (beside the board or opened over it) and the status bar: 13 pt = 17 px at
# 96 dpi, the least the back of the room reads (tests/ui/test_vote_panel_width). Every status
# line fits a 1280-pixel bar at that size (tests/ui/test_status_lines.py)
PANEL_POINT_SIZE = 13
PANEL_TYPE = f"QLabel, QCheckBox, QListWidget, QPushButton {{ font-size: {PANEL_POINT_SIZE}pt; }}"


def relative_luminance(colour: str) -> float:
    c = QColor(colour)

    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast_ratio(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@lru_cache(maxsize=256)  # every note asks it at each paint: a board has a few colours
def readable_ink(background: str) -> str:
    """Black or white text, whichever contrasts more with ``background``."""
    return (
        INK
        if contrast_ratio(INK, background) >= contrast_ratio("#FFFFFF", background)
        else "#FFFFFF"
    )


STYLESHEET = f"""
QMainWindow, QDialog {{ background: {PAPER}; }}
QLineEdit {{
    font-size: 18pt; padding: 8px 12px; border: 2px solid #455A64; border-radius: 6px;
    background: white; color: {INK};
}}
QLineEdit:focus {{ border: 3px solid {SELECTION}; }}
QLineEdit[problem="true"] {{ border: 3px solid #E65100; background: #FFF3E0; }}
QLabel#hint {{ color: #37474F; font-size: 11pt; }}
QPushButton {{ font-size: 12pt; padding: 6px 14px; }}
QStatusBar {{ font-size: {PANEL_POINT_SIZE}pt; }}
"""
