"""The command line, and the composition root: the one place that wires db, exports and ui.

``fabrique`` alone opens the app; the sub-commands work without a display (no Qt import).
Each module of this package adds its own sub-commands through ``register``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from fabrique_desktop import __version__
from fabrique_desktop.cli import backups, exchange, gui, listing
from fabrique_desktop.cli import personas as personas_cli
from fabrique_desktop.cli import templates as templates_cli
from fabrique_desktop.cli.context import Context
from fabrique_desktop.errors import FabriqueError

log = logging.getLogger(__name__)

COMMAND_MODULES = [listing, exchange, backups, personas_cli, templates_cli]

EXIT_USER_ERROR = 1
EXIT_BUG = 70


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DOSSIER",
        default=argparse.SUPPRESS,
        help="dossier des données (sinon $FABRIQUE_DATA_DIR, sinon le dossier de l'utilisateur)",
    )
    parser = argparse.ArgumentParser(
        prog="fabrique",
        description="Fabrique — ateliers participatifs hors ligne. "
        "Sans commande : ouvre l'application.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"fabrique {__version__}")
    gui.add_arguments(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE", title="commandes")
    for module in COMMAND_MODULES:
        module.register(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    context = Context(getattr(args, "data_dir", None))
    handler = getattr(args, "handler", gui.run)
    try:
        return int(handler(args, context) or 0)
    except FabriqueError as error:
        log.warning("refused: %s", error)
        print(f"fabrique : {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception:
        log.exception("unexpected error in %s", args.command or "gui")
        print(
            "fabrique : erreur inattendue. Rien n'a été perdu ; les détails sont dans "
            f"« {context.data_dir.log_file} ».",
            file=sys.stderr,
        )
        return EXIT_BUG
    finally:
        context.close()


if __name__ == "__main__":
    sys.exit(main())
