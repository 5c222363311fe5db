"""Every figure of issue 28 in one command, this checkout (head) against a git ref (base).

    .venv/bin/python -m tests.bench.ratios main            # base = main, 5 runs each
    .venv/bin/python -m tests.bench.ratios HEAD~3 --only startup,cards --runs 7

The base ref is checked out into a temporary worktree; base and head runs alternate (base,
head, base, head…) so both see the same machine, and each figure is the median of the runs,
as a ratio against its own baseline measured in the same alternation:

- start-up: ``python -m fabrique_desktop.cli --open <demo atelier>`` until its window is
  visible to the X server (``xdotool search --onlyvisible --pid``, polled every 5 ms, on an
  Xvfb display of its own with openbox) vs a bare PySide6 ``QMainWindow`` timed the same way;
- the same for an atelier of 2000 ideas;
- the PDF report and the series booklet of 2000 ideas vs a naive reportlab table of the same
  texts (same process, fonts registered first);
- the board image of 2000 ideas: seconds and peak memory of its own process;
- merges: a 2000-idea copy imported, then 2000 new ideas merged into 2000, then the same merge
  again, each vs a plain JSON load + insert of the same ideas;
- the standalone package's unpacked size, if ``dist/Fabrique`` has been built in a tree.

It refuses to measure while the load average is above 1 (figures taken beside other work are
not comparable with the issue's): it says so and stops. ``--under-load`` measures anyway and
labels every figure as measured under load.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

HEAD = Path(__file__).resolve().parents[2]
DEMO = "Atelier 3 — Objectifs et pistes de projet"
QUIET_LOAD = 1.0
POLL_SECONDS = 0.005
FIGURES = ("startup", "cards", "pdf", "booklet", "image", "merge", "package")
BOUNDS = {
    "start-up to a visible window (demo atelier)": 1.5,
    "a 2000-idea atelier to a visible window": 2.0,
    "PDF report of 2000 ideas": 1.5,
    "series booklet of 2000 ideas": 1.5,
    "merge of 2000 new ideas into 2000": 4.0,
}

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1280, 720)
window.show()
app.exec()
"""

FILL = """
import sys
from pathlib import Path
from db.store import Store
from fabrique_desktop.paths import DataDir
from fabrique_desktop.workspace import ensure_first_use, list_sessions
from tests.bench import test_board_perf as perf
data = DataDir(Path(sys.argv[1]))
store = Store.open(data.database)
series = ensure_first_use(store)
# an atelier on the four Vivre (a base tree from before the phases has no BIG_ATELIER)
BIG_ATELIER = getattr(perf, "BIG_ATELIER", 4)
session = next(s for s in list_sessions(store, series.id) if s.number == BIG_ATELIER)
perf.fill(store, session.id)
store.close()
print(session.id)
"""

REPORTS = """
import io, json, sys, tempfile, time
from pathlib import Path
from exports.fonts import register_fonts
from tests.bench import test_report_speed as bench
register_fonts()
folder = Path(tempfile.mkdtemp(prefix="fabrique-ratios-"))
store, session = bench._session(folder, 2000)
texts = [t for t, *_ in bench._texts(2000)]
out = {}
bench._report(store, session)  # warm-up: imports, font metrics
for name, run in (("naive", lambda: bench._naive(texts)),
                  ("pdf", lambda: bench._report(store, session)),
                  ("booklet", lambda: bench._series_booklet(store, session))):
    if name not in sys.argv[1:] and name != "naive":
        continue
    start = time.perf_counter()
    run()
    out[name] = time.perf_counter() - start
print(json.dumps(out))
"""

IMAGE = """
import json, resource, sys, tempfile, time
from pathlib import Path
from db.store import Store
from fabrique_desktop.template import builtin_template
from fabrique_desktop.workspace import create_series, list_sessions
from tests.bench.test_board_perf import fill
folder = Path(tempfile.mkdtemp(prefix="fabrique-ratios-"))
store = Store.open(folder / "board.db")
series = create_series(store, builtin_template())
session = list_sessions(store, series.id)[2]
fill(store, session.id, 2000)
from ui import board_image
board_image.ensure_gui()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
files = board_image.write_board_png(store, session, folder / "board.png")
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_mb": peak / 1024,
                  "own_mb": (peak - before) / 1024, "files": len(files)}))
"""

