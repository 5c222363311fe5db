"""Write a file through a temporary file and a rename: never a truncated file under its name."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from fabrique_desktop.errors import FabriqueError


class ExportError(FabriqueError):
    """An export could not be written (full disk, read-only folder…)."""


@contextlib.contextmanager
def writing(target: Path | str) -> Iterator[BinaryIO]:
    """Yield a binary file; on success it replaces ``target`` at once, on failure it vanishes."""
    target = Path(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as error:
        raise ExportError(_message(target, error)) from error
    with contextlib.suppress(OSError):  # mkstemp makes 0600; an export is a normal file
        os.chmod(tmp, 0o666 & ~_umask())
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


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_bytes(target: Path | str, data: bytes) -> None:
    with writing(target) as f:
        f.write(data)


def write_with(target: Path | str, produce: Callable[[BinaryIO], None]) -> None:
    with writing(target) as f:
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
    if error.errno == errno.ENOENT:
        return f"Le dossier « {folder} » n'existe pas."
    return f"Impossible d'écrire « {target.name} » : {error.strerror or error}."
