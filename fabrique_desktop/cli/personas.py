"""``fabrique export-personas``: the persona deck of a series as cards to print and cut."""

from __future__ import annotations

import argparse
from pathlib import Path

from exports.safe_write import check_replaceable
from fabrique_desktop import personas
from fabrique_desktop.cli import report_language
from fabrique_desktop.cli.context import Context
from fabrique_desktop.counting import said
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.typography import language
from fabrique_desktop.workspace import find_series

FORMATS = ("pdf",)


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "export-personas",
        parents=[common],
        help="imprime les cartes personas d'une série (PDF, A6, quatre par page A4)",
    )
    p.add_argument("series", metavar="SERIE", help="une partie de son titre ou son identifiant")
    p.add_argument("--format", "-f", default="pdf", help="format : pdf")
    p.add_argument("-o", "--output", required=True, metavar="FICHIER", help="fichier à écrire")
    report_language.add_argument(p)
    p.set_defaults(handler=export_personas)


def export_personas(args: argparse.Namespace, context: Context) -> int:
    if args.format not in FORMATS:
        raise FabriqueError(
            f"Format inconnu « {args.format} ». Formats possibles : {', '.join(FORMATS)}."
        )
    from exports.persona_deck import write_deck  # reportlab only for this command

    series = find_series(context.store, args.series)
    check_replaceable(Path(args.output), args.format)
    deck = personas.deck(context.store, series.id)
    if not deck:
        raise FabriqueError(f"La série « {series.title} » n'a aucun persona à imprimer.")
    from fabrique_desktop.booklet import texts

    with language(report_language.chosen(args, context)):
        pages = write_deck(
            deck,
            Path(args.output),
            title=series.title,
            media_dir=context.data_dir.media,
            author=texts(series)["organisation"],
        )
    counted = f"{said(len(deck), 'persona', 'personas')}, {said(pages, 'page', 'pages')}"
    print(f"Exporté : {args.output} ({counted})")
    return 0
