"""Many ideas at once for the benches: one change creating ``count`` cards in a session."""

from __future__ import annotations

from fabrique_desktop import changes
from fabrique_desktop.changes import Change
from fabrique_desktop.model import Card


def many_ideas(session_id: str, count: int, prefix: str, tags: list[str] | None = None) -> Change:
    return Change(
        "bench",
        tuple(
            changes.create(
                Card(
                    session_id=session_id,
                    text=f"{prefix} {i} : « un tramway jusqu'à Aubagne » et des jardins partagés",
                    position=float(i),
                    tags=list(tags or []),
                )
            )
            for i in range(count)
        ),
    )
