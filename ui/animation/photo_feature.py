"""The session's photos (paper boards, the room): the gallery (Ctrl+Shift+I)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from fabrique_desktop.changes import Change, Origin
from fabrique_desktop.paths import DataDir
from ui.animation.context import FeatureContext

if TYPE_CHECKING:
    from ui.photo_gallery import PhotoGallery


class PhotoFeature(QObject):
    def __init__(self, context: FeatureContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.gallery: PhotoGallery | None = None
        context.bus.changed.connect(self._on_changed)

    def show(self) -> None:
        if self.gallery is None:
            from ui.photo_gallery import PhotoGallery

            context = self.context
            self.gallery = PhotoGallery(
                context.store, context.session, self.media_dir(), context.window
            )
            self.gallery.write = context.bus.push
        self.gallery.show()
        self.gallery.raise_()
        self.gallery.activateWindow()

    def media_dir(self) -> Path:
        path = getattr(self.context.store, "path", None)
        root = Path(path).parent if path else Path.home() / ".fabrique-media"
        return DataDir(root).media

    def _on_changed(self, change: Change, origin: Origin) -> None:
        if self.gallery is not None and any(e.kind == "photos" for e in change.edits):
            self.gallery.refresh()
