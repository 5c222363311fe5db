"""A copy of another laptop's series beside a series of the same title here.

Each laptop's first use makes its own demo « La Fabrique — Acte 1 » (its own id): a copy of
the other laptop's demo is another series, kept here under a title that tells them apart, and
that title never renames the series on the laptop it came from."""

from fabrique_desktop import bundle
from fabrique_desktop.model import Series, Session
from fabrique_desktop.workspace import list_series
from tests.core.sync_helpers import Laptop

DEMO = "La Fabrique — Acte 1"
OTHER = f"{DEMO} (copie d'un autre ordinateur)"


def titles(laptop: Laptop) -> list[str]:
    return sorted(s.title for s in list_series(laptop.store))


def test_another_laptops_demo_is_kept_under_a_title_that_tells_it_apart() -> None:
    here, _mine = Laptop.facilitator(cards=1)
    there, theirs = Laptop.facilitator(cards=2)
    copy = there.handout(theirs.id)

    summary = here.merge(copy)
    assert titles(here) == [DEMO, OTHER]
    assert summary.renamed_series == OTHER
    assert f"enregistrée ici sous « {OTHER} »" in summary.message()
    before = here.dump()
    again = here.merge(copy)  # the same copy again: nothing changes, nothing said
    assert here.dump() == before
    assert again.renamed_series is None

    # handed back (or on), the copy carries the series' own title: the name is this laptop's
    back = here.handout(theirs.id)
    assert bundle.from_json(back).series.title == DEMO
    there.merge(back)
    assert titles(there) == [DEMO]
    # a title changed there later (a newer row) reaches here as it is, when no other has it
    series = there.store.get(Series, theirs.series_id)
    assert series is not None
    there.store.apply(bundle.Change("t", (series_edit(series, "Acte 1 bis"),)))
    here.merge(there.handout(theirs.id))
    assert titles(here) == ["Acte 1 bis", DEMO]


def series_edit(series: Series, title: str) -> bundle.Edit:
    from fabrique_desktop import changes

    return changes.update(series, title=title)


def test_the_same_series_by_id_is_merged_not_renamed() -> None:
    facilitator, session = Laptop.facilitator(cards=1)
    note_taker = Laptop()
    note_taker.merge(facilitator.handout(session.id))
    assert titles(note_taker) == [DEMO]
    summary = facilitator.merge(note_taker.handout(session.id))
    assert titles(facilitator) == [DEMO]
    assert summary.renamed_series is None


def test_a_third_series_of_the_title_is_numbered_and_a_long_title_stays_within_limits() -> None:
    here, _mine = Laptop.facilitator(cards=0)
    for _ in (1, 2):
        there, theirs = Laptop.facilitator(cards=0)
        here.merge(there.handout(theirs.id))
    assert set(titles(here)) == {DEMO, OTHER, f"{DEMO} (copie d'un autre ordinateur 2)"}

    long = "T" * 200
    for laptop in (here, there):
        series = next(s for s in list_series(laptop.store) if s.title == DEMO)
        laptop.store.apply(bundle.Change("t", (series_edit(series, long),)))
    here.merge(there.handout(theirs.id))
    session = here.store.get(Session, theirs.id)
    assert session is not None
    kept = here.store.get(Series, session.series_id)
    assert kept is not None
    assert len(kept.title) == 200
    assert kept.title.endswith("(copie d'un autre ordinateur)")
    # and its copy still imports elsewhere (the title is within the limit a copy is read with)
    Laptop().merge(here.handout(theirs.id))
