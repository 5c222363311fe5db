"""argparse in French: « usage : », « options », and its error messages.

argparse translates its own words through ``gettext`` (its module-level ``_`` and
``ngettext``); `FrenchParser` answers those calls from the catalogue below while it works, and
leaves them alone for any other parser in the process. A choice refused is listed readably
(« , » ou « ; »), with the closest command suggested.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

CATALOGUE = {
    "usage: ": "usage : ",
    "options": "options",
    "positional arguments": "arguments",
    "show this help message and exit": "affiche cette aide",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "unrecognized arguments: %s": "en trop : %s",
    "the following arguments are required: %s": "il manque : %s",
    "one of the arguments %s is required": "il faut l'un de ces arguments : %s",
    "not allowed with argument %s": "impossible avec l'argument %s",
    "ignored explicit argument %r": "valeur %r ignorée",
    "expected one argument": "attend une valeur",
    "expected at most one argument": "attend au plus une valeur",
    "expected at least one argument": "attend au moins une valeur",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut être %(matches)s"
    ),
    "unexpected option string: %s": "option inattendue : %s",
    "invalid %(type)s value: %(value)r": "valeur %(value)r invalide (%(type)s attendu)",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix %(value)r invalide (possibles : %(choices)s)"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "commande %(parser_name)r inconnue (possibles : %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "impossible d'ouvrir « %(filename)s » : %(error)s",
    "commands": "commandes",
    "subcommands": "commandes",
}


def translate(message: str | None) -> str | None:
    if message is None:
        return None
    return CATALOGUE.get(message, message)


def translate_plural(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return "attend %s valeur" if n == 1 else "attend %s valeurs"
    return singular if n == 1 else plural


@contextmanager
def french() -> Iterator[None]:
    """argparse's words in French for the duration (nested calls keep them)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = translate, translate_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def port_number(text: str) -> int:
    """An argument ``--port``: a whole number a socket can bind (0 lets the system choose)."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"« {text} » n'est pas un nombre entier") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            f"« {text} » n'est pas un port : de 0 (choisi par le système) à 65535"
        )
    return port


def readable(choices: Sequence[Any]) -> str:
    """« , » ou « ; » rather than ',', ';'."""
    quoted = [f"« {choice} »" for choice in choices]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} ou {quoted[-1]}"


class FrenchFormatter(argparse.HelpFormatter):
    def start_section(self, heading: str | None) -> None:
        super().start_section(f"{heading} " if heading else heading)  # « options : »


class FrenchParser(argparse.ArgumentParser):
    def __init__(self, prog: str | None = None, *, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", FrenchFormatter)
        with french():
            super().__init__(prog, add_help=False, **kwargs)
            if add_help:
                self.add_argument(
                    "-h", "--help", action="help", default=argparse.SUPPRESS,
                    help="affiche cette aide",
                )  # fmt: skip

    def add_subparsers(self, **kwargs: Any) -> argparse._SubParsersAction:
        with french():
            return super().add_subparsers(**kwargs)

    def parse_args(self, args=None, namespace=None):
        with french():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):
        with french():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with french():
            return super().format_usage()

    def format_help(self) -> str:
        with french():
            return super().format_help()

    def _get_value(self, action: argparse.Action, arg_string: str) -> Any:
        if action.type in (int, float):
            try:
                return action.type(arg_string)
            except ValueError:
                kind = "un nombre entier" if action.type is int else "un nombre"
                raise argparse.ArgumentError(action, f"« {arg_string} » n'est pas {kind}") from None
        return super()._get_value(action, arg_string)

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is None or value in action.choices:
            return
        import difflib  # here, not at the top: only a wrong choice needs it, not every start-up

        choices = list(action.choices)
        message = f"« {value} » n'est pas possible ; possibles : {readable(choices)}"
        close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1)
        if close:
            message += f". Vouliez-vous dire « {close[0]} » ?"
        raise argparse.ArgumentError(action, message)

    def error(self, message: str) -> NoReturn:
        with french():
            self.print_usage(sys.stderr)
            self.exit(2, f"{self.prog} : erreur : {message}\n")
