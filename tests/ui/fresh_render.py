"""What the wall shows against a fresh render of the same scene (issue 13, stale paint).

``on_screen`` reads the window's backing store — the pixels the projector receives — and
``fresh_render`` paints the board's scene again from its items, without any cache, through
the same view transform. Both cover the board view's viewport; widgets laid over the board
(the timer when it floats) are left out of the comparison by ``masks``.

``python -m tests.ui.fresh_render 1280x720`` runs the projector scenario on an offscreen
screen of that size and prints one JSON line per step: the step, how many pixels differ,
and what ``tests.ui.wall_check.problems`` finds wrong on the wall (covered, cut, crushed).

The scenario is ten minutes of a workshop played fast: full screen, the Votes panel open and
the timer running, then rounds of captures, scrolls, votes (+, −, a count of paper dots),
drags, zooms, the agenda and the folded panels opened and folded back.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

TOLERANCE = 48  # per colour channel: antialiased edges drawn through a cache may differ a bit


def on_screen(view):  # type: ignore[no-untyped-def]
    """The viewport's pixels as they are on the screen (the backing store), not repainted."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QImage

    viewport = view.viewport()
    window = view.window()
    top = viewport.mapTo(window, QPoint(0, 0))
    pixmap = window.screen().grabWindow(
        window.winId(), top.x(), top.y(), viewport.width(), viewport.height()
    )
    return pixmap.toImage().convertToFormat(QImage.Format.Format_RGB32)


def fresh_render(view):  # type: ignore[no-untyped-def]
    """The scene painted afresh, item by item, as the view would show it with no cache."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyle, QStyleOptionGraphicsItem

    viewport = view.viewport()
    image = QImage(viewport.size(), QImage.Format.Format_RGB32)
    scene = view.scene()
    area = view.mapToScene(viewport.rect()).boundingRect().adjusted(-2, -2, 2, 2)
    to_view = view.viewportTransform()
    painter = QPainter(image)
    painter.setRenderHints(view.renderHints())
    painter.setTransform(to_view)
    painter.fillRect(area, scene.backgroundBrush())
    items = scene.items(area, Qt.ItemSelectionMode.IntersectsItemShape, Qt.SortOrder.AscendingOrder)
    for item in items:
        if not item.isVisible() or item.effectiveOpacity() == 0:
            continue
        option = QStyleOptionGraphicsItem()
        option.exposedRect = item.boundingRect()
        if item.isSelected():
            option.state |= QStyle.StateFlag.State_Selected
        painter.save()
        painter.setTransform(item.sceneTransform() * to_view)
        painter.setOpacity(item.effectiveOpacity())
        item.paint(painter, option, None)
        painter.restore()
    painter.end()
    return image


def masks(view) -> list:  # type: ignore[type-arg]
    """Rectangles of the viewport covered by widgets laid over the board (not the scene):
    the large timer, a folded panel opened over the board."""
    from PySide6.QtCore import QPoint, QRect

    viewport = view.viewport()
    covered = []
    for child in view.window().findChildren(object):
        name = getattr(child, "objectName", lambda: "")()
        if name in ("timerOverlay", "panelOverlay") and child.isVisible():
            top = viewport.mapFromGlobal(child.mapToGlobal(QPoint(0, 0)))
            covered.append(QRect(top, child.size()))
    return covered


def differing_pixels(shown, fresh, covered: Iterable = ()) -> int:  # type: ignore[no-untyped-def]
    """Pixels whose colour differs by more than TOLERANCE in a channel (outside ``covered``).

    Qt does the arithmetic: the channels' differences (a « difference » composition), then
    what is left of each over the tolerance, max(0, d − TOLERANCE) — Qt has no subtraction,
    so 255 − min(255, (255 − d) + TOLERANCE): inverted, a saturating « plus », inverted
    again — and one comparison with a black image. Python counts pixels only in the rows
    that hold a difference over the tolerance (a loop over every pixel of every row differing
    by antialiasing alone took ~0.1 s an image, a third of a step's time)."""
    from PySide6.QtGui import QColor, QImage, QPainter

    if shown.size() != fresh.size():
        return shown.width() * shown.height()
    if shown == fresh:
        return 0
    difference = shown.convertToFormat(QImage.Format.Format_RGB32)
    painter = QPainter(difference)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Difference)
    painter.drawImage(0, 0, fresh.convertToFormat(QImage.Format.Format_RGB32))
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
    for rect in covered:
        painter.fillRect(rect, QColor(0, 0, 0))  # no difference there
    painter.end()
    difference.invertPixels()
    painter = QPainter(difference)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Plus)
    painter.fillRect(difference.rect(), QColor(TOLERANCE, TOLERANCE, TOLERANCE))
    painter.end()
    difference.invertPixels()  # each channel: what its difference is over the tolerance
    if difference == _black(difference.width(), difference.height()):
        return 0
    rgb = difference.convertToFormat(QImage.Format.Format_RGB888)
    width, stride = rgb.width(), rgb.bytesPerLine()
    bits = bytes(rgb.constBits())
    count = 0
    for y in range(rgb.height()):
        row = bits[y * stride : y * stride + width * 3]
        if row.strip(b"\0"):
            count += sum(1 for x in range(0, width * 3, 3) if row[x : x + 3] != b"\0\0\0")
    return count


