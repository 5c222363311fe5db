"""Each atelier's report shows what its kind of atelier produced (issue 26), read back with
pdftotext: the Valeurs ateliers their paradoxes and values, the Convergence atelier its
engagements, the trame and the récit; no report says « 0 idée »."""

from __future__ import annotations

import io
import re

from exports.session_report import build_session_pdf
from fabrique_desktop.report import gather_session
from fabrique_desktop.template import builtin_template
from fabrique_desktop.typography import typeset
from fabrique_desktop.workspace import create_session, list_sessions
from tests.exports.pdf_text import flat, pdftotext, printed


def _text(store, session) -> str:
    out = io.BytesIO()
    build_session_pdf(gather_session(store, session), out)
    return flat(pdftotext(out.getvalue()))


def test_no_report_of_the_demo_says_0_idee(store, demo) -> None:
    for session in list_sessions(store, demo.id):
        text = _text(store, session)
        assert "0 idée" not in text, session.title


def test_the_valeurs_ateliers_show_the_paradoxes_and_the_values(store, demo) -> None:
    template = builtin_template()
    for session in list_sessions(store, demo.id)[:2]:
        text = _text(store, session)
        assert "7 paradoxes" in text
        for paradox in template.section("paradoxes"):
            assert printed(paradox["title"]) in text
            assert printed(paradox["asset"]) in text
            for fact in paradox["facts"]:
                # a raised ordinal (« 41ᵉ ») is read back apart from its line: the rest
                for part in re.split(r"\d+[ᵉʳⁿᵈ]+", typeset(fact)):
                    assert flat(part) in text
        assert "Le système de valeurs" in text
        for value in template.section("values"):
            assert value["title"] in text
            assert printed(value["definition"]) in text


def test_the_convergence_atelier_shows_engagements_trame_and_recit(store, demo) -> None:
    fifth = list_sessions(store, demo.id)[4]
    text = _text(store, fifth)
    template = builtin_template()
    assert "12 engagements" in text
    for engagement in template.section("engagements"):
        assert printed(engagement["title"]) in text
        assert printed(engagement["how"][0]) in text
    assert "La trame du projet" in text
    assert "Valeurs : Innovation, Responsabilité, Ouverture, Solidarité, Authenticité" in text
    assert "4 Vivre : Vivre mieux, Vivre monde, Vivre ensemble, Art de vivre" in text
    # titled as the seed titles it: « récit prospectif : AMP 2047 »
    assert printed("Le récit prospectif : AMP 2047") in text
    assert "Le rêve d’une Métropole de la douceur de vivre" in text


def test_the_recit_keeps_its_title_in_markdown_html_and_older_series(store, demo) -> None:
    from exports.html_edition import session_html
    from exports.markdown import session_markdown
    from fabrique_desktop import changes
    from fabrique_desktop.changes import Change

    fifth = list_sessions(store, demo.id)[4]
    heading = typeset("Le récit prospectif : AMP 2047")  # « : » after a no-break space
    assert f"## {heading}" in session_markdown(gather_session(store, fifth))
    assert heading in session_html(gather_session(store, fifth))
    # a series made from the built-in template before the title was in it: the built-in's
    older = {k: v for k, v in demo.template.items() if k != "recit"}
    store.apply(Change("avant", (changes.update(demo, template=older),)))
    assert printed("Le récit prospectif : AMP 2047") in _text(store, fifth)


def test_a_valeurs_walls_atouts_are_not_pistes_of_the_booklet(store, demo) -> None:
    from fabrique_desktop import board
    from fabrique_desktop.report import gather_series

    before = gather_series(store, demo)
    first = list_sessions(store, demo.id)[0]
    for text, column in (("La mer", "atouts"), ("Les bouchons", "problemes")):
        store.apply(board.capture(store, first.id, text, column))
    after = gather_series(store, demo)
    assert (after.idea_count, len(after.unsorted_ideas)) == (
        before.idea_count,
        len(before.unsorted_ideas),
    )
    assert "La mer" in _text(store, first)  # in the Valeurs atelier's own report


