"""Backups of the database, made with SQLite's online backup API, and restoring one.

A backup is taken when a session opens, at most every ``MIN_INTERVAL`` seconds after, and
before every operation that changes much at once (an import, a restore, a template import,
the phones' room opened, each migration). Its name says when and why:
``fabrique-20261207-164200-123456-avant-import.db``. They are thinned by age (``thin``):
the newest ``KEEP`` always stay, then the oldest of each hour for a day and of each day for
a month (the state before a burst of operations survives the burst); those made before a
migration are never deleted.

Restoring (``restore``) never writes to the chosen file: it is copied, the copy checked
(SQLite's integrity and foreign-key checks, ours, not newer, not empty) and migrated, the
current database backed up, then the copy written into the database in one SQLite
transaction (the backup API), so that a crash leaves one or the other, whole.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
import time
from dataclasses import field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from db import errors, migrations
from db.store import APPLICATION_ID, SQLITE_HEADER, Store, _applied
from fabrique_desktop import disk
from fabrique_desktop.counting import said
from fabrique_desktop.errors import StorageError
from fabrique_desktop.quick_dataclass import quick_dataclass

KEEP = 8
MIN_INTERVAL = 600.0
PREFIX = "fabrique-"
STAMP = "%Y%m%d-%H%M%S-%f"
MIGRATION_LABEL = "avant-migration-"

# what a backup's label says, in French, for ``fabrique backups``
LABELS = {
    "": "automatique",
    "ouverture": "ouverture d'un atelier",
    "avant-import": "avant un import",
    "avant-import-idees": "avant un import d'idées",
    "avant-import-modele": "avant un import de modèle",
    "avant-restauration": "avant une remise en place",
    "avant-restauration-brut": "avant une remise en place (copie du fichier refusé)",
    "salle-telephones": "ouverture de la salle aux téléphones",
}


class Backups:
    def __init__(self, store: Store, folder: Path, keep: int = KEEP) -> None:
        self.store = store
        self.folder = folder
        self.keep = keep
        self._last = 0.0

    def take(self, label: str = "", *, thin: bool = True) -> Path:
        """Back up now, whatever the time since the last one. ``thin=False`` before an
        operation that may be refused: the backups are thinned only by ones that succeed."""
        target = backup_path(self.folder, label)
        copy_database(self.store.conn, target)
        self._last = time.monotonic()
        if thin:
            self.thin()
        return target

    def maybe_take(self) -> Path | None:
        """Back up if the last backup is older than ``MIN_INTERVAL`` seconds."""
        if self._last and time.monotonic() - self._last < MIN_INTERVAL:
            return None
        return self.take()

    def list(self) -> list[Path]:
        return list_backups(self.folder)

    def thin(self, now: datetime | None = None) -> None:
        for old in to_thin(self.list(), self.keep, now):
            with contextlib.suppress(OSError):
                old.unlink(missing_ok=True)


def backup_path(folder: Path, label: str) -> Path:
    stamp = datetime.now(UTC).strftime(STAMP)
    return folder / f"{PREFIX}{stamp}{'-' + label if label else ''}.db"


def copy_database(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of the database behind ``conn`` at ``target`` (written beside it
    and renamed: never a partial file under a backup's name)."""
    partial = target.with_suffix(".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(partial)
        try:
            conn.backup(dest)
        finally:
            dest.close()
        partial.replace(target)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise StorageError(
            f"Sauvegarde impossible dans « {target.parent} » : {disk.reason(error)}."
        ) from error
    except sqlite3.Error as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        if not errors.is_environment(error):
            raise
        cause = errors.folder_cause(partial)  # said of the backups' folder, not of a .part
        if cause == disk.FULL:
            raise StorageError(
                f"Le disque est plein : sauvegarde impossible dans « {target.parent} »."
            ) from error
        if cause is not None:
            raise StorageError(
                f"Sauvegarde impossible dans « {target.parent} » : {cause}."
            ) from error
        raise StorageError(f"Sauvegarde impossible : {errors.message(partial, error)}") from error


def taken_at(path: Path) -> datetime | None:
    """When a backup was taken, from its name (UTC)."""
    stamp = path.stem[len(PREFIX) : len(PREFIX) + 22]
    try:
        return datetime.strptime(stamp, STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def label_of(path: Path) -> str:
    return path.stem[len(PREFIX) + 23 :]


def to_thin(backups: list[Path], keep: int = KEEP, now: datetime | None = None) -> list[Path]:
    """The backups to delete: all but the newest ``keep``, those before a migration, and
    the oldest of each hour of the last day and of each day of the last month."""
    now = now or datetime.now(UTC)
    kept: set[Path] = set(backups[-keep:]) if keep else set()
    buckets: dict[tuple[str, str], Path] = {}
    for path in backups:  # oldest first: the first of a bucket is its oldest
        when = taken_at(path)
        if label_of(path).startswith(MIGRATION_LABEL) or when is None:
            kept.add(path)
            continue
        age = now - when
        if age <= timedelta(days=1):
            bucket = ("h", when.strftime("%Y%m%d%H"))
        elif age <= timedelta(days=31):
            bucket = ("d", when.strftime("%Y%m%d"))
        else:
            continue
        buckets.setdefault(bucket, path)
    kept.update(buckets.values())
    return [p for p in backups if p not in kept]


def list_backups(folder: Path) -> list[Path]:
    """Backups, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{PREFIX}*.db"))


# ---------------------------------------------------------------------------- what one holds


@quick_dataclass(frozen=True)
class Contents:
    """What a backup holds: its ateliers and how many ideas, votes, personas."""

    path: Path
    taken: datetime | None
    ateliers: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def describe(self) -> str:
        when = _when(self.taken)
        why = LABELS.get(label_of(self.path))
        if why is None and label_of(self.path).startswith(MIGRATION_LABEL):
            why = f"avant la mise à jour {label_of(self.path)[len(MIGRATION_LABEL) :]}"
        counts = ", ".join(said(n, *NOUNS[what]) for what, n in self.counts.items())
        ateliers = said(len(self.ateliers), "atelier", "ateliers", "aucun atelier")
        return f"{when} ({why or label_of(self.path)}) · {ateliers} · {counts}"


def _when(taken: datetime | None) -> str:
    return taken.astimezone().strftime("%d/%m/%Y %H:%M") if taken else "date inconnue"


COUNTED = (("idées", "cards"), ("votes", "votes"), ("personas", "personas"))
# each count's noun, singular and plural, and what is said when there is none
NOUNS = {
    "idées": ("idée", "idées", "aucune idée"),
    "votes": ("vote", "votes", "aucun vote"),
    "personas": ("persona", "personas", "aucun persona"),
}


def read_contents(conn: sqlite3.Connection, path: Path) -> Contents:
    """What the (checked, up-to-date) database behind ``conn`` holds."""
    ateliers = [
        f"n° {number} · {title}"
        for number, title in conn.execute(
            "select number, title from sessions where deleted_at is null order by number, title"
        )
    ]
    sql = "select count(*) from [{}] where deleted_at is null"
    counts = {what: conn.execute(sql.format(table)).fetchone()[0] for what, table in COUNTED}
    return Contents(path, taken_at(path) or _mtime(path), ateliers, counts)


def _mtime(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        return None


def peek(path: Path) -> Contents:
    """What a backup holds, read in place without writing anything (no copy, no check: for
    listing; ``check_candidate`` is what restoring trusts)."""
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                raise StorageError("ce n'est pas une sauvegarde de Fabrique")
            return read_contents(conn, path)
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise StorageError("illisible ou endommagée") from error


def describe_backup(path: Path) -> str:
    """One line for ``fabrique backups``: when, why, what it holds."""
    try:
        return peek(path).describe()
    except StorageError as error:
        return f"{_when(taken_at(path))} : {error}"


# ---------------------------------------------------------------------------- restoring


def check_candidate(candidate: Path, work: Path) -> tuple[Path, Contents]:
    """Copy ``candidate`` into ``work``, check and migrate the copy; the candidate itself is
    only read. Refuses (``StorageError``) an empty, damaged, foreign or newer file."""
    name = candidate.name
    try:
        size = candidate.stat().st_size
        with candidate.open("rb") as f:
            header = f.read(16)
    except OSError as error:
        raise StorageError(f"Impossible de lire « {candidate} » : {disk.reason(error)}.") from error
    if size == 0:
        raise StorageError(f"« {name} » est vide : ce n'est pas une sauvegarde de Fabrique.")
    if header != SQLITE_HEADER:
        raise StorageError(f"« {name} » n'est pas une sauvegarde de Fabrique.")
    copy = work / "candidate.db"
    try:
        shutil.copyfile(candidate, copy)
        wal = Path(f"{candidate}-wal")
        if wal.is_file():
            shutil.copyfile(wal, Path(f"{copy}-wal"))
    except OSError as error:
        raise StorageError(
            f"Impossible de copier « {name} » pour la vérifier : {disk.reason(error)}."
        ) from error
    damaged = f"La sauvegarde « {name} » est endommagée : elle n'a pas été remise en place."
    try:
        conn = sqlite3.connect(copy, isolation_level=None)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = conn.execute(
                "select count(*) from sqlite_master where type = 'table'"
            ).fetchone()[0]
            if not tables:
                raise StorageError(
                    f"« {name} » est vide : ce n'est pas une sauvegarde de Fabrique."
                )
            if app_id != APPLICATION_ID:
                raise StorageError(f"« {name} » n'est pas une sauvegarde de Fabrique.")
            if _applied(conn) - set(migrations.NAMES):
                raise StorageError(
                    f"La sauvegarde « {name} » a été faite par une version plus récente de "
                    "Fabrique : mettez Fabrique à jour pour la remettre en place."
                )
            if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
                raise StorageError(damaged)
        finally:
            conn.close()
        store = Store.open(copy)  # brings an older version's copy up to date (the copy only)
        try:
            if store.conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise StorageError(damaged)
            contents = read_contents(store.conn, candidate)
        finally:
            store.close()
    except sqlite3.Error as error:
        if not errors.is_environment(error):
            raise
        if errors.primary_code(error) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            raise StorageError(damaged) from error
        raise StorageError(errors.message(copy, error)) from error
    if not contents.ateliers:
        raise StorageError(f"La sauvegarde « {name} » ne contient aucun atelier.")
    return copy, contents


@quick_dataclass(frozen=True)
class Restored:
    contents: Contents
    safety: Path


def restore(candidate: Path, database: Path, backups_folder: Path) -> Restored:
    """Put ``candidate`` in place of ``database``. The caller owns the data folder
    (``db.owner``); nothing is written before the candidate is checked."""
    backups_folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".restoring-", dir=backups_folder))
    try:
        copy, contents = check_candidate(candidate, work)
        try:
            live = Store.open(database)
        except StorageError:  # the database itself is refused: set aside whole, then replaced
            live = None
        if live is not None:
            try:
                safety = Backups(live, backups_folder).take("avant-restauration", thin=False)
                install(copy, live)
            finally:
                live.close()
        else:
            safety = _set_aside(database, backups_folder)
            _swap(copy, database)
        return Restored(contents, safety)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def install(copy: Path, live: Store) -> None:
    """Write ``copy`` into the open database in one transaction (SQLite's backup API): other
    connections see the old data or the new, never a mix, and no file is renamed under them."""
    source = sqlite3.connect(copy, isolation_level=None)
    try:
        size = live.conn.execute("PRAGMA page_size").fetchone()[0]
        if source.execute("PRAGMA page_size").fetchone()[0] != size:
            # a database in WAL mode only takes pages of its own size: the copy (ours) is
            # rewritten with them first
            source.execute("PRAGMA journal_mode=DELETE")
            source.execute(f"PRAGMA page_size={int(size)}")
            source.execute("VACUUM")
        source.backup(live.conn)
    except sqlite3.Error as error:
        classified = live.classify(error)
        if classified is error:
            raise
        raise classified from error
    finally:
        source.close()
    live._columns.clear()
    live._tracked.clear()


def _set_aside(database: Path, folder: Path) -> Path:
    """A refused database (and its WAL) copied whole into the backups, as it is."""
    target = backup_path(folder, "avant-restauration-brut")
    try:
        if database.exists():
            shutil.copyfile(database, target)
        wal = Path(f"{database}-wal")
        if wal.exists():
            shutil.copyfile(wal, Path(f"{target}-wal"))
    except OSError as error:
        raise StorageError(
            f"Impossible de mettre de côté « {database.name} » : {disk.reason(error)}."
        ) from error
    return target


def _swap(copy: Path, database: Path) -> None:
    """Replace a refused database by ``copy``: its WAL removed first (an old WAL must never
    be read against the new file), then one rename."""
    partial = database.with_name(database.name + ".restoring")
    try:
        shutil.copyfile(copy, partial)
        with open(partial, "rb+") as f:
            os.fsync(f.fileno())
        for suffix in ("-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        partial.replace(database)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise StorageError(
            f"Impossible de remettre la sauvegarde en place : {disk.reason(error)}."
        ) from error
