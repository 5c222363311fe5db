"""A persona on the projector: huge first name, portrait, age, town, story, worries and hopes."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fabrique_desktop.model import Persona
from fabrique_desktop.paths import media_file
from ui import theme
from ui.icons import icon
from ui.slide_show import SlideShow


def heading_colour(colour: str) -> str:
    """The persona colour for text on white, or ink when it would not be readable."""
    return colour if theme.contrast_ratio(colour, "#FFFFFF") >= 4.5 else theme.INK


def name_size(name: str, font: QFont, width: int, largest: int, smallest: int) -> int:
    """The largest bold pixel size (at most ``largest``) at which each word of ``name`` fits
    ``width``: a first name is never cut at the edge of the projector's side band."""
    bold = QFont(font)
    bold.setBold(True)
    size = largest
    words = name.split() or [""]
    while size > smallest:
        bold.setPixelSize(size)
        metrics = QFontMetricsF(bold)
        if max(metrics.horizontalAdvance(w) for w in words) <= width:
            break
        size -= 2
    return size


def portrait_pixmap(persona: Persona, media_dir: Path | None, size: int) -> QPixmap:
    """A round portrait: the facilitator's photo if there is one, else the persona's icon."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(Qt.GlobalColor.white)
    painter.drawEllipse(0, 0, size, size)
    photo = QPixmap()
    found = media_file(media_dir, persona.portrait)
    if found is not None:
        photo.load(str(found))
    if not photo.isNull():
        path = QPainterPath()
        path.addEllipse(QRectF(3, 3, size - 6, size - 6))
        painter.setClipPath(path)
        scaled = photo.scaled(
            size,
            size,
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
        painter.drawPixmap((size - scaled.width()) // 2, (size - scaled.height()) // 2, scaled)
    else:
        inner = int(size * 0.56)
        # a rect wider than tall: wide glyphs (a tractor, a bicycle) are not cut at the sides
        wide = int(size * 0.8)
        glyph = icon(persona.icon or "fa5s.user", color=persona.colour).pixmap(QSize(wide, inner))
        painter.drawPixmap((size - wide) // 2, (size - inner) // 2, glyph)
    painter.end()
    return pixmap


class PersonaCard(QWidget):
    """One persona, laid out for a 16:9 projector; ``scale`` is 1.0 at 1280×720."""

    def __init__(self, persona: Persona, scale: float = 1.0, media_dir: Path | None = None) -> None:
        super().__init__()
        self.persona = persona
        colour = persona.colour or "#455A64"
        ink = theme.readable_ink(colour)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setObjectName("personaCard")
        self.setStyleSheet("#personaCard { background: white; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        side = QWidget()
        side.setObjectName("personaSide")
        side.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        side.setStyleSheet(f"#personaSide {{ background: {colour}; }}")
        side.setFixedWidth(round(440 * scale))
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(round(24 * scale), round(40 * scale), round(24 * scale), 0)
        self.portrait = QLabel()
        self.portrait.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.portrait.setPixmap(portrait_pixmap(persona, media_dir, round(260 * scale)))
        self.name = QLabel(persona.first_name)
        self.name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name.setWordWrap(True)
        size = name_size(
            persona.first_name,
            self.name.font(),
            round(440 * scale) - 2 * round(24 * scale),
            largest=round(104 * scale),
            smallest=round(40 * scale),
        )
        self.name.setStyleSheet(f"color: {ink}; font-weight: bold; font-size: {size}px;")
        self.role = QLabel(persona.role)
        self.role.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.role.setWordWrap(True)
        self.role.setStyleSheet(f"color: {ink}; font-size: {round(30 * scale)}px;")
        side_layout.addWidget(self.portrait)
        side_layout.addSpacing(round(10 * scale))
        side_layout.addWidget(self.name)
        side_layout.addWidget(self.role)
        side_layout.addStretch(1)
        layout.addWidget(side)

        body = QVBoxLayout()
        body.setContentsMargins(round(44 * scale), round(36 * scale), round(44 * scale), 0)
        body.setSpacing(round(12 * scale))
        age = self.tr("{} ans").format(persona.age) if persona.age else ""
        facts = " · ".join(x for x in (age, persona.town) if x)
        self.facts = QLabel(facts)
        self.facts.setStyleSheet(
            f"color: {theme.INK}; font-weight: bold; font-size: {round(40 * scale)}px;"
        )
        self.story = QLabel(persona.story)
        self.story.setWordWrap(True)
        self.story.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        story_size = 26 if len(persona.story) < 420 else 22
        self.story.setStyleSheet(f"color: {theme.INK}; font-size: {round(story_size * scale)}px;")
        lists = QHBoxLayout()
        lists.setSpacing(round(30 * scale))
        head = heading_colour(colour)
        for title, items in (
            (self.tr("Ses inquiétudes"), persona.worries),
            (self.tr("Ses espoirs"), persona.hopes),
        ):
            label = QLabel(_list_html(title, items, head, scale))
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setTextFormat(Qt.TextFormat.RichText)
            lists.addWidget(label, 1)
        body.addWidget(self.facts)
        body.addWidget(self.story)
        body.addSpacing(round(6 * scale))
        body.addLayout(lists)
        body.addStretch(1)
        layout.addLayout(body, 1)


def _list_html(title: str, items: list[str], colour: str, scale: float) -> str:
    rows = "".join(f"<li>{escape(i)}</li>" for i in items)
    return (
        f"<div style='font-size:{round(30 * scale)}px; font-weight:bold; color:{colour}'>"
        f"{escape(title)}</div>"
        f"<ul style='margin-left:{round(-10 * scale)}px; font-size:{round(24 * scale)}px;"
        f" color:{theme.INK}'>{rows}</ul>"
    )


class PersonaPresenter(SlideShow):
    """The deck on the projector, one persona per page."""

    def __init__(
        self,
        personas: list[Persona],
        start: int = 0,
        media_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.personas = personas
        self.media_dir = media_dir
        super().__init__(
            len(personas),
            lambda i, scale: PersonaCard(self.personas[i], scale, self.media_dir),
            "Fabrique — Personas",
            start,
            parent,
        )
