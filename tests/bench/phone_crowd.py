"""A crowd of simulated phones, for the phone benchmarks: ``python -m tests.bench.phone_crowd
ADDRESS SECONDS RESULT.json [PHONES]``.

Each phone, on its own loopback address (127.0.x.y: the room's limits per address apply as in a
real room, where each phone has its own), sends its API POSTs (ideas, dots, join, state…) and
GETs with ``OneWrite``, each written whole at once as a phone's browser sends a small request,
and holds its notice socket with an aiohttp client; it joins, takes a seat, opens its
notice socket and behaves as the page does (a notice that carries what changed is applied; one
that does not makes it ask its state again), fetches the vote's cards, then until the end sends
an idea or a dot every ~4 s (one in two an idea), and half-way all phones send one idea each at
the same moment (« Rafale… »: the facilitator's « your best idea, now! »).

The baseline is the page's stylesheet (no database, no Qt: what the same server's HTTP alone
costs), fetched twice:

- **paired**: at the very instant a phone sends an idea (the burst's included), it also fetches
  the stylesheet, on its own connection, so that every idea has a static fetch sent with it into
  the same traffic: the same number of requests at once, the same moments, the same crowd's
  process sending them. The idea's p95 is compared to this one (like for like).
- **quiet**: after each idea or dot is answered, alone (between two writes, outside the burst):
  what one fetch costs when nothing else is asked. Printed, not the comparison: half-way the
  burst puts 150 requests on the server and on this process's one loop at once, more than 5 % of
  the ideas, so it sets the ideas' p95, which a lone fetch never sees.

Every write carries an id
(``X-Request``) and is sent again with the same id when it failed or timed out, as the page's
outbox does: an idea counts as acknowledged once answered 200. Run in its own process so that
the phones do not share the app's interpreter (nor its GIL). Writes, as JSON: the send time
(``time.monotonic()``, the same clock in every process of the machine) and answer time of every
idea acknowledged, the time to the answer of every idea/dot and of every stylesheet fetch, the
refusals, the retries, the notices received and the state requests they caused.
"""

from __future__ import annotations

import asyncio
import json
import random
import sys
import time
from typing import Any

PERIOD = 4.0  # each phone: one request every ~4 s
RETRIES = 4
ANSWER_SECONDS = 20.0  # the page's own timeout


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


class OneWrite:
    """A phone's requests, its API POSTs (ideas among them) and GETs, each written in one piece
    as soon as it is started, as a phone's browser sends a small request. aiohttp's client, on
    Python < 3.12, writes a POST's body in a task of its own after the headers: in a burst,
    after every GET the crowd's loop has ready, a wait no real phone has (and its GETs go
    through a few awaits before they are written, which a burst lengthens too).

    HTTP/1.1 on kept-alive connections from the phone's own address, a new one opened when none
    is idle (two requests at once: two connections), one the server has closed dropped, as
    aiohttp's connector does. The answer is read by its Content-Length. ``request`` raises
    ``OSError`` (``ConnectionError`` for a connection closed early or an answer it cannot read)
    or ``TimeoutError``.
    """

    def __init__(self, host: str, port: int, local_address: str) -> None:
        self.host, self.port, self.local_address = host, port, local_address
        self._idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
        self._busy: set[asyncio.StreamWriter] = set()

    async def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        wire: dict | None = None,
    ) -> tuple[int, bytes]:
        """The answer's status and body (a body: sent as JSON); ``wire["sent"]``: when the
        request was written, ``wire["new_connection"]``: if a connection was opened for it.

        Sent once more on a new connection when a kept-alive one turns out closed before any
        byte of the answer (the server closing it idle as it was written), as a browser does.
        """
        while True:
            while self._idle and self._idle[-1][0].at_eof():  # closed by the server while idle
                self._idle.pop()[1].close()
            reused = bool(self._idle)
            if reused:
                reader, writer = self._idle.pop()
            else:
                if wire is not None:
                    wire["new_connection"] = True
                reader, writer = await asyncio.open_connection(
                    self.host, self.port, local_addr=(self.local_address, 0)
                )
            self._busy.add(writer)
            try:
                status, content, keep = await self._exchange(
                    reader, writer, f"{method} {path} HTTP/1.1", body, headers or {}, wire
                )
            except (asyncio.IncompleteReadError, ConnectionResetError, BrokenPipeError) as error:
                writer.close()
                if reused and not getattr(error, "partial", b""):
                    continue  # closed before it answered anything: on a new connection
                raise ConnectionError("connection closed before the answer's end") from error
            except BaseException:  # cancelled or timed out half-way: the connection is unusable
                writer.close()
                raise
            finally:
                self._busy.discard(writer)
            if keep:
                self._idle.append((reader, writer))
            else:
                writer.close()
            return status, content

    async def _exchange(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        request_line: str,
        body: bytes | None,
        headers: dict[str, str],
        wire: dict | None,
    ) -> tuple[int, bytes, bool]:
        lines = [request_line, f"Host: {self.host}:{self.port}", "Accept: */*"]
        if body is not None:
            lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        if wire is not None:
            wire.setdefault("sent", time.monotonic())
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        writer.write(head + (body or b""))  # one write
        head = await reader.readuntil(b"\r\n\r\n")
        status_line, *fields = head.decode("latin-1").split("\r\n")[:-2]
        version, _, rest = status_line.partition(" ")
        if not version.startswith("HTTP/1.") or not rest[:3].isdigit():
            raise ConnectionError(f"not an HTTP answer: {status_line[:80]!r}")
        answer_headers = {}
        for field in fields:
            name, _, value = field.partition(":")
            answer_headers[name.strip().lower()] = value.strip()
        if not answer_headers.get("content-length", "").isdigit():
            raise ConnectionError("an answer without Content-Length")
        content = await reader.readexactly(int(answer_headers["content-length"]))
        keep = answer_headers.get("connection", "").lower() != "close"
        return int(rest[:3]), content, keep

    def close(self) -> None:
        for _reader, writer in self._idle:
            writer.close()
        for writer in self._busy:
            writer.close()
        self._idle.clear()
        self._busy.clear()


