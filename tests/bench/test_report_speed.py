"""Session report speed: a 2000-idea PDF vs a naive reportlab table of the same texts.

Both run in the same process on the same texts, fonts registered beforehand. The report
must stay within 3× the naive table (aim 1.5×), and grow linearly: 500, 1000 and 2000
ideas are measured and the time per idea compared (slope ratio near 1 = linear).
"""

from __future__ import annotations

import io
import itertools

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from db.store import Store
from exports.fonts import register_fonts
from exports.session_report import build_session_pdf
from fabrique_desktop import changes
from fabrique_desktop.changes import Change
from fabrique_desktop.model import Card, Series, Session
from fabrique_desktop.report import gather_session
from fabrique_desktop.template import builtin_template
from fabrique_desktop.workspace import DEMO_IDEAS, create_series, list_sessions
from tests.bench.timing import median_seconds, report

COLUMNS = ("mieux", "monde", "ensemble", "art")


def _texts(n: int) -> list[tuple[str, str, str, list[str]]]:
    import csv

    with DEMO_IDEAS.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = []
    for i, row in zip(range(n), itertools.cycle(rows), strict=False):
        column = row["column"] if row["column"] in COLUMNS else COLUMNS[i % 4]
        tags = [f"#{row['themes']}"] if row.get("themes") else row.get("tags", "").split()
        out.append((f"{row['text']} (piste {i + 1})", column, row["horizon"], tags))
    return out


def _session(tmp_path, n: int) -> tuple[Store, Session]:
    store = Store.open(tmp_path / f"bench-{n}.db")
    series = create_series(store, builtin_template())
    session = list_sessions(store, series.id)[2]
    edits = [
        changes.create(
            Card(
                session_id=session.id,
                text=text,
                column=column,
                position=float(i),
                horizon=horizon,
                tags=tags,
            )
        )
        for i, (text, column, horizon, tags) in enumerate(_texts(n))
    ]
    store.apply(Change("bench", tuple(edits)))
    assert store.get(Series, series.id) is not None
    return store, session


def _naive(texts: list[str]) -> None:
    family = register_fonts()
    style = ParagraphStyle("n", fontName=family, fontSize=9.5, leading=12.5)
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4)
    doc.build([Table([[Paragraph(t, style)] for t in texts], repeatRows=0)])


def _report(store: Store, session: Session) -> None:
    build_session_pdf(gather_session(store, session), io.BytesIO())


@pytest.mark.slow
def test_session_report_speed_and_linearity(tmp_path) -> None:
    register_fonts()
    times = {}
    for n in (500, 1000, 2000):
        store, session = _session(tmp_path, n)
        texts = [t for t, *_ in _texts(n)]
        _report(store, session)  # warm-up (imports, font metrics)
        times[n] = (
            median_seconds(lambda s=store, se=session: _report(s, se), repeat=3),
            median_seconds(lambda t=texts: _naive(t), repeat=3),
        )
        store.close()
        print(f"\n{n} ideas: report {times[n][0]:.2f} s, naive table {times[n][1]:.2f} s")
    ratio = report("2000-idea session report", times[2000][0], times[2000][1], 3.0)
    slope = (times[2000][0] / 2000) / (times[500][0] / 500)
    naive_slope = (times[2000][1] / 2000) / (times[500][1] / 500)
    print(
        f"time per idea, 2000 vs 500 ideas: report ×{slope:.2f}, naive table ×{naive_slope:.2f}"
        " (1.0 = linear)"
    )
    assert ratio <= 3.0
    assert slope < 1.5


def _series_booklet(store: Store, session: Session) -> None:
    from exports.series_report import build_series_pdf
    from fabrique_desktop.report import gather_series

    build_series_pdf(gather_series(store, store.get(Series, session.series_id)), io.BytesIO())


@pytest.mark.slow
def test_series_booklet_speed(tmp_path) -> None:
    """The series booklet of 2000 ideas (charts, keep-together blocks, themes once) against
    the same naive table: within 3× as the session report."""
    register_fonts()
    store, session = _session(tmp_path, 2000)
    texts = [t for t, *_ in _texts(2000)]
    _series_booklet(store, session)  # warm-up
    booklet = median_seconds(lambda: _series_booklet(store, session), repeat=3)
    naive = median_seconds(lambda: _naive(texts), repeat=3)
    store.close()
    ratio = report("2000-idea series booklet", booklet, naive, 3.0)
    assert ratio <= 3.0
