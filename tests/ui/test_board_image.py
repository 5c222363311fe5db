"""The board's PNG images: drawn from the board's data, paged between cards, nothing lost."""

from __future__ import annotations

import os
import threading
import zlib

import pytest

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from exports import safe_write
from exports.png import png_bytes
from exports.safe_write import ExportError
from fabrique_desktop import changes
from fabrique_desktop.board import session_cards
from fabrique_desktop.changes import Change
from fabrique_desktop.groups import Cluster
from fabrique_desktop.model import FUTUR, IDEA, Card, Persona, Series, Vote
from ui import board_image, card_item
from ui.board_image import PAGE_HEIGHT, board_layout, page_path, png_of, write_board_png
from ui.card_item import CardItem


def _add(store, session, cards) -> None:
    store.apply(Change("test", tuple(changes.create(c) for c in cards)))


def _placed(board) -> list[str]:
    return [item.card.id for page in board.pages for item, _x, _y in page.notes]


def test_the_demo_board_is_one_image_with_every_card_under_its_column(
    qapp, store, demo_session
) -> None:
    board = board_layout(store, demo_session)
    cards = session_cards(store, demo_session.id)
    assert len(board.pages) == 1
    assert sorted(_placed(board)) == sorted(c.id for c in cards)
    for column in board.columns:
        assert board.counts[column.key] == sum(1 for c in cards if c.column == column.key)
    lefts = {c.key: i * (board.column_width + 12) for i, c in enumerate(board.columns)}
    for item, x, _y in board.pages[0].notes:
        assert lefts[item.card.column] < x < lefts[item.card.column] + board.column_width


def test_a_large_board_is_cut_into_pages_between_cards(qapp, store, session) -> None:
    columns = ["inbox", "mieux", "monde", "ensemble", "art"]
    _add(
        store,
        session,
        [
            Card(
                session_id=session.id,
                text=f"Idée numéro {n} : « une piste » pour l'été, avec des mots assez longs",
                column=columns[n % 5],
                position=float(n),
                horizon="2040",
                tags=["#Économie"],
            )
            for n in range(400)
        ],
    )
    board = board_layout(store, session)
    assert len(board.pages) > 1
    placed = _placed(board)
    assert sorted(placed) == sorted(c.id for c in session_cards(store, session.id))
    assert len(placed) == len(set(placed))  # each card once
    for page in board.pages:
        assert page.bottom <= PAGE_HEIGHT
        per_column: dict[str, float] = {}
        for item, _x, y in sorted(page.notes, key=lambda n: n[2]):
            assert y >= per_column.get(item.card.column, 0.0)  # no overlap in a column
            per_column[item.card.column] = y + item.height()
    # a column goes on, on the next page, in board order
    mieux = [
        i.card.position for p in board.pages for i, _x, _y in p.notes if i.card.column == "mieux"
    ]
    assert mieux == sorted(mieux)


def test_pages_are_written_as_numbered_pngs(qapp, store, session, tmp_path) -> None:
    _add(
        store,
        session,
        [
            Card(session_id=session.id, text=f"Idée {n} " * 12, column="mieux", position=n)
            for n in range(120)
        ],
    )
    files = write_board_png(store, session, tmp_path / "tableau.png")
    assert len(files) > 1
    assert files == [page_path(tmp_path / "tableau.png", n + 1) for n in range(len(files))]
    assert files[1].name == "tableau-2.png"
    for path in files:
        image = QImage(str(path))
        assert not image.isNull()
        assert image.height() <= PAGE_HEIGHT + board_image.HEADER + 2 * board_image.MARGIN + 20


def _long_column(store, session, count: int = 120) -> None:
    _add(
        store,
        session,
        [
            Card(session_id=session.id, text=f"Idée {n} " * 12, column="mieux", position=n)
            for n in range(count)
        ],
    )


def test_pages_are_synced_to_disk_while_the_next_page_is_drawn(
    qapp, store, session, tmp_path, monkeypatch
) -> None:
    """Each file is synced before it replaces the old one (10–40 ms a page): a thread of its
    own does it, so that the drawing of the next page does not wait for the disk. That
    thread also puts each file's bytes together (its deflated parts joined, checksummed)."""
    from exports.png import PngJob

    _long_column(store, session)
    synced: list[int] = []
    real_fsync = safe_write.os.fsync

    def fsync(fd: int) -> None:
        synced.append(threading.get_ident())
        real_fsync(fd)

    joined: list[int] = []
    result = PngJob.result

    def joined_where(job: PngJob) -> bytes:
        joined.append(threading.get_ident())
        return result(job)

    monkeypatch.setattr(safe_write.os, "fsync", fsync)
    monkeypatch.setattr(PngJob, "result", joined_where)
    files = write_board_png(store, session, tmp_path / "tableau.png")
    assert len(files) > 2
    assert len(synced) == len(joined) == len(files)
    assert threading.get_ident() not in synced + joined


