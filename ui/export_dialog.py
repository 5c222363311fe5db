"""File → Export: the atelier as a PDF report, a board image, CSV, Markdown, Decidim or a
bundle, or the series' synthesis booklet. Long exports show their progress; at the end the
file can be opened at once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.model import Series, Session
from fabrique_desktop.paths import DataDir
from fabrique_desktop.ports import Store, Write
from fabrique_desktop.typography import LANGUAGES, language

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Format:
    key: str
    label: str
    extension: str
    threaded: bool = True  # False: must run on the GUI thread (Qt drawing)


def formats() -> list[Format]:
    return [
        Format(
            "pdf", QCoreApplication.translate("ExportDialog", "Rapport de l’atelier (PDF)"), "pdf"
        ),
        Format(
            "png",
            QCoreApplication.translate("ExportDialog", "Image du tableau (PNG)"),
            "png",
            threaded=False,
        ),
        Format(
            "csv", QCoreApplication.translate("ExportDialog", "Idées pour un tableur (CSV)"), "csv"
        ),
        Format(
            "md", QCoreApplication.translate("ExportDialog", "Rapport en texte (Markdown)"), "md"
        ),
        Format(
            "decidim",
            QCoreApplication.translate("ExportDialog", "Propositions pour Decidim (CSV)"),
            "csv",
        ),
        Format(
            "json",
            QCoreApplication.translate(
                "ExportDialog", "Atelier complet, pour un autre ordinateur (JSON)"
            ),
            "json",
            threaded=False,
        ),
        Format(
            "series",
            QCoreApplication.translate("ExportDialog", "Synthèse de la série (PDF)"),
            "pdf",
        ),
    ]


def safe_file_name(title: str) -> str:
    kept = "".join(c if c.isalnum() or c in " -_—()'’" else " " for c in title)
    return " ".join(kept.split()) or "export"


class ExportWorker(QThread):
    """Runs one export off the GUI thread.

    Signals:
        progressed(int, int): work done, out of a total.
        succeeded(str): the file written.
        failed(str): a French message.
    """

    progressed = Signal(int, int)
    succeeded = Signal(str)
    failed = Signal(str)

    def __init__(self, job: Callable[[Progress], None], target: Path) -> None:
        super().__init__()
        self.job = job
        self.target = target

    def run(self) -> None:
        try:
            self.job(self.progressed.emit)
        except FabriqueError as error:
            self.failed.emit(str(error))
        except Exception:
            log.exception("export to %s failed", self.target)
            self.failed.emit(
                self.tr("L’export a échoué à cause d’une erreur inattendue ; rien n’a été écrit.")
            )
        else:
            self.succeeded.emit(str(self.target))


class ExportDialog(QDialog):
    """Choose a format, a file; follow the progress; open the result.

    Signals:
        exported(str): a file was written (its path).
        export_failed(str): an export was refused or failed (a French message).
    """

    exported = Signal(str)
    export_failed = Signal(str)

    def __init__(
        self,
        store: Store,
        session: Session,
        parent: QWidget | None = None,
        language: str = "fr",
        write: Write | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.session = session
        self.write = write
        """The window's bus's writer: a copy's catching-up of the session document goes there."""
        self.language = language if language in LANGUAGES else "fr"
        self.decidim_note = ""  # what a Decidim file of joint pistes leaves to another
        """The documents' language: the interface's (the settings'), as the CLI's default."""
        self.worker: ExportWorker | None = None
        self.last_file: Path | None = None
        self.more_pages: list[Path] = []  # the board image's other pages (tableau-2.png…)
        self.setWindowTitle(self.tr("Exporter « {} »").format(session.title))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Que voulez-vous exporter ?")))
        self.list = QListWidget()
        self.formats = formats()
        for fmt in self.formats:
            self.list.addItem(QListWidgetItem(fmt.label))
        self.list.setCurrentRow(0)
        self.list.currentRowChanged.connect(self._format_changed)
        self.list.itemActivated.connect(lambda _item: self.choose_file())
        layout.addWidget(self.list)
        delimiter_row = QHBoxLayout()
        self.delimiter_label = QLabel(self.tr("Séparateur :"))
        self.delimiter = QComboBox()
        self.delimiter.addItem(self.tr("point-virgule « ; » (Excel en français)"), ";")
        self.delimiter.addItem(self.tr("virgule « , »"), ",")
        self.delimiter_label.setBuddy(self.delimiter)
        delimiter_row.addWidget(self.delimiter_label)
        delimiter_row.addWidget(self.delimiter, 1)
        layout.addLayout(delimiter_row)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Ouvrir le fichier"))
        self.open_button.setVisible(False)
        self.open_button.clicked.connect(self.open_file)
        self.folder_button = QPushButton(self.tr("Ouvrir le dossier"))
        self.folder_button.setVisible(False)
        self.folder_button.clicked.connect(self.open_folder)
        self.export_button = QPushButton(self.tr("Exporter…"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.choose_file)
        self.close_button = QPushButton(self.tr("Fermer"))
        self.close_button.clicked.connect(self.reject)
        for button in (self.open_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.choose_file)
        self._format_changed(0)

    @property
    def current_format(self) -> Format:
        return self.formats[max(0, self.list.currentRow())]

    def select_format(self, key: str) -> None:
        for row, fmt in enumerate(self.formats):
            if fmt.key == key:
                self.list.setCurrentRow(row)

    def suggested_path(self) -> Path:
        fmt = self.current_format
        if fmt.key == "series":
            series = self.store.get(Series, self.session.series_id)
            name = self.tr("Synthèse — {}").format(series.title if series else "")
        elif fmt.key == "decidim":
            name = self.tr("{} — propositions Decidim").format(self.session.title)
        else:
            name = self.session.title
        folder = Path.home() / "Documents"
        if not folder.is_dir():
            folder = Path.home()
        return folder / f"{safe_file_name(name)}.{fmt.extension}"

    def choose_file(self) -> None:
        fmt = self.current_format
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Enregistrer sous"),
            str(self.suggested_path()),
            f"*.{fmt.extension}",
        )
        if path:
            target = Path(path)
            if not target.suffix:
                target = target.with_suffix(f".{fmt.extension}")
                # the file dialog asked about the name typed, not the one completed here
                if target.exists() and not self._replace_confirmed(target):
                    return
            self.export_to(target)

    def _replace_confirmed(self, target: Path) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Remplacer le fichier ?"),
            self.tr("« {} » existe déjà dans « {} ». Le remplacer ?").format(
                target.name, target.parent
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def export_to(self, target: Path) -> None:
        """Export the chosen format to ``target`` (in a thread when it can)."""
        if self.worker is not None and self.worker.isRunning():
            return
        fmt = self.current_format
        self.open_button.setVisible(False)
        self.folder_button.setVisible(False)
        self.status.setText(self.tr("Export en cours…"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.export_button.setEnabled(False)
        try:
            job = self._job(fmt, target)
        except FabriqueError as error:
            self._failed(str(error))
            return
        if not fmt.threaded:  # Qt drawing: on this thread, the status and a busy pointer shown
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                job(lambda done, total: None)
            except FabriqueError as error:
                self._failed(str(error))
            else:
                self._succeeded(str(target))
            finally:
                QApplication.restoreOverrideCursor()
            return
        self.worker = ExportWorker(job, target)
        self.worker.progressed.connect(self._progressed)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.start()

    def open_file(self) -> None:
        if self.last_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_file)))

    def open_folder(self) -> None:
        if self.last_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_file.parent)))

    # private

    def _media_dir(self) -> Path | None:
        path = getattr(self.store, "path", None)
        return DataDir(Path(path).parent).media if path else None

    def _job(self, fmt: Format, target: Path) -> Callable[[Progress], None]:
        """What the export does, in the documents' language (read now and written then)."""
        chosen = self.language
        with language(chosen):
            job = self._report_job(fmt, target)

        def in_language(progress: Progress) -> None:
            with language(chosen):
                job(progress)

        return in_language

    def _report_job(self, fmt: Format, target: Path) -> Callable[[Progress], None]:
        """What the export does, with the store read now, on the GUI thread."""
        from fabrique_desktop.report import gather_series, gather_session

        if fmt.key == "png":
            from ui.board_image import write_board_png

            def board(progress: Progress) -> None:
                self.more_pages = write_board_png(self.store, self.session, target)[1:]

            return board
        if fmt.key == "json":
            return self._bundle_job(target)
        if fmt.key == "series":
            from exports.series_report import write_series_pdf

            series = self.store.get(Series, self.session.series_id)
            if series is None:
                raise FabriqueError(self.tr("La série de cet atelier est introuvable."))
            data = gather_series(self.store, series, media_dir=self._media_dir())
            return lambda progress: write_series_pdf(data, target, progress)
        report = gather_session(self.store, self.session, media_dir=self._media_dir())
        if fmt.key == "pdf":
            from exports.session_report import write_session_pdf

            return lambda progress: write_session_pdf(report, target, progress)
        if fmt.key == "csv":
            from exports.csv_export import write_session_csv

            delimiter = self.delimiter.currentData()
            return lambda progress: write_session_csv(report, target, delimiter)
        if fmt.key == "md":
            from exports.markdown import write_session_markdown

            return lambda progress: write_session_markdown(report, target)
        from exports.decidim import elsewhere_note, write_decidim_csv

        self.decidim_note = elsewhere_note(report)  # joint pistes left to another file
        return lambda progress: write_decidim_csv(report, target)

    def _bundle_job(self, target: Path) -> Callable[[Progress], None]:
        from db.store import Store as Database
        from db.sync_store import SyncJournal
        from exports.handout import write_handout

        store, session = cast(Database, self.store), self.session  # the app's store is db's
        if self.write is not None:  # the document catches up here, through the window's bus;
            from fabrique_desktop.sync import SessionSync  # the job's own catching-up then

            SessionSync(store, SyncJournal(store), session.id, self.write).flush()  # finds nothing

        def job(progress: Progress) -> None:
            write_handout(store, SyncJournal(store), session, target)

        return job

    def _format_changed(self, row: int) -> None:
        is_csv = self.current_format.key == "csv"
        self.delimiter.setVisible(is_csv)
        self.delimiter_label.setVisible(is_csv)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _succeeded(self, path: str) -> None:
        self.last_file = Path(path)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.export_button.setEnabled(True)
        status = self.tr("Exporté : {}").format(path)
        if self.more_pages:  # a large board: one image per page, cut between cards
            status += self.tr(" (et {} autres images : {} … {})").format(
                len(self.more_pages), self.more_pages[0].name, self.more_pages[-1].name
            )
            self.more_pages = []
        if self.decidim_note:  # the pistes of ateliers 3 et 4 are in atelier 3's file
            status += "\n" + self.decidim_note
            self.decidim_note = ""
        self.status.setText(status)
        self.open_button.setVisible(True)
        self.folder_button.setVisible(True)
        self.open_button.setFocus()
        self.exported.emit(path)

    def _failed(self, message: str) -> None:
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)
        self.status.setText(message)
        self.export_failed.emit(message)

    def reject(self) -> None:
        if self.worker is not None and self.worker.isRunning():
            self.worker.wait()
        super().reject()
