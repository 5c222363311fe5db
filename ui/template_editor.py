"""The series' template: its columns (3 to 6, names and colours) and its shared values.

Only the series' own copy is edited; the built-in template file is never written. Saving
validates everything first (the core refuses, in French, what the board could not show)
and commits columns and values together, in one change.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop import template_exchange
from fabrique_desktop.changes import Change
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Series
from fabrique_desktop.ports import Store
from fabrique_desktop.template import MAX_COLUMNS, MIN_COLUMNS
from ui import theme
from ui.change_bus import ChangeBus
from ui.icons import icon

KEY_ROLE = 0x0100  # Qt.ItemDataRole.UserRole


class TemplateEditor(QDialog):
    """Signals:
    template_changed(): the series' columns or values were saved.
    """

    template_changed = Signal()

    def __init__(
        self, store: Store, bus: ChangeBus, series: Series, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.bus = bus
        self.series = series
        self.setWindowTitle(self.tr("Modèle de la série — {}").format(series.title))
        self.resize(1100, 680)

        self.columns = QTableWidget(0, 4)
        self.columns.setHorizontalHeaderLabels(
            [self.tr("Colonne"), self.tr("Sous-titre"), self.tr("Couleur"), self.tr("Fond")]
        )
        self.columns.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.columns.setColumnWidth(0, 260)
        self.columns.setColumnWidth(1, 380)
        self.columns.setColumnWidth(2, 120)
        self.columns.setColumnWidth(3, 120)
        self.columns.setStyleSheet("font-size: 13pt;")
        self.columns.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.columns.cellDoubleClicked.connect(self._cell_double_clicked)
        self.columns.itemChanged.connect(self._paint_colour)
        column_buttons = QHBoxLayout()
        self._button(column_buttons, "fa5s.plus", self.tr("Ajouter une colonne"), self.add_column)
        self._button(
            column_buttons, "fa5s.trash", self.tr("Supprimer la colonne"), self.remove_column
        )
        self._button(
            column_buttons, "fa5s.arrow-up", self.tr("Monter"), lambda: self.move_column(-1)
        )
        self._button(
            column_buttons, "fa5s.arrow-down", self.tr("Descendre"), lambda: self.move_column(1)
        )
        column_buttons.addStretch(1)
        hint = QLabel(
            self.tr(
                "De {} à {} colonnes, « À trier » en premier. Couleurs en #RRVVBB "
                "(double-clic pour choisir)."
            ).format(MIN_COLUMNS, MAX_COLUMNS)
        )
        hint.setObjectName("hint")
        columns_box = QGroupBox(self.tr("Colonnes du tableau"))
        box = QVBoxLayout(columns_box)
        box.addWidget(self.columns, 1)
        box.addLayout(column_buttons)
        box.addWidget(hint)

        self.values = QTableWidget(0, 2)
        self.values.setHorizontalHeaderLabels([self.tr("Valeur"), self.tr("Définition")])
        self.values.setColumnWidth(0, 220)
        self.values.horizontalHeader().setStretchLastSection(True)
        self.values.setStyleSheet("font-size: 12pt;")
        value_buttons = QHBoxLayout()
        self._button(value_buttons, "fa5s.plus", self.tr("Ajouter une valeur"), self.add_value)
        self._button(value_buttons, "fa5s.trash", self.tr("Supprimer la valeur"), self.remove_value)
        value_buttons.addStretch(1)
        values_box = QGroupBox(self.tr("Valeurs partagées"))
        box = QVBoxLayout(values_box)
        box.addWidget(self.values, 1)
        box.addLayout(value_buttons)

        save = QPushButton(self.tr("Enregistrer"))
        save.setDefault(True)
        save.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Annuler"))
        cancel.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(save)
        bottom.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(columns_box, 3)
        layout.addWidget(values_box, 2)
        layout.addLayout(bottom)
        self._load()

    # public

    def column_rows(self) -> list[dict[str, str]]:
        rows = []
        for row in range(self.columns.rowCount()):
            cells = [self.columns.item(row, c) for c in range(4)]
            texts = [c.text().strip() if c else "" for c in cells]
            entry = {
                "title": texts[0],
                "subtitle": texts[1],
                "colour": texts[2],
                "tint": texts[3] or "#FFFFFF",
            }
            key = cells[0].data(KEY_ROLE) if cells[0] else None
            if key:
                entry["key"] = key
            rows.append(entry)
        return rows

    def value_rows(self) -> list[dict[str, str]]:
        rows = []
        for row in range(self.values.rowCount()):
            title, definition = (self.values.item(row, c) for c in range(2))
            entry = {
                "title": title.text() if title else "",
                "definition": definition.text() if definition else "",
            }
            if title is not None and title.data(KEY_ROLE):
                entry["key"] = title.data(KEY_ROLE)
            rows.append(entry)
        return rows

    def build_change(self) -> Change:
        """Columns and values as one change, validated by the core (``TemplateError``)."""
        first = template_exchange.edit_columns(self.store, self.series, self.column_rows())
        series = self.series
        after = first.edits[0].after if first else None
        if after is not None:
            series = replace(series, template=dict(after["template"]))
        # the values edit starts from the template as it is after the columns edit
        second = template_exchange.edit_values(series, self.value_rows())
        return Change(self.tr("Modifier le modèle"), (*first.edits, *second.edits))

    def save(self) -> bool:
        try:
            change = self.build_change()
        except FabriqueError as error:
            QMessageBox.warning(self, self.tr("Modèle de la série"), str(error))
            return False
        if change:
            if not self.bus.apply(change):  # the window reopens on the new template: no step
                return False
            self.template_changed.emit()
        self.accept()
        return True

    def add_column(self) -> None:
        if self.columns.rowCount() >= MAX_COLUMNS:
            QMessageBox.information(
                self, self.tr("Colonnes"), self.tr("Au plus {} colonnes.").format(MAX_COLUMNS)
            )
            return
        self._add_column_row("", self.tr("Nouvelle colonne"), "", "#37474F", "#ECEFF1")
        self.columns.setCurrentCell(self.columns.rowCount() - 1, 0)

    def remove_column(self) -> None:
        row = self.columns.currentRow()
        if row <= 0:
            QMessageBox.information(
                self, self.tr("Colonnes"), self.tr("« À trier » ne peut pas être supprimée.")
            )
            return
        self.columns.removeRow(row)

    def move_column(self, offset: int) -> None:
        row = self.columns.currentRow()
        target = row + offset
        if row <= 0 or target <= 0 or target >= self.columns.rowCount():
            return
        items = [self.columns.takeItem(row, c) for c in range(4)]
        others = [self.columns.takeItem(target, c) for c in range(4)]
        for c in range(4):
            self.columns.setItem(target, c, items[c])
            self.columns.setItem(row, c, others[c])
        self.columns.setCurrentCell(target, 0)

    def add_value(self) -> None:
        row = self.values.rowCount()
        self.values.insertRow(row)
        self.values.setItem(row, 0, QTableWidgetItem(self.tr("Nouvelle valeur")))
        self.values.setItem(row, 1, QTableWidgetItem(""))
        self.values.setCurrentCell(row, 0)

    def remove_value(self) -> None:
        if self.values.currentRow() >= 0:
            self.values.removeRow(self.values.currentRow())

    # private

    def _load(self) -> None:
        for column in self.series.template.get("columns", []):
            self._add_column_row(
                column.get("key", ""),
                column.get("title", ""),
                column.get("subtitle", ""),
                column.get("colour", ""),
                column.get("tint", "#FFFFFF"),
            )
        for value in self.series.template.get("values", []):
            row = self.values.rowCount()
            self.values.insertRow(row)
            title = QTableWidgetItem(value.get("title", ""))
            title.setData(KEY_ROLE, value.get("key", ""))
            self.values.setItem(row, 0, title)
            self.values.setItem(row, 1, QTableWidgetItem(value.get("definition", "")))

    def _add_column_row(self, key: str, title: str, subtitle: str, colour: str, tint: str) -> None:
        row = self.columns.rowCount()
        self.columns.insertRow(row)
        first = QTableWidgetItem(title)
        first.setData(KEY_ROLE, key)
        self.columns.setItem(row, 0, first)
        self.columns.setItem(row, 1, QTableWidgetItem(subtitle))
        self.columns.setItem(row, 2, QTableWidgetItem(colour))
        self.columns.setItem(row, 3, QTableWidgetItem(tint))

    def _paint_colour(self, item: QTableWidgetItem) -> None:
        if item.column() not in (2, 3):
            return
        colour = QColor(item.text().strip())
        if colour.isValid():
            self.columns.blockSignals(True)
            item.setBackground(colour)
            item.setForeground(QColor(theme.readable_ink(colour.name())))
            self.columns.blockSignals(False)

    def _cell_double_clicked(self, row: int, column: int) -> None:
        item = self.columns.item(row, column)
        if column not in (2, 3):
            if item is not None:
                self.columns.editItem(item)
            return
        colour = QColorDialog.getColor(QColor(item.text() if item else "#FFFFFF"), self)
        if colour.isValid() and item is not None:
            item.setText(colour.name().upper())

    def _button(self, layout, icon_name: str, text: str, slot) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.clicked.connect(lambda _checked=False: slot())
        layout.addWidget(button)
        return button
