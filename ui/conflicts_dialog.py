"""Conflicts to settle: a field of an idea edited on two laptops since the copy was handed out.

Every laptop already shows the same version (the merge engine's deterministic choice); this
dialog shows all versions side by side and lets the facilitator keep another one with one key
(1, 2, 3…) or one click. The choice is written to the session's document, so it wins on every
laptop the session goes to next. Keyboard: ↑/↓ choose a conflict, 1–9 keep a version, Échap.
"""

from __future__ import annotations

import logging
import textwrap
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop import sync
from fabrique_desktop.changes import Origin
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import ENTITY_TYPES, Session
from ui.count_words import counted

if TYPE_CHECKING:
    from ui.change_bus import ChangeBus

log = logging.getLogger(__name__)

MAX_VERSIONS = 9
EXCERPT = 70
WRAP = 64


class ConflictsDialog(QDialog):
    """Signals:
    resolved(str, str): a conflict was settled: the entity's kind and id (refresh it).
    """

    resolved = Signal(str, str)

    def __init__(
        self,
        journal: sync.SyncJournal,
        session: Session,
        parent: QWidget | None,
        bus: ChangeBus,
    ) -> None:
        super().__init__(parent)
        self.store = bus.store
        self.journal = journal
        self.session = session
        self.bus = bus  # the window's change bus: each choice is an undo step, announced
        self.conflicts: list[sync.Conflict] = []
        self.setWindowTitle(self.tr("Conflits à trancher — {}").format(session.title))
        self.resize(1180, 680)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.list = QListWidget()
        self.list.setStyleSheet("font-size: 14pt;")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumWidth(420)
        self.list.currentRowChanged.connect(self._show_current)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("font-size: 14pt;")
        self.buttons_box = QVBoxLayout()
        right = QVBoxLayout()
        right.addWidget(self.detail)
        right.addLayout(self.buttons_box)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addLayout(right, 3)
        hint = QLabel(
            self.tr(
                "↑ ↓ : choisir un conflit · 1, 2, 3… : garder cette version · "
                "Ctrl+Z : annuler le dernier choix · Échap : fermer"
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        close = QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)
        self.version_buttons: list[QPushButton] = []
        for n in range(1, MAX_VERSIONS + 1):
            shortcut = QShortcut(QKeySequence(str(n)), self)
            shortcut.activated.connect(lambda n=n: self.keep(n - 1))
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_choice)
        for keys in ("Ctrl+Shift+Z", "Ctrl+Y"):
            QShortcut(QKeySequence(keys), self, self.redo_choice)
        self.reload()

    def reload(self) -> None:
        self.conflicts = sync.group_conflicts(self.journal.conflicts(self.session.id))
        row = max(self.list.currentRow(), 0)
        self.list.blockSignals(True)
        self.list.clear()
        for conflict in self.conflicts:
            field = self._field(conflict.field)
            item = QListWidgetItem(f"{field[:1].upper()}{field[1:]} : {self._label(conflict)}")
            item.setToolTip(self._label(conflict, full=True))
            self.list.addItem(item)
        self.list.blockSignals(False)
        count = len(self.conflicts)
        said = counted(count, self.tr("1 conflit"), self.tr("{} conflits"))  # was « conflit(s) »
        self.heading.setText(
            self.tr("Aucun conflit : toutes les versions concordent.")
            if not count
            else self.tr(
                "{} : la même idée a été modifiée sur deux ordinateurs. "
                "Tous affichent déjà la même version ; gardez-en une autre si besoin."
            ).format(said)
        )
        if count:
            self.list.blockSignals(True)
            self.list.setCurrentRow(min(row, count - 1))
            self.list.blockSignals(False)
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_current(self.list.currentRow())

    def keep(self, index: int) -> None:
        """Keep version ``index`` (0-based) of the selected conflict."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.conflicts):
            return
        conflict = self.conflicts[row]
        if not 0 <= index < len(conflict.versions):
            return
        value = conflict.versions[index]
        try:
            self._resolve_undoably(conflict, value)
        except FabriqueError as error:
            log.warning("conflict not resolved: %s", error)
            self.detail.setText(str(error))
            return
        self.resolved.emit(conflict.kind, conflict.entity_id)
        self.reload()

    def undo_choice(self) -> None:
        """Ctrl+Z here: undo the last choice made (only a choice: board steps wait for the
        board's own Ctrl+Z)."""
        stack = self.bus.history
        from ui.sync_commands import ResolveCommand

        if not isinstance(stack.command(stack.index() - 1), ResolveCommand):
            self.detail.setText(self.tr("Aucun choix à annuler."))
            return
        self.bus.undo()
        self.reload()

    def redo_choice(self) -> None:
        stack = self.bus.history
        from ui.sync_commands import ResolveCommand

        if not isinstance(stack.command(stack.index()), ResolveCommand):
            return
        self.bus.redo()
        self.reload()

    def _resolve_undoably(self, conflict: sync.Conflict, value: object) -> None:
        from fabrique_desktop import sync_undo
        from ui.sync_commands import ResolveCommand

        # a fresh document each time: an undo or redo may have written to it since
        write = self.bus.writer(Origin.LOCAL, self.session.id)  # written and announced there
        engine = sync.SessionSync(self.store, self.journal, self.session.id, write)
        change = sync_undo.resolve(engine, conflict, value)
        command = ResolveCommand(
            self.bus, self.journal, self.session.id, conflict, value, change, self._tell
        )
        self.bus.remember(command)  # already done: its first redo does nothing

    def _tell(self, text: str) -> None:
        self.detail.setText(text)
        window = self.parent()
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 15000)

    # private slots

    def _show_current(self, row: int) -> None:
        for button in self.version_buttons:
            self.buttons_box.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.version_buttons = []
        if not 0 <= row < len(self.conflicts):
            self.detail.setText("")
            return
        conflict = self.conflicts[row]
        self.detail.setText(
            self.tr("{} — champ « {} » : {} versions.").format(
                self._label(conflict, full=True),
                self._field(conflict.field),
                len(conflict.versions),
            )
        )
        for n, value in enumerate(conflict.versions[:MAX_VERSIONS], start=1):
            text = self.tr("{} · Garder : {}").format(n, _show(value))
            if value == conflict.kept:
                text += " " + self.tr("(affichée partout)")
            text = "\n".join(textwrap.wrap(text, WRAP)) or text
            button = QPushButton(text)
            button.setStyleSheet("font-size: 14pt; text-align: left; padding: 12px;")
            button.clicked.connect(lambda _checked=False, i=n - 1: self.keep(i))
            self.buttons_box.addWidget(button)
            self.version_buttons.append(button)

    def _label(self, conflict: sync.Conflict, full: bool = False) -> str:
        cls = ENTITY_TYPES.get(conflict.kind)
        entity = self.store.get(cls, conflict.entity_id) if cls else None
        text = getattr(entity, "text", "") or getattr(entity, "title", "") or conflict.entity_id
        if not full and len(text) > EXCERPT:
            text = text[: EXCERPT - 1] + "…"
        return f"« {text} »"

    def _field(self, name: str) -> str:
        labels = {
            "text": self.tr("texte"),
            "column": self.tr("colonne"),
            "horizon": self.tr("horizon"),
            "tags": self.tr("thèmes"),
            "persona_id": self.tr("persona"),
            "table_id": self.tr("table"),
            "deleted_at": self.tr("suppression"),
            "title": self.tr("titre"),
        }
        return labels.get(name, name)


def _show(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "—"
    return f"« {value} »"
