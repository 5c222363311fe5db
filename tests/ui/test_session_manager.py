import pytest

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from fabrique_desktop import board
from fabrique_desktop.model import Card, Series, Session
from fabrique_desktop.workspace import list_series, list_sessions
from ui.change_bus import ChangeBus
from ui.session_manager import SessionManager


@pytest.fixture
def manager(qtbot, store, demo, session):
    dialog = SessionManager(ChangeBus(store), session.id)
    qtbot.addWidget(dialog)
    return dialog


def select(manager, title: str) -> None:
    item = manager.tree.findItems(title, Qt.MatchFlag.MatchRecursive)[0]
    manager.tree.setCurrentItem(item)


def new_session(manager, title: str, phase: str | None = None, date: QDate | None = None):
    """« Nouvel atelier… » filled in and accepted."""
    manager._new_session()
    dialog = manager.new_session_dialog
    dialog.title.setText(title)
    if phase is not None:
        dialog.phase.setCurrentIndex(dialog.phase.findData(phase))
    if date is not None:
        dialog.date.setDate(date)
    dialog._accept()
    return dialog


def test_lists_series_and_sessions(manager) -> None:
    top = manager.tree.topLevelItem(0)
    assert top.text(0) == "La Fabrique — Acte 1"
    assert top.childCount() == 5
    assert top.child(2).text(3) == "50"  # ideas, not « Futur engagé » items


def test_rename_a_session(manager, store, monkeypatch) -> None:
    monkeypatch.setattr(
        QInputDialog, "getText", lambda *a, **k: ("Atelier 2 — Valeurs, à Salon", True)
    )
    select(manager, "Atelier 2 — Valeurs")
    manager._rename()
    titles = [s.title for s in list_sessions(store)]
    assert "Atelier 2 — Valeurs, à Salon" in titles


def test_duplicate_copies_the_cards(manager, store) -> None:
    select(manager, "Atelier 3 — Objectifs et pistes de projet")
    manager._duplicate()
    copy = next(s for s in list_sessions(store) if s.title.endswith("(copie)"))
    assert len(board.session_cards(store, copy.id)) == 87
    original = next(s for s in list_sessions(store) if s.number == 3 and s.id != copy.id)
    assert {c.id for c in board.session_cards(store, copy.id)}.isdisjoint(
        {c.id for c in board.session_cards(store, original.id)}
    )


def test_delete_asks_first(manager, store, monkeypatch) -> None:
    select(manager, "Atelier 5 — Convergence")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    manager._delete()
    assert len(list_sessions(store)) == 5
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    manager._delete()
    assert "Atelier 5 — Convergence" not in [s.title for s in list_sessions(store)]
    assert store.count(Session) == 4


def test_the_open_session_cannot_be_deleted(manager, store, session, monkeypatch) -> None:
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    select(manager, session.title)
    manager._delete()
    assert told
    assert store.get(Session, session.id).deleted_at is None


def test_new_series_and_session(manager, store, monkeypatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Fabrique — Acte 2", True))
    manager._new_series()
    assert [s.title for s in list_series(store)][-1] == "Fabrique — Acte 2"
    series = store.find(Series, title="Fabrique — Acte 2")[0]
    select(manager, "Fabrique — Acte 2")
    new_session(manager, "Atelier bonus")
    assert "Atelier bonus" in [s.title for s in list_sessions(store, series.id)]
    assert store.count(Card) == 87


def test_open_emits_the_session(manager, qtbot, session) -> None:
    select(manager, "Atelier 4 — Objectifs et pistes de projet")
    with qtbot.wait_signal(manager.open_requested) as blocker:
        manager._open()
    assert blocker.args[0] != session.id


def test_after_a_new_or_duplicated_atelier_the_open_one_is_still_protected(
    manager, store, session, monkeypatch
) -> None:
    """Creating or duplicating selects the new atelier; the open one stays undeletable and
    the new one can be deleted."""
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    select(manager, session.title)
    new_session(manager, "Atelier bonus")
    assert manager.tree.currentItem().text(0) == "Atelier bonus"
    manager._duplicate()
    assert manager.tree.currentItem().text(0) == "Atelier bonus (copie)"
    manager._delete()
    assert not told
    assert "Atelier bonus (copie)" not in [s.title for s in list_sessions(store)]
    select(manager, session.title)
    manager._delete()
    assert told
    assert store.get(Session, session.id).deleted_at is None


@pytest.fixture
def french_locale():
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French))
    yield
    QLocale.setDefault(before)


@pytest.mark.usefixtures("french_locale")
def test_a_new_atelier_has_a_phase_and_a_date_shown_in_french(
    manager, store, session, tmp_path
) -> None:
    select(manager, session.title)
    dialog = new_session(manager, "Atelier 6 — Bilan")
    assert dialog.date.date() == QDate.currentDate()  # today by default
    created = next(s for s in list_sessions(store) if s.title == "Atelier 6 — Bilan")
    assert created.date == QDate.currentDate().toString(Qt.DateFormat.ISODate)
    assert created.phase == session.phase  # the selected atelier's, by default
    new_session(manager, "Atelier 7 — Suite", "convergence", QDate(2017, 4, 3))
    created = next(s for s in list_sessions(store) if s.title == "Atelier 7 — Suite")
    assert (created.phase, created.date) == ("convergence", "2017-04-03")  # stored ISO
    row = manager.tree.findItems("Atelier 7 — Suite", Qt.MatchFlag.MatchRecursive)[0]
    assert row.text(1) == "03/04/2017"
    assert row.text(2) == "Convergence"
    first = manager.tree.findItems(session.title, Qt.MatchFlag.MatchRecursive)[0]
    assert first.text(1) == "03/04/2017"  # the demo's atelier 1, stored « 2017-04-03 »
    assert dialog.phase.count() == 4
    manager._new_session()
    manager.new_session_dialog.grab().save(str(tmp_path / "new-session.png"))
    manager.grab().save(str(tmp_path / "session-manager.png"))
    manager.new_session_dialog.reject()


def test_a_new_atelier_needs_a_title(manager, store, session) -> None:
    select(manager, session.title)
    before = len(list_sessions(store))
    dialog = new_session(manager, "  ")
    assert dialog.message.isVisible() or dialog.message.text()
    assert "titre" in dialog.message.text()
    assert len(list_sessions(store)) == before
    dialog.reject()
