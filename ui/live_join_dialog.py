"""« Rejoindre un atelier en direct »: the ateliers found on the network, or an address; the code.

The list fills itself while the dialog is open (a UDP probe every second, see
``fabrique_desktop.live.discovery``); picking one fills the address. The code is the one
shown large on the facilitator's screen; the name tells the facilitator who this laptop is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop.live.discovery import Finder
from fabrique_desktop.live.server import DEFAULT_PORT
from ui.dialog_buttons import action_buttons

PROBE_MS = 1000
POLL_MS = 150


class LiveJoinDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, finder: Finder | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rejoindre un atelier en direct"))
        self.finder = finder if finder is not None else Finder()
        layout = QVBoxLayout(self)
        found = QLabel(self.tr("Ateliers partagés sur ce réseau :"))
        self.offers = QListWidget()
        self.offers.setObjectName("liveOffers")
        big = QFont(self.offers.font())
        big.setPointSize(14)
        self.offers.setFont(big)
        self.offers.currentItemChanged.connect(self._picked)
        self.empty = QLabel(
            self.tr("Recherche… Si rien n'apparaît, tapez l'adresse affichée par l'animateur.")
        )
        self.empty.setWordWrap(True)
        form = QFormLayout()
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("par exemple 192.168.1.20"))
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("le code affiché au tableau"))
        self.code.setMaxLength(12)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("votre table ou votre prénom"))
        self.name.setMaxLength(60)
        form.addRow(self.tr("&Adresse :"), self.address)
        form.addRow(self.tr("&Code :"), self.code)
        form.addRow(self.tr("&Nom :"), self.name)
        self.error = QLabel()
        self.error.setStyleSheet("color: #B71C1C; font-weight: bold;")
        self.error.setWordWrap(True)
        buttons = action_buttons(self, self.tr("Rejoindre"), self._accept)
        for widget in (found, self.offers, self.empty):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 520)
        self._probe_timer = QTimer(self)
        self._probe_timer.timeout.connect(self.finder.probe)
        self._probe_timer.start(PROBE_MS)
        self._poll_timer = QTimer(self)
        self._poll_timer.timeout.connect(self._poll)
        self._poll_timer.start(POLL_MS)
        QTimer.singleShot(0, self.finder.probe)
        self.code.setFocus()

    def choice(self) -> tuple[str, int, str, str]:
        """(host, port, code, name) as typed; valid once the dialog was accepted."""
        host, port = _split(self.address.text())
        return host, port, self.code.text().strip(), self.name.text().strip()

    # private slots

    def _poll(self) -> None:
        for offer in self.finder.poll():
            item = QListWidgetItem(f"{offer.title} — {offer.host}")
            item.setData(Qt.ItemDataRole.UserRole, f"{offer.host}:{offer.port}")
            self.offers.addItem(item)
            self.empty.setVisible(False)
            if self.offers.count() == 1 and not self.address.text():
                self.offers.setCurrentRow(0)

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.address.setText(item.data(Qt.ItemDataRole.UserRole))

    def _accept(self) -> None:
        from fabrique_desktop.live.peers import is_local

        host, port = _split(self.address.text())
        if not host:
            self._refuse(self.tr("Choisissez un atelier dans la liste ou tapez une adresse."))
        elif not is_local(host) or not 0 < port < 65536:
            self._refuse(
                self.tr("« {} » n'est pas une adresse du réseau local.").format(
                    self.address.text().strip()
                )
            )
        elif len("".join(ch for ch in self.code.text() if ch.isalnum())) != 6:
            self._refuse(self.tr("Le code a six caractères : regardez le tableau."))
        else:
            self.accept()

    def _refuse(self, message: str) -> None:
        self.error.setText(message)

    def done(self, result: int) -> None:
        self._probe_timer.stop()
        self._poll_timer.stop()
        self.finder.close()
        super().done(result)


def _split(text: str) -> tuple[str, int]:
    """``host`` or ``host:port`` (IPv4) → (host, port); port 0 if unreadable."""
    text = text.strip()
    if text.count(":") == 1:
        host, _, port = text.partition(":")
        return host.strip(), int(port) if port.strip().isdigit() else 0
    return text, DEFAULT_PORT
