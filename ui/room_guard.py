"""Before a window that serves the room goes (another atelier opened in its place, the language
changed, Fabrique quit): its phones' room and its live sharing end with it, so it asks first.

What the phones and the other laptops already sent is on disk: only what they would still send
is at stake. One question names what ends; « Non » leaves everything as it was.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from ui.count_words import counted

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


class RoomGuard(QObject):
    """Asks before ``window`` goes while the phones' room is open or it shares live."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def what_ends(self) -> list[str]:
        """One French sentence per thing that ends with the window (none: nothing to ask)."""
        window = self.window
        if not window.feature_menus_built:
            return []
        ends = []
        room = window.phone_menu.room  # made when the room first opens
        if room is not None and room.active:
            ends.append(
                self.tr(
                    "La salle est ouverte aux téléphones ({}) : elle sera fermée, "
                    "les téléphones ne pourront plus envoyer d'idées ni voter."
                ).format(self.phones(room.figures().phones))
            )
        live = window.live_menu.live
        if live is not None and live.active and live.role == "host":
            ends.append(
                self.tr(
                    "L'atelier est partagé en direct ({}) : le partage "
                    "sera arrêté, les autres ordinateurs ne recevront plus rien."
                ).format(self.computers(len(live.peers())))
            )
        elif live is not None and live.active:
            ends.append(
                self.tr(
                    "Cet ordinateur suit en direct l'atelier de l'animateur : il cessera de le "
                    "suivre."
                )
            )
        return ends

    def phones(self, n: int) -> str:
        """« aucun téléphone », « 1 téléphone », « 3 téléphones » (and in English)."""
        return counted(
            n, self.tr("1 téléphone"), self.tr("{} téléphones"), none=self.tr("aucun téléphone")
        )

    def computers(self, n: int) -> str:
        """« aucun ordinateur connecté », « 1 ordinateur connecté », « 2 ordinateurs connectés »."""
        return counted(
            n,
            self.tr("1 ordinateur connecté"),
            self.tr("{} ordinateurs connectés"),
            none=self.tr("aucun ordinateur connecté"),
        )

    def may_go(self, title: str, doing: str) -> bool:
        """True when nothing ends, or the user agrees: « {doing} quand même ? »."""
        ends = self.what_ends()
        if not ends:
            return True
        text = "\n\n".join(
            [
                *ends,
                self.tr("Ce qui est déjà arrivé est gardé. {} quand même ?").format(doing),
            ]
        )
        answer = QMessageBox.question(
            self.window,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        agreed = answer == QMessageBox.StandardButton.Yes
        log.info("asked before %s (%s): %s", doing, "; ".join(ends), "yes" if agreed else "no")
        return agreed
