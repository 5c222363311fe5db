"""One room code per atelier: the same each time the room opens (table tents printed in the
morning stay right after a restart), in the app and in ``fabrique phones``, until the
facilitator asks for a new one; pages opened with the old code are then refused."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from db.store import Store
from fabrique_desktop.live import codes
from fabrique_desktop.model import Session
from fabrique_desktop.phones import room as phone_room
from fabrique_desktop.phones.model import PhoneSettings
from tests.phones.conftest import Phone, head_less, open_room


def test_the_code_is_kept_with_the_session(store: Store, session: Session) -> None:
    first = head_less(store, session.id)
    second = head_less(store, session.id)  # the laptop restarted at noon
    assert first.code == second.code
    assert len(first.code) == codes.LENGTH
    [kept] = store.find(PhoneSettings, session_id=session.id)
    assert kept.code == first.code
    code, keep = phone_room.room_code(store, session.id)
    assert (code, bool(keep)) == (first.code, False)


def test_a_new_code_refuses_the_old_pages(store: Store, session: Session) -> None:
    for room in open_room(store, session):
        phone = room.phone()
        assert phone.call("idea", {"text": "Avant le nouveau code"})[0] == 200
        old = room.service.code
        code, change = phone_room.new_room_code(store, session.id)
        store.apply(change)
        address = room.service.change_code(code)
        assert code != old
        assert address == room.address.replace(old, code)
        assert phone.call("idea", {"text": "Avec l'ancien code"}) == (403, {"error": "code"})
        moved = Phone(address, phone.phone, phone.token)  # the same phone, the new code typed
        assert moved.call("idea", {"text": "Avec le nouveau code"})[0] == 200
        assert len(moved.call("state")[1]["ideas"]) == 2
        assert head_less(store, session.id).code == code  # kept for the next opening


def _serve(data: Path, session_id: str, *extra: str) -> tuple[list[str], str]:
    env = {**os.environ, "FABRIQUE_DATA_DIR": str(data)}
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "fabrique_desktop.cli", "phones", session_id),
            *("--address", "127.0.0.1", "--port", "0", *extra),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )
    try:
        lines = [server.stdout.readline().strip(), server.stdout.readline().strip()]
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=15)
    finally:
        if server.poll() is None:
            server.kill()
    assert server.returncode == 0, err
    assert "Traceback" not in err
    assert "Salle fermée : aucune demande reçue." in err  # no phone came
    return lines + out.splitlines(), err


def test_the_command_prints_the_address_then_the_kept_code(tmp_path: Path) -> None:
    from fabrique_desktop.paths import DataDir
    from fabrique_desktop.workspace import ensure_first_use, list_sessions

    data = DataDir(tmp_path / "data")
    store = Store.open(data.database)
    session = list_sessions(store, ensure_first_use(store).id)[0]
    store.close()
    (address, code, *rest), _ = _serve(data.root, session.id)
    assert address.startswith("http://127.0.0.1:")
    assert address.endswith(f"/r/{code}")
    assert len(code) == codes.LENGTH
    assert set(code) <= set(codes.ALPHABET)
    assert rest == []
    again, _ = _serve(data.root, session.id)  # the next morning: the same code
    assert again[1] == code
    fresh, _ = _serve(data.root, session.id, "--new-code")
    assert fresh[1] != code
    assert fresh[0].endswith(f"/r/{fresh[1]}")
    store = Store.open(data.database)
    assert phone_room.room_code(store, session.id)[0] == fresh[1]  # the app opens with it too
    store.close()
