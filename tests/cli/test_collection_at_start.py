"""A command loads its modules without Python's garbage collection, then collects as Python
does; the app keeps it off (its own collector, ui/gui_thread_gc.py). Those modules all live
on, and the collections they set off cost the app's start-up ~13 M instructions (issue 28)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from fabrique_desktop import cli
from fabrique_desktop.cli import gui


def _watch(monkeypatch) -> dict[str, bool]:
    seen: dict[str, bool] = {}
    parse = cli.parse_arguments

    def parsing(argv):  # type: ignore[no-untyped-def]
        seen["while parsing"] = gc.isenabled()
        return parse(argv)

    monkeypatch.setattr(cli, "parse_arguments", parsing)
    return seen


def test_a_command_loads_without_collection_and_collects_afterwards(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    from fabrique_desktop.cli import listing

    assert gc.isenabled()
    seen = _watch(monkeypatch)
    series = listing.series

    def listed(args, context):  # type: ignore[no-untyped-def]
        seen["running"] = gc.isenabled()
        return series(args, context)

    monkeypatch.setattr(listing, "series", listed)
    assert cli.main(["--data-dir", str(tmp_path / "data"), "series"]) == 0
    assert seen == {"while parsing": False, "running": True}
    assert gc.isenabled()
    assert "La Fabrique" in capsys.readouterr().out


def test_the_app_opens_without_collection(tmp_path: Path, monkeypatch) -> None:
    seen = _watch(monkeypatch)

    def run(args, context) -> int:  # type: ignore[no-untyped-def]
        seen["opening"] = gc.isenabled()
        return 0

    monkeypatch.setattr(gui, "run", run)
    assert cli.main(["--data-dir", str(tmp_path / "data")]) == 0
    assert seen == {"while parsing": False, "opening": False}
    assert gc.isenabled()  # in-process (these tests), as it was


def test_a_refused_argument_leaves_collection_as_it_was(monkeypatch) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--pas-une-option"])
    assert gc.isenabled()
