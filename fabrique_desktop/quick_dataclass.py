"""``@quick_dataclass``: a dataclass whose ``__eq__``, ``__hash__``, ``__repr__`` and, frozen, its
``__setattr__`` and ``__delattr__`` compile nothing.

Python 3.11's ``@dataclass`` writes each method it adds as source text and compiles it with
``exec``: ~0.6 M instructions a method, ~3.4 M for a frozen class's six. The app made 27
dataclasses before its first frame, ~80 M instructions (issue 28: start-up within 1.5× a bare
PySide6 window). ``@quick_dataclass`` leaves ``__init__`` to ``dataclass``, and gives the class
comparison, hash and repr made of closures over its fields' names. They answer as dataclass's
own do (tests/core/test_quick_dataclass.py): equal when of the same class with equal compared
fields, hashed on the same fields, ``Name(field=value, …)``; a mutable one is unhashable. A
frozen class's guard against changes is dataclass's own ``_frozen_get_del_attr`` written as
two closures (the same refusals and messages), handed to ``dataclass`` while it makes the
class."""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, fields
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


@dataclass_transform(field_specifiers=(Field,))
def quick_dataclass(*, frozen: bool = False, kw_only: bool = False) -> Callable[[type[T]], type[T]]:
    """``@dataclass(frozen=…, kw_only=…)``, same behaviour, cheaper to define."""

    def define(cls: type[T]) -> type[T]:
        if frozen:
            with _frozen_pair_as_closures():
                made = dataclass(cls, frozen=True, kw_only=kw_only, eq=False, repr=False)
        else:
            made = dataclass(cls, kw_only=kw_only, eq=False, repr=False)
        own = made.__dict__
        made_fields: tuple[Field[Any], ...] = fields(made)  # type: ignore[arg-type]
        # as dataclass: a class's own __hash__ is kept (None is Python's, for its own __eq__)
        own_hash = own.get("__hash__", MISSING)
        keeps_hash = not (own_hash is MISSING or (own_hash is None and "__eq__" in own))
        if "__repr__" not in own:
            _add(made, "__repr__", _repr([f.name for f in made_fields if f.repr]))
        if "__eq__" not in own:
            _add(made, "__eq__", _eq(_values([f.name for f in made_fields if f.compare])))
        if keeps_hash:
            pass
        elif frozen:
            hashed = [f.name for f in made_fields if (f.compare if f.hash is None else f.hash)]
            _add(made, "__hash__", _hash(_values(hashed)))
        else:  # a mutable dataclass that compares is unhashable
            made.__hash__ = None  # type: ignore[assignment]
        return made

    return define


@contextmanager
def _frozen_pair_as_closures() -> Iterator[None]:
    """While a frozen class is made: its ``__setattr__`` and ``__delattr__`` as closures, not
    compiled from text (dataclass's own, ``_frozen_get_del_attr``, is put back after; any
    other class made meanwhile gets the same methods, made the same way)."""
    written = dataclasses._frozen_get_del_attr  # type: ignore[attr-defined]
    dataclasses._frozen_get_del_attr = _frozen_pair  # type: ignore[attr-defined]
    try:
        yield
    finally:
        dataclasses._frozen_get_del_attr = written  # type: ignore[attr-defined]


def _frozen_pair(
    owner: type[Any], made_fields: list[Field[Any]], globals: dict[str, Any]
) -> tuple[Callable[..., None], Callable[..., None]]:
    """Python 3.11's ``_frozen_get_del_attr``, line for line, as two closures."""
    names = tuple(f.name for f in made_fields)

    def __setattr__(self: Any, name: str, value: object) -> None:  # noqa: N807
        if type(self) is owner or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(owner, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:  # noqa: N807
        if type(self) is owner or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(owner, self).__delattr__(name)

    return __setattr__, __delattr__


def _add(cls: type, name: str, method: Callable[..., Any]) -> None:
    method.__name__ = name
    method.__qualname__ = f"{cls.__qualname__}.{name}"
    setattr(cls, name, method)


def _values(names: list[str]) -> Callable[[object], tuple[Any, ...]]:
    """The tuple of these fields' values, as dataclass's ``(self.a, self.b,)``."""
    if not names:
        return lambda obj: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return attrgetter(*names)


def _eq(values: Callable[[object], tuple[Any, ...]]) -> Callable[[object, object], Any]:
    def equal(self: object, other: object) -> Any:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return equal


def _hash(values: Callable[[object], tuple[Any, ...]]) -> Callable[[object], int]:
    def hashed(self: object) -> int:
        return hash(values(self))

    return hashed


def _repr(names: list[str]) -> Callable[[object], str]:
    @reprlib.recursive_repr()
    def shown(self: object) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({values})"

    return shown