MERGE = """
import json, tempfile, time
from pathlib import Path
from db.store import Store
from db.sync_store import SyncJournal
from fabrique_desktop import bundle, sync
from fabrique_desktop.workspace import ensure_first_use, list_sessions
from tests.bench.test_merge_speed import _cards

CPU = {}

def timed(run, name=None):
    start, cpu = time.perf_counter(), time.process_time()
    result = run()
    if name is not None:  # this process's CPU time: what a loaded machine does not inflate
        CPU[name + "_cpu"] = time.process_time() - cpu
    return time.perf_counter() - start, result

folder = Path(tempfile.mkdtemp(prefix="fabrique-ratios-"))
facilitator = Store.open(folder / "f" / "fabrique.db")
series = ensure_first_use(facilitator)
session = list_sessions(facilitator, series.id)[0]
facilitator.apply(_cards(session.id, "idée"))
plain = bundle.to_json(bundle.collect(facilitator, session))

def baseline():
    store = Store.open(folder / f"b{time.perf_counter_ns()}" / "fabrique.db")
    parsed = bundle.from_json(plain)
    store.put_many(parsed.all_entities(), track=False)
    store.close()

bases = []
for _ in range(3):
    bases.append((timed(baseline, "base")[0], CPU["base_cpu"]))
base, base_cpu = min(wall for wall, _ in bases), min(cpu for _, cpu in bases)
copy = bundle.to_json(sync.handout_bundle(facilitator, SyncJournal(facilitator), session))
note_taker = Store.open(folder / "n" / "fabrique.db")
first, _ = timed(lambda: sync.import_bundle(note_taker, SyncJournal(note_taker),
                                            bundle.from_json(copy)), "import")
note_taker.apply(_cards(session.id, "note"))
back = bundle.to_json(sync.handout_bundle(note_taker, SyncJournal(note_taker), session))
merge, summary = timed(lambda: sync.import_bundle(facilitator, SyncJournal(facilitator),
                                                  bundle.from_json(back)), "merge")
assert summary.new == 2000, summary
again, _ = timed(lambda: sync.import_bundle(facilitator, SyncJournal(facilitator),
                                            bundle.from_json(back)), "again")
CPU["base_cpu"] = base_cpu
print(json.dumps({"base": base, "import": first, "merge": merge, "again": again, **CPU}))
"""


@dataclass
class Tree:
    name: str
    root: Path
    samples: dict[str, list[float]] = field(default_factory=dict)

    def add(self, key: str, value: float) -> None:
        self.samples.setdefault(key, []).append(value)

    def median(self, key: str) -> float:
        return statistics.median(self.samples[key])


def load() -> float:
    return os.getloadavg()[0]


def python_env(display: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "WAYLAND_DISPLAY")}
    if display is None:
        env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    return env


