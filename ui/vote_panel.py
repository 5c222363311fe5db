"""The operator's vote panel: who is voting, what they have left, secret mode and reveal.

The operator picks the voter (a table or a participant) here, then puts that voter's dots
on the cards selected on the board with ``+`` and takes them back with ``-`` (the keys
are actions of the « Animation » menu). Dots, the budget, secret mode and reveal are undo
steps; choosing the voter is stored but is not one. The panel only shows and asks: its
owner pushes what it requests through the window's change bus, and refreshes it from there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop import limits, votes
from fabrique_desktop.changes import Change
from fabrique_desktop.ports import Store
from ui import facilitation_style as style
from ui.change_writer import Writer, unwired
from ui.count_words import by_count

VOTER_ROLE = Qt.ItemDataRole.UserRole
LABEL_ROLE = Qt.ItemDataRole.UserRole + 1  # the voter's name, as ``votes.voter_summary`` gives it


class VotePanel(QWidget):
    """Signals:
    voter_requested(Change): the voter chosen: to store, not an undo step.
    """

    voter_requested = Signal(object)

    def __init__(self, store: Store, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.write: Writer = unwired  # the window's bus, set by its feature
        self.store = store
        self.session_id = session_id
        self._loading = False
        style.projector(self)
        self.voter_label = style.label("", "subtitle")
        self.voter_label.setAccessibleName(self.tr("Votant en cours"))
        style.dock_title(self.voter_label)
        self.hint = style.label(
            self.tr("Sélectionnez une idée du tableau : + ajoute une gommette, − en retire une."),
            "muted",
        )
        self.message = style.label("", "message")
        self.message.hide()
        self.voter_list = QListWidget()
        self.voter_list.setAccessibleName(self.tr("Votants"))
        self.voter_list.setWordWrap(True)  # a long name wraps in the narrow dock
        self.voter_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.voter_list.currentItemChanged.connect(self._voter_chosen)
        self.dots = QSpinBox()
        self.dots.setRange(1, limits.MAX_DOTS)
        self.dots.valueChanged.connect(self._budget_changed)
        self.dots_label = style.label(self.tr("Gommettes par votant :"))
        self.dots_label.setBuddy(self.dots)
        self.dots.setAccessibleName(self.tr("Gommettes par votant"))
        self.secret = QCheckBox(self.tr("Vote secret"))
        self.secret.setToolTip(self.tr("Les compteurs restent cachés jusqu'à la révélation."))
        self.secret.toggled.connect(self._secret_toggled)
        self.reveal_button = QPushButton(self.tr("Révéler les votes"))
        self.reveal_button.clicked.connect(self.reveal)
        self.tables_count = QSpinBox()
        self.tables_count.setRange(1, limits.MAX_TABLES)
        self.tables_count.setValue(6)
        self.tables_count.setSuffix(self.tr(" tables"))
        self.tables_button = QPushButton(self.tr("Ajouter"))
        self.tables_button.setToolTip(self.tr("Ajouter des tables"))
        self.tables_button.setAccessibleName(self.tr("Ajouter des tables"))
        self.tables_button.clicked.connect(self._add_tables)
        self.clear_button = QPushButton(self.tr("Effacer ses gommettes"))
        self.clear_button.setToolTip(self.tr("Reprendre toutes les gommettes du votant choisi"))
        self.clear_button.clicked.connect(self._clear_voter)
        self.tables_count.setAccessibleName(self.tr("Nombre de tables à ajouter"))
        # one control per line: the panel is a narrow column beside the board (≤ 300 px)
        dots_row = QHBoxLayout()
        dots_row.addWidget(self.dots_label, 1)
        dots_row.addWidget(self.dots)
        tables_row = QHBoxLayout()
        tables_row.addWidget(self.tables_button, 1)  # « Ajouter [6 tables] »
        tables_row.addWidget(self.tables_count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.voter_label)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(self.voter_list, 1)
        layout.addWidget(self.clear_button)
        layout.addLayout(dots_row)
        layout.addWidget(self.secret)
        layout.addWidget(self.reveal_button)
        layout.addLayout(tables_row)
        # the operator votes on the board with + and -: Esc, Enter on a voter and the panel's
        # buttons give the keyboard back to the board
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back_to_board)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.voter_list.itemActivated.connect(self.back_to_board)
        for button in (self.reveal_button, self.tables_button, self.clear_button):
            button.clicked.connect(self.back_to_board)
        self.refresh()

    # public

    def voter_id(self) -> str | None:
        item = self.voter_list.currentItem()
        return item.data(VOTER_ROLE) if item is not None else None

    def chosen_voter_label(self) -> str:
        item = self.voter_list.currentItem()
        return str(item.data(LABEL_ROLE) or "") if item is not None else ""

    def select_voter(self, delta: int) -> None:
        count = self.voter_list.count()
        if not count:
            self.show_message(self.tr("Ajoutez d'abord des tables pour voter."))
            return
        row = (self.voter_list.currentRow() + delta) % count
        self.voter_list.setCurrentRow(row)

    def back_to_board(self) -> None:
        """Focus the board of the window this panel is docked in (if it has one)."""
        board = getattr(self.window(), "board", None)
        if board is not None:
            board.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def reveal(self) -> None:
        self.write(votes.reveal(self.store, self.session_id))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def refresh(self) -> None:
        """Read the voters, their dots and the settings again."""
        self._loading = True
        try:
            state = votes.settings(self.store, self.session_id)
            self.dots.setValue(state.dots_per_voter)
            self.secret.setChecked(state.secret)
            self.reveal_button.setEnabled(votes.counts_hidden(state))
            chosen = self.voter_id() or state.voter_id
            self.voter_list.clear()
            for voter, spent, left in votes.voter_summary(self.store, self.session_id):
                dots = "●" * max(spent, 0) + "○" * max(left, 0)
                item = QListWidgetItem(f"{voter.label}   {dots}")
                item.setData(VOTER_ROLE, voter.id)
                item.setData(LABEL_ROLE, voter.label)
                item.setToolTip(self._left_text(voter.label, left))
                self.voter_list.addItem(item)
                if voter.id == chosen:
                    self.voter_list.setCurrentItem(item)
            if self.voter_list.currentItem() is None and self.voter_list.count():
                self.voter_list.setCurrentRow(0)
        finally:
            self._loading = False
        self._show_voter()

    # private slots

    def _show_voter(self) -> None:
        voter_id = self.voter_id()
        if voter_id is None:
            self.voter_label.setText(
                self.tr(
                    "Sans votant : + et − comptent les gommettes de la salle ; * puis un nombre."
                )
            )
            self.clear_button.setEnabled(False)
            return
        self.clear_button.setEnabled(True)
        label = self.voter_list.currentItem().data(LABEL_ROLE)
        left = votes.remaining(self.store, self.session_id, voter_id)
        self.voter_label.setText(self._left_text(label, left))

    def _left_text(self, label: str, left: int) -> str:
        if left >= 0:
            return by_count(
                left,
                self.tr("{} : 1 gommette restante"),
                self.tr("{} : {} gommettes restantes"),
                none=self.tr("{} : plus de gommette"),
            ).format(label, left)
        # more dots than the budget: votes typed on two laptops, or the budget lowered since
        return by_count(
            -left,
            self.tr("{} : 1 gommette de plus que prévu"),
            self.tr("{} : {} gommettes de plus que prévu"),
        ).format(label, -left)

    def _voter_chosen(self) -> None:
        if self._loading:
            return
        self.show_message("")
        voter_id = self.voter_id()
        self.voter_requested.emit(votes.configure(self.store, self.session_id, voter_id=voter_id))
        self._show_voter()

    def _budget_changed(self, value: int) -> None:
        if self._loading:
            return
        self.write(votes.configure(self.store, self.session_id, dots_per_voter=value))

    def _secret_toggled(self, on: bool) -> None:
        if self._loading:
            return
        self.write(votes.set_secret(self.store, self.session_id, on))

    def _add_tables(self) -> None:
        self.write(votes.add_tables(self.store, self.session_id, self.tables_count.value()))

    def _clear_voter(self) -> None:
        voter_id = self.voter_id()
        if voter_id:
            change: Change = votes.clear_voter(self.store, self.session_id, voter_id)
            if change:
                self.write(change)
