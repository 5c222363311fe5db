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
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QWidget

from fabrique_desktop.hyphenation import SOFT_HYPHEN, hyphenate
from fabrique_desktop.model import FUTUR, Card
from fabrique_desktop.typography import french_spacing
from ui import theme

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

PADDING = 10.0
STRIP = 8.0  # the persona colour strip
EDGE = "#78909C"
FUTUR_BADGE = "Futur engagé"  # a decision already taken, not a participant's idea
LONG_WORD, SHORT_WORD = 9, 6  # letters: words hyphenated when a card is narrow, very narrow
MIN_SCALE = 0.5  # a card's text never shrinks below this share of the board's type size
# where lines may break: spaces, soft hyphens and after a hyphen before a letter, as Qt does
# (« Saint-|Charles »); not no-break spaces (« mot »)
BREAKS = re.compile("[ \t\n\u00ad]+|(?<=-)(?=[^\\W\\d_])")
WORD_WRAP = int(Qt.TextFlag.TextWordWrap)
TEXT_FLAGS = WORD_WRAP | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)
ANYWHERE_FLAGS = TEXT_FLAGS | int(Qt.TextFlag.TextWrapAnywhere)


@dataclass(frozen=True)
class CardLook:
    """What a note shows besides the card itself (names resolved by the scene)."""

    persona_name: str = ""
    persona_colour: str = ""
    table: str = ""


class Fonts:
    """The board's fonts at one type size, shared by every note, with their metrics."""

    def __init__(self, family_font: QFont, pixel_size: float) -> None:
        self.pixel_size = pixel_size
        self.text = QFont(family_font)
        self.text.setBold(False)
        self.text.setPixelSize(max(6, round(pixel_size)))
        self.small = QFont(family_font)
        self.small.setPixelSize(max(6, round(pixel_size * 0.72)))
        self.small.setBold(True)
        self.average = self.text_metrics.averageCharWidth()
        self._scaled: dict[tuple[bool, int], QFont] = {}

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
        metrics = self.small_metrics if small else self.text_metrics
        factor = 1.2 if small else 1.5
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
    def __init__(self, card: Card, tint: str, fonts: Fonts, width: float) -> None:
        super().__init__()
        self.card = card
        self.tint = tint
        self.look = CardLook()
        self.votes = 0
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
        self._height = self._estimate()
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

    def set_votes(self, votes: int) -> None:
        if votes != self.votes:
            self.votes = votes
            self._remeasure()

    def set_geometry(self, fonts: Fonts, width: float) -> None:
        self.prepareGeometryChange()
        self._fonts = fonts
        self._width = width
        self.measured = False
        self._height = self._estimate()
        self.update()  # the cached picture was drawn at the old width or type size

    def height(self) -> float:
        return self._height

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
        self._text_height = math.ceil(
            metrics.boundingRect(bound, self.text_flags(), self._display).height()
        )
        badges = self._badge_text = self._badges()
        self._badge_height = 0.0
        if badges:
            self._badge_scale, self._badge_anywhere = fonts.fit(True, badges, available)
            if self._badge_scale < 1 and hyphenate(badges) != badges:
                badges = self._badge_text = hyphenate(badges)  # « #Environ-nement »
                self._badge_scale, self._badge_anywhere = fonts.fit(True, badges, available)
            small = fonts.scaled(True, self._badge_scale)[1]
            flags = ANYWHERE_FLAGS if self._badge_anywhere else TEXT_FLAGS
            self._badge_height = math.ceil(small.boundingRect(bound, flags, badges).height()) + 6
        height = self._text_height + self._badge_height + 2 * PADDING
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
        return QRectF(text.left(), text.bottom() + 6, text.width(), self._badge_height - 6)

    def badge_text(self) -> str:
        """The badges as drawn (a tag too long for the card hyphenated at a syllable)."""
        return self._badge_text if self.measured else self._badges()

    def badge_font(self) -> QFont:
        return self._fonts.scaled(True, self._badge_scale)[0]

    def badge_flags(self) -> int:
        return ANYWHERE_FLAGS if self._badge_anywhere else TEXT_FLAGS

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
        self._text_height = lines * fonts.text_metrics.lineSpacing()
        badges = fonts.small_metrics.lineSpacing() + 6 if self._badges() else 0.0
        self._badge_height = badges
        return self._text_height + badges + 2 * PADDING

    def _background(self) -> str:
        return self.card.colour or self.tint

    def _badges(self) -> str:
        parts = [f"●{self.votes}"] if self.votes else []
        if self.card.card_kind == FUTUR:
            parts.insert(0, FUTUR_BADGE)
        if self.card.horizon:
            parts.append(f"→{self.card.horizon}")
        if self.look.persona_name:
            parts.append(self.look.persona_name)
        if self.look.table:
            parts.append(self.look.table)
        parts.extend(self.card.tags)
        return "  ".join(parts)

    # Qt overrides

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._width, self._height)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        rect = self.boundingRect().adjusted(1, 1, -1, -1)
        background = self._background()
        ink = QColor(theme.readable_ink(background))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected()
        if selected:
            painter.setPen(QPen(QColor(theme.SELECTION), 5))
        elif self.card.card_kind == FUTUR:  # a decision already taken: a dark frame
            painter.setPen(QPen(QColor(theme.INK), 1))
        else:
            painter.setPen(QPen(QColor(EDGE), 1))
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(rect, 6, 6)
        if self.look.persona_colour:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.look.persona_colour))
            painter.drawRoundedRect(
                QRectF(rect.left() + 3, rect.top() + 3, STRIP, rect.height() - 6), 3, 3
            )
        painter.setPen(ink)
        painter.setFont(self.text_font())
        painter.drawText(self.text_rect(), self.text_flags(), self._display)
        badges = self.badge_text()
        if badges:
            painter.setFont(self.badge_font())
            painter.drawText(self.badge_rect(), self.badge_flags(), badges)
