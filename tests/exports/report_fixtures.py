"""A session with everything a report can show: tables and personas, votes, engagements,
the agenda as run, récit and quotes, a photo, and names in other scripts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from fabrique_desktop import agenda, changes, convergence, photos, recit, votes
from fabrique_desktop.board import capture, session_cards
from fabrique_desktop.changes import Change
from fabrique_desktop.model import Persona, Session, Table
from fabrique_desktop.ports import Store
from fabrique_desktop.typography import typeset

ARABIC = "نادية"
VIETNAMESE = "Nguyễn Thị Hường"
TYPOGRAPHY = "é è ê à ç œ æ « » ’ – — … €"
START = datetime(2017, 5, 11, 9, 0, tzinfo=UTC)


def enrich(store: Store, session: Session, media: Path) -> dict[str, object]:
    """Fill ``session`` (atelier 3 of the demo, with its ideas) with everything else."""
    nadia = Persona(series_id=session.series_id, first_name=ARABIC, role="Infirmière", position=9)
    huong = Persona(series_id=session.series_id, first_name=VIETNAMESE, role="Étudiante")
    store.apply(Change("personas", (changes.create(nadia), changes.create(huong))))
    t1 = Table(session_id=session.id, number=1, name="Table 1", persona_ids=[nadia.id])
    t2 = Table(session_id=session.id, number=2, name="Table 2", persona_ids=[huong.id])
    store.apply(Change("tables", (changes.create(t1), changes.create(t2))))
    store.apply(
        capture(
            store,
            session.id,
            f"Typographie : {TYPOGRAPHY} et un cœur",
            "mieux",
            persona_id=nadia.id,
            table_id=t1.id,
            horizon="2024",
            tags=["#Santé"],
        )
    )
    cards = session_cards(store, session.id)
    typo = next(c for c in cards if c.text.startswith("Typographie"))
    first_monde = next(c for c in cards if c.column == "monde")
    store.apply(votes.add_dot(store, session.id, [typo.id], t1.id))
    store.apply(votes.add_dot(store, session.id, [typo.id], t1.id))
    store.apply(votes.add_dot(store, session.id, [typo.id], t2.id))
    store.apply(votes.add_dot(store, session.id, [first_monde.id], t2.id))
    store.apply(
        convergence.promote(
            store,
            session.id,
            [typo, first_monde],
            title="Soigner la ville et ses habitants",
            column="mieux",
            purpose="pour que chacun trouve sa place",
            how=["Ouvrir des maisons de santé", "Former des médiateurs"],
        )
    )
    store.apply(agenda.install(store, session))
    steps = agenda.activities(store, session.id)
    store.apply(agenda.start(store, steps[0], START))
    store.apply(
        agenda.start(store, steps[1], START + timedelta(minutes=steps[0].planned_minutes + 7))
    )
    store.apply(recit.set_dream(store, session.series_id, "mieux", "En 2040, on respire."))
    store.apply(recit.add_quote(store, session, "On veut des arbres", nadia.id, "art"))
    photo = media.parent / "tableau.png"
    _png(photo)
    store.apply(photos.add(store, media, session.id, photo, "Le tableau de la table 1"))
    return {"typo": typo, "monde": first_monde, "nadia": nadia, "t1": t1}


def _png(path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (320, 200), (191, 54, 12)).save(path)


def as_printed(text: str) -> str:
    """``text`` as a PDF prints it and its text extraction reads it back on single spaces:
    typeset (’, « », no-break spaces), raised ordinals read as plain letters."""
    return " ".join(typeset(text).translate(str.maketrans("ᵉʳⁿᵈ", "ernd")).split())


def whole_and_cut_photos(store: Store, session: Session, media: Path, tmp_path: Path) -> Path:
    """Two photos added to ``session``: « Paperboard entier », and « Paperboard « Œdipe » »
    cut short (an interrupted copy: it passes the PNG check when added, but cannot be
    decoded). Returns the whole one's original."""
    from PIL import Image as Picture

    whole = tmp_path / "entier.png"
    Picture.effect_noise((300, 200), 60).convert("RGB").save(whole)
    cut = tmp_path / "coupée.png"
    cut.write_bytes(whole.read_bytes()[:400])
    store.apply(photos.add(store, media, session.id, whole, "Paperboard entier"))
    store.apply(photos.add(store, media, session.id, cut, "Paperboard « Œdipe »"))
    return whole
