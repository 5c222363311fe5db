"""``--lang fr|en`` of the export commands: the language of a document's headings, labels,
counts and typesetting (participants' words are printed as written). Without it, the
interface's language from the settings."""

from __future__ import annotations

import argparse

from fabrique_desktop.cli.context import Context
from fabrique_desktop.typography import LANGUAGES


def add_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        metavar="LANGUE",
        help="langue du document : fr ou en (par défaut celle de l'interface)",
    )


def chosen(args: argparse.Namespace, context: Context) -> str:
    """The documents' language: ``--lang``, else the interface's (settings), else French."""
    lang = getattr(args, "lang", None)
    if lang in LANGUAGES:
        return str(lang)
    saved = context.settings.get("language", "fr")
    return saved if saved in LANGUAGES else "fr"
