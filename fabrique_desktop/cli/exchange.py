"""``fabrique export``, ``import``, ``export-series`` and ``import-cards``: files in and out.

Every export is written through a temporary file and a rename (``exports.safe_write``).
Only the PNG image of the board needs Qt: ``ui`` is imported inside that exporter alone.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from exports.safe_write import check_replaceable
from fabrique_desktop import disk
from fabrique_desktop.cli import report_language
from fabrique_desktop.cli.context import Context
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.limits import shown
from fabrique_desktop.model import Series, Session
from fabrique_desktop.typography import language
from fabrique_desktop.workspace import find_series, find_session, session_template

Exporter = Callable[[Context, Session, Path, argparse.Namespace], None]


def export_json(context: Context, session: Session, target: Path, args: argparse.Namespace) -> None:
    """The session bundle (format 2: rows, and the CRDT document that merges them back)."""
    _write_handout(context, session, target, args, zipped=False)


def export_bundle(
    context: Context, session: Session, target: Path, args: argparse.Namespace
) -> None:
    """The same bundle zipped with the session's photos (a ``.fabrique`` file)."""
    _write_handout(context, session, target, args, zipped=True)


def _write_handout(
    context: Context, session: Session, target: Path, args: argparse.Namespace, zipped: bool
) -> None:
    from db.sync_store import SyncJournal
    from exports.handout import write_handout
    from fabrique_desktop.model import Table

    # the copy's document catches up with the rows, written in the database: not beside an
    # app (or phones' room) that owns the folder, which exports its copies itself
    context.claim("la commande « fabrique export »")
    handout = None
    number = getattr(args, "table", None)
    if number is not None:
        tables = [t for t in context.store.find(Table, session_id=session.id) if t.number == number]
        if not tables:
            raise FabriqueError(f"L'atelier « {session.title} » n'a pas de table {number}.")
        handout = {"table_id": tables[0].id, "table_number": number}
    write_handout(
        context.store,
        SyncJournal(context.store),
        session,
        target,
        media_dir=context.data_dir.media if zipped else None,
        handout=handout,
        write=context.store.apply,
    )


def _report(context: Context, session: Session):
    from fabrique_desktop.report import gather_session

    return gather_session(context.store, session, media_dir=context.data_dir.media)


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
    from exports.decidim import elsewhere_note, write_decidim_csv

    report = _report(context, session)
    write_decidim_csv(report, target)
    if note := elsewhere_note(report):
        print(note)


def export_html(context: Context, session: Session, target: Path, args: argparse.Namespace) -> None:
    from exports.html_edition import write_session_html

    write_session_html(_report(context, session), target)


def export_png(context: Context, session: Session, target: Path, args: argparse.Namespace) -> None:
    from ui.board_image import write_board_png  # Qt only for this format

    pages = write_board_png(context.store, session, target)
    for page in pages[1:]:  # a large board: one image per page, cut between cards
        print(f"Exporté : {page}")


EXPORTERS: dict[str, Exporter] = {
    "json": export_json,
    "bundle": export_bundle,
    "pdf": export_pdf,
    "csv": export_csv,
    "md": export_md,
    "png": export_png,
    "decidim": export_decidim,
    "html": export_html,
}

SERIES_FORMATS = ("pdf", "html")


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser("export", parents=[common], help="exporte un atelier dans un fichier")
    p.add_argument(
        "session",
        metavar="ATELIER",
        help="son numéro dans la série, une partie de son titre ou son identifiant",
    )
    p.add_argument("--format", "-f", default="json", help=f"format : {', '.join(EXPORTERS)}")
    p.add_argument("-o", "--output", required=True, metavar="FICHIER", help="fichier à écrire")
    p.add_argument(
        "--delimiter",
        "-d",
        default=",",
        choices=[",", ";"],
        metavar="SÉPARATEUR",
        help="séparateur du CSV : « , » (par défaut) ou « ; » pour les tableurs français",
    )
    p.add_argument(
        "--table",
        type=int,
        metavar="N",
        help="json, bundle : copie pour le preneur de notes de la table N",
    )
    report_language.add_argument(p)
    p.set_defaults(handler=export)
    p = commands.add_parser(
        "import",
        parents=[common],
        help="importe un atelier (.json ou .fabrique) ; fusionne s'il existe déjà",
    )
    p.add_argument("file", metavar="FICHIER")
    p.set_defaults(handler=import_, owner="la commande « fabrique import »")
    p = commands.add_parser(
        "export-series",
        parents=[common],
        help="exporte la synthèse d'une série (tous ses ateliers) en PDF",
    )
    p.add_argument("series", metavar="SERIE", help="une partie de son titre ou son identifiant")
    p.add_argument("--format", "-f", default="pdf", help=f"format : {', '.join(SERIES_FORMATS)}")
    p.add_argument("-o", "--output", required=True, metavar="FICHIER", help="fichier à écrire")
    report_language.add_argument(p)
    p.set_defaults(handler=export_series)
    p = commands.add_parser(
        "import-cards",
        parents=[common],
        help="importe des idées d'un fichier CSV (texte, colonne, persona, horizon, thèmes)",
    )
    p.add_argument(
        "session",
        metavar="ATELIER",
        help="son numéro dans la série, une partie de son titre ou son identifiant",
    )
    p.add_argument("file", metavar="FICHIER.csv")
    p.set_defaults(handler=import_cards, owner="la commande « fabrique import-cards »")


