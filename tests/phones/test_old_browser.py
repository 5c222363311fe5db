"""The phones' page on an old browser (issue 17: « works on … an old browser »).

Two checks that do not trust each other:
- ``app.js`` is parsed by a real ECMAScript parser and every node checked against ES5
  (``tests/phones/es5.py``); the checker itself is shown to refuse each later feature;
- the page runs in chromium with what old browsers lack taken away before the page's script
  runs (Promise, fetch, Map/Set, Symbol, Object.assign, Array.from, [].includes/find,
  "".startsWith/includes/padStart, NodeList.forEach, Element.closest/append/remove…, and in a
  second run WebSocket too): the whole path of a participant works with no script error.

The floor kept: Android 4.4's browser, iOS Safari 9, Chrome 49, Firefox 45 (ES5, XMLHttpRequest,
JSON, querySelectorAll, textContent; localStorage and WebSocket used when there).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db.store import Store
from fabrique_desktop.model import Session
from fabrique_desktop.phones import room as phone_room
from fabrique_desktop.phones.service import resources_dir
from tests.phones.es5 import es5_problems
from tests.phones.test_browser import PHONE, take_seat

LATER = {
    "let a = 1;": "let",
    "const a = 1;": "const",
    "var f = x => x;": "ArrowFunctionExpression",
    "var s = `a${b}`;": "template",
    "class A {}": "ClassDeclaration",
    "var {a} = b;": "ObjectPattern",
    "var [a] = b;": "ArrayPattern",
    "f(...a);": "SpreadElement",
    "function f(...a) {}": "RestElement",
    "for (var x of y) {}": "ForOfStatement",
    "function f(a = 1) {}": "AssignmentPattern",
    "var o = {a};": "shorthand",
    "var o = {f() {}};": "method",
    "var o = {[a]: 1};": "computed",
    "async function f() {}": "async",
    "function* g() { yield 1; }": "generator",
    "var a = 2 ** 3;": "**",
    "var a = b?.c;": "not even parsed",
    "var a = b ?? c;": "not even parsed",
    "f(a,);": "trailing comma",
    "var r = /a/u;": "flags",
    "var n = 0o17;": "0o17",
    "var s = '\\u{1F600}';": "escape",
    "var f = function () { return new.target; };": "MetaProperty",
}
MODERN = [
    "Promise", "fetch", "Map", "Set", "WeakMap", "WeakSet", "Symbol", "Proxy", "Reflect",
    "URL", "URLSearchParams", "TextEncoder", "IntersectionObserver", "customElements",
    "requestIdleCallback", "queueMicrotask", "structuredClone",
    "Object.assign", "Object.entries", "Object.values", "Object.fromEntries",
    "Array.from", "Array.of", "Number.isInteger", "Number.isNaN",
    "Array.prototype.includes", "Array.prototype.find", "Array.prototype.findIndex",
    "Array.prototype.fill", "Array.prototype.flat", "Array.prototype.flatMap",
    "Array.prototype.entries", "Array.prototype.keys", "Array.prototype.values",
    "Array.prototype.at",
    "String.prototype.includes", "String.prototype.startsWith", "String.prototype.endsWith",
    "String.prototype.repeat", "String.prototype.padStart", "String.prototype.padEnd",
    "String.prototype.trimStart", "String.prototype.trimEnd", "String.prototype.replaceAll",
    "String.prototype.at", "NodeList.prototype.forEach",
    "Element.prototype.closest", "Element.prototype.matches", "Element.prototype.append",
    "Element.prototype.prepend", "Element.prototype.remove", "Element.prototype.replaceWith",
    "Element.prototype.before", "Element.prototype.after", "Element.prototype.toggleAttribute",
    "HTMLElement.prototype.dataset", "Element.prototype.scrollIntoViewIfNeeded",
]  # fmt: skip
HIDE = """(function (paths) {
  for (var i = 0; i < paths.length; i++) {
    var names = paths[i].split("."), owner = window;
    for (var j = 0; j < names.length - 1 && owner; j++) { owner = owner[names[j]]; }
    var last = names[names.length - 1];
    if (!owner) { continue; }
    try { delete owner[last]; } catch (e) {}
    if (last in owner) {
      try {
        Object.defineProperty(owner, last, {value: undefined, configurable: true});
      } catch (e) {}
    }
  }
  // what the test reads back (Playwright's own page.evaluate needs Map and Promise: gone here)
  setInterval(function () {
    var root = document.documentElement;
    root.setAttribute("data-test-width", String(root.scrollWidth));
    root.setAttribute("data-test-websocket", typeof WebSocket);
    root.setAttribute("data-test-gone", String(typeof Promise === "undefined" &&
      typeof fetch === "undefined" && typeof [].includes === "undefined" &&
      typeof Object.assign === "undefined" && typeof "".startsWith === "undefined"));
  }, 50);
})(%s);"""

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True, scope="module")
def _esprima() -> None:
    # installed by ./dev.sh test (the test extras); an older checkout's venv may lack it
    pytest.importorskip("esprima", reason="esprima is not installed: ./dev.sh test installs it")


def test_the_checker_refuses_every_later_feature() -> None:
    for source, what in LATER.items():
        problems = es5_problems(source)
        assert problems, source
        assert what in " ".join(problems), (source, problems)
    assert es5_problems("var o = {get a() { return 1; }}; a: for (;;) { break a; }") == []


def test_app_js_is_es5() -> None:
    source = (resources_dir() / "app.js").read_text(encoding="utf-8")
    assert es5_problems(source) == []


def old_phone(browser, address: str, hide: list[str], errors: list[str]):
    context = browser.new_context(**PHONE)
    context.add_init_script(HIDE % json.dumps(hide))
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(address)
    page.wait_for_selector("html[data-test-gone]", state="attached")
    assert page.get_attribute("html", "data-test-gone") == "true"  # really taken away
    return page


@pytest.mark.parametrize("websocket", [True, False], ids=["websocket", "no-websocket"])
def test_a_whole_visit_on_an_old_browser(
    browser,
    store: Store,
    session: Session,
    tmp_path: Path,
    websocket: bool,
) -> None:
    from tests.phones.conftest import open_room

    hide = MODERN + ([] if websocket else ["WebSocket"])
    errors: list[str] = []
    for room in open_room(store, session):
        page = old_phone(browser, room.address, hide, errors)
        assert page.get_attribute("html", "data-test-websocket") == (
            "function" if websocket else "undefined"
        )
        take_seat(page)
        page.fill("#idea", "Une navete le dimanche")
        page.locator("#horizons label").nth(2).click()  # horizon 2040
        page.click("#send")
        page.locator("#mine .text").get_by_text("Une navete le dimanche", exact=True).wait_for()
        page.locator("#mine .actions button").first.click()  # « Corriger »
        page.fill("#mine textarea", "Une navette le dimanche")
        page.locator("#mine .actions button").first.click()  # « Enregistrer »
        page.locator("#mine .text").get_by_text("Une navette le dimanche", exact=True).wait_for()
        assert "2040" in page.inner_text("#mine .meta")
        page.reload()  # the phone keeps its identity (localStorage): its ideas are still its own
        page.locator("#mine .text").get_by_text("Une navette le dimanche", exact=True).wait_for()
        # a vote opens: the page learns it (websocket notice, or its polling without one)
        store.apply(phone_room.open_poll(store, session.id, [], dots=2))
        room.service.tell_vote()
        page.wait_for_selector("#vote:not([hidden]) #vote-cards li", timeout=20_000)
        page.locator("#vote-cards li").first.locator("button").nth(1).click()
        page.locator("#vote-cards .mine-dots").first.get_by_text("1", exact=True).wait_for()
        assert "Il vous reste 1 gommette sur 2." in page.inner_text("#vote-status")
        assert phone_room.poll_totals(store, phone_room.current_poll(store, session.id)) == (1, 1)
        page.click("#lang")
        assert "My ideas" in page.inner_text("#main-screen")
        page.click("#lang")
        page.wait_for_timeout(200)
        assert int(page.get_attribute("html", "data-test-width") or 0) <= 360
        page.screenshot(path=str(tmp_path / "old-browser-360.png"), full_page=True)
    assert errors == []
