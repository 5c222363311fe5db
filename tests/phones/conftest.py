"""A phone room served on 127.0.0.1 by a background owner thread, and a small phone client."""

from __future__ import annotations

import json
import shutil
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from db.store import Store
from fabrique_desktop.cli.phones import store_batch
from fabrique_desktop.model import Session
from fabrique_desktop.phones.checks import Limits, Rates
from fabrique_desktop.phones.room import set_moderated
from fabrique_desktop.phones.service import PhoneService


def head_less(store: Store, session_id: str, **options: Any) -> PhoneService:
    """A service writing as ``fabrique phones`` does (the command's store writer)."""
    return PhoneService(store, session_id, lambda: store_batch(store), **options)


GENEROUS = Rates(phone=(100.0, 100), address=(500.0, 500), join=(100.0, 100), reads=(500.0, 500))


@dataclass
class Phone:
    """A phone as the page is: an address to post to, and its identity once joined."""

    base: str
    phone: str = ""
    token: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    source: str = ""
    """The loopback address it calls from (127.0.x.y: another phone of the room's Wi-Fi)."""

    def call(
        self,
        action: str,
        data: Any = None,
        *,
        raw: bytes | None = None,
        content_type: str = "application/json",
        base: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, Any]]:
        body = raw if raw is not None else json.dumps({} if data is None else data).encode()
        if self.source:
            return self._call_from(f"{base or self.base}/api/{action}", body, content_type, headers)
        request = urllib.request.Request(
            f"{base or self.base}/api/{action}",
            data=body,
            method="POST",
            headers={"Content-Type": content_type, **self.identity(), **(headers or {})},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            payload = error.read()
            try:
                return error.code, json.loads(payload)
            except ValueError:
                return error.code, {"raw": payload.decode(errors="replace")}

    def _call_from(
        self, url: str, body: bytes, content_type: str, headers: dict[str, str] | None
    ) -> tuple[int, dict[str, Any]]:
        import http.client
        import urllib.parse

        parts = urllib.parse.urlsplit(url)
        connection = http.client.HTTPConnection(
            parts.hostname or "", parts.port, timeout=10, source_address=(self.source, 0)
        )
        try:
            connection.request(
                "POST",
                parts.path,
                body=body,
                headers={"Content-Type": content_type, **self.identity(), **(headers or {})},
            )
            response = connection.getresponse()
            payload = response.read()
        finally:
            connection.close()
        try:
            return response.status, json.loads(payload)
        except ValueError:
            return response.status, {"raw": payload.decode(errors="replace")}

    def identity(self) -> dict[str, str]:
        return {"X-Phone": self.phone, "X-Token": self.token} if self.phone else {}

    def join(self) -> Phone:
        status, body = self.call("join")
        assert status == 200, body
        self.phone, self.token = body["phone"], body["token"]
        return self


class Room:
    def __init__(self, service: PhoneService, address: str) -> None:
        self.service = service
        self.address = address
        self.store = service.store

    def phone(self) -> Phone:
        return Phone(self.address).join()


def open_room(
    store: Store, session: Session, limits: Limits | None = None, moderated: bool = False
) -> Iterator[Room]:
    if moderated:
        store.apply(set_moderated(store, session.id, True))
    limits = limits or Limits(GENEROUS, phones_per_address=50)
    service = head_less(store, session.id, limits=limits)
    address = service.open("127.0.0.1", 0)
    stop = threading.Event()
    owner = threading.Thread(target=service.serve, args=(stop,), daemon=True)
    owner.start()
    try:
        yield Room(service, address)
    finally:
        stop.set()
        owner.join(5)
        service.close()


@pytest.fixture
def room(store: Store, session: Session) -> Iterator[Room]:
    yield from open_room(store, session)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    """Debian's chromium driven by Playwright (one per test module)."""
    from tests.phones.test_browser import ARGS, CHROMIUM

    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("Debian's chromium is not installed (./dev.sh test installs it as root)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()