def _new_out() -> dict[str, Any]:
    return {
        "ideas": {},
        "writes": [],
        "reads": [],
        "errors": [],
        "retries": 0,
        "gave_up": [],
        "notices": 0,
        "state_requests": 0,
        "timeouts": 0,
        "paired": [],
        "paired_burst": [],
        "wire": {},
        "paired_wire": [],
        "paired_burst_wire": [],
        "paired_late": [],
    }


async def phone(
    n: int,
    base: str,
    until: float,
    burst_at: float | None,
    out: dict[str, Any],
) -> None:
    import aiohttp

    local_address = f"127.0.{1 + n // 200}.{1 + n % 200}"
    connector = aiohttp.TCPConnector(local_addr=(local_address, 0))
    rng = random.Random(n)
    timeout = aiohttp.ClientTimeout(total=ANSWER_SECONDS)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
        headers: dict[str, str] = {}

        async def call(
            action: str, data: dict, request_id: str = "", wire: dict | None = None
        ) -> tuple[int, dict]:
            extra = {"X-Request": request_id} if request_id else {}
            try:  # headers and body in one write, as a phone sends them
                async with asyncio.timeout(ANSWER_SECONDS):  # as aiohttp's total timeout
                    status, raw = await requests.request(
                        "POST",
                        f"{path}/api/{action}",
                        json.dumps(data).encode("utf-8"),
                        {**headers, **extra},
                        wire,
                    )
                body = json.loads(raw)
            except (TimeoutError, OSError, ValueError) as error:
                out["timeouts"] += 1
                out["errors"].append((action, 0, type(error).__name__))
                return 0, {}
            if status != 200:
                out["errors"].append((action, status, body.get("error")))
            return status, body

        async def write(action: str, data: dict, wire: dict | None = None) -> tuple[int, dict]:
            """As the page's outbox: sent again with the same id until answered."""
            request_id = f"b{n}-{rng.getrandbits(64):x}"
            for attempt in range(RETRIES + 1):
                status, body = await call(action, data, request_id, wire)
                retry = status == 0 or status >= 500
                retry = retry or body.get("error") in ("slow-down", "room-busy")
                if not retry:
                    return status, body
                if attempt < RETRIES:
                    out["retries"] += 1
                    await asyncio.sleep(rng.uniform(1.0, 3.0))
            out["gave_up"].append((action, data.get("text", "")))
            return status, body

        async def listen(ws_url: str) -> None:
            """The page's notice socket: a notice without its data makes it ask its state."""
            try:
                async with http.ws_connect(ws_url, headers={"Origin": origin}) as ws:
                    async for message in ws:
                        if message.type != aiohttp.WSMsgType.TEXT:
                            break
                        out["notices"] += 1
                        notice = json.loads(message.data)
                        carries = {"idea": "idea", "vote": "vote", "settings": "moderated"}
                        if notice.get("type") in ("closed", "blocked", "code"):
                            break
                        if carries.get(notice.get("type", "")) not in notice:
                            out["state_requests"] += 1
                            await asyncio.sleep(rng.random() * 2)
                            await call("state", {})
            except (aiohttp.ClientError, TimeoutError, asyncio.CancelledError):
                pass

        host = base.split("/")[2]
        origin = f"http://{host}"
        path = "/" + base.split("/", 3)[3]
        requests = OneWrite(*_host_and_port(host), local_address)
        await asyncio.sleep(rng.random() * 3)
        _, me = await write("join", {})
        if "phone" not in me:
            return
        headers = {"X-Phone": me["phone"], "X-Token": me["token"]}
        ws_url = f"ws://{host}/{base.split('/', 3)[3]}/ws?phone={me['phone']}&token={me['token']}"
        listener = asyncio.ensure_future(listen(ws_url))
        _, state = await call("state", {})
        if state.get("tables"):
            await write("profile", {"table": rng.choice(state["tables"])["id"]})
        vote = state.get("vote")
        cards = (await call("cards", {}))[1].get("cards", []) if vote else []

        async def fetch_static(wire: dict | None = None) -> float | None:
            start = time.monotonic()
            try:
                async with asyncio.timeout(ANSWER_SECONDS):
                    await requests.request("GET", "/static/app.css", wire=wire)
            except (TimeoutError, OSError):
                out["timeouts"] += 1
                return None
            if wire is not None:
                wire["started"], wire["answered"] = start, time.monotonic()
            return time.monotonic() - start

        async def send_idea(text: str) -> None:
            start = time.monotonic()
            wire: dict = {}
            status, _ = await write("idea", {"text": text}, wire)
            if status == 200:
                out["ideas"][text] = (start, time.monotonic())
                answered = time.monotonic()
                out["wire"][text] = (wire.get("sent", start), answered, "new_connection" in wire)
            out["writes"].append(time.monotonic() - start)

        async def idea_and_stylesheet(text: str, paired: list[float], on_wire: list) -> None:
            """The idea and the paired stylesheet fetch sent at the same instant."""
            wire: dict = {}
            _, seconds = await asyncio.gather(send_idea(text), fetch_static(wire))
            if seconds is not None:
                paired.append(seconds)
                on_wire.append(wire["answered"] - wire.get("sent", wire["answered"]))
                out["paired_late"].append(wire.get("sent", wire["started"]) - wire["started"])

        sent = 0
        mine: list[str] = []
        burst = burst_at
        while time.monotonic() < until:
            pause = rng.uniform(0.5, 1.5) * PERIOD
            if burst is not None and time.monotonic() + pause >= burst:
                await asyncio.sleep(max(0.0, burst - time.monotonic()))
                burst = None  # « everyone, your best idea now »: all phones at the same moment
                await idea_and_stylesheet(
                    f"Rafale du téléphone {n}", out["paired_burst"], out["paired_burst_wire"]
                )
                continue
            await asyncio.sleep(pause)
            start = time.monotonic()
            if sent % 2 == 0 or not cards:
                await idea_and_stylesheet(
                    f"Idée du téléphone {n}, n° {sent}", out["paired"], out["paired_wire"]
                )
            else:
                if len(mine) < vote["budget"]:  # a dot, or one taken back when none is left
                    card = rng.choice(cards)["id"]
                    await write("dot", {"poll": vote["poll"], "card": card, "delta": 1})
                    mine.append(card)
                else:
                    await write("dot", {"poll": vote["poll"], "card": mine.pop(0), "delta": -1})
                out["writes"].append(time.monotonic() - start)
            quiet = await fetch_static()  # alone, once the write is answered
            if quiet is not None:
                out["reads"].append(quiet)
            sent += 1
        listener.cancel()
        requests.close()


def _host_and_port(host: str) -> tuple[str, int]:
    name, _, port = host.rpartition(":")
    return name, int(port)


def run(base: str, seconds: float, phones: int) -> dict[str, Any]:
    out = _new_out()
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
