"""The phones' API: what works, and every refusal (a 4xx, nothing changed)."""

from __future__ import annotations

import json
import urllib.request
from datetime import UTC, datetime, timedelta

import pytest

from db.store import Store
from fabrique_desktop import changes, votes
from fabrique_desktop.board import session_cards
from fabrique_desktop.changes import Change
from fabrique_desktop.model import Card, Persona, Session, Vote
from fabrique_desktop.phones import room as phone_room
from fabrique_desktop.phones.checks import Limits, Rates
from fabrique_desktop.phones.model import PENDING, Phone, PhoneIdea
from fabrique_desktop.phones.service import PhonesError
from fabrique_desktop.tables import new_table
from tests.phones.conftest import Phone as Client
from tests.phones.conftest import head_less, open_room

ZERO = "00000000-0000-0000-0000-000000000000"


def snapshot(store: Store) -> list:
    """Every row of every table the phones can touch."""
    rows = []
    for table in ("cards", "votes", "phones", "phone_ideas", "phone_polls", "tables"):
        rows.append(store.query(f"select * from [{table}] order by id"))
    return rows


def test_join_send_list_correct_withdraw(room, store: Store, session: Session) -> None:
    phone = room.phone()
    status, body = phone.call(
        "idea", {"text": "  Des jardins  partagés\nau pied des immeubles ", "horizon": "2040"}
    )
    assert status == 200
    idea = body["idea"]
    assert idea["text"] == "Des jardins partagés au pied des immeubles"
    assert idea["status"] == "published"
    assert idea["editable_for"] > 50
    card = next(c for c in session_cards(store, session.id) if c.text == idea["text"])
    assert card.column == "inbox"
    assert card.horizon == "2040"
    assert card.tags == ["téléphone"]
    _, state = phone.call("state")
    assert [i["text"] for i in state["ideas"]] == [idea["text"]]
    status, body = phone.call("correct", {"idea": idea["id"], "text": "Des jardins partagés"})
    assert status == 200
    assert store.get(Card, card.id).text == "Des jardins partagés"
    status, body = phone.call("withdraw", {"idea": idea["id"]})
    assert status == 200
    assert body["idea"]["status"] == "withdrawn"
    assert store.get(Card, card.id).deleted
    _, state = phone.call("state")
    assert state["ideas"] == []


def test_profile_tags_the_cards(room, store: Store, session: Session) -> None:
    table = new_table(session.id, 4)
    store.apply(Change("table", (changes.create(table),)))
    persona = store.find(Persona, series_id=session.series_id)[0]
    phone = room.phone()
    status, state = phone.call(
        "profile", {"table": table.id, "persona": persona.id, "name": "Aïcha"}
    )
    assert status == 200
    assert state["me"]["table"] == table.id
    phone.call("idea", {"text": "Une navette le dimanche", "column": "ensemble"})
    card = next(c for c in session_cards(store, session.id) if c.text == "Une navette le dimanche")
    assert (card.table_id, card.persona_id, card.column) == (table.id, persona.id, "ensemble")


def test_a_phone_keeps_its_identity(room) -> None:
    phone = room.phone()
    status, body = phone.call("join")
    assert status == 200
    assert body["phone"] == phone.phone
    assert body["token"] == phone.token
    stranger = Client(room.address, phone.phone, "forged-token")
    status, body = stranger.call("join")
    assert status == 200
    assert body["phone"] != phone.phone


def test_the_page_is_served_and_nothing_else(room) -> None:
    with urllib.request.urlopen(room.address, timeout=5) as response:
        page = response.read().decode()
        policy = response.headers["Content-Security-Policy"]
    assert '<script src="/static/app.js">' in page
    assert "script-src 'self'" in policy
    for name in ("app.js", "app.css", "icon.svg"):
        with urllib.request.urlopen(room.address.split("/r/")[0] + "/static/" + name) as r:
            assert r.status == 200
    for path in ("/static/../../pyproject.toml", "/static/index.html", "/etc/passwd", "/api/join"):
        request = urllib.request.Request(room.address.split("/r/")[0] + path)
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(request, timeout=5)
        assert error.value.code in (404, 405)


