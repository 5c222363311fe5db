"""Note-takers' copies in the « Fichier » menu: prepare a copy, import notes, settle conflicts.

The merge engine (``fabrique_desktop.sync``, pycrdt) is imported only when one of these
actions runs: start-up time is measured.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from fabrique_desktop.changes import Origin
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.paths import DataDir
from ui.count_words import counted

if TYPE_CHECKING:
    from fabrique_desktop.sync import MergeSummary
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


class NotesMenu(QObject):
    """Adds the note-takers' actions to a ``MainWindow``'s « Fichier » menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QWidget | None = None  # the last dialog or message shown (kept for tests)
        self.last_summary: MergeSummary | None = None
        self.last_refusal = ""  # why the last copy was refused (French, for the terminal)
        self.handout_action = self._action(
            self.tr("Préparer une copie pour un preneur de notes…"),
            "Ctrl+Shift+H",
            self.prepare_copy,
        )
        self.import_action = self._action(
            self.tr("Importer des notes…"), "Ctrl+I", self.import_notes
        )
        self.conflicts_action = self._action(
            self.tr("Conflits à trancher…"), "Ctrl+Shift+F", self.show_conflicts
        )
        menu = window.file_menu
        first = menu.actions()[1] if len(menu.actions()) > 1 else None
        menu.insertSeparator(first) if first else menu.addSeparator()
        for action in (self.handout_action, self.import_action, self.conflicts_action):
            menu.insertAction(first, action) if first else menu.addAction(action)
        self._apply_note_taker_table()

    @property
    def store(self):
        return self.window.store

    @property
    def session(self):
        return self.window.session

    def data_dir(self) -> DataDir | None:
        path = getattr(self.store, "path", None)
        return DataDir(Path(path).parent) if path else None

    def journal(self):
        from db.sync_store import SyncJournal

        return SyncJournal(self.store)

    # slots

    def prepare_copy(self) -> None:
        from fabrique_desktop.tables import session_tables
        from ui.handout_dialog import HandoutDialog

        dialog = HandoutDialog(
            self.session, session_tables(self.store, self.session.id), self.window
        )
        self.dialog = dialog
        if dialog.exec() != HandoutDialog.DialogCode.Accepted:
            return
        table, photos = dialog.table(), dialog.with_photos()
        suffix = ".fabrique" if photos else ".json"
        name = _file_name(self.session.title, table.number if table else None) + suffix
        start = str(Path.home() / name)
        kinds = (
            self.tr("Atelier Fabrique avec photos (*.fabrique)")
            if photos
            else self.tr("Atelier Fabrique (*.json)")
        )
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Enregistrer la copie"), start, kinds
        )
        if path:
            self.write_copy(Path(path), table, photos)

    def write_copy(self, target: Path, table, photos: bool) -> bool:
        """Write the copy (JSON, or zipped with the photos); False and a message on failure."""
        from exports.handout import write_handout

        handout = {"table_id": table.id, "table_number": table.number} if table else None
        data_dir = self.data_dir()
        try:
            write_handout(
                self.store,
                self.journal(),
                self.session,
                target,
                media_dir=data_dir.media if (photos and data_dir) else None,
                handout=handout,
                write=self.window.bus.writer(Origin.LOCAL, self.session.id),  # journal: unsaid
            )
        except FabriqueError as error:
            self._show(QMessageBox.Icon.Warning, str(error))
            return False
        self.window.statusBar().showMessage(
            self.tr("Copie enregistrée : {}").format(target.name), 8000
        )
        return True

    def import_notes(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Importer des notes"),
            str(Path.home()),
            self.tr("Ateliers Fabrique (*.fabrique *.json);;Tous les fichiers (*)"),
        )
        if path:
            self.import_path(Path(path))

    def counts(self, summary: MergeSummary) -> tuple[str, str, str]:
        """« 1 nouvelle », « 3 mises à jour », « aucun conflit »: an import's counts as one
        says them (and in English); it read « 1 nouvelle(s), 0 mise(s) à jour »."""

        return (
            counted(
                summary.new,
                self.tr("1 nouvelle"),
                self.tr("{} nouvelles"),
                none=self.tr("aucune nouvelle"),
            ),
            counted(
                summary.updated,
                self.tr("1 mise à jour"),
                self.tr("{} mises à jour"),
                none=self.tr("aucune mise à jour"),
            ),
            counted(
                summary.conflicts,
                self.tr("1 conflit"),
                self.tr("{} conflits"),
                none=self.tr("aucun conflit"),
            ),
        )

    def import_path(self, path: Path, follow: bool = True) -> bool:
        """Merge a copy into this laptop; shows the summary. False (and why) if refused.

        A copy of another atelier: its atelier is shown (``follow``), or this one stays
        (`fabrique --open ATELIER copie.fabrique`: the atelier asked for)."""
        from fabrique_desktop import sync, sync_undo

        data_dir = self.data_dir()
        media = data_dir.media if data_dir else path.parent / "media"
        journal = self.journal()
        self.window.back_up_before("avant-import")
        try:
            write = self.window.bus.writer(Origin.IMPORT, self.session.id)  # and announced
            done = sync_undo.import_undoable(
                self.store, journal, path, media, self.session.id, write
            )
        except FabriqueError as error:
            self.last_refusal = str(error)
            self._show(QMessageBox.Icon.Warning, str(error))
            return False
        summary, parsed = done.summary, done.parsed
        self.last_summary = summary
        settings = getattr(self.window, "settings", None)
        table = sync.remember_note_taker(settings, parsed, summary) if settings else None
        text = self.tr("Notes importées dans « {} » : {}, {}, {}.").format(
            parsed.session.title, *self.counts(summary)
        )
        if summary.renamed_series:
            text += "\n\n" + self.tr(
                "Cet ordinateur a déjà une autre série « {} » : celle de la copie est "
                "enregistrée ici sous « {} »."
            ).format(parsed.series.title, summary.renamed_series)
        if table is not None:
            text += "\n\n" + self.tr(
                "Copie de preneur de notes : les idées saisies ici iront à la table {}."
            ).format(table)
        if summary.conflicts:
            text += "\n\n" + self.tr(
                "Des idées ont été modifiées des deux côtés : Fichier › Conflits à trancher."
            )
        if parsed.session.id == self.session.id and done.change:
            text += "\n\n" + self.tr(
                "Édition › Annuler (Ctrl+Z) retire ces notes de cet atelier ; le retrait ira "
                "aussi aux autres ordinateurs à la prochaine fusion."
            )
        if parsed.session.id == self.session.id:
            # the ideas it added (the bus has shown them already: the write announced them)
            added = {e.id for e in done.change.edits if e.kind == "cards" and e.before is None}
            if done.change:
                self._push_import(done)
            self.refresh()
            new = [c.id for c in self.window.scene.notes.all_cards() if c.id in added]
            self.window.board_actions.select_and_show(new)  # the keyboard is the board's
            box = self._show(QMessageBox.Icon.Information, text)
            if summary.conflicts:
                box.finished.connect(lambda _result: self.show_conflicts())
        elif not follow:
            self._show(QMessageBox.Icon.Information, text)
        elif self.window.request_session(parsed.session.id):
            # this window is replaced by the imported atelier's: the summary is shown there
            successor = getattr(self.window, "successor", None)  # set by FabriqueApp
            shown_by = getattr(successor, "notes_menu", None) or self
            self.dialog = shown_by._show(QMessageBox.Icon.Information, text)
        else:  # this window serves the room and the user stays on it
            text += "\n\n" + self.tr(
                "« {} » n'est pas ouvert : cet atelier reste à l'écran. Ouvrez-le quand vous "
                "voudrez (Fichier › Ateliers et séries…)."
            ).format(parsed.session.title)
            self._show(QMessageBox.Icon.Information, text)
        return True

    def show_conflicts(self) -> None:
        from ui.conflicts_dialog import ConflictsDialog

        dialog = ConflictsDialog(self.journal(), self.session, self.window, self.window.bus)
        self.dialog = dialog
        dialog.open()

    def refresh(self) -> None:
        """Show the rows a merge rewrote. The undo history is kept: the import is the newest
        step, so the steps before it can only be undone after it (on the rows as they were)."""
        self.window.board_actions.open(self.window.controller.opening())

    def _push_import(self, done) -> None:
        from ui.sync_commands import ImportCommand

        bus = self.window.bus
        bus.remember(ImportCommand(bus, done, self._tell))  # already merged and announced

    # private

    def _tell(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 15000)

    def _apply_note_taker_table(self) -> None:
        from fabrique_desktop.sync import note_taker_table

        settings = getattr(self.window, "settings", None)
        table = note_taker_table(settings, self.session.id) if settings else None
        board_actions = getattr(self.window, "board_actions", None)
        if table is not None and board_actions is not None:
            board_actions.default_table = table
            self.window.statusBar().showMessage(
                self.tr("Copie de preneur de notes : vos idées vont à la table {}.").format(table),
                10000,
            )

    def _action(self, text: str, shortcut: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def _show(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        if icon == QMessageBox.Icon.Warning:
            log.warning("refused: %s", text)
        box = QMessageBox(icon, self.tr("Fabrique"), text, parent=self.window)
        box.setStyleSheet("font-size: 13pt;")
        self.dialog = box
        box.open()
        return box


def _file_name(title: str, table: int | None) -> str:
    base = re.sub(r"[^\w\- ]+", "", title, flags=re.UNICODE).strip() or "atelier"
    return f"{base} - table {table}" if table else f"{base} - copie"
