"""Every action of the session window, in every state of a workshop (issue 23).

``python -m tests.ui.every_action 1280x720 [DIR] [--states a,b]`` opens the demo series on an
offscreen screen of that size and, for each state below, triggers every action of the window
— each menu item (the menus' own actions, so a new one is walked without listing it here), the
board's actions outside the menus, then every button of every panel — as a user would: in
full screen through its shortcut typed where the keyboard is (the menu bar is hidden there),
windowed through the menu; dialogs answered as a user would (``tests/ui/dialogs.py``: « OK »,
« Oui », a file in a temporary folder). Before each action the state is set again if the
previous one undid it (a second F11, « Fermer aux téléphones », « Révéler »…).

After each action it prints one JSON line: the state, the action, the internal errors it
raised (unhandled exceptions: what the room would see as « Erreur interne »), the dialogs
answered, and in the full-screen states the pixels of the board that differ from a fresh
render of its scene (``tests/ui/fresh_render.py``: stale paint), widgets over the board left
out.

States: ``atelier vide`` (atelier 1, windowed), ``atelier 3`` (the seed's ideas, windowed),
then full screen with the columns scrolled, the timer running and the Votes panel folded:
``plein écran``, ``téléphones`` (the phones' room open), ``vote secret`` (a secret vote open
to the phones and the room), ``idée en modification`` (a card's in-place editor open);
``partage en direct``: atelier 3 windowed, shared live (on the loopback); ``convergence``:
atelier 5 windowed; ``vote clos``: atelier 3 windowed, the phones' room open and its vote closed;
``vote ouvert``: atelier 3 windowed, a phone's three ideas on the board, a dot vote (not secret)
open on them to the phones, one dot given by a phone; ``après annulation``: atelier 3
windowed, three ideas typed and two undone (redo waiting).

An error logged (level ERROR: what the app's hook logs before « Erreur interne », or a
problem caught and logged where it happened) counts as an internal error of the action.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.ui.dialogs import Answers, answering_dialogs
from tests.ui.fresh_render import differing_pixels, fresh_render, offscreen_screen, on_screen

WINDOWED = ("atelier vide", "atelier 3")
FULL = ("plein écran", "téléphones", "vote secret", "idée en modification")
LIVE = "partage en direct"  # atelier 3, windowed, shared live on the loopback
CONVERGENCE = "convergence"  # atelier 5, windowed: the earlier pistes and objectives, read-only
CLOSED_VOTE = "vote clos"  # atelier 3, windowed, the phones' room open, its dot vote closed
OPEN_VOTE = "vote ouvert"  # atelier 3, windowed: phones sent ideas, an open (not secret) vote
UNDONE = "après annulation"  # atelier 3, windowed: three ideas typed, two undone (redo waits)
STATES = WINDOWED + FULL + (LIVE, CONVERGENCE, CLOSED_VOTE, OPEN_VOTE, UNDONE)
LEAVING = ("Ateliers et séries…", "English", "Français", "Quitter")
"""Actions that leave the window (another one replaces it, or it closes): walked last."""
SETTLE_ROUNDS = 12


@dataclass
class Outcome:
    state: str
    action: str
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    stale: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False)


def settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(SETTLE_ROUNDS):
        QApplication.processEvents()


def menu_actions(window) -> list[tuple[str, object]]:  # type: ignore[no-untyped-def]
    """Every action of the window's menus (path › text), then the board's outside the menus."""
    found: dict[int, tuple[str, object]] = {}

    def walk(menu, path: list[str]) -> None:  # type: ignore[no-untyped-def]
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                walk(action.menu(), [*path, action.text().replace("&", "")])
            else:
                name = " › ".join([*path, action.text().replace("&", "")])
                found.setdefault(id(action), (name, action))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), [top.text().replace("&", "")])
    outside = [*window.actions(), *window.board.view.actions(), *window.board_actions.actions]
    for action in outside:
        found.setdefault(id(action), (f"(tableau) {action.text()}", action))
    return list(found.values())


def leaves(name: str) -> bool:
    return name.rsplit(" › ", 1)[-1] in LEAVING


def masks(view):  # type: ignore[no-untyped-def]
    """Widgets laid over the board's viewport (the timer, a panel opened over, the in-place
    editor, the count entry…): their pixels are not the scene's."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QWidget

    viewport = view.viewport()
    area = QRect(viewport.mapToGlobal(QPoint(0, 0)), viewport.size())
    ancestors = set()
    parent = viewport
    while parent is not None:
        ancestors.add(id(parent))
        parent = parent.parentWidget()
    covered = []
    for child in view.window().findChildren(QWidget):
        if id(child) in ancestors or not child.isVisible() or child.isWindow():
            continue
        rect = QRect(child.mapToGlobal(QPoint(0, 0)), child.size())
        if rect.intersects(area):
            covered.append(QRect(viewport.mapFromGlobal(rect.topLeft()), rect.size()))
    return covered


