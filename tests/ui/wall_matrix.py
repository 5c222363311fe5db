"""The wall at each screen size, windowed and full screen, with each panel (issue 13, Tests).

``python -m tests.ui.wall_matrix 1280x720 [DIR]`` opens atelier 3 on an offscreen screen of
that size, shows and starts the timer, then for windowed (maximized) and full screen, with no
panel and with each of the window's panels (Votes, Déroulé, Téléphones, Partage en direct),
prints one JSON line: the smallest card text, the smallest card text in sight, and what
``tests.ui.wall_check.problems`` finds wrong; a screenshot of each goes in DIR.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from tests.ui.fresh_render import offscreen_screen, open_atelier_3


def panels(window) -> dict[str, tuple[Callable[[], None], Callable[[], None]]]:  # type: ignore[no-untyped-def]
    """Each panel: how the facilitator opens it, and how it is closed."""
    from ui.live_share import _live_of, _panel_of

    animation = window.animation

    def phones_open() -> None:
        window.phone_menu.panel()

    def phones_close() -> None:
        room = window.phone_menu.room
        if room is not None and room.dock is not None:
            window.panel_strip.hide_panel(room.dock)

    def live_open() -> None:
        _panel_of(window, _live_of(window))

    def live_close() -> None:
        panel = window.live_menu.panel
        if panel is not None:
            window.panel_strip.hide_panel(panel)

    def close_votes() -> None:
        animation.context.hide_dock(animation.votes.dock)

    return {
        "aucun": (lambda: None, lambda: None),
        "Votes": (animation.votes.show_panel, close_votes),
        "Déroulé": (animation.agenda.toggle, animation.agenda.toggle),
        "Téléphones": (phones_open, phones_close),
        "Partage": (live_open, live_close),
    }


def smallest_in_sight(window) -> int:  # type: ignore[no-untyped-def]
    """The smallest card text among the cards the viewport shows (at least in part)."""
    view = window.board.view
    area = view.mapToScene(view.viewport().rect()).boundingRect()
    sizes = [
        item.text_font().pixelSize()
        for item in window.scene.items_by_id.values()
        if item.isVisible() and item.sceneBoundingRect().intersects(area)
    ]
    return min(sizes, default=0)


def run(size: str, out: Path | None) -> None:
    offscreen_screen(size)

    from PySide6.QtWidgets import QApplication

    from tests.ui.wall_check import problems, smallest_card_text
    from ui.app import show_whole

    _app, _fabrique, store, _atelier, window = open_atelier_3(at_start_up=True)
    show_whole(window)

    def settle() -> None:
        for _ in range(15):
            QApplication.processEvents()

    settle()
    window.animation.timer.show_or_hide()
    window.animation.timer.toggle()
    for full in (False, True):
        window.set_projector_mode(full)
        settle()
        for name, (open_panel, close_panel) in panels(window).items():
            open_panel()
            settle()
            mode = "plein écran" if full else "fenêtre"
            line = {
                "screen": size,
                "mode": mode,
                "panel": name,
                "window": [window.width(), window.height()],
                "smallest": smallest_card_text(window),
                "smallest_in_sight": smallest_in_sight(window),
                "folded": [d.windowTitle() for d in window.panel_strip.folded],
                "problems": problems(window),
            }
            print(json.dumps(line, ensure_ascii=False), flush=True)
            if out is not None:
                window.grab().save(str(out / f"{size}-{mode.replace(' ', '_')}-{name}.png"))
            close_panel()
            settle()
    window.close()
    store.close()


if __name__ == "__main__":
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    run(sys.argv[1], folder)
