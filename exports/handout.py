"""A copy of a session for a note-taker's laptop: the bundle, as JSON or zipped with photos
and the series' logo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from exports.safe_write import write_bytes, write_with
from fabrique_desktop import bundle, bundle_zip, sync
from fabrique_desktop.booklet import logo_name
from fabrique_desktop.model import Session
from fabrique_desktop.paths import media_file
from fabrique_desktop.ports import Store, Write


def write_handout(
    store: Store,
    journal: sync.SyncJournal,
    session: Session,
    target: Path,
    *,
    media_dir: Path | None = None,
    handout: dict[str, Any] | None = None,
    write: Write | None = None,
) -> bundle.Bundle:
    """Write the session's bundle to ``target``: zipped with the session's photos when
    ``media_dir`` is given, plain JSON otherwise. Returns the bundle written. The session's
    document catches up with its rows first, written by ``write`` (``sync.handout_bundle``)."""
    made = sync.handout_bundle(store, journal, session, handout, write)
    text = bundle.to_json(made)
    if media_dir is None:
        write_bytes(target, text.encode("utf-8"), private=True)  # participants' names
    else:
        photos = {getattr(p, "file_name", "") for p in made.entities.get("photos", [])}
        logo = logo_name(made.series.template)  # the series' booklet's logo travels too
        names = sorted((photos | {logo}) - {""})
        media = [(name, found) for name in names if (found := media_file(media_dir, name))]
        write_with(target, lambda f: bundle_zip.write(f, text, media), private=True)
    return made
