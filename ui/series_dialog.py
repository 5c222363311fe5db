"""The base of the dialogs that edit one series (the persona deck, the booklet texts): the
store, the window's change bus that makes every edit one undo step, and the data folder's
media folder where an image the facilitator chooses is kept (a portrait, the logo)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from fabrique_desktop import media
from fabrique_desktop.model import Series
from fabrique_desktop.ports import Store
from ui.change_bus import ChangeBus


class SeriesDialog(QDialog):
    def __init__(
        self,
        store: Store,
        bus: ChangeBus,
        series: Series,
        media_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.bus = bus
        self.series = series
        self.media_dir = media_dir

    def choose_image(self, caption: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(
            self, caption, "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        return Path(path) if path else None

    def keep_image(
        self, source: Path, *, prefix: str, what: str, limit: int, caption: str
    ) -> str | None:
        """A copy of ``source`` in the media folder, named by its content; ``None`` when
        refused (not a PNG or JPEG, too heavy, unreadable), said in a message titled
        ``caption``."""
        if self.media_dir is None:
            return None
        try:
            return media.keep_image_file(
                self.media_dir, source, prefix=prefix, what=what, limit=limit
            )
        except media.ImageError as error:
            QMessageBox.warning(self, caption, str(error))
            return None