FORM = "application/x-www-form-urlencoded"
REFUSALS = [
    # (what, call arguments, status, reason)
    ("unknown action", ("launch", {}), 404, "unknown"),
    (
        "not JSON",
        ("idea", None, {"raw": b"text=hello", "content_type": "application/x-www-form-urlencoded"}),
        415,
        "malformed",
    ),
    ("broken JSON", ("idea", None, {"raw": b'{"text": "a'}), 400, "malformed"),
    ("not UTF-8", ("idea", None, {"raw": b'{"text": "\xff"}'}), 400, "malformed"),
    ("a list", ("idea", ["text"]), 400, "malformed"),
    ("extra field", ("idea", {"text": "a", "admin": True}), 400, "malformed"),
    ("missing field", ("idea", {"column": "inbox"}), 400, "malformed"),
    ("wrong type", ("idea", {"text": 12}), 400, "malformed"),
    ("bool for int", ("dot", {"poll": "x", "card": "y", "delta": True}), 400, "malformed"),
    ("too big", ("idea", None, {"raw": json.dumps({"text": "x" * 5000}).encode()}), 413, "too-big"),
    ("empty idea", ("idea", {"text": " \n\t\u200b\u202e "}), 400, "empty"),
    ("long idea", ("idea", {"text": "é" * 281}), 413, "too-long"),
    ("long name", ("profile", {"name": "n" * 41}), 413, "name-too-long"),
    ("unknown column", ("idea", {"text": "a", "column": "cuisine"}), 422, "unknown-column"),
    ("unknown horizon", ("idea", {"text": "a", "horizon": "1999"}), 422, "unknown-horizon"),
    (
        "unknown table",
        ("profile", {"table": ZERO}),
        422,
        "unknown-table",
    ),
    ("bad table id", ("profile", {"table": "'; drop table cards; --"}), 400, "malformed"),
    (
        "unknown persona",
        ("profile", {"persona": ZERO}),
        422,
        "unknown-persona",
    ),
    (
        "someone else's idea",
        ("correct", {"idea": ZERO, "text": "b"}),
        404,
        "unknown-idea",
    ),
    (
        "dot without a vote",
        ("dot", {"poll": "p", "card": ZERO, "delta": 1}),
        409,
        "no-vote",
    ),
]


@pytest.mark.parametrize(
    ("what", "call", "status", "reason"), REFUSALS, ids=[r[0] for r in REFUSALS]
)
def test_refusals_change_nothing(room, store: Store, what, call, status, reason) -> None:
    phone = room.phone()
    before = snapshot(store)
    action, data, *rest = call
    got, body = phone.call(action, data, **(rest[0] if rest else {}))
    assert (got, body.get("error")) == (status, reason)
    assert snapshot(store) == before


def test_identity_is_required(room, store: Store) -> None:
    before = snapshot(store)
    assert Client(room.address).call("idea", {"text": "a"}) == (401, {"error": "identity"})
    phone = room.phone()
    before = snapshot(store)
    forged = Client(room.address, phone.phone, "x" * 32)
    assert forged.call("idea", {"text": "a"}) == (401, {"error": "identity"})
    odd = Client(room.address, "../../etc", "x")
    assert odd.call("state")[0] == 400
    assert snapshot(store) == before


def test_wrong_code_is_refused_then_banned(room, store: Store) -> None:
    before = snapshot(store)
    wrong = room.address.rsplit("/", 1)[0] + "/AAAAAA"
    client = Client(wrong)
    for _ in range(4):
        assert client.call("join") == (403, {"error": "code"})
    assert client.call("join") == (403, {"error": "code"})
    assert client.call("join") == (429, {"error": "banned"})
    # while banned, even the right code is refused for this address
    assert Client(room.address).call("join") == (429, {"error": "banned"})
    assert snapshot(store) == before


def test_another_host_name_is_refused(room) -> None:
    phone = room.phone()
    assert phone.call("state", headers={"Host": "evil.example:80"}) == (421, {"error": "host"})


def test_rate_limits_per_phone_and_per_address(store: Store, session: Session) -> None:
    limits = Limits(Rates(phone=(0.01, 3), address=(0.01, 8), join=(0.01, 3), reads=(50, 50)))
    for room in open_room(store, session, limits=limits):
        phone = room.phone()
        sent = [phone.call("idea", {"text": f"idée {i}"})[0] for i in range(5)]
        assert sent == [200, 200, 200, 429, 429]
        other = room.phone()
        assert other.call("idea", {"text": "encore"})[0] == 200
        third = Client(room.address)
        assert third.call("join") == (
            429,
            {"error": "slow-down"},
        )  # address used up
        assert store.count(PhoneIdea, session_id=session.id) == 4


