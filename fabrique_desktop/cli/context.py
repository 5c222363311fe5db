"""What a command needs: the data folder, and the store opened on first use of it.

A command that writes owns the data folder while it runs (``claim``, ``db.owner``): a
second writer is refused with a message naming the owner, a second app opens read-only.
"""

from __future__ import annotations

import time

from db import migrations
from db.backups import MIGRATION_LABEL, Backups, backup_path, copy_database
from db.owner import FolderBusyError, FolderLock
from db.store import Store
from fabrique_desktop.demo_update import demo_changes, update_demo
from fabrique_desktop.logs import setup_logging
from fabrique_desktop.paths import DataDir, in_use
from fabrique_desktop.phase_columns import phase_changes, update_phases
from fabrique_desktop.settings import Settings
from fabrique_desktop.workspace import ensure_first_use, is_new

WAIT = 10.0  # seconds a short command waits for another short one to finish


APP = "l'application Fabrique"
IN_THE_APP = {  # a command refused beside the app: where the app does it
    "la commande « fabrique import »": "Fichier › Importer des notes… (Ctrl+I), ou "
    "« fabrique FICHIER », qui lui donne la copie.",
    "la commande « fabrique import-cards »": "Fichier › Importer des idées (CSV)…",
    "la commande « fabrique import-template »": "Méthode › Importer un modèle…",
    "la commande « fabrique restore »": "Fichier › Remettre une sauvegarde en place…",
    "la commande « fabrique phones »": "Animation › Ouvrir la salle aux téléphones (Ctrl+Shift+U).",
    "la commande « fabrique export »": "Fichier › Préparer une copie pour un preneur de notes…",
    "la commande « fabrique sync »": "Fichier › Partager la série par un relais…",
}


class Context:
    def __init__(self, data_dir: str | None) -> None:
        self.started = time.perf_counter()
        self.data_dir = DataDir.resolve(data_dir)
        setup_logging(self.data_dir.log_file)
        self.lock = FolderLock(self.data_dir.root)
        if self.data_dir.root not in in_use:  # no export over its database, backups, photos
            in_use.append(self.data_dir.root)
        # why this process may not write (another owns the folder), or None
        self.read_only: str | None = None
        self._store: Store | None = None
        self._backups: Backups | None = None

    def claim(self, what: str, *, long: bool = False) -> None:
        """Own the data folder as ``what`` for the rest of the command; ``long`` for the
        app and the phones' room (a short command does not wait for them). Refused beside
        the app, the message says where the app does the same."""
        try:
            self.lock.acquire(what, wait=WAIT, long=long)
        except FolderBusyError as busy:
            way = IN_THE_APP.get(what) if busy.owner.startswith(APP) else None
            if way is None:
                raise
            said = f"{busy} Ou, dans l'application ouverte : {way}"
            raise FolderBusyError(said, busy.owner) from None

    def claim_or_read_only(self, what: str) -> None:
        """Own the folder, or else work read-only, saying who owns it (a second app)."""
        try:
            self.claim(what, long=True)
        except FolderBusyError as busy:
            owner = busy.owner[:1].upper() + busy.owner[1:]
            self.read_only = (
                f"{owner} a déjà ce dossier de données ouvert (une seule fenêtre écrit à la fois)."
            )

    @property
    def store(self) -> Store:
        """The database, created with the built-in series on first use."""
        if self._store is None:
            store = Store.open(
                self.data_dir.database,
                read_only=self.read_only,
                before_migrating=self._before_migrating,
            )
            try:
                if not store.read_only and is_new(store):
                    self.claim("la création du dossier de données")
                    ensure_first_use(store)
                elif not store.read_only and (demo_changes(store) or phase_changes(store)):
                    self._update_demo(store)
            except BaseException:
                store.close()
                raise
            self._store = store
        return self._store

    def _update_demo(self, store: Store) -> None:
        """Bring a demo made by an earlier version up to date (``demo_update``) and give the
        series their phases' walls (``phase_columns``), when the folder can be owned now;
        else at a later start."""
        try:
            self.claim("la mise à jour de la démonstration")
        except FolderBusyError:
            return
        update_phases(store, store.apply)  # first: the demo's Valeurs work needs its wall
        update_demo(store, store.apply)  # the composition root: its store writes

    def _before_migrating(self, store: Store, pending: list[str]) -> None:
        """Own the folder, and copy a database made by an older version before its first
        migration (kept: the older app can still open the copy)."""
        self.claim("la mise à jour de la base de données")
        if store.fetchone("select 1 from sqlite_master where name = ?", [migrations.TABLE]):
            target = backup_path(self.data_dir.backups, f"{MIGRATION_LABEL}{pending[-1]}")
            copy_database(store.conn, target)

    @property
    def backups(self) -> Backups:
        if self._backups is None:
            self._backups = Backups(self.store, self.data_dir.backups)
        return self._backups

    @property
    def settings(self) -> Settings:
        return Settings(self.data_dir.settings)

    def close_store(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
        self._backups = None

    def close(self) -> None:
        self.close_store()
        self.lock.release()
