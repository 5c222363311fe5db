"""``fabrique backups`` lists the backups and what each holds; ``fabrique restore FILE`` puts
one back (checked first; the current database is backed up before)."""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path

from db.backups import describe_backup, list_backups, restore
from fabrique_desktop.cli.context import Context
from fabrique_desktop.errors import StorageError


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "backups", parents=[common], help="liste les sauvegardes et ce que chacune contient"
    )
    p.set_defaults(handler=list_)
    p = commands.add_parser(
        "restore",
        parents=[common],
        help="remet une sauvegarde en place (vérifiée d'abord ; la base actuelle est "
        "sauvegardée avant)",
    )
    p.add_argument("backup", metavar="SAUVEGARDE", help="fichier listé par « fabrique backups »")
    p.set_defaults(handler=restore_, owner="la commande « fabrique restore »")


def list_(args: argparse.Namespace, context: Context) -> int:
    backups = list_backups(context.data_dir.backups)
    if not backups:
        print(f"Aucune sauvegarde dans « {context.data_dir.backups} ».")
    for path in backups:
        print(f"{path}\n    {describe_backup(path)}")
    return 0


def restore_(args: argparse.Namespace, context: Context) -> int:
    backup = Path(args.backup)
    if not backup.is_file():
        candidate = context.data_dir.backups / args.backup
        if backup.is_dir() and not candidate.is_file():
            raise StorageError(
                f"« {args.backup} » est un dossier : donnez le fichier d'une sauvegarde "
                "(« fabrique backups » les liste)."
            )
        if not candidate.is_file():
            raise StorageError(f"Sauvegarde introuvable : « {args.backup} ».")
        backup = candidate
    if _same_file(backup, context.data_dir.database):
        raise StorageError(
            f"« {backup.name} » est la base actuelle de Fabrique, pas une sauvegarde : rien "
            "n'a été remis en place. Choisissez un fichier que « fabrique backups » liste."
        )
    # an older version's database is copied before its migration, as at any start; a
    # refused one is set aside whole and replaced by ``restore``
    with contextlib.suppress(StorageError):
        _ = context.store
    context.close_store()
    done = restore(backup, context.data_dir.database, context.data_dir.backups)
    print(f"Sauvegarde remise en place : {done.contents.describe()}.")
    print(f"L'ancienne base est gardée dans « {done.safety} ».")
    return 0


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False
