"""The look shared by every Fabrique PDF: A4 pages, DejaVu fonts, the template's colours,
a running header, page numbers, a table of contents and PDF bookmarks.

Builders call ``text()`` for anything typed by people, in a ``Paragraph`` of this module
(``exports.bidi``'s): it escapes the markup, joins Arabic letters and keeps every glyph; the
paragraph draws right-to-left lines in reading order and shapes Indic names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as _Table
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaParser

from exports.bidi import Paragraph
from exports.fonts import (
    BOLD,
    ITALIC,
    REGULAR,
    draw_string,
    joined,
    register_fonts,
    with_fallback,
)
from fabrique_desktop import report_words
from fabrique_desktop.typography import NBSP, NNBSP, current_language, editorial, typeset, upper

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5F6368")
RULE = colors.HexColor("#CFD8DC")
ACCENT = colors.HexColor("#263238")
PALE = colors.HexColor("#F5F7F8")

MARGIN = 18 * mm
HEADER_GAP = 9 * mm
PAGE = A4
LANDSCAPE = landscape(A4)

ProgressCallback = Callable[[int, int], None]

LONGEST = 3000
"""Characters of one typed text a PDF prints: a longer one (a pasted document, a runaway
tag list) is cut with « … », so that no paragraph is taller than a page."""
SHORT = 300
"""Characters of a title or a label: a title longer than that is cut with « … »."""


_LOWERED = str.maketrans("ᵉʳⁿᵈ", "ernd")
_RAISED = re.compile("(?<=[0-9IVXLC])([ᵉʳⁿᵈ]+)")
"""An ordinal's raised letters (2ᵉ, 1ᵉʳ) are set as smaller letters above the line, as the
booklet's type draws them better than the font's modifier letters."""


def clip(value: object, limit: int = LONGEST) -> str:
    """``value`` as text, cut with « … » after ``limit`` characters."""
    shown = str(value)
    return shown if len(shown) <= limit else shown[: limit - 1].rstrip() + "…"


def text(value: object, limit: int = LONGEST) -> str:
    """Paragraph markup for text typed by people: cut with « … » beyond ``limit`` characters,
    typeset (``typography.typeset``: ’, « », no-break spaces before : ; ! ? % and inside
    numbers, 2ᵉ, …), escaped, Arabic letters joined. Right-to-left lines are put in visual
    order when drawn (``exports.bidi``). reportlab breaks lines at a narrow no-break space,
    so the PDF keeps lines together with an ordinary no-break space there."""
    return _markup(_shown(value, limit))


def _shown(value: object, limit: int) -> str:
    return joined(typeset(clip(value, limit)).replace(NNBSP, NBSP))


def _markup(shown: str) -> str:
    markup = with_fallback(shown, escape(shown)).replace("\n", "<br/>")
    if any(c in "ᵉʳⁿᵈ" for c in markup):
        markup = _RAISED.sub(lambda m: f"<super>{m.group(1).translate(_LOWERED)}</super>", markup)
    return markup


def typed(
    value: object, style: ParagraphStyle, limit: int = LONGEST, bullet: str | None = None
) -> Paragraph:
    """``Paragraph(text(value, limit), style, bulletText=bullet)``: text typed by people.

    Text that needs no markup (no line break, no raised letters, every glyph in DejaVu) is
    given to the paragraph as its one fragment, without reportlab's markup parser, which
    costs more than the line breaking (a 2000-idea report parsed 2000 markups for nothing).
    The fragment is the parser's own for ``style``, so the paragraph is the same."""
    markup, plain = _typed(str(value), limit, current_language())
    if plain is None:
        return Paragraph(markup, style, bulletText=bullet)
    return Paragraph(plain, style, bulletText=bullet, frags=[_fragment(style).clone(text=plain)])


@lru_cache(maxsize=512)
def _typed(value: str, limit: int, language: str) -> tuple[str, str | None]:
    """The markup of ``value`` set in ``language``, and its plain text as the parser holds
    it when it needs no markup (kept: a report repeats the line below its ideas, horizon
    and themes, hundreds of times)."""
    shown = _shown(value, limit)
    if _NEEDS_MARKUP.search(shown):  # (an escaped « & » is a fragment of its own)
        return _markup(shown), None
    if not shown.isascii() and with_fallback(shown, shown) != shown:
        return _markup(shown), None
    cleaned = cleanBlockQuotedText(shown)
    return (cleaned, cleaned) if cleaned else (_markup(shown), None)


