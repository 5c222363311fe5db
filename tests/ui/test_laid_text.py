"""Text laid out once and drawn from its layout: the same height and pixels as Qt's own
``boundingRect`` and ``drawText`` (the board image measures and draws its notes so)."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QApplication

from ui.card_item import ANYWHERE_FLAGS, TEXT_FLAGS
from ui.fallback_fonts import with_fallbacks
from ui.laid_text import LaidText, lay_out

TEXTS = [
    "Accès au foncier facilité (130)",
    "Nouveau Programme de renouvellement urbain : 14 quartiers ciblés dans le protocole",
    "ligne\nautre ligne\n\ntrois",
    "Anticonstitutionnellement" * 3,  # wider than the line: drawText clips it
    "تجربة نص عربي طويل بما يكفي للالتفاف على عدة أسطر",
    "中文文本测试中文文本测试中文文本测试中文文本测试",
    "emoji 🌍 et « guillemets » soft\u00adhyphen",
    "→2040  #Soutien aux territoires fragiles",
    "tab\there & amp",
    "  espaces   multiples  ",
]


def _drawn(draw: Callable[[QPainter], None], font: QFont) -> QImage:
    image = QImage(400, 420, QImage.Format.Format_RGB32)
    image.fill(QColor("#ECEFF1"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#111111"))
    painter.setFont(font)
    draw(painter)
    painter.end()
    return image


@pytest.mark.parametrize(("pixels", "bold"), [(18, False), (13, True)])
@pytest.mark.parametrize("flags", [TEXT_FLAGS, ANYWHERE_FLAGS])
def test_laid_out_text_measures_and_draws_as_draw_text(qapp, pixels, bold, flags) -> None:
    font = with_fallbacks(QApplication.font())
    font.setPixelSize(pixels)
    font.setBold(bold)
    metrics = QFontMetricsF(font)
    for width in (150.0, 372.0):
        for text in TEXTS:
            laid = lay_out(text, font, width, flags)
            assert laid is not None
            bound = metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, text)
            assert laid.height == bound.height(), text
            rect = QRectF(10, 7, width, math.ceil(bound.height()))
            expected = _drawn(lambda p, r=rect, t=text: p.drawText(r, flags, t), font)
            drawn: list[bool] = []
            assert _drawn(_via_layout(laid, rect, flags, text, drawn), font) == expected, text
            assert drawn == [laid.width <= width]


def _via_layout(
    laid: LaidText, rect: QRectF, flags: int, text: str, drawn: list[bool]
) -> Callable[[QPainter], None]:
    def draw(painter: QPainter) -> None:
        drawn.append(laid.draw(painter, rect))
        if not drawn[-1]:  # clipped to the rectangle: drawText's own
            painter.drawText(rect, flags, text)

    return draw


def test_what_only_draw_text_does_is_left_to_it(qapp) -> None:
    font = QApplication.font()
    assert lay_out("", font, 100, TEXT_FLAGS) is None
    assert lay_out("court\x9clong", font, 100, TEXT_FLAGS) is None  # length variants
    centred = TEXT_FLAGS | int(Qt.AlignmentFlag.AlignHCenter)
    assert lay_out("centré", font, 100, centred) is None