@functools.cache
def _black(width: int, height: int):  # type: ignore[no-untyped-def]
    """A black image of that size (made once: filling 8 MB cost ~15 ms a comparison)."""
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(0, 0, 0))
    return image


def compare(view, save_to: Path | None = None, step: str = "") -> int:  # type: ignore[no-untyped-def]
    shown, fresh = on_screen(view), fresh_render(view)
    count = differing_pixels(shown, fresh, masks(view))
    if count and save_to is not None:
        shown.save(str(save_to / f"{step}-shown.png"))
        fresh.save(str(save_to / f"{step}-fresh.png"))
    return count


DRAGS: list[bool] = []  # each drag of the scenario: did the card land in its new column?
# steps where a panel is opened over the board on purpose (the facilitator's moment)
PANEL_OVER_STEPS = ("votes par-dessus",)
IDEAS = (
    "Soutien au Carburateur >3",
    "Un atelier de réparation de vélos dans chaque quartier",
    "Des jardins partagés sur les toits des écoles >4",
    "Une navette électrique gratuite vers les calanques >2",
    "Œuvres d'art « hors les murs » dans les gares >4",
    "Un guichet unique pour les associations de quartier >3",
    "Cantines 100 % bio et locales d'ici 2030 >1",
    "Une maison des jeunes ouverte le dimanche >3",
    "Des pistes cyclables continues entre Aix et Marseille >2",
)


