"""Load: 150 phones on 127.0.0.1 posting ideas and dots for a minute onto a 2000-idea session.

The room is served by the real command (``fabrique phones SESSION --address 127.0.0.1``) in its
own process, so that its memory is its own. The phones are ``tests/bench/phone_crowd.py``: each
on its own loopback address (127.0.x.y: the per-address limits apply as in a room), joins, takes
a seat, fetches the vote's cards, then for a minute sends an idea or a dot every ~4 s (about 37
requests a second in all, and all 150 at once half-way; the room's default limits untouched).
An answer comes only once the change is committed to the session's database, so the time to the
answer is the time to the database (and to the wall, which reads it). Baseline in the same run:
the same phones fetching the page's stylesheet (no database). Prints p50/p95 in ms, the ratio to
the baseline, and the server's memory.

    .venv/bin/python -m pytest tests/bench/test_phones_load.py -s
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from db.store import Store
from fabrique_desktop.model import Card
from fabrique_desktop.paths import DataDir
from fabrique_desktop.workspace import ensure_first_use, list_sessions
from tests.bench import phone_crowd

PHONES = int(os.environ.get("FABRIQUE_BENCH_PHONES", "150"))
SECONDS = float(os.environ.get("FABRIQUE_BENCH_SECONDS", "60"))
IDEAS = 2000


def _prepare(data: DataDir) -> str:
    store = Store.open(data.database)
    series = ensure_first_use(store)
    session = list_sessions(store, series.id)[0]
    phone_crowd.prepare_room(store, session.id, IDEAS)
    store.close()
    return session.id


def _rss_kib(pid: int, field: str = "VmRSS") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


@pytest.mark.skipif(sys.platform != "linux", reason="uses 127.0.x.y loopback addresses")
@pytest.mark.timeout(SECONDS + 300)  # longer runs than the suite's limit
def test_150_phones_for_a_minute(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data")
    session_id = _prepare(data)
    env = {**os.environ, "FABRIQUE_DATA_DIR": str(data.root)}
    fabrique = str(Path(sys.executable).parent / "fabrique")
    server = subprocess.Popen(
        [fabrique, "phones", session_id, "--address", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        address = server.stdout.readline().strip()
        assert address.startswith("http://127.0.0.1:"), server.stderr.read()
        rss_start = _rss_kib(server.pid)
        out = phone_crowd.run(address, SECONDS, PHONES)
        writes, reads, errors = out["writes"], out["reads"], out["errors"]
        rss_end, peak = _rss_kib(server.pid), _rss_kib(server.pid, "VmHWM")
    finally:
        server.terminate()
        server.wait(10)
    assert server.returncode == 0
    store = Store.open(data.database)
    stored = store.count(Card, session_id=session_id)
    store.close()
    p = statistics.quantiles(writes, n=100)
    b = statistics.quantiles(reads, n=100)
    print(
        f"\n{PHONES} phones, {SECONDS:.0f} s, {len(writes)} ideas/dots "
        f"({len(writes) / SECONDS:.0f}/s), "
        f"{len(errors)} refused {sorted(set(errors))[:5]}\n"
        f"write → committed → answered: p50 {p[49] * 1000:.1f} ms, p95 {p[94] * 1000:.1f} ms, "
        f"max {max(writes) * 1000:.0f} ms\n"
        f"baseline (stylesheet, no database): p50 {b[49] * 1000:.1f} ms, "
        f"p95 {b[94] * 1000:.1f} ms"
        f" → p95 ratio {p[94] / b[94]:.1f}×\n"
        f"server memory: {rss_start / 1024:.0f} MiB after start, "
        f"{rss_end / 1024:.0f} MiB at the end,"
        f" peak {peak / 1024:.0f} MiB; cards in the session: {stored}"
    )
    assert not errors
    assert p[94] < 0.5  # the limit: on the wall within half a second (p95)
    assert stored >= IDEAS + len(writes) // 2 - PHONES
