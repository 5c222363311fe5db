"""A PNG image of an atelier's board, drawn offscreen with the board scene itself.

Used by File → Export and by ``fabrique export --format png`` (the one export that needs
Qt: without a display, Qt runs on its offscreen platform).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

from exports.safe_write import ExportError, write_bytes
from fabrique_desktop import votes
from fabrique_desktop.board import session_cards
from fabrique_desktop.model import Persona, Series, Session, Table
from fabrique_desktop.ports import Store
from fabrique_desktop.template import Template, builtin_template
from ui import theme
from ui.board_scene import BoardScene

COLUMN_WIDTH = 420.0
CARD_PIXEL_SIZE = 18.0
HEADER = 110
MARGIN = 24


def ensure_gui() -> None:
    """A Qt application to draw with; offscreen when there is no display."""
    if QApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import register_fonts

    app = QApplication(sys.argv[:1])
    register_fonts()
    app.setFont(QFont("DejaVu Sans", 11))


def board_image(store: Store, session: Session, template: Template | None = None) -> QImage:
    ensure_gui()
    if template is None:
        series = store.get(Series, session.series_id)
        template = (
            Template.from_dict(series.template)
            if series and series.template
            else builtin_template()
        )
    scene = BoardScene(template.columns)
    scene.set_metrics(COLUMN_WIDTH, CARD_PIXEL_SIZE)
    cards = session_cards(store, session.id)
    scene.set_people(
        store.find(Persona, series_id=session.series_id), store.find(Table, session_id=session.id)
    )
    scene.set_vote_counts(votes.totals(store, session.id))
    scene.show_cards(cards)
    scene.measure_all()
    scene.clearSelection()
    source = scene.sceneRect()
    width = int(source.width()) + 2 * MARGIN
    height = int(source.height()) + HEADER + 2 * MARGIN
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(theme.BOARD_BACKGROUND))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        title = QFont("DejaVu Sans")
        title.setPixelSize(30)
        title.setBold(True)
        painter.setFont(title)
        painter.setPen(QColor(theme.INK))
        painter.drawText(
            QRectF(MARGIN, 8, width - 2 * MARGIN, 44),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            session.title,
        )
        counts: dict[str, int] = {}
        for card in cards:
            counts[card.column] = counts.get(card.column, 0) + 1
        header = QFont("DejaVu Sans")
        header.setPixelSize(22)
        header.setBold(True)
        painter.setFont(header)
        for index, column in enumerate(template.columns):
            x = MARGIN + index * (scene.column_width + 12)
            rect = QRectF(x, 58, scene.column_width, HEADER - 62)
            painter.fillRect(rect, QColor(column.colour))
            painter.setPen(QColor(theme.readable_ink(column.colour)))
            painter.drawText(
                rect.adjusted(12, 0, -12, 0),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                f"{column.title}  ({counts.get(column.key, 0)})",
            )
        scene.render(
            painter,
            QRectF(MARGIN, HEADER + MARGIN / 2, source.width(), source.height()),
            source,
        )
    finally:
        painter.end()
    return image


def board_png(store: Store, session: Session) -> bytes:
    image = board_image(store, session)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6's stubs ask for bytes; at run time only a str works (bytes: ValueError, tried)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise ExportError("L'image du tableau n'a pas pu être créée.")
    buffer.close()
    return bytes(data.data())


def write_board_png(store: Store, session: Session, target: Path | str) -> None:
    write_bytes(target, board_png(store, session))