_NEEDS_MARKUP = re.compile("[\n<>&ᵉʳⁿᵈ]")
_FRAGMENTS: WeakKeyDictionary[ParagraphStyle, Any] = WeakKeyDictionary()


def _fragment(style: ParagraphStyle) -> Any:
    """The fragment reportlab's parser makes of a plain text in ``style`` (its text aside)."""
    if style not in _FRAGMENTS:
        parsed = ParaParser().parse("x", style)[1]
        assert parsed is not None
        assert len(parsed) == 1
        _FRAGMENTS[style] = parsed[0]
    return _FRAGMENTS[style]


def plain(label: str) -> str:
    """A heading as the contents and the PDF's bookmarks show it: typeset, no markup."""
    return typeset(editorial(clip(label, SHORT)))


def prose(value: object, limit: int = LONGEST) -> str:
    """``text`` for the series' own texts (template, booklet, labels), never participants'
    words: also set by the Métropole's capitalisation (``typography.editorial``)."""
    return text(editorial(str(value)), limit)


french_date = report_words.french_date


def day(iso: str) -> str:
    """A date as the documents' language writes it: « 11 mai 2017 », « 11 May 2017 »."""
    return report_words.date(iso)


def hex_colour(value: str, default: str = "#455A64") -> colors.Color:
    try:
        return colors.HexColor(value or default)
    except (ValueError, TypeError):
        return colors.HexColor(default)


def tint(colour: colors.Color, amount: float = 0.88) -> colors.Color:
    """A pale version of a colour (towards white) for backgrounds."""
    r, g, b = colour.red, colour.green, colour.blue
    return colors.Color(r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount)


@dataclass
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    cover_line: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    idea: ParagraphStyle
    meta: ParagraphStyle
    number: ParagraphStyle
    figure: ParagraphStyle
    figure_label: ParagraphStyle
    band: ParagraphStyle
    band_small: ParagraphStyle
    quote: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    toc1: ParagraphStyle
    toc2: ParagraphStyle


def styles() -> Styles:
    register_fonts()

    def style(name: str, **kw: Any) -> ParagraphStyle:
        base = {
            "fontName": REGULAR,
            "bulletFontName": REGULAR,
            "fontSize": 10,
            "leading": 13.5,
            "textColor": INK,
            "allowWidows": 0,  # never a paragraph's last line alone at the top of a page
            "allowOrphans": 0,  # nor its first line alone at the foot of one
        }
        base.update(kw)
        return ParagraphStyle(name, **base)

    return Styles(
        title=style("title", fontName=BOLD, fontSize=30, leading=36, spaceAfter=6),
        subtitle=style("subtitle", fontSize=16, leading=21, textColor=MUTED, spaceAfter=4),
        cover_line=style("cover_line", fontSize=12, leading=17),
        h1=style(
            "h1",
            fontName=BOLD,
            fontSize=19,
            leading=24,
            spaceBefore=4,
            spaceAfter=10,
            keepWithNext=1,
        ),
        h2=style(
            "h2",
            fontName=BOLD,
            fontSize=13.5,
            leading=18,
            spaceBefore=10,
            spaceAfter=5,
            keepWithNext=1,
        ),
        h3=style(
            "h3",
            fontName=BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=6,
            spaceAfter=3,
            textColor=ACCENT,
            keepWithNext=1,
        ),
        body=style("body", spaceAfter=6),
        small=style("small", fontSize=8.5, leading=11),
        muted=style("muted", fontName=ITALIC, textColor=MUTED, spaceAfter=8),
        idea=style("idea", fontSize=9.5, leading=12.5),
        meta=style("meta", fontSize=7.5, leading=10, textColor=MUTED),
        number=style("number", fontSize=8, leading=12, textColor=MUTED, alignment=TA_RIGHT),
        figure=style("figure", fontName=BOLD, fontSize=24, leading=28, alignment=TA_CENTER),
        figure_label=style(
            "figure_label", fontSize=8.5, leading=11, alignment=TA_CENTER, textColor=MUTED
        ),
        band=style("band", fontName=BOLD, fontSize=20, leading=25, textColor=colors.white),
        band_small=style("band_small", fontSize=10, leading=13, textColor=colors.white),
        quote=style("quote", fontName=ITALIC, fontSize=11, leading=15, leftIndent=12, spaceAfter=2),
        bullet=style("bullet", leftIndent=14, bulletIndent=2, spaceAfter=2),
        cell=style("cell", fontSize=9, leading=12),
        cell_bold=style("cell_bold", fontName=BOLD, fontSize=9, leading=12),
        cell_right=style("cell_right", fontSize=9, leading=12, alignment=TA_RIGHT),
        toc1=style("toc1", fontName=BOLD, fontSize=11, leading=16, leftIndent=0),
        toc2=style("toc2", fontSize=9.5, leading=13, leftIndent=14, textColor=MUTED),
    )


