"""The envelope checks, codes and throttle: pure functions, no sockets."""

from __future__ import annotations

import contextlib

import pycrdt
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fabrique_desktop.live import codes, protocol
from fabrique_desktop.live.peers import Throttle, is_local
from fabrique_desktop.live.protocol import ProtocolError


def test_sync_envelope_is_pycrdt_s() -> None:
    doc = pycrdt.Doc()
    doc.get("cards", type=pycrdt.Map)["a:text"] = "x"
    update = doc.get_update()
    assert protocol.sync_message(protocol.SYNC_UPDATE, update) == pycrdt.create_update_message(
        update
    )
    assert protocol.sync_message(protocol.SYNC_STEP1, doc.get_state()) == (
        pycrdt.create_sync_message(doc)
    )
    assert protocol.parse_sync(pycrdt.create_update_message(update)) == (
        protocol.SYNC_UPDATE,
        update,
    )


@given(st.binary(max_size=64))
def test_garbage_is_refused_never_crashes(data: bytes) -> None:
    for parse in (protocol.parse_sync, protocol.parse_control):
        with contextlib.suppress(ProtocolError):
            parse(data)


@pytest.mark.parametrize(
    "payload",
    [
        b"\x10{}",
        b"\x10[]",
        b'\x10{"type": "hello", "code": {"a": 1}}',
        b'\x10{"type": "shell"}',
        b"\x10" + b'{"type": "hello", "name": "' + b"x" * 600 + b'"}',
        b"\x10\xff\xfe",
    ],
)
def test_bad_control_messages(payload: bytes) -> None:
    with pytest.raises(ProtocolError):
        protocol.parse_control(payload)


def test_codes_are_forgiving_to_type_and_strict_to_match() -> None:
    code = codes.new_code()
    assert len(code) == 6
    assert set(code) <= set(codes.ALPHABET)
    assert codes.matches(code, codes.display(code).lower())
    assert codes.matches("K7P3QX", " k7p-3qx ")
    assert not codes.matches("K7P3QX", "K7P3QY")
    assert not codes.matches("", "")


def test_throttle_bans_after_five_bad_attempts_for_a_minute() -> None:
    throttle = Throttle()
    for second in range(4):
        assert not throttle.bad("192.168.1.9", now=second)
    assert throttle.allowed("192.168.1.9", now=4)
    assert throttle.bad("192.168.1.9", now=5)
    assert not throttle.allowed("192.168.1.9", now=30)
    assert throttle.allowed("192.168.1.10", now=30)
    assert throttle.allowed("192.168.1.9", now=66)


def test_throttle_limits_wrong_codes_from_all_addresses_together() -> None:
    throttle = Throttle()
    throttle.trust("192.168.1.2")  # proved the code earlier
    for n in range(throttle.wrong_codes):
        assert throttle.may_guess(f"192.168.1.{100 + n}", now=n)
        assert not throttle.wrong_code(f"192.168.1.{100 + n}", now=n)  # one each: no ban
    assert not throttle.may_guess("192.168.1.200", now=20)
    assert throttle.may_guess("192.168.1.2", now=20)
    assert throttle.bad("192.168.1.3", now=21) is False  # garbage is not a guess
    assert not throttle.may_guess("192.168.1.200", now=59.5)
    assert throttle.may_guess("192.168.1.200", now=60.5)  # the first guess left the minute


@pytest.mark.parametrize(
    ("address", "local"),
    [
        ("127.0.0.1", True),
        ("192.168.43.12", True),
        ("10.0.0.4", True),
        ("172.20.1.1", True),
        ("169.254.3.3", True),
        ("fe80::1%wlan0", True),
        ("::ffff:192.168.1.2", True),
        ("8.8.8.8", False),
        ("2001:4860::8888", False),
        ("0.0.0.0", False),
        ("not an address", False),
    ],
)
def test_only_local_network_addresses(address: str, local: bool) -> None:
    assert is_local(address) is local


@pytest.mark.parametrize(
    "text",
    [
        '{"type": {"a": 1}}',
        '{"type": ["ping"]}',
        "[" * 2000 + "]" * 2000,
        '{"type": 1' + "0" * 5000 + "}",
    ],
    ids=["dict-type", "list-type", "deep", "long-int"],
)
def test_control_messages_of_the_wrong_shape_are_refused(text: str) -> None:
    with pytest.raises(ProtocolError):
        protocol.parse_control(bytes([protocol.MSG_CONTROL]) + text.encode())
