"""The store: one SQLite database (WAL, foreign keys on) behind the core's ``Store`` port.

Every change commits in one transaction before the call returns, so that what the UI
shows next is already on disk. A file that is not a Fabrique database, or one written by
a newer version, is refused without being modified. The schema is made by sqlite-utils
migrations (``db.migrations``); day-to-day reads and writes use ``sqlite3`` directly.
"""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from db import errors, migrations
from db.codec import decode, decode_field, decode_rows, encode, field_codecs
from fabrique_desktop import disk
from fabrique_desktop.changes import Change, Edit, Mode
from fabrique_desktop.errors import StorageError
from fabrique_desktop.model import ENTITY_TYPES, Entity, utc_now
from fabrique_desktop.ports import Filled

log = logging.getLogger(__name__)

E = TypeVar("E", bound=Entity)

APPLICATION_ID = 0x46414252  # "FABR", written in the SQLite header of every Fabrique database
SQLITE_HEADER = b"SQLite format 3\x00"


def _dict_row(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> dict[str, Any]:
    return {d[0]: v for d, v in zip(cursor.description, row, strict=True)}


class Store:
    """A Fabrique database. Open with ``Store.open(path)``; close with ``close()``."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        self._depth = 0
        self._columns: dict[str, set[str]] = {}
        self._tracked: dict[str, bool] = {}
        self._upserts: dict[tuple[str, tuple[str, ...]], str] = {}
        self._written: dict[str, int] = {}
        """Rows of each kind written through this store (``written``)."""
        self._rollbacks = 0
        self._version_in_transaction: int | None = None
        # why nothing can be written (disk full, read-only folder…), or None: writes are allowed
        self.read_only: str | None = None

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        read_only: str | None = None,
        before_migrating: Callable[[Store, list[str]], None] | None = None,
    ) -> Store:
        """Open (or create) the database; a file that cannot be written but can be read (disk
        full, read-only mount, no rights) is opened read-only: ``read_only`` then says why.

        ``read_only`` given opens it read-only for that reason (another process owns the
        folder). ``before_migrating(store, pending)`` is called before any migration (and
        before the first one of a new database): to own the folder, and to copy the file."""
        path = Path(path)
        _refuse_foreign_or_newer(path)
        if read_only is not None and _has_data(path):
            return cls._open_read_only(path, read_only)
        conn: sqlite3.Connection | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=5000")
            store = cls(conn, path)
            pending = store.pending_migrations()
            if pending and before_migrating is not None:
                before_migrating(store, pending)
            store.migrate(pending)
        except sqlite3.Error as error:
            if conn is not None:
                conn.close()
            if not errors.is_environment(error):
                raise
            reason = errors.message(path, error)
            if not errors.cannot_write(error) or not _has_data(path):
                raise StorageError(reason) from error
            log.warning("opening %s read-only: %s (%s)", path, reason, error.sqlite_errorname)
            return cls._open_read_only(path, reason)
        except OSError as error:
            if conn is not None:
                conn.close()
            raise StorageError(
                f"Impossible de créer la base de données dans « {path.parent} » : "
                f"{disk.reason(error)}."
            ) from error
        except BaseException:
            if conn is not None:
                conn.close()
            raise
        return store

    @classmethod
    def _open_read_only(cls, path: Path, reason: str) -> Store:
        conn = _connect_read_only(path, reason)
        store = cls(conn, path)
        store.read_only = reason
        if set(migrations.NAMES) - _applied(conn):
            conn.close()
            raise StorageError(
                f"{reason} Cette base doit être mise à jour par cette version de Fabrique "
                "avant d'être ouverte, ce qui demande d'y écrire."
            )
        return store

    @classmethod
    def in_memory(cls) -> Store:
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA foreign_keys=ON")
        store = cls(conn, None)
        store.migrate()
        return store

    def pending_migrations(self) -> list[str]:
        applied = _applied(self.conn)
        return [name for name in migrations.NAMES if name not in applied]

    def migrate(self, pending: list[str] | None = None) -> None:
        """Apply pending migrations (importing sqlite-utils only if there are any).

        Each migration runs in its own transaction with its version stamp (and, for a new
        database, the application id): a migration cut short (``kill -9``, power cut) leaves
        the database as it was before it, and the next open applies it again whole."""
        if pending is None:
            pending = self.pending_migrations()
        if pending:
            from sqlite_utils import Database

            db = Database(self.conn)
            for name in pending:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    if name in _applied(self.conn):  # another process applied it meanwhile
                        self.conn.execute("COMMIT")
                        continue
                    migrations.ensure_table(db)
                    migrations.step(name)(db)
                    self.conn.execute(
                        f"insert into [{migrations.TABLE}] (migration_set, name, applied_at) "
                        "values (?, ?, ?)",
                        [migrations.SET_NAME, name, utc_now()],
                    )
                    self.conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
                    self.conn.execute("COMMIT")
                except BaseException:
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise
            self._columns.clear()
            self._tracked.clear()
        if self.conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            self.conn.execute(f"PRAGMA application_id={APPLICATION_ID}")

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """A transaction; nested uses join the outer one."""
        outer = self._depth == 0
        try:
            if outer:
                self.conn.execute("BEGIN" if self.read_only else "BEGIN IMMEDIATE")
                self._version_in_transaction = None
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            if outer:
                self.conn.execute("COMMIT")
        except sqlite3.Error as error:
            if outer:
                self._rollback()
            classified = self.classify(error)
            if classified is error:
                raise  # a bug of ours: not disguised as a problem of the disk
            raise classified from error
        except BaseException:
            if outer:
                self._rollback()
            raise

    def _rollback(self) -> None:
        self._rollbacks += 1  # what was read within the transaction may be undone
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error as error:  # the disk went: SQLite rolls back by itself
                log.warning("rollback failed: %s", error)

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        """Run one statement; the machine's errors become a ``StorageError`` (``classify``)."""
        try:
            return self.conn.execute(sql, params)
        except sqlite3.Error as error:
            raise self.classify(error) from error

    def executemany(self, sql: str, rows: Iterable[Any]) -> None:
        try:
            self.conn.executemany(sql, rows)
        except sqlite3.Error as error:
            raise self.classify(error) from error

    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        try:
            cursor = self.conn.execute(sql, params)
            cursor.row_factory = _dict_row
            return cursor.fetchall()
        except sqlite3.Error as error:
            raise self.classify(error) from error

    def fetchall(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        """Every row, read in full here: an error met while stepping through them is
        classified too (a cursor handed out would meet it unclassified)."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise self.classify(error) from error

    def fetchone(self, sql: str, params: Any = ()) -> tuple[Any, ...] | None:
        try:
            return self.conn.execute(sql, params).fetchone()
        except sqlite3.Error as error:
            raise self.classify(error) from error

    def classify(self, error: sqlite3.Error) -> Exception:
        """The one split of every statement's error (qutebrowser's ``_check_ok``): the
        machine's (disk full, read-only, locked, corrupt…) becomes a ``StorageError`` with a
        calm French message; anything else is a bug of ours and is returned as is."""
        if not errors.is_environment(error):
            return error
        if self.read_only and errors.cannot_write(error):
            return StorageError(self.read_only)
        return StorageError(errors.message(self.path, error))

    def apply(self, change: Change) -> None:
        """Every edit, then the sync journal's rows (``change.journal``), in one transaction.
        A ``Mode.ROW`` or ``Mode.DOCUMENT`` edit writes its whole row as it is (the rows of a
        copy or of a merged document: their own timestamps); the others are stamped now."""
        now = utc_now()
        with self.atomic():
            whole: list[Edit] = []  # consecutive whole rows of one kind: one statement
            for edit in change.edits:
                if edit.mode is not Mode.EDIT:
                    if whole and whole[-1].kind != edit.kind:
                        self._write_whole(whole)
                    whole.append(edit)
                    continue
                if whole:
                    self._write_whole(whole)
                cls = ENTITY_TYPES[edit.kind]
                if edit.after is None:
                    self._update(edit.kind, edit.id, {"deleted_at": now, "updated_at": now})
                elif edit.before is None:
                    self._upsert(
                        edit.kind,
                        encode(cls, {**edit.after, "deleted_at": None, "updated_at": now}),
                    )
                else:
                    self._update(edit.kind, edit.id, encode(cls, {**edit.after, "updated_at": now}))
                self._mark_dirty(edit.kind, edit.id)
            if whole:
                self._write_whole(whole)
            if change.journal:
                from db.sync_store import write_journal

                write_journal(self, change.journal)

    def put_many(self, entities: list[Entity], *, track: bool = True) -> None:
        """Insert or replace entities; ``track=False`` when they come from the session's CRDT
        document itself (a merge), so that they are not mirrored back into it."""
        with self.atomic():
            for entity in entities:
                self._upsert(entity.kind, encode(type(entity), entity.to_record()))
                if track:
                    self._mark_dirty(entity.kind, entity.id)

    def get(self, cls: type[E], id: str) -> E | None:
        rows = self.query(f"select * from [{cls.kind}] where id = ?", [id])
        return decode(cls, rows[0]) if rows else None

    def get_many(self, cls: type[E], ids: Iterable[str]) -> dict[str, E]:
        found: dict[str, E] = {}
        wanted = list(dict.fromkeys(ids))
        for start in range(0, len(wanted), 500):  # SQLite allows 999 parameters
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            sql = f"select * from [{cls.kind}] where id in ({marks})"
            try:
                cursor = self.conn.execute(sql, chunk)
                rows = cursor.fetchall()
            except sqlite3.Error as error:
                raise self.classify(error) from error
            for entity in decode_rows(cls, [d[0] for d in cursor.description], rows):
                found[entity.id] = entity
        return found

    def get_fields(
        self, cls: type[Entity], ids: Iterable[str], names: Iterable[str]
    ) -> dict[str, dict[str, Any]]:
        """Only some fields of the entities of ``cls`` with these ids (id → name → value):
        what the import checks need of the rows already here (a row's text, tags… not
        decoded for nothing)."""
        codecs = field_codecs(cls)
        wanted_names = [n for n in dict.fromkeys(names) if n in codecs and n != "id"]
        columns = ", ".join(f"[{n}]" for n in ["id", *wanted_names])
        found: dict[str, dict[str, Any]] = {}
        wanted = list(dict.fromkeys(ids))
        for start in range(0, len(wanted), 500):  # SQLite allows 999 parameters
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            sql = f"select {columns} from [{cls.kind}] where id in ({marks})"
            for row in self.fetchall(sql, chunk):
                found[row[0]] = {
                    n: decode_field(cls, n, v) for n, v in zip(wanted_names, row[1:], strict=True)
                }
        return found

    def find(self, cls: type[E], *, deleted: bool = False, **where: Any) -> list[E]:
        sql, params = _where(where, deleted)
        order = " order by position" if "position" in self.columns(cls.kind) else ""
        try:
            cursor = self.conn.execute(f"select * from [{cls.kind}]{sql}{order}", params)
            rows = cursor.fetchall()
        except sqlite3.Error as error:
            raise self.classify(error) from error
        return decode_rows(cls, [d[0] for d in cursor.description], rows)

    def find_fields(
        self, cls: type[E], names: Sequence[str], **where: Any
    ) -> list[tuple[Any, ...]]:
        codecs = field_codecs(cls)
        sql, params = _where(where, False)
        order = " order by position" if "position" in self.columns(cls.kind) else ""
        columns = ", ".join(f"[{n}]" for n in names)
        rows = self.fetchall(f"select {columns} from [{cls.kind}]{sql}{order}", params)
        if all(codecs[n] == "" for n in names):  # stored as they are: nothing to decode
            return rows
        return [
            tuple(decode_field(cls, n, v) for n, v in zip(names, row, strict=True)) for row in rows
        ]

    def count_by(
        self, cls: type[E], by: str, highest: str, **where: Any
    ) -> dict[str, tuple[int, float]]:
        sql, params = _where(where, False)
        rows = self.fetchall(
            f"select [{by}], count(*), max([{highest}]) from [{cls.kind}]{sql} group by [{by}]",
            params,
        )
        return {row[0]: (row[1], row[2]) for row in rows}

    def first_of_each(
        self, cls: type[E], by: str, values: Iterable[str], limit: int, **where: Any
    ) -> list[E]:
        sql, params = _where(where, False)
        sql += f" and [{by}] = ?" if sql else f" where [{by}] = ?"
        each = f"select * from (select * from [{cls.kind}]{sql} order by position limit ?)"
        values = list(values)
        if not values:
            return []
        # each value's own select, in the index's order (a window function over every row
        # sorted them all: 3× the cost of reading them)
        statement = " union all ".join([each] * len(values)) + " order by position"
        arguments = [a for value in values for a in (*params, value, limit)]
        try:
            cursor = self.conn.execute(statement, arguments)
            rows = cursor.fetchall()
        except sqlite3.Error as error:
            raise self.classify(error) from error
        return decode_rows(cls, [d[0] for d in cursor.description], rows)

    def iter_all(self, cls: type[E], **where: Any) -> Iterator[E]:
        sql, params = _where(where, deleted=True)
        for row in self.query(f"select * from [{cls.kind}]{sql}", params):
            yield decode(cls, row)

    def count(self, cls: type[E], **where: Any) -> int:
        sql, params = _where(where, deleted=False)
        row = self.fetchone(f"select count(*) from [{cls.kind}]{sql}", params)
        return row[0] if row else 0

    def columns(self, table: str) -> set[str]:
        if table not in self._columns:
            self._columns[table] = {r[1] for r in self.fetchall(f"PRAGMA table_info([{table}])")}
        return self._columns[table]

    def data_version(self) -> int:
        """Changes when another connection (another process) commits to the database."""
        row = self.fetchone("PRAGMA data_version")
        return row[0] if row else 0

    def written(self, kind: str) -> tuple[int, int, int]:
        """Changes whenever the rows of ``kind`` may have changed since last asked: written
        through this store, a transaction rolled back, or another connection committed (a
        restore). What a cache of rows checks before trusting them. Within a transaction no
        other connection can commit: their mark is read once for it (a batch of requests)."""
        if self._depth == 0:
            version = self.data_version()
        else:
            if self._version_in_transaction is None:
                self._version_in_transaction = self.data_version()
            version = self._version_in_transaction
        return self._written.get(kind, 0), self._rollbacks, version

    def _mark_dirty(self, kind: str, id: str) -> None:
        """Note, in the write's own transaction, that a session's CRDT document must catch up
        with this entity (see ``fabrique_desktop.sync``; migration ``0004_sync``)."""
        tracked = self._tracked.get(kind)
        if tracked is None:
            cls = ENTITY_TYPES.get(kind)
            names = {f.name for f in dataclasses.fields(cls)} if cls else set()
            tracked = self._tracked[kind] = bool(self.columns("crdt_dirty")) and (
                kind == "sessions" or "session_id" in names
            )
        if tracked:
            self.execute("insert or ignore into crdt_dirty (kind, id) values (?, ?)", [kind, id])

    def _write_whole(self, edits: list[Edit]) -> None:
        """Whole rows of one kind (``Mode.ROW``, ``Mode.DOCUMENT``), in their order, one
        statement per run of rows with the same columns (2 000 rows of a merge: one); then
        ``edits`` is emptied."""
        cls = ENTITY_TYPES[edits[0].kind]
        rows: list[dict[str, Any]] = []
        for edit in edits:
            assert edit.after is not None, "a merged row is written whole"
            row = encode(cls, dict(edit.after))
            if rows and row.keys() != rows[0].keys():
                self._upsert_many(cls.kind, rows)
                rows = []
            rows.append(row)
        self._upsert_many(cls.kind, rows)
        # a copy's rows are mirrored into the session's document; the document's are not
        mirrored = [edit for edit in edits if edit.mode is not Mode.DOCUMENT]
        for edit in mirrored:
            self._mark_dirty(edit.kind, edit.id)
        edits.clear()

    def _upsert_many(self, table: str, rows: list[dict[str, Any]]) -> None:
        if len(rows) == 1:
            self._upsert(table, rows[0])
            return
        self._written[table] = self._written.get(table, 0) + 1
        columns = list(rows[0])
        names = ", ".join(f"[{k}]" for k in columns)
        marks = ", ".join("?" for _ in columns)
        updates = ", ".join(f"[{k}] = excluded.[{k}]" for k in columns if k != "id")
        self.executemany(
            f"insert into [{table}] ({names}) values ({marks}) "
            f"on conflict(id) do update set {updates}",
            [[row[k] for k in columns] for row in rows],
        )

    def _upsert(self, table: str, row: dict[str, Any]) -> None:
        self._written[table] = self._written.get(table, 0) + 1
        key = (table, tuple(row))
        sql = self._upserts.get(key)
        if sql is None:  # made once per table and set of columns (a phone's idea: 2 per idea)
            names = ", ".join(f"[{k}]" for k in row)
            marks = ", ".join("?" for _ in row)
            updates = ", ".join(f"[{k}] = excluded.[{k}]" for k in row if k != "id")
            sql = (
                f"insert into [{table}] ({names}) values ({marks}) "
                f"on conflict(id) do update set {updates}"
            )
            if len(self._upserts) >= 512:
                self._upserts.clear()
            self._upserts[key] = sql
        self.execute(sql, list(row.values()))

    def _update(self, table: str, id: str, values: dict[str, Any]) -> None:
        if not values:
            return
        self._written[table] = self._written.get(table, 0) + 1
        sets = ", ".join(f"[{k}] = ?" for k in values)
        self.execute(f"update [{table}] set {sets} where id = ?", [*values.values(), id])


def _where(where: dict[str, Any], deleted: bool) -> tuple[str, list[Any]]:
    clauses = [
        f"[{name}] is not null"
        if isinstance(value, Filled)
        else f"[{name}] is ?"
        if value is None
        else f"[{name}] = ?"
        for name, value in where.items()
    ]
    if not deleted:
        clauses.append("deleted_at is null")
    sql = (" where " + " and ".join(clauses)) if clauses else ""
    return sql, [value for value in where.values() if not isinstance(value, Filled)]


def _applied(conn: sqlite3.Connection) -> set[str]:
    exists = conn.execute(
        "select 1 from sqlite_master where type = 'table' and name = ?", [migrations.TABLE]
    ).fetchone()
    if not exists:
        return set()
    rows = conn.execute(
        f"select name from [{migrations.TABLE}] where migration_set = ?", [migrations.SET_NAME]
    )
    return {r[0] for r in rows}


def _refuse_foreign_or_newer(path: Path) -> None:
    """Look at an existing file read-only and refuse it if it is not ours or too new."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as f:
            header = f.read(16)
    except OSError as error:
        raise StorageError(f"Impossible de lire « {path} » : {disk.reason(error)}.") from error
    if header != SQLITE_HEADER:
        raise StorageError(f"Le fichier « {path.name} » n'est pas une base de données Fabrique.")
    try:
        conn = _connect_read_only(path, None)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = conn.execute(
                "select count(*) from sqlite_master where type = 'table'"
            ).fetchone()[0]
            applied = _applied(conn)
        finally:
            conn.close()
    except sqlite3.Error as error:
        if not errors.is_environment(error):
            raise
        if errors.primary_code(error) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            raise StorageError(
                f"Le fichier « {path.name} » est endommagé ou n'est pas une base Fabrique."
            ) from error
        raise StorageError(errors.message(path, error)) from error
    if tables and app_id != APPLICATION_ID:
        raise StorageError(f"Le fichier « {path.name} » n'est pas une base de données Fabrique.")
    if applied - set(migrations.NAMES):
        raise StorageError(
            f"La base « {path.name} » a été écrite par une version plus récente de Fabrique. "
            "Mettez Fabrique à jour pour l'ouvrir ; elle n'a pas été modifiée."
        )


def _has_data(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


_READ_ONLY: dict[str, Any] = {"uri": True, "isolation_level": None, "check_same_thread": False}


def _connect_read_only(path: Path, reason: str | None) -> sqlite3.Connection:
    """A connection that never writes. A database in WAL mode needs its ``-shm`` index: when
    it cannot be made (disk full, read-only folder), a file whose WAL is empty is read as
    immutable (everything is in the file itself); a WAL holding changes is not skipped over."""
    uri = path.absolute().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", **_READ_ONLY)
        conn.execute("select count(*) from sqlite_master").fetchone()
        return conn
    except sqlite3.Error as error:
        if not errors.cannot_write(error):
            raise
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise StorageError(
                f"{reason or errors.message(path, error)} Les dernières modifications, dans "
                f"« {wal.name} », ne peuvent pas être lues tant que ce n'est pas réglé."
            ) from error
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", **_READ_ONLY)
