"""Renders resources/icons/fabrique.svg to the PNG sizes the app and the systems use.

Run it after changing the SVG: `.venv/bin/python standalone/make_icons.py`. The PNGs are
committed (the app loads one for its window; platforms.py packs them into .ico/.icns), so
that neither the app nor the build needs Qt's SVG module.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts and image plugins need it)
    renderer = QSvgRenderer(str(ICONS / "fabrique.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"fabrique-{size}.png"), "PNG", 9)
    return 0


if __name__ == "__main__":
    sys.exit(main())
