"""PySide's enums made without Python 3.11's per-member bookkeeping.

PySide 6 makes every Qt enum a Python enum through enum's functional API
(``IntEnum(name, [(member, value), …], boundary=KEEP)``), type by type as the app first names
it: the ``Qt`` namespace alone is 93 enums and 1,195 members (``Qt.Key`` ~450). Python 3.11
turns each member into an object through ``_EnumDict.__setitem__`` and
``_proto_member.__set_name__`` (a ``delattr``, an ``hasattr``, a walk of the class's bases and a
Python-level ``__setattr__`` each): ~60 % of the 240 M instructions the app spent making enums
before its first frame (issue 28: start-up within 1.5× a bare PySide6 window).

``install()`` replaces ``EnumType._create_`` (the functional API's worker) by one that, for that
call only — a plain ``Enum``/``IntEnum``/``Flag``/``IntFlag``, ``boundary=KEEP``, a list of
``(str, int)`` pairs whose names are ordinary (no ``_``, no name of the base classes, no
repeat) — makes the class as Python's own ``_simple_enum`` does (``type.__new__`` given the
whole class body, which for these calls depends on the base only: taken once from an empty
class of that base made by Python's own code), then adds the members as
``_proto_member.__set_name__`` would: same objects, same ``_member_names_``, ``_member_map_``,
``_value2member_map_``, aliases, flag masks and iteration order, same class attributes
(tests/core/test_quick_enum.py; tests/ui/test_qt_enums.py compares every enum of QtCore, QtGui
and QtWidgets both ways). Any other call goes to Python's own ``_create_``. Python 3.11 only:
another version's enum keeps its own code (``install`` returns False). Measured: a class
~0.32 M instructions → ~0.14 M, a member several times less.

``ui/__init__.py`` installs it, so that it is in place before the ``ui`` package imports
PySide6 (the app, the tests). In the frozen app PyInstaller's PySide6 run-time hook imports
QtCore before any of the app's code: QtCore's ~20 import-time enums are Python's own there, the
rest (the ``Qt`` namespace among them) quick.
"""

from __future__ import annotations

import contextlib
import enum
import sys
from typing import Any

_BASES = (enum.Enum, enum.IntEnum, enum.Flag, enum.IntFlag)
python_create: Any = enum.EnumType.__dict__["_create_"]
_names_in_bases: dict[type, frozenset[str]] = {}
_templates: dict[type, dict[str, Any]] = {}
made = 0  # classes made the quick way (tests)


def install() -> bool:
    """Use the quick path from now on (Python 3.11); False, and nothing changed, elsewhere."""
    if sys.version_info[:2] != (3, 11):
        return False
    type.__setattr__(enum.EnumType, "_create_", _create_)
    return True


def _create_(
    cls: Any,
    class_name: str,
    names: Any,
    *,
    module: str | None = None,
    qualname: str | None = None,
    type: Any = None,
    start: int = 1,
    boundary: Any = None,
) -> Any:
    if module is None:
        # as Python's _create_: the module of the code that called the enum class
        with contextlib.suppress(AttributeError, ValueError, KeyError):
            module = sys._getframe(2).f_globals["__name__"]
    if (
        boundary is enum.KEEP
        and qualname is None
        and type is None
        and cls in _BASES
        and module is not None
        and names.__class__ is list
        and _plain_members(cls, names)
    ):
        return _quick(cls, class_name, names, module)
    return python_create(
        cls,
        class_name,
        names,
        module=module,
        qualname=qualname,
        type=type,
        start=start,
        boundary=boundary,
    )


def _plain_members(cls: type, names: list[Any]) -> bool:
    """(str, int) pairs, each name a member as _EnumDict would take it, none shadowing a base's."""
    reserved = _names_in_bases.get(cls)
    if reserved is None:
        reserved = frozenset(name for klass in cls.__mro__ for name in vars(klass))
        _names_in_bases[cls] = reserved
    seen: set[str] = set()
    for item in names:
        if item.__class__ is not tuple or len(item) != 2:
            return False
        name, value = item
        if (
            name.__class__ is not str
            or value.__class__ is not int
            or not name
            or name[0] == "_"
            or name == "mro"
            or name in reserved
            or name in seen
        ):
            return False
        seen.add(name)
    return True


def _quick(cls: Any, class_name: str, names: list[tuple[str, int]], module: str) -> Any:
    global made
    made += 1
    # what EnumType.__new__ writes in a class depends on its base only: taken from an empty
    # class of that base, made once by Python's own code, then given to the path Python's
    # _simple_enum takes (the class made by type.__new__ as it is)
    template = _templates.get(cls)
    if template is None:
        empty = python_create(cls, "Empty", [], module=__name__, boundary=enum.KEEP)
        template = _templates[cls] = dict(vars(empty))
    body = dict(template)
    body["__module__"] = module
    body["_member_names_"] = []
    body["_member_map_"] = {}
    body["_value2member_map_"] = {}
    body["_unhashable_values_"] = []
    enum_class = cls.__class__(class_name, (cls,), body, boundary=enum.KEEP, _simple=True)
    new_member = enum_class._new_member_
    use_args = enum_class._use_args_
    member_names = enum_class._member_names_
    member_map = enum_class._member_map_
    value_map = enum_class._value2member_map_
    set_attribute = type.__setattr__  # EnumType's own only refuses to reassign a member
    is_flag = issubclass(enum_class, enum.Flag)
    flag_mask = singles_mask = 0
    for name, value in names:
        member = new_member(enum_class, value) if use_args else new_member(enum_class)
        member._value_ = value
        member._name_ = name
        member.__objclass__ = enum_class
        # Enum.__init__ does nothing
        member._sort_order_ = len(member_names)
        single_bit = False
        if is_flag:
            flag_mask |= value
            single_bit = value != 0 and value & (value - 1) == 0
            if single_bit:
                singles_mask |= value
        canonical = value_map.get(value)
        if canonical is None:
            # a flag's multi-bit member is an alias of its bits: not in _member_names_
            if not is_flag or single_bit:
                member_names.append(name)
            value_map[value] = member
        else:
            member = canonical  # an alias: the first member of that value
        set_attribute(enum_class, name, member)
        member_map[name] = member
    if is_flag:
        enum_class._flag_mask_ = flag_mask
        enum_class._singles_mask_ = singles_mask
        enum_class._all_bits_ = 2 ** flag_mask.bit_length() - 1
        values = [member._value_ for member in enum_class]
        if values != sorted(values):
            enum_class._iter_member_ = enum_class._iter_member_by_def_
    return enum_class
