"""The same laptops sync through Node's standard y-websocket server (``@y/websocket-server``
from npm, installed by ``./dev.sh test`` in tests/relay/node): the wire protocol is the
standard one, not ours."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.relay.conftest import Laptop
from tests.relay.test_relay_sync import TOWN, share

SERVER = Path(__file__).parent / "node" / "node_modules" / "@y" / "websocket-server" / "src"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def node_relay() -> Iterator[str]:
    node = shutil.which("node")
    if node is None or not (SERVER / "server.js").exists():
        pytest.skip("Node.js ou @y/websocket-server absent (./dev.sh test les installe avec npm)")
    port = _free_port()
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port)}
    env.pop("YPERSISTENCE", None)
    process = subprocess.Popen(
        [node, str(SERVER / "server.js")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("le serveur y-websocket de Node n'a pas démarré")
        yield f"ws://127.0.0.1:{port}/fabrique-tests"
    finally:
        process.terminate()
        process.wait(10)


def test_two_towns_converge_through_nodes_y_websocket_server(node_relay: str, laptops) -> None:
    marseille, aubagne = laptops("marseille"), laptops("aubagne")
    key = share(marseille, node_relay)
    code, _, err = aubagne.run("sync", "--relay", node_relay, "--key", key)
    assert code == 0, err
    assert "5 ateliers reçus" in err

    marseille.add(TOWN, 3, "Une ceinture verte « nourricière » autour de l'étang de Berre")
    aubagne.add(TOWN, 2, "Respect des anciens : la mémoire ouvrière")
    for laptop in (marseille, aubagne, marseille):
        code, _, err = laptop.run("sync", TOWN, "--relay", node_relay)
        assert code == 0, err

    _same_series(marseille, aubagne)
    assert "Respect des anciens : la mémoire ouvrière" in marseille.texts(TOWN, 2)


def _same_series(a: Laptop, b: Laptop) -> None:
    for number in range(1, 6):
        assert a.texts(TOWN, number) == b.texts(TOWN, number)
