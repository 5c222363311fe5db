"""The phones' page in a real browser: Debian's chromium driven by Playwright, on 127.0.0.1.

Skipped, saying why, only where chromium or Playwright cannot be installed (``./dev.sh test``
installs both). Screens are saved in the test's folder (``--basetemp`` to keep them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.store import Store
from fabrique_desktop.model import Session
from fabrique_desktop.phones import room as phone_room
from fabrique_desktop.phones.model import PhoneIdea
from tests.phones.conftest import open_room

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script> & <b>gras</b>'
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "locale": "fr-FR",  # a French phone: the page speaks French
}

pytestmark = pytest.mark.slow


@pytest.fixture
def room(store: Store, session: Session):
    yield from open_room(store, session)


def phone_page(browser, address: str):
    context = browser.new_context(**PHONE)  # its own storage: its own identity
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(address)
    return page


def take_seat(page, persona_index: int = 1) -> None:
    page.wait_for_selector("#profile-screen:not([hidden])")
    page.locator("#personas label").nth(persona_index).click()
    page.click("#profile-save")
    page.wait_for_selector("#main-screen:not([hidden])")


def send(page, text: str) -> None:
    """Type and send an idea, and wait for the laptop's answer: the page lists it at once from
    its outbox (« Pas encore arrivée »), then with its status once stored."""
    page.fill("#idea", text)
    page.click("#send")
    page.locator("#mine .text").get_by_text(text, exact=True).wait_for()
    page.wait_for_selector("#mine li.unsent", state="detached")


def test_send_an_idea_vote_from_a_second_phone_and_html_stays_text(
    browser, room, store: Store, session: Session, tmp_path: Path
) -> None:
    first = phone_page(browser, room.address)
    take_seat(first)
    send(first, "Des jardins partagés au pied des immeubles")
    assert first.locator("#mine li").count() == 1
    assert "Au tableau" in first.inner_text("#mine")
    first.screenshot(path=str(tmp_path / "phone-360.png"), full_page=True)

    second = phone_page(browser, room.address)
    take_seat(second, 2)
    send(second, HOSTILE)
    assert second.locator("#mine img, #mine script, #mine b").count() == 0

    # the facilitator opens a vote on every card: the pages learn it through their websocket
    store.apply(phone_room.open_poll(store, session.id, [], dots=3))
    room.service.tell_vote()
    for page in (first, second):
        page.wait_for_selector("#vote:not([hidden]) #vote-cards li")
    shown = first.locator("#vote-cards .text").all_inner_texts()
    assert HOSTILE in shown  # the other phone's markup, shown as the characters typed
    assert first.locator("#vote-cards img, #vote-cards script, #vote-cards b").count() == 0
    assert first.evaluate("window.pwned") is None
    first.screenshot(path=str(tmp_path / "phone-vote-360.png"), full_page=True)

    poll = phone_room.current_poll(store, session.id)
    assert phone_room.poll_totals(store, poll) == (0, 0)
    plus = second.locator("#vote-cards li").first.locator("button").nth(1)
    plus.click()
    second.locator("#vote-cards .mine-dots").first.get_by_text("1", exact=True).wait_for()
    plus.click()
    second.locator("#vote-cards .mine-dots").first.get_by_text("2", exact=True).wait_for()
    assert "Il vous reste 1 gommette sur 3." in second.inner_text("#vote-status")
    assert phone_room.poll_totals(store, phone_room.current_poll(store, session.id)) == (2, 1)

    # the page's width is the phone's: nothing wider than 360 px
    assert first.evaluate("document.documentElement.scrollWidth") <= 360


def test_wrong_code_is_refused_on_the_page(browser, room) -> None:
    wrong = room.address.rsplit("/", 1)[0] + "/AAAAAA"
    page = phone_page(browser, wrong)
    page.wait_for_selector("#code-screen:not([hidden])")
    assert "Ce code n'est pas le bon" in page.inner_text("#banner")
    page.click("#lang")
    assert page.inner_text("#lang") == "Français"
    assert "Room code" in page.inner_text("#code-screen")


def test_moderated_idea_waits_then_is_accepted(browser, store: Store, session: Session) -> None:
    for room in open_room(store, session, moderated=True):
        page = phone_page(browser, room.address)
        take_seat(page)
        send(page, "Un marché de producteurs le samedi")
        assert "En attente de l'animateur" in page.inner_text("#mine")
        assert "l'animateur la met au tableau" in page.inner_text("#banner")
        [waiting] = phone_room.waiting(store, session.id)
        store.apply(phone_room.accept(store, waiting))
        room.service.tell_idea(waiting.id)
        page.locator("#mine .meta").get_by_text("Au tableau").wait_for()
        assert store.get(PhoneIdea, waiting.id).card_id is not None


def test_closing_the_room_tells_the_page(browser, store: Store, session: Session) -> None:
    rooms = open_room(store, session)
    room = next(rooms)
    page = phone_page(browser, room.address)
    take_seat(page)
    rooms.close()
    page.wait_for_selector("#closed-screen:not([hidden])")
    assert "fermé la salle" in page.inner_text("#closed-text")


def test_a_blocked_phone_is_told_at_once(browser, store: Store, session: Session) -> None:
    """Blocking closes the phone's notice socket: the « blocked » notice must reach the page
    before the socket closes (else the page learns it only at its next poll, seconds later)."""
    for room in open_room(store, session):
        page = phone_page(browser, room.address)
        take_seat(page)
        send(page, "Une idée avant d'être bloqué")
        [phone] = phone_room.phones(store, session.id)
        store.apply(phone_room.block(store, phone))
        room.service.disconnect(phone.id)
        page.wait_for_selector("#closed-screen:not([hidden])", timeout=2_500)
        assert "retiré ce téléphone" in page.inner_text("#closed-text")


def test_a_new_room_code_asks_the_open_pages_for_it(
    browser, store: Store, session: Session
) -> None:
    for room in open_room(store, session):
        page = phone_page(browser, room.address)
        take_seat(page)
        send(page, "Une idée sous l'ancien code")
        code, change = phone_room.new_room_code(store, session.id)
        store.apply(change)
        room.service.change_code(code)
        page.wait_for_selector("#code-screen:not([hidden])", timeout=2_500)
        assert "nouveau code" in page.inner_text("#banner")
        page.fill("#code-input", code.lower())  # typed as it comes
        page.click("#code-form button")
        page.wait_for_selector("#main-screen:not([hidden])")
        assert page.url.endswith(f"/r/{code}")
        # the same phone: its ideas are still listed, nobody joined twice
        assert page.locator("#mine .text").all_inner_texts() == ["Une idée sous l'ancien code"]
        assert len(phone_room.phones(store, session.id)) == 1
        fresh = page.context.new_page()  # the new QR code scanned: still the same phone
        fresh.goto(room.service.address)
        fresh.locator("#mine .text").get_by_text("Une idée sous l'ancien code").wait_for()
        assert len(phone_room.phones(store, session.id)) == 1


def test_a_phone_asleep_during_a_new_code_stays_the_same_phone(
    browser, store: Store, session: Session
) -> None:
    for room in open_room(store, session):
        page = phone_page(browser, room.address)
        take_seat(page)
        send(page, "Une idée avant la pause")
        context = page.context
        page.close()  # the phone asleep in a pocket while the facilitator changes the code
        code, change = phone_room.new_room_code(store, session.id)
        store.apply(change)
        room.service.change_code(code)
        again = context.new_page()
        again.goto(room.service.address)  # the new QR code scanned
        again.locator("#mine .text").get_by_text("Une idée avant la pause").wait_for()
        assert len(phone_room.phones(store, session.id)) == 1
