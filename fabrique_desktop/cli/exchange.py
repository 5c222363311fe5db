"""``fabrique export`` and ``fabrique import``: sessions in and out of the data folder."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from exports.safe_write import write_bytes
from fabrique_desktop import bundle
from fabrique_desktop.cli.context import Context
from fabrique_desktop.errors import BundleError, FabriqueError
from fabrique_desktop.model import Session
from fabrique_desktop.workspace import find_session

Exporter = Callable[[Context, Session, Path, argparse.Namespace], None]


def export_json(context: Context, session: Session, target: Path, args: argparse.Namespace) -> None:
    text = bundle.to_json(bundle.collect(context.store, session))
    write_bytes(target, text.encode("utf-8"))


EXPORTERS: dict[str, Exporter] = {"json": export_json}


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("export", parents=[common], help="exporte un atelier dans un fichier")
    p.add_argument("session", metavar="ATELIER", help="identifiant ou titre exact de l'atelier")
    p.add_argument("--format", "-f", default="json", help=f"format : {', '.join(EXPORTERS)}")
    p.add_argument("-o", "--output", required=True, metavar="FICHIER", help="fichier à écrire")
    p.set_defaults(handler=export)
    p = commands.add_parser(
        "import",
        parents=[common],
        help="importe un atelier (.json) ; fusionne s'il existe déjà",
    )
    p.add_argument("file", metavar="FICHIER")
    p.set_defaults(handler=import_)


def export(args: argparse.Namespace, context: Context) -> int:
    exporter = EXPORTERS.get(args.format)
    if exporter is None:
        raise FabriqueError(
            f"Format inconnu « {args.format} ». Formats possibles : {', '.join(EXPORTERS)}."
        )
    session = find_session(context.store, args.session)
    exporter(context, session, Path(args.output), args)
    print(f"Exporté : {args.output}")
    return 0


def import_(args: argparse.Namespace, context: Context) -> int:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise BundleError(f"Impossible de lire « {path} » : {error.strerror}.") from error
    parsed = bundle.from_json(data)
    summary = bundle.import_bundle(context.store, parsed)
    print(
        f"Importé « {parsed.session.title} » : {summary.created} ajoutés, "
        f"{summary.updated} mis à jour, {summary.unchanged} inchangés."
    )
    return 0
