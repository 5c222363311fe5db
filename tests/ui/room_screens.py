"""The room's screens over a full-screen wall: the engagements, the récit, the ranking.

``python -m tests.ui.room_screens 1920x1080 [DIR]`` opens atelier 3 on an offscreen screen of
that size with the template's twelve engagements and a few dots, puts the window full screen,
opens each screen by its shortcut's action and prints one JSON line each: its geometry,
whether it is full screen, and its type in points (its own, its lists', its labels', the
first character of its text: the ranking's rows, the engagement's trace). A PNG of each goes
in DIR.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.ui.fresh_render import offscreen_screen


def room_type(screen) -> list[float]:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QLabel, QListWidget, QTextBrowser

    sizes = [screen.font().pointSizeF()]
    sizes += [w.font().pointSizeF() for w in screen.findChildren(QListWidget)]
    sizes += [w.font().pointSizeF() for w in screen.findChildren(QLabel) if w.text()]
    for browser in screen.findChildren(QTextBrowser):
        cursor = QTextCursor(browser.document())
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
        sizes.append(cursor.charFormat().fontPointSize() or browser.font().pointSizeF())
    return sizes


def run(size: str, out: Path | None) -> None:
    offscreen_screen(size)

    from PySide6.QtWidgets import QApplication

    from fabrique_desktop import board, convergence, votes
    from tests.ui.fresh_render import open_atelier_3
    from ui.app import show_whole
    from ui.full_screen import fill_screen

    _app, _fabrique, store, atelier, window = open_atelier_3()
    for data in window.controller.template.section("engagements"):
        picked = board.column_cards(store, atelier.id, data["column"])[:1]
        store.apply(
            convergence.promote(
                store,
                atelier.id,
                picked,
                title=data["title"],
                column=data["column"],
                purpose=data["purpose"],
                how=data["how"],
            )
        )
    store.apply(votes.add_tables(store, atelier.id, 3))
    cards = board.session_cards(store, atelier.id)
    for index, voter in enumerate(votes.voters(store, atelier.id)):
        store.apply(votes.add_dot(store, atelier.id, [cards[index].id], voter.id))
    show_whole(window)
    fill_screen(window)

    def settle() -> None:
        for _ in range(10):
            QApplication.processEvents()

    settle()
    animation = window.animation
    for name, action, screen_of in (
        ("engagements", animation.engagements_action, lambda: animation.engagements.view),
        ("récit", animation.recit_action, lambda: animation.recit.view),
        ("classement", animation.ranking_action, lambda: animation.votes.ranking),
    ):
        action.trigger()
        settle()
        screen = screen_of()
        if name == "engagements":
            from ui.engagements_view import ID_ROLE

            screen.select(screen.lists["mieux"].item(0).data(ID_ROLE))  # its trace shown
        geometry = screen.geometry()
        line = {
            "screen": name,
            "geometry": [geometry.x(), geometry.y(), geometry.width(), geometry.height()],
            "full_screen": screen.isFullScreen(),
            "type": room_type(screen),
        }
        print(json.dumps(line), flush=True)
        if out is not None:
            screen.grab().save(str(out / f"{name}-{size}.png"))
        screen.close()
        settle()


if __name__ == "__main__":
    run(sys.argv[1], Path(sys.argv[2]) if len(sys.argv) > 2 else None)
