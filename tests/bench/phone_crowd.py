"""A crowd of simulated phones, for the phone benchmarks: ``python -m tests.bench.phone_crowd
ADDRESS SECONDS RESULT.json [PHONES]``.

Each phone is an aiohttp client on its own loopback address (127.0.x.y: the room's limits per
address apply as in a real room, where each phone has its own), joins, takes a seat, fetches the
vote's cards, then until the end sends an idea or a dot every ~4 s (one in two an idea), and
half-way all phones send one idea each at the same moment (« Rafale… »: the facilitator's « your
best idea, now! »); after each one it fetches the page's stylesheet (the baseline: no database,
no Qt). Run in its own process so that the phones do not share the app's interpreter (nor its
GIL). Writes, as JSON: the send time (``time.monotonic()``, the same clock in every process of
the machine) and answer time of every idea, the time to the answer of every idea/dot and of
every stylesheet fetch, and the refusals.
"""

from __future__ import annotations

import asyncio
import json
import random
import sys
import time
from typing import Any

PERIOD = 4.0  # each phone: one request every ~4 s


def prepare_room(store: Any, session_id: str, ideas: int = 2000) -> None:
    """The benchmarks' atelier: ``ideas`` cards over the board, 15 tables, a dot vote open for
    phones (5 dots each) on the Vivre cards."""
    from fabrique_desktop import changes
    from fabrique_desktop.changes import Change
    from fabrique_desktop.model import Card
    from fabrique_desktop.phones import room as phone_room
    from fabrique_desktop.tables import new_table

    columns = ["inbox", "mieux", "monde", "ensemble", "art"]
    cards = [
        Card(
            session_id=session_id,
            text=f"Idée n° {i} : des jardins partagés « {i % 97} »",
            column=columns[i % 5],
            position=float(i),
        )
        for i in range(ideas)
    ]
    store.put_many(cards)
    tables = [new_table(session_id, n) for n in range(1, 16)]
    store.apply(Change("tables", tuple(changes.create(t) for t in tables)))
    store.apply(phone_room.open_poll(store, session_id, [], dots=5))


async def phone(
    n: int, base: str, until: float, burst_at: float | None, out: dict[str, Any]
) -> None:
    import aiohttp

    connector = aiohttp.TCPConnector(local_addr=(f"127.0.{1 + n // 200}.{1 + n % 200}", 0))
    rng = random.Random(n)
    async with aiohttp.ClientSession(connector=connector) as http:
        headers: dict[str, str] = {}

        async def call(action: str, data: dict) -> dict:
            async with http.post(f"{base}/api/{action}", json=data, headers=headers) as r:
                body = await r.json()
                if r.status != 200:
                    out["errors"].append((action, r.status, body.get("error")))
                return body

        await asyncio.sleep(rng.random() * 3)
        me = await call("join", {})
        headers = {"X-Phone": me["phone"], "X-Token": me["token"]}
        state = await call("state", {})
        if state["tables"]:
            await call("profile", {"table": rng.choice(state["tables"])["id"]})
        vote = state.get("vote")
        cards = (await call("cards", {}))["cards"] if vote else []
        static = base.split("/r/")[0] + "/static/app.css"
        sent = 0
        mine: list[str] = []
        burst = burst_at
        while time.monotonic() < until:
            pause = rng.uniform(0.5, 1.5) * PERIOD
            if burst is not None and time.monotonic() + pause >= burst:
                await asyncio.sleep(max(0.0, burst - time.monotonic()))
                burst = None  # « everyone, your best idea now »: all phones at the same moment
                start = time.monotonic()
                text = f"Rafale du téléphone {n}"
                await call("idea", {"text": text})
                out["ideas"][text] = (start, time.monotonic())
                out["writes"].append(time.monotonic() - start)
                continue
            await asyncio.sleep(pause)
            start = time.monotonic()
            if sent % 2 == 0 or not cards:
                text = f"Idée du téléphone {n}, n° {sent}"
                await call("idea", {"text": text})
                out["ideas"][text] = (start, time.monotonic())
            elif len(mine) < vote["budget"]:  # a dot, or one taken back when none is left
                card = rng.choice(cards)["id"]
                await call("dot", {"poll": vote["poll"], "card": card, "delta": 1})
                mine.append(card)
            else:
                await call("dot", {"poll": vote["poll"], "card": mine.pop(0), "delta": -1})
            out["writes"].append(time.monotonic() - start)
            start = time.monotonic()
            async with http.get(static) as r:
                await r.read()
            out["reads"].append(time.monotonic() - start)
            sent += 1


def run(base: str, seconds: float, phones: int) -> dict[str, Any]:
    out: dict[str, Any] = {"ideas": {}, "writes": [], "reads": [], "errors": []}
    now = time.monotonic()
    until, burst_at = now + seconds, now + seconds / 2

    async def crowd() -> None:
        await asyncio.gather(*(phone(n, base, until, burst_at, out) for n in range(phones)))

    asyncio.run(crowd())
    return out


if __name__ == "__main__":
    address, seconds, target = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 150
    with open(target, "w", encoding="utf-8") as f:
        json.dump(run(address, seconds, count), f)
