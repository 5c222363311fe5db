"""The capture bar at any window size (issue 13): the filter's placeholder whole, the hint on
one line (shortened where it must be), the capture field never crushed."""

from __future__ import annotations

import pytest

from tests.ui.wall_check import whole_placeholder


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768), (800, 600)])
@pytest.mark.parametrize("panel", [False, True])
def test_the_capture_bar_keeps_its_words_whole(qtbot, window, size, panel) -> None:
    if panel:
        window.animation.votes.show_panel()
    window.resize(*size)
    qtbot.wait(30)
    capture = window.capture
    assert whole_placeholder(capture.search), capture.search.width()
    hint = capture.hint
    assert hint.height() < 2 * hint.fontMetrics().lineSpacing()
    assert hint.fontMetrics().horizontalAdvance(hint.text()) <= hint.contentsRect().width()
    assert hint.text().startswith("Entrée : ajouter")
    assert capture.field.width() >= 0.4 * capture.width()


def test_the_hint_is_whole_where_there_is_room(qtbot, window) -> None:
    window.resize(1280, 720)
    qtbot.wait(30)
    assert window.capture.hint.text() == window.capture.default_hint()


@pytest.mark.parametrize("pixels", [12, 20, 30, 45])
def test_the_filter_is_as_narrow_as_the_style_allows_around_its_placeholder(
    qtbot, window, pixels
) -> None:
    """Before its clear button (added after the first frame), the filter's minimum width
    comes from Qt's own hint, not from QStyle (its enums cost the start-up, issue 28): it
    must be what the style gives around the placeholder, 4 px either side, at every type
    size, or the first frame of a narrow window changes (a 4 px wider filter did)."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame

    search = window.capture.search
    search.setClearButtonEnabled(False)  # as before the window's first frame
    font = search.font()
    font.setPixelSize(pixels)
    search.setFont(font)
    option = QStyleOptionFrame()
    search.initStyleOption(option)
    text = search.fontMetrics().horizontalAdvance(search.placeholderText())
    qt_hint = QLineEdit.minimumSizeHint(search)
    inner = QSize(text + 4 + 4, qt_hint.height())
    styled = search.style().sizeFromContents(QStyle.ContentsType.CT_LineEdit, option, inner, search)
    assert search.minimumSizeHint().width() == max(qt_hint.width(), styled.width())


def test_the_filters_clear_button_comes_with_its_room(qtbot) -> None:
    """The window adds the filter's clear button after its first frame. With a panel docked
    the filter is at its narrowest: the button took its room inside the field at once and
    the field widened only at the layout's next turn, so in between the placeholder was cut
    (« Filtrer… (Ctr »); under load that turn came late. It is laid out with its button."""
    from ui.capture_bar import CaptureBar

    bar = CaptureBar()
    qtbot.addWidget(bar)
    bar.resize(320, 90)
    bar.show()
    qtbot.wait_exposed(bar)
    search = bar.search
    assert search.width() == search.minimumSizeHint().width()  # at its narrowest
    assert whole_placeholder(search)
    bar.add_clear_button()  # no turn of the event loop after it
    assert search.isClearButtonEnabled()
    assert whole_placeholder(search), search.width()


def test_the_column_chooser_and_the_timer_s_buttons_are_in_the_panel_type(
    qtbot, fabrique_app, valeurs_session
) -> None:
    """The column chooser (« À trier ») was 15 px and the timer's ❚❚ / +1 / ⋯ 16 px: under
    the panel minimum (17 px) on the wall. Full screen at 1280×720 on the Valeurs wall (its
    longest column, « Valeurs proposées », makes the widest chooser), with the timer running,
    they are ≥ 17 px, and the timer keeps its corner of the capture row (no band taken off
    the board), the capture field its 40 % of the row."""
    from tests.ui.conftest import shown_window
    from tests.ui.test_wall_panels import full_screen

    window = shown_window(qtbot, fabrique_app, valeurs_session, focused=False)
    full_screen(qtbot, window)
    timer = window.animation.timer
    timer.show_or_hide()
    timer.toggle()
    qtbot.wait(50)
    capture, overlay = window.capture, timer.overlay
    assert capture.target.fontInfo().pixelSize() >= 17
    for button in (overlay.start_button, overlay.minute_button, overlay.menu_button):
        if button.isVisible():
            assert button.fontInfo().pixelSize() >= 17, button.text()
            assert button.width() >= button.minimumSizeHint().width(), button.text()
    assert overlay.parentWidget() is capture
    assert not capture.two_rows()
    margins = capture.layout().contentsMargins()  # the row inside them (room_for_corner)
    row = capture.width() - margins.left() - margins.right()
    assert capture.field.width() >= 0.4 * row
    assert whole_placeholder(capture.search)
    assert whole_placeholder(capture.field)