def scenario(window, app) -> Iterable[tuple[str, Callable[[], None]]]:  # type: ignore[no-untyped-def]
    """The projector scenario of issue 13: full screen, panels, timer, scroll, capture,
    drag, vote, zoom — each step a (name, action) pair."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtTest import QTest

    from tests.ui.conftest import type_text

    view = window.board.view
    scene = window.scene

    def wheel(column_index: int, notches: int) -> None:
        viewport = view.viewport()
        rect = scene.column_rect(scene.columns[column_index].key)
        x = view.mapFromScene(rect.center()).x()
        point = QPointF(x, viewport.height() / 2)
        event = QWheelEvent(
            point,
            QPointF(viewport.mapToGlobal(point.toPoint())),
            QPoint(),
            QPoint(0, -120 * notches),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        app.sendEvent(viewport, event)

    def capture(text: str) -> None:
        window.focus_capture()
        type_text(window.capture.field, text)
        QTest.keyClick(window.capture.field, Qt.Key.Key_Return)

    def drag(source: int = 2, target: int = 4) -> None:
        column = scene.columns[source].key
        item = scene.cards_in(column)[0]
        viewport = view.viewport()
        scene.show_card_whole(item.card.id)
        app.processEvents()
        box = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        start = box.topLeft() + QPoint(box.width() // 2, min(40, box.height() // 2))
        target_rect = scene.column_rect(scene.columns[target].key)
        end = view.mapFromScene(target_rect.center())
        end.setY(min(end.y(), viewport.height() - 80))
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        for step in range(1, 9):
            point = start + (end - start) * step / 8
            QTest.mouseMove(viewport, point)
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
        app.processEvents()
        moved = scene.items_by_id.get(item.card.id)
        DRAGS.append(moved is not None and moved.card.column == scene.columns[target].key)

    def select_in(column_index: int, row: int) -> None:
        items = scene.cards_in(scene.columns[column_index].key)
        item = items[min(row, len(items) - 1)]
        scene.select_cards([item.card.id])
        view.setFocus()
        view.show_card(item.card.id)

    def count_dots(dots: int) -> None:
        window.animation.count_dots_action.trigger()  # « * »
        type_text(window.board.count_entry, f"{dots:02d}")  # two digits: recorded

    animation = window.animation
    yield "fenêtre", lambda: None
    yield "plein écran", lambda: window.set_projector_mode(True)
    yield "panneau des votes", animation.votes.show_panel
    yield "minuteur", animation.timer.show_or_hide
    yield "minuteur lancé", animation.timer.toggle
    for notch in range(4):
        yield f"défilement {notch + 1}", lambda n=notch: wheel(1 + n % 4, 2)
    yield "saisie", lambda: capture(IDEAS[0])
    yield "saisie 2", lambda: capture(IDEAS[1])
    yield "glisser", drag
    yield "zoom +", lambda: window.board.step_zoom(1)
    yield "zoom −", lambda: window.board.step_zoom(-1)
    # ten minutes of a workshop: rounds of captures, scrolls, votes and drags
    for round_ in range(3):
        for i, idea in enumerate(IDEAS[2 + 2 * round_ : 4 + 2 * round_]):
            yield f"tour {round_ + 1} saisie {i + 1}", lambda t=idea: capture(t)
        yield f"tour {round_ + 1} défilement", lambda r=round_: wheel(1 + r, 3)
        yield f"tour {round_ + 1} idée choisie", lambda r=round_: select_in(1 + r, 2)
        yield f"tour {round_ + 1} vote +", animation.add_dot_action.trigger
        yield f"tour {round_ + 1} vote + +", animation.add_dot_action.trigger
        yield f"tour {round_ + 1} vote −", animation.remove_dot_action.trigger
        yield f"tour {round_ + 1} gommettes comptées", lambda r=round_: count_dots(7 + r)
        yield f"tour {round_ + 1} glisser", lambda r=round_: drag(1 + r, 4 - r)
        yield f"tour {round_ + 1} défilement retour", lambda r=round_: wheel(1 + r, -3)
    yield "votes par-dessus", lambda: window.panel_strip.cycle()  # F12: the facilitator's look
    yield "votes repliés", lambda: window.panel_strip.cycle()
    yield "déroulé", animation.agenda.toggle
    yield "zoom + encore", lambda: window.board.step_zoom(1)
    yield "zoom − encore", lambda: window.board.step_zoom(-1)
    yield "votes fermés", lambda: animation.context.hide_dock(animation.votes.dock)
    yield "déroulé fermé", animation.agenda.toggle
    yield "fenêtre à nouveau", lambda: window.set_projector_mode(False)


def offscreen_screen(size: str) -> tuple[int, int]:
    """The offscreen platform with one screen of ``size`` (e.g. 1280x720): set before the
    application is made."""
    width, height = (int(n) for n in size.split("x"))
    config = Path(tempfile.mkdtemp()) / "screen.json"
    screen = {"name": "projector", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    return width, height


def open_atelier_3(at_start_up: bool = False):  # type: ignore[no-untyped-def]
    """The demo's atelier 3 (the seed's ~100 ideas) in a new data folder, its window made
    (not shown): (app, fabrique, store, atelier, window). Keep ``fabrique``: it is the app
    (its dialogs, Ctrl+O, hang on it)."""
    from db.backups import Backups
    from db.store import Store
    from fabrique_desktop.paths import DataDir
    from fabrique_desktop.workspace import ensure_first_use, list_sessions
    from ui.app import FabriqueApp, make_application

    app = make_application()
    data_dir = DataDir(Path(tempfile.mkdtemp()) / "data")
    store = Store.open(data_dir.database)
    series = ensure_first_use(store)
    assert series is not None
    atelier = next(s for s in list_sessions(store, series.id) if s.number == 3)
    fabrique = FabriqueApp(app, store, data_dir, Backups(store, data_dir.backups))
    window = fabrique.open_session(atelier.id, at_start_up=at_start_up)
    return app, fabrique, store, atelier, window


def run(size: str, save_to: Path | None = None) -> list[tuple[str, int]]:
    """Open atelier 3 on an offscreen screen of ``size`` (e.g. 1280x720), play the
    scenario and compare after each step."""
    width, height = offscreen_screen(size)

    from PySide6.QtWidgets import QApplication

    app, _fabrique, store, _atelier, window = open_atelier_3()
    window.resize(min(1280, width), min(720, height))
    window.show()

    def settle() -> None:
        for _ in range(12):
            QApplication.processEvents()

    from tests.ui.wall_check import problems

    settle()
    at_start = len(window.scene.items_by_id)
    results = []
    for name, action in scenario(window, app):
        failed = []
        try:
            action()
        except Exception as error:  # the step is reported, the scenario goes on
            failed.append(f"étape impossible : {error!r}")
        settle()
        stale = compare(window.board.view, save_to, name.replace(" ", "_"))
        wrong = failed + problems(window, panel_over=name in PANEL_OVER_STEPS)
        if save_to is not None:
            number = len(results) + 1
            window.grab().save(str(save_to / f"{number:02d}-{name.replace(' ', '_')}-wall.png"))
        results.append((name, stale, wrong))
    summary = {**what_the_room_did(window), "cards_at_start": at_start}
    window.close()
    store.close()
    return results, summary


def what_the_room_did(window) -> dict:  # type: ignore[no-untyped-def, type-arg]
    """What the scenario left on the board: its steps took effect."""
    scene = window.scene
    tally = window.animation.votes.tally().totals()
    return {
        "cards": len(scene.items_by_id),
        "per_column": {c.key: scene.notes.count(c.key) for c in scene.columns},
        "dots": sum(tally.values()),
        "counted": sorted(v for v in tally.values() if v >= 7),
        "timer_running": window.animation.timer.overlay.state.running,
        "drags_landed": DRAGS,
    }


if __name__ == "__main__":
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    steps, summary = run(sys.argv[1], folder)
    for step, count, wrong in steps:
        line = {"step": step, "differing": count, "problems": wrong}
        print(json.dumps(line, ensure_ascii=False), flush=True)
    print(json.dumps({"summary": summary}, ensure_ascii=False), flush=True)
