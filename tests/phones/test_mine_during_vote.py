"""During a vote on every card (90 of them), « Mes idées » is some 10 000 px down, under the
vote list. An idea just sent can be corrected or withdrawn in its minute: a line at the page's
top leads to it in one activation, focus on its « Corriger », and a line under « Mes idées »
leads back to the vote. Keyboard and screen readers as fingers; French and English; axe-core
clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.store import Store
from fabrique_desktop import changes
from fabrique_desktop.changes import Change
from fabrique_desktop.model import Card, Session
from fabrique_desktop.phones import room as phone_room
from tests.phones.conftest import open_room
from tests.phones.test_accessibility import SMALL_TEXT, checked_page, violations
from tests.phones.test_browser import send, take_seat

pytestmark = pytest.mark.slow
__all__ = ["checked_page"]  # the fixture, used by name

SCREEN = 740  # the phone's viewport is 360 × 740

FOCUSED = """() => {
  const node = document.activeElement;
  const box = node.getBoundingClientRect();
  const item = node.closest('#mine li');
  const text = item && item.querySelector('.text');
  return {tag: node.tagName, id: node.id, cls: node.className, text: node.textContent.trim(),
          idea: text ? text.textContent : null,
          top: box.top, bottom: box.bottom, height: innerHeight};
}"""


def in_sight(focused: dict[str, object]) -> bool:
    return float(focused["top"]) >= -1 and float(focused["bottom"]) <= float(focused["height"])


def test_an_idea_sent_during_a_long_vote_is_one_activation_away(
    checked_page, store: Store, session: Session, tmp_path: Path
) -> None:
    cards = [
        Card(session_id=session.id, text=f"Idée n° {i} pour le quartier", column="mieux")
        for i in range(90)
    ]
    store.apply(Change("cartes", tuple(changes.create(c) for c in cards)))
    page = checked_page
    page.set_default_timeout(10_000)
    shots = tmp_path
    for room in open_room(store, session):
        page.goto(room.address)
        take_seat(page)
        send(page, "Une idée d'avant le vote")
        store.apply(phone_room.open_poll(store, session.id, [], dots=3))
        room.service.tell_vote()
        page.wait_for_selector("#vote-cards li >> nth=89")
        page.locator("#vote-cards li").nth(4).locator("button").nth(1).click()
        page.locator("#vote-cards li").nth(4).locator(".mine-dots").get_by_text("1").wait_for()

        send(page, "Un banc à l'arrêt du bus")
        page.evaluate("window.scrollTo(0, 0)")
        sent = page.locator("#mine li", has_text="Un banc à l'arrêt du bus")
        fix = sent.get_by_role("button", name="Corriger")
        assert fix.bounding_box()["y"] > 5 * SCREEN  # the list is far down, under the vote
        page.screenshot(path=str(shots / "sent-top.png"))

        # within the first screen, under « Idée envoyée », and first in the keyboard's order
        jump = page.locator("#mine-jump")
        box = jump.bounding_box()
        assert box is not None
        assert box["y"] + box["height"] <= SCREEN
        assert jump.inner_text() == "Corriger ou retirer mon idée ↓"
        page.focus("#lang")
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUSED)["id"] == "mine-jump"
        page.keyboard.press("Enter")
        focused = page.evaluate(FOCUSED)
        assert (focused["text"], focused["idea"]) == ("Corriger", "Un banc à l'arrêt du bus")
        assert in_sight(focused)
        described = page.evaluate(
            "() => document.getElementById(document.activeElement"
            ".getAttribute('aria-describedby')).textContent"
        )
        assert described == "Un banc à l'arrêt du bus"  # a screen reader says which idea
        assert page.locator("#vote-back").is_visible()  # and the way back, in sight too
        assert 0 <= page.locator("#vote-back").bounding_box()["y"] < SCREEN  # (of the viewport)
        page.screenshot(path=str(shots / "jumped.png"))

        # the list is drawn again every 5 s (« n s pour corriger »): the focus stays put
        page.wait_for_timeout(5_500)
        assert page.evaluate(FOCUSED)["text"] == "Corriger"
        assert page.evaluate(SMALL_TEXT) == []
        assert violations(page) == []

        page.keyboard.press("Enter")  # « Corriger »: the text, then « Enregistrer »
        assert page.evaluate(FOCUSED)["tag"] == "TEXTAREA"
        page.keyboard.press("End")
        page.keyboard.type(" couvert")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.locator("#mine .text").get_by_text("du bus couvert", exact=False).wait_for()
        corrected = page.evaluate(FOCUSED)  # the corrected idea, not the page's top
        assert corrected["idea"] == "Un banc à l'arrêt du bus couvert"

        page.click("#vote-back")
        focused = page.evaluate(FOCUSED)
        page.screenshot(path=str(shots / "back.png"))
        assert (focused["id"], in_sight(focused)) == ("vote-title", True), focused
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")  # into the vote's first card: its « + »
        assert page.evaluate(FOCUSED)["text"] == "+"

        page.click("#lang")  # an English phone
        assert page.inner_text("#mine-jump") == "Correct or withdraw my idea ↓"
        assert page.inner_text("#vote-back") == "↑ Back to the vote"
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(shots / "english.png"))
        assert violations(page) == []
        page.click("#lang")
