"""The agenda panel: the session's timed activities, stepped through by the facilitator.

Each row shows the planned time and, once started, the time really spent. « Étape
suivante » ends the running activity, starts the next one and sets the round timer to
its planned minutes. Editing the agenda and stepping are undoable changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop import agenda
from fabrique_desktop.agenda import Activity
from fabrique_desktop.model import PHASES, Session
from fabrique_desktop.ports import Store
from ui import facilitation_style as style
from ui.change_writer import Writer, unwired
from ui.dialog_buttons import action_buttons

ID_ROLE = Qt.ItemDataRole.UserRole
REFRESH_MS = 15_000


class ActivityDialog(QDialog):
    """Title, planned minutes, screen and instructions of an activity."""

    def __init__(self, activity: Activity | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Modifier l'activité") if activity else self.tr("Nouvelle activité")
        )
        style.projector(self)
        self.title = QLineEdit(activity.title if activity else "")
        self.title.setAccessibleName(self.tr("Titre de l'activité"))
        self.minutes = QSpinBox()
        self.minutes.setRange(1, agenda.MAX_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(activity.planned_minutes if activity else 15)
        self.screen_choice = QComboBox()  # not « screen »: QWidget.screen() is a method
        titles = {
            "tableau": self.tr("Tableau des idées"),
            "minuteur": self.tr("Minuteur"),
            "votes": self.tr("Votes"),
            "classement": self.tr("Classement"),
            "engagements": self.tr("Engagements"),
            "recit": self.tr("Récit prospectif"),
            "photos": self.tr("Photos"),
        }
        for key, title in agenda.SCREENS.items():
            self.screen_choice.addItem(titles.get(key, title), key)
        self.screen_choice.setCurrentIndex(
            max(0, self.screen_choice.findData(activity.screen if activity else "tableau"))
        )
        self.instructions = QPlainTextEdit(activity.instructions if activity else "")
        self.instructions.setTabChangesFocus(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Titre"), self.title)
        form.addRow(self.tr("Durée prévue"), self.minutes)
        form.addRow(self.tr("Écran"), self.screen_choice)
        form.addRow(self.tr("Consignes"), self.instructions)
        self.message = style.label("", "message")
        self.message.hide()
        form.addRow(self.message)
        buttons = action_buttons(self, self.tr("Enregistrer"), self._accept)
        form.addRow(buttons)
        self.resize(900, 520)

    def values(self) -> dict[str, object]:
        return {
            "title": self.title.text(),
            "planned_minutes": self.minutes.value(),
            "screen": self.screen_choice.currentData(),
            "instructions": self.instructions.toPlainText().strip(),
        }

    def _accept(self) -> None:
        if not self.title.text().strip():
            self.message.setText(self.tr("Donnez un titre à l'activité."))
            self.message.show()
            return
        self.accept()


class AgendaPanel(QWidget):
    """Signals:
    step_started(str): an activity was started by « Étape suivante » (its id).
    screen_requested(str): show the screen an activity asks for (``agenda.SCREENS`` key).
    """

    step_started = Signal(str)
    screen_requested = Signal(str)

    def __init__(
        self,
        store: Store,
        session: Session,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.write: Writer = unwired  # the window's bus, set by its feature
        self.store = store
        self.session = session
        self.clock = clock
        style.projector(self)
        self.current_title = style.label("", "subtitle")
        style.dock_title(self.current_title)
        self.instructions = style.label("", "muted")
        self.instructions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totals = style.label("", "muted")
        self.items = QListWidget()
        self.items.setWordWrap(True)
        self.items.setAccessibleName(self.tr("Activités du déroulé"))
        self.items.itemActivated.connect(lambda _item: self.edit_current())
        self.next_button = QPushButton(self.tr("Étape suivante"))
        self.next_button.clicked.connect(self.next_step)
        self.start_button = QPushButton(self.tr("Commencer celle-ci"))
        self.start_button.clicked.connect(self.start_selected)
        self.screen_button = QPushButton(self.tr("Afficher son écran"))
        self.screen_button.clicked.connect(self._show_screen)
        self.load_button = QPushButton(self.tr("Déroulé type…"))
        self.load_button.clicked.connect(self.load_builtin)
        add = QPushButton(self.tr("Ajouter"))
        add.clicked.connect(self.add_activity)
        edit = QPushButton(self.tr("Modifier"))
        edit.clicked.connect(self.edit_current)
        remove = QPushButton(self.tr("Supprimer"))
        remove.clicked.connect(self._remove)
        up = QPushButton("↑")
        up.setToolTip(self.tr("Monter"))
        up.clicked.connect(lambda: self._move(-1))
        down = QPushButton("↓")
        down.setToolTip(self.tr("Descendre"))
        down.clicked.connect(lambda: self._move(1))
        grid = QGridLayout()
        grid.setSpacing(4)
        # two short buttons a line at most: the dock is a narrow column beside the board
        # (280 px at 1280×720, shared with the vote panel)
        grid.addWidget(self.next_button, 0, 0, 1, 2)
        grid.addWidget(self.start_button, 1, 0, 1, 2)
        grid.addWidget(self.screen_button, 2, 0, 1, 2)
        grid.addWidget(up, 3, 0)
        grid.addWidget(down, 3, 1)
        grid.addWidget(add, 4, 0)
        grid.addWidget(edit, 4, 1)
        grid.addWidget(remove, 5, 0, 1, 2)
        grid.addWidget(self.load_button, 6, 0, 1, 2)
        for button in self.findChildren(QPushButton):
            button.setStyleSheet("font-size: 12pt; padding: 4px 8px;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.current_title)
        layout.addWidget(self.instructions)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.totals)
        layout.addLayout(grid)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)  # the clock: only while shown
        self.refresh()

    # public

    def activities(self) -> list[Activity]:
        return agenda.activities(self.store, self.session.id)

    def selected(self) -> Activity | None:
        item = self.items.currentItem()
        return self.store.get(Activity, item.data(ID_ROLE)) if item else None

    def next_step(self) -> None:
        change = agenda.next_step(self.store, self.session.id, self.clock())
        if not change:
            if not self.activities():
                self.load_builtin()
            return
        self.write(change)
        running = agenda.current(self.activities())
        if running is not None:
            self.step_started.emit(running.id)

    def start_selected(self) -> None:
        activity = self.selected()
        if activity is not None:
            self.write(agenda.start(self.store, activity, self.clock()))
            self.step_started.emit(activity.id)

    def load_builtin(self) -> None:
        """Replace the agenda by the built-in one of the session's phase (or the chosen one)."""
        phase = self.session.phase if self.session.phase in agenda.BUILTIN else ""
        if not phase or self.activities():
            dialog = BuiltinDialog(phase, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            phase = dialog.phase()
        self.write(agenda.install(self.store, self.session, phase))

    def add_activity(self) -> None:
        dialog = ActivityDialog(parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            values = dialog.values()
            self.write(
                agenda.add(
                    self.store,
                    self.session.id,
                    str(values["title"]),
                    int(values["planned_minutes"]),  # type: ignore[call-overload]
                    str(values["instructions"]),
                    str(values["screen"]),
                )
            )

    def edit_current(self) -> None:
        activity = self.selected()
        if activity is None:
            return
        dialog = ActivityDialog(activity, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.write(agenda.edit(activity, **dialog.values()))

    def refresh(self) -> None:
        now = self.clock()
        items = self.activities()
        chosen = self.items.currentItem().data(ID_ROLE) if self.items.currentItem() else None
        running = agenda.current(items)
        self.items.clear()
        for activity in items:
            spent = agenda.actual_minutes(activity, now)
            mark = "▶ " if activity.running else ("✓ " if activity.done else "")
            planned = agenda.format_minutes(activity.planned_minutes)
            if spent is None:
                times = self.tr("prévu {}").format(planned)
            else:
                times = self.tr("prévu {} · réel {}").format(planned, agenda.format_minutes(spent))
            item = QListWidgetItem(f"{mark}{activity.title}\n    {times}")
            item.setData(ID_ROLE, activity.id)
            if activity.running:
                item.setBackground(QBrush(QColor(style.CURRENT_BG)))
                item.setForeground(QBrush(QColor(style.INK)))
            elif activity.done:
                item.setForeground(QBrush(QColor(style.MUTED)))
            self.items.addItem(item)
            if activity.id == (chosen or (running.id if running else None)):
                self.items.setCurrentItem(item)
        if running is not None:
            self.current_title.setText(running.title)
            self.instructions.setText(running.instructions)
        elif not items:
            self.current_title.setText(self.tr("Pas encore de déroulé"))
            self.instructions.setText(
                self.tr("« Déroulé type… » charge celui de la phase de l'atelier, modifiable.")
            )
        else:
            upcoming = agenda.upcoming(items)
            self.current_title.setText(
                self.tr("À suivre : {}").format(upcoming.title)
                if upcoming
                else self.tr("Déroulé terminé")
            )
            self.instructions.setText(upcoming.instructions if upcoming else "")
        summary = agenda.summary(items, now)
        self.totals.setText(
            self.tr("{}/{} activités · prévu {} · réel {}").format(
                summary.done,
                summary.total,
                agenda.format_minutes(summary.planned),
                agenda.format_minutes(summary.actual),
            )
        )
        self.next_button.setText(
            self.tr("Commencer le déroulé")
            if not running and not summary.done
            else self.tr("Étape suivante")
        )

    # private slots

    def _remove(self) -> None:
        activity = self.selected()
        if activity is not None:
            self.write(agenda.remove(activity))

    def _move(self, delta: int) -> None:
        activity = self.selected()
        if activity is not None:
            self.write(agenda.move(self.store, activity, delta))
            for row in range(self.items.count()):
                if self.items.item(row).data(ID_ROLE) == activity.id:
                    self.items.setCurrentRow(row)

    def _show_screen(self) -> None:
        activity = self.selected() or agenda.current(self.activities())
        if activity is not None:
            self.screen_requested.emit(activity.screen)

    def showEvent(self, event: QShowEvent) -> None:
        self._refresh_timer.start()
        self.refresh()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._refresh_timer.stop()  # a closed window's panel never reads a closed database
        super().hideEvent(event)


class BuiltinDialog(QDialog):
    """Which built-in agenda to load (it replaces the current one)."""

    def __init__(self, phase: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Charger un déroulé type"))
        style.projector(self)
        self.choice = QComboBox()
        titles = {
            "valeurs": self.tr("Valeurs"),
            "objectifs": self.tr("Objectifs & pistes de projet"),
            "convergence": self.tr("Convergence"),
        }
        for key in agenda.BUILTIN:
            self.choice.addItem(titles.get(key, PHASES[key]), key)
        self.choice.setCurrentIndex(max(0, self.choice.findData(phase)))
        buttons = action_buttons(self, self.tr("Charger"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            style.label(self.tr("Le déroulé type remplace les activités actuelles."), "muted")
        )
        layout.addWidget(self.choice)
        layout.addWidget(buttons)

    def phase(self) -> str:
        return str(self.choice.currentData())
