"""Live sharing: from a capture on one laptop to the card in another laptop's database.

Four processes on 127.0.0.1 (a facilitator, three note-takers), each with its own SQLite
database, as in ``tests/live``. We measure, for each idea, the time from Enter on one laptop
to the card being written in another laptop's rows (what its board then draws): note-taker →
projector, note-taker → another note-taker (through the projector's laptop), projector →
note-taker. Median and 95th percentile, against the issue's budget of one second.

Two loads: « room » — the three note-takers all typing, an idea every 0.5 s in turn (each
table an idea every 1.5 s: busier than a real room), asserted under the budget; « burst » — one
note-taker pasting an idea every 20 ms (a stress figure, printed only). For the demo atelier
(97 ideas) and a big one (2000 ideas): each merge into the rows looks at the whole document
(the offline merge's checks), so its cost grows with the session; ideas that arrive together
are merged at once.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest

from tests.live.processes import Peer, wait_until

CODE = "BENCH7"
IDEAS = 30
BUDGET = 1.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(name: str, values: list[float]) -> float:
    median, p95 = statistics.median(values), percentile(values, 0.95)
    print(
        f"\n{name}: median {median * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
        f"max {max(values) * 1000:.0f} ms over {len(values)} ideas "
        f"→ p95/budget {p95 / BUDGET:.2f} (limit 1.0)"
    )
    return p95


def typed(typists: list[Peer], prefix: str, pace: float) -> dict[str, tuple[Peer, float]]:
    sent = {}
    for i in range(IDEAS):
        peer = typists[i % len(typists)]
        reply = peer.ask("capture", text=f"{prefix} {i} — une idée tapée à la volée")
        sent[reply["id"]] = (peer, reply["t"])
        time.sleep(pace)
    return sent


def latencies(sent: dict[str, tuple[Peer, float]], seer: Peer) -> list[float]:
    mine = {card_id: t for card_id, (peer, t) in sent.items() if peer is not seer}
    wait_until(lambda: all(card_id in seer.seen for card_id in mine), timeout=60)
    return [seer.seen[card_id] - t for card_id, t in mine.items()]


@pytest.mark.parametrize("extra", [0, 1903], ids=["97 ideas", "2000 ideas"])
def test_live_latency(tmp_path: Path, extra: int) -> None:
    host = Peer.host(tmp_path / "host", CODE)
    peers = [host]
    try:
        if extra:
            host.ask("bulk", count=extra, text="déjà au tableau")
        start = time.perf_counter()
        notes = [
            Peer.note_taker(tmp_path / f"t{n}", CODE, host.port, f"Table {n}") for n in (1, 2, 3)
        ]
        peers += notes
        wait_until(lambda: len(host.ask("status")["peers"]) == 3)
        joined = time.perf_counter() - start
        print(
            f"\n{97 + extra} ideas: three note-takers fetched the copy and joined in {joined:.2f} s"
        )

        label = f"{97 + extra} ideas"
        room = typed(notes, "Salle", 0.5)
        p95 = summary(f"{label}, room: note-takers → projector", latencies(room, host))
        summary(f"{label}, room: note-takers → note-taker 1", latencies(room, notes[0]))
        back = typed([host], "Au tableau", 0.5)
        summary(f"{label}, projector → note-taker", latencies(back, notes[2]))
        burst = typed([notes[0]], "Rafale", 0.02)
        summary(f"{label}, burst: note-taker → projector", latencies(burst, host))
        summary(f"{label}, burst: note-taker → note-taker 2", latencies(burst, notes[1]))
        assert p95 < BUDGET
    finally:
        for peer in peers:
            peer.quit()