def test_an_empty_atelier_says_what_it_is_for_and_what_is_left(store, demo) -> None:
    series = demo
    session = create_session(store, series, "Atelier bonus", phase="objectifs")
    text = _text(store, session)
    assert "0 idée" not in text
    assert "Un atelier Objectifs et pistes de projet classe les pistes" in text
    assert "Rien n’a encore été noté. Reste à faire :" in text
    assert "Noter les pistes de projet de la salle" in text


def test_the_convergence_atelier_brings_in_the_earlier_pistes_traced(store, demo) -> None:
    sessions = list_sessions(store, demo.id)
    text = _text(store, sessions[4])
    assert "Les pistes des ateliers précédents" in text
    assert "50 pistes de projet reprises pour converger" in text
    assert printed("Vivre mieux — 13 pistes (ateliers 3 et 4)") in text
    assert printed("Art de vivre — 11 pistes (ateliers 3 et 4)") in text
    assert printed("Parcs agraires métropolitains") in text
    assert "(atelier 3)" not in text
    assert "Les pistes des ateliers précédents" not in _text(store, sessions[3])


def test_an_objectifs_atelier_without_objectives_says_how_to_make_them(store, demo) -> None:
    """The seed names « 56 objectifs » but lists none: atelier 3's report says what an
    objective is and how to make one on the wall, until one is made."""
    from fabrique_desktop import board, groups
    from fabrique_desktop.typography import language

    sessions = list_sessions(store, demo.id)
    third, fourth = sessions[2], sessions[3]
    how = printed(
        "Aucun objectif n’est encore formé. Un objectif regroupe, dans un Vivre, les pistes qui "
        "visent un même but. Sur le mur, sélectionnez ces pistes (clic, puis Ctrl+clic), faites "
        "Ctrl+G et nommez l’objectif"
    )
    text = _text(store, third)
    assert "Les objectifs" in text
    assert how in text
    with language("en"):
        assert "press Ctrl+G and name the objective" in _text(store, third)
    assert how in _text(store, fourth)  # the joint pistes of ateliers 3 et 4, as atelier 3's
    mobility = [c for c in board.column_cards(store, third.id, "mieux") if c.tags == ["#Mobilité"]]
    store.apply(groups.group(store, mobility[:2], "Sortir de la dépendance à la voiture"))
    for atelier in (third, fourth):
        text = _text(store, atelier)
        assert how not in text
        assert printed("Vivre mieux — Sortir de la dépendance à la voiture") in text
    empty = create_session(store, demo, "Atelier bonus", phase="objectifs")
    assert printed("Regrouper en objectifs les pistes d’un même Vivre") in _text(store, empty)


def test_the_markdown_and_html_say_how_to_make_objectives_then_list_them(store, demo) -> None:
    from exports.html_edition import session_html
    from exports.markdown import session_markdown
    from fabrique_desktop import board, groups

    third = list_sessions(store, demo.id)[2]
    how = "Sur le mur, sélectionnez ces pistes (clic, puis Ctrl+clic), faites Ctrl+G"
    report = gather_session(store, third)
    assert how in session_markdown(report)
    assert how in session_html(report)
    mobility = [c for c in board.column_cards(store, third.id, "mieux") if c.tags == ["#Mobilité"]]
    store.apply(groups.group(store, mobility[:2], "Sortir de la dépendance à la voiture"))
    report = gather_session(store, third)
    markdown, edition = session_markdown(report), session_html(report)
    assert how not in markdown
    assert how not in edition
    heading = next(line for line in markdown.splitlines() if "Sortir de la dépendance" in line)
    assert heading.startswith("### Vivre")
    assert heading.endswith("— Sortir de la dépendance à la voiture")
    assert "Sortir de la dépendance à la voiture</h3>" in edition.replace("</span>", "")
    assert "Proximité habitat-Emploi _(horizon 2040" in markdown  # its pistes, horizon
