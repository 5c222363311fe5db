"""Shared look of the facilitation screens: projector-size type, high-contrast colours.

Every colour pair used here passes WCAG AA (checked in ``tests/ui/test_facilitation_style``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

INK = "#111111"
PAPER = "#FAFAFA"
MUTED = "#37474F"  # secondary text on PAPER (contrast ≥ 7)
ERROR = "#B71C1C"  # error text on PAPER
TIMER_BG = "#102027"
TIMER_INK = "#FFFFFF"
TIMER_WARN_BG = "#FFB300"
TIMER_WARN_INK = "#111111"
TIMER_OVER_BG = "#B71C1C"
TIMER_OVER_INK = "#FFFFFF"
DOT = "#0D47A1"  # a vote dot on PAPER
CURRENT_BG = "#FFF59D"  # the running activity, INK on it

PAIRS = [
    (INK, PAPER),
    (MUTED, PAPER),
    (ERROR, PAPER),
    (TIMER_INK, TIMER_BG),
    (TIMER_WARN_INK, TIMER_WARN_BG),
    (TIMER_OVER_INK, TIMER_OVER_BG),
    (DOT, PAPER),
    (INK, CURRENT_BG),
]


def pt(size: float, scale: float = 1.0) -> str:
    """A type size in points for a screen ``scale`` times its 1280×720 size."""
    return f"{round(size * scale, 1):g}pt"


def screen_style(scale: float = 1.0) -> str:
    """The screens' style sheet, its type ``scale`` times the 1280×720 sizes."""
    return f"""
QWidget {{ font-size: {pt(15, scale)}; color: {INK}; }}
QListWidget, QPlainTextEdit, QTextEdit, QLineEdit, QSpinBox, QComboBox {{
    font-size: {pt(15, scale)}; background: white; color: {INK};
}}
QPushButton {{ font-size: {pt(14, scale)}; padding: {round(6 * scale)}px {round(14 * scale)}px; }}
QLabel#title {{ font-size: {pt(24, scale)}; font-weight: bold; }}
QLabel#subtitle {{ font-size: {pt(17, scale)}; font-weight: bold; }}
QLabel#muted {{ color: {MUTED}; font-size: {pt(13, scale)}; }}
QLabel#message {{ color: {ERROR}; font-size: {pt(15, scale)}; font-weight: bold; }}
"""


SCREEN_STYLE = screen_style()


def label(text: str, name: str = "", wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    if name:
        widget.setObjectName(name)
    widget.setWordWrap(wrap)
    return widget


def dock_title(widget: QLabel, lines: int = 2) -> None:
    """A heading in a narrow dock: keep room for ``lines`` lines, whatever the layout says."""
    widget.setStyleSheet("font-size: 15pt; font-weight: bold;")
    widget.setMinimumHeight(int(widget.fontMetrics().lineSpacing() * 1.4 * lines))


def projector(widget: QWidget, scale: float = 1.0) -> None:
    """Large type for a screen meant for the room (``scale`` times its 1280×720 size)."""
    widget.setStyleSheet(screen_style(scale))


def no_default_button(dialog: QWidget) -> None:
    """Enter in a field of a screen must not press a button (« Ajouter… », « Retirer »…)."""
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
        button.setDefault(False)
