"""``fabrique series`` and ``fabrique sessions``: one line each, id first."""

from __future__ import annotations

import argparse

from db.store import Store
from fabrique_desktop.cli.context import Context
from fabrique_desktop.credit import ateliers_label, joint_groups
from fabrique_desktop.model import FUTUR, Card
from fabrique_desktop.workspace import list_series, list_sessions


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "series", parents=[common], help="liste les séries (identifiant d'abord)"
    )
    p.set_defaults(handler=series)
    p = commands.add_parser(
        "sessions",
        parents=[common],
        help=(
            "liste les ateliers : identifiant, série, date, titre, nombre d'idées, ateliers "
            "crédités ensemble"
        ),
    )
    p.set_defaults(handler=sessions)


def series(args: argparse.Namespace, context: Context) -> int:
    store = context.store
    for s in list_series(store):
        count = len(list_sessions(store, s.id))
        print(f"{s.id}\t{s.title}\t{count} atelier{'s' if count > 1 else ''}")
    return 0


def sessions(args: argparse.Namespace, context: Context) -> int:
    store = context.store
    every = list_series(store)
    titles = {s.id: s.title for s in every}
    groups = {s.id: joint_groups(s.template) for s in every}
    counts = _card_counts(store)
    for s in list_sessions(store):
        joint = ateliers_label(groups.get(s.series_id, {}).get(s.number, ()))
        print(
            f"{s.id}\t{titles.get(s.series_id, '')}\t{s.date}\t{s.title}\t"
            f"{counts.get(s.id, 0)}\t{joint}"
        )
    return 0


def _card_counts(store: Store) -> dict[str, int]:
    """Participants' ideas per session (« Futur engagé » items are not ideas)."""
    sql = (
        f"select session_id, count(*) from [{Card.kind}] "
        f"where deleted_at is null and merged_into is null and card_kind != '{FUTUR}' "
        "group by session_id"
    )
    return dict(store.execute(sql).fetchall())
