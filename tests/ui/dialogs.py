"""Dialogs answered as a user would, while a test drives the real window.

``answering_dialogs(folder)`` watches for a modal window (``exec()``'s own loop keeps the timers
turning) and answers it: a file dialog gets a path in ``folder`` (an existing file of the
right kind to open, a new name to save), a question gets its affirmative button, any other
dialog its « OK »/default button (``accept()`` if it has none). Each dialog answered is kept
(its class and title) so that a test can say what it saw; an « Erreur interne » box is kept
too and never answered silently: ``internal_errors`` lists them.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import shiboken6

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QWidget,
)

INTERNAL = "Erreur interne"
POLL_MS = 20
MAX_TRIES = 16
_names = itertools.count(1)


@dataclass
class Answers:
    folder: Path
    seen: list[str] = field(default_factory=list)
    internal_errors: list[str] = field(default_factory=list)
    tweak: Callable[[QDialog], None] | None = None
    """Called on each dialog before it is accepted (tick a box, choose a radio button…)."""
    open_file: Path | None = None
    """The file a file dialog in open mode chooses (else the first file of ``folder``)."""
    refused: list[str] = field(default_factory=list)
    """Dialogs still there after « OK » was pressed a few times: cancelled."""
    _tries: dict[int, int] = field(default_factory=dict)

    def answer(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            widget = next(
                (w for w in QApplication.topLevelWidgets() if _modal_shown(w)),
                None,
            )
        if widget is None:
            return
        title = f"{type(widget).__name__}: {widget.windowTitle()}"
        key = shiboken6.getCppPointer(widget)[0]  # one dialog, whatever its Python wrapper
        tries = self._tries.get(key, 0) + 1
        self._tries[key] = tries
        if tries > MAX_TRIES and isinstance(widget, QDialog):  # it will not take « OK »
            self.refused.append(title)
            later(widget.reject)
            return
        if tries > 1 and tries % 5:  # answered: let it act before asking again
            return
        if os.environ.get("FABRIQUE_DIALOGS_DEBUG"):
            print("answering", title, file=sys.stderr, flush=True)
        if isinstance(widget, QMessageBox) and INTERNAL in widget.text():
            self.internal_errors.append(widget.text() + "\n" + widget.detailedText())
            widget.done(0)
            return
        self.seen.append(title)
        if self.tweak is not None and isinstance(widget, QDialog):
            self.tweak(widget)
        if isinstance(widget, QFileDialog):
            self._choose_file(widget)
        elif isinstance(widget, QMessageBox):
            _press_yes(widget)
        elif isinstance(widget, QDialog):
            _press_ok(widget)
        else:
            widget.close()

    def _choose_file(self, dialog: QFileDialog) -> None:
        if dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave:
            suffix = dialog.defaultSuffix() or _suffix_of(dialog.nameFilters())
            name = f"sortie-{next(_names)}{'.' + suffix if suffix else ''}"
            target = self.folder / name
        elif dialog.fileMode() == QFileDialog.FileMode.Directory:
            target = self.folder
        else:
            target = self.open_file or next(iter(sorted(self.folder.iterdir())), self.folder)
        dialog.selectFile(str(target))
        later(dialog.accept)


def later(answer: Callable[[], object]) -> None:
    """After the polling slot returns: a dialog the answer opens (« Remplacer ? ») runs its
    loop from the dialog's own loop, where the polling timer still turns."""
    owner = getattr(answer, "__self__", None)

    def run() -> None:
        if owner is None or shiboken6.isValid(owner):  # not deleted meanwhile
            answer()

    QTimer.singleShot(0, run)


def _modal_shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isModal() and isinstance(widget, QDialog)


def _suffix_of(filters: list[str]) -> str:
    for text in filters:
        if "*." in text:
            return text.split("*.", 1)[1].split(")")[0].split()[0]
    return ""


def _press_yes(box: QMessageBox) -> None:
    for role in (
        QMessageBox.StandardButton.Yes,
        QMessageBox.StandardButton.Ok,
        QMessageBox.StandardButton.Save,
        QMessageBox.StandardButton.Open,
    ):
        if box.button(role) is not None:
            _click_later(box, lambda r=role: box.button(r))
            return
    for index, button in enumerate(box.buttons()):
        if box.buttonRole(button) in (
            QMessageBox.ButtonRole.AcceptRole,
            QMessageBox.ButtonRole.YesRole,
        ):
            _click_later(box, lambda i=index: box.buttons()[i])
            return
    if box.defaultButton() is not None:
        _click_later(box, box.defaultButton)
    else:
        later(lambda: box.done(0) if shiboken6.isValid(box) else None)


def _press_ok(dialog: QDialog) -> None:
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            role = box.buttonRole(button)
            if (
                role
                in (
                    QDialogButtonBox.ButtonRole.AcceptRole,
                    QDialogButtonBox.ButtonRole.YesRole,
                )
                and button.isEnabled()
            ):
                later(button.click)
                return
    later(dialog.accept)


def _click_later(dialog: QDialog, button: Callable[[], QAbstractButton | None]) -> None:
    """``button()`` of ``dialog`` clicked after the polling slot returns, found again then: a
    button's wrapper taken now dies with the wrapper of a dialog Qt made itself
    (``QMessageBox.question``'s box lives on the C++ stack), and the click never came: the
    room guard's question and « Nouveau code de la salle » were never answered « Oui »."""

    def click() -> None:
        if shiboken6.isValid(dialog) and dialog.isVisible():
            found = button()
            if found is not None:
                found.click()

    later(click)


@contextlib.contextmanager
def answering_dialogs(folder: Path) -> Iterator[Answers]:
    """Answer every modal dialog shown meanwhile (see the module's docstring)."""
    folder.mkdir(parents=True, exist_ok=True)
    answers = Answers(folder)
    timer = QTimer()
    timer.setInterval(POLL_MS)
    timer.timeout.connect(answers.answer)
    timer.start()
    try:
        yield answers
    finally:
        timer.stop()
