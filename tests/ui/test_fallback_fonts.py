"""Chinese, Japanese, Korean and Indic names in the window: the fonts shipped in
resources/fonts/fallback are registered right after the first paint and follow DejaVu Sans in
the application font, so cards, the persona presenter and the vote panel draw them."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import shiboken6

from PySide6.QtGui import QFont, QRawFont, QTextLayout
from PySide6.QtWidgets import QApplication

from fabrique_desktop.resources import resource
from ui import fallback_fonts

NAMES = "李明 佐藤 花子 김민준"
INDIC = "प्रिया தமிழ்செல்வி সুদীপ্তা"
NOTO = {"Noto Sans Devanagari", "Noto Sans Tamil", "Noto Sans Bengali"}


def _fonts_used(font: QFont, text: str) -> dict[str, int]:
    """How many glyphs of ``text`` each family draws with ``font``; none is an empty box."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    used: dict[str, int] = {}
    for run in layout.glyphRuns():
        glyphs = list(run.glyphIndexes())
        assert 0 not in glyphs, f"{run.rawFont().familyName()} draws empty boxes"
        family = run.rawFont().familyName()
        used[family] = used.get(family, 0) + len(glyphs)
    return used


def test_the_shipped_fonts_have_the_glyphs(qapp) -> None:
    droid = QRawFont(str(resource("fonts", "fallback", "DroidSansFallbackFull.ttf")), 20)
    nanum = QRawFont(str(resource("fonts", "fallback", "NanumSquareR.ttf")), 20)
    assert all(droid.supportsCharacter(ord(c)) for c in "李明佐藤花子ひらがなカタカナ")
    assert all(nanum.supportsCharacter(ord(c)) for c in "김민준서울")


def test_after_the_first_paint_the_app_font_falls_back_to_them(qtbot, window) -> None:
    app = QApplication.instance()
    qtbot.wait_until(lambda: "NanumSquare" in app.font().families())
    assert app.font().families()[0] == "DejaVu Sans"
    assert set(fallback_fonts.register()) == {"Droid Sans Fallback", "NanumSquare"} | NOTO
    used = _fonts_used(app.font(), f"Léa {NAMES}")
    assert used == {"DejaVu Sans": 7, "Droid Sans Fallback": 6, "NanumSquare": 3}
    # Qt shapes Indic scripts itself: प्रि is drawn as two glyphs (ि, then प्र), not four
    used = _fonts_used(app.font(), "प्रिया")
    assert used == {"Noto Sans Devanagari": 4}
    assert set(_fonts_used(app.font(), INDIC)) >= NOTO


def test_a_card_with_a_korean_name_is_measured_with_its_glyphs(qtbot, window) -> None:
    from fabrique_desktop.board import capture

    qtbot.wait_until(lambda: "NanumSquare" in QApplication.font().families())
    change = capture(window.store, window.session.id, f"Une idée de {NAMES}", "mieux")
    window.bus.push(change)
    scene = window.scene
    scene.notes.measure_all()
    item = next(i for i in scene.items_by_id.values() if NAMES in i.card.text)
    assert _fonts_used(item.text_font(), NAMES)["NanumSquare"] == 3
    scene.refresh_fonts()  # what install() does to a board measured before the fonts came
    scene.notes.measure_all()
    assert item.height() > 0


def test_install_changes_the_app_font_once(qapp) -> None:
    qapp.setFont(QFont("DejaVu Sans", 11))
    assert fallback_fonts.install(qapp)
    families = qapp.font().families()
    assert not fallback_fonts.install(qapp)
    assert qapp.font().families() == families
    assert families.count("NanumSquare") == 1


def test_a_window_opened_before_the_fonts_measures_its_notes_with_them(
    qtbot, qapp, fabrique_app, session
) -> None:
    qapp.setFont(QFont("DejaVu Sans", 11))  # as at start-up: the fallbacks come after the paint
    window = fabrique_app.open_session(session.id)
    qtbot.addWidget(window)
    assert "NanumSquare" not in window.scene.fonts.text.families()
    qtbot.wait_until(lambda: "NanumSquare" in window.scene.fonts.text.families())


def test_a_window_closed_before_the_fonts_come_is_left_alone(
    qtbot, qapp, fabrique_app, session
) -> None:
    qapp.setFont(QFont("DejaVu Sans", 11))
    window = fabrique_app.open_session(session.id)
    shiboken6.delete(window)  # gone before the event loop turns
    fabrique_app.window = None
    qtbot.wait(50)  # the deferred font step went with its window: nothing touched, no crash
    assert "NanumSquare" not in qapp.font().families()


CHECK = """
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QApplication

from ui import fallback_fonts
from ui.app import make_application


def boxes(font):
    layout = QTextLayout("李明 佐藤 花子 김민준", font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return sum(list(run.glyphIndexes()).count(0) for run in layout.glyphRuns())


app = make_application()
before = boxes(QFont(app.font()))
fallback_fonts.install(app)
layout = QTextLayout("प्रिया தமிழ்செல்வி সুদীপ্তা", QFont(app.font()))
layout.beginLayout()
layout.createLine()
layout.endLayout()
indic = sorted({run.rawFont().familyName() for run in layout.glyphRuns()})
print(before, boxes(QFont(app.font())), ",".join(indic))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig chooses fonts")
def test_on_a_computer_without_cjk_or_indic_fonts(tmp_path) -> None:
    """Fontconfig sees only DejaVu Sans: boxes before, glyphs once the fallbacks are in."""
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    (fonts / "DejaVuSans.ttf").symlink_to(resource("fonts", "DejaVuSans.ttf"))
    config = tmp_path / "fonts.conf"
    config.write_text(
        f'<?xml version="1.0"?><fontconfig><dir>{fonts}</dir>'
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FONTCONFIG_FILE": str(config)}
    result = subprocess.run(
        [sys.executable, "-c", CHECK], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    before, after, indic = result.stdout.split(maxsplit=2)
    assert int(before) == 9  # every CJK character an empty box
    assert int(after) == 0
    assert set(indic.strip().split(",")) == NOTO
