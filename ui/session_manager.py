"""The session manager: series and their ateliers; open, create, rename, duplicate, delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop import workspace
from fabrique_desktop.board import session_cards
from fabrique_desktop.model import PHASES, Series, Session
from fabrique_desktop.template import builtin_template
from ui.change_bus import ChangeBus
from ui.icons import icon
from ui.new_session_dialog import NewSessionDialog, shown_date

ROLE_ID = Qt.ItemDataRole.UserRole
ROLE_KIND = Qt.ItemDataRole.UserRole + 1


class SessionManager(QDialog):
    """Signals:
    open_requested(str): open the session with this id.
    """

    open_requested = Signal(str)

    def __init__(
        self, bus: ChangeBus, current_session_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = bus.store
        # the open window's bus: each act is one of its undo steps, announced (its title
        # follows a rename)
        self.bus = bus
        self.current_session_id = current_session_id  # the one open: never deleted here
        self._select_id = current_session_id  # the row chosen after a reload
        self.setWindowTitle(self.tr("Ateliers et séries"))
        self.resize(1180, 620)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [self.tr("Titre"), self.tr("Date"), self.tr("Phase"), self.tr("Idées")]
        )
        self.tree.setStyleSheet("QTreeWidget { font-size: 14pt; } QHeaderView { font-size: 12pt; }")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._activated)
        buttons = QVBoxLayout()
        self.open_button = self._button(buttons, "fa5s.folder-open", self.tr("Ouvrir"), self._open)
        self._button(buttons, "fa5s.plus", self.tr("Nouvel atelier…"), self._new_session, "Ctrl+N")
        self._button(buttons, "fa5s.layer-group", self.tr("Nouvelle série…"), self._new_series)
        self._button(buttons, "fa5s.i-cursor", self.tr("Renommer…"), self._rename, "F2")
        self._button(buttons, "fa5s.copy", self.tr("Dupliquer l'atelier"), self._duplicate)
        self._button(buttons, "fa5s.trash", self.tr("Supprimer…"), self._delete, "Del")
        buttons.addStretch(1)
        self._button(buttons, "fa5s.times", self.tr("Fermer"), self.reject)
        layout = QHBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.tree.clear()
        for series in workspace.list_series(self.store):
            top = QTreeWidgetItem([series.title])
            top.setData(0, ROLE_ID, series.id)
            top.setData(0, ROLE_KIND, "series")
            top.setIcon(0, icon("fa5s.layer-group"))
            self.tree.addTopLevelItem(top)
            for session in workspace.list_sessions(self.store, series.id):
                count = sum(c.is_idea for c in session_cards(self.store, session.id))
                item = QTreeWidgetItem(
                    [
                        session.title,
                        shown_date(session.date),
                        PHASES.get(session.phase, session.phase),
                        str(count),
                    ]
                )
                item.setData(0, ROLE_ID, session.id)
                item.setData(0, ROLE_KIND, "session")
                top.addChild(item)
                if session.id == self._select_id:
                    self.tree.setCurrentItem(item)
            top.setExpanded(True)

    def _button(
        self, layout: QVBoxLayout, icon_name: str, text: str, slot: object, shortcut: str = ""
    ) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.clicked.connect(slot)
        if shortcut:
            button.setShortcut(QKeySequence(shortcut))
            button.setToolTip(
                QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            )
        layout.addWidget(button)
        return button

    def _selected(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return item.data(0, ROLE_KIND), item.data(0, ROLE_ID)

    def _selected_series(self) -> Series | None:
        item = self.tree.currentItem()
        while item is not None and item.data(0, ROLE_KIND) != "series":
            item = item.parent()
        return self.store.get(Series, item.data(0, ROLE_ID)) if item is not None else None

    def _activated(self, item: QTreeWidgetItem) -> None:
        if item.data(0, ROLE_KIND) == "session":
            self._open()

    def _open(self) -> None:
        selected = self._selected()
        if selected and selected[0] == "session":
            self.open_requested.emit(selected[1])
            self.accept()

    def _new_session(self) -> None:
        """Asks for the title, the phase and the date (today), then creates the atelier."""
        series = self._selected_series()
        if series is None:
            return
        selected = self._selected()
        current = self.store.get(Session, selected[1]) if selected else None
        phase = current.phase if isinstance(current, Session) else "valeurs"
        dialog = NewSessionDialog(phase, self)
        self.new_session_dialog = dialog
        dialog.accepted.connect(lambda: self.create_session(series, **dialog.values()))
        dialog.open()

    def create_session(self, series: Series, title: str, phase: str, date: str) -> Session | None:
        change, session = workspace.new_session(self.store, series, title, phase=phase, date=date)
        if not self.bus.push(change):
            return None
        self._select_id = session.id
        self.reload()
        return session

    def _new_series(self) -> None:
        title, ok = QInputDialog.getText(
            self, self.tr("Nouvelle série"), self.tr("Titre de la série (modèle La Fabrique) :")
        )
        if ok and title.strip():
            self.bus.push(workspace.new_series(builtin_template(), title.strip())[0])
            self.reload()

    def _entity(self, kind: str, id_: str) -> Series | Session | None:
        if kind == "series":
            return self.store.get(Series, id_)
        return self.store.get(Session, id_)

    def _rename(self) -> None:
        selected = self._selected()
        if not selected:
            return
        kind, id_ = selected
        entity = self._entity(kind, id_)
        if entity is None:
            return
        title, ok = QInputDialog.getText(
            self, self.tr("Renommer"), self.tr("Nouveau titre :"), text=entity.title
        )
        if ok and title.strip():
            self.bus.push(workspace.rename(entity, title))
            self.reload()

    def _duplicate(self) -> None:
        selected = self._selected()
        if selected and selected[0] == "session":
            session = self.store.get(Session, selected[1])
            if session is not None:
                change, copy = workspace.session_copy(self.store, session)
                if self.bus.push(change):
                    self._select_id = copy.id
                self.reload()

    def _delete(self) -> None:
        selected = self._selected()
        if not selected:
            return
        kind, id_ = selected
        if kind == "session" and id_ == self.current_session_id:
            QMessageBox.information(
                self,
                self.tr("Supprimer"),
                self.tr("Ouvrez d'abord un autre atelier pour supprimer celui-ci."),
            )
            return
        entity = self._entity(kind, id_)
        if entity is None:
            return
        question = (
            self.tr("Supprimer la série « {} » et tous ses ateliers ?")
            if kind == "series"
            else self.tr("Supprimer l'atelier « {} » ?")
        ).format(entity.title)
        answer = QMessageBox.question(
            self,
            self.tr("Supprimer"),
            question + "\n" + self.tr("Une sauvegarde automatique permet de revenir en arrière."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if isinstance(entity, Series):
            current = self.store.get(Session, self.current_session_id)
            if current is not None and current.series_id == id_:
                QMessageBox.information(
                    self,
                    self.tr("Supprimer"),
                    self.tr(
                        "L'atelier ouvert fait partie de cette série : ouvrez-en un autre d'abord."
                    ),
                )
                return
            self.bus.push(workspace.delete_series(self.store, entity))
        else:
            self.bus.push(workspace.delete_session(self.store, entity))
        self.reload()
