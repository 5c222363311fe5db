"""A row of buttons that wraps onto more lines when the panel is too narrow for their words.

A panel folded in full screen opens over the board at about 300 px: three buttons side by
side were cut to « ccepte », « orriger. », « ir un vo ». Here each button keeps its whole
text: as many on a line as fit, the others on the next line.
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget


class ButtonRow(QWidget):
    """Buttons side by side where they fit, wrapped onto more lines where they do not."""

    def __init__(self, buttons: list[QPushButton], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons = buttons
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._lines: list[list[QPushButton]] = []
        for button in buttons:
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # its width is the panel's: the lines follow it (not the other way round)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._place(self._lines_for(10_000))

    @property
    def lines(self) -> list[list[QPushButton]]:
        """The buttons of each line, as laid out now."""
        return [list(line) for line in self._lines]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        lines = self._lines_for(event.size().width())
        if lines != self._lines:
            self._place(lines)

    def _lines_for(self, width: int) -> list[list[QPushButton]]:
        spacing = max(0, self._grid.horizontalSpacing())
        lines: list[list[QPushButton]] = []
        used = 0
        for button in self.buttons:
            needed = button.sizeHint().width()
            if lines and used + spacing + needed <= width:
                lines[-1].append(button)
                used += spacing + needed
            else:
                lines.append([button])
                used = needed
        return lines

    def _place(self, lines: list[list[QPushButton]]) -> None:
        """Each line spread over the whole width (a lone button as wide as the others)."""
        for button in self.buttons:
            self._grid.removeWidget(button)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        columns = max((len(line) for line in lines), default=1)
        for row, line in enumerate(lines):
            span, extra = divmod(columns, len(line))
            column = 0
            for index, button in enumerate(line):
                width = span + (1 if index < extra else 0)
                self._grid.addWidget(button, row, column, 1, width)
                column += width
        for column in range(columns):
            self._grid.setColumnStretch(column, 1)
        self._lines = lines
        self.updateGeometry()
