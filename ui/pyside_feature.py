"""PySide's look at each module imported after it, made by reading the module's file once.

PySide 6 keeps, for its ``__feature__`` switching (snake_case, true_property), a note of each
module imported after it: does the module use PySide? ``PySide6.support.feature`` answers with
``inspect.getsource(module)`` and looks for "PySide6" in it. Through inspect that is a file
read line by line into linecache, its encoding sniffed with tokenize, and inspect's search for
the module: ~20 M instructions for the ~75 modules the demo atelier imports before its first
frame (issue 28: start-up within 1.5× a bare PySide6 window; the bare window imports 4).

``install()`` gives that check a plain read of the module's ``.py`` file (the same answer: the
bytes "PySide6" are in the file exactly when the text is, a Python source's encoding being
ASCII-compatible), and leaves any other module (no ``.py`` file to read, a compiled or
built-in one) to PySide's own check (tests/ui/test_pyside_feature.py compares both).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6  # noqa: F401  (PySide's support package, feature included, is made with it)

FEATURE = "PySide6.support.feature"
pyside_own_check: Callable[[ModuleType], bool] | None = None  # PySide's, once replaced


def install() -> bool:
    """True once PySide's check reads files plainly; False if this PySide has no such check."""
    feature = sys.modules.get(FEATURE)
    pyside_check = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or pyside_check is None:
        return False
    if getattr(pyside_check, "__module__", None) == __name__:
        return True
    global pyside_own_check
    pyside_own_check = pyside_check
    setattr(feature, "_mod_uses_pyside", plain_check(pyside_check))  # noqa: B010
    return True


def plain_check(pyside_check: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return pyside_check(module)

    uses_pyside.__module__ = __name__
    return uses_pyside
