"""The disk's refusals named in French by errno, whatever the system's language."""

from __future__ import annotations

import errno

from fabrique_desktop import disk
from tests.disk import ReadOnlyFolder


def test_each_refusal_is_named_as_what_it_is() -> None:
    def named(code: int) -> str:
        return disk.reason(OSError(code, "texte du système, dans sa langue"))

    assert named(errno.ENOSPC) == "le disque est plein"
    assert named(errno.EROFS) == "le support est en lecture seule"
    assert named(errno.EACCES) == "l'accès est refusé (droits insuffisants)"
    assert named(errno.ENOENT) == "le fichier ou le dossier n'existe pas"
    assert named(errno.EIO) == "erreur de lecture ou d'écriture sur le disque"
    # anything else: its code, never the system's own words (English inside French)
    assert named(errno.ENOLINK) == "erreur du système (code ENOLINK)"


def test_the_probe_asks_the_folder_itself(tmp_path, read_only_folder: ReadOnlyFolder) -> None:
    writable = tmp_path / "writable"
    writable.mkdir()
    assert disk.probe(writable) is None
    assert list(writable.iterdir()) == []  # the trial file is gone
    refused = disk.probe(read_only_folder.root)
    assert refused is not None
    assert disk.reason(refused) == disk.READ_ONLY