def test_every_page_is_painted_on_one_canvas_and_reads_as_drawn_alone(
    qapp, store, session, tmp_path, monkeypatch
) -> None:
    """A fresh page's memory costs more to touch than to paint (~25 ms a page): the export
    paints every page on one image and packs each from one buffer, and what an earlier,
    taller page left below a shorter one is not in it."""
    _long_column(store, session, 150)
    board = board_layout(store, session)
    alone = [board_image.draw_page(board, n) for n in range(len(board.pages))]
    assert len({image.height() for image in alone}) > 1  # the last page is shorter
    owning: list[tuple[int, int]] = []  # images made with memory of their own

    class Counted(QImage):
        def __init__(self, *args) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*args)
            if not isinstance(args[0], bytearray | memoryview | bytes):
                owning.append((self.width(), self.height()))

    monkeypatch.setattr(board_image, "QImage", Counted)
    files = write_board_png(store, session, tmp_path / "tableau.png")
    monkeypatch.undo()
    assert len(files) == len(alone) > 2
    pages = [size for size in owning if size[0] == board.width()]
    assert len(pages) == 1  # the canvas; each page is packed from one buffer
    for path, image in zip(files, alone, strict=True):
        read = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
        assert read == image.convertToFormat(QImage.Format.Format_RGB32)


def test_a_page_that_cannot_be_written_stops_the_export(
    qapp, store, session, tmp_path, monkeypatch
) -> None:
    _long_column(store, session)
    real_write = board_image.write_bytes

    def write(path, data: bytes) -> None:
        if path.name == "tableau-2.png":
            raise ExportError("Le disque est plein : « tableau-2.png » n'a pas été écrit.")
        real_write(path, data)

    monkeypatch.setattr(board_image, "write_bytes", write)
    with pytest.raises(ExportError, match=r"tableau-2\.png"):
        write_board_png(store, session, tmp_path / "tableau.png")
    assert sorted(p.name for p in tmp_path.glob("*.png")) == ["tableau.png"]  # none after it


def _varied_board(store, demo, session) -> None:
    """Notes of every look: grouped, with a persona, dots, a decision taken, a colour of
    their own, one line or many."""
    persona = Persona(series_id=demo.id, first_name="Éloïse", colour="#8E24AA")
    group = Cluster(session_id=session.id, column="mieux", name="Mobilité douce", position=1)
    cards = [
        Card(
            session_id=session.id,
            text=f"Piste {n} " + "assez longue pour trois lignes " * (n % 4),
            column=["mieux", "monde", "inbox"][n % 3],
            position=n,
            cluster_id=group.id if n % 3 == 0 and n < 30 else None,
            persona_id=persona.id if n % 4 == 1 else None,
            card_kind=FUTUR if n % 7 == 2 else IDEA,
            colour="#FFF59D" if n % 11 == 5 else "",
            horizon="2040" if n % 2 else "",
        )
        for n in range(60)
    ]
    votes = [Vote(session_id=session.id, card_id=c.id, dots=2) for c in cards[::5]]
    store.apply(
        Change(
            "test",
            tuple(changes.create(x) for x in (persona, group, *cards, *votes)),
        )
    )


def test_each_kind_of_note_frame_is_drawn_once_and_copied_to_the_same_pixels(
    qapp, store, demo, session, monkeypatch
) -> None:
    _varied_board(store, demo, session)
    board = board_layout(store, session)
    drawn: list[CardItem] = []
    paint_frame = CardItem.paint_frame

    def counted(item: CardItem, painter, height=None) -> None:
        drawn.append(item)
        paint_frame(item, painter, height)

    monkeypatch.setattr(CardItem, "paint_frame", counted)
    copied = board_image.draw_page(board, 0)
    kinds = {
        (i.tint, i.background(), i.frame_pen().color().name()) for i, _x, _y in board.pages[0].notes
    }
    assert len(board.pages[0].notes) == 60
    assert len(kinds) == 10
    assert len(drawn) <= 2 * len(kinds)  # once a kind (again if a taller note comes)
    monkeypatch.setattr(board_image.NoteFrames, "copied", lambda *args: None)
    assert copied == board_image.draw_page(board, 0)  # as if each frame were drawn
    assert len(drawn) > 60


