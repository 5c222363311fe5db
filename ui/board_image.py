"""PNG images of an atelier's board: the wall's columns, headers, groups and notes, in pages.

Used by File → Export and by ``fabrique export --format png`` (the one export that needs
Qt: without a display, Qt runs on its offscreen platform).

No graphics scene is built: the wall's own notes (``CardItem``, ``ClusterItem``) are
measured once and painted straight onto each page, so the image looks like the wall
(same notes, badges, dots, persona strips, group frames) at a fraction of the cost. Each
column flows down its pages on its own, cut between cards, so a 2000-idea board gives a
few screen-sized images, one in memory at a time, written by a fast PNG writer.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication, QStyleOptionGraphicsItem

from exports.png import Filtered, PngJob, check_pages, remove_stale_pages
from exports.safe_write import write_bytes
from fabrique_desktop import credit, earlier_pistes, limits, votes
from fabrique_desktop.board import session_cards
from fabrique_desktop.board_layout import CLUSTER_GAP, COLUMN_PADDING, GAP
from fabrique_desktop.grouping import gather_by
from fabrique_desktop.groups import Cluster, clusters
from fabrique_desktop.model import Card, Persona, Series, Session, Table
from fabrique_desktop.ports import Store
from fabrique_desktop.template import Column, Template, builtin_template
from ui import theme
from ui.card_item import CardItem, CardLook, Fonts
from ui.cluster_item import ClusterItem
from ui.fallback_fonts import with_fallbacks
from ui.font_files import register_fonts

COLUMN_WIDTH = 420.0
CARD_PIXEL_SIZE = 18.0  # the idea's text, as on a laptop's wall at zoom 1
MARGIN = 24
TITLE_TOP, TITLE_HEIGHT = 8, 44
HEADER_TOP, HEADER_HEIGHT = 58, 48
HEADER = HEADER_TOP + HEADER_HEIGHT + 4  # where the columns start, below title and headers
TITLE_PIXELS, HEADER_PIXELS, SMALLEST_HEADER = 30, 22, 13
PACKERS = 2  # threads that deflate parts of a page side by side
PAGE_HEIGHT = 2700
"""Board pixels (below the headers) on one image: a taller board is cut into pages between
cards, so that a 2000-idea session gives a few images a screen can show instead of one
60 000-pixel strip (7 s and 650 MB to draw)."""


def ensure_gui() -> None:
    """A Qt application to draw with; offscreen when there is no display."""
    if QApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(sys.argv[:1])
    app.setFont(QFont(register_fonts(), 11))  # as the app: its fonts, not its window


@dataclass
class Page:
    """What one image shows: notes and group frames at their places on the columns."""

    notes: list[tuple[CardItem, float, float]] = field(default_factory=list)
    frames: list[tuple[ClusterItem, QRectF, float]] = field(default_factory=list)  # rect, band
    bottom: float = 0.0  # the lowest note or frame, in column coordinates


SOLID = Qt.PenStyle.SolidLine  # Qt's enums are slow to look up: once, not per note
FrameKey = tuple[float, str, str, int, float]  # width, tint, colour, edge's colour and width


class NoteFrames:
    """Each kind of note's frame (its colour, edge and width, on its column's tint) drawn
    once, as tall as the tallest note of that kind, and copied under every note of that
    kind: its rows down to the note's height less ``SLICE``, then its last ``SLICE`` rows
    (the bottom corners).

    The copies are the same pixels as the frame drawn under each note (a straight edge is
    the same on every row), for a fraction of the cost: stroking 2000 antialiased edges
    was a quarter of the drawing. A note too short, a dashed edge (its dashes depend on
    the length) or a note off the pixel grid is drawn as on the wall."""

    SLICE = 16
    ROUND = 64  # a frame too short for a note is drawn again, taller by this many rows

    def __init__(self) -> None:
        self._frames: dict[FrameKey, QImage] = {}

    def copied(self, item: CardItem, x: float, y: float) -> FrameKey | None:
        """The kind of ``item``'s frame if it is copied at ``(x, y)`` of the page (every
        pixel of the note's rectangle then comes from the copy); None if it is drawn."""
        height = item.height()
        if height < 2 * self.SLICE or not (_whole(x) and _whole(y) and _whole(height)):
            return None
        width = item.boundingRect().width()
        pen = item.frame_pen()
        if not _whole(width) or pen.style() != SOLID:
            return None
        return (width, item.tint, item.background(), pen.color().rgba(), pen.widthF())

    def draw(self, painter: QPainter, item: CardItem, key: FrameKey) -> None:
        """Copy ``item``'s frame of kind ``key`` (from ``copied``) where ``painter`` is
        translated to."""
        height = item.height()
        frame = self._frames.get(key)
        if frame is None or frame.height() < height:
            tall = -(-height // self.ROUND) * self.ROUND
            frame = self._frames[key] = self._drawn(item, tall)
        width, top = key[0], height - self.SLICE
        painter.drawImage(QPointF(0, 0), frame, QRectF(0, 0, width, top))
        painter.drawImage(
            QPointF(0, top), frame, QRectF(0, frame.height() - self.SLICE, width, self.SLICE)
        )

    @staticmethod
    def _drawn(item: CardItem, height: float) -> QImage:
        image = QImage(
            round(item.boundingRect().width()), round(height), QImage.Format.Format_RGB32
        )
        image.fill(QColor(item.tint))
        painter = QPainter(image)
        try:
            item.paint_frame(painter, height)
        finally:
            painter.end()
        return image


def _whole(value: float) -> bool:
    return float(value).is_integer()


@dataclass
class Board:
    """A session's board ready to draw: its columns, their counts, and its pages."""

    title: str
    columns: tuple[Column, ...]
    counts: dict[str, int]
    pages: list[Page]
    column_width: float
    frames: NoteFrames = field(default_factory=NoteFrames)

    def width(self) -> int:
        columns = len(self.columns)
        return round(columns * self.column_width + (columns - 1) * GAP) + 2 * MARGIN


def _template(store: Store, session: Session) -> Template:
    series = store.get(Series, session.series_id)
    if series and series.template:
        return Template.from_dict(series.template).for_phase(session.phase)
    return builtin_template().for_phase(session.phase)


def _shown(card: Card) -> Card:
    """The card as the image shows it: a text or tags longer than the app accepts from
    outside are cut with « … », so that no note is taller than a page."""
    text = card.text
    if len(text) > limits.MAX_IDEA:
        text = text[: limits.MAX_IDEA - 1].rstrip() + "…"
    tags = [t if len(t) <= limits.MAX_TAG else t[: limits.MAX_TAG - 1] + "…" for t in card.tags]
    if len(tags) > limits.MAX_TAGS:
        tags = [*tags[: limits.MAX_TAGS], "…"]
    if text == card.text and tags == card.tags:
        return card
    return dataclasses.replace(card, text=text, tags=tags)


@dataclass
class Earlier:
    """A Convergence wall's pistes of the earlier ateliers (read-only there), with the
    objectives framed round them: id → where each comes from (« Ateliers 3 et 4 »)."""

    cards: list[Card] = field(default_factory=list)
    traces: dict[str, str] = field(default_factory=dict)
    objectives: dict[str, str] = field(default_factory=dict)
    groups: list[Cluster] = field(default_factory=list)


def _earlier(store: Store, session: Session, template: Template) -> Earlier:
    """What the wall of ``session`` shows of the earlier ateliers (none but on a
    Convergence wall), as ``ui.board_actions`` puts it there."""
    shown = earlier_pistes.earlier_cards(store, session, template)
    if not shown:
        return Earlier()
    objectives = earlier_pistes.earlier_objectives(store, shown)
    kept = {o.cluster.id for o in objectives}
    return Earlier(
        cards=[
            e.card if e.card.cluster_id in kept else dataclasses.replace(e.card, cluster_id=None)
            for e in shown
        ],
        traces={e.card.id: credit.traced(e.ateliers) for e in shown},
        objectives={o.cluster.id: credit.objective_traced(o.ateliers) for o in objectives},
        groups=[o.cluster for o in objectives],
    )


def _notes(
    store: Store,
    session: Session,
    columns: Sequence[Column],
    fonts: Fonts,
    width: float,
    earlier: Earlier,
) -> tuple[dict[str, list[CardItem]], dict[str, Cluster]]:
    """Each column's notes, measured, in the wall's order (groups together), and the groups;
    on a Convergence wall, the earlier ateliers' pistes after this atelier's own."""
    cards = [*session_cards(store, session.id), *earlier.cards]
    personas = {p.id: p for p in store.find(Persona, series_id=session.series_id)}
    tables = {t.id: t for t in store.find(Table, session_id=session.id)}
    live = {c.id for c in cards}
    dots = {k: v for k, v in votes.all_totals(store, session.id).items() if k in live}
    tints = {c.key: c.tint for c in columns}
    first = columns[0].key
    marks = _marks(store, session)
    stacks: dict[str, list[CardItem]] = {c.key: [] for c in columns}
    for card in sorted(cards, key=lambda c: c.position):
        key = card.column if card.column in stacks else first  # an unknown column: not lost
        item = CardItem(_shown(card), tints[key], fonts, width, estimate=False)
        persona = personas.get(card.persona_id or "")
        table = tables.get(card.table_id or "")
        trace = earlier.traces.get(card.id, "")
        mark = marks(card)
        if persona or table or trace or mark:
            item.look = CardLook(
                persona_name=persona.first_name if persona else "",
                persona_colour=persona.colour if persona else "",
                table=f"T{table.number}" if table else "",
                trace=trace,
                mark=mark,
            )
        item.votes = dots.get(card.id, 0)
        item.measure()
        stacks[key].append(item)
    own = clusters(store, session.id)
    groups = {g.id: g for g in [*own, *earlier.groups] if g.column in stacks}
    for key, stack in stacks.items():
        stacks[key] = gather_by(stack, lambda i: _group_of(i.card, groups))
    return stacks, groups


def _marks(store: Store, session: Session) -> Callable[[Card], str]:
    """What a Valeurs wall's card became, as the wall says it under its text (« Paradoxe
    2 », « Valeur adoptée »: ``BoardNotes``)."""
    from fabrique_desktop.paradox_cards import formed_from

    series = store.get(Series, session.series_id)
    template = series.template if series is not None else {}
    formed = formed_from(template)
    values = template.get("values", []) if session.phase == "valeurs" else []
    adopted = {str(v.get("key")) for v in values if isinstance(v, dict) and v.get("key")}
    paradox = QCoreApplication.translate("BoardActions", "Paradoxe {}")
    value = QCoreApplication.translate("BoardActions", "Valeur adoptée")

    def mark(card: Card) -> str:
        said = [paradox.format(formed[card.id])] if card.id in formed else []
        if adopted.intersection(card.value_keys):
            said.append(value)
        return "  ".join(said)

    return mark


def _group_of(card: Card, groups: dict[str, Cluster]) -> str | None:
    group = groups.get(card.cluster_id or "")
    return group.id if group is not None and group.column == card.column else None


def _flow(
    stack: list[CardItem],
    left: float,
    width: float,
    bands: dict[str, ClusterItem],
    groups: dict[str, Cluster],
    pages: list[Page],
    height: float = PAGE_HEIGHT,
) -> None:
    """Lay one column's notes down the pages, as the wall does, cut between notes; a group
    cut by a page goes on under its band again."""
    number, y = 0, COLUMN_PADDING
    group: tuple[ClusterItem, float, float] | None = None  # the open frame: item, top, band

    def page() -> Page:
        while len(pages) <= number:
            pages.append(Page())
        return pages[number]

    def close(bottom: float) -> None:
        assert group is not None
        band_item, top, band = group
        frame = QRectF(left + 2, top, width - 4, bottom - top)
        page().frames.append((band_item, frame, band))
        page().bottom = max(page().bottom, bottom)

    for row, item in enumerate(stack):
        key = _group_of(item.card, groups)
        starts = key is not None and (group is None or group[0].cluster_id != key)
        band = bands[key].band_height(width - 4) if key is not None else 0.0
        need = item.height() + (band + CLUSTER_GAP if starts else 0.0)
        if key is not None:
            need += CLUSTER_GAP  # the frame's foot, below the card
        if y + need > height and y > COLUMN_PADDING:  # the next page
            if group is not None:
                close(y - GAP + CLUSTER_GAP)
            number, y = number + 1, COLUMN_PADDING
            starts = key is not None
        if starts and key is not None:
            group = (bands[key], y, band)
            y += band + CLUSTER_GAP
        page().notes.append((item, left + COLUMN_PADDING, y))
        y += item.height() + GAP
        page().bottom = max(page().bottom, y - GAP)
        following = stack[row + 1] if row + 1 < len(stack) else None
        if group is not None and (following is None or _group_of(following.card, groups) != key):
            y += CLUSTER_GAP - GAP
            close(y)
            group = None
            y += GAP


def board_layout(
    store: Store,
    session: Session,
    template: Template | None = None,
    page_height: float | None = None,
) -> Board:
    """The board of ``session`` measured and cut into pages."""
    ensure_gui()
    template = template or _template(store, session)
    columns = template.columns
    fonts = Fonts(
        with_fallbacks(QApplication.font()), CARD_PIXEL_SIZE, keep_heights=True, keep_layouts=True
    )
    card_width = COLUMN_WIDTH - 2 * COLUMN_PADDING
    earlier = _earlier(store, session, template)
    stacks, groups = _notes(store, session, columns, fonts, card_width, earlier)
    bands: dict[str, ClusterItem] = {}
    for group in groups.values():
        band = ClusterItem(group.id, group.name)
        if group.id in earlier.objectives:
            band.set_trace(earlier.objectives[group.id])
        band.set_font(fonts.text)
        band.colour = next(c.colour for c in columns if c.key == group.column)
        band.count = sum(1 for i in stacks[group.column] if i.card.cluster_id == group.id)
        bands[group.id] = band
    pages: list[Page] = []
    for index, column in enumerate(columns):
        left = index * (COLUMN_WIDTH + GAP)
        height = page_height or PAGE_HEIGHT
        _flow(stacks[column.key], left, COLUMN_WIDTH, bands, groups, pages, height)
    counts = {key: len(stack) for key, stack in stacks.items()}
    return Board(session.title, columns, counts, pages or [Page()], COLUMN_WIDTH)


def _fitted(painter: QPainter, text: str, pixels: int, width: float, smallest: int) -> str:
    """Set a bold font on ``painter`` at which ``text`` fits ``width`` (down to
    ``smallest`` pixels); return the text, cut with « … » if even that is too wide."""
    font = with_fallbacks(QApplication.font())
    font.setBold(True)
    for size in range(pixels, smallest - 1, -1):
        font.setPixelSize(size)
        metrics = QFontMetricsF(font)
        if metrics.horizontalAdvance(text) <= width or size == smallest:
            painter.setFont(font)
            return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    return text


def draw_page(board: Board, number: int) -> QImage:
    """Page ``number`` (from 0) of the board as an image."""
    image = QImage(board.width(), page_height(board, number), QImage.Format.Format_RGB32)
    paint_page(board, number, image)
    return image


def page_height(board: Board, number: int) -> int:
    return round(_area(board.pages[number])) + HEADER + 2 * MARGIN


def _area(page: Page) -> float:
    """The height of the page's columns."""
    return max(page.bottom + COLUMN_PADDING, 200.0)


def paint_page(board: Board, number: int, image: QImage) -> None:
    """Paint page ``number`` onto the top ``page_height`` rows of ``image`` (as wide as the
    board; what lies below them is left as it was).

    Each pixel is filled once where that gives the same picture: the board's grey only
    round the columns, a column's tint only round the notes whose frames are copied (a
    copy covers its note's rectangle). Filling the page, then the columns, then the notes
    wrote each pixel three times: a third of the drawing (``_fill_page``)."""
    page = board.pages[number]
    area = _area(page)
    width = board.width()
    top = HEADER + MARGIN / 2
    columns = [
        QRectF(MARGIN + index * (board.column_width + GAP), top, board.column_width, area)
        for index in range(len(board.columns))
    ]
    notes = [
        (item, x, y, board.frames.copied(item, MARGIN + x, top + y)) for item, x, y in page.notes
    ]
    painter = QPainter(image)
    try:
        insides = _fill_page(painter, board, page_height(board, number), columns, notes)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        title = board.title
        if len(board.pages) > 1:
            title = f"{title} — {number + 1}/{len(board.pages)}"
        painter.setPen(QColor(theme.INK))
        room = width - 2 * MARGIN
        title = _fitted(painter, title, TITLE_PIXELS, room, HEADER_PIXELS)
        left_middle = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(QRectF(MARGIN, TITLE_TOP, room, TITLE_HEIGHT), left_middle, title)
        for column, rect, inside in zip(board.columns, columns, insides, strict=True):
            header = QRectF(rect.left(), HEADER_TOP, board.column_width, HEADER_HEIGHT)
            painter.fillRect(header, QColor(column.colour))
            painter.setPen(QColor(theme.readable_ink(column.colour)))
            label = f"{column.title}  ({board.counts.get(column.key, 0)})"
            inner = header.adjusted(12, 0, -12, 0)
            label = _fitted(painter, label, HEADER_PIXELS, inner.width(), SMALLEST_HEADER)
            painter.drawText(inner, left_middle, label)
            if inside:  # its tint already filled round the notes
                _edge(painter, rect, QColor(column.colour))
                continue
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # straight edges
            painter.setPen(QPen(QColor(column.colour), 2))
            painter.setBrush(QColor(column.tint))
            painter.drawRect(rect)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        option = QStyleOptionGraphicsItem()
        for band, frame, band_height in page.frames:
            band.set_frame(frame, band_height)
            painter.save()
            painter.translate(MARGIN + frame.left(), top + frame.top())
            band.paint(painter, option)
            painter.restore()
        for item, x, y, key in notes:
            painter.save()
            painter.translate(MARGIN + x, top + y)
            if key is not None:
                board.frames.draw(painter, item, key)
            else:
                item.paint_frame(painter)
            item.paint_inside(painter)
            painter.restore()
    finally:
        painter.end()


def _edge(painter: QPainter, rect: QRectF, colour: QColor) -> None:
    """A column's outline (``rect`` on the pixel grid) in four fills: the pixels a 2-px pen
    paints round it without antialiasing (its bevelled joins leave the two outer corners on
    the left unpainted). Stroked, each column's outline went through Qt's path stroker,
    as long as the page is tall (~0.8 M instructions a column)."""
    x, y, width, height = _box(rect)
    painter.fillRect(x, y - 1, width + 1, 2, colour)  # top
    painter.fillRect(x, y + height - 1, width + 1, 2, colour)  # bottom
    painter.fillRect(x - 1, y, 2, height, colour)  # left
    painter.fillRect(x + width - 1, y, 2, height, colour)  # right


def _fill_page(
    painter: QPainter,
    board: Board,
    height: int,
    columns: list[QRectF],
    notes: list[tuple[CardItem, float, float, FrameKey | None]],
) -> list[bool]:
    """Fill the page's background round the columns and each column's tint round the
    notes whose frames are copied; per column, whether its tint is filled (if not, its
    rectangle's brush fills it). Off the pixel grid or with a colour not opaque, the page
    and the columns are filled whole, as drawn before."""
    background = QColor(theme.BOARD_BACKGROUND)
    tints = [QColor(c.tint) for c in board.columns]
    edges = [QColor(c.colour) for c in board.columns]
    grid = all(_whole(v) for r in columns for v in (r.left(), r.top(), r.width(), r.height()))
    if not grid or any(c.alpha() != 255 for c in [*tints, *edges]):
        painter.fillRect(0, 0, board.width(), height, background)
        return [False] * len(columns)
    for part in _round_columns(board.width(), height, columns):
        painter.fillRect(*part, background)
    top, pitch = columns[0].top(), board.column_width + GAP
    copies: list[list[Box]] = [[] for _ in columns]  # each column's copied notes
    for item, x, y, key in notes:
        if key is not None:
            copies[min(int(x // pitch), len(columns) - 1)].append(
                (int(MARGIN + x), int(top + y), int(key[0]), int(item.height()))
            )
    filled = []
    for rect, tint, boxes in zip(columns, tints, copies, strict=True):
        parts = _round_notes(_box(rect), boxes)
        for part in parts or ():
            painter.fillRect(*part, tint)
        filled.append(parts is not None)
    return filled


Box = tuple[int, int, int, int]  # left, top, width, height: whole pixels


def _box(rect: QRectF) -> Box:
    return int(rect.left()), int(rect.top()), int(rect.width()), int(rect.height())


def _round_columns(width: int, height: int, columns: list[QRectF]) -> list[Box]:
    """The page less the columns (side by side, all as high): above, between, below."""
    top, bottom = int(columns[0].top()), int(columns[0].bottom())
    parts = [(0, 0, width, top), (0, bottom, width, height - bottom)]
    left = 0
    for column in [*(_box(c) for c in columns), (width, top, 0, 0)]:
        parts.append((left, top, column[0] - left, bottom - top))
        left = column[0] + column[2]
    return [part for part in parts if part[2] > 0 and part[3] > 0]


def _round_notes(column: Box, notes: list[Box]) -> list[Box] | None:
    """The column less its notes (one under the other, all as wide, inside it): beside
    them, and above, between and below them; None if they do not stack so."""
    left, top, width, height = column
    if not notes:
        return [column]
    inner, wide = notes[0][0], notes[0][2]
    parts = [
        (left, top, inner - left, height),
        (inner + wide, top, left + width - inner - wide, height),
    ]
    y = top
    for x, note_top, note_width, note_height in sorted(notes, key=lambda n: n[1]):
        if (x, note_width) != (inner, wide) or note_top < y:
            return None
        parts.append((inner, y, wide, note_top - y))
        y = note_top + note_height
    if inner < left or inner + wide > left + width or y > top + height:
        return None
    parts.append((inner, y, wide, top + height - y))
    return [part for part in parts if part[2] > 0 and part[3] > 0]


def png_of(image: QImage) -> bytes:
    return _packing(QImage(image)).result()


def _packing(image: QImage, pool: Executor | None = None) -> PngJob:
    """The image's PNG, packed in ``pool``'s threads when given. The image is converted to
    RGB in place (no second page in memory; a copy of ``png_of``'s, shared until then) and
    its rows are handed over as they are: the job keeps it until it is done."""
    image.convertTo(QImage.Format.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    bits = memoryview(image.constBits()).cast("B")
    size = width * 3
    rows = [bits[y * stride : y * stride + size] for y in range(height)]
    return PngJob(width, height, rows, pool, PACKERS, keep=image)


class PageCanvas:
    """One page-sized image to paint every page of a board on, and one buffer for the RGB
    rows a page is packed from, both reused from page to page: a fresh page's memory costs
    more to touch the first time (~25 ms a page) than to paint.

    The buffer holds the rows as the PNG's data does, each after its filter byte (0, left
    as it is by Qt, which writes only a row's pixels): the page is deflated where it lies,
    not copied row by row into the stream's pieces first."""

    def __init__(self, board: Board) -> None:
        width = board.width()
        tallest = max(page_height(board, n) for n in range(len(board.pages)))
        self.image = QImage(width, tallest, QImage.Format.Format_RGB32)
        self._stride = 1 + width * 3  # a row's filter byte, then its pixels
        self._rows = bytearray(self._stride * tallest)

    def packing(self, height: int, pool: Executor | None = None) -> PngJob:
        """The PNG of the image's top ``height`` rows. The rows buffer is reused: the job
        must be done before the next page is packed."""
        width = self.image.width()
        pixels = memoryview(self._rows)[1:]  # the first row's pixels, after its filter byte
        rgb = QImage(pixels, width, height, self._stride, QImage.Format.Format_RGB888)
        painter = QPainter(rgb)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        painter.drawImage(0, 0, self.image, 0, 0, width, height)
        painter.end()
        rows = Filtered(memoryview(self._rows), self._stride)
        return PngJob(width, height, rows, pool, PACKERS, keep=rgb)


def board_images(store: Store, session: Session, template: Template | None = None) -> list[QImage]:
    """The board as one image, or as pages when it is taller than ``PAGE_HEIGHT``."""
    board = board_layout(store, session, template)
    return [draw_page(board, n) for n in range(len(board.pages))]


def board_image(store: Store, session: Session, template: Template | None = None) -> QImage:
    """The first page of the board (the whole board when it fits on one)."""
    return draw_page(board_layout(store, session, template), 0)


def board_png(store: Store, session: Session) -> bytes:
    return png_of(board_image(store, session))


def page_path(target: Path | str, number: int) -> Path:
    """``tableau.png``, then ``tableau-2.png``, ``tableau-3.png``… for the next pages."""
    target = Path(target)
    if number == 1:
        return target
    return target.with_name(f"{target.stem}-{number}{target.suffix or '.png'}")


def write_board_png(store: Store, session: Session, target: Path | str) -> list[Path]:
    """Write the board to ``target`` (and ``target-2.png``… when it takes several pages),
    one page in memory at a time; returns the files written.

    A page is drawn while the one before is deflated (``PACKERS`` threads) and the one
    before that written to disk by a thread of its own: each file is synced to the disk
    before it replaces the old one (10–40 ms a page), and the drawing does not wait for it."""
    board = board_layout(store, session)
    written = [page_path(target, n + 1) for n in range(len(board.pages))]
    check_pages(written)  # the pages' names are taken by nothing but earlier pages
    writes: list[Future[None]] = []
    with ThreadPoolExecutor(PACKERS) as pool, ThreadPoolExecutor(1) as writer:
        try:
            packing: tuple[Path, PngJob] | None = None
            canvas = PageCanvas(board)
            for number, path in enumerate(written):
                paint_page(board, number, canvas.image)
                if packing is not None:  # one page packed at a time: its rows are reused
                    writes.append(_write(writer, writes, *packing))
                _raise_failed(writes)  # a full disk stops the export at once
                packing = (path, canvas.packing(page_height(board, number), pool))
            if packing is not None:
                writes.append(_write(writer, writes, *packing))
            for write in writes:
                write.result()
        except BaseException:
            for write in writes:  # the pages not written yet are not begun
                write.cancel()
            raise
    remove_stale_pages(len(written), lambda number: page_path(target, number))
    return written


def _write(
    writer: Executor, writes: Sequence[Future[None]], path: Path, job: PngJob
) -> Future[None]:
    """The page written by ``writer`` after the pages before it (in order, one thread),
    once its rows are deflated (they are reused by the next page); its file's bytes are
    put together by the writer, not the drawing thread."""
    job.deflated()
    return writer.submit(_write_after, writes[-1] if writes else None, path, job)


def _write_after(previous: Future[None] | None, path: Path, job: PngJob) -> None:
    data = job.result()
    if previous is not None:
        previous.result()  # a page not written (a full disk): the next ones are not either
    write_bytes(path, data)


def _raise_failed(writes: Sequence[Future[None]]) -> None:
    for write in writes:
        if write.done():
            write.result()
