"""fabrique_desktop.quick_enum: the functional API's classes, made the quick way, are the ones
Python 3.11's own ``_create_`` makes (members, aliases, flags, order), and any other call is
Python's own."""

from __future__ import annotations

import enum
import pickle
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from fabrique_desktop import quick_enum

pytestmark = pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="Python 3.11's enum only")


@pytest.fixture
def quick() -> Iterator[None]:
    installed = enum.EnumType.__dict__["_create_"]
    assert quick_enum.install()
    yield
    type.__setattr__(enum.EnumType, "_create_", installed)


def state(made: Any) -> dict[str, Any]:
    """All an enum class holds, its members by name and value."""
    return {
        "keys": sorted(vars(made)),
        "member_names": list(made._member_names_),
        "members": [
            (name, member._name_, member._value_, member._sort_order_, type(member) is made)
            for name, member in made._member_map_.items()
        ],
        "in_the_class": all(vars(made)[name] is m for name, m in made._member_map_.items()),
        "by_value": [(value, member._name_) for value, member in made._value2member_map_.items()],
        "iterated": [member._name_ for member in made],
        "mro": [klass.__name__ for klass in made.__mro__],
        "flag": [
            getattr(made, key, None) for key in ("_flag_mask_", "_singles_mask_", "_all_bits_")
        ],
        "boundary": getattr(made, "_boundary_", None),
        "iterates_by_definition": "_iter_member_" in vars(made),
        "module": made.__module__,
        "texts": [(repr(m), str(m), format(m)) for m in made._member_map_.values()],
        "new_member": made._new_member_,
        "use_args": made._use_args_,
        "attributes": {
            name: getattr(value, "__func__", value)
            for name, value in vars(made).items()
            if name not in made._member_map_ and name not in OWN
        },
        "qualname": made.__qualname__,
    }


# each class's own containers (compared above by what they hold)
OWN = ("_member_names_", "_member_map_", "_value2member_map_", "_unhashable_values_")


CASES = [
    (enum.IntEnum, [("One", 1), ("Two", 2), ("Deux", 2), ("Zero", 0), ("Minus", -1)]),
    (enum.Enum, [("Red", 3), ("Green", 1), ("Vert", 1)]),
    (enum.IntFlag, [("Left", 1), ("Right", 2), ("Both", 3), ("None_", 0), ("Top", 32), ("Low", 8)]),
    (enum.Flag, [("A", 4), ("B", 1), ("AB", 5), ("Nothing", 0)]),
    (enum.IntFlag, [("Big", 1 << 40), ("Neg", -1)]),
    (enum.IntEnum, []),
]


@pytest.mark.parametrize(("base", "items"), CASES)
def test_a_quick_enum_is_the_one_python_makes(quick: None, base: Any, items: list) -> None:
    before = quick_enum.made
    made = base("Kind", list(items), boundary=enum.KEEP)
    assert quick_enum.made == before + 1
    expected = quick_enum.python_create(
        base, "Kind", list(items), module=__name__, boundary=enum.KEEP
    )
    assert quick_enum.made == before + 1
    assert state(made) == state(expected)
    assert made.__module__ == __name__


def test_a_quick_enum_behaves_as_an_enum(quick: None) -> None:
    int_flag: Any = enum.IntFlag
    align = int_flag("Align", [("Left", 1), ("Right", 2), ("Top", 32)], boundary=enum.KEEP)
    globals()["Align"] = align  # pickled by name
    try:
        assert align.Left | align.Top == 33
        assert (align.Left | align.Top) & align.Top
        assert align(33) == align.Left | align.Top
        assert align(64) == 64  # KEEP keeps unknown bits
        assert align["Right"] is align.Right
        assert align(2) is align.Right
        assert pickle.loads(pickle.dumps(align.Top)) is align.Top
        with pytest.raises(AttributeError):
            align.Left = 5  # members cannot be reassigned
    finally:
        del globals()["Align"]


@pytest.mark.parametrize(
    ("call", "why"),
    [
        (lambda: enum.IntEnum("K", [("_hidden", 1)], boundary=enum.KEEP), "a private name"),
        (lambda: enum.IntEnum("K", [("real", 1)], boundary=enum.KEEP), "int's own attribute"),
        (lambda: enum.Enum("K", [("name", 1)], boundary=enum.KEEP), "Enum's own property"),
        (lambda: enum.IntEnum("K", [("A", 1), ("B", 2)]), "no boundary"),
        (lambda: enum.IntEnum("K", "A B"), "names only"),
        (lambda: enum.IntEnum("K", {"A": 1}, boundary=enum.KEEP), "a mapping"),
        (lambda: enum.IntEnum("K", [("A", 1.5)], boundary=enum.KEEP), "not an int"),
        (lambda: enum.IntEnum("K", [("A", True)], boundary=enum.KEEP), "a bool"),
    ],
)
def test_any_other_call_is_pythons_own(quick: None, call: Any, why: str) -> None:
    before = quick_enum.made
    call()
    assert quick_enum.made == before, why


def test_a_repeated_name_is_refused_as_python_refuses_it(quick: None) -> None:
    with pytest.raises(TypeError):
        enum.IntEnum("K", [("A", 1), ("A", 2)], boundary=enum.KEEP)


def test_install_is_only_for_python_3_11(monkeypatch: pytest.MonkeyPatch) -> None:
    installed = enum.EnumType.__dict__["_create_"]
    monkeypatch.setattr(sys, "version_info", (3, 12, 0, "final", 0))
    assert quick_enum.install() is False
    assert enum.EnumType.__dict__["_create_"] is installed
