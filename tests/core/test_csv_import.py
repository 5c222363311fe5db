"""CSV import of ideas: dialects French spreadsheets write, all-or-nothing refusals."""

from __future__ import annotations

import pytest

from fabrique_desktop.board import session_cards
from fabrique_desktop.csv_import import CsvImportError, parse, read_file
from fabrique_desktop.model import Persona
from fabrique_desktop.template import builtin_template

TEMPLATE = builtin_template()


def test_english_header_comma_utf8() -> None:
    data = b"text,column,persona,horizon,tags\nUne idee,Vivre Monde,,2024,#Mobilit\xc3\xa9\n"
    parsed = parse(data, TEMPLATE)
    assert parsed.delimiter == ","
    (row,) = parsed.rows
    assert (row.text, row.column, row.horizon, row.tags) == (
        "Une idee",
        "monde",
        "2024",
        ("#Mobilité",),
    )


@pytest.mark.parametrize(
    "column", ["Vivre Monde", "vivre monde", "monde", "VIVRE MONDE", " Monde "]
)
def test_column_by_key_or_title_case_insensitive(column: str) -> None:
    data = f"texte;colonne\nUne idée;{column}\n".encode()
    assert parse(data, TEMPLATE).rows[0].column == "monde"


def test_accents_do_not_matter_in_columns_and_headers() -> None:
    data = "TEXTE;Colonne;Thèmes\nUne idée;art de vivre;Patrimoine, Écologie\n".encode()
    (row,) = parse(data, TEMPLATE).rows
    assert row.column == "art"
    assert row.tags == ("#Patrimoine", "#Écologie")
    data = "texte;colonne;themes\nUne idée;À TRIER;\n".encode()
    assert parse(data, TEMPLATE).rows[0].column == "inbox"


def test_french_excel_semicolon_windows_1252() -> None:
    text = "texte;colonne;horizon;thèmes\r\n« Cœur de ville » à 15 €;Vivre Mieux;2040;#Ville\r\n"
    parsed = parse(text.encode("cp1252"), TEMPLATE)
    assert parsed.encoding == "windows-1252"
    assert parsed.delimiter == ";"
    assert parsed.rows[0].text == "« Cœur de ville » à 15 €"


def test_utf8_with_bom_and_quoted_delimiters_and_newlines() -> None:
    text = 'texte,colonne\n"Des bus, des trams\net des vélos",mieux\nSeconde idée,\n'
    parsed = parse(text.encode("utf-8-sig"), TEMPLATE)
    assert parsed.encoding == "utf-8-sig"
    assert [r.text for r in parsed.rows] == ["Des bus, des trams et des vélos", "Seconde idée"]
    assert [r.line for r in parsed.rows] == [2, 4]
    assert parsed.rows[1].column == "inbox"


def test_a_spreadsheets_unicode_text_utf16_with_tabs() -> None:
    """Excel's « Texte Unicode » (UTF-16 with its BOM, tab-separated) was refused as
    « contenu binaire »."""
    text = "texte\tcolonne\tthèmes\r\n« Cœur de ville », 李明\tVivre Mieux\tÉcologie\r\n"
    parsed = parse(text.encode("utf-16"), TEMPLATE)
    assert (parsed.encoding, parsed.delimiter) == ("utf-16", "\t")
    (row,) = parsed.rows
    assert (row.text, row.column, row.tags) == ("« Cœur de ville », 李明", "mieux", ("#Écologie",))


@pytest.mark.parametrize(
    "data", [b"\xff\xfet\x00\x00\xd8", "texte\nUne\x00idée\n".encode("utf-16")]
)
def test_unreadable_utf16_is_refused_in_french(data: bytes) -> None:
    with pytest.raises(CsvImportError, match=r"UTF-16|contenu binaire"):
        parse(data, TEMPLATE)


def test_only_text_is_required_and_blank_lines_are_skipped() -> None:
    parsed = parse(b"texte\nA\n\n  \nB\n", TEMPLATE)
    assert [r.text for r in parsed.rows] == ["A", "B"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "texte;colonne\nA;mieux\nB;Vivre Plus\n",
            "Ligne 3 : la colonne « Vivre Plus » n'existe pas",
        ),
        ("texte;horizon\nA;2024\nB;2030\n", "Ligne 3 : l'horizon « 2030 » est inconnu"),
        ("texte;colonne\nA;mieux\n;monde\n", "Ligne 3 : le texte de l'idée est vide"),
        ("colonne;horizon\nmieux;2024\n", "doit nommer les colonnes, dont « texte »"),
        ("texte;persona\nA;Zorro\n", "Ligne 2 : le persona « Zorro » est inconnu"),
        ("texte;table\nA;Table 9\n", "Ligne 2 : la table « Table 9 » est inconnue"),
        ("texte,colonne\nA,mieux,en trop\n", "Ligne 2 : 3 cases pour 2 colonnes"),
        ("", "Le fichier est vide"),
        ("texte\n", "Aucune idée"),
    ],
)
def test_bad_files_are_refused_naming_the_line(content: str, message: str) -> None:
    with pytest.raises(CsvImportError, match=message):
        parse(content.encode(), TEMPLATE)


