"""« À propos de Fabrique » (Aide menu): version, licence, the fonts and libraries shipped with
their licences, and where the data and the log are (with buttons to open those folders)."""

from __future__ import annotations

import platform
from html import escape
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop import about
from fabrique_desktop.paths import DataDir


class AboutDialog(QDialog):
    def __init__(self, data_dir: DataDir | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("À propos de Fabrique"))
        self.resize(760, 620)
        self.data_dir = data_dir
        header = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(QApplication.windowIcon().pixmap(QSize(96, 96)))
        header.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        title = QLabel(self.heading())
        title.setWordWrap(True)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header.addWidget(title, 1)
        self.details = QTextBrowser()
        self.details.setOpenExternalLinks(False)
        self.details.setHtml(self.licences())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        if data_dir is not None:
            data = QPushButton(self.tr("Ouvrir le dossier des données"))
            data.clicked.connect(lambda: self.open_folder(data_dir.root))
            logs = QPushButton(self.tr("Ouvrir le dossier du journal"))
            logs.clicked.connect(lambda: self.open_folder(data_dir.log_file.parent))
            for button in (data, logs):
                buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def version_line(self) -> str:
        """« Fabrique 0.1.0 — installation depuis les sources, Python 3.11.7, Qt 6.11.3 », in
        the app's language (about.version_line is the CLI's, in French)."""
        kind = (
            self.tr("application autonome")
            if about.frozen()
            else self.tr("installation depuis les sources")
        )
        return self.tr("Fabrique {} — {}, Python {}, Qt {}").format(
            about.__version__, kind, platform.python_version(), qVersion()
        )

    def heading(self) -> str:
        lines = [
            f"<h2>Fabrique {escape(about.__version__)}</h2>",
            escape(self.tr("Ateliers participatifs hors ligne, au vidéoprojecteur.")),
            "<br>" + escape(self.tr("Licence : {}").format(about.APP_LICENCE)),
            "<br><small>" + escape(self.version_line()) + "</small>",
        ]
        if self.data_dir is not None:
            lines += [
                "<br><br>" + escape(self.tr("Données : {}").format(self.data_dir.root)),
                "<br>" + escape(self.tr("Journal : {}").format(self.data_dir.log_file)),
            ]
        return "".join(lines)

    def licences(self) -> str:
        def table(rows: list[about.Shipped]) -> str:
            cells = "".join(
                f"<tr><td>{escape(r.name)}</td><td>{escape(r.version)}</td>"
                f"<td>{escape(r.licence)}</td></tr>"
                for r in rows
            )
            return f"<table cellpadding='3'>{cells}</table>"

        libraries = about.libraries()
        libraries.insert(1, about.Shipped("Qt (PySide6)", qVersion(), "LGPL-3.0-only"))
        # each heading's tr() outside the f-string: lupdate does not read inside one
        fonts, shipped = self.tr("Polices livrées"), self.tr("Bibliothèques livrées")
        return (
            f"<h3>{escape(fonts)}</h3>{table(list(about.FONTS))}"
            f"<h3>{escape(shipped)}</h3>{table(libraries)}"
            "<p>"
            + escape(
                self.tr(
                    "Les textes des licences sont livrés avec Fabrique : resources/fonts pour "
                    "les polices, les dossiers *.dist-info pour les bibliothèques. Qt est "
                    "utilisé sous la LGPL 3 : ses bibliothèques sont des fichiers séparés, "
                    "remplaçables."
                )
            )
            + "</p>"
        )

    def open_folder(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
