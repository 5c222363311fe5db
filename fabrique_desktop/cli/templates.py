"""``fabrique export-template`` and ``fabrique import-template``: a series' method as JSON."""

from __future__ import annotations

import argparse
from pathlib import Path

from exports.safe_write import check_replaceable, write_bytes
from fabrique_desktop import disk, template_exchange
from fabrique_desktop.cli.context import Context
from fabrique_desktop.counting import said
from fabrique_desktop.errors import TemplateError
from fabrique_desktop.workspace import find_series, list_sessions


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "export-template",
        parents=[common],
        help="exporte le modèle d'une série (colonnes, valeurs, personas…) en JSON",
    )
    p.add_argument("series", metavar="SERIE", help="une partie de son titre ou son identifiant")
    p.add_argument("-o", "--output", required=True, metavar="FICHIER", help="fichier à écrire")
    p.set_defaults(handler=export_template)
    p = commands.add_parser(
        "import-template",
        parents=[common],
        help="crée une nouvelle série à partir d'un modèle (.json)",
    )
    p.add_argument("file", metavar="FICHIER")
    p.set_defaults(handler=import_template, owner="la commande « fabrique import-template »")


def export_template(args: argparse.Namespace, context: Context) -> int:
    series = find_series(context.store, args.series)
    check_replaceable(Path(args.output), "template")
    data = template_exchange.export_template(context.store, series, context.data_dir.media)
    write_bytes(Path(args.output), template_exchange.to_json(data).encode("utf-8"))
    print(f"Exporté : {args.output}")
    return 0


def import_template(args: argparse.Namespace, context: Context) -> int:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise TemplateError(f"Impossible de lire « {path} » : {disk.reason(error)}.") from error
    context.backups.take("avant-import-modele", thin=False)
    change, series = template_exchange.import_template(
        context.store, data, path.name, context.data_dir.media
    )
    context.store.apply(change)
    count = len(list_sessions(context.store, series.id))
    ateliers = said(count, "atelier", "ateliers", "aucun atelier")
    print(f"Série créée : « {series.title} » ({ateliers}) — {series.id}")
    return 0
