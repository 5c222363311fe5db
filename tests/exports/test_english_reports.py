"""Reports in English (issue 27, « Done when »: ``--lang en`` gives reports with no French
outside participants' words): every English export of the demo — the five ateliers'
reports, the series booklet, the persona deck, read back with pdftotext; the Markdown; the
CSV — holds none of the French labels the exports can print, except where the demo's own
texts (participants' words, the series' texts, as stored) hold the same words.

The French labels are gathered honestly, not listed by hand: the French side of every label
table (``report_english.ENGLISH``, ``report_words.WORDS``/``PHASES``) and every string
literal of the modules that write reports, cut at their ``{placeholders}`` and markup."""

from __future__ import annotations

import ast
import io
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pypdf

from exports.csv_export import session_csv
from exports.markdown import session_markdown
from exports.persona_deck import deck_pdf
from exports.series_report import build_series_pdf
from exports.session_report import build_session_pdf
from fabrique_desktop import personas
from fabrique_desktop.booklet import texts
from fabrique_desktop.csv_import import parse
from fabrique_desktop.report import gather_series, gather_session
from fabrique_desktop.report_english import ENGLISH
from fabrique_desktop.report_words import PHASES, WORDS
from fabrique_desktop.typography import language
from fabrique_desktop.workspace import list_sessions
from tests.exports.pdf_text import pdftotext

ROOT = Path(__file__).resolve().parents[2]
WRITERS = (
    "exports/session_report.py",
    "exports/series_report.py",
    "exports/pdf_style.py",
    "exports/charts.py",
    "exports/markdown.py",
    "exports/csv_export.py",
    "exports/persona_deck.py",
    "fabrique_desktop/report.py",
    "fabrique_desktop/phase_results.py",
    "fabrique_desktop/credit.py",
    "fabrique_desktop/model.py",
)
"""The modules whose strings a report prints (the core's labels included)."""

_FUNCTION_WORDS = (
    "de des du la le les et pour une un au aux dans sur par avec sans qui que ce ces cet "
    "cette chaque leur leurs ses sa son est sont pas encore dont en ne"
)
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)?")
_CUT = re.compile(r"\{[^{}]*\}|<[^<>]*>|[«»“”()\[\]:;!?.,·—–…/|*#_=\n]")


