"""``fabrique export``, ``import``, ``export-series`` and ``import-cards``: files in and out.

Every export is written through a temporary file and a rename (``exports.safe_write``).
Only the PNG image of the board needs Qt: ``ui`` is imported inside that exporter alone.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from exports.safe_write import write_bytes
from fabrique_desktop import bundle
from fabrique_desktop.cli.context import Context
from fabrique_desktop.errors import BundleError, FabriqueError
from fabrique_desktop.model import Series, Session
from fabrique_desktop.workspace import find_series, find_session, series_template

Exporter = Callable[[Context, Session, Path, argparse.Namespace], None]


def export_json(context: Context, session: Session, target: Path, args: argparse.Namespace) -> None:
    text = bundle.to_json(bundle.collect(context.store, session))
    write_bytes(target, text.encode("utf-8"))


def _report(context: Context, session: Session):
    from fabrique_desktop.report import gather_session

    return gather_session(context.store, session)


def export_pdf(context: Context, session: Session, target: Path, args: argparse.Namespace) -> None:
    from exports.session_report import write_session_pdf

    write_session_pdf(_report(context, session), target)


def export_csv(context: Context, session: Session, target: Path, args: argparse.Namespace) -> None:
    from exports.csv_export import write_session_csv

    write_session_csv(_report(context, session), target, getattr(args, "delimiter", ",") or ",")


def export_md(context: Context, session: Session, target: Path, args: argparse.Namespace) -> None:
    from exports.markdown import write_session_markdown

    write_session_markdown(_report(context, session), target)


def export_decidim(
    context: Context, session: Session, target: Path, args: argparse.Namespace
) -> None:
    from exports.decidim import write_decidim_csv

    write_decidim_csv(_report(context, session), target)


def export_png(context: Context, session: Session, target: Path, args: argparse.Namespace) -> None:
    from ui.board_image import write_board_png  # Qt only for this format

    write_board_png(context.store, session, target)


EXPORTERS: dict[str, Exporter] = {
    "json": export_json,
    "pdf": export_pdf,
    "csv": export_csv,
    "md": export_md,
    "png": export_png,
    "decidim": export_decidim,
}

SERIES_FORMATS = ("pdf",)


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("export", parents=[common], help="exporte un atelier dans un fichier")
    p.add_argument("session", metavar="ATELIER", help="identifiant ou titre exact de l'atelier")
    p.add_argument("--format", "-f", default="json", help=f"format : {', '.join(EXPORTERS)}")
    p.add_argument("-o", "--output", required=True, metavar="FICHIER", help="fichier à écrire")
    p.add_argument(
        "--delimiter",
        "-d",
        default=",",
        choices=[",", ";"],
        help="séparateur du CSV (« ; » pour les tableurs français)",
    )
    p.set_defaults(handler=export)
    p = commands.add_parser(
        "import",
        parents=[common],
        help="importe un atelier (.json) ; fusionne s'il existe déjà",
    )
    p.add_argument("file", metavar="FICHIER")
    p.set_defaults(handler=import_)
    p = commands.add_parser(
        "export-series",
        parents=[common],
        help="exporte la synthèse d'une série (tous ses ateliers) en PDF",
    )
    p.add_argument("series", metavar="SERIE", help="identifiant ou titre exact de la série")
    p.add_argument("--format", "-f", default="pdf", help="format : pdf")
    p.add_argument("-o", "--output", required=True, metavar="FICHIER", help="fichier à écrire")
    p.set_defaults(handler=export_series)
    p = commands.add_parser(
        "import-cards",
        parents=[common],
        help="importe des idées d'un fichier CSV (texte, colonne, persona, horizon, thèmes)",
    )
    p.add_argument("session", metavar="ATELIER", help="identifiant ou titre exact de l'atelier")
    p.add_argument("file", metavar="FICHIER.csv")
    p.set_defaults(handler=import_cards)


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


def export_series(args: argparse.Namespace, context: Context) -> int:
    if args.format not in SERIES_FORMATS:
        raise FabriqueError(
            f"Format inconnu « {args.format} » pour une série. Formats possibles : "
            f"{', '.join(SERIES_FORMATS)}."
        )
    from exports.series_report import write_series_pdf
    from fabrique_desktop.report import gather_series

    series: Series = find_series(context.store, args.series)
    write_series_pdf(gather_series(context.store, series), Path(args.output))
    print(f"Exporté : {args.output}")
    return 0


def import_cards(args: argparse.Namespace, context: Context) -> int:
    from fabrique_desktop.csv_import import CsvImportError, read_file

    session = find_session(context.store, args.session)
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CsvImportError(f"Impossible de lire « {path} » : {error.strerror}.") from error
    series = context.store.get(Series, session.series_id)
    if series is None:
        raise FabriqueError("La série de cet atelier est introuvable.")
    parsed, change = read_file(context.store, session, data, series_template(series))
    context.store.apply(change)
    counts = parsed.per_column()
    titles = {c.key: c.title for c in series_template(series).columns}
    detail = ", ".join(f"{titles.get(k, k)} : {n}" for k, n in counts.items())
    n = len(parsed.rows)
    print(f"Importé {n} idée{'s' if n > 1 else ''} dans « {session.title} » ({detail}).")
    return 0