def test_each_pixel_is_filled_once_and_none_is_left_unpainted(
    qapp, store, demo, session, monkeypatch
) -> None:
    """The board's grey only round the columns, a column's tint only round the notes whose
    frames are copied: the same page as filled whole (the page, then each column, then each
    note wrote every pixel three times), with no pixel left as the canvas had it."""
    _varied_board(store, demo, session)
    board = board_layout(store, session)
    height = board_image.page_height(board, 0)
    filled: list[float] = []
    fill_rect = QPainter.fillRect

    def counted(painter: QPainter, *args) -> None:
        rect = QRectF(*args[:4]) if len(args) == 5 else QRectF(args[0])
        filled.append(rect.width() * rect.height())
        fill_rect(painter, *args)

    pages = []
    for before in (0xFF00FF, 0x00FF00):  # what an earlier page left on the canvas
        image = QImage(board.width(), height, QImage.Format.Format_RGB32)
        image.fill(before)
        monkeypatch.setattr(QPainter, "fillRect", counted)
        board_image.paint_page(board, 0, image)
        monkeypatch.undo()
        pages.append(image)
    assert pages[0] == pages[1]  # every pixel painted
    top = board_image.HEADER + board_image.MARGIN / 2
    copies = [
        item.boundingRect().width() * item.height()
        for item, x, y in board.pages[0].notes
        if board.frames.copied(item, board_image.MARGIN + x, top + y) is not None
    ]
    assert len(copies) == 60
    headers = len(board.columns) * board.column_width * board_image.HEADER_HEIGHT
    inside = board_image._area(board.pages[0])  # a column's height; its 2-px outline:
    edges = len(board.columns) * (4 * (board.column_width + 1) + 4 * inside)
    assert sum(filled) / 2 == board.width() * height + headers + edges - sum(copies)
    halves = iter(range(1000))  # every other note drawn: its column's tint filled under it
    copied = board_image.NoteFrames.copied
    monkeypatch.setattr(
        board_image.NoteFrames,
        "copied",
        lambda frames, item, x, y: copied(frames, item, x, y) if next(halves) % 2 else None,
    )
    assert board_image.draw_page(board, 0) == pages[0]
    monkeypatch.setattr(board_image.NoteFrames, "copied", lambda *args: None)
    assert board_image.draw_page(board, 0) == pages[0]


def test_notes_are_laid_out_once_and_drawn_from_their_layout(
    qapp, store, demo, session, monkeypatch
) -> None:
    _varied_board(store, demo, session)
    laid: list[str] = []
    real = card_item.lay_out

    def counted(text: str, *args):
        laid.append(text)
        return real(text, *args)

    monkeypatch.setattr(card_item, "lay_out", counted)
    fitted: list[str] = []
    fit = card_item.Fonts._fit

    def fit_counted(fonts, small: bool, text: str, width: float):
        if small:
            fitted.append(text)
        return fit(fonts, small, text, width)

    monkeypatch.setattr(card_item.Fonts, "_fit", fit_counted)
    board = board_layout(store, session)
    notes = board.pages[0].notes
    badges = {i.badge_text() for i, _x, _y in notes} - {""}
    assert len(laid) == len(notes) + len(badges)  # each text once, a badge line once
    assert sorted(fitted) == sorted(badges)  # a badge line's fit measured once too
    drawn_texts: list[str] = []
    draw_text = QPainter.drawText

    def recorded(painter: QPainter, *args) -> None:
        drawn_texts.append(args[-1])
        draw_text(painter, *args)

    monkeypatch.setattr(QPainter, "drawText", recorded)
    from_layouts = board_image.draw_page(board, 0)
    assert all(t not in drawn_texts for t in laid)  # none laid out again by drawText
    monkeypatch.undo()
    monkeypatch.setattr(card_item, "lay_out", lambda *args: None)
    assert from_layouts == board_image.draw_page(board_layout(store, session), 0)


