"""The method on screen: diagnostic (7 paradoxes), values, the four Vivre, engagements,
inspirations and competences of the series' template, browsable and presentable as slides."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop.template import Template
from ui import theme
from ui.count_words import by_count
from ui.slide_show import SlideShow, scale_for

INK = theme.INK


@dataclass(frozen=True)
class Slide:
    """One page of the method: a section kicker, a title and an HTML body, in a colour."""

    section: str
    title: str
    colour: str
    body: str = ""
    kicker: str = ""
    tint: str = "#FFFFFF"
    cover: bool = False
    blocks: tuple[tuple[str, str, str], ...] = field(default=())  # (title, html, colour)
    grid: bool = False  # blocks in two columns (long texts) rather than side by side


BLOCKS_PER_SLIDE = 4  # more would not fit at 24 px: they go on the next slide


def build_slides(template: Template) -> list[Slide]:
    """Every slide of a template, in the order the method is told."""
    data = template.data
    keywords_label = QCoreApplication.translate("MethodSlides", "Mots-clés")
    how_label = QCoreApplication.translate("MethodSlides", "Comment ?")
    base = template.columns[0].colour if template.columns else "#455A64"
    slides: list[Slide] = [
        Slide(
            QCoreApplication.translate("MethodSlides", "Introduction"),
            template.title,
            base,
            _p(data.get("description", ""), 32),
            kicker=data.get("territory", ""),
            cover=True,
        )
    ]
    paradoxes = template.section("paradoxes")
    if paradoxes:
        slides.append(
            Slide(
                QCoreApplication.translate("MethodSlides", "Diagnostic"),
                by_count(
                    len(paradoxes),
                    QCoreApplication.translate("MethodSlides", "Le diagnostic : 1 paradoxe"),
                    QCoreApplication.translate("MethodSlides", "Le diagnostic : {} paradoxes"),
                ).format(len(paradoxes)),
                base,
                _ol([p.get("title", "") for p in paradoxes], 27),
                cover=True,
            )
        )
        for i, p in enumerate(paradoxes, start=1):
            slides.append(
                Slide(
                    QCoreApplication.translate("MethodSlides", "Diagnostic"),
                    p.get("title", ""),
                    base,
                    _ul(p.get("facts", []), 27),
                    kicker=QCoreApplication.translate("MethodSlides", "Paradoxe {} / {}").format(
                        i, len(paradoxes)
                    ),
                    blocks=(
                        (
                            QCoreApplication.translate("MethodSlides", "Atout"),
                            escape(p.get("asset", "")),
                            "#1B5E20",
                        ),
                        (
                            QCoreApplication.translate("MethodSlides", "Défi"),
                            escape(p.get("challenge", "")),
                            "#B71C1C",
                        ),
                    ),
                )
            )
    values = template.section("values")
    if values:
        slides.append(
            Slide(
                QCoreApplication.translate("MethodSlides", "Valeurs"),
                by_count(
                    len(values),
                    QCoreApplication.translate("MethodSlides", "1 valeur partagée"),
                    QCoreApplication.translate("MethodSlides", "{} valeurs partagées"),
                ).format(len(values)),
                base,
                _ul([v.get("title", "") for v in values], 40, bold=True),
                cover=True,
            )
        )
        for i, v in enumerate(values, start=1):
            slides.append(
                Slide(
                    QCoreApplication.translate("MethodSlides", "Valeurs"),
                    v.get("title", ""),
                    base,
                    _p(v.get("definition", ""), 44),
                    kicker=QCoreApplication.translate("MethodSlides", "Valeur {} / {}").format(
                        i, len(values)
                    ),
                )
            )
    vivre = template.vivre_columns
    if vivre:
        slides.append(
            Slide(
                QCoreApplication.translate("MethodSlides", "Ambitions"),
                QCoreApplication.translate("MethodSlides", "Les {} ambitions").format(len(vivre)),
                base,
                "",
                cover=True,
                blocks=tuple((c.title, escape(c.subtitle), c.colour) for c in vivre),
            )
        )
        for column in vivre:
            keywords = " · ".join(escape(k) for k in column.keywords)
            body = _p(column.challenge, 32)
            if keywords:
                body += (
                    f"<p style='font-size:{{px28}}; color:{_on_white(column.colour)}'>"
                    f"<b>{escape(keywords_label)} :</b> {keywords}</p>"
                )
            slides.append(
                Slide(
                    column.title,
                    column.title,
                    column.colour,
                    body,
                    kicker=column.subtitle,
                    tint=column.tint,
                )
            )
            if column.dream:
                slides.append(
                    Slide(
                        column.title,
                        QCoreApplication.translate("MethodSlides", "Le rêve — {}").format(
                            column.title
                        ),
                        column.colour,
                        "".join(_p(par, 28) for par in column.dream.split("\n\n")[1:])
                        or _p(column.dream, 28),
                        kicker=column.dream.split("\n\n")[0],
                        tint=column.tint,
                    )
                )
    engagements = template.section("engagements")
    for e in engagements:
        try:
            column = template.column(e.get("column", ""))
        except KeyError:
            continue
        slides.append(
            Slide(
                QCoreApplication.translate("MethodSlides", "Engagements"),
                e.get("title", ""),
                column.colour,
                _p(e.get("purpose", ""), 32, italic=True)
                + (
                    f"<p style='font-size:{{px28}}'><b>{escape(how_label)}</b></p>"
                    + _ul(e.get("how", []), 28)
                    if e.get("how")
                    else ""
                ),
                kicker=QCoreApplication.translate("MethodSlides", "Engagement {} — {}").format(
                    e.get("number", ""), column.title
                ),
                tint=column.tint,
            )
        )
    for insp in template.section("inspirations"):
        slides.append(
            Slide(
                QCoreApplication.translate("MethodSlides", "Inspirations"),
                insp.get("title", ""),
                base,
                _p(insp.get("text", ""), 25),
                kicker=" — ".join(x for x in (insp.get("city"), insp.get("country")) if x),
            )
        )
    competences = template.section("competences")
    pages = [
        competences[i : i + BLOCKS_PER_SLIDE] for i in range(0, len(competences), BLOCKS_PER_SLIDE)
    ]
    for number, page in enumerate(pages, start=1):
        slides.append(
            Slide(
                QCoreApplication.translate("MethodSlides", "Compétences"),
                by_count(
                    len(competences),
                    QCoreApplication.translate("MethodSlides", "La compétence métropolitaine"),
                    QCoreApplication.translate(
                        "MethodSlides", "Les {} compétences métropolitaines"
                    ),
                ).format(len(competences)),
                base,
                "",
                kicker=f"{number} / {len(pages)}" if len(pages) > 1 else "",
                cover=True,
                blocks=tuple(
                    (c.get("title", ""), escape(c.get("description", "")), base) for c in page
                ),
                grid=True,
            )
        )
    return slides


def _on_white(colour: str) -> str:
    return colour if theme.contrast_ratio(colour, "#FFFFFF") >= 4.5 else INK


def _p(text: str, size: int, italic: bool = False) -> str:
    style = f"font-size:{{px{size}}}" + ("; font-style:italic" if italic else "")
    return f"<p style='{style}'>{escape(text)}</p>" if text else ""


def _ul(items: list[str], size: int, bold: bool = False) -> str:
    weight = "; font-weight:bold" if bold else ""
    rows = "".join(f"<li style='margin-bottom:6px'>{escape(i)}</li>" for i in items)
    return f"<ul style='font-size:{{px{size}}}{weight}'>{rows}</ul>"


def _ol(items: list[str], size: int) -> str:
    rows = "".join(f"<li style='margin-bottom:4px'>{escape(i)}</li>" for i in items)
    return f"<ol style='font-size:{{px{size}}}'>{rows}</ol>"


def _sized(html: str, scale: float) -> str:
    """Replace ``{pxNN}`` markers with pixel sizes for this scale."""
    return re.sub(r"\{px(\d+)\}", lambda m: f"{round(int(m.group(1)) * scale)}px", html)


class SlideWidget(QWidget):
    """One method slide at a given scale (1.0 = 1280×720)."""

    def __init__(self, slide: Slide, scale: float = 1.0) -> None:
        super().__init__()
        self.slide = slide
        self.setObjectName("methodSlide")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(f"#methodSlide {{ background: {slide.tint}; }}")
        ink = theme.readable_ink(slide.colour)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        band = QWidget()
        band.setObjectName("band")
        band.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        band.setStyleSheet(f"#band {{ background: {slide.colour}; }}")
        band_layout = QVBoxLayout(band)
        pad = round(48 * scale)
        band_layout.setContentsMargins(pad, round(22 * scale), pad, round(22 * scale))
        if slide.kicker:
            kicker = QLabel(slide.kicker)
            kicker.setWordWrap(True)
            kicker.setStyleSheet(f"color: {ink}; font-size: {round(24 * scale)}px;")
            band_layout.addWidget(kicker)
        self.title = QLabel(slide.title)
        self.title.setWordWrap(True)
        size = 52 if len(slide.title) < 40 else 40 if len(slide.title) < 90 else 32
        self.title.setStyleSheet(
            f"color: {ink}; font-weight: bold; font-size: {round(size * scale)}px;"
        )
        band_layout.addWidget(self.title)
        layout.addWidget(band)
        content = QVBoxLayout()
        content.setContentsMargins(pad, round(16 * scale), pad, round(30 * scale))
        content.setSpacing(round(14 * scale))
        if slide.blocks:
            grid = QHBoxLayout()
            grid.setSpacing(round(18 * scale))
            many = slide.grid or len(slide.blocks) > BLOCKS_PER_SLIDE
            columns = [QVBoxLayout() for _ in range(2)] if many else None
            for i, (title, html, colour) in enumerate(slide.blocks):
                box = self._block(title, html, colour, scale, small=many)
                if columns is not None:
                    columns[i % 2].addWidget(box)
                else:
                    grid.addWidget(box, 1)
            if columns is not None:
                for column in columns:
                    column.addStretch(1)
                    grid.addLayout(column, 1)
            content.addLayout(grid)
        if slide.body:
            self.body = QLabel(_sized(slide.body, scale))
            self.body.setTextFormat(Qt.TextFormat.RichText)
            self.body.setWordWrap(True)
            self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self.body.setStyleSheet(f"color: {INK};")
            content.addWidget(self.body)
        content.addStretch(1)
        layout.addLayout(content, 1)

    def _block(self, title: str, html: str, colour: str, scale: float, small: bool) -> QWidget:
        box = QLabel(
            f"<div style='font-size:{round((30 if small else 36) * scale)}px; font-weight:bold;"
            f" color:{_on_white(colour)}'>{escape(title)}</div>"
            f"<div style='font-size:{round((24 if small else 30) * scale)}px; color:{INK}'>"
            f"{html}</div>"
        )
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setWordWrap(True)
        box.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box.setStyleSheet(
            f"background: white; border-left: {max(4, round(10 * scale))}px solid {colour};"
            f" padding: {round(10 * scale)}px;"
        )
        return box


class MethodPresenter(SlideShow):
    """The method's slides full screen."""

    def __init__(self, slides: list[Slide], start: int = 0, parent: QWidget | None = None) -> None:
        self.slides = slides
        super().__init__(
            len(slides),
            lambda i, scale: SlideWidget(self.slides[i], scale),
            QCoreApplication.translate("MethodPresenter", "Fabrique — Méthode"),
            start,
            parent,
        )


