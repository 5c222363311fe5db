"""The room's full-screen surfaces on a real X screen, with or without a window manager (issue
23): a projector laptop's kiosk session has none, and nobody acts on a request to go full
screen or to give the keyboard back.

``python -m tests.ui.kiosk_surfaces 1920x1080 [--wm] [--out DIR]`` opens atelier 3 on Xvfb
(openbox with ``--wm``) and, with real keys (xdotool), opens and closes each surface: the
method's slides (F6), the persona presenter (F9), the phones' QR wall (Ctrl+Shift+W), the
large card (F4), the export dialog and its save dialog (Ctrl+P), the room's window (Ctrl+F5)
on this single screen. It prints one JSON line per step: the X server's geometry of the
surface, which window X gives the keys to, and whether the words typed next reached the
capture field. Screenshots of the whole screen go to DIR.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from tests.ui.real_wall import Session
from tests.ui.test_wall_real_window import Desktop


def x_geometry(desktop: Desktop, window_id: int) -> list[int]:
    """Where the X server has the window: [x, y, width, height] (xwininfo, absolute)."""
    out = desktop.run("xwininfo", "-id", str(window_id)).stdout
    values = {}
    for line in out.splitlines():
        key, _, value = line.strip().partition(":")
        values[key] = value.strip()
    return [
        int(values["Absolute upper-left X"]),
        int(values["Absolute upper-left Y"]),
        int(values["Width"]),
        int(values["Height"]),
    ]


def x_focus(desktop: Desktop) -> int:
    """The window X sends the keys to (0: none, or the root window)."""
    out = desktop.run("xdotool", "getwindowfocus", "-f").stdout.strip()
    return int(out) if out.isdigit() else 0


class Kiosk:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.desktop = session.desktop
        self.window = session.window
        self.count = 0

    def typed_reaches_capture(self) -> bool:
        """Words typed now (no click) land in the capture field."""
        field = self.window.capture.field
        self.count += 1
        word = f"kiosque{self.count}"
        before = field.text()
        self.session.type(word)
        landed = word in field.text()
        field.setText(before)
        return landed

    def surface(self, name: str, keys: tuple[str, ...], find) -> dict:  # type: ignore[no-untyped-def]
        from PySide6.QtWidgets import QApplication

        self.session.keys(*keys)
        end = time.monotonic() + 8
        while time.monotonic() < end and not ((widget := find()) and widget.isVisible()):
            self.session.pump(0.2)
        self.session.pump(0.8)
        line: dict = {"step": name}  # type: ignore[type-arg]
        if widget is None or not widget.isVisible():
            line["shown"] = False
            line["focus"] = repr(QApplication.focusWidget())
            self.session.shot(name)
            return line
        line["shown"] = True
        line["x_geometry"] = x_geometry(self.desktop, int(widget.window().winId()))
        line["x_has_keys"] = x_focus(self.desktop) == int(widget.window().winId())
        self.session.shot(name)
        return line

    def closed_with_escape(self, line: dict) -> dict:  # type: ignore[type-arg]
        self.session.keys("Escape")
        self.session.pump(0.8)
        line["keys_back_to_window"] = x_focus(self.desktop) == int(self.window.winId())
        line["typed_reaches_capture"] = self.typed_reaches_capture()
        return line


def steps(kiosk: Kiosk):  # type: ignore[no-untyped-def]
    window = kiosk.window
    method = window.method_menu
    yield kiosk.closed_with_escape(kiosk.surface("F6 diaporama", ("F6",), lambda: method.dialog))
    yield kiosk.closed_with_escape(kiosk.surface("F9 personas", ("F9",), lambda: method.dialog))
    yield kiosk.closed_with_escape(
        kiosk.surface("Ctrl+Maj+W QR des téléphones", ("ctrl+shift+w",), lambda: _wall(window))
    )
    yield export(kiosk)
    yield audience(kiosk)


def _wall(window):  # type: ignore[no-untyped-def]
    room = window.phone_menu.room
    return room.wall if room is not None else None


def export(kiosk: Kiosk) -> dict:  # type: ignore[type-arg]
    """Ctrl+P, Entrée (the save dialog), a file name, Entrée: the export dialog has the keys;
    Échap: the window has them."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    session, desktop, window = kiosk.session, kiosk.desktop, kiosk.window
    target = Path.home() / "export.pdf"  # the suggested folder: HOME is the output folder
    line: dict = {"step": "Ctrl+P export, Enregistrer sous"}  # type: ignore[type-arg]
    session.keys("ctrl+p")
    session.pump(1.0)
    dialog = window.exchange_menu.dialog
    line["export_dialog_has_keys"] = x_focus(desktop) == int(dialog.winId())

    def in_save_dialog() -> None:
        focused = QGuiApplication.focusWindow()
        line["save_dialog_has_keys"] = focused is not None and x_focus(desktop) == int(
            focused.winId()
        )
        session.shot("enregistrer-sous")

    QTimer.singleShot(1500, in_save_dialog)
    # one xdotool run: the save dialog's own loop runs meanwhile
    name = ("e", "x", "p", "o", "r", "t")
    session.xdotool("key", "Return", "sleep", "2", "key", "ctrl+a", *name, "Return", wait=2.0)
    session.pump(3.0)
    line["exported"] = target.exists()
    line["export_dialog_has_keys_after_save"] = x_focus(desktop) == int(dialog.winId())
    session.shot("apres-enregistrer")
    return kiosk.closed_with_escape(line)


def audience(kiosk: Kiosk) -> dict:  # type: ignore[type-arg]
    """Ctrl+F5 with one screen: what happened is told, nothing opens hidden behind."""
    session, window = kiosk.session, kiosk.window
    session.keys("ctrl+F5")
    session.pump(1.0)
    room = window.projector_window
    line: dict = {"step": "Ctrl+F5 un seul écran"}  # type: ignore[type-arg]
    line["room_window"] = room is not None and room.isVisible()
    line["status"] = window.statusBar().currentMessage()
    line["full_screen"] = window.isFullScreen()
    line["window_x_geometry"] = x_geometry(kiosk.desktop, int(window.winId()))
    session.shot("ctrl-f5")
    line["typed_reaches_capture"] = kiosk.typed_reaches_capture()
    return line


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("size")
    parser.add_argument("--wm", action="store_true")
    parser.add_argument("--out", type=Path, default=Path(tempfile.mkdtemp()))
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    desktop = Desktop(args.wm, (width, height))
    os.environ.update(DISPLAY=desktop.env["DISPLAY"], QT_QPA_PLATFORM="xcb", HOME=str(args.out))
    try:
        session = Session(desktop, args.out)
        kiosk = Kiosk(session)
        print(json.dumps({"step": "début", "screen": [width, height]}), flush=True)
        for line in steps(kiosk):
            print(json.dumps(line, ensure_ascii=False), flush=True)
        session.window.close()
        session.store.close()
    finally:
        desktop.close()
        time.sleep(0.2)


if __name__ == "__main__":
    main()
