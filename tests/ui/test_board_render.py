"""The board on screen: no clipped card text, projector type size, contrast, audience window."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF

from fabrique_desktop.template import builtin_template
from ui import theme
from ui.board_actions import NOTE_COLOURS
from ui.board_scene import HIGH_CONTRAST_BOARD


@pytest.fixture(autouse=True)
def no_error_box(monkeypatch):
    """An unexpected error would open a modal box (and hang): record it and fail instead."""
    from PySide6.QtWidgets import QMessageBox

    boxes = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: boxes.append(self.text()) or 0)
    yield
    assert boxes == []


def clipped_cards(scene) -> list[str]:
    """Cards whose text or badges do not fit inside the note (width and height)."""
    bad = []
    for item in scene.items_by_id.values():
        assert item.measured
        rect = item.text_rect()
        metrics = QFontMetricsF(item.text_font())
        need = metrics.boundingRect(
            QRectF(0, 0, rect.width(), 1e6), item.text_flags(), item.display_text()
        )
        inside = item.boundingRect().adjusted(1, 1, -1, -1)
        if need.width() > rect.width() + 0.5 or need.height() > rect.height() + 0.5:
            bad.append(item.display_text())
        badges = item.badge_text()  # as drawn: a long tag hyphenated
        if badges:
            small = QFontMetricsF(item.badge_font())
            area = item.badge_rect()
            need = small.boundingRect(QRectF(0, 0, area.width(), 1e6), item.badge_flags(), badges)
            if need.width() > area.width() + 0.5 or need.height() > area.height() + 0.5:
                bad.append(badges)
            if area.bottom() > inside.bottom():
                bad.append(badges)
    return bad


@pytest.fixture
def demo_window(qtbot, fabrique_app, demo_session):
    window = fabrique_app.open_session(demo_session.id)
    qtbot.addWidget(window)
    window.show()
    qtbot.wait_exposed(window)
    return window


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("projector", [False, True])
def test_no_card_text_is_clipped(qtbot, demo_window, tmp_path, width, height, projector) -> None:
    window = demo_window
    window.board_actions.capture_line(
        "Un très long mot : intergénérationnellement-métropolitain-transfrontalier @bern =2 !2040"
    )
    window.resize(width, height)
    window.board.set_projector(projector)
    qtbot.wait_until(lambda: window.board.view.viewport().width() > width * 0.8)
    window.scene.notes.measure_all()
    assert len(window.scene.items_by_id) == 88
    assert clipped_cards(window.scene) == []
    image = window.grab()
    assert image.width() == width
    name = f"board-{width}x{height}{'-projector' if projector else ''}.png"
    assert image.save(str(tmp_path / name))


def test_projector_type_is_at_least_28_px_at_1280_and_adjustable(qtbot, demo_window) -> None:
    window = demo_window
    window.resize(1280, 720)
    window.set_projector_mode(True)
    window.resize(1280, 720)  # the offscreen screen is not 1280×720: force it
    qtbot.wait_until(lambda: window.board.view.viewport().width() > 1000)
    scene = window.scene
    scene.notes.measure_all()
    assert scene.fonts.text.pixelSize() >= 28
    full_size = [i for i in scene.items_by_id.values() if i.text_font().pixelSize() >= 28]
    assert len(full_size) >= 0.6 * len(scene.items_by_id)  # the others have a very long word
    assert min(i.text_font().pixelSize() for i in scene.items_by_id.values()) >= 18
    assert not window.menuBar().isVisible()
    qtbot.keyClick(window.board.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert scene.fonts.text.pixelSize() > 30
    qtbot.keyClick(window.board.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.board.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert scene.fonts.text.pixelSize() < 30
    window.set_projector_mode(False)
    assert window.menuBar().isVisible()
    assert scene.fonts.text.pixelSize() < 28


def test_fit_to_window_makes_every_column_fit(qtbot, window) -> None:
    for n in range(10):  # (a board too big for a readable size: tests/ui/test_wall_overview.py)
        window.board_actions.capture_line(f"Idée {n} assez longue pour deux lignes au moins")
    window.resize(1280, 720)
    window.board.fit_to_window()
    scene = window.scene
    assert scene.content_height() <= window.board.view.viewport().height() + 1
    assert window.board.zoom < 1
    assert scene.fonts.text.pixelSize() >= 16  # never below the readable size


def test_ctrl_wheel_zooms(qtbot, window) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    viewport = window.board.view.viewport()
    event = QWheelEvent(
        QPointF(50, 50),
        QPointF(viewport.mapToGlobal(QPoint(50, 50))),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)
    assert window.board.zoom > 1


def test_high_contrast_text_on_every_template_colour() -> None:
    """WCAG AA (4.5:1) between the ink chosen for a note or header and its background."""
    template = builtin_template()
    backgrounds = [c.tint for c in template.columns] + [c.colour for c in template.columns]
    backgrounds += list(NOTE_COLOURS)
    for background in backgrounds:
        ink = theme.readable_ink(background)
        assert theme.contrast_ratio(ink, background) >= 4.5, background
    for column in template.columns:  # notes stand out from their column on the projector
        assert theme.contrast_ratio(column.tint, column.colour) >= 3.0, column.key
        assert theme.contrast_ratio(column.colour, HIGH_CONTRAST_BOARD) >= 1.5


def test_audience_window_mirrors_the_board_and_remembers_the_screen(
    qtbot, demo_window, monkeypatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    window = demo_window
    asked = []

    def get_item(parent, title, label, items, current, editable):
        asked.append(items)
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    monkeypatch.setattr("ui.projector.one_screen", lambda: False)  # offscreen: one screen
    window.audience_action.trigger()
    audience = window.projector_window
    qtbot.addWidget(audience)
    assert asked
    assert window.settings.get("projector_screen") is not None
    assert len(audience.scene.items_by_id) == len(window.scene.items_by_id)
    assert audience.board.projector
    card_id = window.board_actions.capture_line("Vue dans la salle")
    assert card_id in audience.scene.items_by_id
    window.scene.select_cards([card_id])
    assert audience.scene.selected_card_ids() == [card_id]
    window.capture.search.setText("salle")
    assert audience.scene.dims.ids == window.scene.dims.ids
    window.audience_action.trigger()
    assert window.projector_window is None
    window.audience_action.trigger()  # the screen is remembered: no question
    assert len(asked) == 1
    window.audience_action.trigger()


def test_the_projector_screen_can_be_chosen_again(qtbot, demo_window, monkeypatch) -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QInputDialog

    window = demo_window
    screens = QGuiApplication.screens()
    window.settings.set("projector_screen", screens[0].name())  # remembered already
    asked = []

    def get_item(parent, title, label, items, current, editable):
        asked.append((label, current))
        return items[-1], True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    monkeypatch.setattr("ui.projector.one_screen", lambda: False)  # offscreen: one screen
    window.audience_action.trigger()  # remembered: opens without asking
    audience = window.projector_window
    qtbot.addWidget(audience)
    assert asked == []
    moved = []
    monkeypatch.setattr(audience, "show_on", moved.append)
    menu_texts = [a.text() for a in window.view_menu.actions()]
    assert "Choisir l'écran du vidéoprojecteur…" in menu_texts
    window.screen_action.trigger()
    assert asked == [("Écran du vidéoprojecteur :", 0)]  # the remembered one preselected
    assert window.settings.get("projector_screen") == screens[-1].name()
    assert moved == [screens[-1]]
    assert "Écran du vidéoprojecteur" in window.statusBar().currentMessage()
