"""The status bar at the panel type (13 pt = 17 px): every line the app writes there is
whole in a 1280-pixel window, in French and in English."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from PySide6.QtCore import QCoreApplication

from tests.ui.conftest import shown_window
from ui import theme

UI = Path(__file__).resolve().parents[2] / "ui"
SAMPLE = "Atelier 3"
"""What a ``{}`` stands for: a short name or number (an atelier, a count). A line made of
longer names (a file's path, a persona's) can still be cut: the whole name is elsewhere."""


def _translated(node: ast.AST) -> list[str]:
    return [
        inner.args[0].value
        for inner in ast.walk(node)
        if isinstance(inner, ast.Call)
        and isinstance(inner.func, ast.Attribute)
        and inner.func.attr == "tr"
        and inner.args
        and isinstance(inner.args[0], ast.Constant)
        and isinstance(inner.args[0].value, str)
    ]


def _to_status_bar(call: ast.Call) -> bool:
    """``….showMessage(…)``, or a signal the window shows there: the board's and the
    bus's ``notice.emit(…)``, the relay's ``status_changed.emit(…)``."""
    func = call.func
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr == "showMessage":
        return True
    return (
        func.attr == "emit"
        and isinstance(func.value, ast.Attribute)
        and func.value.attr in STATUS_SIGNALS
    )


STATUS_SIGNALS = {"notice", "status_changed"}


def status_lines() -> list[tuple[str, str]]:
    """(class, French) of every ``self.tr("…")`` in a call that shows a line in the status
    bar (``_to_status_bar``) in ui/, or in what its function assigns to the name it shows
    (``showMessage(text, …)``)."""
    found: list[tuple[str, str]] = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for owner in ast.walk(tree):
            if not isinstance(owner, ast.ClassDef):
                continue
            for function in ast.walk(owner):
                if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                for call in ast.walk(function):
                    if not (isinstance(call, ast.Call) and _to_status_bar(call) and call.args):
                        continue
                    shown = call.args[0]
                    sources: list[ast.AST] = [shown]
                    if isinstance(shown, ast.Name):
                        sources += [
                            node.value
                            for node in ast.walk(function)
                            if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign)
                            and node.value is not None
                            and any(
                                isinstance(t, ast.Name) and t.id == shown.id
                                for t in (
                                    node.targets if isinstance(node, ast.Assign) else [node.target]
                                )
                            )
                        ]
                    for source in sources:
                        found += [(owner.name, french) for french in _translated(source)]
    return list(dict.fromkeys(found))


def test_the_status_lines_are_found() -> None:
    lines = [french for _, french in status_lines()]
    assert len(lines) >= 20
    assert any(line.startswith("Les pistes communes des ateliers {}") for line in lines)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_status_line_is_whole_in_a_1280_pixel_bar_at_the_panel_type(
    qtbot, fabrique_app, demo_session, language
) -> None:
    fabrique_app.set_language(language)
    try:
        window = shown_window(qtbot, fabrique_app, demo_session, focused=False)
        status = window.statusBar()
        assert status.font().pointSizeF() == theme.PANEL_POINT_SIZE
        room = status.width() - 20
        cut = []
        for context, french in status_lines():
            said = QCoreApplication.translate(context, french) if language == "en" else french
            line = re.sub(r"\{[^}]*\}|%\d", SAMPLE, said)
            width = status.fontMetrics().horizontalAdvance(line)
            if width >= room:
                cut.append(f"{width} px: {line}")
        assert not cut, f"{room} px of room:\n" + "\n".join(cut)
    finally:
        fabrique_app.set_language("fr")


LONG_PATH = (
    "/home/animatrice/Documents/Ateliers de la métropole/2026/Série Vivre Ensemble/"
    "Atelier 3 — objectifs et engagements/compte-rendu-atelier-3-version-finale.pdf"
)


def _ink(image, room) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """The dark pixels of ``image`` inside ``room``: the text."""
    return [
        (x, y)
        for y in range(room.top(), room.bottom() + 1)
        for x in range(room.left(), room.right() + 1)
        if image.pixelColor(x, y).lightness() < 128
    ]


def test_a_line_too_long_for_the_bar_keeps_its_start_and_its_end(qtbot, wall) -> None:
    """« Exporté : » and a long path was drawn as far as the 1280-pixel bar went: the file's
    name, the end of the line, was cut off. The line is shortened in its middle (its start
    and the file's name shown), and the whole line is the bar's tooltip."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QImage, QPainter

    status = wall.statusBar()
    line = f"Exporté : {LONG_PATH}"
    status.showMessage(line, 8000)
    qtbot.wait(20)
    metrics = status.fontMetrics()
    room = QRect(6, 0, status.width() - 18, status.height())  # where Qt draws the line
    assert metrics.horizontalAdvance(line) > room.width()  # too long: it used to be cut
    expected = metrics.elidedText(line, Qt.TextElideMode.ElideMiddle, room.width())
    assert expected.startswith("Exporté : /home/")
    assert expected.endswith("version-finale.pdf")
    grabbed = status.grab().toImage()
    drawn = QImage(grabbed.size(), grabbed.format())
    drawn.fill(grabbed.pixelColor(room.right(), 1))  # the bar's own background
    painter = QPainter(drawn)
    painter.setFont(status.font())
    painter.setPen(status.palette().windowText().color())
    flags = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
    painter.drawText(room, flags | Qt.TextFlag.TextSingleLine, expected)
    painter.end()
    shown, wanted = set(_ink(grabbed, room)), set(_ink(drawn, room))
    assert wanted
    assert len(shown ^ wanted) <= 0.02 * len(wanted), "the bar does not show the shortened line"
    assert status.toolTip() == line
    status.showMessage("Idée ajoutée.", 8000)
    assert status.toolTip() == ""