def export(args: argparse.Namespace, context: Context) -> int:
    exporter = EXPORTERS.get(args.format)
    if exporter is None:
        raise FabriqueError(
            f"Format inconnu « {args.format} ». Formats possibles : {', '.join(EXPORTERS)}."
        )
    session = find_session(context.store, args.session)
    check_replaceable(Path(args.output), args.format)
    with language(report_language.chosen(args, context)):
        exporter(context, session, Path(args.output), args)
    print(f"Exporté : {args.output}")
    return 0


def import_(args: argparse.Namespace, context: Context) -> int:
    """Import a session bundle, or merge it into the same session (``fabrique_desktop.sync``)."""
    from db.sync_store import SyncJournal
    from fabrique_desktop import sync

    context.backups.take("avant-import", thin=False)
    store = context.store
    summary, parsed = sync.import_file(
        store, SyncJournal(store), Path(args.file), context.data_dir.media, write=store.apply
    )
    print(f"Importé {summary.message()}")
    table = sync.remember_note_taker(context.settings, parsed, summary)
    if table is not None:
        print(f"Copie de preneur de notes : les idées saisies ici iront à la table {table}.")
    if summary.conflicts:
        print(
            "Des champs ont été modifiés des deux côtés : ouvrez l'atelier dans Fabrique, "
            "menu Fichier › Conflits à trancher."
        )
    return 0


def export_series(args: argparse.Namespace, context: Context) -> int:
    if args.format not in SERIES_FORMATS:
        raise FabriqueError(
            f"Format inconnu « {args.format} » pour une série. Formats possibles : "
            f"{', '.join(SERIES_FORMATS)}."
        )
    from fabrique_desktop.report import gather_series

    series: Series = find_series(context.store, args.series)
    check_replaceable(Path(args.output), args.format)
    with language(report_language.chosen(args, context)):
        report = gather_series(context.store, series, media_dir=context.data_dir.media)
        if args.format == "html":
            from exports.html_edition import write_series_html

            write_series_html(report, Path(args.output), context.data_dir.media)
        else:
            from exports.series_report import write_series_pdf

            write_series_pdf(report, Path(args.output))
    print(f"Exporté : {args.output}")
    return 0


def import_cards(args: argparse.Namespace, context: Context) -> int:
    from fabrique_desktop.csv_import import CsvImportError, read_file

    session = find_session(context.store, args.session)
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CsvImportError(f"Impossible de lire « {path} » : {disk.reason(error)}.") from error
    series = context.store.get(Series, session.series_id)
    if series is None:
        raise FabriqueError("La série de cet atelier est introuvable.")
    try:
        template = session_template(series, session)
        parsed, change = read_file(context.store, session, data, template)
    except CsvImportError as error:
        raise CsvImportError(f"« {shown(path.name, 80)} » : {error}") from None
    present = ""
    if parsed.present:
        p = parsed.present
        present = f"{p} déjà présente{'s' if p > 1 else ''}, non ajoutée{'s' if p > 1 else ''}"
    if not parsed.rows:
        print(f"Aucune idée ajoutée à « {session.title} » : {present}.")
        return 0
    context.backups.take("avant-import-idees", thin=False)
    context.store.apply(change)
    counts = parsed.per_column()
    titles = {c.key: c.title for c in session_template(series, session).columns}
    detail = ", ".join(f"{titles.get(k, k)} : {n}" for k, n in counts.items())
    n = len(parsed.rows)
    also = f" ; {present}" if present else ""
    print(f"Importé {n} idée{'s' if n > 1 else ''} dans « {session.title} » ({detail}){also}.")
    return 0
