"""A sticky note on the board scene. It draws a card's values; it never changes them.

Layout of a note: the idea's text (word-wrapped; a card whose longest word would not fit
gets a smaller font, so that text is never clipped), then a line of badges — horizon,
persona first name, table, tags — votes first. A persona colour
strip runs down the left edge.

Measuring wrapped text is the costly part of opening a big board, so a new note first
gets an *estimated* height; ``measure()`` computes the exact one (the scene does it for
the notes on screen at once, and for the others just after the window is shown).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QWidget

from fabrique_desktop.hyphenation import SOFT_HYPHEN, hyphenate
from fabrique_desktop.lazy_pattern import LazyPattern
from fabrique_desktop.model import FUTUR, Card
from fabrique_desktop.quick_dataclass import quick_dataclass
from fabrique_desktop.typography import french_spacing
from ui import theme
from ui.laid_text import LaidText, lay_out

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

PADDING = 10.0
STRIP = 8.0  # the persona colour strip
GHOST_PADDING = 8.0
TILE_PADDING = 8.0
PILL_PADDING = 10.0
VOTE_PILL = "#1A237E"  # the dots: white on deep blue, 14:1, on every card colour
SECRET_PILL = "#455A64"  # a secret vote: the pill says « secret », no count
VOTE_INK = "#FFFFFF"
EDGE = "#78909C"
LONG_WORD, SHORT_WORD = 9, 6  # letters: words hyphenated when a card is narrow, very narrow
MIN_SCALE = 0.5  # a card's text never shrinks below this share of the board's type size
# where lines may break: spaces, soft hyphens and after a hyphen before a letter, as Qt does
# (« Saint-|Charles »); not no-break spaces (« mot »); and before and after each Chinese,
# Japanese or Korean character, as Qt does (a line of Chinese, with no space, was taken for
# one long word: its note shrank to half the board's type)
WIDE = "\u2e80-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
BREAKS = LazyPattern(f"[ \t\n\u00ad]+|(?<=-)(?=[^\\W\\d_])|(?<=[{WIDE}])|(?=[{WIDE}])")
TILE_WORDS = LazyPattern(f"[{WIDE}]|[^ {WIDE}]+")  # an overview tile's words (CJK: each sign)
WORD_WRAP = int(Qt.TextFlag.TextWordWrap)
TEXT_FLAGS = WORD_WRAP | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)
ANYWHERE_FLAGS = TEXT_FLAGS | int(Qt.TextFlag.TextWrapAnywhere)
# the badge line reads left to right whatever its first name: « محمد  #Mobilité » (an Arabic
# name first made the line right to left: « Mobilité#  محمد »)
LEFT_TO_RIGHT = int(Qt.TextFlag.TextForceLeftToRight)


@quick_dataclass(frozen=True)
class CardLook:
    """What a note shows besides the card itself (names resolved by the scene)."""

    persona_name: str = ""
    persona_colour: str = ""
    table: str = ""
    fused: int = 0  # how many ideas were fused into this one (0: none)
    trace: str = ""  # an earlier atelier's piste, read-only here: where it comes from
    mark: str = ""  # what the card became on a Valeurs wall: « Paradoxe 2 », « Valeur adoptée »


@quick_dataclass(frozen=True)
class VoteMark:
    """A card's dots as the room sees them: a count, or « secret » while a secret vote is
    not revealed. Drawn as a dark pill at the card's type size or larger (issue 13: read
    from the back of the room). Other sources of counts (phones) give the same mark."""

    count: int = 0
    secret: bool = False

    @property
    def shown(self) -> bool:
        return self.secret or self.count > 0

    def label(self) -> str:
        return "● secret" if self.secret else f"● {self.count}"


class Fonts:
    """The board's fonts at one type size, shared by every note, with their metrics."""

    def __init__(
        self,
        family_font: QFont,
        pixel_size: float,
        *,
        keep_heights: bool = False,
        keep_layouts: bool = False,
    ) -> None:
        self.pixel_size = pixel_size
        # the wrapped heights of badge lines already measured, when kept (the board image:
        # one export, its fonts fixed; 2000 notes share a few dozen badge lines)
        self.heights: dict[tuple[float, int, float, str], float] | None = (
            {} if keep_heights else None
        )
        # the board image: texts laid out once, measured and drawn from the same layout
        # (a badge line shared by many notes: one layout for all)
        self.layouts: dict[tuple[float, int, float, str], LaidText | None] | None = (
            {} if keep_layouts else None
        )
        self.text = QFont(family_font)
        self.text.setBold(False)
        self.text.setPixelSize(max(6, round(pixel_size)))
        self.small = QFont(family_font)
        self.small.setPixelSize(max(6, round(pixel_size * 0.72)))
        self.small.setBold(True)
        text_metrics = self.text_metrics
        self.average = text_metrics.averageCharWidth()
        # what a note's guessed height (CardItem._estimate) reads, once per type size: the
        # metrics made afresh at each guess were half of a note's making (3 per guess)
        self.text_line = text_metrics.lineSpacing()
        self.text_height = text_metrics.height()
        self.small_line = self.small_metrics.lineSpacing()
        self._scaled: dict[tuple[bool, int], QFont] = {}
        self._fits: dict[tuple[float, str], tuple[float, bool]] = {}  # badge lines, kept

    # Metrics are made afresh: one kept from before the font database changed (fonts
    # registered again) can disagree with what the painter will draw.

    @property
    def text_metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.text)

    @property
    def small_metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.small)

    def scaled(self, small: bool, scale: float) -> tuple[QFont, QFontMetricsF]:
        """The text (or badge) font at ``scale`` of its size (for a very long word)."""
        base = self.small if small else self.text
        size = max(6, round(base.pixelSize() * scale))
        if (small, size) not in self._scaled:
            font = QFont(base)
            font.setPixelSize(size)
            self._scaled[small, size] = font
        font = self._scaled[small, size]
        return font, QFontMetricsF(font)

    def fit(self, small: bool, text: str, width: float) -> tuple[float, bool]:
        """The scale at which the widest unbreakable piece of ``text`` fits ``width`` (1 if
        it does), and whether words must still be broken anywhere (only below MIN_SCALE)."""
        if self.heights is None or not small:
            return self._fit(small, text, width)
        key = (width, text)  # a badge line's fit, kept as its heights are (fonts fixed)
        if key not in self._fits:
            self._fits[key] = self._fit(small, text, width)
        return self._fits[key]

    def _fit(self, small: bool, text: str, width: float) -> tuple[float, bool]:
        factor = 1.2 if small else 1.5
        # the pieces between spaces hold every piece BREAKS cuts: none long enough to
        # measure (nearly every text) is known without the pattern's slow search
        if max(map(len, text.split(" "))) * self.average * factor <= width:
            return 1.0, False
        metrics = self.small_metrics if small else self.text_metrics
        hyphen = metrics.horizontalAdvance("-") if SOFT_HYPHEN in text else 0.0
        pieces = [p for p in BREAKS.split(text) if len(p) * self.average * factor > width]
        if not pieces:
            return 1.0, False  # surely fits: no measuring
        advance = max(metrics.horizontalAdvance(p) for p in pieces) + hyphen
        if advance <= width:
            return 1.0, False
        scale = max(MIN_SCALE, width / advance * 0.97)
        while True:  # the rounded pixel size can be a little too large: one pixel less
            scaled = self.scaled(small, scale)[1]
            hyphen = scaled.horizontalAdvance("-") if SOFT_HYPHEN in text else 0.0
            too_wide = max(scaled.horizontalAdvance(p) for p in pieces) + hyphen > width
            size = self.scaled(small, scale)[0].pixelSize()
            if not too_wide or scale <= MIN_SCALE or size <= 6:
                return scale, too_wide
            base = (self.small if small else self.text).pixelSize()
            scale = max(MIN_SCALE, (size - 1) / base)

    def widest_piece(self, texts: Iterable[str], width: float) -> float:
        """The advance, in the text font, of the widest piece of ``texts`` that cannot be
        broken — a word, or a syllable of a long word with its hyphen — among those that
        may not fit ``width`` (0 if every piece surely fits)."""
        metrics = self.text_metrics
        hyphen = metrics.horizontalAdvance("-")
        widest = 0.0
        for text in texts:
            for piece in BREAKS.split(french_spacing(text)):
                if len(piece) * self.average * 1.5 <= width:
                    continue
                for part in hyphenate(piece, SHORT_WORD).split(SOFT_HYPHEN):
                    if len(part) * self.average * 1.5 > width:
                        widest = max(widest, metrics.horizontalAdvance(part) + hyphen)
        return widest


