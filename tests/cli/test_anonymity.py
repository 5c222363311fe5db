"""Anonymous mode (the default): no participant name in any shareable export.

Bundles (``--format json``) are the facilitator's own sync files and keep names on purpose
(see README, « Participants and anonymity »); every other export must not contain them."""

import pypdf
import pytest

from db.store import Store
from fabrique_desktop import board, tables
from fabrique_desktop.cli import main
from fabrique_desktop.cli.exchange import EXPORTERS
from fabrique_desktop.paths import DataDir
from fabrique_desktop.workspace import ensure_first_use, list_sessions

NAME = "Zoé Ngô-Quesnel"
SHAREABLE = sorted(set(EXPORTERS) - {"json", "png"})  # png: pixels, not text


@pytest.fixture
def data(tmp_path):
    data_dir = DataDir(tmp_path / "data")
    store = Store.open(data_dir.database)
    series = ensure_first_use(store)
    session = next(s for s in list_sessions(store, series.id) if s.number == 3)
    store.apply(tables.add_tables(store, session.id, 2))
    table = tables.session_tables(store, session.id)[0]
    store.apply(tables.add_participant(session.id, NAME, table.id))
    store.apply(board.capture(store, session.id, "Une idée de la table 1", table_id=table.id))
    assert store.get(type(session), session.id).anonymous
    store.close()
    return data_dir, session


def _text(path) -> str:
    data = path.read_bytes()
    if data.startswith(b"%PDF"):
        return "\n".join(p.extract_text() for p in pypdf.PdfReader(path).pages)
    return data.decode("utf-8", errors="replace")


@pytest.mark.parametrize("fmt", SHAREABLE)
def test_no_name_in_shareable_session_exports(data, tmp_path, fmt) -> None:
    data_dir, session = data
    target = tmp_path / f"export.{fmt}"
    assert (
        main(["--data-dir", str(data_dir.root), "export", session.id, "-f", fmt, "-o", str(target)])
        == 0
    )
    text = _text(target)
    assert "Zoé" not in text
    assert "Quesnel" not in text


def test_no_name_in_persona_cards_nor_template(data, tmp_path) -> None:
    data_dir, _ = data
    root = str(data_dir.root)
    cards, template = tmp_path / "cartes.pdf", tmp_path / "modele.json"
    assert (
        main(["--data-dir", root, "export-personas", "La Fabrique — Acte 1", "-o", str(cards)]) == 0
    )
    assert (
        main(["--data-dir", root, "export-template", "La Fabrique — Acte 1", "-o", str(template)])
        == 0
    )
    for path in (cards, template):
        assert "Quesnel" not in _text(path)


def test_the_bundle_keeps_names_by_design(data, tmp_path) -> None:
    data_dir, session = data
    target = tmp_path / "atelier.json"
    assert (
        main(
            [
                "--data-dir",
                str(data_dir.root),
                "export",
                session.id,
                "-f",
                "json",
                "-o",
                str(target),
            ]
        )
        == 0
    )
    assert NAME in target.read_text(encoding="utf-8")
