"""Tables and participants of the open session: numbering, deal of personas, anonymous mode.

Edits go through the dialog's undo stack (Ctrl+Z), except erasing a participant: that
one is final, its name is gone from the database (see ``fabrique_desktop.tables``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop import personas, tables
from fabrique_desktop.changes import Change, Origin
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Participant, Persona, Session, Table
from fabrique_desktop.ports import Store
from ui.change_bus import ChangeBus
from ui.facilitation_style import no_default_button
from ui.icons import icon

ROLE_ID = Qt.ItemDataRole.UserRole


class TablesDialog(QDialog):
    """Tables, the deal of personas, participants. Every edit is a step of the window's undo
    history (``bus``): Ctrl+Z here or on the board undoes it, and every view shows it at once.
    """

    def __init__(
        self, store: Store, bus: ChangeBus, session: Session, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.bus = bus
        self.session_id = session.id
        bus.changed.connect(self._on_changed)
        self.setWindowTitle(self.tr("Tables et participants — {}").format(session.title))
        self.resize(1180, 700)

        self.anonymous = QCheckBox(
            self.tr("Mode anonyme : aucun nom de participant dans les rapports et exports")
        )
        self.anonymous.setStyleSheet("font-size: 13pt;")
        self.anonymous.toggled.connect(self._set_anonymous)

        self.table_grid = QTableWidget(0, 4)
        self.table_grid.setHorizontalHeaderLabels(
            [self.tr("Table"), self.tr("Nom"), self.tr("Personas"), self.tr("Idées")]
        )
        self.table_grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_grid.setStyleSheet("font-size: 13pt;")
        header = self.table_grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table_grid.verticalHeader().setVisible(False)
        self.table_grid.itemDoubleClicked.connect(lambda _item: self.assign_by_hand())
        self.count = QSpinBox()
        self.count.setRange(1, tables.MAX_TABLES)
        self.count.setValue(4)
        table_buttons = QHBoxLayout()
        table_buttons.addWidget(self.count)
        self._button(table_buttons, "fa5s.plus", self.tr("Ajouter"), self.add_tables)
        self._button(table_buttons, "fa5s.i-cursor", self.tr("Nommer…"), self.rename_table)
        self._button(table_buttons, "fa5s.trash", self.tr("Supprimer"), self.remove_table)
        table_buttons.addStretch(1)
        deal_buttons = QHBoxLayout()
        self._button(deal_buttons, "fa5s.random", self.tr("Distribuer au hasard"), self.deal)
        self._button(deal_buttons, "fa5s.hand-paper", self.tr("Attribuer…"), self.assign_by_hand)
        deal_buttons.addStretch(1)
        self.persona_counts = QLabel()
        self.persona_counts.setWordWrap(True)
        self.persona_counts.setStyleSheet("font-size: 12pt;")
        tables_box = QGroupBox(self.tr("Tables"))
        box = QVBoxLayout(tables_box)
        box.addWidget(self.table_grid, 1)
        box.addLayout(table_buttons)
        box.addLayout(deal_buttons)
        box.addWidget(self.persona_counts)

        self.people = QTableWidget(0, 2)
        self.people.setHorizontalHeaderLabels([self.tr("Participant"), self.tr("Table")])
        self.people.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people.verticalHeader().setVisible(False)
        self.people.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.people.setStyleSheet("font-size: 13pt;")
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Nom (facultatif)"))
        self.name.returnPressed.connect(self.add_participant)
        people_buttons = QHBoxLayout()
        self._button(people_buttons, "fa5s.user-plus", self.tr("Ajouter"), self.add_participant)
        self._button(people_buttons, "fa5s.user-slash", self.tr("Effacer…"), self.erase_participant)
        people_box = QGroupBox(self.tr("Participants (facultatif)"))
        box = QVBoxLayout(people_box)
        box.addWidget(self.people, 1)
        box.addWidget(self.name)
        box.addLayout(people_buttons)

        columns = QHBoxLayout()
        columns.addWidget(tables_box, 1)
        columns.addWidget(people_box, 1)
        close = QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.anonymous)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Undo, self, bus.undo)
        QShortcut(QKeySequence("Ctrl+Shift+Z"), self, bus.redo)
        no_default_button(self)  # Enter in the name field adds a participant, not tables
        self.reload()

    # public

    @property
    def session(self) -> Session:
        session = self.store.get(Session, self.session_id)
        assert session is not None
        return session

    def deck(self) -> list[Persona]:
        return personas.deck(self.store, self.session.series_id)

    def tables(self) -> list[Table]:
        return tables.session_tables(self.store, self.session_id)

    def reload(self) -> None:
        session = self.session
        self.anonymous.blockSignals(True)
        self.anonymous.setChecked(session.anonymous)
        self.anonymous.blockSignals(False)
        names = {
            p.id: p.first_name for p in personas.deck(self.store, session.series_id, retired=True)
        }
        counts = tables.idea_counts(self.store, session.id)
        table_list = self.tables()
        selected = self._selected_table_id()
        self.table_grid.setRowCount(len(table_list))
        for row, table in enumerate(table_list):
            cells = [
                str(table.number),
                table.name if table.name != f"Table {table.number}" else "",
                ", ".join(names.get(i, "?") for i in table.persona_ids),
                str(counts.by_table.get(table.id, 0)),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROLE_ID, table.id)
                self.table_grid.setItem(row, column, item)
            if table.id == selected:
                self.table_grid.selectRow(row)
        parts = [f"{p.first_name} {counts.by_persona.get(p.id, 0)}" for p in self.deck()]
        self.persona_counts.setText(
            self.tr("Idées par persona : {}  ·  sans persona : {}  ·  total : {}").format(
                " · ".join(parts), counts.without_persona, counts.total
            )
        )
        people = tables.participants(self.store, session.id)
        for row in range(self.people.rowCount()):
            old = self.people.cellWidget(row, 1)
            if old is not None:
                old.hide()  # deleted later by the table; never drawn over the names
            self.people.removeCellWidget(row, 1)
        self.people.setRowCount(0)
        self.people.setRowCount(len(people))
        for row, person in enumerate(people, start=0):
            label = person.name or tables.participant_label(person, row + 1, True)
            item = QTableWidgetItem(label)
            item.setData(ROLE_ID, person.id)
            self.people.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem(self.tr("(aucune)"), None)
            for table in table_list:
                combo.addItem(tables.table_label(table), table.id)
            combo.setCurrentIndex(max(0, combo.findData(person.table_id)))
            combo.currentIndexChanged.connect(
                lambda _i, p=person.id, c=combo: self._seat(p, c.currentData())
            )
            self.people.setCellWidget(row, 1, combo)

    def push(self, change: Change) -> None:
        if change and self.bus.push(change):
            self.reload()

    def add_tables(self) -> None:
        self._try(
            lambda: self.push(tables.add_tables(self.store, self.session_id, self.count.value()))
        )

    def rename_table(self) -> None:
        table = self._selected_table()
        if table is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Nommer la table"), tables.table_label(table), text=table.name
        )
        if ok:
            self.push(tables.rename_table(table, name))

    def remove_table(self) -> None:
        table = self._selected_table()
        if table is not None:
            self.push(tables.remove_table(self.store, table))

    def deal(self, seed: int | None = None) -> None:
        self._try(lambda: self.push(tables.deal(self.tables(), self.deck(), seed)))

    def assign_by_hand(self) -> None:
        table = self._selected_table()
        if table is None:
            QMessageBox.information(
                self, self.tr("Tables"), self.tr("Choisissez d'abord une table.")
            )
            return
        chooser = PersonaChooser(self.deck(), table.persona_ids, tables.table_label(table), self)
        if chooser.exec() == QDialog.DialogCode.Accepted:
            self.push(tables.assign(table, chooser.chosen()))

    def add_participant(self) -> None:
        table = self._selected_table()
        self.push(
            tables.add_participant(self.session_id, self.name.text(), table.id if table else None)
        )
        self.name.clear()

    def erase_participant(self, confirm: bool = True) -> None:
        row = self.people.currentRow()
        item = self.people.item(row, 0) if row >= 0 else None
        if item is None:
            return
        person = self.store.get(Participant, item.data(ROLE_ID))
        if person is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Effacer le participant"),
                self.tr(
                    "Effacer « {} » ? Son nom sera supprimé définitivement de cet atelier ; "
                    "ses idées restent, sans son nom."
                ).format(item.text()),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        # final: not an undo step, and no step of the history keeps the name
        if self.bus.apply(tables.erase_participant(person)):
            self.bus.forget(Participant.kind, person.id, {"name": ""})
            self.reload()

    # private slots

    def _set_anonymous(self, on: bool) -> None:
        self.push(tables.set_anonymous(self.session, on))

    def _seat(self, participant_id: str, table_id: str | None) -> None:
        person = self.store.get(Participant, participant_id)
        if person is not None and person.table_id != table_id:
            self.push(tables.edit_participant(person, table_id=table_id))

    def _on_changed(self, change: Change, origin: Origin) -> None:
        """An undo (here or on the board), another laptop: show the tables as stored."""
        kinds = {e.kind for e in change.edits}
        if origin is not Origin.LOCAL and kinds & {"tables", "participants", "sessions"}:
            self.reload()

    def _selected_table_id(self) -> str | None:
        items = self.table_grid.selectedItems()
        return items[0].data(ROLE_ID) if items else None

    def _selected_table(self) -> Table | None:
        table_id = self._selected_table_id()
        return self.store.get(Table, table_id) if table_id else None

    def _try(self, action) -> None:
        try:
            action()
        except FabriqueError as error:
            QMessageBox.warning(self, self.tr("Tables"), str(error))

    def _button(self, layout, icon_name: str, text: str, slot) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.clicked.connect(lambda _checked=False: slot())
        layout.addWidget(button)
        return button


class PersonaChooser(QDialog):
    """Tick the personas a table plays (deal by hand)."""

    def __init__(
        self, deck: list[Persona], chosen: list[str], title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Personas de la {}").format(title))
        self.list = QListWidget()
        self.list.setStyleSheet("font-size: 14pt;")
        for persona in deck:
            item = QListWidgetItem(
                icon(persona.icon, color=persona.colour), personas.label(persona)
            )
            item.setData(ROLE_ID, persona.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if persona.id in chosen else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(520, 520)

    def chosen(self) -> list[str]:
        return [
            self.list.item(i).data(ROLE_ID)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
