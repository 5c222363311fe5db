"""What the start-up has imported when the demo atelier's window paints its first frame
(issue 28: start-up within 1.5× a bare PySide6 window).

Each of these modules cost the first frame before and is needed only later (a report, an
export, a phone, live sharing, the icons, an edited card) or never at start-up. The app runs
in a subprocess of its own, as a user starts it, and stops at its first frame.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from db.store import Store
from fabrique_desktop.paths import DataDir
from fabrique_desktop.workspace import ensure_first_use

DEMO = "Atelier 3 — Objectifs et pistes de projet"
ROOT = Path(__file__).resolve().parents[2]

NOT_BEFORE_THE_FIRST_FRAME = (
    "reportlab",
    "exports",
    "PIL",
    "pycrdt",
    "aiohttp",
    "cryptography",
    "sqlite_utils",
    "qtawesome",  # ui.icons loads it after the first frame
    "difflib",  # a wrong command-line choice only
    "socket",  # SIGTERM's wake-up (ui.close_on_sigterm), set up once the window is shown
    "ui.close_on_sigterm",
    "ui.card_editor",  # made when a card is first edited
    "ui.group_actions",
    "fabrique_desktop.report_words",  # the reports' words (credit's labels need them)
    "fabrique_desktop.report_english",
    "ui.board_overview",  # the overview (Ctrl+8)
)

# Qt classes the first frame does not need, each with the Python enums PySide makes with it
# (an enum costs ~1 M instructions; the first frame made 218 of them, a bare window 43)
NOT_MADE_BEFORE_THE_FIRST_FRAME = {
    "PySide6.QtCore": ("QStringListModel", "QModelIndex"),  # a marker's completions
    "PySide6.QtWidgets": (
        "QStyle",  # the filter's minimum width
        "QStyleOptionFrame",
        "QToolButton",
        "QCompleter",  # made at the first marker typed
    ),
    "PySide6.QtGui": ("QGradient", "QImage"),  # QBrush(QColor) made them (column backdrops)
}

# the window's first frame: ui.first_frame releases the work that waits for it
AT_THE_FIRST_FRAME = """
import gc, json, os, re, sys

compiled = []  # patterns the app's modules compile as they are imported
compile_pattern = re.compile

def compile_at_import(pattern, flags=0):
    caller = sys._getframe(1)
    module = caller.f_globals.get("__name__", "")
    ours = module.split(".")[0] in ("fabrique_desktop", "db", "ui")
    if ours and caller.f_code.co_name == "<module>":
        compiled.append(module)
    return compile_pattern(pattern, flags)

re.compile = compile_at_import
from ui import first_frame
from fabrique_desktop.cli import gui

collections = []  # Python's automatic garbage collections from the app's start on
opening = gui.run

def run(*args):
    gc.callbacks.append(lambda phase, info: phase == "start" and collections.append(info))
    return opening(*args)

gui.run = run

def release(self):
    made = {  # PySide makes a class (and its Python enums) when a module first names it
        name: sorted(vars(sys.modules[name]))
        for name in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets")
    }
    from fabrique_desktop import quick_enum
    seen = {
        "modules": sorted(sys.modules),
        "imported_first": [
            name for name in sys.modules if name in ("PySide6", "fabrique_desktop.quick_enum")
        ],
        "enums_made_quickly": quick_enum.made,
        "sources_read": sorted(__import__("linecache").cache),
        "made": made,
        "collections": collections,
        "compiled": compiled,
    }
    print(json.dumps(seen), flush=True)
    os._exit(0)

first_frame._FirstFrame._release = release
from fabrique_desktop.cli import main
main(sys.argv[1:])
"""


def first_frame(tmp_path: Path) -> dict:
    """What the start-up has imported and made when its window paints its first frame."""
    data = DataDir(tmp_path / "data")
    store = Store.open(data.database)
    ensure_first_use(store)  # the demo made: a first use is not the start-up measured
    store.close()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-c", AT_THE_FIRST_FRAME, "--data-dir", str(data.root), "--open", DEMO],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_first_frame_imports_no_module_it_does_not_need(tmp_path: Path) -> None:
    seen = first_frame(tmp_path)
    imported = set(seen["modules"])
    assert "ui.main_window" in imported  # the window was made: this is its first frame
    early = sorted(
        name
        for name in imported
        if any(
            name == heavy or name.startswith(heavy + ".") for heavy in NOT_BEFORE_THE_FIRST_FRAME
        )
    )
    assert early == []
    made = seen["made"]
    assert "QMainWindow" in made["PySide6.QtWidgets"]  # the window's own class was made
    early_classes = sorted(
        f"{module}.{name}"
        for module, names in NOT_MADE_BEFORE_THE_FIRST_FRAME.items()
        for name in names
        if name in made[module]
    )
    assert early_classes == []


def test_no_garbage_is_collected_before_the_first_frame(tmp_path: Path) -> None:
    """Importing Qt and the app's modules set off some 20 collections of every young object
    (~16 M instructions); the app's own collector (ui/gui_thread_gc.py) starts after the frame."""
    assert first_frame(tmp_path)["collections"] == []


def test_the_app_compiles_no_regular_expression_as_it_imports(tmp_path: Path) -> None:
    """Python's regex parser is pure Python: 11 patterns compiled at import (limits, template,
    capture, lookup, hyphenation, card_item) cost ~13 M instructions, and the first frame uses
    none of them. fabrique_desktop.lazy_pattern compiles each on its first use."""
    assert first_frame(tmp_path)["compiled"] == []


def test_qt_enums_are_made_the_quick_way_from_the_first(tmp_path: Path) -> None:
    """PySide makes each Qt enum through Python's enum code, ~1 M instructions an enum on
    Python 3.11 (the Qt namespace alone, 93 enums, ~117 M): fabrique_desktop.quick_enum makes
    the same classes for ~40 % of that. The ui package installs it before PySide6 is first
    imported, so that QtCore's own enums, made as it is imported, are made that way too."""
    seen = first_frame(tmp_path)
    assert seen["imported_first"] == ["fabrique_desktop.quick_enum", "PySide6"]
    assert seen["enums_made_quickly"] > 150  # the first frame made ~200 enums


def test_no_source_is_read_through_inspect_before_the_first_frame(tmp_path: Path) -> None:
    """PySide looks at each module imported after it for "PySide6" (its __feature__ switching);
    through inspect.getsource that read ~75 files line by line (~20 M instructions).
    ui/pyside_feature.py reads each file plainly: nothing goes through linecache but the two
    modules PySide looks at while it is itself imported, as a bare PySide6 window does."""
    read = first_frame(tmp_path)["sources_read"]
    assert [path for path in read if not path.endswith(PYSIDES_OWN_LOOK)] == []


PYSIDES_OWN_LOOK = ("/enum.py", "/shiboken6/__init__.py")