def test_groups_votes_and_personas_are_drawn_as_on_the_wall(
    qapp, store, demo, session, tmp_path
) -> None:
    persona = Persona(series_id=demo.id, first_name="Éloïse", colour="#8E24AA")
    group = Cluster(session_id=session.id, column="mieux", name="Mobilité douce", position=1)
    cards = [
        Card(
            session_id=session.id,
            text=f"Piste {n}",
            column="mieux",
            position=n,
            cluster_id=group.id if n < 3 else None,
            persona_id=persona.id,
        )
        for n in range(5)
    ]
    store.apply(
        Change(
            "test",
            (
                changes.create(persona),
                changes.create(group),
                *(changes.create(c) for c in cards),
                changes.create(Vote(session_id=session.id, card_id=cards[4].id, dots=3)),
            ),
        )
    )
    board = board_layout(store, session)
    page = board.pages[0]
    ((band, frame, _band_height),) = page.frames
    assert band.name == "Mobilité douce"
    assert band.count == 3
    grouped = [(i, y) for i, _x, y in page.notes if i.card.cluster_id == group.id]
    assert all(frame.top() < y < frame.bottom() for _i, y in grouped)
    voted = next(i for i, _x, _y in page.notes if i.card.id == cards[4].id)
    assert voted.votes == 3
    assert all(i.look.persona_name == "Éloïse" for i, _x, _y in page.notes)
    image = QImage(str(write_board_png(store, session, tmp_path / "t.png")[0]))
    left = board_image.MARGIN + board.column_width + 12  # the « mieux » column
    top = board_image.HEADER + board_image.MARGIN / 2
    colour = image.pixelColor(
        round(left + frame.left() - (board.column_width + 12) + 6), round(top + frame.top() + 3)
    )
    assert colour != QColor(board.columns[1].tint)  # the band, in the column's colour


def test_a_convergence_board_shows_the_earlier_pistes_and_objectives_as_its_wall(
    qapp, store, demo
) -> None:
    """The image of a Convergence atelier is its wall: the pistes of ateliers 3 et 4 in
    their Vivre, each traced, and an objective framed round its pistes, named as one."""
    from fabrique_desktop import board, groups
    from fabrique_desktop.earlier_pistes import earlier_cards
    from fabrique_desktop.workspace import list_sessions, session_template

    ateliers = {s.number: s for s in list_sessions(store, demo.id)}
    third, fifth = ateliers[3], ateliers[5]
    pistes = sorted(
        (c for c in board.column_cards(store, third.id, "mieux") if c.is_idea),
        key=lambda c: c.position,
    )
    name = "Sortir de la dépendance à la voiture"
    store.apply(groups.group(store, pistes[:3], name))
    layout = board_layout(store, fifth)
    notes = [item for page in layout.pages for item, _x, _y in page.notes]
    shown = earlier_cards(store, fifth, session_template(demo, fifth))
    assert len(shown) > 40
    assert sorted(i.card.id for i in notes) == sorted(e.card.id for e in shown)
    assert {i.look.trace for i in notes} == {"Ateliers 3 et 4"}
    bands = [band for page in layout.pages for band, _frame, _height in page.frames]
    assert [(b.name, b.trace, b.count) for b in bands] == [(name, "Objectif · Ateliers 3 et 4", 3)]
    image = board_image.draw_page(layout, 0)
    assert not image.isNull()


def test_a_group_cut_by_a_page_goes_on_under_its_band(qapp, store, session) -> None:
    group = Cluster(session_id=session.id, column="monde", name="Grand groupe", position=1)
    cards = [
        Card(
            session_id=session.id,
            text=f"Idée {n} " * 10,
            column="monde",
            position=n,
            cluster_id=group.id,
        )
        for n in range(80)
    ]
    store.apply(Change("test", (changes.create(group), *(changes.create(c) for c in cards))))
    board = board_layout(store, session)
    assert len(board.pages) > 1
    for page in board.pages:
        ((band, frame, _h),) = page.frames
        assert band.count == 80
        assert frame.bottom() <= PAGE_HEIGHT


def test_a_card_of_an_unknown_column_is_not_lost(qapp, store, session) -> None:
    card = Card(session_id=session.id, text="Colonne disparue", column="ancienne", position=1)
    _add(store, session, [card])
    board = board_layout(store, session)
    assert _placed(board) == [card.id]
    assert board.counts[board.columns[0].key] == 1


def test_a_huge_card_is_cut_and_fits_a_page(qapp, store, session) -> None:
    text = "mot " * 50_000
    card = Card(
        session_id=session.id,
        text=text,
        column="mieux",
        position=1,
        tags=[f"#t{n}" * 40 for n in range(500)],
    )
    _add(store, session, [card])
    board = board_layout(store, session)
    ((item, _x, _y),) = board.pages[0].notes
    assert item.card.text.endswith("…")
    assert len(item.card.text) <= 2000
    assert item.height() < PAGE_HEIGHT


def test_a_long_title_and_column_names_fit_the_page(qapp, store, session) -> None:
    board = board_layout(store, session)
    board.title = "Atelier « " + "très " * 200 + "»"
    image = board_image.draw_page(board, 0)
    assert image.width() == board.width()


