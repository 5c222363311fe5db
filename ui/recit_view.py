"""The « récit prospectif »: the dream of each Vivre, written together, and quotes
captured from the room, each attributed to a persona.

A dream is saved a moment after typing stops, when switching Vivre and when the window
closes; a quote is saved when Enter is pressed. Both are undoable changes.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop import recit
from fabrique_desktop.model import Persona, Session
from fabrique_desktop.ports import Store
from fabrique_desktop.template import Column, Template
from fabrique_desktop.typography import french_spacing
from ui import facilitation_style as style
from ui.change_writer import Writer, unwired
from ui.room_screen import RoomScreen

SAVE_DELAY_MS = 800
ID_ROLE = Qt.ItemDataRole.UserRole
SIZE = QSize(1200, 700)  # on a 1280×720 screen; a larger one grows it and its type


class VivrePage(QWidget):
    """One Vivre: its dream and its quotes."""

    def __init__(self, column: Column | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = column
        layout = QVBoxLayout(self)
        self.dream = QPlainTextEdit()
        self.dream.setTabChangesFocus(True)
        if column is not None:
            self.dream.setAccessibleName(self.tr("Le rêve : {}").format(column.title))
            self.dream.setPlaceholderText(
                self.tr("Le rêve de la Métropole pour « {} », écrit ensemble…").format(column.title)
                + ("\n\n" + self.tr("En 2017 : ") + column.dream if column.dream else "")
            )
            layout.addWidget(style.label(self.tr("Le rêve"), "subtitle"))
            layout.addWidget(self.dream, 2)
        else:
            self.dream.hide()
        layout.addWidget(style.label(self.tr("Citations de la salle"), "subtitle"))
        self.quotes = QListWidget()
        self.quotes.setWordWrap(True)
        self.quotes.setAccessibleName(self.tr("Citations"))
        layout.addWidget(self.quotes, 3)


class RecitView(RoomScreen):
    """The récit prospectif: the dream of each Vivre and the quotes; each edit a change
    written by ``write``."""

    def __init__(
        self, store: Store, session: Session, template: Template, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.write: Writer = unwired  # the window's bus, set by its feature
        self.store = store
        self.session = session
        self.template = template
        self.setWindowTitle(self.tr("Récit prospectif"))
        self.restyle()
        self.tabs = QTabWidget()
        self.pages: list[VivrePage] = []
        for column in template.vivre_columns:
            page = VivrePage(column)
            page.dream.textChanged.connect(self._dream_edited)
            self.pages.append(page)
            self.tabs.addTab(page, column.title)
        self.all_page = VivrePage(None)
        self.tabs.addTab(self.all_page, self.tr("Toutes les citations"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.persona = QComboBox()
        self.persona.setAccessibleName(self.tr("Persona qui parle"))
        self.persona.addItem(self.tr("(sans persona)"), None)
        for persona in sorted(
            store.find(Persona, series_id=session.series_id), key=lambda p: p.position
        ):
            if not persona.retired:
                self.persona.addItem(f"{persona.first_name} — {persona.role}", persona.id)
        self.quote = QLineEdit()
        self.quote.setPlaceholderText(self.tr("Une citation, puis Entrée"))
        self.quote.setAccessibleName(self.tr("Nouvelle citation"))
        self.quote.returnPressed.connect(self.add_quote)
        self.message = style.label("", "message")
        self.message.hide()
        delete = QPushButton(self.tr("Retirer la citation"))
        delete.clicked.connect(self._remove_quote)
        close = QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.close)
        capture = QHBoxLayout()
        capture.addWidget(self.persona)
        capture.addWidget(self.quote, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(delete)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(capture)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, lambda: self._step_tab(1))
        QShortcut(QKeySequence("Ctrl+PgUp"), self, lambda: self._step_tab(-1))
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_dream)
        self._loading = False
        self.resize(SIZE)
        style.no_default_button(self)
        self.refresh()
        self.quote.setFocus()

    # public

    def current_column(self) -> str:
        page = self.tabs.currentWidget()
        return page.column.key if isinstance(page, VivrePage) and page.column else ""

    def add_quote(self) -> None:
        text = self.quote.text()
        if not text.strip():
            return
        try:
            change = recit.add_quote(
                self.store, self.session, text, self.persona.currentData(), self.current_column()
            )
        except recit.RecitError as error:
            self._show_message(str(error))
            return
        self.write(change)
        self.quote.clear()
        self._show_message("")

    def save_dream(self) -> None:
        self._save_timer.stop()
        for page in self.pages:
            if page.column is None:
                continue
            current = recit.dreams(self.store, self.session.series_id).get(page.column.key)
            text = page.dream.toPlainText()
            if (current.text if current else "") != text.strip():
                self.write(
                    recit.set_dream(self.store, self.session.series_id, page.column.key, text)
                )

    def refresh(self) -> None:
        self._loading = True
        try:
            dreams = recit.dreams(self.store, self.session.series_id)
            personas = {p.id: p for p in self.store.find(Persona, series_id=self.session.series_id)}
            quotes = recit.quotes(self.store, self.session.series_id)
            titles = {c.key: c.title for c in self.template.columns}
            for page in [*self.pages, self.all_page]:
                key = page.column.key if page.column else None
                if key is not None:
                    text = dreams[key].text if key in dreams else ""
                    if page.dream.toPlainText().strip() != text:
                        page.dream.setPlainText(text)
                page.quotes.clear()
                for quote in quotes:
                    if key is not None and quote.column != key:
                        continue
                    persona = personas.get(quote.persona_id or "")
                    who = f" — {persona.first_name}, {persona.role}" if persona else ""
                    where = f"  [{titles[quote.column]}]" if key is None and quote.column else ""
                    item = QListWidgetItem(french_spacing(f"« {quote.text} »{who}{where}"))
                    item.setData(ID_ROLE, quote.id)
                    page.quotes.addItem(item)
        finally:
            self._loading = False

    # private slots

    def _dream_edited(self) -> None:
        if not self._loading:
            self._save_timer.start()

    def _tab_changed(self) -> None:
        if self._save_timer.isActive():
            self.save_dream()

    def _step_tab(self, delta: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + delta) % self.tabs.count())

    def _remove_quote(self) -> None:
        page = self.tabs.currentWidget()
        if not isinstance(page, VivrePage):
            return
        item = page.quotes.currentItem()
        quote = self.store.get(recit.Quote, item.data(ID_ROLE)) if item else None
        if quote is not None:
            self.write(recit.remove_quote(quote))

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # Qt overrides

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_dream()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.save_dream()
        super().done(result)