def stale_pixels(shown, fresh, covered) -> int:  # type: ignore[no-untyped-def]
    """``differing_pixels`` outside the parts of the board covered by widgets."""
    return differing_pixels(shown, fresh, covered)


class Walk:
    """One process: the app, its window, the errors caught, the dialogs answered."""

    def __init__(self, folder: Path) -> None:
        from fabrique_desktop.errors import FabriqueError
        from fabrique_desktop.workspace import list_sessions
        from tests.ui.fresh_render import open_atelier_3

        self.folder = folder
        self.app, self.fabrique, self.store, self.atelier, window = open_atelier_3()
        window.close()
        self.errors: list[str] = []
        real_hook = sys.excepthook

        def hook(kind, error, tb) -> None:  # type: ignore[no-untyped-def]
            if not isinstance(error, FabriqueError):  # a calm French message, not a bug
                self.errors.append("".join(traceback.format_exception(kind, error, tb))[-1500:])
            real_hook(kind, error, tb)

        sys.excepthook = hook
        walk = self

        class Logged(logging.Handler):  # an error logged is one too, even if caught
            def emit(self, record: logging.LogRecord) -> None:
                if record.levelno >= logging.ERROR:
                    walk.errors.append(f"journal : {record.getMessage()}"[-1500:])

        logging.getLogger().addHandler(Logged())
        series = self.atelier.series_id
        self.empty = next(s for s in list_sessions(self.store, series) if s.number == 2)
        self.fifth = next(s for s in list_sessions(self.store, series) if s.number == 5)
        self.state = ""
        self._walked = None  # the window the walk set its state in
        self.undelivered = 0  # shortcuts typed that reached no action

    @property
    def window(self):  # type: ignore[no-untyped-def]
        return self.fabrique.window

    # states

    def open_state(self, state: str) -> None:
        from ui.app import show_whole

        self.state = state
        self._walked = None
        self.fabrique.set_language("fr")  # « English », walked before, is undone by « Français »
        atelier = self.empty if state == "atelier vide" else self.atelier
        if state == CONVERGENCE:
            atelier = self.fifth
        previous = self.window
        window = self.fabrique.open_session(atelier.id)
        if previous is not None and previous is not window:
            previous.close()
        window.build_feature_menus()
        if not window.isVisible():
            show_whole(window)
        settle()
        self.establish(first=True)
        self._walked = self.window

    def establish(self, first: bool = False) -> None:
        """The state's defining traits, set again where an action undid them."""
        from fabrique_desktop import votes
        from fabrique_desktop.phones import room as phone_room

        window = self.window
        if window is None:
            return
        state = self.state
        full = state in FULL
        changed = first
        if not window.isVisible():
            window.show()
            changed = True
        if full != window.fullscreen_action.isChecked():
            window.set_projector_mode(full)
            settle()
        if first and full:
            animation = window.animation
            animation.votes.show_panel()
            overlay = animation.timer.overlay
            if overlay is None or not overlay.isVisible():
                animation.timer.show_or_hide()
            overlay = animation.timer.overlay
            if overlay is not None and not overlay.state.running:
                animation.timer.toggle()
            settle()
            self.scroll_columns()
        if state in FULL[1:]:
            room = window.phone_menu.ensure()
            if not room.active:
                room.open("127.0.0.1", 0)
                if room.wall is not None:
                    room.wall.close()
                changed = True
        if state in FULL[2:]:
            room = window.phone_menu.ensure()
            poll = phone_room.current_poll(window.store, window.session.id)
            if poll is None or not poll.open or not poll.secret:
                room.open_poll([], 3, True)
                changed = True
            hidden = votes.counts_hidden(votes.settings(window.store, window.session.id))
            if not hidden:
                window.bus.push(votes.set_secret(window.store, window.session.id, True))
                changed = True
        if state == CLOSED_VOTE:
            room = window.phone_menu.ensure()
            if not room.active:
                room.open("127.0.0.1", 0)
                if room.wall is not None:
                    room.wall.close()
                changed = True
            poll = phone_room.current_poll(window.store, window.session.id)
            if poll is None:
                room.open_poll([], 3, False)
            if poll is None or poll.open:
                room.close_poll()
                changed = True
        if state == OPEN_VOTE:
            changed = self.open_vote(window) or changed
        if state == UNDONE and not window.redo_action.isEnabled():
            from fabrique_desktop import board

            for text in ("Une idée tapée", "Une autre idée", "Une troisième idée"):
                window.bus.push(board.capture(window.store, window.session.id, text))
            window.bus.undo()
            window.bus.undo()
            changed = True
        if state == LIVE:
            from ui.live_share import share_window

            live = getattr(window, "live_menu", None)
            if live is None or live.live is None or not live.live.active:
                share_window(window, host="127.0.0.1", port=0, discovery_port=None)
                changed = True
        if state == "idée en modification" and not window.board_actions.editor.isVisible():
            if not window.scene.selected_card_ids():
                first_card = next(iter(window.scene.items_by_id), None)
                if first_card is not None:
                    window.scene.select_cards([first_card])
            window.board.view.setFocus()
            window.board_actions.edit_selected()
            changed = True
        if changed:
            settle()

    def open_vote(self, window) -> bool:  # type: ignore[no-untyped-def]
        """The phones' room open, a phone's three ideas on the board, a dot vote (not secret)
        open on them with a phone's dot: True when something had to be set again."""
        from fabrique_desktop.phones import room as phone_room
        from fabrique_desktop.phones.model import PhoneIdea
        from tests.phones.conftest import Phone

        room = window.phone_menu.ensure()
        poll = phone_room.current_poll(window.store, window.session.id)
        if room.active and poll is not None and poll.open and not poll.secret:
            return False
        if not room.active:
            room.open("127.0.0.1", 0)
            if room.wall is not None:
                room.wall.close()
        address = room.service.address
        sent: list[str] = []

        def phone() -> None:  # off the GUI thread: the room answers from it
            try:
                author = Phone(address).join()
            except AssertionError:  # the room full of the walk's phones: no new ideas
                return
            for text in ("Des bancs à l'ombre", "Un marché le soir", "Des vélos partagés"):
                status, body = author.call("idea", {"text": text})
                if status == 200:
                    sent.append(body["idea"]["id"])

        self.off_thread(phone)
        cards = [window.store.get(PhoneIdea, i).card_id for i in sent]
        room.open_poll([c for c in cards if c], 3, False)
        poll = phone_room.current_poll(window.store, window.session.id)

        def dot() -> None:
            with contextlib.suppress(AssertionError):
                Phone(address).join().call("dot", {"poll": poll.id, "card": cards[0], "delta": 1})

        if poll is not None and cards:
            self.off_thread(dot)
        return True

    def off_thread(self, work: Callable[[], None]) -> None:
        """A phone's requests in a thread while the app answers them here."""
        from PySide6.QtWidgets import QApplication

        thread = threading.Thread(target=work, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while thread.is_alive() and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)

    def scroll_columns(self) -> None:
        """Each column scrolled a few notches (the wheel over it), as after a while of work."""
        from PySide6.QtCore import QPoint, QPointF, Qt
        from PySide6.QtGui import QWheelEvent

        window = self.window
        view, scene = window.board.view, window.scene
        viewport = view.viewport()
        for index, column in enumerate(scene.columns):
            rect = scene.column_rect(column.key)
            point = QPointF(view.mapFromScene(rect.center()).x(), viewport.height() / 2)
            event = QWheelEvent(
                point,
                QPointF(viewport.mapToGlobal(point.toPoint())),
                QPoint(),
                QPoint(0, -120 * (1 + index % 3)),
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
                Qt.ScrollPhase.NoScrollPhase,
                False,
            )
            self.app.sendEvent(viewport, event)
        settle()

    # actions

    def trigger(self, action) -> None:  # type: ignore[no-untyped-def]
        """In full screen, the shortcut typed where the keyboard is; else the menu item. A
        shortcut that reached no action (the window not active: no window manager gives it
        back) is counted in ``undelivered`` and the action triggered as from its menu."""
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        keys = action.shortcuts()
        target = QApplication.focusWidget()
        if self.state in FULL and keys and target is not None and target.window() is self.window:
            fired: list[bool] = []

            def heard(*_args: object) -> None:
                fired.append(True)

            action.triggered.connect(heard)
            key = keys[0][0]
            QTest.keyClick(target, key.key(), key.keyboardModifiers())
            with contextlib.suppress(RuntimeError):  # the action went with its window
                action.triggered.disconnect(heard)
            if fired or not action.isEnabled():
                return
            self.undelivered += 1
        with contextlib.suppress(RuntimeError):
            if action.isEnabled():
                action.trigger()

    def tidy(self, before: set[int]) -> None:
        """Windows the action opened (slides, presenter, the QR wall…) closed, as with Échap;
        a menu left open closed."""
        from PySide6.QtWidgets import QApplication

        closed = False
        popup = QApplication.activePopupWidget()
        while popup is not None:
            popup.close()
            closed = True
            QApplication.processEvents()
            popup = QApplication.activePopupWidget()
        for widget in QApplication.topLevelWidgets():
            if id(widget) not in before and widget.isVisible() and widget is not self.window:
                widget.close()
                closed = True
        if closed:
            settle()

    def run(self, name: str, act: Callable[[], None], compare: bool) -> Outcome:
        from PySide6.QtWidgets import QApplication

        outcome = Outcome(self.state, name)
        start = time.perf_counter()
        try:
            replaced = self.window is not self._walked
            if replaced and self.window is not None:
                self.window.build_feature_menus()
            self._walked = self.window
            self.establish(first=replaced)
        except Exception:  # the state could not be set: said, the walk goes on
            outcome.errors.append("état : " + traceback.format_exc()[-1500:])
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        self.errors.clear()
        with answering_dialogs(self.folder) as answers:
            self.prepare(answers)
            try:
                act()
            except Exception:  # a slot called directly: as the hook would have
                self.errors.append(traceback.format_exc()[-1500:])
            settle()
            for _ in range(3):  # a dialog opened without blocking (``open()``) is answered
                answers.answer()  # here, not only if the poll happens to come round in time
                settle()
            if compare and self.window is not None and self.window.isVisible():
                view = self.window.board.view
                shown, fresh = on_screen(view), fresh_render(view)
                outcome.stale = stale_pixels(shown, fresh, masks(view))
                if outcome.stale:
                    slug = f"{self.state}-{name}".replace(" ", "_").replace("/", "_")[:80]
                    shown.save(str(self.folder.parent / f"{slug}-shown.png"))
                    fresh.save(str(self.folder.parent / f"{slug}-fresh.png"))
            self.tidy(before)
        outcome.errors += self.errors + answers.internal_errors
        outcome.dialogs = answers.seen
        outcome.seconds = round(time.perf_counter() - start, 3)
        return outcome

    def prepare(self, answers: Answers) -> None:
        """What a user types in the dialogs that want it before « OK »."""
        answers.tweak = fill_in
        csv = self.folder / "idees.csv"
        if not csv.exists():
            csv.write_text("texte\nUne idée venue d'un tableur\n", encoding="utf-8")
        answers.open_file = csv

    def steps(self) -> Iterator[tuple[str, Callable[[], None]]]:
        """Each step by name, found again in the window of the moment (an action may replace
        the window: a backup put back, a template edited, the language changed)."""
        names = [name for name, _action in menu_actions(self.window)]
        for name in names:
            if not leaves(name):
                yield name, lambda n=name: self.trigger_named(n)
        for title, label in self.panel_buttons():
            yield f"[{title}] {label}", lambda t=title, b=label: self.press_named(t, b)
        for name in sorted(
            (n for n in names if leaves(n)), key=lambda n: LEAVING.index(n.rsplit(" › ", 1)[-1])
        ):
            yield name, lambda n=name: self.trigger_named(n)

    def trigger_named(self, name: str) -> None:
        actions = dict(menu_actions(self.window))
        action = actions.get(name)
        if action is None and leaves(name):  # « English » renamed the menus: the same item
            last = name.rsplit(" › ", 1)[-1]
            action = next((a for n, a in actions.items() if n.rsplit(" › ", 1)[-1] == last), None)
        if action is not None:
            self.trigger(action)

    def panel_buttons(self) -> list[tuple[str, str]]:
        """Every button of every panel the walk opened (dock title, button text)."""
        from PySide6.QtWidgets import QAbstractButton

        found = []
        for dock in self.window.panel_strip.docks():
            body = dock.widget()
            if body is None:
                continue
            for button in body.findChildren(QAbstractButton):
                label = button.text() or button.toolTip() or button.objectName()
                found.append((dock.windowTitle(), label))
        return found

    def press_named(self, title: str, label: str) -> None:
        """The panel opened first (over the board when it is folded), then its button."""
        from PySide6.QtWidgets import QAbstractButton

        for dock in self.window.panel_strip.docks():
            body = dock.widget()
            if dock.windowTitle() != title or body is None:
                continue
            for button in body.findChildren(QAbstractButton):
                if label in (button.text(), button.toolTip(), button.objectName()):
                    self.press(dock, button)
                    return

    def press(self, dock, button) -> None:  # type: ignore[no-untyped-def]
        window = self.window
        strip = window.panel_strip
        if not strip.is_open(dock):
            strip.show_panel(dock, max(dock.minimumWidth(), 300))
        if dock in strip.folded and strip.opened is not dock:
            strip.open_over(dock)
        settle()
        if button.isVisible() and button.isEnabled():
            button.click()


