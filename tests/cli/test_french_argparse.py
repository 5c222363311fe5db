"""The command line's own messages in French: « usage », « options », readable choices."""

from __future__ import annotations

import argparse

import pytest

from fabrique_desktop.cli import build_parser, main


def test_help_is_french(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args(["export", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage : fabrique export ")
    assert "\narguments :\n" in out
    assert "\noptions :\n" in out
    assert "affiche cette aide" in out
    assert "--delimiter SÉPARATEUR" in out
    assert "{,,;}" not in out
    for english in ("usage:", "positional arguments", "show this help", "options:"):
        assert english not in out


def test_main_help_lists_commands_and_files(capsys) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    assert "commandes :" in out
    assert "FICHIER.fabrique" not in out.split("\n")[0]
    assert ".fabrique" in out  # `fabrique copie.fabrique` is explained
    assert "affiche la version de Fabrique" in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["export", "3", "-o", "x.csv", "-d", ":"],
            "argument --delimiter/-d : « : » n'est pas possible ; possibles : « , » ou « ; »",
        ),
        (["exprot"], "Vouliez-vous dire « export » ?"),
        (["export"], "fabrique export : erreur : il manque : ATELIER, -o/--output"),
        (["export", "3", "-o", "x", "--table", "deux"], "« deux » n'est pas un nombre entier"),
        # it read « argument(s) inconnu(s) » (one or several: the words name them)
        (
            ["sessions", "--bavard"],
            "fabrique : erreur : en trop : --bavard",
        ),
        (["series", "a", "b"], "fabrique : erreur : en trop : a b"),
    ],
)
def test_errors_are_french(capsys, tmp_path, argv, expected) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--data-dir", str(tmp_path), *argv])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert expected in err
    assert err.startswith("usage : fabrique")
    assert "error:" not in err
    assert "invalid choice" not in err


def test_other_parsers_keep_their_language(capsys) -> None:
    build_parser()  # ours translated while it was built…
    other = argparse.ArgumentParser(prog="autre")
    other.add_argument("--n", type=int)
    with pytest.raises(SystemExit):
        other.parse_args(["--n", "x"])
    assert "error: argument --n: invalid int value" in capsys.readouterr().err  # …not others
