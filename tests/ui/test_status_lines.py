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
