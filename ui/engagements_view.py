"""Engagements: the promotion dialog and the projector view, one column per Vivre.

Each engagement shows its title, its « Pour … » purpose, its « Comment ? » points and the
trace of the ideas behind it with their dots. Changes are core ``Change`` values pushed
through the board controller, so they are undo steps like any other.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop import convergence, votes
from fabrique_desktop.model import Card, Engagement
from fabrique_desktop.ports import Store
from fabrique_desktop.template import Template
from fabrique_desktop.typography import french_spacing
from ui import facilitation_style as style
from ui import theme
from ui.change_writer import Writer, unwired
from ui.count_words import counted
from ui.dialog_buttons import action_buttons
from ui.room_screen import RoomScreen

ID_ROLE = Qt.ItemDataRole.UserRole
SIZE = QSize(1260, 700)  # on a 1280×720 screen; a larger one grows it and its type


class EngagementDialog(QDialog):
    """Title, Vivre, « Pour … » and « Comment ? » of a new or existing engagement."""

    def __init__(
        self,
        template: Template,
        ideas: Sequence[tuple[Card, int]],
        engagement: Engagement | None = None,
        title: str = "",
        column: str = "",
        parent: QWidget | None = None,
        origins: Mapping[str, str] | None = None,
        objectives: Sequence[str] = (),
    ) -> None:
        """``origins``: what an earlier atelier's piste says of where it comes from (a
        Convergence wall's « Ateliers 3 et 4 · lecture seule »), by card id;
        ``objectives``: the earlier objectives it is traced to, each said on its line."""
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Modifier l'engagement") if engagement else self.tr("Nouvel engagement")
        )
        style.projector(self)
        self.title = QLineEdit(engagement.title if engagement else title)
        self.title.setAccessibleName(self.tr("Titre de l'engagement"))
        self.column = QComboBox()
        for vivre in template.vivre_columns:
            self.column.addItem(vivre.title, vivre.key)
        wanted = engagement.column if engagement else column
        index = self.column.findData(wanted)
        self.column.setCurrentIndex(max(index, 0))
        self.purpose = QLineEdit(engagement.purpose if engagement else "")
        self.purpose.setPlaceholderText(self.tr("Pour …"))
        self.purpose.setAccessibleName(self.tr("Pour quoi"))
        self.how = QPlainTextEdit("\n".join(engagement.how) if engagement else "")
        self.how.setPlaceholderText(self.tr("Un point par ligne"))
        self.how.setTabChangesFocus(True)
        self.how.setAccessibleName(self.tr("Comment ?"))
        form = QFormLayout()
        form.addRow(self.tr("Titre"), self.title)
        form.addRow(self.tr("Vivre"), self.column)
        form.addRow(self.tr("Pour …"), self.purpose)
        form.addRow(self.tr("Comment ?"), self.how)
        origins = origins or {}
        trace = "\n".join(
            [f"◎ {line}" for line in objectives]
            + [
                f"• {card.text}"
                + (f"  ({count} ●)" if count else "")
                + (f"  — {origins[card.id]}" if card.id in origins else "")
                for card, count in ideas
            ]
        )
        self.ideas = style.label(french_spacing(trace) or "—", "muted")  # « » and « : » whole
        form.addRow(self.tr("Idées liées"), self.ideas)
        self.message = style.label("", "message")
        self.message.hide()
        buttons = action_buttons(self, self.tr("Enregistrer"), self._accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(1000, 620)
        self.title.setFocus()
        self.title.selectAll()

    def values(self) -> dict[str, object]:
        return {
            "title": self.title.text(),
            "column": self.column.currentData(),
            "purpose": self.purpose.text(),
            "how": self.how.toPlainText(),
        }

    def _accept(self) -> None:
        if not self.title.text().strip():
            self.message.setText(self.tr("Donnez un titre à l'engagement."))
            self.message.show()
            return
        self.accept()


class WholeLines(QStyledItemDelegate):
    """Every line of a word-wrapped item drawn. Qt sizes an item holding a line in a
    fallback font (« 李华 ») a few pixels short of what it draws, and then drops the item's
    last line (« 李华… », no « ↳ 0 idée(s) »): a pixel more for each line."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        lines = max(1, round(size.height() / QFontMetrics(option.font).lineSpacing()))
        return QSize(size.width(), size.height() + lines)


