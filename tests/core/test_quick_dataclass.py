"""``@quick_dataclass`` answers as ``@dataclass`` does (fabrique_desktop/quick_dataclass.py):
the app's model, changes and board records were dataclasses, and their equality, hash, repr
and immutability must not change with the way their methods are made (issue 28)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import FrozenInstanceError, dataclass, field

import pytest

from fabrique_desktop import board_layout, changes, filters, model, template
from fabrique_desktop.quick_dataclass import quick_dataclass


def twin(decorate: Callable[[type], type]) -> tuple[type, type]:
    """The same classes (a base and a subclass), made by ``decorate``."""

    @decorate
    class Point:
        x: int
        tags: tuple[str, ...] = ()
        note: str = field(default="", compare=False, repr=False)
        weight: float = field(default=0.0, hash=False)
        items: list[object] = field(default_factory=list, hash=False)

    @decorate
    class Labelled(Point):
        label: str = "?"

    return Point, Labelled


FROZEN = (twin(dataclass(frozen=True)), twin(quick_dataclass(frozen=True)))
MUTABLE = (twin(dataclass), twin(quick_dataclass()))
KW_ONLY = (twin(dataclass(kw_only=True)), twin(quick_dataclass(kw_only=True)))


def samples(point: type, labelled: type) -> list[object]:
    return [
        point(1),
        point(1),
        point(1, ("a",)),
        point(1, note="other"),  # not compared
        point(1, weight=2.0),  # compared, not hashed
        point(2, items=[1]),
        labelled(1),
        labelled(1, label="b"),
    ]


def kw_samples(point: type, labelled: type) -> list[object]:
    return [
        point(x=1),
        point(x=1, tags=("a",)),
        point(x=1, note="n"),
        labelled(x=1),
        labelled(x=1, label="b"),
    ]


def behaviour(objects: list[object], hashed: bool) -> list[object]:
    seen: list[object] = []
    for a in objects:
        seen.append(repr(a))
        seen.append(dataclasses.asdict(a))  # type: ignore[call-overload]
        for b in objects:
            seen.append((a == b, a != b, a.__eq__(b)))
        seen.append(a == (1,))
        seen.append(hash(a) if hashed else type(a).__hash__)
    return seen


@pytest.mark.parametrize(
    ("made_by_dataclass", "made_by_quick", "make", "hashed"),
    [
        (*FROZEN, samples, True),
        (*MUTABLE, samples, False),
        (*KW_ONLY, kw_samples, False),
    ],
    ids=["frozen", "mutable", "kw_only"],
)
def test_a_quick_dataclass_compares_hashes_and_reads_as_its_dataclass(
    made_by_dataclass: tuple[type, type],
    made_by_quick: tuple[type, type],
    make: Callable[..., list[object]],
    hashed: bool,
) -> None:
    expected = behaviour(make(*made_by_dataclass), hashed)
    assert behaviour(make(*made_by_quick), hashed) == expected
    assert expected[2:4] != expected[0:2]  # the samples do differ


def test_a_frozen_quick_dataclass_cannot_be_changed_and_is_replaced_as_a_dataclass() -> None:
    point, labelled = FROZEN[1]
    one = labelled(1, ("a",))
    with pytest.raises(FrozenInstanceError):
        one.x = 2
    with pytest.raises(FrozenInstanceError):
        del one.tags
    other = dataclasses.replace(one, x=2)
    assert (other.x, other.tags, other.label) == (2, ("a",), "?")
    assert {point(1), point(1, note="n"), point(2)} == {point(1), point(2)}


def test_a_mutable_quick_dataclass_is_unhashable_and_changes() -> None:
    point, _ = MUTABLE[1]
    one = point(1)
    one.x = 3
    assert one == point(3)
    with pytest.raises(TypeError, match="unhashable"):
        hash(one)


def test_a_quick_dataclass_that_holds_itself_reads_as_a_dataclass() -> None:
    with_dataclass, with_quick = MUTABLE[0][0](1), MUTABLE[1][0](1)
    with_dataclass.items.append(with_dataclass)
    with_quick.items.append(with_quick)
    assert (
        repr(with_quick)
        == repr(with_dataclass)
        == "twin.<locals>.Point(x=1, tags=(), " + ("weight=0.0, items=[...])")
    )


@pytest.mark.parametrize(
    "cls",
    [
        model.Card,
        model.Session,
        changes.Change,
        changes.Edit,
        template.Column,
        filters.Filter,
        board_layout.Frame,
    ],
)
def test_the_apps_quick_dataclasses_compile_no_comparison_repr_nor_frozen_guard(cls: type) -> None:
    """A method dataclass writes is compiled from text: its code's file is « <string> »."""
    for name in ("__eq__", "__repr__", "__hash__", "__setattr__", "__delattr__"):
        method = getattr(cls, name)
        code = getattr(getattr(method, "__wrapped__", method), "__code__", None)
        assert code is None or code.co_filename != "<string>", (cls, name)


@pytest.mark.parametrize("frozen", [True, False])
def test_a_class_s_own_methods_are_kept_as_dataclass_keeps_them(frozen: bool) -> None:
    def made(decorate: Callable[[type], type]) -> list[object]:
        @decorate
        class OwnEq:
            x: int

            def __eq__(self, other: object) -> bool:
                return True

        @decorate
        class OwnHash:
            x: int

            def __hash__(self) -> int:
                return 7

            def __repr__(self) -> str:
                return "mine"

        def hashed(obj: object) -> object:
            return hash(obj) if type(obj).__hash__ is not None else None

        return [
            OwnEq(1) == OwnEq(2),
            hashed(OwnEq(1)),
            OwnHash(1) == OwnHash(2),
            hashed(OwnHash(1)),
            repr(OwnHash(1)),
            repr(OwnEq(1)).split(".")[-1],
        ]

    expected = made(dataclass(frozen=frozen))
    assert made(quick_dataclass(frozen=frozen)) == expected
    assert expected[1] == (hash((1,)) if frozen else None)


def test_a_frozen_quick_dataclass_guards_its_fields_as_dataclass_does() -> None:
    """Its __setattr__ and __delattr__ are closures, not compiled: same refusals, same
    messages, and a plain subclass may still take attributes that are not fields."""

    def attempts(decorate: Callable[[type], type]) -> list[str]:
        @decorate
        class Frozen:
            x: int
            y: str = "b"

        class Sub(Frozen):  # not a dataclass itself
            pass

        seen: list[str] = []
        for obj in (Frozen(1), Sub(1)):
            for act in (
                lambda o: setattr(o, "x", 2),
                lambda o: setattr(o, "z", 3),
                lambda o: delattr(o, "y"),
                lambda o: delattr(o, "z"),
            ):
                try:
                    act(obj)
                    seen.append(f"ok {vars(obj)}")
                except (FrozenInstanceError, AttributeError) as error:
                    seen.append(f"{type(error).__name__}: {error}")
        seen.append(Frozen.__setattr__.__qualname__ + Frozen.__delattr__.__qualname__)
        return seen

    expected = attempts(dataclass(frozen=True))
    assert attempts(quick_dataclass(frozen=True)) == expected
    assert "ok {'x': 1, 'y': 'b', 'z': 3}" in expected  # the subclass took z
    assert dataclasses._frozen_get_del_attr.__module__ == "dataclasses"  # put back