class MethodSlides(QDialog):
    """Browse the method's slides (list and preview) and present them full screen (F6)."""

    def __init__(self, template: Template, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("La méthode — {}").format(template.title))
        self.slides = build_slides(template)
        self.presenter: MethodPresenter | None = None
        self.list = QListWidget()
        self.list.setFixedWidth(340)
        self.list.setStyleSheet("font-size: 13pt;")
        for slide in self.slides:
            item = QListWidgetItem(f"{slide.section} — {slide.kicker or slide.title}")
            item.setToolTip(slide.title)
            self.list.addItem(item)
        self.preview_host = QVBoxLayout()
        self.preview: SlideWidget | None = None
        self.list.currentRowChanged.connect(self._show_preview)
        self.list.itemActivated.connect(lambda _item: self.present())
        present = QPushButton(self.tr("Présenter en plein écran (F6)"))
        present.clicked.connect(self.present)
        close = QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence("F6"), self, self.present)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(present)
        buttons.addWidget(close)
        right = QVBoxLayout()
        right.addLayout(self.preview_host, 1)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(right, 1)
        self.resize(1200, 680)
        self.list.setCurrentRow(0)

    def present(self, start: int | None = None) -> MethodPresenter:
        index = self.list.currentRow() if start is None or start is False else start
        self.presenter = MethodPresenter(self.slides, max(0, index), self.window())
        self.presenter.current_changed.connect(self.list.setCurrentRow)
        self.presenter.present()
        return self.presenter

    def _show_preview(self, row: int) -> None:
        if self.preview is not None:
            self.preview_host.removeWidget(self.preview)
            self.preview.deleteLater()
            self.preview = None
        if 0 <= row < len(self.slides):
            width = max(400, self.width() - self.list.width() - 40)
            scale = scale_for(width, round(width * 9 / 16))
            self.preview = SlideWidget(self.slides[row], scale)
            self.preview_host.addWidget(self.preview)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_preview(self.list.currentRow())