class EngagementsView(RoomScreen):
    """The engagements of the session, per Vivre, with the trace of each.

    Signals:
        edit_requested(str): the user wants to edit an engagement (by id).
    """

    edit_requested = Signal(str)

    def __init__(
        self, store: Store, session_id: str, template: Template, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.write: Writer = unwired  # the window's bus, set by its feature
        # an earlier atelier's piste: where it comes from (a Convergence wall), by card id
        self.origin: Callable[[str], str] = lambda card_id: ""
        self.store = store
        self.session_id = session_id
        self.template = template
        self.setWindowTitle(self.tr("Engagements"))
        self.headers: dict[str, QLabel] = {}
        self.lists: dict[str, QListWidget] = {}
        grid = QGridLayout()
        for index, column in enumerate(template.vivre_columns):
            header = QLabel(column.title)
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.headers[column.key] = header
            items = QListWidget()
            items.setWordWrap(True)
            items.setItemDelegate(WholeLines(items))
            items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            items.setAccessibleName(self.tr("Engagements {}").format(column.title))
            items.currentItemChanged.connect(self._show_trace)
            items.itemActivated.connect(lambda item: self.edit_requested.emit(item.data(ID_ROLE)))
            self.lists[column.key] = items
            grid.addWidget(header, 0, index)
            grid.addWidget(items, 1, index)
        self.summary = style.label("", "subtitle")
        self.trace = QTextBrowser()
        self.trace.setAccessibleName(self.tr("Trace des idées"))
        buttons = QHBoxLayout()
        for text, slot, key in (
            (self.tr("Modifier (Entrée)"), self._edit, ""),
            (self.tr("Monter"), lambda: self._move(-1), "Ctrl+Up"),
            (self.tr("Descendre"), lambda: self._move(1), "Ctrl+Down"),
            (self.tr("Supprimer"), self._remove, "Delete"),
            (self.tr("Fermer"), self.close, ""),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            if key:
                QShortcut(QKeySequence(key), self, slot)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(grid, 1)
        layout.addWidget(self.trace)
        layout.addLayout(buttons)
        self.restyle()
        self.resize(SIZE)
        style.no_default_button(self)
        self.refresh()

    # public

    def current_id(self) -> str | None:
        focused = next((w for w in self.lists.values() if w.hasFocus()), None)
        candidates = [focused] if focused else list(self.lists.values())
        for widget in candidates:
            item = widget.currentItem()
            if item is not None and item.isSelected():
                return item.data(ID_ROLE)
        return None

    def select(self, engagement_id: str) -> None:
        for widget in self.lists.values():
            for row in range(widget.count()):
                if widget.item(row).data(ID_ROLE) == engagement_id:
                    widget.setCurrentRow(row)
                    widget.setFocus()
                    return

    def _counted(self, ideas: int, dots: int) -> str:
        """« 2 idées · 1 gommette », « 0 idée · 0 gommette » (« 0 ideas · 0 dots »): each
        count agreed, as short as the line « ↳ … » was (it fits a column's width)."""
        said_ideas = counted(ideas, self.tr("1 idée"), self.tr("{} idées"), none=self.tr("0 idée"))
        said_dots = counted(
            dots, self.tr("1 gommette"), self.tr("{} gommettes"), none=self.tr("0 gommette")
        )
        return f"{said_ideas} · {said_dots}"

    def refresh(self) -> None:
        chosen = self.current_id()
        order = [c.key for c in self.template.columns]
        engagements = convergence.engagements(self.store, self.session_id, order)
        totals = votes.all_totals(self.store, self.session_id)
        for widget in self.lists.values():
            widget.clear()
        for engagement in engagements:
            listed = self.lists.get(engagement.column)
            if listed is None:
                continue
            dots = sum(totals.get(i, 0) for i in engagement.card_ids)
            lines = [f"{engagement.number}. {engagement.title.upper()}"]
            if engagement.purpose:
                lines.append(engagement.purpose)
            lines += [f"  • {point}" for point in engagement.how]
            # an earlier atelier's objective (a Convergence atelier) is not an idea
            objectives = len(convergence.traced_objectives(self.store, engagement))
            ideas = len(engagement.card_ids) - objectives
            counts = [self._counted(ideas, dots)]
            if objectives:
                counts.insert(
                    0, counted(objectives, self.tr("1 objectif"), self.tr("{} objectifs"))
                )
            lines.append("↳ " + " · ".join(counts))
            item = QListWidgetItem(french_spacing("\n".join(lines)))  # « » and « : » whole
            item.setData(ID_ROLE, engagement.id)
            listed.addItem(item)
        each = self.tr("{} : {}/{}")  # « Art de Vivre : 0/3 », in English « Art de Vivre: 0/3 »
        per_column = [  # each on one line: the summary wraps at « · »
            "\u00a0".join(
                each.format(
                    c.title, self.lists[c.key].count(), convergence.TARGET_PER_COLUMN
                ).split()
            )
            for c in self.template.vivre_columns
        ]
        self.summary.setText(
            counted(len(engagements), self.tr("1 engagement"), self.tr("{} engagements"))
            + "  —  "
            + " · ".join(per_column)
        )
        if chosen:
            self.select(chosen)
        self._show_trace()

    def restyle(self) -> None:
        """The type at this screen's scale: the columns' titles and lists, the trace."""
        super().restyle()
        scale = self.scale
        for column in self.template.vivre_columns:
            self.headers[column.key].setStyleSheet(
                f"background: {column.colour}; color: {theme.readable_ink(column.colour)};"
                f"font-size: {style.pt(18, scale)}; font-weight: bold; "
                f"padding: {round(8 * scale)}px; border-radius: 6px;"
            )
            self.lists[column.key].setStyleSheet(
                f"QListWidget {{ background: {column.tint}; font-size: {style.pt(15, scale)}; }}"
                # no side padding: Qt sizes a wrapped item without it and cut its last lines
                "QListWidget::item { border-bottom: 1px solid #90A4AE; "
                f"padding: {round(6 * scale)}px 0px; }}"
                f"QListWidget::item:selected {{ background: {theme.SELECTION}; color: white; }}"
            )
        self.trace.setMaximumHeight(round(170 * scale))
        self._show_trace()

    # private slots

    def _show_trace(self) -> None:
        engagement_id = self.current_id()
        engagement = self.store.get(Engagement, engagement_id) if engagement_id else None
        if engagement is None:
            self.trace.setHtml(
                escape(
                    self.tr("Choisissez un engagement pour voir les idées qui l'ont fait naître.")
                )
            )
            return
        size = style.pt(14, self.scale)
        rows = []
        for item in convergence.trace(self.store, engagement):
            state = self.tr(" (supprimée)") if item.removed else ""
            if origin := self.origin(item.card.id):
                state += f" — {origin}"
            originals = "".join(f"<br>&nbsp;&nbsp;&nbsp;↳ {escape(o.text)}" for o in item.originals)
            rows.append(
                f"<p style='font-size: {size}'><b>{item.votes} ●</b> {escape(item.card.text)}"
                f"{escape(state)}{originals}</p>"
            )
        heads = []  # the earlier objectives it is traced to (a Convergence atelier), first
        for objective in convergence.traced_objectives(self.store, engagement):
            state = self.tr(" (supprimé)") if objective.deleted else ""
            if origin := self.origin(objective.id):
                state += f" — {origin}"
            name = self.tr("Objectif « {} »").format(objective.name)
            heads.append(f"<p style='font-size: {size}'>◎ {escape(name)}{escape(state)}</p>")
        html = "".join(heads + rows) or escape(self.tr("Aucune idée liée."))
        self.trace.setHtml(french_spacing(html))  # no line starting with « : » or « » »

    def _edit(self) -> None:
        engagement_id = self.current_id()
        if engagement_id:
            self.edit_requested.emit(engagement_id)

    def _move(self, delta: int) -> None:
        engagement_id = self.current_id()
        engagement = self.store.get(Engagement, engagement_id) if engagement_id else None
        if engagement is not None:
            self.write(convergence.move(self.store, engagement, delta))
            self.select(engagement.id)

    def _remove(self) -> None:
        engagement_id = self.current_id()
        engagement = self.store.get(Engagement, engagement_id) if engagement_id else None
        if engagement is not None:
            self.write(convergence.remove(engagement))