class Table(_Table):
    """A reportlab table whose plain-text cells use DejaVu (reportlab's default is the
    base-14 Helvetica, which would not be embedded and lacks many glyphs)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR)]))


class Heading(Paragraph):
    """A paragraph that is also a table-of-contents entry and a PDF bookmark."""

    def __init__(self, markup: str, style: ParagraphStyle, level: int, plain: str) -> None:
        super().__init__(markup, style)
        self.toc_level = level
        self.toc_text = plain


class Anchor(Flowable):
    """An invisible table-of-contents entry and bookmark, for headings drawn inside tables."""

    def __init__(self, label: str, level: int = 0) -> None:
        super().__init__()
        self.toc_level = level
        self.toc_text = label

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


def _flattened(story: Iterable[Flowable]) -> Iterable[Flowable]:
    """The flowables of ``story``, those inside blocks kept together included."""
    for flowable in story:
        if isinstance(flowable, KeepTogether):
            yield from _flattened(flowable._content)
        else:
            yield flowable


def contents_entries(story: Iterable[Flowable]) -> int:
    """How many lines the contents of ``story`` would list."""
    return sum(1 for f in _flattened(story) if isinstance(f, Heading | Anchor))


def heading_key(flowable: Flowable) -> str:
    return f"h{id(flowable)}"


class Booklet(BaseDocTemplate):
    """A4 booklet: a cover without header, then pages with a running header and numbers.

    ``landscape`` pages are available through ``NextPageTemplate("landscape")``.
    """

    def __init__(
        self,
        target: Any,
        *,
        title: str,
        header: str,
        author: str = "",
        subject: str = "",
        progress: ProgressCallback | None = None,
        accent: colors.Color = ACCENT,
        lang: str = "",
        organisation: str = "",
    ) -> None:
        super().__init__(
            target,
            pagesize=PAGE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + HEADER_GAP,
            bottomMargin=MARGIN,
            title=clip(title, 300),
            author=clip(author or organisation, 300),
            subject=clip(subject, 300),
            creator="Fabrique",
            lang=lang or current_language(),
            initialFontName=REGULAR,  # no base-14 Helvetica left in the file
            initialFontSize=10,
            initialLeading=13.5,
        )
        self.header = clip(header, 120)
        self.organisation = clip(organisation, 80)
        self.accent = accent
        self.progress = progress
        self._flowable_count = 0
        self._done = 0
        self._heading_pages: dict[str, int] = {}
        width, height = PAGE
        cover = Frame(MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN, id="cover")
        body = Frame(
            MARGIN,
            MARGIN,
            width - 2 * MARGIN,
            height - 2 * MARGIN - HEADER_GAP,
            id="body",
        )
        lw, lh = LANDSCAPE
        wide = Frame(MARGIN, MARGIN, lw - 2 * MARGIN, lh - 2 * MARGIN - HEADER_GAP, id="wide")
        self.addPageTemplates(
            [
                PageTemplate("cover", [cover], onPage=self._cover_page, pagesize=PAGE),
                PageTemplate("body", [body], onPage=self._body_page, pagesize=PAGE),
                PageTemplate("landscape", [wide], onPage=self._body_page, pagesize=LANDSCAPE),
            ]
        )

    @property
    def body_width(self) -> float:
        return PAGE[0] - 2 * MARGIN

    def build_story(self, story: list[Flowable]) -> None:
        """Lay the story out once, reporting progress; the contents list its headings."""
        self._flowable_count = len(story)
        entries = [
            (f.toc_level, f.toc_text, heading_key(f))
            for f in _flattened(story)
            if isinstance(f, Heading | Anchor)
        ]
        for flowable in story:
            if isinstance(flowable, Contents):
                flowable.set_entries(entries)
        self._heading_pages = {}
        self.build(story)
        if self.progress is not None:
            self.progress(1, 1)

    def _endBuild(self) -> None:
        # the page numbers of the contents, now that every heading has its page
        canvas = self.canv
        for key, page in self._heading_pages.items():
            canvas.beginForm(page_form(key), lowerx=-60, lowery=-6, upperx=2, uppery=16)
            canvas.setFont(BOLD, 10)
            canvas.setFillColor(INK)
            canvas.drawRightString(0, 0, str(page))
            canvas.endForm()
        super()._endBuild()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading | Anchor):
            key = heading_key(flowable)
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.toc_text, key, level=flowable.toc_level)
            self._heading_pages[key] = self.page
        if self.progress is not None and self._flowable_count:
            self._done += 1
            self.progress(min(self._done, self._flowable_count - 1), self._flowable_count)

    def handle_documentBegin(self) -> None:
        self._done = 0
        super().handle_documentBegin()

    def handle_keepWithNext(self, flowables: list[Flowable]) -> None:
        """reportlab's keep-with-next, and also before a block kept together: reportlab
        leaves a heading alone there (it never puts a ``KeepTogether`` inside another), so the
        heading joins the block instead."""
        count = 0
        while count < len(flowables) and flowables[count].getKeepWithNext():
            if isinstance(flowables[count], KeepTogether):
                break
            count += 1
        if count and count < len(flowables) and type(flowables[count]) is KeepTogether:
            block = flowables[count]
            for flowable in flowables[:count]:
                flowable.__dict__["keepWithNext"] = 0  # kept by the block from now on
            joined = KeepTogether([*flowables[:count], *block._content], block._maxHeight)
            flowables[: count + 1] = [joined]
            return
        super().handle_keepWithNext(flowables)

    def _cover_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        width, height = canvas._pagesize
        canvas.setFillColor(self.accent)
        canvas.rect(0, height - 12 * mm, width, 12 * mm, stroke=0, fill=1)
        canvas.restoreState()

    def _body_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        width, height = canvas._pagesize
        top = height - MARGIN
        canvas.setFillColor(MUTED)
        right = stringWidth(self.organisation, REGULAR, 8) + 12 if self.organisation else 0.0
        header = self.header
        room = width - 2 * MARGIN - right
        while header and stringWidth(header + "…", REGULAR, 8) > room:
            header = header[: max(len(header) - 8, 0)]
        if header != self.header:
            header = header.rstrip() + "…"
        draw_string(canvas, MARGIN, top, header, REGULAR, 8)
        if self.organisation:  # who publishes the document, never the software's name
            draw_string(canvas, width - MARGIN - right + 12, top, self.organisation, REGULAR, 8)
        canvas.setStrokeColor(self.accent)
        canvas.setLineWidth(1.2)
        canvas.line(MARGIN, top - 2.5 * mm, width - MARGIN, top - 2.5 * mm)
        canvas.setFont(REGULAR, 8.5)
        canvas.setFillColor(INK)
        canvas.drawRightString(width - MARGIN, MARGIN - 8 * mm, str(doc.page))
        canvas.restoreState()


class Contents(Flowable):
    """The table of contents, drawn in one pass.

    The entries are the story's headings, known before the build; their page numbers are
    PDF form XObjects referenced here and defined when the document ends (as « page N of
    M » footers are done), so the document is laid out once, not twice.
    """

    def __init__(self, st: Styles) -> None:
        super().__init__()
        self.styles = (st.toc1, st.toc2)
        self.entries: list[tuple[int, str, str]] = []
        self._width = 0.0
        self.spaceAfter = 14

    def set_entries(self, entries: list[tuple[int, str, str]]) -> None:
        self.entries = entries

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._width = available_width
        return available_width, sum(self.styles[min(lvl, 1)].leading for lvl, _, _ in self.entries)

    def draw(self) -> None:
        canvas = self.canv
        y = sum(self.styles[min(lvl, 1)].leading for lvl, _, _ in self.entries)
        right = self._width
        for level, label, key in self.entries:
            style = self.styles[min(level, 1)]
            y -= style.leading
            baseline = y + (style.leading - style.fontSize) / 2 + 1
            x = style.leftIndent
            canvas.setFillColor(style.textColor)
            start = x + draw_string(canvas, x, baseline, label, style.fontName, style.fontSize) + 6
            stop = right - 24
            if stop > start:
                canvas.setFillColor(MUTED)
                unit = canvas.stringWidth(" .", REGULAR, style.fontSize)
                dots = int((stop - start) / unit)
                canvas.setFont(REGULAR, style.fontSize)
                canvas.drawRightString(stop, baseline, " ." * dots)
                canvas.setFillColor(style.textColor)
            canvas.saveState()
            canvas.translate(right, baseline)
            canvas.doForm(page_form(key))
            canvas.restoreState()
            canvas.linkRect("", key, (0, y, right, y + style.leading), relative=1)


def page_form(key: str) -> str:
    return f"page-of-{key}"


def contents(st: Styles) -> Contents:
    return Contents(st)


def heading(label: str, st: Styles, level: int = 0) -> Heading:
    return Heading(prose(label, SHORT), st.h1 if level == 0 else st.h2, level, plain(label))


CHAPTER_ROOM = 90 * mm
"""A chapter starts on the page where this much is left (on the next one otherwise):
sections flow one after another, short ones share a page, and no page is left more than a
third empty by a section that would have started a new page."""
SECTION_ROOM = 60 * mm


def section_start(
    label: str, st: Styles, *, new_page: bool = True, intro: str = ""
) -> list[Flowable]:
    """A section's heading where ``CHAPTER_ROOM`` is left (``SECTION_ROOM`` for a section
    of a chapter, ``new_page=False``), else on the next page, and its one-line ``intro``."""
    start: list[Flowable] = [CondPageBreak(CHAPTER_ROOM if new_page else SECTION_ROOM)]
    start.append(heading(label, st))
    if intro:
        start.append(Paragraph(prose(intro), st.muted))
    return start


def band(
    title: str,
    subtitle: str,
    colour: colors.Color,
    st: Styles,
    width: float,
    level: int = 0,
) -> list[Flowable]:
    """A full-width coloured band with a white title: how each Vivre opens."""
    cells: list[Any] = [Paragraph(prose(title, SHORT), st.band)]
    if subtitle:
        cells.append(Paragraph(text(subtitle, SHORT), st.band_small))
    table = Table([[cells]], colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colour),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    return [Anchor(plain(title), level), table]


def figures_grid(
    figures: Sequence[tuple[str, str, colors.Color | None]],
    st: Styles,
    width: float,
    per_row: int = 4,
) -> Table:
    """Key figures as a grid of tiles: a big number above its label."""
    tiles = []
    for value, label, colour in figures:
        number = ParagraphStyle("fig", parent=st.figure, textColor=colour or INK)
        tiles.append([Paragraph(text(value), number), Paragraph(prose(label), st.figure_label)])
    rows: list[list[Any]] = [tiles[i : i + per_row] for i in range(0, len(tiles), per_row)]
    if rows and len(rows[-1]) < per_row:
        rows[-1] = rows[-1] + [""] * (per_row - len(rows[-1]))
    table = Table(rows, colWidths=[width / per_row] * per_row)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 9),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
    ]
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell:
                commands.append(("BACKGROUND", (c, r), (c, r), PALE))
                commands.append(("BOX", (c, r), (c, r), 2.5, colors.white))
    table.setStyle(TableStyle(commands))
    return table


def hanging(style: ParagraphStyle, indent: float = 14) -> ParagraphStyle:
    """``style`` with a hanging indent: the bullet in the margin, every line of the text
    aligned on its first word."""
    if style.leftIndent >= indent and style.bulletIndent < style.leftIndent:
        return style
    return ParagraphStyle(
        f"{style.name}-hanging",
        parent=style,
        leftIndent=style.leftIndent + indent,
        bulletIndent=style.leftIndent + 2,
    )


def bullets(
    items: Iterable[str], st: Styles, style: ParagraphStyle | None = None, note: str = ""
) -> list[Paragraph]:
    """One bulleted paragraph per item, with a hanging indent. ``note`` (markup) is added
    after each item."""
    style = hanging(style or st.bullet)
    return [Paragraph(text(item) + note, style, bulletText="•") for item in items]


def keep(flowables: list[Flowable]) -> KeepTogether:
    return KeepTogether(flowables)


def spacer(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)


def cover(
    st: Styles,
    *,
    kicker: str,
    title: str,
    subtitle: str,
    lines: Sequence[tuple[str, str]],
    stripe: Sequence[tuple[str, colors.Color]],
    width: float,
) -> list[Flowable]:
    """The cover: what, when, where, who; the stripe of the Vivre colours at the bottom."""
    story: list[Flowable] = [spacer(28)]
    story.append(
        Paragraph(text(upper(kicker), SHORT), ParagraphStyle("k", parent=st.subtitle, fontSize=11))
    )
    story.append(spacer(3))
    story.append(Paragraph(text(title, SHORT), st.title))
    if subtitle:
        story.append(Paragraph(text(subtitle, SHORT), st.subtitle))
    story.append(spacer(14))
    rows = [
        [Paragraph(text(label, SHORT), st.muted), Paragraph(text(value, SHORT), st.cover_line)]
        for label, value in lines
        if value
    ]
    if rows:
        info = Table(rows, colWidths=[38 * mm, width - 38 * mm])
        info.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        story.append(info)
    if stripe:
        story.append(spacer(40))
        cells = [Paragraph(prose(label), st.band_small) for label, _ in stripe]
        table = Table([cells], colWidths=[width / len(stripe)] * len(stripe), rowHeights=[22 * mm])
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ]
        for i, (_, colour) in enumerate(stripe):
            commands.append(("BACKGROUND", (i, 0), (i, 0), colour))
        table.setStyle(TableStyle(commands))
        story.append(table)
    story.append(NextPageTemplate("body"))
    story.append(PageBreak())
    return story


def persona_table(
    rows: Sequence[tuple[str, Sequence[Any]]],
    widths: Sequence[float],
    *,
    top: float = 4,
    bottom: float = 5,
) -> Table:
    """One line per persona, opened by a thin strip of the persona's colour: ``rows`` are
    ``(colour, cells)``, ``widths`` those of the cells (the strip is 3 mm more)."""
    table = Table([["", *cells] for _, cells in rows], colWidths=[3 * mm, *widths])
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
    ]
    for r, (colour, _) in enumerate(rows):
        commands.append(("BACKGROUND", (0, r), (0, r), hex_colour(colour)))
    table.setStyle(TableStyle(commands))
    return table


def simple_table(
    rows: list[list[Any]],
    widths: Sequence[float],
    *,
    header: bool = True,
    stripe: colors.Color | None = PALE,
    rule: colors.Color = RULE,
    head_colour: colors.Color = ACCENT,
) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, rule),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    if header:
        commands.append(("LINEBELOW", (0, 0), (-1, 0), 1.2, head_colour))
    if stripe is not None:
        start = 1 if header else 0
        for r in range(start, len(rows)):
            if (r - start) % 2:
                commands.append(("BACKGROUND", (0, r), (-1, r), stripe))
    table.setStyle(TableStyle(commands))
    return table


__all__ = [
    "CHAPTER_ROOM",
    "HEADER_GAP",
    "LANDSCAPE",
    "MARGIN",
    "PAGE",
    "SECTION_ROOM",
    "TA_LEFT",
    "Booklet",
    "CondPageBreak",
    "NextPageTemplate",
    "PageBreak",
    "Paragraph",
    "Styles",
    "Table",
    "TableStyle",
    "band",
    "bullets",
    "colors",
    "contents",
    "cover",
    "figures_grid",
    "french_date",
    "heading",
    "hex_colour",
    "keep",
    "persona_table",
    "section_start",
    "simple_table",
    "spacer",
    "styles",
    "text",
    "tint",
]
