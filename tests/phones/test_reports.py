"""Phone votes in the ranking and the reports: their own voter kind, each vote counting only its
own dots (a later vote on the same cards does not take the earlier one's dots as its own)."""

from __future__ import annotations

import csv
import io

import pypdf

from db.store import Store
from exports.csv_export import session_csv
from exports.markdown import session_markdown
from exports.session_report import build_session_pdf
from fabrique_desktop import typography, votes
from fabrique_desktop.model import Session
from fabrique_desktop.phones import room as phone_room
from fabrique_desktop.phones.model import PhoneIdea
from fabrique_desktop.report import gather_session


def dot(phone, poll, card, delta=1):
    status, body = phone.call("dot", {"poll": poll, "card": card, "delta": delta})
    assert status == 200, body


def test_two_phone_votes_and_a_table_in_the_ranking_and_reports(
    room, store: Store, session: Session, data_dir
) -> None:
    first, second = room.phone(), room.phone()
    ids = [
        first.call("idea", {"text": f"Idée {i}", "column": "mieux"})[1]["idea"] for i in range(3)
    ]
    a, b, c = (store.get(PhoneIdea, i["id"]).card_id for i in ids)
    store.apply(votes.add_tables(store, session.id, 1))
    [table] = [v for v in votes.voters(store, session.id)]
    store.apply(votes.add_dot(store, session.id, [c], table.id))  # the operator, for Table 1

    store.apply(phone_room.open_poll(store, session.id, [], dots=3))
    room.service.room.board_changed()
    poll = phone_room.current_poll(store, session.id).id
    for card in (a, a, b):
        dot(first, poll, card)
    dot(second, poll, a)
    store.apply(phone_room.close_poll(phone_room.current_poll(store, session.id)))
    store.apply(phone_room.open_poll(store, session.id, [a, b], dots=2))  # a second round
    room.service.room.board_changed()
    poll = phone_room.current_poll(store, session.id).id
    dot(first, poll, b)
    dot(first, poll, b)

    assert votes.totals(store, session.id) == {a: 3, b: 3, c: 1}
    assert votes.phone_totals(store, session.id) == {a: 3, b: 3}
    kinds = {k.kind: k for k in votes.dots_by_kind(store, session.id)}
    assert (kinds["tables"].dots, kinds["tables"].voters) == (1, 1)
    assert (kinds["phones"].dots, kinds["phones"].voters, kinds["phones"].polls) == (6, 2, 2)
    assert kinds["phones"].text == "Téléphones : 6 gommettes de 2 téléphones (2 votes)"

    report = gather_session(store, session, media_dir=data_dir.media)
    top = {i.text: (i.votes, i.phone_votes) for i in report.top_ideas}
    assert top == {"Idée 0": (3, 3), "Idée 1": (3, 3), "Idée 2": (1, 0)}
    assert [k.kind for k in report.voter_kinds] == ["tables", "phones"]
    assert ("6", "gommettes des téléphones") in {(f.value, f.label) for f in report.figures}

    markdown = session_markdown(report)
    printed = typography.typeset  # the report is typeset (no-break space before « : »)
    assert printed("Téléphones : 6 gommettes de 2 téléphones (2 votes)") in markdown
    assert printed("Tables : 1 gommette de 1 table") in markdown
    assert printed("Idée 0 — **3** (dont 3 par téléphone)") in markdown

    rows = list(csv.reader(io.StringIO(session_csv(report).decode("utf-8-sig"))))
    column = rows[0].index("votes des téléphones")
    by_text = {r[0]: (r[rows[0].index("votes")], r[column]) for r in rows[1:]}
    assert by_text["Idée 1"] == ("3", "3")
    assert by_text["Idée 2"] == ("1", "0")

    out = io.BytesIO()
    build_session_pdf(report, out)
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(out.getvalue())).pages)
    text = " ".join(text.split())
    assert "Qui a voté" in text
    assert "Téléphones : 6 gommettes de 2 téléphones (2 votes)" in text
    assert "dont 3 tél." in text


def test_a_secret_phone_vote_shows_no_count_per_idea_until_revealed(
    room, store: Store, session: Session, data_dir
) -> None:
    phone = room.phone()
    idea = phone.call("idea", {"text": "Secrète", "column": "mieux"})[1]["idea"]
    card = store.get(PhoneIdea, idea["id"]).card_id
    store.apply(phone_room.open_poll(store, session.id, [], dots=2, secret=True))
    room.service.room.board_changed()
    dot(phone, phone_room.current_poll(store, session.id).id, card)
    report = gather_session(store, session, media_dir=data_dir.media)
    assert report.top_ideas == ()
    assert all(i.votes == 0 and i.phone_votes == 0 for i in report.cards)
    store.apply(votes.reveal(store, session.id))
    report = gather_session(store, session, media_dir=data_dir.media)
    assert [(i.text, i.votes, i.phone_votes) for i in report.top_ideas] == [("Secrète", 1, 1)]
