"""Memory of a sharing laptop under attack by laptops that know the code (issue 14, item 6).

    .venv/bin/python -m tests.bench.live_memory [LAPTOPS]

A facilitator process (``tests.live.peer host``: demo atelier, real database and engine) is
attacked by LAPTOPS connections (default 8) from 127.0.0.2… (so that the per-address ban does
not stop them early), each after a valid handshake:

A. announces the largest frame the facilitator accepts and sends all of it but its last byte,
   then holds the connection;
B. sends complete sealed y-sync updates of the largest size, full of garbage, three rounds.

It prints the facilitator's resident memory (VmRSS, sampled every 20 ms) at rest, at the peak of
each attack and after, then checks that a real note-taker still joins. Not a test (Linux only,
tens of seconds, numbers for the notes).
"""

from __future__ import annotations

import os
import struct
import sys
import tempfile
import threading
import time
from pathlib import Path

from fabrique_desktop.live import protocol
from tests.live import wire
from tests.live.processes import Peer, wait_until

CODE = "ACDEFG"


def rss(pid: int) -> int:
    """Resident memory of ``pid`` in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024
    return 0


def connect(port: int, index: int) -> wire.RawPeer:
    peer = wire.RawPeer(port, timeout=30, source=f"127.0.0.{index + 2}")
    answer = peer.join(CODE, name=f"attaquant {index}", peer=f"att-{index}-{time.monotonic()}")
    if (answer or {}).get("type") != "welcome":
        peer.sock.close()
        raise ConnectionError(f"not welcomed: {answer}")
    return peer


class Sampler:
    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self._stop = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss(self.pid))
            time.sleep(0.02)

    def reset(self) -> None:
        self.peak = rss(self.pid)

    def stop(self) -> None:
        self._stop.set()


def held_frames(port: int, laptops: int) -> list[wire.RawPeer]:
    held: list[wire.RawPeer] = []
    size = protocol.MAX_FRAME + protocol.SEAL_OVERHEAD  # the sealed size accepted
    chunk = os.urandom(1 << 20)

    def attack(index: int) -> None:
        try:
            peer = connect(port, index)
            held.append(peer)
            peer.send_raw(struct.pack(">I", size))
            sent = 0
            while sent < size - 1:
                n = min(len(chunk), size - 1 - sent)
                peer.send_raw(chunk[:n])
                sent += n
        except OSError:
            pass  # refused, or waiting for its turn until the timeout

    run_all(attack, laptops)
    return held


def garbage_updates(port: int, laptops: int) -> int:
    sent = [0]
    payload = protocol.sync_message(protocol.SYNC_UPDATE, os.urandom(protocol.MAX_UPDATE))

    def attack(index: int) -> None:
        for _ in range(3):
            try:
                peer = connect(port, laptops + index)
                peer.send(payload)
                sent[0] += 1
                peer.closed()
                peer.sock.close()
            except OSError:
                pass  # banned after its bad attempts

    run_all(attack, laptops)
    return sent[0]


def run_all(attack: object, laptops: int) -> None:
    threads = [threading.Thread(target=attack, args=(i,)) for i in range(laptops)]  # type: ignore[arg-type]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)


def main(laptops: int) -> None:
    tmp = Path(tempfile.mkdtemp())
    host = Peer.host(tmp / "host", CODE)
    sampler = Sampler(host.process.pid)
    try:
        time.sleep(1.0)
        pid = host.process.pid
        print(
            f"frame limit {protocol.MAX_FRAME / 2**20:.1f} MiB; facilitator at rest {rss(pid)} MB"
        )
        sampler.reset()
        held = held_frames(host.port, laptops)
        time.sleep(1.5)
        print(f"A: {len(held)} laptops hold a frame: now {rss(pid)} MB, peak {sampler.peak} MB")
        for peer in held:
            peer.sock.close()
        time.sleep(2.0)
        print(f"A: after they close: {rss(pid)} MB")
        sampler.reset()
        sent = garbage_updates(host.port, laptops)
        time.sleep(1.0)
        print(f"B: {sent} garbage updates sent: now {rss(pid)} MB, peak {sampler.peak} MB")
        note = Peer.note_taker(tmp / "note", CODE, host.port, "Table 1")
        try:
            wait_until(lambda: "Table 1" in host.ask("status")["peers"], timeout=30)
            print(f"a real note-taker joined after the attacks; facilitator at {rss(pid)} MB")
        finally:
            note.quit()
    finally:
        sampler.stop()
        host.quit()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8)
