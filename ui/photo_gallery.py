"""Photos of the paper boards and flip charts of the session, in a gallery.

Images are read with ``QImageReader`` scaled down while decoding (a 24-megapixel phone
photo is never loaded at full size); an image that cannot be read shows a French message
in place of its thumbnail.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QIcon,
    QImage,
    QImageReader,
    QKeySequence,
    QPainter,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop import photos
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Session
from fabrique_desktop.photos import Photo
from fabrique_desktop.ports import Store
from ui import facilitation_style as style
from ui.change_writer import Writer, unwired

THUMB = QSize(280, 210)
PREVIEW = QSize(1600, 1000)
ID_ROLE = Qt.ItemDataRole.UserRole


def read_scaled(path: Path | None, box: QSize) -> tuple[QImage | None, str]:
    """The image at ``path`` scaled to fit ``box`` while decoding; or a French reason.
    ``None``: no file of the media folder has the photo's name (``photos.path``)."""
    if path is None or not path.exists():
        return None, QCoreApplication.translate("PhotoGallery", "Fichier de la photo introuvable.")
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > box.width() or size.height() > box.height()):
        reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return None, QCoreApplication.translate(
            "PhotoGallery", "Image illisible (fichier abîmé ou format non reconnu)."
        )
    return image, ""


def placeholder(text: str, box: QSize) -> QPixmap:
    pixmap = QPixmap(box)
    pixmap.fill(QColor(style.PAPER))
    painter = QPainter(pixmap)
    painter.setPen(QColor(style.ERROR))
    font = painter.font()
    font.setPixelSize(20)
    painter.setFont(font)
    painter.drawRect(pixmap.rect().adjusted(0, 0, -1, -1))
    painter.drawText(
        pixmap.rect().adjusted(10, 10, -10, -10),
        int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
        text,
    )
    painter.end()
    return pixmap


class PhotoGallery(QDialog):
    """The session's photos: add, caption, remove; each a change written by ``write``."""

    def __init__(
        self, store: Store, session: Session, media_dir: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.write: Writer = unwired  # the window's bus, set by its feature
        self.store = store
        self.session = session
        self.media_dir = media_dir
        self.setWindowTitle(self.tr("Photos de l'atelier"))
        style.projector(self)
        self.grid = QListWidget()
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setIconSize(THUMB)
        self.grid.setGridSize(THUMB + QSize(30, 70))
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setWordWrap(True)
        self.grid.setAccessibleName(self.tr("Photos"))
        self.grid.currentItemChanged.connect(self._current_changed)
        self.grid.itemActivated.connect(self._preview)
        self.caption = QLineEdit()
        self.caption.setPlaceholderText(self.tr("Légende de la photo, puis Entrée"))
        self.caption.setAccessibleName(self.tr("Légende"))
        self.caption.returnPressed.connect(self._save_caption)
        self.message = style.label("", "message")
        self.message.hide()
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.hide()
        self.preview.setStyleSheet("background: #111111;")
        self.preview.mousePressEvent = lambda _event: self._close_preview()  # type: ignore[method-assign]
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Ajouter des photos… (Ctrl+O)"), self.choose_files),
            (self.tr("Agrandir (Entrée)"), self._preview),
            (self.tr("Retirer"), self._remove),
            (self.tr("Fermer"), self.close),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        QShortcut(QKeySequence("Ctrl+O"), self, self.choose_files)
        QShortcut(QKeySequence("Delete"), self.grid, self._remove)
        QShortcut(QKeySequence("Escape"), self.preview, self._close_preview)
        layout = QVBoxLayout(self)
        layout.addWidget(style.label(self.tr("Photos des tableaux et paperboards"), "title"))
        layout.addWidget(self.message)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.caption)
        layout.addLayout(buttons)
        self._icons: dict[str, QIcon] = {}
        self._caption_of: str | None = None  # the photo whose caption the field shows
        self._typed = False  # the field edited by the user since it showed that caption
        self.caption.textEdited.connect(lambda _text: setattr(self, "_typed", True))
        self.resize(1200, 700)
        style.no_default_button(self)
        self.refresh()

    # public

    def add_files(self, paths: list[Path]) -> list[str]:
        """Add photos; returns the French messages of the files refused."""
        refused = []
        for path in paths:
            try:
                change = photos.add(self.store, self.media_dir, self.session.id, Path(path))
            except FabriqueError as error:
                refused.append(str(error))
                continue
            self.write(change)
        self._show_message("\n".join(refused))
        return refused

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Ajouter des photos"),
            str(Path.home()),
            self.tr("Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)"),
        )
        if names:
            self.add_files([Path(n) for n in names])

    def refresh(self) -> None:
        current = self.grid.currentItem().data(ID_ROLE) if self.grid.currentItem() else None
        self.grid.clear()
        for photo in photos.photos(self.store, self.session.id):
            item = QListWidgetItem(self._icon(photo), photo.caption)
            item.setData(ID_ROLE, photo.id)
            item.setToolTip(photo.original_name or photo.file_name)
            self.grid.addItem(item)
            if photo.id == current:
                self.grid.setCurrentItem(item)
        if self.grid.currentItem() is None and self.grid.count():
            self.grid.setCurrentRow(0)

    def current_photo(self) -> Photo | None:
        item = self.grid.currentItem()
        return self.store.get(Photo, item.data(ID_ROLE)) if item else None

    # private

    def _icon(self, photo: Photo) -> QIcon:
        if photo.file_name not in self._icons:
            image, reason = read_scaled(photos.path(self.media_dir, photo), THUMB)
            pixmap = QPixmap.fromImage(image) if image is not None else placeholder(reason, THUMB)
            self._icons[photo.file_name] = QIcon(pixmap)
        return self._icons[photo.file_name]

    def save_pending_caption(self) -> None:
        """A caption typed without Enter is kept when its photo is left for another, the
        gallery closes (« Fermer », Échap) or its window goes: it was silently dropped."""
        photo = self.store.get(Photo, self._caption_of) if self._caption_of else None
        if photo is None or photo.deleted or not self._typed:  # typed, not shown (an undo)
            return
        self._typed = False
        if self.caption.text().strip() != photo.caption:
            self.write(photos.edit_caption(photo, self.caption.text()))

    # Qt overrides

    def done(self, result: int) -> None:  # Échap
        self.save_pending_caption()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # « Fermer », the title bar's ✕
        self.save_pending_caption()
        super().closeEvent(event)

    def _current_changed(self) -> None:
        self.save_pending_caption()  # the caption typed for the photo left
        photo = self.current_photo()
        self._caption_of = photo.id if photo else None
        self.caption.setText(photo.caption if photo else "")
        self._typed = False

    def _save_caption(self) -> None:
        photo = self.current_photo()
        self._typed = False
        if photo is not None:
            self.write(photos.edit_caption(photo, self.caption.text()))

    def _remove(self) -> None:
        photo = self.current_photo()
        if photo is not None:
            self.write(photos.remove(photo))

    def _preview(self) -> None:
        photo = self.current_photo()
        if photo is None:
            return
        box = self.grid.size().boundedTo(PREVIEW)
        image, reason = read_scaled(photos.path(self.media_dir, photo), box)
        if image is None:
            self._show_message(reason)
            return
        self.preview.setPixmap(QPixmap.fromImage(image))
        self.grid.hide()
        self.preview.show()
        self.preview.setFocus()

    def _close_preview(self) -> None:
        self.preview.hide()
        self.grid.show()
        self.grid.setFocus()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
