"""``fabrique backups`` lists the rolling backups; ``fabrique restore FILE`` puts one back."""

from __future__ import annotations

import argparse
from pathlib import Path

from db.backups import Backups, list_backups, restore
from fabrique_desktop.cli.context import Context
from fabrique_desktop.errors import StorageError


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("backups", parents=[common], help="liste les sauvegardes automatiques")
    p.set_defaults(handler=list_)
    p = commands.add_parser(
        "restore",
        parents=[common],
        help="remet une sauvegarde en place (la base actuelle est sauvegardée avant)",
    )
    p.add_argument("backup", metavar="SAUVEGARDE", help="fichier listé par « fabrique backups »")
    p.set_defaults(handler=restore_)


def list_(args: argparse.Namespace, context: Context) -> int:
    for path in list_backups(context.data_dir.backups):
        print(path)
    return 0


def restore_(args: argparse.Namespace, context: Context) -> int:
    backup = Path(args.backup)
    if not backup.is_file():
        candidate = context.data_dir.backups / args.backup
        if not candidate.is_file():
            raise StorageError(f"Sauvegarde introuvable : « {args.backup} ».")
        backup = candidate
    safety = Backups(context.store, context.data_dir.backups, keep=10_000).take()
    context.close()
    restore(backup, context.data_dir.database)
    print(f"Sauvegarde remise en place. L'ancienne base est gardée dans « {safety} ».")
    return 0
