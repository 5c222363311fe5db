"""Ideas typed in a spreadsheet, or transcribed from paper, imported as cards.

The first line names the columns: ``text, column, persona, horizon, tags`` or in French
``texte, colonne, persona, horizon, thèmes`` (``table`` too); only the text is required and
other columns are ignored. A column (Vivre) is given by its key or its title, without
minding case or accents (« Vivre Monde », « vivre monde », « monde »). The delimiter (``,``
or ``;``) and the encoding (UTF-8 with or without BOM, or Windows-1252 as older French
spreadsheets write it) are detected.

All or nothing: one bad line and the whole file is refused with a French message naming the
line; nothing is imported. ``parse`` checks; ``import_change`` builds the ``Change``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from fabrique_desktop import changes
from fabrique_desktop.board import STEP, session_cards
from fabrique_desktop.capture import fold as fold_accents
from fabrique_desktop.changes import Change
from fabrique_desktop.errors import FabriqueError
from fabrique_desktop.limits import MAX_TAG, MAX_TAGS, bad_characters, composed, shown
from fabrique_desktop.model import FUTUR, HORIZONS, IDEA, INBOX, Card, Persona, Session, Table
from fabrique_desktop.ports import Store
from fabrique_desktop.template import Template

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
MAX_TEXT = 2_000

HEADERS = {
    "text": "text",
    "texte": "text",
    "idee": "text",
    "idees": "text",
    "column": "column",
    "colonne": "column",
    "vivre": "column",
    "persona": "persona",
    "personas": "persona",
    "horizon": "horizon",
    "tags": "tags",
    "tag": "tags",
    "themes": "tags",
    "theme": "tags",
    "table": "table",
    "nature": "kind",
    "type": "kind",
    "kind": "kind",
    "id": "id",
}

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet would run as a formula (OWASP's CSV-injection rule). Our exports write
such a cell with a leading ``'``, and one more before a ``'`` typed on purpose in front of
one (« '=pas une formule »); ``parse`` takes one off again, so a cell reads back as typed."""


def _formula_like(cell: str) -> bool:
    return cell[:1] != "" and cell[:1] in FORMULA_START


def unguard(cell: str) -> str:
    """A cell as typed, without the ``'`` an export put before a formula-like start (or
    before a ``'`` typed in front of one)."""
    rest = cell[1:]
    if cell.startswith("'") and (
        _formula_like(rest) or (rest.startswith("'") and _formula_like(rest[1:]))
    ):
        return rest
    return cell


class CsvImportError(FabriqueError):
    """A CSV file of ideas that cannot be imported; the message names the line."""


@dataclass(frozen=True)
class Row:
    line: int
    text: str
    column: str = INBOX
    persona_id: str | None = None
    table_id: str | None = None
    horizon: str = ""
    tags: tuple[str, ...] = ()
    card_kind: str = IDEA
    card_id: str = ""
    """The ``id`` column of a joint atelier's CSV: the card's one id, if it is given."""


MAX_ID = 64


