"""Each phase's wall in data folders made before it had its own columns (template format 3).

A series made from the built-in template before format 3 gets the built-in phases' columns
(a Valeurs atelier: « À trier », « Atouts », « Problèmes », « Valeurs proposées »). A card in
a column its atelier's phase does not have (a Valeurs atelier's idea noted in « Vivre
Mieux » before, a copy from an older app) goes to the end of the phase's first column: it
stays on the wall, never hidden, never lost. A user's own template is never given phases.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

from fabrique_desktop import changes
from fabrique_desktop.board import STEP
from fabrique_desktop.changes import Change, Edit
from fabrique_desktop.model import Card, Series, Session
from fabrique_desktop.ports import Store, Write
from fabrique_desktop.series_updates import series_changes, write_changes
from fabrique_desktop.template import BUILTIN_KEY, FORMAT_VERSION, Template, builtin_template

log = logging.getLogger(__name__)


def phase_changes(store: Store) -> list[Change]:
    """The changes that give each series of ``store`` its phases' walls."""
    return series_changes(store, phase_change)


def update_phases(store: Store, write: Write) -> int:
    """Hand each of ``phase_changes`` to ``write`` (the command line's store writer, at
    start); the number of series changed."""
    return write_changes(phase_changes(store), write, log, "phase columns")


def phase_change(store: Store, series: Series) -> Change | None:
    """The built-in phases for a series made from the built-in template before them, and
    the cards of its ateliers moved out of columns their phase does not have."""
    if series.deleted or not series.template:
        return None
    data = series.template
    edits: list[Edit] = []
    phased = with_builtin_phases(data)
    if phased is not None:
        edits.append(changes.update(series, template=phased))
        data = phased
    template = Template.from_dict(data)
    if not data.get("phases"):
        return Change("Colonnes des phases", tuple(edits))
    for session in store.find(Session, series_id=series.id):
        if not session.deleted:
            edits.extend(stray_cards(store, session, template))
    return Change("Colonnes des phases", tuple(edits))


def with_builtin_phases(data: dict[str, Any]) -> dict[str, Any] | None:
    """The series' template with the built-in phases (their columns kept only where the
    series still has the template columns they name), or None: not the built-in template,
    or it has phases already."""
    if data.get("key") != BUILTIN_KEY or "phases" in data:
        return None
    keys = {c.get("key") for c in data.get("columns", []) if isinstance(c, dict)}
    phases = {
        phase: entry
        for phase, entry in builtin_template().data.get("phases", {}).items()
        if all(not isinstance(c, str) or c in keys for c in entry.get("columns", []))
    }
    result = copy.deepcopy(data)
    result["phases"] = copy.deepcopy(phases)
    result["format_version"] = FORMAT_VERSION
    return result


def stray_cards(store: Store, session: Session, template: Template) -> list[Edit]:
    """Each card of ``session`` in a column its phase does not have, moved to the end of
    the phase's first column (in the order it was in)."""
    columns = template.phase_columns(session.phase)
    keys = {c.key for c in columns}
    # counted first: this runs at every start, and reading a 2000-idea atelier's cards whole
    # cost ~35 ms before the window (none is astray once the phases came)
    placed = sum(store.count(Card, session_id=session.id, column=key) for key in keys)
    if placed == store.count(Card, session_id=session.id):
        return []
    cards = [c for c in store.find(Card, session_id=session.id) if not c.deleted]
    strays = sorted(
        (c for c in cards if c.column not in keys), key=lambda c: (c.column, c.position)
    )
    if not strays:
        return []
    first = columns[0].key
    end = max((c.position for c in cards if c.column == first), default=0.0)
    edits = []
    for card in strays:
        end += STEP
        edits.append(changes.update(card, column=first, position=end))
    return edits