def _norm(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("’", "'")
    text = re.sub(r"-\n(?=[a-zà-ÿ])", "", text)
    return " ".join(text.split()).casefold()


def _literals(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # an attribute's docstring
        for child in ast.iter_child_nodes(node):
            if (
                isinstance(child, ast.Constant)
                and isinstance(child.value, str)
                and id(child) not in docstrings
                and not (isinstance(node, ast.Expr))
            ):
                yield child.value


def french_labels() -> set[str]:
    """Pieces of the French labels a report may print, each with a French word."""
    french_sides = [*ENGLISH, *(f for f, _ in WORDS.values()), *(f for f, _ in PHASES.values())]
    english_sides = [*ENGLISH.values(), *(e for _, e in WORDS.values())]
    english_sides += [e for _, e in PHASES.values()]
    english_words = {w.casefold() for e in english_sides for w in _WORD.findall(e)}
    french_words = {w.casefold() for f in french_sides for w in _WORD.findall(f)}
    french_only = (french_words - english_words) | FUNCTION_WORDS
    sources = [*french_sides]
    for module in WRITERS:
        sources += _literals(ROOT / module)
    pieces = set()
    for source in sources:
        for piece in _CUT.split(source):
            piece = " ".join(piece.split()).strip(" '’-")
            words = [w.casefold() for w in _WORD.findall(piece)]
            if any(w in french_only or re.search("[àâçéèêëîïôûùœ]", w) for w in words):
                pieces.add(piece)
    return pieces


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        try:
            parsed = json.loads(value) if value[:1] in "[{" else None
        except ValueError:
            parsed = None
        if parsed is None:
            yield value
        else:
            yield from _strings(parsed)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def demo_words(database: Path, series_texts: dict[str, str]) -> str:
    """Everything the demo stores (participants' words, the series' texts, titles, names),
    normalised as ``_norm`` reads a report."""
    found: list[str] = list(series_texts.values())
    with sqlite3.connect(database) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in db.execute(f'SELECT * FROM "{table}"'):
                for cell in row:
                    found += _strings(cell)
    return _norm("\n".join(found))


def french_in(text: str, labels: set[str], allowed: str) -> list[str]:
    """The French labels ``text`` prints that the demo's own texts do not hold."""
    flat = _norm(text)
    found = []
    for label in sorted(labels):
        pattern = re.compile(rf"(?<!\w){re.escape(_norm(label))}(?!\w)")
        if pattern.search(flat) and not pattern.search(allowed):
            found.append(label)
    return found


def _pdf(build, report) -> bytes:
    out = io.BytesIO()
    build(report, out)
    return out.getvalue()


def demo_exports(store, demo, lang: str) -> dict[str, bytes | str]:
    """The demo's PDFs (atelier reports, booklet, persona deck), atelier 3's Markdown and CSV,
    in ``lang``."""
    out: dict[str, bytes | str] = {}
    with language(lang):
        for session in list_sessions(store, demo.id):
            report = gather_session(store, session)
            out[f"atelier {session.number}"] = _pdf(build_session_pdf, report)
            if session.number == 3:
                out["markdown"] = session_markdown(report)
                out["csv"] = session_csv(report).decode("utf-8-sig")
        out["booklet"] = _pdf(build_series_pdf, gather_series(store, demo))
        out["personas"], _ = deck_pdf(personas.deck(store, demo.id), title=demo.title)
    return out


def _read(export: bytes | str) -> str:
    return pdftotext(export) if isinstance(export, bytes) else export


def test_the_english_exports_of_the_demo_print_no_french_label(store, demo, data_dir) -> None:
    labels = french_labels()
    assert {"Chiffres clés", "Compte rendu", "gommettes", "Ses inquiétudes"} <= labels
    allowed = demo_words(data_dir.database, texts(demo))
    exports = demo_exports(store, demo, "en")
    assert len(exports) == 9
    found = {name: french_in(_read(export), labels, allowed) for name, export in exports.items()}
    assert found == {name: [] for name in exports}
    # English typography (item 2): no space before : ; ! ? and no « » (“ ” instead), in what
    # the PDFs draw (pypdf keeps the no-break spaces pdftotext drops) and in the Markdown
    for name, export in exports.items():
        if name == "csv":
            continue  # the CSV holds the texts as typed, for a spreadsheet
        drawn = extracted(export) if isinstance(export, bytes) else export
        assert FRENCH_SPACING.findall(drawn) == [], name
        assert "«" not in drawn, name
        assert "»" not in drawn, name


FRENCH_SPACING = re.compile(r"[ \u00a0\u202f\u2009][:;!?](?=\s|$)")


def extracted(pdf: bytes) -> str:
    """The characters a PDF draws, no-break spaces kept (pdftotext reads them as spaces)."""
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_the_french_exports_keep_french_spacing(store, demo) -> None:
    """The same reading of the French exports finds French spacing: the check can fail."""
    exports = demo_exports(store, demo, "fr")
    assert len(FRENCH_SPACING.findall(extracted(exports["atelier 3"]))) > 10
    assert "«" in extracted(exports["booklet"])
    assert "\u00a0:" in exports["markdown"]


def test_the_check_finds_the_french_of_a_french_report(store, demo, data_dir) -> None:
    """The same check on the French report of atelier 3 finds its labels: it can fail."""
    labels = french_labels()
    allowed = demo_words(data_dir.database, texts(demo))
    session = next(s for s in list_sessions(store, demo.id) if s.number == 3)
    text = pdftotext(_pdf(build_session_pdf, gather_session(store, session)))
    found = french_in(text, labels, allowed)
    assert {"Chiffres clés", "Le tableau en un coup d’œil", "Sommaire"} <= set(found)


def test_the_english_csv_header_reads_back_and_so_does_the_french(store, demo) -> None:
    session = next(s for s in list_sessions(store, demo.id) if s.number == 3)
    for lang, header in (("en", "text,column,persona"), ("fr", "texte,colonne,persona")):
        with language(lang):
            report = gather_session(store, session)
            data = session_csv(report)
        assert data.decode("utf-8-sig").startswith(header)
        rows = parse(data, report.template).rows
        assert [r.text for r in rows] == [i.text for i in report.cards]
        assert [r.card_kind for r in rows] == [i.kind for i in report.cards]
        assert [r.column for r in rows] == [i.column for i in report.cards]
        assert [r.horizon for r in rows] == [i.horizon for i in report.cards]


def test_the_built_in_walls_columns_are_named_in_english(store, demo) -> None:
    """A Valeurs atelier's cover stripe and sections: the built-in template's columns (« À
    trier », « Atouts »…) are the app's words, in English; a series' Vivre stay as written."""
    valeurs = next(s for s in list_sessions(store, demo.id) if s.number == 1)
    with language("en"):
        text = pdftotext(_pdf(build_session_pdf, gather_session(store, valeurs)))
    for french in ("Atouts", "Problèmes", "Valeurs proposées"):
        assert french not in text
    for english in ("Strengths", "Problems", "Proposed values"):
        assert english in text
    with language("fr"):
        assert "Atouts" in pdftotext(_pdf(build_session_pdf, gather_session(store, valeurs)))
