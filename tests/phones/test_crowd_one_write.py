"""The load bench's phones send their requests as a phone's browser does: headers and body in one
write (``tests/bench/phone_crowd.OneWrite``), the answer read by status, headers and
Content-Length, on kept-alive connections from the phone's own address."""

from __future__ import annotations

import asyncio
import json

from aiohttp import web

from tests.bench.phone_crowd import OneWrite


async def _exchange() -> tuple[list[dict], list[tuple[int, dict]]]:
    seen: list[dict] = []
    both_in = asyncio.Event()

    async def idea(request: web.Request) -> web.Response:
        whole = request.content.is_eof()  # the body came with the headers
        assert request.transport is not None
        data = await request.json()
        seen.append(
            {
                "whole": whole,
                "text": data["text"],
                "remote": request.remote,
                "port": request.transport.get_extra_info("peername")[1],
                "type": request.content_type,
                "phone": request.headers.get("X-Phone"),
                "host": request.host,
            }
        )
        if data["text"].startswith("ensemble"):  # answered once both are in: two connections
            if sum(s["text"].startswith("ensemble") for s in seen) == 2:
                both_in.set()
            await both_in.wait()
        if data["text"] == "au revoir":
            return web.json_response({"ok": True}, headers={"Connection": "close"})
        if data["text"] == "refusée":
            return web.json_response({"error": "slow-down"}, status=429)
        return web.json_response({"id": "é" * 3, "text": data["text"]})

    async def stylesheet(request: web.Request) -> web.Response:
        assert request.transport is not None
        ports.append(request.transport.get_extra_info("peername")[1])
        return web.Response(body=b"p{}" * 1000, content_type="text/css")

    ports: list[int] = []
    app = web.Application()
    app.router.add_post("/r/CODE/api/idea", idea)
    app.router.add_get("/static/app.css", stylesheet)
    runner = web.AppRunner(app, keepalive_timeout=0.3)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    client = OneWrite("127.0.0.1", port, "127.0.0.7")

    async def post(text: str) -> tuple[int, dict]:
        body = json.dumps({"text": text}).encode()
        status, raw = await client.request("POST", "/r/CODE/api/idea", body, {"X-Phone": "p1"})
        return status, json.loads(raw)

    answers = []
    try:
        for text in ("une", "deux", "refusée", "au revoir", "trois"):
            answers.append(await post(text))
        answers += await asyncio.gather(post("ensemble 1"), post("ensemble 2"))
        await asyncio.sleep(1.0)  # the server closes both idle connections
        answers.append(await post("quatre"))
        wire: dict = {}
        status, css = await client.request("GET", "/static/app.css", wire=wire)
        answers.append((status, {"css": css == b"p{}" * 1000, "sent": "sent" in wire}))
    finally:
        client.close()
        await runner.cleanup()
    seen[-1]["then_got"] = ports
    return seen, answers


def test_posts_go_in_one_write_and_their_answers_are_read_whole() -> None:
    seen, answers = asyncio.run(_exchange())
    assert answers == [
        (200, {"id": "ééé", "text": "une"}),
        (200, {"id": "ééé", "text": "deux"}),
        (429, {"error": "slow-down"}),
        (200, {"ok": True}),
        (200, {"id": "ééé", "text": "trois"}),
        (200, {"id": "ééé", "text": "ensemble 1"}),
        (200, {"id": "ééé", "text": "ensemble 2"}),
        (200, {"id": "ééé", "text": "quatre"}),
        (200, {"css": True, "sent": True}),  # a GET: its body read whole too
    ]
    assert all(s["whole"] for s in seen)  # headers and body arrived together
    assert {s["remote"] for s in seen} == {"127.0.0.7"}  # the phone's own address
    assert all(s["type"] == "application/json" and s["phone"] == "p1" for s in seen)
    assert seen[0]["host"] == f"127.0.0.1:{seen[0]['host'].split(':')[1]}"
    ports = [s["port"] for s in seen]
    assert len(set(ports[:4])) == 1  # kept alive
    assert ports[4] != ports[0]  # a new one after the server's « Connection: close »
    assert ports[5] != ports[6]  # two at once: two connections
    assert ports[4] in ports[5:7]  # the idle one taken first
    assert ports[7] not in ports[:7]  # the idle ones the server closed are not used again
    assert seen[-1]["then_got"] == [ports[7]]  # the GET on the kept-alive connection


async def _closed_as_written() -> tuple[list[tuple[int, bytes]], int]:
    connections = 0

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        answered = 0
        while True:
            try:
                await reader.readuntil(b"\r\n\r\n")
            except asyncio.IncompleteReadError:
                break
            if connections == 1 and answered == 1:  # closed idle just as the next came in
                break
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
            answered += 1
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    client = OneWrite("127.0.0.1", port, "127.0.0.8")
    try:
        answers = [await client.request("GET", "/static/app.css") for _ in range(2)]
    finally:
        client.close()
        server.close()
        await server.wait_closed()
    return answers, connections


def test_a_kept_alive_connection_closed_before_answering_is_tried_again_on_a_new_one() -> None:
    answers, connections = asyncio.run(_closed_as_written())
    assert answers == [(200, b"ok"), (200, b"ok")]
    assert connections == 2
