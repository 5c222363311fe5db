"""The capture field: type an idea, Enter adds it, focus stays for the next one.

Markers typed with the idea set its attributes (``fabrique_desktop.capture``); a popup
completes ``@persona``, ``#tag`` and ``>colonne`` as they are typed, and the hint under
the field shows what the line means before Enter is pressed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QRect, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop.capture import Parsed, current_marker, fold, match_personas, parse
from fabrique_desktop.model import Persona
from fabrique_desktop.template import Column

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from PySide6.QtGui import QKeyEvent

MAX_COMPLETIONS = 8


class Vocabulary:
    """What markers can name: the series' personas, the template's columns, the tags in use."""

    def __init__(
        self,
        personas: Sequence[Persona] = (),
        columns: Sequence[Column] = (),
        tags: Sequence[str] = (),
    ) -> None:
        self.personas = list(personas)
        self.columns = list(columns)
        self.tags = list(tags)

    def parse(self, line: str) -> Parsed:
        return parse(line, personas=self.personas, columns=self.columns, known_tags=self.tags)

    def completions(self, sign: str, prefix: str) -> list[tuple[str, str]]:
        """(shown, inserted) pairs for the marker being typed."""
        wanted = fold(prefix)
        if sign == "@":
            found = match_personas(prefix, self.personas) if prefix else self.personas
            return [
                (
                    f"@{p.first_name} — {p.role}" if p.role else f"@{p.first_name}",
                    f"@{p.first_name}",
                )
                for p in found
                if not p.retired
            ]
        if sign == "#":
            return [
                (t, "#" + t.lstrip("#"))
                for t in self.tags
                if fold(t.lstrip("#")).startswith(wanted)
            ]
        if sign == ">":
            return [
                (f">{c.key} — {c.title}", f">{c.key}")
                for c in self.columns
                if fold(c.key).startswith(wanted)
                or fold(c.title).startswith(wanted)
                or any(w.startswith(wanted) for w in fold(c.title).split())
            ]
        return []


class MarkerLineEdit(QLineEdit):
    """A line edit that completes markers (``@``, ``#``, ``>``) with a popup.

    Signals:
        submitted(str): Enter was pressed on non-empty text (and no completion was open).
        left(): Esc was pressed.
    """

    submitted = Signal(str)
    left = Signal()

    def __init__(self, vocabulary: Vocabulary | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vocabulary = vocabulary or Vocabulary()
        self._inserts: list[str] = []
        self._model = QStringListModel(self)
        self.completer_ = QCompleter(self._model, self)
        self.completer_.setWidget(self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        # PySide6's stubs type a signal without its overloads; [QModelIndex] picks one at run time
        self.completer_.activated[QModelIndex].connect(self._complete_index)  # type: ignore[index]
        self.textEdited.connect(self._update_completions)

    def completion_visible(self) -> bool:
        return self._popup().isVisible()

    def _popup(self) -> QAbstractItemView:
        """The completer's list (made with the completer: never None once it exists)."""
        popup = self.completer_.popup()
        assert popup is not None
        return popup

    def complete_with(self, inserted: str) -> None:
        marker = current_marker(self.text(), self.cursorPosition())
        if marker is None:
            return
        _sign, _prefix, start = marker
        text, cursor = self.text(), self.cursorPosition()
        rest = text[cursor:]
        spacer = "" if rest.startswith(" ") else " "
        self.setText(text[:start] + inserted + spacer + rest)
        self.setCursorPosition(start + len(inserted) + 1)
        self._popup().hide()
        self.textEdited.emit(self.text())

    def _complete_index(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self._inserts):
            self.complete_with(self._inserts[index.row()])

    def _update_completions(self) -> None:
        marker = current_marker(self.text(), self.cursorPosition())
        pairs = self.vocabulary.completions(marker[0], marker[1]) if marker else []
        pairs = pairs[:MAX_COMPLETIONS]
        popup = self._popup()
        if not pairs:
            popup.hide()
            return
        self._inserts = [inserted for _shown, inserted in pairs]
        self._model.setStringList([shown for shown, _inserted in pairs])
        rect = self.cursorRect()
        rect = QRect(rect.left(), rect.top(), max(320, self.width() // 2), rect.height())
        self.completer_.complete(rect)
        popup.setCurrentIndex(self._model.index(0, 0))

    # Qt overrides

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self._popup()
        if popup.isVisible() and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
            Qt.Key.Key_Tab,
        ):
            row = popup.currentIndex().row()
            chosen = self._inserts[row] if 0 <= row < len(self._inserts) else ""
            marker = current_marker(self.text(), self.cursorPosition())
            typed_in_full = marker is not None and fold(marker[1]) == fold(chosen[1:])
            popup.hide()
            if not typed_in_full or event.key() == Qt.Key.Key_Tab:
                if chosen:
                    self.complete_with(chosen)
                return
        if popup.isVisible() and event.key() == Qt.Key.Key_Escape:
            popup.hide()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text = self.text().strip()
            if text:
                self.submitted.emit(text)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.left.emit()
            return
        super().keyPressEvent(event)


class CaptureField(MarkerLineEdit):
    """Signals:
    submitted(str): Enter was pressed on non-empty text. The receiver clears the field once
        the idea is safely stored: if storing fails, the words stay in the field.
    left(): Esc was pressed; the board should take the focus.
    """


class CaptureBar(QWidget):
    """The capture field, the column new ideas go to, the search field, and the hint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vocabulary = Vocabulary()
        self.field = CaptureField(self.vocabulary)
        self.field.setObjectName("capture")
        self.field.setPlaceholderText(self.tr("Nouvelle idée… (Entrée pour ajouter)"))
        self.field.setAccessibleName(self.tr("Saisie d'une idée"))
        self.target = QComboBox()
        self.target.setAccessibleName(self.tr("Colonne des nouvelles idées"))
        self.target.setToolTip(self.tr("Colonne où vont les nouvelles idées (ou >colonne)"))
        self.search = MarkerLineEdit(self.vocabulary)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Filtrer… (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Filtrer les idées"))
        self.search.setClearButtonEnabled(True)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.field, 3)
        row.addWidget(self.target)
        row.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self.field.textChanged.connect(self._show_meaning)
        self._show_meaning()

    def set_vocabulary(
        self, personas: Sequence[Persona], columns: Sequence[Column], tags: Sequence[str]
    ) -> None:
        self.vocabulary.personas = list(personas)
        self.vocabulary.columns = list(columns)
        self.vocabulary.tags = list(tags)
        if self.target.count() != len(columns):
            self.target.clear()
            for column in columns:
                self.target.addItem(column.title, column.key)

    def target_column(self) -> str:
        return self.target.currentData() or "inbox"

    def parsed(self) -> Parsed:
        return self.vocabulary.parse(self.field.text())

    def _show_meaning(self) -> None:
        text = self.field.text()
        if not text.strip():
            self.hint.setText(self.default_hint())
            return
        parsed = self.vocabulary.parse(text)
        titles = {c.key: c.title for c in self.vocabulary.columns}
        names = {p.id: p.first_name for p in self.vocabulary.personas}
        parts = [f"→ {titles.get(parsed.column or self.target_column(), '')}"]
        if parsed.persona_id:
            parts.append(f"@{names.get(parsed.persona_id, '')}")
        if parsed.table_number:
            parts.append(self.tr("table {}").format(parsed.table_number))
        if parsed.horizon:
            parts.append(f"!{parsed.horizon}")
        parts.extend(parsed.tags)
        meaning = " · ".join(parts)
        if parsed.problems:
            meaning += "   ⚠ " + " ".join(parsed.problems)
        self.hint.setText(meaning)

    def default_hint(self) -> str:
        return self.tr(
            "Entrée : ajouter · Échap : aller au tableau · F1 : raccourcis — "
            "@persona  #thème  !2024 ou !2040  >colonne (>1 … >4, >0 = À trier)  =n° de table"
        )
