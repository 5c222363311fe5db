"""The phone room on the laptop: wall (QR + code), ideas arriving on the board, moderation
queue, blocking, a vote whose counts change on the wall. Phones are HTTP clients on 127.0.0.1,
run in a thread while Qt's main thread (the data's owner) answers them."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from fabrique_desktop.board import session_cards
from fabrique_desktop.phones.model import Phone as PhoneRow
from fabrique_desktop.phones.model import PhoneIdea
from tests.phones.conftest import Phone

HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script> & <b>gras</b>'


def off_thread(qtbot, function, *args) -> Any:
    """Run a phone's request in a thread; Qt's loop keeps turning (it answers)."""
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = function(*args)
        except Exception as error:
            result["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    qtbot.wait_until(lambda: not thread.is_alive(), timeout=10_000)
    if "error" in result:
        raise result["error"]
    return result["value"]


@pytest.fixture
def room(qtbot, window):
    window.build_feature_menus()
    room = window.phone_menu.ensure()
    assert room.open("127.0.0.1", 0)
    yield room
    room.close()


PROJECTORS = ((1280, 720), (1920, 1080), (1024, 768))
"""16:9, and the 4:3 ones of many town halls: larger than this test screen."""


def wall_of_size(qtbot, room, width: int, height: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from ui.phone_room import PhoneWall

    wall = PhoneWall(room)
    qtbot.addWidget(wall)
    wall.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    wall.show()
    wall.resize(width, height)
    qtbot.wait_until(lambda: wall.width() == width, timeout=2_000)
    wall.refresh()
    return wall


@pytest.mark.parametrize("code", ["WWWWWW", "WMWQMW", "J3J4J7"])
def test_the_code_keeps_its_size_whatever_its_letters(qtbot, window, room, code) -> None:
    """The room code is random: one of wide letters (W, M, Q) came out at 86 px on a 720 px
    wall, under the eighth of its height the back of the room needs."""
    room.service.code = code  # what the wall shows (the server is not asked)
    for width, height in PROJECTORS:
        wall = wall_of_size(qtbot, room, width, height)
        assert wall.code.text().replace("-", "") == code
        assert wall.code.font().pixelSize() >= height // (8 if width >= 1280 else 10)
        metrics = wall.code.fontMetrics()
        padding = 32  # the code's yellow box: 16 px each side
        assert metrics.horizontalAdvance(wall.code.text()) <= wall.code.width() - padding
        assert wall.qr.pixmap().width() >= height * (50 if width >= 1280 else 45) // 100
        assert not wall.code.geometry().intersects(wall.qr.geometry())


def test_wall_shows_qr_and_code_then_ideas_land_on_the_board(qtbot, window, room, tmp_path) -> None:
    wall = room.wall
    assert wall is not None
    assert wall.isVisible()
    assert wall.code.text().replace("-", "") == room.service.code
    assert wall.address.text() == room.service.address
    shown = wall
    for width, height in PROJECTORS:
        wall = wall_of_size(qtbot, room, width, height)
        qtbot.wait(50)
        # from the back of the room: an eighth of the height (a tenth on a 4:3 projector)
        assert wall.code.font().pixelSize() >= height // (8 if width >= 1280 else 10)
        metrics = wall.code.fontMetrics()
        assert metrics.horizontalAdvance(wall.code.text()) <= wall.code.width()  # not cut
        assert wall.qr.pixmap().width() >= height * (50 if width >= 1280 else 45) // 100
        for label in (wall.code, wall.address, wall.qr, wall.counts):
            assert label.geometry().bottom() <= height
            assert label.geometry().right() <= width
        for label in (wall.invite, wall.steps, wall.code_title, wall.counts, wall.hint):
            assert label.heightForWidth(label.width()) <= label.height() + 1, label.text()  # whole
        wall.grab().save(str(tmp_path / f"wall-{width}.png"))
    wall = shown
    # counted as one says it: it read « 0 téléphone(s) · 0 idée(s) reçue(s) »
    qtbot.wait_until(lambda: wall.counts.text() == "Aucun téléphone · aucune idée reçue")

    phone = off_thread(qtbot, lambda: Phone(room.service.address).join())
    start = time.monotonic()
    status, body = off_thread(qtbot, phone.call, "idea", {"text": HOSTILE, "horizon": "2040"})
    assert status == 200
    card_id = room.store.get(PhoneIdea, body["idea"]["id"]).card_id
    qtbot.wait_until(lambda: card_id in window.scene.items_by_id, timeout=2_000)
    assert time.monotonic() - start < 0.5 + 0.5  # the request itself included
    item = window.scene.items_by_id[card_id]
    assert item.card.text == HOSTILE
    assert "téléphone" in item.card.tags
    qtbot.wait_until(lambda: wall.counts.text() == "1 téléphone · 1 idée reçue", timeout=2_000)
    # undo on the laptop does not take a phone's idea away (it is not the laptop's step)
    assert not window.bus.history.canUndo() or "téléphone" not in (window.bus.history.undoText())


def test_moderation_queue_accept_edit_set_aside(qtbot, window, room) -> None:
    room.set_moderated(True)
    panel = room.panel
    phone = off_thread(qtbot, lambda: Phone(room.service.address).join())
    for text in ("Un marché de producteurs", "Hors sujet", "Une navete le dimanche"):
        off_thread(qtbot, phone.call, "idea", {"text": text})
    qtbot.wait_until(lambda: panel.queue.count() == 3, timeout=2_000)
    assert all(c.text != "Hors sujet" for c in session_cards(room.store, room.session.id))
    panel.queue.setCurrentRow(0)
    panel.accept_button.click()
    qtbot.wait_until(lambda: panel.queue.count() == 2, timeout=2_000)
    panel.queue.setCurrentRow(0)
    panel.aside_button.click()
    qtbot.wait_until(lambda: panel.queue.count() == 1, timeout=2_000)
    [waiting] = [room.store.get(PhoneIdea, panel.queue.item(0).data(256))]
    assert room.accept(waiting, "Une navette le dimanche")
    texts = {c.text for c in session_cards(room.store, room.session.id)}
    assert {"Un marché de producteurs", "Une navette le dimanche"} <= texts
    assert "Hors sujet" not in texts
    _, state = off_thread(qtbot, phone.call, "state")
    assert sorted(i["status"] for i in state["ideas"]) == ["published", "published", "set_aside"]
    window.bus.undo()  # the facilitator's accept is an undo step
    assert "Une navette le dimanche" not in {
        c.text for c in session_cards(room.store, room.session.id)
    }


def open_window_room(qtbot, fabrique_app, session):
    """A window on the session (replacing the app's previous one) with its room open."""
    window = fabrique_app.open_session(session.id)
    window.resize(1280, 720)
    window.show()
    window.build_feature_menus()
    room = window.phone_menu.ensure()
    assert room.open("127.0.0.1", 0)
    return window, room


def test_moderation_is_kept_with_the_session_and_undoable(
    qtbot, fabrique_app, data_dir, session
) -> None:
    from db.store import Store
    from fabrique_desktop.phones import room as phone_room

    window, room = open_window_room(qtbot, fabrique_app, session)
    panel = room.panel
    assert not panel.moderate.isChecked()
    panel.moderate.click()  # the facilitator's switch: a Change through the window's bus
    assert phone_room.settings(room.store, session.id).moderated
    assert window.bus.history.undoText() == "Modérer les idées des téléphones"
    window.bus.undo()
    assert not phone_room.settings(room.store, session.id).moderated
    qtbot.wait_until(lambda: not panel.moderate.isChecked(), timeout=2_000)
    window.bus.redo()
    qtbot.wait_until(panel.moderate.isChecked, timeout=2_000)
    phone = off_thread(qtbot, lambda: Phone(room.service.address).join())
    _, body = off_thread(qtbot, phone.call, "idea", {"text": "Attend son tour"})
    assert body["idea"]["status"] == "pending"
    room.close()
    other = Store.open(data_dir.database)  # what is on disk, read by another connection
    try:
        assert phone_room.settings(other, session.id).moderated
    finally:
        other.close()
    # the atelier closed and opened again (its window replaced)
    window, again = open_window_room(qtbot, fabrique_app, session)
    try:
        assert again.panel.moderate.isChecked()
        phone = off_thread(qtbot, lambda: Phone(again.service.address).join())
        _, body = off_thread(qtbot, phone.call, "idea", {"text": "Attend aussi"})
        assert body["idea"]["status"] == "pending"
    finally:
        again.close()


def test_block_removes_a_phones_ideas_in_one_undoable_step(qtbot, window, room) -> None:
    spam = off_thread(qtbot, lambda: Phone(room.service.address).join())
    good = off_thread(qtbot, lambda: Phone(room.service.address).join())
    for i in range(3):
        off_thread(qtbot, spam.call, "idea", {"text": f"pub {i}"})
    off_thread(qtbot, good.call, "idea", {"text": "Une vraie idée"})
    room.block(room.store.get(PhoneRow, spam.phone))
    texts = {c.text for c in session_cards(room.store, room.session.id)}
    assert "Une vraie idée" in texts
    assert not any(t.startswith("pub ") for t in texts)
    assert off_thread(qtbot, spam.call, "idea", {"text": "revenu"}) == (403, {"error": "blocked"})
    assert window.bus.history.undoText().startswith("Bloquer le téléphone")
    window.bus.undo()
    assert {"pub 0", "pub 1", "pub 2"} <= {
        c.text for c in session_cards(room.store, room.session.id)
    }


def test_phone_vote_counts_change_on_the_wall_secret_then_revealed(
    qtbot, fabrique_app, window, room, tmp_path
) -> None:
    author = off_thread(qtbot, lambda: Phone(room.service.address).join())
    ids = []
    for text in ("Des pistes cyclables", "Un tiers-lieu"):
        _, body = off_thread(qtbot, author.call, "idea", {"text": text, "column": "mieux"})
        ids.append(room.store.get(PhoneIdea, body["idea"]["id"]).card_id)
    assert room.open_poll(ids, 2, secret=True)
    wall = room.wall
    voter = off_thread(qtbot, lambda: Phone(room.service.address).join())
    _, state = off_thread(qtbot, voter.call, "state")
    poll = state["vote"]["poll"]
    assert (
        off_thread(qtbot, voter.call, "dot", {"poll": poll, "card": ids[0], "delta": 1})[0] == 200
    )
    qtbot.wait_until(
        lambda: wall.vote.text() == "Vote en cours : secret · 1 téléphone a voté", timeout=2_000
    )
    assert "gommette" not in wall.vote.text()
    assert room.reveal()
    off_thread(qtbot, voter.call, "dot", {"poll": poll, "card": ids[1], "delta": 1})
    qtbot.wait_until(
        lambda: wall.vote.text() == "Vote en cours : 2 gommettes de 1 téléphone", timeout=2_000
    )
    qtbot.wait(50)
    wall.grab().save(str(tmp_path / "wall-vote.png"))
    from ui.phone_room import vote_text

    translations = fabrique_app.translations
    translations.use("en")  # it stayed French: looked up under each widget's class
    try:
        assert vote_text(room.figures()) == "Vote open: 2 dots from 1 phone"
    finally:
        translations.use("fr")
    assert room.close_poll()
    qtbot.wait_until(lambda: wall.vote.text().startswith("Vote clos"), timeout=2_000)
    status, _ = off_thread(qtbot, voter.call, "dot", {"poll": poll, "card": ids[1], "delta": -1})
    assert status == 409


def test_closing_the_room_stops_listening(qtbot, window, room) -> None:
    import urllib.error
    import urllib.request

    address = room.service.address
    room.close()
    assert not room.active
    assert not room.wall.isVisible()
    assert window.phone_menu.open_action.text() == "Ouvrir la salle aux téléphones"
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(address, timeout=2)


def test_the_ranking_shows_the_phones_dots_apart(qtbot, store, session, tmp_path) -> None:
    from fabrique_desktop import changes, votes
    from fabrique_desktop.changes import Change
    from fabrique_desktop.model import Card, Vote
    from fabrique_desktop.phones import room as phone_room
    from fabrique_desktop.workspace import series_template
    from ui.ranking_view import RankingView

    cards = [Card(session_id=session.id, text=t, column="mieux") for t in ("Vélo", "Tram")]
    store.apply(Change("cartes", tuple(changes.create(c) for c in cards)))
    store.apply(votes.add_tables(store, session.id, 1))
    table = votes.voters(store, session.id)[0]
    store.apply(votes.add_dot(store, session.id, [cards[0].id, cards[1].id], table.id))
    store.apply(phone_room.open_poll(store, session.id, [], dots=3))
    poll = phone_room.current_poll(store, session.id)
    phone = "00000000-0000-0000-0000-000000000000"
    dots = Vote(session_id=session.id, card_id=cards[0].id, voter_id=phone, dots=2, poll_id=poll.id)
    store.apply(Change("gommettes", (changes.create(dots),)))
    view = RankingView(store, session.id, series_template(session_series(store, session)))
    qtbot.addWidget(view)
    view.show()
    text = view.browser.toPlainText()
    assert "Vélo" in text
    assert "3 gommettes, dont 2 par téléphone" in text
    assert "Qui a voté : Tables : 2 gommettes de 1 table ; Téléphones : 2 gommettes" in text
    view.grab().save(str(tmp_path / "ranking.png"))

    from PySide6.QtWidgets import QApplication

    from ui.app import Translations

    translations = Translations(QApplication.instance())
    translations.use("en")
    try:
        english = RankingView(store, session.id, series_template(session_series(store, session)))
        qtbot.addWidget(english)
        who = english.browser.toPlainText()
    finally:
        translations.use("fr")
        for translator in translations.installed:
            QApplication.instance().removeTranslator(translator)
    assert "Who voted: Tables: 2 dots from 1 table; Phones: 2 dots" in who  # not « ; »


def session_series(store, session):
    from fabrique_desktop.model import Series

    return store.get(Series, session.series_id)


def test_the_room_keeps_its_code_until_the_facilitator_asks_for_a_new_one(
    qtbot, window, room
) -> None:
    from fabrique_desktop.phones import room as phone_room

    code = room.service.code
    old_address = room.service.address
    room.close()
    assert room.open("127.0.0.1", 0)  # reopened (the laptop restarted): the tents stay right
    assert room.service.code == code
    assert room.wall.code.text().replace("-", "") == code
    assert phone_room.room_code(window.store, window.session.id)[0] == code  # `fabrique phones`
    phone = off_thread(qtbot, lambda: Phone(room.service.address).join())

    room.panel.refresh()
    assert room.panel.code_button.isEnabled()
    assert room.new_code(ask=False)
    new = room.service.code
    assert new != code
    qtbot.wait_until(lambda: room.wall.code.text().replace("-", "") == new, timeout=2_000)
    assert room.wall.address.text() == room.service.address != old_address
    assert room.wall._qr_for == room.service.address  # the QR code holds the new address
    status, body = off_thread(qtbot, phone.call, "idea", {"text": "Ancien code"})
    assert (status, body) == (403, {"error": "code"})
    assert phone_room.room_code(window.store, window.session.id)[0] == new
    assert not window.bus.history.canUndo() or "code" not in window.bus.history.undoText()


def _settle(qtbot, scene, quiet_ms: int = 700, most_ms: int = 15_000) -> None:
    """Wait until the board has laid itself out for the last time after the room opened (the
    wall, the panel, the fitted board come one after the other; on a loaded machine, slowly)."""
    full = scene.layout_cards
    seen: list[int] = []

    def counted() -> None:
        seen.append(1)
        full()

    scene.layout_cards = counted  # type: ignore[method-assign]
    try:
        waited = 0
        while waited < most_ms:
            before = len(seen)
            qtbot.wait(quiet_ms)
            waited += quiet_ms
            if len(seen) == before:
                return
    finally:
        scene.layout_cards = full  # type: ignore[method-assign]


def test_a_phone_idea_lays_out_only_what_changed(qtbot, fabrique_app, store, session) -> None:
    """Under a crowd of phones the board must not lay out its every card for each idea: an
    idea is placed below its column's last card, a correction or a withdrawal lays out that
    column only, a dot moves nothing; and the notes end where a whole layout puts them."""
    from tests.bench import phone_crowd

    phone_crowd.prepare_room(store, session.id, 300)
    window = fabrique_app.open_session(session.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.wait_exposed(window)
    window.build_feature_menus()
    scene = window.scene
    scene.notes.measure_all()
    room = window.phone_menu.ensure()
    assert room.open("127.0.0.1", 0)
    full = scene.layout_cards
    calls: list[int] = []
    _settle(qtbot, scene)  # the wall and the panel shown, the board fitted to what is left

    def counted() -> None:
        calls.append(1)
        full()

    scene.layout_cards = counted  # type: ignore[method-assign]

    def placed() -> dict[str, tuple[float, float, float]]:
        return {i: (n.pos().x(), n.pos().y(), n.height()) for i, n in scene.items_by_id.items()}

    def same_as_a_whole_layout() -> None:
        before = placed()
        full()
        assert placed() == before

    phone = off_thread(qtbot, lambda: Phone(room.service.address).join())
    sent = []
    for text in ("Un verger partagé", "Des bancs à l'ombre le long du canal « vert »"):
        status, body = off_thread(qtbot, phone.call, "idea", {"text": text})
        assert status == 200
        sent.append(body["idea"]["id"])
        card_id = room.store.get(PhoneIdea, sent[-1]).card_id
        qtbot.wait_until(lambda c=card_id: c in scene.items_by_id, timeout=2_000)
    assert calls == []
    same_as_a_whole_layout()

    long = "Une idée corrigée bien plus longue, " * 5
    assert off_thread(qtbot, phone.call, "correct", {"idea": sent[0], "text": long})[0] == 200
    card_id = room.store.get(PhoneIdea, sent[0]).card_id
    qtbot.wait_until(lambda: scene.items_by_id[card_id].card.text == long.strip(), timeout=2_000)
    assert off_thread(qtbot, phone.call, "withdraw", {"idea": sent[1]})[0] == 200
    gone = room.store.get(PhoneIdea, sent[1]).card_id
    qtbot.wait_until(lambda: gone not in scene.items_by_id, timeout=2_000)
    assert calls == []
    same_as_a_whole_layout()

    poll = off_thread(qtbot, phone.call, "state")[1]["vote"]["poll"]
    card = off_thread(qtbot, phone.call, "cards")[1]["cards"][0]["id"]
    assert off_thread(qtbot, phone.call, "dot", {"poll": poll, "card": card, "delta": 1})[0] == 200
    qtbot.wait_until(lambda: scene.votes.counts.get(card) == 1, timeout=2_000)
    assert calls == []
    same_as_a_whole_layout()
    scene.layout_cards = full  # type: ignore[method-assign]
    room.close()


def test_a_phone_idea_in_a_folded_column_stays_folded(qtbot, fabrique_app, demo_session) -> None:
    """On a narrow projector some columns fold to a band with their count: a phone's idea
    sent there is counted, not drawn over the band."""
    from fabrique_desktop.changes import Origin
    from fabrique_desktop.phones import room as phone_room
    from tests.ui.test_board_narrow_projector import projector_window

    window = projector_window(qtbot, fabrique_app, demo_session, 800, 600)
    folded = window.board.folded_columns()
    assert "art" in folded
    store = window.store
    room = phone_room.Room(store, demo_session.id, commit=store.apply)
    phone = room.handle(phone_room.Request("join"))
    edits = []
    room.commit = lambda change: (store.apply(change), edits.append(change))
    data = {"text": "Une fête de quartier", "column": "art"}
    answer = room.handle(phone_room.Request("idea", phone["phone"], phone["token"], data))
    window.bus.announce(edits[-1], Origin.PHONE)  # as the room does (written already)
    card_id = store.get(PhoneIdea, answer["idea"]["id"]).card_id
    item = window.scene.items_by_id[card_id]
    assert not item.isVisible()  # not drawn over the folded band
    assert window.board.folded_columns() == folded
    assert window.board.headers["art"].text() == str(window.scene.notes.count("art"))


@pytest.mark.parametrize("road", ["shortcut", "panel button"])
def test_a_phone_vote_opens_on_the_selected_cards(qtbot, wall, tmp_path, road) -> None:
    """« Ouvrir un vote aux téléphones… » (Ctrl+Alt+V, or the panel's « Ouvrir un vote… »)
    showed « Erreur interne » every time: the dialog asked the animation menu for the
    selected cards, which it does not have (the window was typed ``Any``)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from fabrique_desktop.phones import room as phone_room
    from tests.ui.dialogs import answering_dialogs

    wall.build_feature_menus()
    chosen = list(wall.scene.items_by_id)[:2]
    wall.scene.select_cards(chosen)
    wall.board.view.setFocus()
    with answering_dialogs(tmp_path) as answers, qtbot.captureExceptions() as errors:
        if road == "shortcut":
            QTest.keyClick(
                wall.board.view,
                Qt.Key.Key_V,
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
            )
        else:
            wall.phone_menu.panel()
            panel = wall.phone_menu.room.panel
            qtbot.mouseClick(panel.poll_button, Qt.MouseButton.LeftButton)
    assert not errors, errors
    assert answers.seen == ["PollDialog: Ouvrir un vote aux téléphones"]
    poll = phone_room.current_poll(wall.store, wall.session.id)
    assert poll is not None
    assert poll.open
    assert sorted(poll.card_ids) == sorted(chosen)  # « Les 2 idées sélectionnées »
    assert poll.dots_per_phone == 3


def test_the_panel_lifts_a_block(qtbot, window, room) -> None:
    """A phone blocked by mistake: the same button, on a blocked phone, lifts the block (and
    a new identity from its address may join again)."""
    spam = off_thread(qtbot, lambda: Phone(room.service.address).join())
    room.show_panel()
    panel = room.panel
    qtbot.wait_until(lambda: panel.phones.count() == 1, timeout=2_000)
    panel.phones.setCurrentRow(0)
    assert panel.block_button.text() == "Bloquer et retirer ses idées"
    panel.block_button.click()
    assert room.store.get(PhoneRow, spam.phone).blocked
    assert off_thread(qtbot, lambda: Phone(room.service.address).call("join")) == (
        403,
        {"error": "blocked"},
    )
    room.close()  # the room reopened (the laptop restarted): its address is still kept out
    assert room.open("127.0.0.1", 0)
    spam.base = room.service.address
    assert off_thread(qtbot, lambda: Phone(room.service.address).call("join")) == (
        403,
        {"error": "blocked"},
    )
    panel.refresh()
    panel.phones.setCurrentRow(0)
    assert panel.block_button.text() == "Débloquer ce téléphone"
    panel.block_button.click()
    assert not room.store.get(PhoneRow, spam.phone).blocked
    assert off_thread(qtbot, spam.call, "ping")[0] == 200


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("folded", [False, True], ids=["beside", "opened over"])
def test_the_phones_panel_shows_its_state_and_every_button_whole(qtbot, wall, size, folded):
    """In full screen the panel folds and opens over the board, about 300 px wide: its
    buttons were cut to « ouveau code », « ccepte », « orriger. », « ir un vo », « re le vo »,
    and its status line and « Ouvrir aux téléphones » stayed blank until a first phone came."""
    from PySide6.QtWidgets import QPushButton

    wall.build_feature_menus()
    if folded:
        wall.set_projector_mode(True)  # full screen: the panels fold
    wall.setGeometry(0, 0, *size)  # the test screen is smaller
    qtbot.wait_until(lambda: wall.width() == size[0], timeout=2_000)
    wall.phone_menu.panel()
    room = wall.phone_menu.room
    if folded:
        wall.panel_strip.open_over(room.dock)
    qtbot.wait(50)
    panel = room.panel
    assert panel.isVisible()
    assert "replié" not in wall.statusBar().currentMessage()  # it is open
    assert panel.status.text() == "La salle est fermée aux téléphones."
    assert panel.open_button.text() == "Ouvrir aux téléphones"
    buttons = panel.findChildren(QPushButton)
    assert len(buttons) == 10
    for button in buttons:
        assert button.isVisible(), button.text()
        assert button.width() >= button.sizeHint().width(), button.text()
        assert button.height() >= button.sizeHint().height(), button.text()
        assert button.geometry().right() <= panel.width(), button.text()
    assert panel.open_button.geometry().bottom() < panel.height()
    assert (
        panel.close_poll_button.mapTo(panel, panel.close_poll_button.rect().bottomLeft()).y()
        < panel.height()
    )


def test_ctrl_q_asks_before_closing_the_phones_room(qtbot, window, room, monkeypatch) -> None:
    """Ctrl+Q with phones in the room quit without a word: the phones lost the room."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    answer = QMessageBox.StandardButton.No

    def question(parent, title, text, *rest):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    off_thread(qtbot, lambda: Phone(room.service.address).join())
    window.quit_action.trigger()
    assert len(asked) == 1
    assert "(1 téléphone) :" in asked[0]
    assert window.isVisible()
    assert room.active
    answer = QMessageBox.StandardButton.Yes
    window.quit_action.trigger()
    assert not window.isVisible()
    assert not room.active


def test_phones_write_through_the_bus_and_the_facilitators_decisions_undo(
    qtbot, window, room
) -> None:
    """#25: a phone's request is written by the window's bus (``bus.batch``), announced with
    its origin « phone », and is no undo step (not the laptop's act); every decision the
    facilitator takes on it is one, and undoes."""
    from fabrique_desktop.changes import Origin
    from fabrique_desktop.phones.model import PENDING, PUBLISHED, SET_ASIDE

    bus = window.bus
    batches: list[Origin] = []
    real_batch = bus.batch

    def counted(origin, label):  # type: ignore[no-untyped-def]
        batches.append(origin)
        return real_batch(origin, label)

    bus.batch = counted  # type: ignore[method-assign]
    heard: list[Origin] = []
    bus.changed.connect(lambda change, origin: heard.append(origin))
    steps = bus.history.count()
    phone = off_thread(qtbot, lambda: Phone(room.service.address).join())
    off_thread(qtbot, phone.call, "idea", {"text": "Sans attendre"})
    assert batches
    assert set(batches) == {Origin.PHONE}
    qtbot.wait_until(lambda: Origin.PHONE in heard, timeout=2_000)
    assert bus.history.count() == steps

    assert room.set_moderated(True)
    ideas = []
    for text in ("Une halle couverte", "Hors sujet"):
        _, body = off_thread(qtbot, phone.call, "idea", {"text": text})
        ideas.append(room.store.get(PhoneIdea, body["idea"]["id"]))
    assert bus.history.count() == steps + 1  # the ideas waiting are no steps either
    assert room.accept(ideas[0])
    assert room.set_aside(ideas[1])

    def status(idea: PhoneIdea) -> str:
        return room.store.get(PhoneIdea, idea.id).status

    assert (status(ideas[0]), status(ideas[1])) == (PUBLISHED, SET_ASIDE)
    bus.undo()
    assert status(ideas[1]) == PENDING
    bus.undo()
    assert status(ideas[0]) == PENDING
    bus.redo()
    assert status(ideas[0]) == PUBLISHED

    card = room.store.get(PhoneIdea, ideas[0].id).card_id
    assert room.open_poll([card], 2, secret=False)
    assert room.close_poll()
    bus.undo()
    assert room.figures().poll.open
    bus.undo()
    assert room.figures().poll is None

    row = room.store.get(PhoneRow, phone.phone)
    assert room.block(row)
    assert room.unblock(room.store.get(PhoneRow, phone.phone))
    assert bus.history.undoText().startswith("Débloquer le téléphone")
    bus.undo()
    assert room.store.get(PhoneRow, phone.phone).blocked
    assert Origin.UNDO in heard
    assert Origin.PHONE in heard


def test_a_card_captured_before_a_phones_idea_is_announced_goes_after_it(
    qtbot, window, room, monkeypatch
) -> None:
    """One computation of where a new card goes (``board.ColumnEnds``, the window's): a phone's
    idea committed but not yet announced, then a capture on the laptop: the laptop's card goes
    below it (the room kept its own « last position », and both took the same place)."""
    from fabrique_desktop.model import Card

    phone = off_thread(qtbot, lambda: Phone(room.service.address).join())
    off_thread(qtbot, phone.call, "idea", {"text": "Déjà là"})
    qtbot.wait_until(lambda: len(window.scene.items_by_id) == 1, timeout=2_000)
    monkeypatch.setattr(window.bus, "announce_batches", lambda: None)  # the loop not turned
    _, body = off_thread(qtbot, phone.call, "idea", {"text": "Du téléphone"})
    from_phone = room.store.get(Card, room.store.get(PhoneIdea, body["idea"]["id"]).card_id)
    laptop = room.store.get(Card, window.controller.capture("Du clavier", from_phone.column))
    assert laptop.position > from_phone.position


def test_accepting_a_waiting_idea_reads_no_column(qtbot, window, room, monkeypatch) -> None:
    """The facilitator's « Accepter » decoded the idea's whole column at each click (h24's
    moderated bench: the owner thread busy with it); the window knows where columns end."""
    from fabrique_desktop import board
    from fabrique_desktop.model import Card
    from fabrique_desktop.phones import room as phone_room

    window.controller.capture("Au tableau depuis le matin", "inbox")
    room.set_moderated(True)
    phone = off_thread(qtbot, lambda: Phone(room.service.address).join())
    ideas = []
    for i in range(3):
        _, body = off_thread(qtbot, phone.call, "idea", {"text": f"En attente {i}"})
        ideas.append(room.store.get(PhoneIdea, body["idea"]["id"]))
    reads: list[str] = []
    real = board.column_cards

    def counted(store, session_id, column):  # type: ignore[no-untyped-def]
        reads.append(column)
        return real(store, session_id, column)

    monkeypatch.setattr(board, "column_cards", counted)
    monkeypatch.setattr(phone_room, "column_cards", counted, raising=False)
    for idea in ideas:
        assert room.accept(idea)
    assert reads == []
    positions = [
        room.store.get(Card, room.store.get(PhoneIdea, i.id).card_id).position for i in ideas
    ]
    assert positions == sorted(set(positions))


def test_the_wall_counts_the_phones_present_not_every_phone_ever_joined(
    qtbot, window, room, monkeypatch
) -> None:
    """A phone gone (not heard from for ``PRESENT_SECONDS``) or blocked is no longer counted
    on the wall and in the panel (they counted every phone ever joined)."""
    from fabrique_desktop.phones import room as phone_room

    monkeypatch.setattr(phone_room, "PRESENT_SECONDS", 1.0)
    off_thread(qtbot, lambda: Phone(room.service.address).join())  # then gone
    stays = off_thread(qtbot, lambda: Phone(room.service.address).join())
    blocked = off_thread(qtbot, lambda: Phone(room.service.address).join())
    assert room.figures().phones == 3
    wall = room.wall
    qtbot.wait_until(lambda: wall.counts.text().startswith("3 téléphone"), timeout=2_000)
    qtbot.wait(1_100)
    assert off_thread(qtbot, stays.call, "ping")[0] == 200
    assert off_thread(qtbot, blocked.call, "ping")[0] == 200
    assert room.block(room.store.get(PhoneRow, blocked.phone))
    assert room.figures().phones == 1
    wall.refresh()
    assert wall.counts.text().startswith("1 téléphone")
    room.close()
    assert room.figures().phones == 0


def test_a_phones_batch_the_disk_refuses_is_said_in_the_status_bar(qtbot, window, room) -> None:
    """The disk refused the phones' ideas: they were told « stockage » and keep their ideas,
    but the laptop said nothing (only the log) until the facilitator's own next write."""
    phone = off_thread(qtbot, lambda: Phone(room.service.address).join())
    window.store.conn.execute("PRAGMA query_only = ON")  # the database became read-only
    try:
        status, body = off_thread(qtbot, phone.call, "idea", {"text": "Perdue ?"})
    finally:
        window.store.conn.execute("PRAGMA query_only = OFF")
    assert (status, body.get("error")) == (503, "storage")
    message = window.statusBar().currentMessage()
    assert message.startswith("Les envois des téléphones ne sont pas enregistrés")
    assert off_thread(qtbot, phone.call, "idea", {"text": "Perdue ?"})[0] == 200  # sent again


def test_the_wall_and_panel_follow_a_steady_stream_of_phones(qtbot, window, room) -> None:
    """A room where something arrives more often than every quarter second (30 phones typing)
    still sees its wall and panel follow: each event restarted their refresh timer, so both
    stayed on the first figures until the phones paused (« Aucun téléphone · aucune idée
    reçue » under a steady stream of ideas)."""
    wall, panel = room.wall, room.panel
    assert wall is not None
    assert panel is not None
    address = room.service.address
    phones = [
        off_thread(qtbot, lambda n=n: Phone(address, source=f"127.0.0.{11 + n}").join())
        for n in range(4)
    ]  # four phones, four addresses: within each one's limits
    qtbot.wait_until(lambda: wall.counts.text().startswith("4 téléphones"), timeout=2_000)
    sent: list[int] = []
    stop = threading.Event()
    refreshed = {"panel": 0}
    panel_refresh = panel.refresh

    def counted_refresh() -> None:
        refreshed["panel"] += 1
        panel_refresh()

    panel._timer.timeout.disconnect()
    panel._timer.timeout.connect(counted_refresh)

    def stream() -> None:
        for i in range(40):
            if stop.is_set():
                return
            status, _body = phones[i % 4].call("idea", {"text": f"Idée n° {i}"})
            if status != 200:
                return
            sent.append(i)
            time.sleep(0.1)

    thread = threading.Thread(target=stream, daemon=True)
    thread.start()
    try:
        qtbot.wait_until(lambda: len(sent) >= 20, timeout=10_000)
        assert thread.is_alive()  # still streaming: the wall must already have followed
        counts, done = wall.counts.text(), len(sent)
        assert counts.startswith("4 téléphones · "), counts
        assert counts.split(" · ")[1].split()[0].isdigit(), counts  # not « aucune idée »
        assert int(counts.split(" · ")[1].split()[0]) >= done - 6, counts  # about ¼ s behind
        assert refreshed["panel"] >= 5  # the panel followed too, not only once at the end
    except AssertionError:
        stop.set()
        raise
    qtbot.wait_until(lambda: not thread.is_alive(), timeout=15_000)
    assert len(sent) == 40
    qtbot.wait_until(lambda: wall.counts.text() == "4 téléphones · 40 idées reçues", timeout=3_000)


def test_the_wall_counts_a_phone_back_and_a_phone_gone_without_being_asked(
    qtbot, window, room, monkeypatch
) -> None:
    """The wall's count of phones follows phones that come and go without writing anything:
    after « Fermer » and reopening, the pages came back by themselves (a join with their kept
    identity, then reads) and the wall said « Aucun téléphone » with a phone in the room; a
    phone gone quiet stayed counted until something was written."""
    from fabrique_desktop.phones import room as phone_room

    wall = room.wall
    address = room.service.address
    port = int(address.rsplit(":", 1)[1].split("/")[0])
    phone = off_thread(qtbot, lambda: Phone(address).join())
    qtbot.wait_until(lambda: wall.counts.text() == "1 téléphone · aucune idée reçue", timeout=2_000)
    room.close()
    assert room.open("127.0.0.1", port)
    wall = room.wall
    assert wall is not None
    qtbot.wait_until(lambda: wall.counts.text().startswith("Aucun téléphone"), timeout=2_000)
    status, body = off_thread(qtbot, phone.call, "join")  # the page, back by itself
    assert status == 200
    assert body["phone"] == phone.phone  # the same phone: nothing written
    assert off_thread(qtbot, phone.call, "state")[0] == 200
    qtbot.wait_until(lambda: wall.counts.text() == "1 téléphone · aucune idée reçue", timeout=1_000)

    monkeypatch.setattr(phone_room, "PRESENT_SECONDS", 1.0)
    room._presence.setInterval(200)
    qtbot.wait_until(lambda: wall.counts.text().startswith("Aucun téléphone"), timeout=3_000)
    assert off_thread(qtbot, phone.call, "state")[0] == 200  # back: a read only
    qtbot.wait_until(lambda: wall.counts.text() == "1 téléphone · aucune idée reçue", timeout=1_000)


def test_a_waiting_idea_in_chinese_is_whole_in_the_panel_opened_over_the_wall(
    qtbot, window, room
) -> None:
    """Full screen at 1280×720, ideas moderated: « 李华 : 更多的公共交通和自行车道 » (no space to
    wrap at) ran past the waiting list's edge behind a horizontal scroll bar, and the list, a
    line and a half high, showed no more of a wrapped idea. It wraps to the list's width and
    the list holds it whole."""
    from PySide6.QtCore import QRect, Qt

    from tests.ui.test_wall_panels import full_screen
    from ui.phone_room import PhonePanel

    full_screen(qtbot, window)
    room.set_moderated(True)
    author = off_thread(qtbot, lambda: Phone(room.service.address).join())
    text = "李华 : 更多的公共交通和自行车道，还有绿地"
    assert off_thread(qtbot, author.call, "idea", {"text": text, "column": "mieux"})[0] == 200
    window.phone_menu.panel()
    strip = window.panel_strip
    assert strip.folded
    strip.open_over(strip.folded[-1])
    panel = window.findChild(PhonePanel)
    queue = panel.queue
    qtbot.wait_until(lambda: queue.count() == 1, timeout=2_000)
    qtbot.wait(50)
    viewport = queue.viewport().rect()
    item = queue.visualItemRect(queue.item(0))
    assert not queue.horizontalScrollBar().isVisible()
    assert item.width() <= viewport.width()
    needed = queue.fontMetrics().boundingRect(
        QRect(0, 0, viewport.width() - 8, 10_000), Qt.TextFlag.TextWordWrap, text
    )
    assert needed.height() >= 2 * queue.fontMetrics().lineSpacing()  # two lines at least
    assert item.height() >= needed.height()
    assert item.height() <= viewport.height()  # whole in sight


def test_the_qr_wall_s_texts_are_read_from_the_back_of_the_room(qtbot, window, room) -> None:
    """The QR wall's « Échap : revenir au tableau (la salle reste ouverte) » was 15 px at
    1280×720 (2.2 % of the height), under the panel minimum (17 px). On each projector every
    text of the wall is ≥ 17 px and whole."""
    for width, height in PROJECTORS:
        wall = wall_of_size(qtbot, room, width, height)
        qtbot.wait(50)
        for label in (wall.invite, wall.steps, wall.code_title, wall.counts, wall.hint):
            assert label.fontInfo().pixelSize() >= 17, (width, label.text())
            assert label.heightForWidth(label.width()) <= label.height() + 1, label.text()
            assert label.geometry().bottom() <= height, label.text()
