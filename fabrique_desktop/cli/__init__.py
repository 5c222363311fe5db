"""The command line, and the composition root: the one place that wires db, exports and ui.

``fabrique`` alone opens the app; the sub-commands work without a display (no Qt import).
Each module of this package adds its own sub-commands through ``register``.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from fabrique_desktop import __version__, disk
from fabrique_desktop.cli.french import FrenchParser
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.logs import where_details

if TYPE_CHECKING:
    from fabrique_desktop.cli.context import Context

log = logging.getLogger(__name__)

# Modules of this package that add sub-commands; imported only when a sub-command (or the
# help) is asked for, so that opening the app does not pay for them.
COMMAND_MODULES = (
    "listing",
    "exchange",
    "backups",
    "personas",
    "templates",
    "phones",
    "relay",
)

EXIT_USER_ERROR = 1
EXIT_BUG = 70
EXIT_BROKEN_PIPE = 141  # what a shell reports for a command its reader stopped reading


def build_parser() -> argparse.ArgumentParser:
    from fabrique_desktop.cli import gui

    common = FrenchParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DOSSIER",
        default=argparse.SUPPRESS,
        help="dossier des données (sinon $FABRIQUE_DATA_DIR, sinon le dossier de l'utilisateur)",
    )
    parser = FrenchParser(
        prog="fabrique",
        description="Fabrique — ateliers participatifs hors ligne. Sans commande : ouvre "
        "l'application ; avec un fichier .fabrique : l'ouvre et y importe ce fichier.",
        parents=[common],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"fabrique {__version__}",
        help="affiche la version de Fabrique",
    )
    gui.add_arguments(parser)
    commands = parser.add_subparsers(
        dest="command", metavar="COMMANDE", title="commandes", prog="fabrique"
    )
    for name in COMMAND_MODULES:
        importlib.import_module(f"fabrique_desktop.cli.{name}").register(commands, common)
    return parser


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """Arguments that only open the app are read without building every sub-command."""
    from fabrique_desktop.cli import gui

    app_only = FrenchParser(prog="fabrique", add_help=False)
    app_only.add_argument("--data-dir", default=argparse.SUPPRESS)
    gui.add_arguments(app_only)
    args, rest = app_only.parse_known_args(argv)
    if len(rest) == 1 and gui.is_file_to_open(rest[0]):
        args.file = rest[0]  # `fabrique copie.fabrique`: a double-click on a note-taker's copy
        return args
    return build_parser().parse_args(argv) if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    # No garbage collection while the command's modules load: they all live on, and the
    # collections they set off cost the app's start-up ~13 M instructions (issue 28). A
    # command then collects as Python does; the app collects on a timer of its own
    # (ui/gui_thread_gc.py). As it was when the command ends (in-process: the tests).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _command(argv, collecting)
    finally:
        if collecting:
            gc.enable()


def _command(argv: Sequence[str] | None, collecting: bool) -> int:
    from fabrique_desktop.cli import gui
    from fabrique_desktop.cli.context import Context

    args = parse_arguments(argv)
    handler = getattr(args, "handler", gui.run)
    if collecting and handler is not gui.run:
        gc.enable()
    if getattr(args, "data_dir", None) == "":  # `--data-dir "$DOSSIER"` with the variable unset
        print(
            "fabrique : --data-dir est vide : donnez le dossier des données (rien n'a été ouvert "
            "ni modifié ; sans --data-dir, c'est le dossier de l'utilisateur).",
            file=sys.stderr,
        )
        return 2
    context = Context(getattr(args, "data_dir", None))
    try:
        claim(args, context)
        return int(handler(args, context) or 0)
    except FabriqueError as error:
        log.warning("refused: %s", error)
        print(f"fabrique : {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `fabrique sessions | head -1`: the reader has what it wanted
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as error:
        if isinstance(error, OSError) and disk.is_environment(error):  # the disk, not a bug
            log.warning("refused by the disk: %r", error)
            print(f"fabrique : {disk.describe(error)}", file=sys.stderr)
            return EXIT_USER_ERROR
        log.exception("unexpected error in %s", getattr(args, "command", None) or "gui")
        print(
            "fabrique : erreur interne (un défaut de Fabrique, pas de vos données). "
            f"Rien n'a été perdu ; {where_details()}.",
            file=sys.stderr,
        )
        return EXIT_BUG
    finally:
        context.close()


def _silence_stdout() -> None:
    """The reader of the output has gone: what is still buffered for it is dropped, so that
    Python's last flush at exit does not complain on the terminal."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def claim(args: argparse.Namespace, context: Context) -> None:
    """A command that writes owns the data folder while it runs (``db.owner``); the app
    alone, finding it owned, opens read-only instead of refusing."""
    owner = getattr(args, "owner", None)
    if owner is not None:
        context.claim(owner, long=getattr(args, "long", False))
    elif getattr(args, "handler", None) is None:
        context.claim_or_read_only("l'application Fabrique")


if __name__ == "__main__":
    sys.exit(main())