@dataclass
class Parsed:
    rows: list[Row] = field(default_factory=list)
    delimiter: str = ","
    encoding: str = "utf-8"
    present: int = 0
    """Lines whose ``id`` is a live card of this series already: not added again."""

    def per_column(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for row in self.rows:
            counts[row.column] = counts.get(row.column, 0) + 1
        return counts


def fold(value: str) -> str:
    """As ``capture.fold`` (lower case, no accents), with single spaces: how names are compared."""
    return " ".join(fold_accents(value.replace("’", "'")).replace("_", " ").split())


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding: UTF-16 with its BOM (a spreadsheet's « Texte
    Unicode »), UTF-8 (BOM or not), else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise CsvImportError(
                "Ce fichier commence comme de l'UTF-16 (« Texte Unicode ») mais contient des "
                "caractères illisibles : enregistrez-le en « CSV UTF-8 » depuis le tableur."
            ) from error
        if "\x00" in text:
            raise CsvImportError("Ce fichier n'est pas un fichier CSV (contenu binaire).")
        return text, "utf-16"
    if b"\x00" in data:
        raise CsvImportError("Ce fichier n'est pas un fichier CSV (contenu binaire).")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
        except UnicodeDecodeError as error:
            raise CsvImportError(
                "Ce fichier commence comme de l'UTF-8 mais contient des caractères illisibles "
                f"(octet n° {error.start + 4}) : enregistrez-le en « CSV UTF-8 » depuis le tableur."
            ) from error
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError as error:
        raise CsvImportError(
            "Ce fichier n'est ni en UTF-8 ni en Windows-1252 : enregistrez-le en "
            "« CSV UTF-8 » depuis le tableur."
        ) from error


def sniff_delimiter(text: str) -> str:
    """``,``, ``;`` or a tab (« Texte Unicode »): whichever separates more names on the
    header line (quotes aside); ``,`` when none does."""
    header = text.split("\n", 1)[0]
    unquoted = re.sub(r'"[^"]*"', "", header)
    return max((",", ";", "\t"), key=unquoted.count)


class _Resolver:
    """Finds columns, personas and tables by what people type."""

    def __init__(self, template: Template, personas: list[Persona], tables: list[Table]) -> None:
        self.columns: dict[str, str] = {}
        self.column_titles = [c.title for c in template.vivre_columns]
        for column in template.columns:
            names = {column.key, column.title}
            title = fold(column.title)
            names.add(title.replace("vivre ", "").strip())
            for name in names:
                self.columns[fold(name)] = column.key
        self.columns.update({"inbox": INBOX, "a trier": INBOX})
        self.personas: dict[str, str] = {}
        self.persona_names = [p.first_name for p in personas if not p.retired]
        for persona in personas:
            for name in (persona.first_name, persona.key, persona.role):
                if name:
                    self.personas.setdefault(fold(name), persona.id)
        self.tables: dict[str, str] = {}
        self.table_names = [t.name or f"Table {t.number}" for t in tables]
        for table in tables:
            for name in (table.name, str(table.number), f"table {table.number}"):
                if name:
                    self.tables.setdefault(fold(name), table.id)

    def column(self, value: str, line: int) -> str:
        if not value.strip():
            return INBOX
        key = self.columns.get(fold(value))
        if key is None:
            raise CsvImportError(
                f"Ligne {line} : la colonne « {shown(value.strip())} » n'existe pas. "
                f"Colonnes possibles : {', '.join(self.column_titles)} (ou vide pour « À trier »). "
                "Rien n'a été importé."
            )
        return key

    def persona(self, value: str, line: int) -> str | None:
        if not value.strip():
            return None
        found = self.personas.get(fold(value))
        if found is None:
            names = ", ".join(self.persona_names) or "aucun persona dans cette série"
            raise CsvImportError(
                f"Ligne {line} : le persona « {shown(value.strip())} » est inconnu "
                f"({names}). Rien n'a été importé."
            )
        return found

    def table(self, value: str, line: int) -> str | None:
        if not value.strip():
            return None
        found = self.tables.get(fold(value))
        if found is None:
            names = ", ".join(self.table_names) or "aucune table dans cet atelier"
            raise CsvImportError(
                f"Ligne {line} : la table « {shown(value.strip())} » est inconnue "
                f"({names}). Rien n'a été importé."
            )
        return found


def _horizon(value: str, line: int) -> str:
    value = value.strip()
    if not value or value in HORIZONS:
        return value
    raise CsvImportError(
        f"Ligne {line} : l'horizon « {shown(value)} » est inconnu "
        f"({' ou '.join(HORIZONS)}, ou vide). "
        "Rien n'a été importé."
    )


def _tags(value: str) -> tuple[str, ...]:
    """Themes as typed: separated by ``,`` ``;`` ``|`` or ``#``, each kept whole, spaces
    inside included (« Transition énergétique »)."""
    value = value.strip()
    if not value:
        return ()
    parts = re.split(r"[,;|#]", value)
    seen: list[str] = []
    for part in parts:
        name = " ".join(part.split())
        if name and f"#{name}" not in seen:
            seen.append(f"#{name}")
    return tuple(seen)


def _card_kind(value: str) -> str:
    folded = fold(value).replace(" ", "")
    return FUTUR if folded in {"futur", "futurengage", "committedfuture"} else IDEA


def _check_row(row: Row) -> None:
    """The limits every idea keeps (``fabrique_desktop.limits``), named with the line."""
    for what, text in [("l'idée", row.text)] + [("un thème", tag) for tag in row.tags]:
        char = bad_characters(text, lines=False)
        if char is not None:
            raise CsvImportError(
                f"Ligne {row.line} : {what} contient un caractère interdit ({shown(char)}). "
                "Rien n'a été importé."
            )
    if len(row.tags) > MAX_TAGS:
        raise CsvImportError(
            f"Ligne {row.line} : plus de {MAX_TAGS} thèmes pour une idée. Rien n'a été importé."
        )
    long = next((tag for tag in row.tags if len(tag) > MAX_TAG), None)
    if long is not None:
        raise CsvImportError(
            f"Ligne {row.line} : le thème « {shown(long, 30)} » dépasse {MAX_TAG} caractères. "
            "Rien n'a été importé."
        )


def parse(
    data: bytes,
    template: Template,
    personas: Sequence[Persona] = (),
    tables: Sequence[Table] = (),
) -> Parsed:
    """Check a whole file; raise ``CsvImportError`` (naming the line) on the first problem."""
    if len(data) > MAX_BYTES:
        raise CsvImportError("Ce fichier est trop gros pour une liste d'idées (plus de 10 Mo).")
    text, encoding = decode(data)
    text = composed(text)  # a Mac's spreadsheet writes « é » as e + ◌́
    if not text.strip():
        raise CsvImportError("Le fichier est vide : aucune idée à importer.")
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    resolve = _Resolver(template, list(personas), list(tables))
    try:
        header = next(reader)
    except csv.Error as error:
        raise CsvImportError(f"Ligne 1 : la ligne des titres est illisible ({error}).") from error
    fields = [HEADERS.get(fold(h).lstrip("#").strip()) for h in header]
    if "text" not in fields:
        raise CsvImportError(
            "La première ligne doit nommer les colonnes, dont « texte » (ou « text ») : "
            f"« {shown(delimiter.join(header))} » ne la contient pas. Rien n'a été importé."
        )
    parsed = Parsed(delimiter=delimiter, encoding=encoding)
    previous_end = reader.line_num
    while True:
        line = previous_end + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise CsvImportError(
                f"Ligne {line} : ligne illisible (guillemet non fermé ?). Rien n'a été importé."
            ) from error
        previous_end = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > len(header) and any(c.strip() for c in record[len(header) :]):
            raise CsvImportError(
                f"Ligne {line} : {len(record)} cases pour {len(header)} colonnes. "
                f"Le séparateur est « {delimiter} » : un texte qui en contient doit être "
                "entre guillemets. Rien n'a été importé."
            )
        values: dict[str, str] = {}
        for name, cell in zip(fields, record, strict=False):
            if name and name not in values:
                values[name] = unguard(cell)
        idea = " ".join(values.get("text", "").split())
        if not idea:
            raise CsvImportError(
                f"Ligne {line} : le texte de l'idée est vide. Rien n'a été importé."
            )
        if len(idea) > MAX_TEXT:
            raise CsvImportError(
                f"Ligne {line} : l'idée fait plus de {MAX_TEXT} caractères. Rien n'a été importé."
            )
        row = Row(
            line=line,
            text=idea,
            column=resolve.column(values.get("column", ""), line),
            persona_id=resolve.persona(values.get("persona", ""), line),
            table_id=resolve.table(values.get("table", ""), line),
            horizon=_horizon(values.get("horizon", ""), line),
            tags=_tags(values.get("tags", "")),
            card_kind=_card_kind(values.get("kind", "")),
            card_id=values.get("id", "").strip()[: MAX_ID + 1],
        )
        _check_row(row)
        parsed.rows.append(row)
        if len(parsed.rows) > MAX_ROWS:
            raise CsvImportError(f"Plus de {MAX_ROWS} idées dans un fichier : découpez-le.")
    if not parsed.rows:
        raise CsvImportError("Aucune idée dans ce fichier (seulement la ligne des titres).")
    return parsed


def import_change(store: Store, session: Session, parsed: Parsed) -> Change:
    """The cards of ``parsed`` at the end of their columns, as one undoable change."""
    ends: dict[str, float] = {}
    for card in session_cards(store, session.id):
        ends[card.column] = max(ends.get(card.column, 0.0), card.position)
    edits = []
    for row in parsed.rows:
        ends[row.column] = ends.get(row.column, 0.0) + STEP
        card = Card(
            session_id=session.id,
            text=row.text,
            column=row.column,
            position=ends[row.column],
            persona_id=row.persona_id,
            table_id=row.table_id,
            horizon=row.horizon,
            tags=list(row.tags),
            card_kind=row.card_kind,
        )
        edits.append(changes.create(card))
    n = len(edits)
    return Change(f"Importer {n} idée{'s' if n > 1 else ''}", tuple(edits))


def read_file(
    store: Store, session: Session, data: bytes, template: Template
) -> tuple[Parsed, Change]:
    """Parse a file for a session (its series' personas, its tables) and build the change."""
    personas = store.find(Persona, series_id=session.series_id)
    tables = store.find(Table, session_id=session.id)
    parsed = parse(data, template, personas, tables)
    present = cards_in_series(store, session, [row.card_id for row in parsed.rows])
    if present:
        new = [row for row in parsed.rows if row.card_id not in present]
        parsed.present = len(parsed.rows) - len(new)
        parsed.rows = new
    return parsed, import_change(store, session, parsed)


def cards_in_series(store: Store, session: Session, ids: Sequence[str]) -> set[str]:
    """Those of ``ids`` that are live cards of ``session``'s series (on any of its ateliers'
    walls): a joint atelier's CSV read back. Any other id (unknown, a deleted card, another
    series' card, a persona's or a table's id) is not a card of this series: its line is a
    new idea, as in a CSV without ``id``."""
    wanted = [i for i in dict.fromkeys(ids) if i and len(i) <= MAX_ID]
    if not wanted:
        return set()
    cards = store.get_many(Card, wanted)
    sessions = store.get_many(Session, {card.session_id for card in cards.values()})
    return {
        card.id
        for card in cards.values()
        if not card.deleted
        and (owner := sessions.get(card.session_id)) is not None
        and not owner.deleted
        and owner.series_id == session.series_id
    }