def fill_in(dialog) -> None:  # type: ignore[no-untyped-def]
    """The fields a user fills before « OK » (else the button stays grey)."""
    from PySide6.QtWidgets import QInputDialog

    kind = type(dialog).__name__
    if kind == "LiveJoinDialog":  # nobody listens there: refused at once, said in French
        dialog.address.setText("127.0.0.1:9")
        dialog.code.setText("ABC-DEF")
        dialog.name.setText("Table 9")
    elif kind == "ActivityDialog" and not dialog.title.text():  # « OK » wants a title
        dialog.title.setText("Activité tapée")
    elif isinstance(dialog, QInputDialog) and not dialog.textValue():
        dialog.setTextValue("Nom tapé")


def main(argv: list[str]) -> None:
    size = argv[0]
    out = Path(argv[1]) if len(argv) > 1 and not argv[1].startswith("--") else None
    states = list(STATES)
    if "--states" in argv:
        states = argv[argv.index("--states") + 1].split(",")
    offscreen_screen(size)
    folder = (out or Path(tempfile.mkdtemp())) / "fichiers"
    folder.mkdir(parents=True, exist_ok=True)
    walk = Walk(folder)
    for state in states:
        walk.open_state(state)
        walk.undelivered = 0
        for name, act in walk.steps():
            if walk.window is None or not walk.window.isVisible():
                print(json.dumps({"state": state, "ended": name}, ensure_ascii=False), flush=True)
                break  # « Quitter » (last): the state is over
            outcome = walk.run(name, act, compare=state in FULL)
            print(outcome.line(), flush=True)
        print(json.dumps({"state": state, "undelivered": walk.undelivered}), flush=True)
    if walk.window is not None:
        walk.window.close()
    settle()
    walk.store.close()


if __name__ == "__main__":
    main(sys.argv[1:])
