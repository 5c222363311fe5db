"""The capture field: type an idea, Enter adds it, focus stays for the next one.

Markers typed with the idea set its attributes (``fabrique_desktop.capture``); a popup
completes ``@persona``, ``#tag`` and ``>colonne`` as they are typed, and the hint under
the field shows what the line means before Enter is pressed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop.capture import Parsed, current_marker, fold, match_personas, parse
from fabrique_desktop.model import FUTUR, Persona
from fabrique_desktop.template import Column
from ui import theme

if TYPE_CHECKING:  # type hints only: importing them at start-up costs PySide6 set-up time
    from PySide6.QtCore import QModelIndex, QStringListModel, SignalInstance
    from PySide6.QtGui import QResizeEvent
    from PySide6.QtWidgets import QAbstractItemView, QCompleter  # their enums cost start-up

MAX_COMPLETIONS = 8
CAPTURE_SHARE = 0.4  # the capture field keeps at least this share of the bar's row


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


class MarkerCompletion:
    """Completes markers (``@``, ``#``, ``>``) with a popup as they are typed, in a one-line
    field or in the card's multi-line editor. The widget it is mixed into gives ``text``,
    ``setText``, ``cursorPosition``, ``setCursorPosition``, ``cursorRect`` and a
    ``textEdited(str)`` signal (QLineEdit's own; the card editor's made alike)."""

    vocabulary: Vocabulary

    if TYPE_CHECKING:  # what the widget gives

        def text(self) -> str: ...
        def setText(self, text: str, /) -> None: ...
        def cursorPosition(self) -> int: ...
        def setCursorPosition(self, position: int, /) -> None: ...
        def cursorRect(self) -> QRect: ...
        def width(self) -> int: ...

        textEdited: SignalInstance  # noqa: N815 (Qt's name)

    def _set_up_completion(self, vocabulary: Vocabulary | None) -> None:
        assert isinstance(self, QWidget)
        self.vocabulary = vocabulary or Vocabulary()
        self._inserts: list[str] = []
        self._completer: QCompleter | None = None  # made at the first marker typed
        self._model: QStringListModel | None = None
        self.textEdited.connect(self._update_completions)

    @property
    def completer_(self) -> QCompleter:
        """The popup's completer, made when a marker first has completions: QCompleter, its
        model and QModelIndex made their Python enums before the window's first frame (#28)."""
        if self._completer is None:
            from PySide6.QtCore import QModelIndex, QStringListModel
            from PySide6.QtWidgets import QCompleter

            assert isinstance(self, QWidget)
            self._model = QStringListModel(self)
            completer = QCompleter(self._model, self)
            completer.setWidget(self)
            completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
            # PySide6's stubs type a signal without its overloads; [QModelIndex] picks one
            completer.activated[QModelIndex].connect(self._complete_index)  # type: ignore[index]
            self._completer = completer
        return self._completer

    def completion_visible(self) -> bool:
        return self._completer is not None and self._popup().isVisible()

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
        if not pairs:
            if self._completer is not None:
                self._popup().hide()
            return
        popup = self._popup()
        model = self._model
        assert model is not None  # made with the completer
        self._inserts = [inserted for _shown, inserted in pairs]
        model.setStringList([shown for shown, _inserted in pairs])
        rect = self.cursorRect()
        rect = QRect(rect.left(), rect.top(), max(320, self.width() // 2), rect.height())
        self.completer_.complete(rect)
        popup.setCurrentIndex(model.index(0, 0))

    def _completion_key(self, event: QKeyEvent) -> bool:
        """Enter or Tab on the popup completes, Esc closes it: True when the key was used."""
        if self._completer is None:  # no completion shown yet
            return False
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
                return True
        if popup.isVisible() and event.key() == Qt.Key.Key_Escape:
            popup.hide()
            return True
        return False


class MarkerLineEdit(QLineEdit, MarkerCompletion):
    """A line edit that completes markers (``@``, ``#``, ``>``) with a popup.

    Signals:
        submitted(str): Enter was pressed on non-empty text (and no completion was open).
        left(): Esc was pressed.
    """

    submitted = Signal(str)
    left = Signal()

    def __init__(self, vocabulary: Vocabulary | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._set_up_completion(vocabulary)

    # Qt overrides

    def event(self, event: QEvent) -> bool:
        """Ctrl+Z (Ctrl+Shift+Z) with nothing of its own to undo (redo) is the board's: a
        line edit claims it even then, and the window's Annuler never came."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            mine = {
                QKeySequence.StandardKey.Undo: self.isUndoAvailable(),
                QKeySequence.StandardKey.Redo: self.isRedoAvailable(),
            }
            for key, available in mine.items():
                if event.matches(key) and not available:
                    event.ignore()
                    return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._completion_key(event):
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


class SearchField(MarkerLineEdit):
    """The filter field: never narrower than its placeholder (« Filtrer… (Ctrl+F) ») and its
    clear button, whatever room a panel or a small window leaves the capture bar."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        metrics = self.fontMetrics()
        text = metrics.horizontalAdvance(self.placeholderText())
        if self.isClearButtonEnabled():
            return self._with_clear_button(hint, text)
        # With no clear button, Qt's hint is the style's frame around the widest character,
        # the text margins and QLineEdit's own 2 px either side: the same around the
        # placeholder, and 4 px to spare (what sizeFromContents gave, at every type size).
        # QStyle is not asked before the first frame (the button comes after it): its Python
        # enums and QStyleOptionFrame's cost ~50 M instructions at start-up (#28).
        width = hint.width() - metrics.maxWidth() + text + 4
        return QSize(max(hint.width(), width), hint.height())

    def _with_clear_button(self, hint: QSize, text: int) -> QSize:
        from PySide6.QtWidgets import QStyle, QStyleOptionFrame, QToolButton

        option = QStyleOptionFrame()
        self.initStyleOption(option)
        margins = self.textMargins()
        clear = max((b.sizeHint().width() for b in self.findChildren(QToolButton)), default=0)
        inner = QSize(text + margins.left() + margins.right() + 4 + clear + 4, hint.height())
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_LineEdit, option, inner, self)
        return QSize(max(hint.width(), size.width()), hint.height())


class HintLine(QLabel):
    """One line under the capture field, never two: the longest of its texts that fits the
    width, the shortest elided. It asks for no width of its own (the window may be small)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts: tuple[str, ...] = ("",)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_texts(self, *texts: str) -> None:
        """The texts from the most to the least detailed."""
        self._texts = texts or ("",)
        self.setToolTip(texts[0] if texts else "")
        self._fit()

    def full_text(self) -> str:
        return self._texts[0]

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        room = self.contentsRect().width()
        chosen = next((t for t in self._texts if metrics.horizontalAdvance(t) <= room), None)
        if chosen is None:
            chosen = metrics.elidedText(self._texts[-1], Qt.TextElideMode.ElideRight, room)
        if chosen != self.text():
            self.setText(chosen)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: object) -> None:
        super().changeEvent(event)  # type: ignore[arg-type]
        self._fit()  # the font came with the style sheet


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
        # the panel type (13 pt = 17 px): the app's 11 pt is not read from the back of the room
        self.target.setStyleSheet(f"QComboBox {{ font-size: {theme.PANEL_POINT_SIZE}pt; }}")
        self.search = SearchField(self.vocabulary)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Filtrer… (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Filtrer les idées"))
        # its clear button comes after the window's first frame (add_clear_button)
        self.hint = HintLine()
        self.hint.setObjectName("hint")
        row = QHBoxLayout()
        row.addWidget(self.field, 3)
        row.addWidget(self.target)
        row.addWidget(self.search, 1)
        self._row = row
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(2)
        layout.addLayout(row)
        self._second = QHBoxLayout()  # the filter and the timer, when the row is too narrow
        layout.addLayout(self._second)
        layout.addWidget(self.hint)
        self.field.textChanged.connect(self._show_meaning)
        self._show_meaning()

    def add_clear_button(self) -> None:
        """The filter's clear button. The window adds it after its first frame: Qt looks the
        button's icon up in the desktop's icon theme, and the field starts empty."""
        self.search.setClearButtonEnabled(True)
        self.search.updateGeometry()  # its minimum width counts the button
        # laid out now: the button takes its room inside the field at once, and a filter at
        # its minimum width (a docked panel) cut its placeholder until the layout's turn came
        layout = self.layout()
        if layout is not None:
            layout.activate()

    def set_corner(self, widget: QWidget) -> None:
        """A widget at the right end of the row, above the board (the small timer). Where the
        row has no room for it (800×600, 1024×768), the filter and it make a second row: the
        capture field keeps the whole first row, and no band is taken across the board."""
        wide = self.room_for_corner(widget.sizeHint().width())
        row, other = (self._row, self._second) if wide else (self._second, self._row)
        for moving, stretch in ((self.search, 1), (widget, 0)):
            if row.indexOf(moving) < 0:
                other.removeWidget(moving)
                row.addWidget(moving, stretch, Qt.AlignmentFlag.AlignVCenter)
        layout = self.layout()
        if layout is not None:
            layout.activate()  # its place now (it may come from filling the board)

    def release_corner(self) -> None:
        """The corner's widget left (hidden, or onto the board): the filter back in the row."""
        for index in reversed(range(self._second.count())):
            item = self._second.itemAt(index)
            moving = item.widget() if item is not None else None
            if moving is not None:
                self._second.removeWidget(moving)
        if self._row.indexOf(self.search) < 0:
            self._row.insertWidget(2, self.search, 1)
        layout = self.layout()
        if layout is not None:
            layout.activate()

    def two_rows(self) -> bool:
        """The filter (and the timer) on a second row."""
        return self._second.indexOf(self.search) >= 0

    def room_for_corner(self, width: int) -> bool:
        """Would a widget ``width`` wide fit at the end of the row, the capture field keeping
        its share of it (CAPTURE_SHARE)?"""
        spacing = max(0, self._row.spacing())
        margins = self.contentsMargins()
        layout = self.layout()
        if layout is not None:
            margins = layout.contentsMargins()
        row = self.width() - margins.left() - margins.right()
        others = self.target.sizeHint().width() + self.search.minimumSizeHint().width()
        return row - others - width - 3 * spacing >= CAPTURE_SHARE * row

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
            if not self.field.text().strip():  # the hint names as many columns as the wall
                self.hint.set_texts(*self.default_hints())

    def target_column(self) -> str:
        return self.target.currentData() or "inbox"

    def parsed(self) -> Parsed:
        return self.vocabulary.parse(self.field.text())

    def problems(self, line: str) -> tuple[str, ...]:
        """What the line's markers get wrong (an unknown @persona, >colonne, !horizon)."""
        return self.vocabulary.parse(line).problems if line.strip() else ()

    def _flag(self, flagged: bool) -> None:
        """The field turns orange while a marker is not understood (the hint under it is
        hidden in full screen: the field itself says it)."""
        if bool(self.field.property("problem")) != flagged:
            self.field.setProperty("problem", flagged)
            style = self.field.style()
            style.unpolish(self.field)
            style.polish(self.field)

    def _show_meaning(self) -> None:
        text = self.field.text()
        if not text.strip():
            self._flag(False)
            self.hint.set_texts(*self.default_hints())
            return
        parsed = self.vocabulary.parse(text)
        self._flag(bool(parsed.problems))
        titles = {c.key: c.title for c in self.vocabulary.columns}
        names = {p.id: p.first_name for p in self.vocabulary.personas}
        parts = [f"→ {titles.get(parsed.column or self.target_column(), '')}"]
        if parsed.persona_id:
            parts.append(f"@{names.get(parsed.persona_id, '')}")
        if parsed.table_number:
            parts.append(self.tr("table {}").format(parsed.table_number))
        if parsed.horizon:
            parts.append(f"!{parsed.horizon}")
        if parsed.card_kind == FUTUR:
            parts.append(self.tr("Futur engagé"))
        parts.extend(parsed.tags)
        meaning = " · ".join(parts)
        if parsed.problems:
            meaning += "   ⚠ " + " ".join(parsed.problems)
        self.hint.set_texts(meaning)

    def default_hint(self) -> str:
        return self.default_hints()[0]

    def default_hints(self) -> tuple[str, ...]:
        """What a line may say, from the whole help to what fits a small window."""
        columns = self.vocabulary.columns  # the wall's (its phase's) columns after « À trier »
        last = len(columns) - 1 if len(columns) > 1 else 4
        return (
            self.tr(
                "Entrée : ajouter · Échap : aller au tableau · F1 : raccourcis — "
                "@persona  #thème  !2024 ou !2040  >colonne (>1 … >{}, >0 = À trier)  "
                "=n° de table"
            ).format(last),
            self.tr(
                "Entrée : ajouter · Échap : tableau · F1 : aide — @persona  #thème  !2040  >colonne"
            ),
            self.tr("Entrée : ajouter · Échap : tableau · F1 : aide"),
        )