@pytest.mark.parametrize(("width", "height"), [(1, 1), (5, 3), (301, 7)])
def test_png_writer_round_trips_through_qt(qapp, width, height) -> None:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    for y in range(height):
        for x in range(width):
            image.setPixelColor(x, y, QColor((x * 37) % 256, (y * 91) % 256, (x + y) % 256))
    read = QImage.fromData(png_of(image))
    assert image.format() == QImage.Format.Format_RGB32  # the caller's image is left as it was
    assert read.size() == image.size()
    for y in range(height):
        for x in range(width):
            assert read.pixelColor(x, y) == image.pixelColor(x, y)


def test_png_writer_refuses_a_wrong_row() -> None:
    with pytest.raises(ValueError, match="row 0 holds 5 bytes"):
        png_bytes(2, 1, [b"\x00" * 5])
    with pytest.raises(ValueError, match="1 rows for an image 2 pixels high"):
        png_bytes(1, 2, [b"\x00" * 3])
    data = png_bytes(1, 1, [b"\x01\x02\x03"])
    assert data.startswith(b"\x89PNG")
    assert zlib.crc32(data[12:29]) == int.from_bytes(data[29:33])


def test_png_packed_in_parts_by_threads_is_one_valid_image(qapp) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from exports.png import PngJob, adler32_combine

    a, b = "Fabrique « à »".encode() * 999, bytes(range(256)) * 77
    assert adler32_combine(zlib.adler32(a), zlib.adler32(b), len(b)) == zlib.adler32(a + b)
    width, height = 97, 3 * 512 + 5
    rows = [bytes((x * y + y) % 256 for x in range(width * 3)) for y in range(height)]
    with ThreadPoolExecutor(3) as pool:
        data = PngJob(width, height, rows, pool, parts=3).result()
    read = QImage.fromData(data).convertToFormat(QImage.Format.Format_RGB888)
    assert (read.width(), read.height()) == (width, height)
    bits = memoryview(read.constBits()).cast("B")
    for y in (0, 511, 512, 1024, height - 1):
        start = y * read.bytesPerLine()
        assert bytes(bits[start : start + width * 3]) == rows[y]
    single = QImage.fromData(png_bytes(width, height, rows))  # one part, no thread
    assert single.convertToFormat(QImage.Format.Format_RGB888) == read


def test_the_board_image_draws_without_importing_the_apps_window() -> None:
    """``fabrique export --format png`` needs Qt, the fonts and the notes, not the app: it
    imported ui.app for its fonts, and with it the main window and the whole wall (36
    modules, ~150 ms of CPU and 6 MB before the first note was drawn)."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from ui import board_image\n"
        "board_image.ensure_gui()\n"
        "from PySide6.QtGui import QFontDatabase\n"
        "assert QFontDatabase.applicationFontFamilies(0) == ['DejaVu Sans']\n"  # a bundled font
        "print(sorted(m for m in sys.modules if m.startswith('ui.')))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert "'ui.board_image'" in out
    for module in ("ui.app", "ui.main_window", "ui.board_scene", "ui.board_view"):
        assert f"'{module}'" not in out


@pytest.mark.parametrize(
    "rect", [(24, 122, 420, 2700), (456, 20, 420, 100), (5, 5, 3, 3), (1, 1, 110, 7)]
)
def test_a_columns_outline_is_filled_as_its_pen_would_stroke_it(qapp, rect) -> None:
    """Stroking a column's 2-px outline went through Qt's path stroker (~0.8 M instructions
    a column, 80 for the 16 pages of 2000 ideas); four fills paint the same pixels."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPen

    images = []
    for stroked in (True, False):
        image = QImage(900, 2900, QImage.Format.Format_RGB32)
        image.fill(0xFFFFFF)
        painter = QPainter(image)
        if stroked:
            painter.setPen(QPen(QColor("#455A64"), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(*rect))
        else:
            board_image._edge(painter, QRectF(*rect), QColor("#455A64"))
        painter.end()
        images.append(image)
    assert images[0] == images[1]


def test_the_valeurs_walls_image_says_what_each_card_became(store, demo) -> None:
    """The image of the demo's atelier 1 (and of atelier 2, which shows them read-only)
    says under each card what the wall says: « Paradoxe N », « Valeur adoptée »."""
    from fabrique_desktop.workspace import list_sessions

    sessions = {s.number: s for s in list_sessions(store, demo.id)}
    first = store.get(Series, demo.id).template["paradoxes"][0]["cards"]
    for number in (1, 2):
        layout = board_layout(store, sessions[number])
        notes = {i.card.id: i for page in layout.pages for i, _x, _y in page.notes}
        assert len(notes) == 19, number
        assert all("Paradoxe 1" in notes[i].badge_text() for i in first)
        adopted = [i for i in notes.values() if "Valeur adoptée" in i.badge_text()]
        assert len(adopted) == 5, number
