"""What the disk said, in French: full, read-only, permission denied — each named as it is.

Decided by ``errno``, never by message text (which depends on the system's language).
``probe`` asks the folder itself when a library (SQLite) only says « I/O error ».
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path
from typing import BinaryIO

FULL = "le disque est plein"
READ_ONLY = "le support est en lecture seule"
DENIED = "l'accès est refusé (droits insuffisants)"
MISSING = "le fichier ou le dossier n'existe pas"
IS_FOLDER = "c'est un dossier, pas un fichier"
NAME_TOO_LONG = "le nom du fichier est trop long"
EXISTS = "un fichier de ce nom existe déjà"
NOT_EMPTY = "le dossier n'est pas vide"
BUSY = "le fichier est utilisé par un autre programme"
IO = "erreur de lecture ou d'écriture sur le disque"
TOO_MANY = "trop de fichiers ouverts"
LOOP = "trop de liens symboliques"
CROSS = "le fichier ne peut pas être déplacé d'un disque à l'autre"
PORT_TAKEN = "ce port est déjà pris"
NOT_THIS_ADDRESS = "cette adresse n'est pas celle de cet ordinateur"

_REASONS = {
    errno.ENOSPC: FULL,
    errno.EDQUOT: FULL,
    errno.EFBIG: FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: DENIED,
    errno.EPERM: DENIED,
    errno.ENOENT: MISSING,
    errno.ENOTDIR: MISSING,
    errno.EISDIR: IS_FOLDER,
    errno.ENAMETOOLONG: NAME_TOO_LONG,
    errno.EEXIST: EXISTS,
    errno.ENOTEMPTY: NOT_EMPTY,
    errno.EBUSY: BUSY,
    errno.ETXTBSY: BUSY,
    errno.EIO: IO,
    errno.EMFILE: TOO_MANY,
    errno.ENFILE: TOO_MANY,
    errno.ELOOP: LOOP,
    errno.EXDEV: CROSS,
    errno.EADDRINUSE: PORT_TAKEN,
    errno.EADDRNOTAVAIL: NOT_THIS_ADDRESS,
}


# what the machine (or a path the user typed) did, told calmly; other codes are our bugs
_ENVIRONMENT = frozenset(
    {
        errno.ENOSPC,
        errno.EDQUOT,
        errno.EFBIG,
        errno.EROFS,
        errno.EACCES,
        errno.EPERM,
        errno.ENOENT,
        errno.ENOTDIR,
        errno.EISDIR,
        errno.EIO,
        errno.EBUSY,
        errno.ETXTBSY,
        errno.ENAMETOOLONG,
    }
)


def reason(error: OSError) -> str:
    """The cause of ``error`` as a French phrase (« le disque est plein »)."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    code = errno.errorcode.get(error.errno or 0, error.__class__.__name__)
    return f"erreur du système (code {code})"  # never the system's own English text


def describe(error: OSError) -> str:
    """A French sentence for a refusal of the disk that no caller turned into its own words."""
    if error.filename:
        return f"Impossible d'accéder à « {error.filename} » : {reason(error)}."
    text = reason(error)
    return f"{text[:1].upper()}{text[1:]}."


def is_environment(error: OSError) -> bool:
    """True for what the machine did (disk full, read-only, no rights, missing, I/O)."""
    return error.errno in _ENVIRONMENT


def create_new(path: Path) -> BinaryIO:
    """``path`` opened for writing as a new file. Whatever was there (a link planted in the
    media folder, a stale partial file) is removed first, never followed."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0), 0o666)
    return os.fdopen(fd, "wb")


def probe(folder: Path) -> OSError | None:
    """Try to write a small file in ``folder`` (and remove it): the error the disk gives, if any.

    Permission bits alone are not trusted (an administrator ignores them): the folder is
    really written to, and the data made to reach the disk."""
    trial = folder / f".fabrique-probe-{os.getpid()}"
    try:
        fd = os.open(trial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        return error
    try:
        os.write(fd, b"\0" * 4096)
        os.fsync(fd)
    except OSError as error:
        return error
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            trial.unlink()
    return None
