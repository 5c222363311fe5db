"""The phones' page for everyone: axe-core (npm, ``tests/phones/axe``) finds no violation on
any screen in Debian's chromium; choices are real radio buttons; disabled buttons look
disabled; no text under 16 px; the idea form comes before a long vote; a closed vote still
shows the phone's own dots."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.store import Store
from fabrique_desktop import changes
from fabrique_desktop.changes import Change
from fabrique_desktop.model import Card, Session
from fabrique_desktop.phones import room as phone_room
from tests.phones.conftest import open_room
from tests.phones.test_browser import PHONE, take_seat

pytestmark = pytest.mark.slow
AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"

SMALL_TEXT = """() => {
  const small = [];
  for (const node of document.querySelectorAll('body *')) {
    if (!node.offsetParent && node.tagName !== 'BODY') continue;
    const own = [...node.childNodes].some(c => c.nodeType === 3 && c.textContent.trim());
    if (own && parseFloat(getComputedStyle(node).fontSize) < 16) {
      small.push(node.tagName + ' ' + node.className + ': ' + node.textContent.slice(0, 30));
    }
  }
  return small;
}"""


def violations(page) -> list[str]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
    )
    return list(found)


@pytest.fixture
def checked_page(browser):
    if not AXE.exists():
        pytest.skip("axe-core is not installed: ./dev.sh test runs npm ci in tests/phones/axe")
    context = browser.new_context(**PHONE, bypass_csp=True)  # to inject axe-core
    yield context.new_page()
    context.close()


def test_every_screen_passes_axe_core(
    checked_page, store: Store, session: Session, tmp_path: Path
) -> None:
    shots = tmp_path  # the screens, for a look (--basetemp to keep them)
    cards = [
        Card(session_id=session.id, text=f"Idée n° {i} pour le quartier", column="mieux")
        for i in range(40)
    ]
    store.apply(Change("cartes", tuple(changes.create(c) for c in cards)))
    page = checked_page
    page.set_default_timeout(10_000)
    for room in open_room(store, session):
        page.goto(room.address.rsplit("/", 1)[0] + "/AAAAAA")
        page.wait_for_selector("#code-screen:not([hidden])")
        assert violations(page) == []

        page.goto(room.address)
        page.wait_for_selector("#profile-screen:not([hidden])")
        radios = page.locator("#personas input[type=radio]")
        assert radios.count() >= 2  # a screen reader says which one is chosen
        assert violations(page) == []
        page.screenshot(path=str(shots / "profile.png"), full_page=True)
        take_seat(page)
        assert page.locator("#personas input[type=radio]").nth(1).is_checked()

        store.apply(phone_room.open_poll(store, session.id, [], dots=1))
        room.service.tell_vote()
        page.wait_for_selector("#vote-cards li")
        form, vote = page.locator("#idea-form").bounding_box(), page.locator("#vote").bounding_box()
        assert form["y"] < vote["y"]  # 40 cards to vote on: the idea form still comes first
        first = page.locator("#vote-cards li").first
        first.locator("button").nth(1).click()
        first.locator(".mine-dots").get_by_text("1", exact=True).wait_for()
        assert page.inner_text("#vote-status") == "Il ne vous reste aucune gommette sur 1."
        plus_used = page.locator("#vote-cards li").nth(2).locator("button").nth(1)
        assert plus_used.is_disabled()
        looks = page.evaluate(
            "() => [...document.querySelectorAll('#vote-cards li')].slice(0, 3).map(li => "
            "getComputedStyle(li.querySelectorAll('button')[0]).backgroundColor)"
        )
        enabled = page.evaluate(
            "() => getComputedStyle(document.querySelector('#profile-edit')).cursor"
        )
        assert looks[0] == "rgb(255, 255, 255)"  # « − » where this phone put its dot
        assert looks[1] != looks[0]  # « − » disabled: another look
        assert enabled == "pointer"
        assert page.evaluate(SMALL_TEXT) == []
        assert violations(page) == []
        page.screenshot(path=str(shots / "vote-open.png"), full_page=True)

        poll = phone_room.current_poll(store, session.id)
        store.apply(phone_room.close_poll(poll))
        room.service.tell_vote()
        page.locator("#vote-status").get_by_text("Vos gommettes", exact=False).wait_for()
        assert page.locator("#vote-cards li").count() == 1  # the phone's own dot, still shown
        # counted as one says it (it read « 1 gommette(s) »)
        assert page.inner_text("#vote-cards .meta") == "1 gommette"
        assert page.evaluate(SMALL_TEXT) == []
        assert violations(page) == []
        page.screenshot(path=str(shots / "vote-closed.png"), full_page=True)

        page.click("#lang")
        assert violations(page) == []
        page.click("#lang")
    page.wait_for_selector("#closed-screen:not([hidden])")
    assert violations(page) == []
    page.screenshot(path=str(shots / "closed.png"), full_page=True)
    # the checker does see faults: an image without its text is one
    page.evaluate("document.querySelector('main').appendChild(document.createElement('img'))")
    assert [v.split(":")[0] for v in violations(page)] == ["image-alt"]


@pytest.mark.parametrize("locale", ["fr-FR", "en-GB"])
def test_the_waiting_and_refused_screens_pass_axe_core_too(
    browser, store: Store, session: Session, tmp_path: Path, locale: str
) -> None:
    """The states a participant meets when the room is not smooth, on a French and an English
    phone: ideas waiting in the phone without a connection (banner, dashed items), an idea
    waiting for the facilitator, and the phone blocked; each without a violation, and no text
    under 16 px."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed: ./dev.sh test runs npm ci in tests/phones/axe")
    context = browser.new_context(**{**PHONE, "locale": locale}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    for room in open_room(store, session, moderated=True):
        page.goto(room.address)
        take_seat(page)
        page.fill("#idea", "En attente de l'animateur")
        page.click("#send")
        page.wait_for_selector("#mine li.unsent", state="detached")
        page.context.set_offline(True)
        page.fill("#idea", "Partie sans connexion")
        page.click("#send")
        page.wait_for_selector("#banner:not([hidden])")
        page.fill("#idea", "Un brouillon")
        assert page.locator("#mine li.unsent").count() == 1
        assert page.evaluate(SMALL_TEXT) == []
        assert violations(page) == []
        page.screenshot(path=str(tmp_path / f"offline-{locale}.png"), full_page=True)
        page.context.set_offline(False)
        page.wait_for_selector("#mine li.unsent", state="detached", timeout=20_000)
        assert violations(page) == []
        from fabrique_desktop.phones.model import Phone as PhoneRow

        phone = store.find(PhoneRow, session_id=session.id)[0]
        store.apply(phone_room.block(store, phone, set()))
        room.service.disconnect(phone.id)
        page.wait_for_selector("#closed-screen:not([hidden])")
        assert page.evaluate(SMALL_TEXT) == []
        assert violations(page) == []
        page.screenshot(path=str(tmp_path / f"blocked-{locale}.png"), full_page=True)
    context.close()