class CardItem(QGraphicsItem):
    def __init__(
        self, card: Card, tint: str, fonts: Fonts, width: float, *, estimate: bool = True
    ) -> None:
        """``estimate``: guess the note's height now (False: ``measure()`` comes next)."""
        super().__init__()
        self.card = card
        self.tint = tint
        self.look = CardLook()
        self.votes = 0
        self.votes_secret = False
        self.measured = False
        self.laid_at: tuple[float, float] | None = None  # where the scene last put it
        self._fonts = fonts
        self._width = width
        self._scale = 1.0
        self._anywhere = False
        self._display = card.text
        self._badge_scale = 1.0
        self._badge_anywhere = False
        self._badge_text = ""  # the badges as drawn (soft hyphens in a tag too long)
        self._text_height = 0.0
        self._badge_height = 0.0
        self._vote_height = 0.0
        self._laid_text: LaidText | None = None  # with Fonts.layouts: the text, laid out
        self._laid_badges: LaidText | None = None
        self._height = self._estimate() if estimate else 0.0
        self._ghost: int | None = None  # while dragged: how many other cards come with it
        # the overview: width, height, font, lines
        self._tile: tuple[float, float, QFont, int] | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        # a picture per note in its own coordinates: the view never scales (the zoom is the type
        # size). Not DeviceCoordinateCache: for a note taller than the view, or partly out of it,
        # Qt repaints only the newly scrolled-in strip of that cache and keeps the rest even when
        # the note changed (fragments of old text on the wall: issue 13)
        self.setCacheMode(QGraphicsItem.CacheMode.ItemCoordinateCache)

    @property
    def card_id(self) -> str:
        return self.card.id

    def set_card(self, card: Card, look: CardLook | None = None) -> None:
        self.card = card
        if look is not None:
            self.look = look
        self._remeasure()

    def set_look(self, look: CardLook) -> None:
        if look != self.look:
            self.look = look
            self._remeasure()

    def set_votes(self, votes: int, secret: bool | None = None) -> None:
        """The card's dots (``secret``: the count is hidden, the card says « secret »)."""
        secret = self.votes_secret if secret is None else secret
        if (votes, secret) != (self.votes, self.votes_secret):
            self.votes, self.votes_secret = votes, secret
            self._remeasure()

    def vote_mark(self) -> VoteMark:
        return VoteMark(self.votes, self.votes_secret)

    def vote_rect(self) -> QRectF:
        """Where the dots' pill is drawn (empty when the card shows none)."""
        mark = self.vote_mark()
        if not mark.shown:
            return QRectF()
        metrics = QFontMetricsF(self.vote_font())
        text = self.text_rect()
        width = metrics.horizontalAdvance(mark.label()) + 2 * PILL_PADDING
        return QRectF(text.left(), text.bottom() + 6, min(width, text.width()), self._vote_height)

    def vote_font(self) -> QFont:
        """The dots' type: bold, at least the card's text size."""
        font = QFont(self._fonts.text)
        font.setBold(True)
        return font

    def set_geometry(self, fonts: Fonts, width: float) -> None:
        self.prepareGeometryChange()
        self._fonts = fonts
        self._width = width
        self.measured = False
        self._laid_text = self._laid_badges = None
        self._height = self._estimate()
        self.update()  # the cached picture was drawn at the old width or type size

    def height(self) -> float:
        """The note's height on the board (also while it is dragged as a ghost)."""
        return self._height

    def set_ghost(self, on: bool, others: int = 0) -> None:
        """While dragged, the note shrinks to one line (its first words, and « +n » for the
        other cards carried along), so that the cards under the pointer stay readable."""
        ghost = others if on else None
        if ghost != self._ghost:
            self.prepareGeometryChange()
            self._ghost = ghost
            self.update()

    @property
    def is_ghost(self) -> bool:
        return self._ghost is not None

    def set_tile(self, tile: tuple[float, float, QFont, int] | None) -> None:
        """The overview: the note as a tile of a few lines, its first words (width, height,
        font, lines), or None for the whole note."""
        if tile != self._tile:
            self.prepareGeometryChange()
            self._tile = tile
            self.update()

    @property
    def is_tile(self) -> bool:
        return self._tile is not None

    def tile_text(self) -> str:
        """What a tile shows: the first words that fit on its lines, then « … »."""
        if self._tile is None:
            return ""
        width, _height, font, lines = self._tile
        metrics = QFontMetricsF(font)
        more = f"  ● {self.votes}" if self.votes and not self.votes_secret else ""
        room = width - 2 * TILE_PADDING
        text = " ".join(self.card.text.split())
        # the words, and each Chinese, Japanese or Korean character on its own (a line of
        # Chinese, with no space, was one word: its tile showed one line of two)
        words = [m.span() for m in TILE_WORDS.finditer(text)]
        shown: list[str] = []
        while words and len(shown) < lines - 1:
            if metrics.horizontalAdvance(text[slice(*words[0])]) > room:
                break  # a word longer than the line: cut on the last line
            taken = 1
            while (
                taken < len(words)
                and metrics.horizontalAdvance(text[words[0][0] : words[taken][1]]) <= room
            ):
                taken += 1
            shown.append(text[words[0][0] : words[taken - 1][1]])
            words = words[taken:]
        rest = text[words[0][0] :] if words else ""
        last = metrics.elidedText(
            rest, Qt.TextElideMode.ElideRight, room - metrics.horizontalAdvance(more)
        )
        return "\n".join([*shown, last] if last or not shown else shown) + more

    def text_font(self) -> QFont:
        return self._fonts.scaled(False, self._scale)[0] if self._scale < 1 else self._fonts.text

    def text_rect(self) -> QRectF:
        """Where the idea's text is drawn, in item coordinates."""
        left = PADDING + (STRIP if self.look.persona_colour else 0)
        return QRectF(left, PADDING, self._width - left - PADDING, self._text_height)

    def display_text(self) -> str:
        """The text as drawn: the card's, with soft hyphens in words too long for the column."""
        return self._display

    def text_flags(self) -> int:
        return ANYWHERE_FLAGS if self._anywhere else TEXT_FLAGS

    def measure(self) -> bool:
        """Compute the exact height; True if it differs from what the scene laid out."""
        if self._width <= 0:
            return False
        fonts = self._fonts
        available = self.text_rect().width()
        self._display = french_spacing(self.card.text)  # no lone « » » starting a line
        self._scale, self._anywhere = fonts.fit(False, self._display, available)
        for shortest in (LONG_WORD, SHORT_WORD):  # long words first, then shorter ones
            if self._scale >= 1:  # (too long for the column: break at a syllable, not shrink)
                break
            hyphenated = hyphenate(self._display, shortest)
            if hyphenated != self._display:
                self._display = hyphenated
                self._scale, self._anywhere = fonts.fit(False, hyphenated, available)
        metrics = fonts.scaled(False, self._scale)[1] if self._scale < 1 else fonts.text_metrics
        bound = QRectF(0, 0, available, 1e6)
        self._laid_text = self._laid_badges = None
        if fonts.layouts is not None:
            self._laid_text = lay_out(
                self._display, self.text_font(), available, self.text_flags(), metrics.leading()
            )
        if self._laid_text is not None:
            self._text_height = math.ceil(self._laid_text.height)
        else:
            self._text_height = math.ceil(
                metrics.boundingRect(bound, self.text_flags(), self._display).height()
            )
        self._vote_height = 0.0
        if self.vote_mark().shown:
            self._vote_height = math.ceil(QFontMetricsF(self.vote_font()).height()) + 4
        badges = self._badge_text = self._badges()
        self._badge_height = 0.0
        if badges:
            self._badge_scale, self._badge_anywhere = fonts.fit(True, badges, available)
            if self._badge_scale < 1 and hyphenate(badges) != badges:
                badges = self._badge_text = hyphenate(badges)  # « #Environ-nement »
                self._badge_scale, self._badge_anywhere = fonts.fit(True, badges, available)
            flags = self.badge_flags()
            key = (self._badge_scale, flags, available, badges)
            if fonts.layouts is not None:
                if key not in fonts.layouts:
                    fonts.layouts[key] = lay_out(badges, self.badge_font(), available, flags)
                self._laid_badges = fonts.layouts[key]
            if self._laid_badges is not None:
                self._badge_height = math.ceil(self._laid_badges.height) + 6
            elif fonts.heights is not None and key in fonts.heights:
                self._badge_height = fonts.heights[key]
            else:
                small = fonts.scaled(True, self._badge_scale)[1]
                self._badge_height = (
                    math.ceil(small.boundingRect(bound, flags, badges).height()) + 6
                )
                if fonts.heights is not None:
                    fonts.heights[key] = self._badge_height
        height = self._text_height + self._vote_space() + self._badge_height + 2 * PADDING
        self.measured = True
        # the text may be laid out anew (other line breaks, syllables, size) at the same
        # height: the cached picture is stale either way (issue 13, stale paint)
        self.update()
        if height == self._height:
            return False
        self.prepareGeometryChange()
        self._height = height
        return True

    def badge_rect(self) -> QRectF:
        text = self.text_rect()
        top = text.bottom() + self._vote_space() + 6
        return QRectF(text.left(), top, text.width(), self._badge_height - 6)

    def _vote_space(self) -> float:
        return self._vote_height + 6 if self._vote_height else 0.0

    def badge_text(self) -> str:
        """The badges as drawn (a tag too long for the card hyphenated at a syllable)."""
        return self._badge_text if self.measured else self._badges()

    def badge_font(self) -> QFont:
        return self._fonts.scaled(True, self._badge_scale)[0]

    def badge_flags(self) -> int:
        return (ANYWHERE_FLAGS if self._badge_anywhere else TEXT_FLAGS) | LEFT_TO_RIGHT

    # private

    def _remeasure(self) -> None:
        self.measured = False
        self.measure()

    def _estimate(self) -> float:
        """A cheap guess of the height, replaced by ``measure()`` before the note is seen."""
        if self._width <= 0:
            return 0.0
        fonts = self._fonts
        per_line = max(1.0, (self._width - 2 * PADDING - STRIP) / fonts.average)
        lines = math.ceil(len(self.card.text) * 1.1 / per_line) or 1
        self._text_height = lines * fonts.text_line
        badges = fonts.small_line + 6 if self._badges() else 0.0
        self._badge_height = badges
        self._vote_height = fonts.text_height + 4 if self.votes_secret or self.votes > 0 else 0.0
        return self._text_height + self._vote_space() + badges + 2 * PADDING

    def _background(self) -> str:
        return self.card.colour or self.tint

    def _badges(self) -> str:
        parts: list[str] = []  # the dots are a pill of their own (vote_rect)
        if self.look.trace:
            parts.append(self.look.trace)
        if self.look.mark:
            parts.append(self.look.mark)
        if self.look.fused:
            # a card made of others (menu: « Défaire la fusion »), always 2 ideas or more
            fused = QCoreApplication.translate("CardItem", "Fusion de {} idées")
            parts.append(fused.format(self.look.fused))
        if self.card.card_kind == FUTUR:
            # a decision already taken, not a participant's idea
            parts.insert(0, QCoreApplication.translate("CardItem", "Futur engagé"))
        if self.card.horizon:
            parts.append(f"→{self.card.horizon}")
        if self.look.persona_name:
            parts.append(self.look.persona_name)
        if self.look.table:
            parts.append(self.look.table)
        parts.extend(self.card.tags)
        # no line starts with « : » nor « » », none ends with « « » (a theme « … » of the seed)
        return french_spacing("  ".join(parts))

    # Qt overrides

    def boundingRect(self) -> QRectF:
        if self._tile is not None and self._ghost is None:
            return QRectF(0, 0, self._tile[0], self._tile[1])
        if self._ghost is not None:
            line = self._fonts.small_metrics.lineSpacing()
            return QRectF(0, 0, max(120.0, self._width * 0.8), math.ceil(line + 2 * GHOST_PADDING))
        return QRectF(0, 0, self._width, self._height)

    def _paint_votes(self, painter: QPainter) -> None:
        mark = self.vote_mark()
        rect = self.vote_rect()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(SECRET_PILL if mark.secret else VOTE_PILL))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(QColor(VOTE_INK))
        painter.setFont(self.vote_font())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), mark.label())

    def _paint_tile(self, painter: QPainter) -> None:
        assert self._tile is not None
        rect = self.boundingRect().adjusted(1, 1, -1, -1)
        background = self._background()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected()
        painter.setPen(QPen(QColor(theme.SELECTION), 4) if selected else QPen(QColor(EDGE), 1))
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(rect, 4, 4)
        if self.look.persona_colour:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.look.persona_colour))
            painter.drawRect(QRectF(rect.left(), rect.top() + 2, 4, rect.height() - 4))
        painter.setPen(QColor(theme.readable_ink(background)))
        painter.setFont(self._tile[2])
        inner = rect.adjusted(TILE_PADDING, 0, -TILE_PADDING / 2, 0)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(inner, flags, self.tile_text())

    def _paint_ghost(self, painter: QPainter) -> None:
        rect = self.boundingRect().adjusted(1.5, 1.5, -1.5, -1.5)
        background = QColor(self._background())
        background.setAlpha(235)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(theme.SELECTION), 3))
        painter.setBrush(background)
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(QColor(theme.readable_ink(self._background())))
        painter.setFont(self._fonts.small)
        metrics = self._fonts.small_metrics
        more = f"  +{self._ghost}" if self._ghost else ""
        inner = rect.adjusted(GHOST_PADDING, 0, -GHOST_PADDING, 0)
        room = inner.width() - metrics.horizontalAdvance(more)
        words = metrics.elidedText(self.card.text, Qt.TextElideMode.ElideRight, room)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(inner, flags, words + more)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self._ghost is not None:
            self._paint_ghost(painter)
            return
        if self._tile is not None:
            self._paint_tile(painter)
            return
        self.paint_frame(painter)
        self.paint_inside(painter)

    def frame_pen(self) -> QPen:
        """The note's edge: a selection, a decision taken, an earlier piste, or plain."""
        if self.isSelected():
            return QPen(QColor(theme.SELECTION), 5)
        if self.card.card_kind == FUTUR:  # a decision already taken: a dark frame
            return QPen(QColor(theme.INK), 1)
        if self.look.trace:  # an earlier atelier's piste, read-only: a dashed frame
            return QPen(QColor(theme.INK), 2, Qt.PenStyle.DashLine)
        return QPen(QColor(EDGE), 1)

    def background(self) -> str:
        """The note's colour: the card's own, or its column's tint."""
        return self._background()

    def paint_frame(self, painter: QPainter, height: float | None = None) -> None:
        """The note's rounded shape, filled and edged (``height``: at another height than
        its own, for the board image's copies of it)."""
        rect = QRectF(0, 0, self._width, self._height if height is None else height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.frame_pen())
        painter.setBrush(QColor(self._background()))
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 6, 6)

    def paint_inside(self, painter: QPainter) -> None:
        """What the note shows inside its frame: the persona strip, text, dots and badges."""
        rect = self.boundingRect().adjusted(1, 1, -1, -1)
        ink = QColor(theme.readable_ink(self._background()))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.look.persona_colour:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.look.persona_colour))
            painter.drawRoundedRect(
                QRectF(rect.left() + 3, rect.top() + 3, STRIP, rect.height() - 6), 3, 3
            )
        painter.setPen(ink)
        laid = self._laid_text
        if laid is None or not laid.draw(painter, self.text_rect()):
            painter.setFont(self.text_font())
            painter.drawText(self.text_rect(), self.text_flags(), self._display)
        if self._vote_height:
            self._paint_votes(painter)
            painter.setPen(ink)
        badges = self.badge_text()
        laid = self._laid_badges
        if badges and (laid is None or not laid.draw(painter, self.badge_rect())):
            painter.setFont(self.badge_font())
            painter.drawText(self.badge_rect(), self.badge_flags(), badges)
