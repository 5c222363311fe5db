"""The button row of Fabrique's dialogs: an OK button named for what it does, and « Annuler »."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


def action_buttons(
    dialog: QDialog, action: str, accept: Callable[[], None] | None = None
) -> QDialogButtonBox:
    """« ``action`` » (Enter; calls ``accept``, the dialog's ``accept`` by default) and
    « Annuler » (Esc)."""
    buttons = QDialogButtonBox(OK | CANCEL)
    buttons.button(OK).setText(action)
    buttons.button(CANCEL).setText(QCoreApplication.translate("dialogs", "Annuler"))
    buttons.accepted.connect(accept or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
