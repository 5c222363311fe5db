"""Board PNG of a 2000-idea session: time and peak memory, as ratios in the same run.

The baseline is the way the board was exported before pages existed: the whole board drawn
into one image (2196 × ~40 000 px) and saved as one PNG at Qt's default compression. The
export (``ui.board_image.write_board_png``: pages cut between cards, drawn smaller above a
pixel budget, one page in memory at a time) must take at most a quarter of its time and a
third of its peak memory (issue 15: ≤ 1.5 s and ≤ 200 MB where the strip took 6.9 s and
650 MB). Each variant runs in its own process, which reports its own peak (ru_maxrss);
both build the same board first, so the ratio compares the export alone plus that
shared cost.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

CARDS = 2000
CHILD = r"""
import json, os, resource, sys, time
from pathlib import Path
from db.store import Store
from fabrique_desktop.template import builtin_template
from fabrique_desktop.workspace import create_series, list_sessions
from tests.bench.test_board_perf import fill

folder, variant, cards = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
store = Store.open(folder / f"{variant}.db")
series = create_series(store, builtin_template())
session = list_sessions(store, series.id)[2]
fill(store, session.id, cards)
from ui import board_image
board_image.ensure_gui()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
if variant == "pages":
    files = board_image.write_board_png(store, session, folder / "pages.png")
else:  # the single strip, as exported before
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QImage, QPainter
    template = builtin_template()
    scene, _ = board_image._board_scene(store, session, template)
    source = scene.sceneRect()
    image = QImage(int(source.width()) + 48, int(source.height()) + 158, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    painter = QPainter(image)
    scene.render(painter, QRectF(24, 122, source.width(), source.height()), source)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    (folder / "strip.png").write_bytes(bytes(data.data()))
    files = [folder / "strip.png"]
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_mb": peak / 1024, "before_mb": before / 1024,
                  "files": len(files), "pixels": 0}))
"""


def _run(folder: Path, variant: str) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), variant, str(CARDS)],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        check=True,
        timeout=600,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_board_png_of_2000_ideas_is_paged_fast_and_light(tmp_path) -> None:
    runs: dict[str, list[dict[str, float]]] = {"pages": [], "strip": []}
    for _ in range(3):
        for variant in runs:
            runs[variant].append(_run(tmp_path, variant))
    time = {v: statistics.median(r["seconds"] for r in rs) for v, rs in runs.items()}
    peak = {v: statistics.median(r["peak_mb"] for r in rs) for v, rs in runs.items()}
    time_ratio = time["pages"] / time["strip"]
    memory_ratio = peak["pages"] / peak["strip"]
    print(
        f"\n{CARDS}-idea board PNG: pages {time['pages']:.2f} s, {peak['pages']:.0f} MB peak "
        f"({runs['pages'][0]['files']:.0f} images); single strip {time['strip']:.2f} s, "
        f"{peak['strip']:.0f} MB → time ×{time_ratio:.2f}, memory ×{memory_ratio:.2f} "
        "(limits ×0.25 and ×0.35)"
    )
    assert time_ratio <= 0.25
    assert memory_ratio <= 0.35
