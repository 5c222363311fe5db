"""Every method slide at 1280×720: body text of at least 24 px, and nothing cut off."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QFontInfo, QTextDocument
from PySide6.QtWidgets import QLabel

from fabrique_desktop.workspace import series_template

MIN_PIXELS = 24


def pixel_sizes(label: QLabel) -> list[float]:
    """The pixel size of every piece of text a label draws (rich text included)."""
    if "<" not in label.text():
        return [QFontInfo(label.font()).pixelSize()] if label.text().strip() else []
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setHtml(label.text())
    sizes = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.isValid() and fragment.text().strip():
                font = fragment.charFormat().font()
                pixels = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * 96 / 72
                sizes.append(pixels)
            fragments += 1
        block = block.next()
    return sizes


def test_every_slide_is_readable_and_whole_at_1280x720(qtbot, demo, tmp_path) -> None:
    from ui.method_slides import SlideWidget, build_slides

    folder = Path(os.environ.get("FABRIQUE_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    slides = build_slides(series_template(demo))
    competences = [s for s in slides if s.section == "Compétences"]
    assert sum(len(s.blocks) for s in competences) == 8  # all of them, over two slides
    for index, slide in enumerate(slides):
        widget = SlideWidget(slide, 1.0)
        qtbot.addWidget(widget)
        widget.resize(1280, 720)
        widget.show()
        qtbot.wait_exposed(widget)
        where = f"slide {index} « {slide.title} »"
        labels = [label for label in widget.findChildren(QLabel) if label.isVisible()]
        sizes = [size for label in labels for size in pixel_sizes(label)]
        assert min(sizes) >= MIN_PIXELS, where
        for label in labels:
            needed = label.heightForWidth(label.width()) if label.wordWrap() else 0
            assert needed <= label.height() + 1, f"{where}: {label.text()[:40]!r} is cut"
            bottom = label.mapTo(widget, label.rect().bottomLeft()).y()
            assert bottom <= widget.height(), f"{where}: {label.text()[:40]!r} below the edge"
        assert widget.minimumSizeHint().height() <= 720, where
        if slide.section in ("Compétences", "Diagnostic"):
            widget.grab().save(str(folder / f"method-slide-{index}.png"))
        widget.close()


def test_a_show_made_full_screen_before_it_is_shown_takes_its_screen_s_type(qtbot) -> None:
    """F6 on a 1920×1080 projector: the show is made full screen before it is shown, and the
    show's one resize has no old size, so the pages kept the 1280×720 type (body 32 px for
    48, the counter 14 px). The page is built for the size the show has; the counter is the
    panel type (17 px) at 1280×720 and grows with the screen."""
    from ui.slide_show import SlideShow

    built: list[float] = []

    def page(_index: int, scale: float) -> QLabel:
        built.append(scale)
        return QLabel("Une page")

    show = SlideShow(3, page, "Diaporama")
    qtbot.addWidget(show)
    assert built == [1.0]
    assert show.counter.fontInfo().pixelSize() >= 17
    show.resize(1920, 1080)  # hidden, as fill_screen does before showFullScreen
    show.show()
    qtbot.wait_until(lambda: show.width() == 1920, timeout=2_000)
    qtbot.wait(20)
    assert built[-1] == 1.5
    assert show.counter.fontInfo().pixelSize() >= round(17 * 1.5)
