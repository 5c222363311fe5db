"""SQLite errors told apart by their code: the machine's (calm French message) or ours (a bug).

Environment errors — disk full, read-only, locked, corrupt, not a database, no rights, I/O —
become a ``StorageError`` whose message names the cause; nothing was written. Every other
code (a constraint violated, a misuse of the API, a bad SQL statement) is a programming error:
it is not disguised, the caller lets it through to be logged with its traceback and shown as
« Erreur interne » (the split of qutebrowser's ``misc/sql.py``: ``KnownError``/``BugError``).

Decided by ``sqlite_errorcode`` (Python ≥ 3.11), never by the message text.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fabrique_desktop import disk
from fabrique_desktop.errors import StorageError

# the primary result codes that say something about the machine, not about our code
ENVIRONMENT = frozenset(
    {
        sqlite3.SQLITE_PERM,
        sqlite3.SQLITE_BUSY,
        sqlite3.SQLITE_LOCKED,
        sqlite3.SQLITE_NOMEM,
        sqlite3.SQLITE_READONLY,
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_CORRUPT,
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_CANTOPEN,
        sqlite3.SQLITE_PROTOCOL,
        sqlite3.SQLITE_NOLFS,
        sqlite3.SQLITE_NOTADB,
    }
)
# the codes after which the file can still be read, only not written
CANNOT_WRITE = frozenset(
    {
        sqlite3.SQLITE_PERM,
        sqlite3.SQLITE_READONLY,
        sqlite3.SQLITE_IOERR,
        sqlite3.SQLITE_FULL,
        sqlite3.SQLITE_CANTOPEN,
    }
)


def primary_code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code (the extended code's low byte); ``None`` for errors the
    ``sqlite3`` module raises by itself (a closed connection, wrong parameters: our bugs)."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_environment(error: sqlite3.Error) -> bool:
    return primary_code(error) in ENVIRONMENT


def cannot_write(error: sqlite3.Error) -> bool:
    return primary_code(error) in CANNOT_WRITE


def storage_error(path: Path | None, error: sqlite3.Error) -> StorageError | None:
    """The ``StorageError`` to raise for an environment error; ``None`` for a bug."""
    if not is_environment(error):
        return None
    return StorageError(message(path, error))


def message(path: Path | None, error: sqlite3.Error) -> str:
    """A French sentence naming what the machine did to the database at ``path``."""
    code = primary_code(error)
    where = f" « {path} »" if path else ""
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return f"La base de données{where} est endommagée ou n'est pas une base Fabrique."
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return f"La base de données{where} est utilisée par un autre programme."
    if code == sqlite3.SQLITE_NOMEM:
        return f"Mémoire insuffisante pour travailler sur la base de données{where}."
    cause = folder_cause(path)
    if code == sqlite3.SQLITE_FULL or cause == disk.FULL:
        return f"Le disque est plein : impossible d'enregistrer dans la base{where}."
    if cause is not None:
        return f"Impossible d'écrire dans la base de données{where} : {cause}."
    if code == sqlite3.SQLITE_READONLY:
        return f"La base de données{where} est en lecture seule : impossible d'enregistrer."
    if code == sqlite3.SQLITE_CANTOPEN:
        return f"Impossible d'ouvrir la base de données{where}."
    return f"Erreur de lecture ou d'écriture sur le disque pour la base de données{where}."


def folder_cause(path: Path | None) -> str | None:
    """Why the database's folder cannot be written (SQLite only says « I/O error »)."""
    if path is None:
        return None
    error = disk.probe(path.parent)
    return None if error is None else disk.reason(error)