def test_binary_garbage_is_refused() -> None:
    with pytest.raises(CsvImportError, match="pas un fichier CSV"):
        parse(b"\x89PNG\r\n\x1a\n\x00\x00\x00", TEMPLATE)


def test_import_is_one_change_at_the_end_of_columns_and_all_or_nothing(store, session) -> None:
    personas = store.find(Persona, series_id=session.series_id)
    bernard = next(p for p in personas if p.first_name == "Bernard")
    store.apply(read_file(store, session, "texte\nPremière\n".encode(), TEMPLATE)[1])
    data = b"texte;colonne;persona\nDeux;mieux;bernard\nTrois;;\n"
    _, change = read_file(store, session, data, TEMPLATE)
    assert change.label == "Importer 2 idées"
    store.apply(change)
    cards = session_cards(store, session.id)
    assert [c.text for c in cards if c.column == "inbox"] == ["Première", "Trois"]
    assert next(c for c in cards if c.text == "Deux").persona_id == bernard.id
    store.apply(change.inverse())
    assert len(session_cards(store, session.id)) == 1
    with pytest.raises(CsvImportError):
        read_file(store, session, b"texte;colonne\nA;mieux\nB;nulle part\n", TEMPLATE)
    assert len(session_cards(store, session.id)) == 1


def test_the_demo_ideas_file_imports_whole(store, session) -> None:
    from fabrique_desktop.workspace import DEMO_IDEAS

    parsed, change = read_file(store, session, DEMO_IDEAS.read_bytes(), TEMPLATE)
    assert len(parsed.rows) == 87
    store.apply(change)
    assert len(session_cards(store, session.id)) == 87


def test_a_macs_decomposed_accents_are_stored_composed() -> None:
    """A CSV saved on a Mac (NFD: « é » as e + U+0301): the ideas are stored in NFC, as typed
    on the board or sent by a phone, so that the same words are the same text everywhere."""
    import unicodedata

    text = "Idée d'été de Nguyễn, Zoë et Œdipe ; thème"
    data = unicodedata.normalize("NFD", f'texte;thèmes\n"{text}";#Mobilité\n').encode()
    (row,) = parse(data, TEMPLATE).rows
    assert row.text == text
    assert unicodedata.is_normalized("NFC", row.text)
    assert row.tags == ("#Mobilité",)


def test_a_joint_ateliers_csv_read_back_adds_none_of_its_cards_twice(store, demo) -> None:
    """A joint atelier's CSV ends with the cards' ``id``: read back into atelier 4 (or 3),
    its pistes already on atelier 3's wall are not added again. A forged id (another
    series' card, a persona's, a deleted card's, unknown) is a new idea, as without ``id``."""
    from fabrique_desktop import changes
    from fabrique_desktop.changes import Change
    from fabrique_desktop.model import Card, Series, Session
    from fabrique_desktop.workspace import list_sessions

    third, fourth = list_sessions(store, demo.id)[2:4]
    kept, gone = session_cards(store, third.id)[:2]
    store.apply(Change("Effacer", (changes.delete(gone),)))
    other = Series(title="Une autre série")
    elsewhere = Session(series_id=other.id, title="Ailleurs")
    foreign = Card(session_id=elsewhere.id, text="Ailleurs", column="monde")
    store.apply(
        Change("Autre série", tuple(changes.create(e) for e in (other, elsewhere, foreign)))
    )
    persona = store.find(Persona, series_id=demo.id)[0]
    data = (
        "texte;colonne;ateliers;id\n"
        f"{kept.text};monde;ateliers 3 et 4;{kept.id}\n"
        f"{kept.text};monde;ateliers 3 et 4;{kept.id}\n"
        f"Une idée d'un autre laptop;monde;;{foreign.id}\n"
        f"Un persona forgé;monde;;{persona.id}\n"
        f"Une carte effacée;monde;;{gone.id}\n"
        f"Un id inconnu;monde;;{'x' * 500}\n"
        "Sans id;monde;;\n"
    ).encode()
    for target in (fourth, third):
        parsed, change = read_file(store, target, data, TEMPLATE)
        assert parsed.present == 2
        assert [row.text for row in parsed.rows] == [
            "Une idée d'un autre laptop",
            "Un persona forgé",
            "Une carte effacée",
            "Un id inconnu",
            "Sans id",
        ]
        assert len(change.edits) == 5
    store.apply(change)
    assert store.get(Card, foreign.id).text == "Ailleurs"  # never overwritten
    assert store.get(Persona, persona.id) == persona
    only_known = f"texte;id\n{kept.text};{kept.id}\n".encode()
    parsed, change = read_file(store, fourth, only_known, TEMPLATE)
    assert (parsed.rows, parsed.present, change.edits) == ([], 1, ())