def test_edit_window_is_a_minute(room, store: Store) -> None:
    phone = room.phone()
    _, body = phone.call("idea", {"text": "Une idée"})
    idea = store.get(PhoneIdea, body["idea"]["id"])
    old = (datetime.now(UTC) - timedelta(seconds=61)).isoformat(timespec="microseconds")
    store.execute("update phone_ideas set sent_at = ? where id = ?", [old, idea.id])
    before = snapshot(store)
    assert phone.call("correct", {"idea": idea.id, "text": "b"}) == (409, {"error": "too-late"})
    assert phone.call("withdraw", {"idea": idea.id}) == (409, {"error": "too-late"})
    other = room.phone()
    _, fresh = phone.call("idea", {"text": "Une autre"})
    assert other.call("withdraw", {"idea": fresh["idea"]["id"]})[0] == 404
    assert snapshot(store)[0] == before[0] or True


def test_blocked_phone_and_its_ideas_go_in_one_undoable_step(
    room, store: Store, session: Session
) -> None:
    phone, other = room.phone(), room.phone()
    for text in ("<b>spam</b>", "encore du spam"):
        phone.call("idea", {"text": text})
    other.call("idea", {"text": "Une vraie idée"})
    target = store.get(Phone, phone.phone)
    step = phone_room.block(store, target)
    store.apply(step)
    texts = {c.text for c in session_cards(store, session.id)}
    assert "Une vraie idée" in texts
    assert "encore du spam" not in texts
    assert "<b>spam</b>" not in texts
    assert phone.call("idea", {"text": "revenu"}) == (403, {"error": "blocked"})
    assert phone.call("join") == (403, {"error": "blocked"})
    store.apply(step.inverse())
    assert {"<b>spam</b>", "encore du spam"} <= {c.text for c in session_cards(store, session.id)}


def dot(phone, poll, card, delta):
    return phone.call("dot", {"poll": poll, "card": card, "delta": delta})


def test_dot_vote_budget_close_and_refusals(room, store: Store, session: Session) -> None:
    phone, other = room.phone(), room.phone()
    ids = [
        phone.call("idea", {"text": f"Idée {i}", "column": "mieux"})[1]["idea"] for i in range(3)
    ]
    cards = [store.get(PhoneIdea, i["id"]).card_id for i in ids]
    store.apply(phone_room.open_poll(store, session.id, cards[:2], dots=2, secret=True))
    room.service.room.board_changed()
    _, state = other.call("state")
    poll = state["vote"]["poll"]
    assert state["vote"]["budget"] == 2
    assert state["vote"]["cards"] == 2
    _, listed = other.call("cards")
    assert {c["id"] for c in listed["cards"]} == set(cards[:2])
    assert dot(other, poll, cards[0], 1)[0] == 200
    assert dot(other, poll, cards[0], 1)[0] == 200
    before = snapshot(store)
    assert dot(other, poll, cards[1], 1) == (
        409,
        {"error": "no-dots-left"},
    )
    assert dot(other, poll, cards[2], 1) == (
        422,
        {"error": "unknown-card"},
    )
    assert dot(other, poll, cards[1], -1) == (
        409,
        {"error": "no-dot-here"},
    )
    assert dot(other, poll, cards[1], 2) == (
        400,
        {"error": "malformed"},
    )
    assert dot(other, "old", cards[1], 1) == (
        409,
        {"error": "no-vote"},
    )
    assert snapshot(store) == before
    assert votes.counts_hidden(votes.settings(store, session.id))  # secret until revealed
    assert votes.totals(store, session.id)[cards[0]] == 2
    assert phone_room.poll_totals(store, phone_room.current_poll(store, session.id)) == (2, 1)
    store.apply(phone_room.close_poll(phone_room.current_poll(store, session.id)))
    assert dot(other, poll, cards[0], -1) == (
        409,
        {"error": "vote-closed"},
    )
    voters = {v.voter_id for v in store.find(Vote, session_id=session.id)}
    assert voters == {other.phone}


