"""What the disk said, in French: full, read-only, permission denied — each named as it is.

Decided by ``errno``, never by message text (which depends on the system's language).
``probe`` asks the folder itself when a library (SQLite) only says « I/O error ».
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

FULL = "le disque est plein"
READ_ONLY = "le support est en lecture seule"
DENIED = "l'accès est refusé (droits insuffisants)"
MISSING = "le fichier ou le dossier n'existe pas"
IS_FOLDER = "c'est un dossier, pas un fichier"

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
}


def reason(error: OSError) -> str:
    """The cause of ``error`` as a French phrase (« le disque est plein »)."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return f"erreur du système ({error.strerror or error.__class__.__name__})"


def describe(error: OSError) -> str:
    """A French sentence for a refusal of the disk that no caller turned into its own words."""
    if error.filename:
        return f"Impossible d'accéder à « {error.filename} » : {reason(error)}."
    text = reason(error)
    return f"{text[:1].upper()}{text[1:]}."


def is_environment(error: OSError) -> bool:
    """True for what the machine did (disk full, read-only, no rights, missing, I/O)."""
    return error.errno in _REASONS or error.errno in (errno.EIO, errno.EBUSY, errno.ETXTBSY)


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
