"""Qt's enums, made by PySide through fabrique_desktop.quick_enum (installed by the ui package
before PySide6 is imported), are the enums Python 3.11's own enum code makes of the same
members: every enum of QtCore, QtGui and QtWidgets, compared member by member."""

from __future__ import annotations

import enum
import subprocess
import sys
from typing import Any

import pytest

import ui  # noqa: F401  (installs quick_enum, as the app does)
from fabrique_desktop import quick_enum
from tests.core.test_quick_enum import state

pytestmark = pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="Python 3.11's enum only")


def qt_enums() -> list[Any]:
    from PySide6 import QtCore, QtGui, QtWidgets

    found: list[Any] = []
    for module in (QtCore, QtGui, QtWidgets):
        for name in dir(module):  # names every class, made (with its enums) as it is read
            value = getattr(module, name)
            inner = [value] + (list(vars(value).values()) if isinstance(value, type) else [])
            found += [e for e in inner if isinstance(e, enum.EnumType) and e not in found]
    return found


def test_pyside_makes_its_enums_the_quick_way() -> None:
    """Counted in a fresh interpreter: in a test run, earlier tests have made most of them."""
    count = (
        "import ui; from fabrique_desktop import quick_enum; "
        "from tests.ui.test_qt_enums import qt_enums; "
        "print(len(qt_enums()), quick_enum.made)"
    )
    done = subprocess.run(
        [sys.executable, "-c", count], capture_output=True, text=True, check=True, timeout=120
    )
    found, made = map(int, done.stdout.split())
    assert found > 600
    assert made > 400


def test_every_qt_enum_is_the_one_python_makes() -> None:
    enums = qt_enums()
    assert len(enums) > 600
    differ = []
    for made in enums:
        base = next(
            b for b in (enum.IntFlag, enum.Flag, enum.IntEnum, enum.Enum) if issubclass(made, b)
        )
        members = [(name, member._value_) for name, member in made._member_map_.items()]
        expected = quick_enum.python_create(
            base, made.__name__, members, module=made.__module__, boundary=enum.KEEP
        )
        expected.__qualname__ = made.__qualname__  # PySide sets these two after making it
        # PySide adds these after making the class: its permissive lookup (not a flag's), and
        # Qt.CTRL + Qt.Key_A and Qt.CTRL | Qt.Key_A for the modifiers
        for added in ("_missing_", "__add__", "__radd__", "__or__", "__ror__"):
            if added in vars(made):
                setattr(expected, added, vars(made)[added])
        if as_made(made) != as_made(expected):
            differ.append(made.__qualname__)
    assert differ == []


def as_made(made: Any) -> dict[str, Any]:
    """The class's state without what use adds to it: the values Python's enum caches (a
    flag's combinations, PySide's unnamed values) and the old names PySide adds as they are
    read (``Qt.MouseButton.MidButton``); earlier tests of a run have used them."""
    named = {member._value_ for member in made._member_map_.values()}
    added = {
        name
        for name, value in vars(made).items()
        if isinstance(value, made) and name not in made._member_map_
    }
    held = state(made)
    held["by_value"] = [(value, name) for value, name in held["by_value"] if value in named]
    held["keys"] = [name for name in held["keys"] if name not in added]
    held["attributes"] = {k: v for k, v in held["attributes"].items() if k not in added}
    return held


def test_qt_enums_answer_as_before() -> None:
    from PySide6.QtCore import QDir, Qt

    both = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    assert both == 33
    assert Qt.AlignmentFlag(33) == both
    assert Qt.Key(12345678) == 12345678  # PySide's _missing_: values Qt does not name
    assert repr(Qt.Key.Key_A) == "<Key.Key_A: 65>"
    assert Qt.Key["Key_A"] is Qt.Key.Key_A
    assert str(QDir.Filter.Drives | QDir.Filter.Files) == "Filter.Files|Drives"
    assert Qt.ItemDataRole.DisplayRole == 0
    assert list(Qt.CheckState)[-1] is Qt.CheckState.Checked
