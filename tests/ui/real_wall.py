"""The wall in a real window (issue 13, « Done when »): atelier 3 on a virtual X screen, driven
by real keys and a real mouse (xdotool), for as long as a workshop round lasts.

``python -m tests.ui.real_wall 1280x720 [--wm] [--minutes 10] [--out DIR]`` opens atelier 3
as ``fabrique --open`` does, on Xvfb (with openbox with ``--wm``), goes full screen (F11),
shows and starts the timer, opens the Votes panel, then plays rounds of captures typed in the
capture field, keyboard moves, mouse drags, dots, scrolls of each column, the overview, the
large card, panels and a dialog, until the minutes are up. After each step it compares the X
server's pixels of the board with a fresh render of the scene (``tests.ui.fresh_render``),
lists what ``tests.ui.wall_check.problems`` finds wrong, and the smallest card text; one JSON
line per step, and screenshots of the whole screen at the moments worth looking at in DIR.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from unicodedata import normalize

from tests.ui.fresh_render import IDEAS, compare, open_atelier_3
from tests.ui.test_wall_real_window import Desktop

Step = tuple[str, Callable[[], None]]


class Session:
    """The app in this process, shown on the virtual screen, and the keys and mouse of X."""

    def __init__(self, desktop: Desktop, out: Path) -> None:
        from PySide6.QtWidgets import QApplication

        from ui.app import show_whole

        self.desktop, self.out = desktop, out
        # ``fabrique`` kept: it is the app (Ctrl+O's dialog hangs on it)
        self.app, self.fabrique, self.store, self.atelier, self.window = open_atelier_3(True)
        show_whole(self.window)  # as ``ui.app.run`` does
        self.window.activateWindow()
        self.window.focus_capture()
        self.typed: list[str] = []
        self.drags: list[bool] = []
        self.pump(2.0)
        assert isinstance(self.app, QApplication)

    # time and input

    def pump(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.01)

    def xdotool(self, *args: str, wait: float = 0.5) -> None:
        process = subprocess.Popen(("xdotool", *args), env=self.desktop.env)
        while process.poll() is None:
            self.app.processEvents()
            time.sleep(0.005)
        self.pump(wait)

    def keys(self, *keys: str) -> None:
        self.xdotool("key", "--delay", "80", *keys)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "25", text)

    # what the scene says

    @property
    def scene(self):  # type: ignore[no-untyped-def]
        return self.window.scene

    def on_screen(self, point):  # type: ignore[no-untyped-def]
        """Global X coordinates of a viewport point."""
        global_point = self.window.board.view.viewport().mapToGlobal(point)
        return str(global_point.x()), str(global_point.y())

    def visible_card(self, column_index: int):  # type: ignore[no-untyped-def]
        """A card of the column wholly in sight (after showing the first one if none is)."""
        view = self.window.board.view
        viewport = view.viewport().rect()
        key = self.scene.columns[column_index].key
        items = self.scene.cards_in(key)
        for item in items:
            box = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
            if viewport.contains(box):
                return item, box
        if not items:
            return None, None
        self.scene.show_card_whole(items[0].card.id)
        self.pump(0.3)
        return items[0], view.mapFromScene(items[0].sceneBoundingRect()).boundingRect()

    def column_point(self, column_index: int):  # type: ignore[no-untyped-def]
        view = self.window.board.view
        rect = self.scene.column_rect(self.scene.columns[column_index].key)
        point = view.mapFromScene(rect.center())
        point.setY(view.viewport().height() // 2)
        return point

    # the facilitator's gestures

    def capture(self, text: str) -> None:
        # xdotool types a letter missing from the X keymap (é, «, Œ) by remapping a key for
        # it, and on Xvfb the letter is often dropped: accents are tested offscreen instead
        text = " ".join(normalize("NFKD", text).encode("ascii", "ignore").decode().split())
        self.keys("ctrl+n")
        self.type(text)
        self.keys("Return")
        self.typed.append(text)

    def capture_here(self, text: str) -> None:
        """Typed at once, wherever the keyboard is (after a dialog: it must be the field)."""
        self.type(text)
        self.keys("Return")
        self.typed.append(text)

    def sort_last_capture(self, column_number: int) -> None:
        """Esc to the board (the card just captured is selected), a digit sends it."""
        self.keys("Escape", str(column_number))

    def select_in(self, column_index: int, row: int) -> None:
        """A click on a card of the column (the board takes the keyboard)."""
        item, box = self.visible_card(column_index)
        if item is None:
            return
        x, y = self.on_screen(box.center())
        self.xdotool("mousemove", x, y, "click", "1")

    def drag(self, source: int, target: int) -> None:
        from PySide6.QtCore import QPoint

        item, box = self.visible_card(source)
        if item is None:
            return
        start = box.topLeft() + QPoint(box.width() // 2, min(30, box.height() // 2))
        end = self.column_point(target)
        x, y = self.on_screen(start)
        self.xdotool("mousemove", x, y, "mousedown", "1", wait=0.2)
        for step in range(1, 11):
            point = start + (end - start) * step / 10
            x, y = self.on_screen(point)
            self.xdotool("mousemove", x, y, wait=0.05)
        self.pump(0.3)
        self.xdotool("mouseup", "1")
        moved = self.scene.items_by_id.get(item.card.id)
        self.drags.append(moved is not None and moved.card.column == self.scene.columns[target].key)

    def scroll(self, column_index: int, notches: int) -> None:
        x, y = self.on_screen(self.column_point(column_index))
        button = "5" if notches > 0 else "4"
        self.xdotool("mousemove", x, y, "click", "--repeat", str(abs(notches)), button)

    def dialog(self, key: str, name: str) -> None:
        """A dialog opened and closed with Esc (its own event loop runs meanwhile: the
        screenshot is taken from a timer, the Esc comes from the same xdotool run)."""
        from PySide6.QtCore import QTimer

        QTimer.singleShot(1500, lambda: self.shot(f"dialogue-{name}"))
        self.xdotool("key", key, "sleep", "2.5", "key", "Escape", wait=0.8)

    def shot(self, name: str) -> None:
        """The whole screen as the projector receives it."""
        screen = self.app.primaryScreen()
        screen.grabWindow(0).save(str(self.out / f"{name}.png"))


KEY_STEPS = (  # the overview, the large card, the panels: (step, keys)
    ("Ctrl+8 vue d'ensemble", "ctrl+8"),
    ("Ctrl+8 retour", "ctrl+8"),
    ("Espace grande idée", "space"),
    ("Espace suivante", "Right"),
    ("Échap", "Escape"),
    ("F4 grande idée", "F4"),
    ("F4 retour", "F4"),
    ("Ctrl+Maj+D déroulé", "ctrl+shift+d"),
    ("F12 panneau par-dessus", "F12"),
    ("F12 panneau suivant", "F12"),
    ("F12 replié", "F12"),
    ("Ctrl+Maj+D déroulé fermé", "ctrl+shift+d"),
)


def rounds(session: Session, minutes: float) -> Iterator[Step]:
    keys = session.keys
    yield "F11 plein écran", lambda: keys("F11")
    yield "Ctrl+T minuteur", lambda: keys("ctrl+t")
    yield "F7 minuteur lancé", lambda: keys("F7")
    yield "Ctrl+Maj+V votes", lambda: keys("ctrl+shift+v")
    end = time.monotonic() + minutes * 60
    number = 0
    while time.monotonic() < end:
        number += 1
        n, idea = number, IDEAS[number % len(IDEAS)].split(" >")[0]
        first = 1 + number % 4  # a Vivre column, turn by turn
        yield f"{n} saisie", lambda t=idea, n=n: session.capture(f"{t} {n}")
        yield f"{n} trier au clavier", lambda c=first: session.sort_last_capture(c)
        yield f"{n} saisie 2", lambda t=idea, n=n: session.capture(f"Encore {t[:30]} {n}")
        yield f"{n} flèches", lambda: keys("Escape", "Down", "Down", "Right")
        yield f"{n} glisser", lambda c=first: session.drag(c, 1 + c % 4)
        yield f"{n} choisir", lambda c=first: session.select_in(c, 0)
        yield f"{n} + +", lambda: keys("plus", "plus")
        yield f"{n} −", lambda: keys("minus")
        yield f"{n} * gommettes", lambda n=n: keys("asterisk", "0", str(n % 10))
        for column in range(5):
            yield f"{n} défiler col {column}", lambda c=column: session.scroll(c, 4)
        for column in range(5):
            yield f"{n} remonter col {column}", lambda c=column: session.scroll(c, -2)
        for label, key in KEY_STEPS:
            yield f"{n} {label}", lambda k=key: keys(k)
        key, what = ("F1", "aide") if n % 2 else ("ctrl+o", "ateliers")
        yield f"{n} Ctrl+N vers la saisie", lambda: keys("ctrl+n")
        yield (
            f"{n} {key} {what} puis Échap",
            lambda k=key, shot=f"{n}-{what}": session.dialog(k, shot),
        )
        yield f"{n} saisie après dialogue", lambda n=n: session.capture_here(f"Apres dialogue {n}")
        yield f"{n} F8 une minute", lambda: keys("F8")


SHOT_STEPS = (
    "F11",
    "votes",
    "1 glisser",
    "1 défiler col 2",
    "vue d'ensemble",
    "grande idée",
    "par-dessus",
    "1 saisie 2",
)


def check(session: Session, name: str, number: int) -> dict:  # type: ignore[type-arg]
    from PySide6.QtWidgets import QApplication

    from tests.ui.wall_check import problems, smallest_card_text

    window = session.window
    modal = QApplication.activeModalWidget() or QApplication.activePopupWidget()
    spotlight = getattr(window.board, "spotlight", None)
    covered = modal is not None or (spotlight is not None and spotlight.isVisible())
    slug = f"{number:03d}-{name}".replace(" ", "_").replace("/", "-")
    stale = None if covered else compare(window.board.view, session.out, slug)
    over = session.window.panel_strip.opened is not None
    wrong = [] if modal is not None else problems(window, panel_over=over)
    if any(key in name for key in SHOT_STEPS) or stale or wrong:
        session.shot(slug)
    focus = QApplication.focusWidget()
    return {
        "step": name,
        "stale": stale,
        "problems": wrong,
        "smallest": smallest_card_text(window),
        "focus": focus.objectName() or type(focus).__name__ if focus else None,
        "spotlight_px": spotlight_size(spotlight),
        "overview_px": overview.font.pixelSize() if (overview := window.scene.overview) else None,
    }


def spotlight_size(spotlight) -> int | None:  # type: ignore[no-untyped-def]
    if spotlight is None or not spotlight.isVisible() or spotlight.card_id is None:
        return None
    from PySide6.QtCore import QRectF

    item = spotlight.scene.items_by_id.get(spotlight.card_id)
    if item is None:
        return None
    area = QRectF(spotlight.rect()).adjusted(40, 40, -40, -40)
    return spotlight.text_font(item.card.text, area).pixelSize()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("size")
    parser.add_argument("--wm", action="store_true")
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--out", type=Path, default=Path(tempfile.mkdtemp()))
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    desktop = Desktop(args.wm, (width, height))
    os.environ.update(DISPLAY=desktop.env["DISPLAY"], QT_QPA_PLATFORM="xcb")
    started = time.monotonic()
    try:
        session = Session(desktop, args.out)
        for number, (name, action) in enumerate(rounds(session, args.minutes), 1):
            action()
            session.pump(0.6)
            line = check(session, name, number)
            line["t"] = round(time.monotonic() - started)
            print(json.dumps(line, ensure_ascii=False), flush=True)
        session.shot("999-fin")
        from fabrique_desktop.model import Card

        texts = {c.text for c in session.store.find(Card, session_id=session.atelier.id)}
        summary = {
            "typed": len(session.typed),
            "lost": [t for t in session.typed if t not in texts],
            "drags_landed": f"{sum(session.drags)}/{len(session.drags)}",
            "window": [session.window.width(), session.window.height()],
            "full_screen": session.window.isFullScreen(),
            "timer_running": session.window.animation.timer.overlay.state.running,
        }
        print(json.dumps({"summary": summary}, ensure_ascii=False), flush=True)
        session.window.close()
        session.store.close()
    finally:
        desktop.close()


if __name__ == "__main__":
    main()