def run_json(tree: Tree, code: str, *args: str) -> dict[str, float]:
    # the scripts' own temporary folders (databases, PDFs, images: ~20 MB a run) go with it
    with tempfile.TemporaryDirectory(prefix="fabrique-ratios-", ignore_cleanup_errors=True) as tmp:
        result = subprocess.run(
            [sys.executable, "-c", code, *args],
            cwd=tree.root,
            env={**python_env(), "TMPDIR": tmp},
            capture_output=True,
            text=True,
            timeout=900,
        )
    if result.returncode != 0:
        raise RuntimeError(f"{tree.name}: {result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- a visible window on a display of our own ----------------------------------------------


def free_display() -> int:
    for number in range(140, 200):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return number
    raise RuntimeError("no free X display")


@contextmanager
def x_display(window_manager: bool) -> Iterator[str]:
    display = f":{free_display()}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    processes = [server]
    env = python_env(display)
    try:
        deadline = time.monotonic() + 20
        while subprocess.run(
            ["xdotool", "getdisplaygeometry"], env=env, capture_output=True
        ).returncode:
            if time.monotonic() > deadline:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.1)
        if window_manager and shutil.which("openbox"):
            processes.append(
                subprocess.Popen(
                    ["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                )
            )
            time.sleep(1.0)
        yield display
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(timeout=10)


def seconds_to_visible(command: list[str], cwd: Path, display: str) -> float:
    """From starting ``command`` to a window of its process being viewable (mapped, and its
    parents mapped) as ``xdotool search --onlyvisible`` sees it: the moment of the last query
    that found nothing, so the figure never includes the polling itself."""
    env = python_env(display)
    start = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = start + 60
        while time.perf_counter() < deadline:
            asked = time.perf_counter()
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--pid", str(child.pid)],
                env=env,
                capture_output=True,
            )
            if found.returncode == 0 and found.stdout.strip():
                return asked - start
            if child.poll() is not None:
                raise RuntimeError(f"{command} ended without a window")
            time.sleep(POLL_SECONDS)
        raise RuntimeError(f"{command}: no visible window within a minute")
    finally:
        child.kill()
        child.wait()


# --- the figures --------------------------------------------------------------------------


def app_command(data: Path, atelier: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "fabrique_desktop.cli",
        "--data-dir",
        str(data),
        "--open",
        atelier,
    ]


def window_figures(trees: list[Tree], runs: int, work: Path, figures: set[str], wm: bool) -> None:
    bare = [sys.executable, "-c", BARE]
    openings: dict[str, dict[str, list[str]]] = {}
    for tree in trees:
        commands = {}
        if "startup" in figures:
            commands["startup"] = app_command(work / tree.name / "demo", DEMO)
        if "cards" in figures:
            data = work / tree.name / "cards"
            result = subprocess.run(
                [sys.executable, "-c", FILL, str(data)],
                cwd=tree.root,
                env=python_env(),
                capture_output=True,
                text=True,
                check=True,
            )
            commands["cards"] = app_command(data, result.stdout.strip().splitlines()[-1])
        openings[tree.name] = commands
    with x_display(wm) as display:
        for tree in trees:  # first use (the demo made), the disk cache warmed
            for command in openings[tree.name].values():
                seconds_to_visible(command, tree.root, display)
        seconds_to_visible(bare, HEAD, display)
        for _ in range(runs):
            for tree in trees:
                # one baseline for both trees: the bare window does not change with them, and
                # two medians of it differed by up to 30 % in one quiet run (313 vs 244 ms)
                seconds = seconds_to_visible(bare, HEAD, display)
                for each in trees:
                    each.add("bare", seconds)
                for key, command in openings[tree.name].items():
                    tree.add(key, seconds_to_visible(command, tree.root, display))


def report_figures(trees: list[Tree], runs: int, figures: set[str]) -> None:
    wanted = [name for name in ("pdf", "booklet") if name in figures]
    for _ in range(runs):
        for tree in trees:
            for key, value in run_json(tree, REPORTS, *wanted).items():
                tree.add(key, value)


def image_figures(trees: list[Tree], runs: int) -> None:
    for _ in range(runs):
        for tree in trees:
            out = run_json(tree, IMAGE)
            tree.add("image", out["seconds"])
            tree.add("image_peak", out["peak_mb"])
            tree.add("image_own", out["own_mb"])
            tree.add("image_files", out["files"])


def merge_figures(trees: list[Tree], runs: int) -> None:
    for _ in range(runs):
        for tree in trees:
            for key, value in run_json(tree, MERGE).items():
                tree.add(f"merge_{key}", value)


def unpacked_mb(tree: Tree) -> float | None:
    dist = tree.root / "dist" / "Fabrique"
    if not dist.is_dir():
        return None
    total = sum(p.stat().st_size for p in dist.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1e6


# --- the table ----------------------------------------------------------------------------


def rows(tree: Tree) -> list[tuple[str, str, float | None]]:
    """(figure, value as said, ratio or None) for what was measured in ``tree``."""
    out: list[tuple[str, str, float | None]] = []
    s = tree.samples

    def ratio(name: str, key: str, base: str) -> None:
        value, baseline = tree.median(key), tree.median(base)
        out.append((name, f"{value * 1000:.0f} ms vs {baseline * 1000:.0f} ms", value / baseline))

    if "startup" in s:
        ratio("start-up to a visible window (demo atelier)", "startup", "bare")
    if "cards" in s:
        ratio("a 2000-idea atelier to a visible window", "cards", "bare")
    if "pdf" in s:
        ratio("PDF report of 2000 ideas", "pdf", "naive")
    if "booklet" in s:
        ratio("series booklet of 2000 ideas", "booklet", "naive")
    if "image" in s:
        out.append(
            (
                "board image of 2000 ideas",
                f"{tree.median('image'):.2f} s, {tree.median('image_peak'):.0f} MB peak "
                f"({tree.median('image_own'):.0f} MB its own), "
                f"{tree.median('image_files'):.0f} images (bound 1.5 s, 200 MB)",
                None,
            )
        )
    if "merge_base" in s:
        ratio("import of a 2000-idea copy", "merge_import", "merge_base")
        ratio("merge of 2000 new ideas into 2000", "merge_merge", "merge_base")
        out.append(
            ("the same merge again (no-op)", f"{tree.median('merge_again') * 1000:.0f} ms", None)
        )
    if "merge_base_cpu" in s:  # the same runs in CPU time of the process (loaded machine)
        ratio("import of a 2000-idea copy (CPU)", "merge_import_cpu", "merge_base_cpu")
        ratio("merge of 2000 new ideas into 2000 (CPU)", "merge_merge_cpu", "merge_base_cpu")
        out.append(
            (
                "the same merge again (no-op, CPU)",
                f"{tree.median('merge_again_cpu') * 1000:.0f} ms",
                None,
            )
        )
    if "package" in s:
        out.append(
            ("standalone app unpacked", f"{tree.median('package'):.0f} MB (bound 150 MB)", None)
        )
    return out


def print_table(trees: list[Tree], loads: list[float], under_load: bool) -> None:
    label = (
        "MEASURED UNDER LOAD — not a quiet-machine figure; "
        if under_load and max(loads) > QUIET_LOAD
        else ""
    )
    print(
        f"\n{label}load average during the run: {min(loads):.2f}–{max(loads):.2f}"
        f" (1 min; the bench itself keeps one core busy)"
    )
    table = {tree.name: {name: (said, r) for name, said, r in rows(tree)} for tree in trees}
    names = list(dict.fromkeys(name for tree in trees for name in table[tree.name]))
    print(f"{'figure':44} " + " | ".join(f"{t.name:>40}" for t in trees) + " | bound")
    for name in names:
        cells = []
        for tree in trees:
            said, ratio = table[tree.name].get(name, ("—", None))
            cells.append(f"{said + (f' → {ratio:.2f}×' if ratio is not None else ''):>40}")
        bound = BOUNDS.get(name)
        print(f"{name:44} " + " | ".join(cells) + (f" | ≤ {bound}×" if bound else " |"))


@contextmanager
def base_tree(ref: str, work: Path) -> Iterator[Path]:
    path = work / "base"
    subprocess.run(
        ["git", "-C", str(HEAD), "worktree", "add", "--detach", "--quiet", str(path), ref],
        check=True,
    )
    try:
        yield path
    finally:
        subprocess.run(
            ["git", "-C", str(HEAD), "worktree", "remove", "--force", str(path)], check=False
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="git ref to compare this checkout with (e.g. main)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default=",".join(FIGURES), help=",".join(FIGURES))
    parser.add_argument(
        "--under-load",
        action="store_true",
        help="measure even when the load average is above 1; the figures say so",
    )
    parser.add_argument(
        "--no-window-manager", action="store_true", help="Xvfb alone, without openbox"
    )
    args = parser.parse_args(argv)
    figures = set(args.only.split(","))
    unknown = figures - set(FIGURES)
    if unknown:
        parser.error(f"unknown figures: {', '.join(sorted(unknown))}")
    loads = [load()]
    if loads[0] > QUIET_LOAD and not args.under_load:
        print(
            f"Load average {loads[0]:.2f} > {QUIET_LOAD}: the machine is not quiet, nothing "
            "measured. Wait, or run with --under-load (figures then labelled as such)."
        )
        return 2
    if {"startup", "cards"} & figures and shutil.which("Xvfb") is None:
        print("Xvfb and xdotool are needed for the window figures (Debian xvfb xdotool).")
        return 2
    with tempfile.TemporaryDirectory(prefix="fabrique-ratios-") as temp:
        work = Path(temp)
        with base_tree(args.base, work) as base_root:
            trees = [Tree(f"base {args.base}", base_root), Tree("head", HEAD)]
            for tree in trees:  # as pip does for an installed copy
                for package in ("fabrique_desktop", "db", "exports", "ui"):
                    compileall.compile_dir(tree.root / package, quiet=1)
            steps: list[tuple[str, Callable[[], None]]] = [
                (
                    "windows",
                    lambda: window_figures(
                        trees, args.runs, work, figures, not args.no_window_manager
                    ),
                ),
                ("reports", lambda: report_figures(trees, args.runs, figures)),
                ("image", lambda: image_figures(trees, args.runs)),
                ("merge", lambda: merge_figures(trees, args.runs)),
            ]
            wanted = {
                "windows": {"startup", "cards"} & figures,
                "reports": {"pdf", "booklet"} & figures,
                "image": {"image"} & figures,
                "merge": {"merge"} & figures,
            }
            for name, step in steps:
                if wanted[name]:
                    print(f"measuring {name}…", file=sys.stderr, flush=True)
                    step()
                    loads.append(load())
            if "package" in figures:
                for tree in trees:
                    size = unpacked_mb(tree)
                    if size is not None:
                        tree.add("package", size)
                    else:
                        print(f"{tree.name}: no dist/Fabrique (./dev.sh package)", file=sys.stderr)
            print_table(trees, loads, args.under_load)
    return 0


if __name__ == "__main__":
    sys.exit(main())
