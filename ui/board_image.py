"""A PNG image of an atelier's board, drawn offscreen with the board scene itself.

Used by File → Export and by ``fabrique export --format png`` (the one export that needs
Qt: without a display, Qt runs on its offscreen platform).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
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


PAGE_HEIGHT = 3000
"""Board pixels (below the headers) on one image: a taller board is cut into pages between
cards, so that a 2000-idea session gives a few images a screen can show instead of one
60 000-pixel strip (7 s and 650 MB to draw)."""
PIXEL_BUDGET = 20_000_000
"""Pixels of cards a board export draws in all: a larger board is drawn smaller (down to
``MIN_SCALE``), so that 2000 ideas take about a second, not seven."""
MIN_SCALE = 0.5
PNG_QUALITY = 70
"""Qt's PNG quality: lighter zlib compression than the default, several times faster to
write for boards, whose flat colours compress well anyway."""


def _board_scene(store: Store, session: Session, template: Template) -> tuple[BoardScene, list]:
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
    return scene, cards


def page_breaks(scene: BoardScene, height: float = PAGE_HEIGHT) -> list[tuple[float, float]]:
    """Slices (top, bottom) of the scene, each at most ``height`` tall, cut between cards."""
    source = scene.sceneRect()
    spans = sorted(
        (item.sceneBoundingRect().top(), item.sceneBoundingRect().bottom())
        for item in scene.items_by_id.values()
    )
    slices = []
    top = source.top()
    while top < source.bottom():
        bottom = min(top + height, source.bottom())
        if bottom < source.bottom():
            crossing = [a for a, b in spans if a < bottom < b and a > top + 1]
            if crossing:
                bottom = min(crossing) - 1
        slices.append((top, bottom))
        top = bottom
    return slices or [(source.top(), source.bottom())]


def board_images(store: Store, session: Session, template: Template | None = None) -> list[QImage]:
    """The board as one image, or as pages when it is taller than ``PAGE_HEIGHT``."""
    return list(_pages(store, session, template))


def _pages(store: Store, session: Session, template: Template | None = None) -> Iterator[QImage]:
    ensure_gui()
    if template is None:
        series = store.get(Series, session.series_id)
        template = (
            Template.from_dict(series.template)
            if series and series.template
            else builtin_template()
        )
    scene, cards = _board_scene(store, session, template)
    counts: dict[str, int] = {}
    for card in cards:
        counts[card.column] = counts.get(card.column, 0) + 1
    source = scene.sceneRect()
    scale = drawing_scale(source)
    slices = page_breaks(scene, PAGE_HEIGHT / scale)
    for number, (top, bottom) in enumerate(slices, start=1):
        title = session.title
        if len(slices) > 1:
            title = f"{session.title} — {number}/{len(slices)}"
        page = QRectF(source.left(), top, source.width(), bottom - top)
        yield _page(scene, template, counts, title, page, scale)


def drawing_scale(source: QRectF) -> float:
    """1 for an ordinary board; smaller for one whose cards would exceed ``PIXEL_BUDGET``."""
    area = source.width() * source.height()
    if area <= PIXEL_BUDGET:
        return 1.0
    return max(MIN_SCALE, (PIXEL_BUDGET / area) ** 0.5)


def _page(
    scene: BoardScene,
    template: Template,
    counts: dict[str, int],
    title: str,
    source: QRectF,
    scale: float = 1.0,
) -> QImage:
    width = int(source.width() * scale) + 2 * MARGIN
    height = int(source.height() * scale) + HEADER + 2 * MARGIN
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(theme.BOARD_BACKGROUND))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font = QFont("DejaVu Sans")
        font.setPixelSize(30)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(theme.INK))
        painter.drawText(
            QRectF(MARGIN, 8, width - 2 * MARGIN, 44),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            title,
        )
        header = QFont("DejaVu Sans")
        header.setPixelSize(22)
        header.setBold(True)
        painter.setFont(header)
        for index, column in enumerate(template.columns):
            x = MARGIN + index * (scene.column_width + 12) * scale
            rect = QRectF(x, 58, scene.column_width * scale, HEADER - 62)
            painter.fillRect(rect, QColor(column.colour))
            painter.setPen(QColor(theme.readable_ink(column.colour)))
            painter.drawText(
                rect.adjusted(12, 0, -12, 0),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                f"{column.title}  ({counts.get(column.key, 0)})",
            )
        scene.render(
            painter,
            QRectF(MARGIN, HEADER + MARGIN / 2, source.width() * scale, source.height() * scale),
            source,
        )
    finally:
        painter.end()
    return image


def board_image(store: Store, session: Session, template: Template | None = None) -> QImage:
    """The first page of the board (the whole board when it fits on one)."""
    return next(_pages(store, session, template))


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6's stubs ask for bytes; at run time only a str works (bytes: ValueError, tried)
    if not image.save(buffer, "PNG", PNG_QUALITY):  # type: ignore[call-overload]
        raise ExportError("L'image du tableau n'a pas pu être créée.")
    buffer.close()
    return bytes(data.data())


def board_png(store: Store, session: Session) -> bytes:
    return _png(board_image(store, session))


def page_path(target: Path | str, number: int) -> Path:
    """``tableau.png``, then ``tableau-2.png``, ``tableau-3.png``… for the next pages."""
    target = Path(target)
    if number == 1:
        return target
    return target.with_name(f"{target.stem}-{number}{target.suffix or '.png'}")


def write_board_png(store: Store, session: Session, target: Path | str) -> list[Path]:
    """Write the board to ``target`` (and ``target-2.png``… when it takes several pages),
    one page in memory at a time; returns the files written."""
    written = []
    for number, image in enumerate(_pages(store, session), start=1):
        path = page_path(target, number)
        write_bytes(path, _png(image))
        written.append(path)
    return written
