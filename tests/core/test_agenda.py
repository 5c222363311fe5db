from datetime import UTC, datetime, timedelta

import pytest

from fabrique_desktop import agenda
from fabrique_desktop.agenda import Activity, AgendaError
from fabrique_desktop.model import PHASES

T0 = datetime(2017, 5, 9, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("phase", ["valeurs", "objectifs", "convergence"])
def test_builtin_agendas_are_valid_and_use_known_screens(phase) -> None:
    steps = agenda.builtin(phase)
    assert len(steps) >= 6
    assert all(s["screen"] in agenda.SCREENS for s in steps)
    assert phase in PHASES


def test_install_replaces_the_agenda_and_undo_restores_it(store, session) -> None:
    store.apply(agenda.add(store, session.id, "Mon activité", 5))
    change = agenda.install(store, session)
    store.apply(change)
    items = agenda.activities(store, session.id)
    assert items[0].title.startswith("Accueil")
    assert "Mon activité" not in [a.title for a in items]
    store.apply(change.inverse())
    assert [a.title for a in agenda.activities(store, session.id)] == ["Mon activité"]


def test_unknown_phase_is_refused_in_french(store, session) -> None:
    with pytest.raises(AgendaError, match="Aucun déroulé type"):
        agenda.builtin("autre")


def test_edit_validates_minutes_and_title(store, session) -> None:
    store.apply(agenda.add(store, session.id, "Tour de table", 10))
    (item,) = agenda.activities(store, session.id)
    with pytest.raises(AgendaError, match="minutes"):
        agenda.edit(item, planned_minutes=0)
    with pytest.raises(AgendaError, match="titre"):
        agenda.add(store, session.id, "  ", 5)
    store.apply(agenda.edit(item, planned_minutes=25, title="Tour de table en personas"))
    assert agenda.activities(store, session.id)[0].planned_minutes == 25


def test_move_swaps_positions(store, session) -> None:
    for title in ("A", "B", "C"):
        store.apply(agenda.add(store, session.id, title, 5))
    c = agenda.activities(store, session.id)[2]
    store.apply(agenda.move(store, c, -1))
    assert [a.title for a in agenda.activities(store, session.id)] == ["A", "C", "B"]
    assert not agenda.move(store, agenda.activities(store, session.id)[0], -1)


def test_stepping_through_records_planned_and_actual(store, session) -> None:
    store.apply(agenda.install(store, session))
    store.apply(agenda.next_step(store, session.id, T0))
    items = agenda.activities(store, session.id)
    assert agenda.current(items).id == items[0].id
    store.apply(agenda.next_step(store, session.id, T0 + timedelta(minutes=18)))
    items = agenda.activities(store, session.id)
    assert items[0].done
    assert agenda.current(items).id == items[1].id
    assert agenda.actual_minutes(items[0], T0) == pytest.approx(18)
    assert agenda.actual_minutes(items[1], T0 + timedelta(minutes=25)) == pytest.approx(7)
    summary = agenda.summary(items, T0 + timedelta(minutes=25))
    assert summary.done == 1
    assert summary.actual == pytest.approx(25)
    assert summary.planned == sum(a.planned_minutes for a in items)


def test_starting_another_activity_ends_the_running_one(store, session) -> None:
    store.apply(agenda.install(store, session))
    items = agenda.activities(store, session.id)
    store.apply(agenda.start(store, items[0], T0))
    store.apply(agenda.start(store, items[3], T0 + timedelta(minutes=5)))
    items = agenda.activities(store, session.id)
    assert items[0].done
    assert items[3].running
    # the next step after the 4th is the 5th, not the skipped 2nd
    store.apply(agenda.next_step(store, session.id, T0 + timedelta(minutes=9)))
    assert agenda.current(agenda.activities(store, session.id)).id == items[4].id


def test_last_step_ends_the_agenda(store, session) -> None:
    store.apply(agenda.add(store, session.id, "Seule", 5))
    store.apply(agenda.next_step(store, session.id, T0))
    store.apply(agenda.next_step(store, session.id, T0 + timedelta(minutes=4)))
    (item,) = store.find(Activity, session_id=session.id)
    assert item.done
    assert not agenda.next_step(store, session.id, T0 + timedelta(minutes=5))


def test_format_minutes() -> None:
    assert agenda.format_minutes(12.4) == "12 min"
    assert agenda.format_minutes(65) == "1 h 05"
