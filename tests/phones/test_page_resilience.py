"""A participant never loses a word and never sends it twice: the draft survives reloads, a new
room code and the room closing; the page comes back by itself when the room reopens (here the
real ``fabrique phones`` stopped by SIGTERM and started again); ideas sent offline wait in the
phone and leave once, when the connection is back; an English phone reads English."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.store import Store
from fabrique_desktop.model import Card, Session
from fabrique_desktop.paths import DataDir
from fabrique_desktop.phones import room as phone_room
from fabrique_desktop.phones.model import PhoneIdea
from tests.phones.conftest import open_room
from tests.phones.test_browser import PHONE, phone_page, take_seat

pytestmark = pytest.mark.slow
DRAFT = "Un composteur dans chaque cour, et des bancs autour"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Command:
    """``fabrique phones`` in its own process, on a fixed port (the page's address stays)."""

    def __init__(self, data: DataDir, session: Session, port: int) -> None:
        self.args = [
            sys.executable,
            "-m",
            "fabrique_desktop.cli",
            "--data-dir",
            str(data.root),
            "phones",
            session.id,
            "--address",
            "127.0.0.1",
            "--port",
            str(port),
        ]
        self.process: subprocess.Popen[str] | None = None
        self.address = ""

    def start(self) -> str:
        self.process = subprocess.Popen(
            self.args,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parents[2],
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert self.process.stdout is not None
        self.address = self.process.stdout.readline().strip()
        assert self.address.startswith("http://127.0.0.1:"), self.process.stderr
        return self.address

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            assert self.process.wait(15) == 0
        self.process = None


@pytest.fixture
def command(data_dir: DataDir, store: Store, session: Session) -> Iterator[Command]:
    command = Command(data_dir, session, free_port())
    yield command
    command.stop()


def test_sigterm_and_reopen_with_a_draft_typed(
    browser, command: Command, store: Store, tmp_path: Path
) -> None:
    """After SIGTERM the page said « Merci de votre participation ! » for good and a reload
    lost the typed idea: now it says the room is closed for now, keeps the draft, and is back
    on its own within seconds of the room reopening; the idea is then sent once."""
    page = phone_page(browser, command.start())
    take_seat(page)
    page.fill("#idea", DRAFT)
    command.stop()
    page.wait_for_selector("#closed-screen:not([hidden])")
    page.screenshot(path=str(tmp_path / "closed.png"), full_page=True)
    assert "fermé la salle" in page.inner_text("#closed-text")
    assert "se reconnectera d'elle-même" in page.inner_text("#closed-hint")
    time.sleep(1.0)
    command.start()
    page.wait_for_selector("#main-screen:not([hidden])", timeout=15_000)
    assert page.input_value("#idea") == DRAFT
    page.click("#send")
    page.locator("#mine li:not(.unsent) .text").get_by_text(DRAFT, exact=True).wait_for()
    assert page.input_value("#idea") == ""
    page.reload()  # sent: the draft is gone, and the idea is listed once
    page.locator("#mine .text").get_by_text(DRAFT, exact=True).wait_for()
    assert page.input_value("#idea") == ""
    assert [c.text for c in store.find(Card)].count(DRAFT) == 1


def test_ideas_sent_offline_leave_once_when_back(
    browser, store: Store, session: Session, tmp_path: Path
) -> None:
    for room in open_room(store, session):
        page = phone_page(browser, room.address)
        take_seat(page)
        page.context.set_offline(True)  # the room's Wi-Fi drops
        for text in ("Hors ligne, première", "Hors ligne, seconde"):
            page.fill("#idea", text)
            page.click("#send")
        page.wait_for_selector("#banner:not([hidden])")
        assert "Pas de connexion" in page.inner_text("#banner")
        assert page.locator("#mine li.unsent").count() == 2
        assert page.input_value("#idea") == ""  # in the outbox, kept in the phone
        page.screenshot(path=str(tmp_path / "offline.png"), full_page=True)
        page.context.set_offline(False)
        from playwright.sync_api import expect

        expect(page.locator("#mine li.unsent")).to_have_count(0, timeout=15_000)
        assert "Pas de connexion" not in page.inner_text("#banner")
        texts = sorted(i.text for i in store.find(PhoneIdea, session_id=session.id))
        assert texts == ["Hors ligne, première", "Hors ligne, seconde"]


def test_the_draft_survives_a_reload_and_a_new_code(browser, store: Store, session: Session):
    for room in open_room(store, session):
        page = phone_page(browser, room.address)
        take_seat(page)
        page.fill("#idea", DRAFT)
        page.locator("#horizons label").nth(2).click()
        page.reload()
        page.wait_for_selector("#main-screen:not([hidden])")
        assert page.input_value("#idea") == DRAFT
        assert page.locator("#horizons input").nth(2).is_checked()
        code, change = phone_room.new_room_code(store, session.id)
        store.apply(change)
        room.service.change_code(code)
        page.wait_for_selector("#code-screen:not([hidden])")
        page.fill("#code-input", code)
        page.click("#code-form button")
        page.wait_for_selector("#main-screen:not([hidden])")
        assert page.input_value("#idea") == DRAFT


def test_a_refusal_for_good_puts_the_idea_back_in_the_box(browser, store: Store, session):
    """An idea refused for good (its column gone from the board meanwhile) comes back in the
    box with a sentence, not « La demande a été refusée (unknown-column) »."""
    for room in open_room(store, session):
        page = phone_page(browser, room.address)
        take_seat(page)
        page.evaluate(
            "var o = document.createElement('option'); o.value = 'disparue';"
            "o.textContent = 'Disparue'; document.getElementById('column').appendChild(o);"
        )
        page.select_option("#column", "disparue")
        page.fill("#idea", "Vers une colonne disparue")
        page.click("#send")
        page.wait_for_selector("#banner:not([hidden])")
        assert "Cette colonne n'est plus au tableau" in page.inner_text("#banner")
        assert "unknown-column" not in page.inner_text("body")
        assert page.input_value("#idea") == "Vers une colonne disparue"
        assert store.count(PhoneIdea, session_id=session.id) == 0


def test_an_english_phone_reads_english(browser, room) -> None:
    context = browser.new_context(**{**PHONE, "locale": "en-GB"})
    page = context.new_page()
    page.goto(room.address)
    page.wait_for_selector("#profile-screen:not([hidden]), #main-screen:not([hidden])")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert "Your seat" in page.inner_text("body") or "My ideas" in page.inner_text("body")
    assert page.inner_text("#lang") == "Français"
    context.close()


def test_an_idea_kept_for_one_atelier_is_not_sent_to_the_next(
    browser, store: Store, session: Session, demo_session: Session
) -> None:
    """The morning's atelier closes with an idea still in the phone (sent without a
    connection); in the afternoon the same laptop opens another atelier's room on the same
    address, and the participant scans its code: the morning's idea went on the afternoon's
    board. It comes back in the box instead, for the participant to send or not."""
    from tests.phones.conftest import head_less

    port = free_port()

    def serve(atelier: Session):
        service = head_less(store, atelier.id)
        address = service.open("127.0.0.1", port)
        import threading

        stop = threading.Event()
        owner = threading.Thread(target=service.serve, args=(stop,), daemon=True)
        owner.start()
        return service, address, stop, owner

    service, address, stop, owner = serve(session)
    page = phone_page(browser, address)
    take_seat(page)
    page.context.set_offline(True)
    page.fill("#idea", "Idée du matin")
    page.click("#send")
    page.wait_for_selector("#mine li.unsent")
    page.context.set_offline(False)
    stop.set()  # the morning's room closes before the idea left (the Wi-Fi came back late)
    owner.join(5)
    service.close()

    service, afternoon, stop, owner = serve(demo_session)
    try:
        assert afternoon != address
        page.goto(afternoon)  # the afternoon's code, scanned
        page.wait_for_selector("#profile-screen:not([hidden]), #main-screen:not([hidden])")
        if page.is_visible("#profile-screen"):
            take_seat(page)
        from playwright.sync_api import expect

        expect(page.locator("#idea")).to_have_value("Idée du matin", timeout=10_000)
        assert page.locator("#mine li.unsent").count() == 0
        time.sleep(1.0)
        assert [i.text for i in store.find(PhoneIdea, session_id=demo_session.id)] == []
        assert [i.text for i in store.find(PhoneIdea, session_id=session.id)] == []
        page.click("#send")  # the participant sends it here, now knowingly
        page.locator("#mine li:not(.unsent) .text").get_by_text("Idée du matin").wait_for()
        texts = [i.text for i in store.find(PhoneIdea, session_id=demo_session.id)]
        assert texts == ["Idée du matin"]
    finally:
        stop.set()
        owner.join(5)
        service.close()


def test_two_tabs_of_one_phone_lose_no_idea(browser, store: Store, session: Session) -> None:
    """The room's code scanned twice opens two tabs of the page on one phone. Without a
    connection, an idea sent from each: the second tab wrote its own list of waiting ideas over
    the phone's, and the first tab's idea was gone for good once that tab was closed."""
    from playwright.sync_api import expect

    for room in open_room(store, session):
        first = phone_page(browser, room.address)
        take_seat(first)
        second = first.context.new_page()
        second.set_default_timeout(10_000)
        second.goto(room.address)
        second.wait_for_selector("#main-screen:not([hidden])")
        first.context.set_offline(True)
        for page, text in ((first, "Du premier onglet"), (second, "Du second onglet")):
            page.fill("#idea", text)
            page.click("#send")
        expect(second.locator("#mine li.unsent")).to_have_count(2)  # both, in each tab
        expect(first.locator("#mine li.unsent")).to_have_count(2)
        first.close()  # the first tab closed while the Wi-Fi is down
        second.context.set_offline(False)
        expect(second.locator("#mine li.unsent")).to_have_count(0, timeout=20_000)
        texts = sorted(i.text for i in store.find(PhoneIdea, session_id=session.id))
        assert texts == ["Du premier onglet", "Du second onglet"]


def test_a_phone_blocked_by_mistake_comes_back_once_let_in(
    browser, store: Store, session: Session
) -> None:
    """The facilitator blocked the wrong line of the list, then « Débloquer ce téléphone » (or
    Ctrl+Z): the page said « L'animateur a retiré ce téléphone » until the participant thought
    of reloading it. It asks again every half-minute or so and is back by itself, its draft
    in the box."""
    from fabrique_desktop.phones.model import Phone as PhoneRow

    for room in open_room(store, session):
        page = phone_page(browser, room.address)
        page.clock.install()  # the page's half-minute, fast-forwarded
        page.reload()
        take_seat(page)
        page.fill("#idea", DRAFT)
        phone = store.find(PhoneRow, session_id=session.id)[0]
        store.apply(phone_room.block(store, phone, room.service.room.addresses(phone.id)))
        room.service.disconnect(phone.id)
        page.wait_for_selector("#closed-screen:not([hidden])")
        assert "retiré ce téléphone" in page.inner_text("#closed-text")
        page.clock.fast_forward(40_000)
        time.sleep(1.0)
        assert not page.is_visible("#main-screen")  # still blocked: still out
        blocked = store.get(PhoneRow, phone.id)
        assert blocked is not None
        store.apply(phone_room.unblock(blocked))
        page.clock.fast_forward(40_000)
        page.wait_for_selector("#main-screen:not([hidden])")
        assert page.input_value("#idea") == DRAFT
        page.click("#send")
        page.locator("#mine li:not(.unsent) .text").get_by_text(DRAFT, exact=True).wait_for()


def test_two_tabs_of_one_phone_share_one_draft(browser, store: Store, session: Session) -> None:
    """Two tabs of the page (the code scanned twice): words typed in one were lost when the
    other, idle, tab saved its own empty box over them (a horizon chosen there; the room
    closing does the same), and the typing tab was then closed. The idle tab now follows the
    draft, and writes only what changed in it."""
    for room in open_room(store, session):
        first = phone_page(browser, room.address)
        take_seat(first)
        second = first.context.new_page()
        second.set_default_timeout(10_000)
        second.goto(room.address)
        second.wait_for_selector("#main-screen:not([hidden])")
        second.fill("#idea", DRAFT)
        from playwright.sync_api import expect

        expect(first.locator("#idea")).to_have_value(DRAFT)  # the idle tab follows
        first.locator("#horizons label").nth(2).click()  # a horizon chosen in the idle tab
        second.close()
        first.reload()
        first.wait_for_selector("#main-screen:not([hidden])")
        assert first.input_value("#idea") == DRAFT
        assert first.locator("#horizons input").nth(2).is_checked()
        third = first.context.new_page()  # sent from one tab: gone from the other's box too
        third.goto(room.address)
        third.wait_for_selector("#main-screen:not([hidden])")
        assert third.input_value("#idea") == DRAFT
        third.click("#send")
        expect(first.locator("#idea")).to_have_value("")
        third.locator("#mine li:not(.unsent) .text").get_by_text(DRAFT, exact=True).wait_for()
        assert [i.text for i in store.find(PhoneIdea, session_id=session.id)] == [DRAFT]


def test_idea_sent_is_said_then_goes(browser, store: Store, session: Session) -> None:
    """« Idée envoyée : l'animateur la met au tableau. » stayed at the top of the page for the
    rest of the workshop, long after the idea was accepted (its own line says where it is)."""
    for room in open_room(store, session, moderated=True):
        page = phone_page(browser, room.address)
        page.clock.install()
        page.reload()
        take_seat(page)
        page.fill("#idea", DRAFT)
        page.click("#send")
        page.wait_for_selector("#banner.ok:not([hidden])")
        assert "l'animateur la met au tableau" in page.inner_text("#banner")
        page.clock.fast_forward(10_000)
        page.wait_for_selector("#banner", state="hidden")
        assert "En attente de l'animateur" in page.inner_text("#mine")
        page.context.set_offline(True)  # a problem stays said until it is over
        page.fill("#idea", "Sans connexion")
        page.click("#send")
        page.wait_for_selector("#banner:not([hidden])")
        page.clock.fast_forward(10_000)
        assert "Pas de connexion" in page.inner_text("#banner")
