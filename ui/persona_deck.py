"""The persona deck editor of a series: the list of personas and a form for the chosen one.

Every edit is a core ``Change`` pushed on the dialog's own undo stack (Ctrl+Z inside the
dialog), committed to the database before the list shows it. A photo chosen by the
facilitator is copied into the data folder's ``media`` folder, so the deck keeps working
when the original file moves.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop import personas
from fabrique_desktop.changes import Change, Origin
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.limits import MAX_PORTRAIT_BYTES
from fabrique_desktop.model import Persona, Series
from fabrique_desktop.ports import Store
from fabrique_desktop.tables import idea_counts
from ui.change_bus import ChangeBus
from ui.count_words import counted
from ui.icons import icon
from ui.persona_presenter import PersonaPresenter, portrait_pixmap
from ui.series_dialog import SeriesDialog

ROLE_ID = Qt.ItemDataRole.UserRole
ICONS = (
    "fa5s.user",
    "fa5s.tractor",
    "fa5s.briefcase",
    "fa5s.user-graduate",
    "fa5s.walking",
    "fa5s.bicycle",
    "fa5s.suitcase-rolling",
    "fa5s.laptop-code",
    "fa5s.user-nurse",
    "fa5s.baby-carriage",
    "fa5s.wheelchair",
    "fa5s.store",
    "fa5s.hard-hat",
    "fa5s.fish",
    "fa5s.chalkboard-teacher",
    "fa5s.user-tie",
    "fa5s.palette",
    "fa5s.hiking",
    "fa5s.bus",
    "fa5s.home",
)


class PersonaDeck(SeriesDialog):
    """Create, edit, duplicate, retire, reorder, present and print a series' personas.

    Every edit is a step of the window's undo history (``bus``): Ctrl+Z here or on the
    board undoes it, and the board, the capture completion and the panels show it at once.
    """

    def __init__(
        self,
        store: Store,
        bus: ChangeBus,
        series: Series,
        session_id: str | None = None,
        media_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, bus, series, media_dir, parent)
        self.session_id = session_id
        self.presenter: PersonaPresenter | None = None
        bus.changed.connect(self._on_changed)
        self.setWindowTitle(self.tr("Personas — {}").format(series.title))
        self.resize(1180, 700)
        self.setStyleSheet("QLineEdit { font-size: 13pt; padding: 3px 6px; }")

        self.list = QListWidget()
        self.list.setStyleSheet("font-size: 14pt;")
        self.list.setMinimumWidth(420)
        self.list.currentItemChanged.connect(self._load_current)
        self.list.itemActivated.connect(lambda _item: self.present())
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.new_button = self._button(row, "fa5s.plus", self.tr("Nouveau"), self.new_persona)
        self._button(row, "fa5s.copy", self.tr("Dupliquer"), self.duplicate)
        self.retire_button = self._button(row, "fa5s.archive", self.tr("Retirer"), self.retire)
        left.addLayout(row)
        row = QHBoxLayout()
        self._button(row, "fa5s.arrow-up", self.tr("Monter"), lambda: self.move_persona(-1))
        self._button(row, "fa5s.arrow-down", self.tr("Descendre"), lambda: self.move_persona(1))
        self._button(row, "fa5s.tv", self.tr("Présenter (F9)"), self.present)
        left.addLayout(row)

        self.first_name = QLineEdit()
        self.role = QLineEdit()
        self.age = QLineEdit()
        self.age.setMaximumWidth(120)
        self.town = QLineEdit()
        self.story = QPlainTextEdit()
        self.worries = QPlainTextEdit()
        self.hopes = QPlainTextEdit()
        for box in (self.worries, self.hopes):
            box.setMaximumHeight(90)
            box.setPlaceholderText(self.tr("Une par ligne"))
        self.colour = QLineEdit()
        self.colour.setMaximumWidth(140)
        colour_button = QPushButton(self.tr("Choisir…"))
        colour_button.clicked.connect(self._pick_colour)
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour)
        colour_row.addWidget(colour_button)
        colour_row.addStretch(1)
        self.icon_box = QComboBox()
        labels = self._icon_labels()
        for name in ICONS:
            self.icon_box.addItem(icon(name), labels.get(name, name.removeprefix("fa5s.")), name)
        self.portrait = QLabel()
        self.portrait.setFixedSize(120, 120)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.portrait)
        photo_buttons = QVBoxLayout()
        self._button(photo_buttons, "fa5s.image", self.tr("Choisir une photo…"), self._pick_photo)
        self._button(photo_buttons, "fa5s.times", self.tr("Retirer la photo"), self.clear_photo)
        photo_buttons.addStretch(1)
        photo_row.addLayout(photo_buttons)
        photo_row.addStretch(1)
        self.counts = QLabel()
        self.counts.setObjectName("hint")

        form = QFormLayout()
        form.addRow(self.tr("Prénom"), self.first_name)
        form.addRow(self.tr("Rôle"), self.role)
        form.addRow(self.tr("Âge"), self.age)
        form.addRow(self.tr("Ville"), self.town)
        form.addRow(self.tr("Histoire"), self.story)
        form.addRow(self.tr("Inquiétudes"), self.worries)
        form.addRow(self.tr("Espoirs"), self.hopes)
        form.addRow(self.tr("Couleur"), colour_row)
        form.addRow(self.tr("Icône"), self.icon_box)
        form.addRow(self.tr("Portrait"), photo_row)
        # each field of the form, once: how it is read for personas.edit, how a persona shows
        self._fields: dict[str, tuple[Callable[[], object], Callable[[Persona], None]]] = {
            "first_name": (self.first_name.text, lambda p: self.first_name.setText(p.first_name)),
            "role": (self.role.text, lambda p: self.role.setText(p.role)),
            "age": (self.age.text, lambda p: self.age.setText("" if p.age is None else str(p.age))),
            "town": (self.town.text, lambda p: self.town.setText(p.town)),
            "story": (self.story.toPlainText, lambda p: self.story.setPlainText(p.story)),
            "worries": (
                self.worries.toPlainText,
                lambda p: self.worries.setPlainText("\n".join(p.worries)),
            ),
            "hopes": (
                self.hopes.toPlainText,
                lambda p: self.hopes.setPlainText("\n".join(p.hopes)),
            ),
            "colour": (self.colour.text, lambda p: self.colour.setText(p.colour)),
            "icon": (self.icon_box.currentData, self._show_icon),
        }
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addWidget(self.counts)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        save = QPushButton(self.tr("Enregistrer (Ctrl+S)"))
        save.setDefault(True)
        save.clicked.connect(self.save)
        close = QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.accept)
        buttons.addWidget(save)
        buttons.addWidget(close)
        right.addLayout(buttons)

        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        QShortcut(QKeySequence("F9"), self, self.present)
        QShortcut(QKeySequence.StandardKey.Undo, self, bus.undo)
        QShortcut(QKeySequence("Ctrl+Shift+Z"), self, bus.redo)
        self.reload()
        self.list.setCurrentRow(0)

    # public

    def reload(self, select: str | None = None) -> None:
        current = select or self.current_id()
        counts = idea_counts(self.store, self.session_id) if self.session_id else None
        self.list.blockSignals(True)
        self.list.clear()
        for persona in personas.deck(self.store, self.series.id, retired=True):
            text = f"{persona.first_name} — {persona.role}" if persona.role else persona.first_name
            if counts is not None:
                n = counts.by_persona.get(persona.id, 0)
                text += "  · " + counted(
                    n, self.tr("1 idée"), self.tr("{} idées"), none=self.tr("aucune idée")
                )
            if persona.retired:
                text += "  " + self.tr("(retiré)")
            item = QListWidgetItem(icon(persona.icon or "fa5s.user", color=persona.colour), text)
            item.setData(ROLE_ID, persona.id)
            if persona.retired:
                item.setForeground(QColor("#757575"))
            self.list.addItem(item)
            if persona.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._load_current()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ROLE_ID) if item else None

    def current(self) -> Persona | None:
        persona_id = self.current_id()
        return self.store.get(Persona, persona_id) if persona_id else None

    def push(self, change: Change, select: str | None = None) -> bool:
        """One step of the window's history; False if it could not be stored (said)."""
        if not self.bus.push(change):
            return False
        if change:
            self.reload(select)
        return True

    def new_persona(self) -> None:
        change, persona = personas.create(
            self.store, self.series.id, first_name=self.tr("Nouveau persona")
        )
        self.push(change, persona.id)
        self.first_name.setFocus()
        self.first_name.selectAll()

    def duplicate(self) -> None:
        persona = self.current()
        if persona is not None:
            change, copy = personas.duplicate(self.store, persona)
            self.push(change, copy.id)

    def retire(self) -> None:
        persona = self.current()
        if persona is not None:
            change = personas.restore(persona) if persona.retired else personas.retire(persona)
            self.push(change, persona.id)

    def move_persona(self, offset: int) -> None:  # not « move »: QWidget.move places it
        persona = self.current()
        if persona is not None:
            self.push(personas.move(self.store, persona, offset), persona.id)

    def save(self) -> bool:
        """Apply the form to the current persona; a calm message if something is wrong."""
        persona = self.current()
        if persona is None:
            return False
        try:
            change = personas.edit(
                persona, **{name: read() for name, (read, _show) in self._fields.items()}
            )
        except FabriqueError as error:
            QMessageBox.warning(self, self.tr("Persona"), str(error))
            return False
        return self.push(change, persona.id)

    def set_photo(self, source: Path) -> bool:
        """Keep a copy of a photo in the media folder and make it the current persona's
        portrait; a calm message when it is not a PNG or JPEG photo, or too heavy."""
        persona = self.current()
        if persona is None or self.media_dir is None:
            return False
        source = Path(source)
        name = self.keep_image(
            source,
            prefix="persona",
            what=f"« {source.name} »",
            limit=MAX_PORTRAIT_BYTES,
            caption=self.tr("Portrait"),
        )
        if name is None:
            return False
        self.push(personas.edit(persona, portrait=name), persona.id)
        return True

    def clear_photo(self) -> None:
        persona = self.current()
        if persona is not None:
            self.push(personas.edit(persona, portrait=""), persona.id)

    def present(self) -> PersonaPresenter | None:
        deck = personas.deck(self.store, self.series.id)
        if not deck:
            return None
        start = next((i for i, p in enumerate(deck) if p.id == self.current_id()), 0)
        self.presenter = PersonaPresenter(deck, start, self.media_dir, self.window())
        self.presenter.present()
        return self.presenter

    # private slots

    def _on_changed(self, change: Change, origin: Origin) -> None:
        """An undo (here or on the board), another laptop: the list shows the deck as stored."""
        if origin is not Origin.LOCAL and change.touched(Persona.kind):
            self.reload()

    def _show_icon(self, persona: Persona) -> None:
        index = self.icon_box.findData(persona.icon)
        if index < 0:  # an icon the list does not offer (a template's own): added
            self.icon_box.addItem(icon(persona.icon), persona.icon, persona.icon)
            index = self.icon_box.count() - 1
        self.icon_box.setCurrentIndex(index)

    def _load_current(self, *_args: object) -> None:
        persona = self.current()
        enabled = persona is not None
        for widget in (self.first_name, self.role, self.age, self.town, self.story):
            widget.setEnabled(enabled)
        if persona is None:
            return
        for _read, show in self._fields.values():
            show(persona)
        self.portrait.setPixmap(portrait_pixmap(persona, self.media_dir, 120))
        self.retire_button.setText(self.tr("Remettre") if persona.retired else self.tr("Retirer"))
        if self.session_id:
            counts = idea_counts(self.store, self.session_id)
            self.counts.setText(
                self.ideas_line(
                    counts.by_persona.get(persona.id, 0),
                    persona.first_name,
                    counts.direct_by_persona.get(persona.id, 0),
                )
            )

    def ideas_line(self, ideas: int, name: str, direct: int) -> str:
        """« Dans cet atelier : 3 idées de Nadïa, dont 1 attribuée directement. », « … : aucune
        idée de Nadïa. » (it read « 3 idée(s) de Nadïa, dont 1 attribuée(s) directement »)."""
        if not ideas:
            return self.tr("Dans cet atelier : aucune idée de {}.").format(name)
        said = counted(ideas, self.tr("1 idée"), self.tr("{} idées"))
        attributed = counted(
            direct,
            self.tr("1 attribuée"),
            self.tr("{} attribuées"),
            none=self.tr("aucune attribuée"),
        )
        return self.tr("Dans cet atelier : {} de {}, dont {} directement.").format(
            said, name, attributed
        )

    def _pick_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self.colour.text() or "#455A64"), self)
        if colour.isValid():
            self.colour.setText(colour.name().upper())

    def _pick_photo(self) -> None:
        path = self.choose_image(self.tr("Choisir une photo"))
        if path is not None:
            self.set_photo(path)

    def _icon_labels(self) -> dict[str, str]:
        """The icons' names in the interface's language (qtawesome's are English)."""
        return {
            "fa5s.user": self.tr("Personne"),
            "fa5s.tractor": self.tr("Tracteur"),
            "fa5s.briefcase": self.tr("Mallette"),
            "fa5s.user-graduate": self.tr("Diplômé·e"),
            "fa5s.walking": self.tr("Marcheur·se"),
            "fa5s.bicycle": self.tr("Vélo"),
            "fa5s.suitcase-rolling": self.tr("Valise"),
            "fa5s.laptop-code": self.tr("Ordinateur"),
            "fa5s.user-nurse": self.tr("Soignant·e"),
            "fa5s.baby-carriage": self.tr("Poussette"),
            "fa5s.wheelchair": self.tr("Fauteuil roulant"),
            "fa5s.store": self.tr("Commerce"),
            "fa5s.hard-hat": self.tr("Casque de chantier"),
            "fa5s.fish": self.tr("Poisson"),
            "fa5s.chalkboard-teacher": self.tr("Enseignant·e"),
            "fa5s.user-tie": self.tr("Cravate"),
            "fa5s.palette": self.tr("Palette"),
            "fa5s.hiking": self.tr("Randonneur·se"),
            "fa5s.bus": self.tr("Bus"),
            "fa5s.home": self.tr("Maison"),
        }

    def _button(self, layout, icon_name: str, text: str, slot) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button
