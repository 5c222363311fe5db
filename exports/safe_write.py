"""Write a file through a temporary file and a rename: never a truncated file under its name.

An export never lands on the data folder's own files (``protect``: the database, its WAL,
the backups, the photos, the log, the settings); it keeps the permissions of the file it
replaces, and a file holding participants' names (``private=True``) is readable by its owner
only. The command line replaces an existing file only when it is the kind of file it writes
(``check_replaceable``: an earlier export, an empty file), never a user's own document.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from fabrique_desktop import disk, paths
from fabrique_desktop.errors import FabriqueError

# the data folder's own files and folders (fabrique_desktop.paths.DataDir)
OWN_FILES = ("fabrique.db", "fabrique.lock", "settings.json", ".settings.json.lock")
OWN_SUFFIXES = ("-wal", "-shm", "-journal")
OWN_FOLDERS = ("backups", "media", "logs")


class ExportError(FabriqueError):
    """An export could not be written (full disk, read-only folder…)."""


def protect(folder: Path) -> None:
    """Refuse, from now on, any export over the files of the data folder ``folder``."""
    resolved = _resolved(folder)
    if resolved not in paths.in_use:
        paths.in_use.append(resolved)


def check_target(target: Path | str) -> None:
    """Refuse a target that is one of the data folder's own files (or inside its backups,
    photos or log folders), or a folder."""
    target = Path(target)
    resolved = _resolved(target)
    for folder in paths.in_use:
        if resolved.parent == folder and _own_name(resolved.name):
            raise ExportError(_own_message(target, folder))
        if resolved.is_relative_to(folder) and resolved != folder:
            parts = resolved.relative_to(folder).parts
            if len(parts) > 1 and parts[0] in OWN_FOLDERS:
                raise ExportError(_own_message(target, folder))
    if os.path.isdir(target):
        raise ExportError(f"« {target} » est un dossier : donnez un nom de fichier.")


# What the first bytes of each kind of export look like (lower case, after a BOM and blanks).
KIND_STARTS: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%pdf-",),
    "png": (b"\x89png",),
    "bundle": (b"pk\x03\x04",),
    "json": (b"{",),
    "template": (b"{",),
    "csv": (b"texte", b"text", b'"texte', b'"text'),
    "decidim": (b"title/", b'"title/'),
    "md": (b"# ",),
    "html": (b"<!doctype html", b"<html"),
}
# JSON is any program's: a Fabrique file says so near its start (keys sorted: a session
# copy's « app_version » comes first; a template opens on its « format »)
FABRIQUE_JSON: dict[str, tuple[bytes, ...]] = {
    "json": (b'"app_version"', b'"format": "fabrique-'),
    "template": (b'"format": "fabrique-', b'"app_version"'),
}
KIND_NAMES = {
    "pdf": "un PDF",
    "png": "une image PNG",
    "bundle": "une copie d'atelier (.fabrique)",
    "json": "une copie d'atelier de Fabrique (JSON)",
    "template": "un modèle de Fabrique (JSON)",
    "csv": "un CSV d'idées de Fabrique",
    "decidim": "un CSV pour Decidim",
    "md": "un compte rendu Markdown",
    "html": "une page HTML",
}


def check_replaceable(target: Path | str, kind: str) -> None:
    """Refuse to replace an existing file that is not of the ``kind`` about to be written
    (``KIND_STARTS``): a re-export replaces the earlier one, but ``-o notes.txt`` or
    ``-o photo.jpg`` given by mistake does not destroy the user's document. Also
    ``check_target``'s refusals, before any work is done."""
    target = Path(target)
    check_target(target)
    try:
        with open(target, "rb") as f:
            head = f.read(4096)
    except FileNotFoundError:
        return
    except OSError:
        return  # unreadable: the write itself will say why it cannot replace it
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if not start or (
        start.startswith(KIND_STARTS.get(kind, (start,)))
        and (kind not in FABRIQUE_JSON or any(mark in start for mark in FABRIQUE_JSON[kind]))
    ):
        return
    raise ExportError(
        f"« {target.name} » existe déjà et ce n'est pas {KIND_NAMES.get(kind, kind)} : "
        "l'export l'aurait remplacé. Choisissez un autre nom, ou supprimez ce fichier "
        "d'abord ; rien n'a été écrit."
    )


def _own_name(name: str) -> bool:
    return any(name == own or name.startswith(own + "-") for own in OWN_FILES) or (
        name.startswith("fabrique.db") and name.endswith(OWN_SUFFIXES)
    )


def _own_message(target: Path, folder: Path) -> str:
    return (
        f"« {target.name} » est un fichier du dossier de données de Fabrique (« {folder} ») : "
        "l'export l'aurait remplacé. Choisissez un autre nom ou un autre dossier ; rien n'a "
        "été écrit."
    )


def _resolved(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError):
        return path.absolute()


@contextlib.contextmanager
def writing(target: Path | str, *, private: bool = False) -> Iterator[BinaryIO]:
    """Yield a binary file; on success it replaces ``target`` at once, on failure it vanishes."""
    import tempfile  # not at start-up: only when something is written

    target = Path(target)
    check_target(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as error:
        raise ExportError(_message(target, error)) from error
    with contextlib.suppress(OSError):  # mkstemp makes 0600: right for participants' names
        if not private:
            os.chmod(tmp, _mode_for(target))
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise ExportError(_message(target, error)) from error
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The permissions of the file replaced, or a new file's (``0666`` less the umask)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_bytes(target: Path | str, data: bytes, *, private: bool = False) -> None:
    with writing(target, private=private) as f:
        f.write(data)


def write_with(
    target: Path | str, produce: Callable[[BinaryIO], None], *, private: bool = False
) -> None:
    with writing(target, private=private) as f:
        produce(f)


def _message(target: Path, error: OSError) -> str:
    folder = target.parent
    if error.errno == errno.ENOSPC:
        return f"Le disque est plein : « {target.name} » n'a pas été écrit."
    if error.errno == errno.EROFS:
        return (
            f"Le dossier « {folder} » est en lecture seule : « {target.name} » n'a pas été écrit."
        )
    if error.errno in (errno.EACCES, errno.EPERM):
        return (
            f"Le dossier « {folder} » n'accepte pas d'écriture (droits insuffisants) : "
            f"« {target.name} » n'a pas été écrit."
        )
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return f"Le dossier « {folder} » n'existe pas."
    return f"Impossible d'écrire « {target.name} » : {disk.reason(error)}."
