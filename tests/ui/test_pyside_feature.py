"""ui/pyside_feature.py: PySide's look at each imported module (does it use PySide?) answers
as PySide's own inspect-based check, for every module the app imports, and the app's start-up
reads none of its sources through inspect."""

from __future__ import annotations

import sys

import ui.main_window  # noqa: F401  (the app's modules, imported as the app imports them)
from ui import pyside_feature


def test_every_imported_module_is_judged_as_pyside_judges_it() -> None:
    assert pyside_feature.install()
    feature = sys.modules[pyside_feature.FEATURE]
    own = pyside_feature.pyside_own_check
    assert own is not None
    quick = feature._mod_uses_pyside
    assert quick is not own
    modules = list(sys.modules.values())
    assert len(modules) > 200
    differ = [m.__name__ for m in modules if quick(m) != own(m)]
    assert differ == []
    using = [m.__name__ for m in modules if quick(m)]
    assert "ui.main_window" in using
    assert "fabrique_desktop.model" not in using


def test_the_app_modules_are_noted_as_using_pyside_or_not() -> None:
    feature = sys.modules[pyside_feature.FEATURE]
    noted = feature.pyside_feature_dict
    assert noted["ui.main_window"] == 0  # uses PySide: feature switching applies
    assert noted["fabrique_desktop.model"] == -1  # no PySide: ignored