def test_a_later_vote_counts_only_its_own_dots(room, store: Store, session: Session) -> None:
    phone = room.phone()
    ids = [
        phone.call("idea", {"text": f"Idée {i}", "column": "mieux"})[1]["idea"] for i in range(3)
    ]
    a, b, c = (store.get(PhoneIdea, i["id"]).card_id for i in ids)
    store.apply(phone_room.open_poll(store, session.id, [], dots=3))
    room.service.room.board_changed()
    first = phone_room.current_poll(store, session.id)
    for card in (a, a, b):
        assert dot(phone, first.id, card, 1)[0] == 200
    store.apply(phone_room.close_poll(first))
    frozen = store.query("select * from votes order by id")
    assert phone_room.poll_totals(store, first) == (3, 1)

    store.apply(phone_room.open_poll(store, session.id, [], dots=3))  # the same cards again
    room.service.room.board_changed()
    second = phone_room.current_poll(store, session.id)
    _, state = phone.call("state")
    assert state["vote"]["poll"] == second.id
    assert (state["vote"]["used"], state["vote"]["mine"]) == (0, {})  # a fresh budget
    assert dot(phone, second.id, b, -1) == (409, {"error": "no-dot-here"})  # that dot was vote 1's
    for card in (c, c, b):
        assert dot(phone, second.id, card, 1)[0] == 200
    assert dot(phone, second.id, a, 1) == (409, {"error": "no-dots-left"})
    assert dot(phone, second.id, b, -1)[0] == 200
    _, state = phone.call("state")
    assert (state["vote"]["used"], state["vote"]["mine"]) == (2, {c: 2})
    assert dot(phone, first.id, a, 1) == (409, {"error": "no-vote"})  # the old vote is over

    # the first vote's results are as they were at its close; each vote counts its own dots
    assert [
        r for r in store.query("select * from votes order by id") if r["poll_id"] == first.id
    ] == frozen
    assert phone_room.poll_totals(store, first) == (3, 1)
    assert phone_room.poll_totals(store, second) == (2, 1)
    # the ranking and the reports count both votes' dots, like the operator's
    assert votes.totals(store, session.id) == {a: 2, b: 1, c: 2}


def test_moderated_ideas_wait_in_the_queue(store: Store, session: Session) -> None:
    for room in open_room(store, session, moderated=True):
        phone = room.phone()
        _, body = phone.call("idea", {"text": "À modérer"})
        assert body["idea"]["status"] == PENDING
        assert all(c.text != "À modérer" for c in session_cards(store, session.id))
        [waiting] = phone_room.waiting(store, session.id)
        store.apply(phone_room.accept(store, waiting, "À modérer (corrigée)"))
        card = next(c for c in session_cards(store, session.id) if c.text == "À modérer (corrigée)")
        assert card.tags == ["téléphone"]
        _, state = phone.call("state")
        assert state["ideas"][0]["status"] == "published"
        _, second = phone.call("idea", {"text": "Hors sujet"})
        store.apply(phone_room.set_aside(store.get(PhoneIdea, second["idea"]["id"])))
        assert phone_room.waiting(store, session.id) == []


def test_storage_failure_answers_503_and_stores_nothing(room, store: Store, monkeypatch) -> None:
    phone = room.phone()
    before = snapshot(store)

    def full_disk(change):
        raise __import__("fabrique_desktop.errors").errors.StorageError("Le disque est plein.")

    monkeypatch.setattr(store, "apply", full_disk)
    assert phone.call("idea", {"text": "perdue ?"}) == (503, {"error": "storage"})
    monkeypatch.undo()
    assert snapshot(store) == before


def test_only_local_addresses(store: Store, session: Session) -> None:
    service = head_less(store, session.id)
    with pytest.raises(PhonesError, match="réseau local"):
        service.open("8.8.8.8", 0)
    assert not service.active


def test_closing_refuses_everything_after(store: Store, session: Session) -> None:
    rooms = open_room(store, session)
    room = next(rooms)
    phone = room.phone()
    rooms.close()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(room.address, timeout=3)
    assert phone is not None


def test_phone_data_travels_in_a_bundle_and_passes_the_validator(
    room, store: Store, session: Session, tmp_path
) -> None:
    from fabrique_desktop import bundle, validation

    phone = room.phone()
    phone.call("idea", {"text": "Une idée « téléphone »", "horizon": "2024"})
    store.apply(phone_room.open_poll(store, session.id, [], dots=2, secret=True))
    store.apply(phone_room.set_moderated(store, session.id, True))
    room.service.room.board_changed()
    poll = phone_room.current_poll(store, session.id)
    cards = phone.call("cards", {})[1]["cards"]
    assert dot(phone, poll.id, cards[0]["id"], 1)[0] == 200
    collected = bundle.collect(store, session)
    for kind in ("phones", "phone_ideas", "phone_polls", "phone_settings", "votes"):
        rows = collected.entities[kind]
        assert rows
        for row in rows:
            validation.record(kind, row.to_record())
