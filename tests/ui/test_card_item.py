"""A note's text on the projector: hyphenated names break at their hyphen rather than
shrinking the whole card, and « guillemets » never leave their word alone on a line."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from fabrique_desktop.hyphenation import SOFT_HYPHEN
from fabrique_desktop.model import Card
from fabrique_desktop.typography import NBSP
from ui import theme


def _note(text: str, width: float):
    from ui.app import make_application
    from ui.card_item import CardItem, Fonts

    make_application()
    fonts = Fonts(QFont("DejaVu Sans"), 28)
    item = CardItem(Card(text=text, column="monde"), "#E3F2FD", fonts, width)
    item.measure()
    return item


def _fits(item) -> bool:
    rect = item.text_rect()
    need = QFontMetricsF(item.text_font()).boundingRect(
        QRectF(0, 0, rect.width(), 1e6), item.text_flags(), item.display_text()
    )
    return need.width() <= rect.width() + 0.5 and need.height() <= item._text_height + 0.5


def test_a_hyphenated_name_breaks_at_its_hyphen_instead_of_shrinking(qapp) -> None:
    """« Saint-Charles » wider than the column used to shrink the whole card's text."""
    font = QFont("DejaVu Sans")
    font.setPixelSize(28)
    name = QFontMetricsF(font).horizontalAdvance("Saint-Charles")
    item = _note("Gare Saint-Charles en bus", name * 0.75 + 20)
    assert item.text_font().pixelSize() == 28  # full projector size, not shrunk
    assert _fits(item)


def test_guillemets_and_colons_stay_with_their_words(qapp) -> None:
    item = _note("Des trains « du quotidien » : plus de trains", 230)
    assert f"«{NBSP}du" in item.display_text()
    assert f"quotidien{NBSP}»{NBSP}:" in item.display_text()
    assert item.card.text == "Des trains « du quotidien » : plus de trains"  # stored as typed
    assert _fits(item)


def _note_with_room(text: str, room: float):  # type: ignore[no-untyped-def]
    """A note whose text has ``room`` pixels across (the card's padding added)."""
    padding = _note(text, 300)._width - _note(text, 300).text_rect().width()
    return _note(text, room + padding)


def test_a_word_in_capitals_never_leaves_a_mute_syllable_alone(qapp) -> None:
    """« INDICE AUTHENTIQUE » on a column where « AUTHENTI- » fits and « AUTHENTIQUE » does
    not: the wall read « AUTHENTI- » then « QUE » (issue 23); it breaks at « AUTHEN-TIQUE »,
    at the projector's size."""
    font = QFont("DejaVu Sans")
    font.setPixelSize(28)
    metrics = QFontMetricsF(font)
    room = (metrics.horizontalAdvance("AUTHENTI-") + metrics.horizontalAdvance("AUTHENTIQUE")) / 2
    item = _note_with_room("INDICE AUTHENTIQUE", room)
    assert item.text_font().pixelSize() == 28
    assert f"AUTHEN{SOFT_HYPHEN}TIQUE" in item.display_text()
    assert f"{SOFT_HYPHEN}QUE" not in item.display_text()
    assert _fits(item)


def test_a_long_word_in_capitals_keeps_the_projector_size(qapp) -> None:
    """« DÉVELOPPEMENT » in capitals on a 1280×720 wall's column beside a panel (about
    200 px of text): broken at a syllable, not shrunk below the projector's size."""
    item = _note_with_room("Le DÉVELOPPEMENT des quartiers", 200)
    assert item.text_font().pixelSize() == 28
    assert SOFT_HYPHEN in item.display_text()
    assert _fits(item)


def test_an_arabic_first_name_leaves_the_badges_in_their_order(qapp) -> None:
    """« محمد  #Mobilité » under a note: the Arabic name first made the whole badge line
    right to left, and the wall read « Mobilité#  محمد » (the tag's # on the wrong side).
    The line is drawn as a left-to-right line (the names keep their own direction)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    from ui.card_item import CardLook

    item = _note("Un tram jusqu'à Aubagne", 300)
    item.set_look(CardLook(persona_name="محمد"))
    item.card.tags = ["#Mobilité"]
    item.measured = False
    item.measure()
    rect = item.badge_rect()
    assert item.badge_text() == "محمد  #Mobilité"

    def drawn(paint) -> QImage:  # type: ignore[no-untyped-def]
        image = QImage(
            int(item.boundingRect().width()), int(rect.bottom()) + 4, QImage.Format.Format_RGB32
        )
        image.fill(QColor("white"))
        painter = QPainter(image)
        paint(painter)
        painter.end()
        return image.copy(rect.toAlignedRect())

    def on_the_wall(painter) -> None:  # type: ignore[no-untyped-def]
        item.paint_inside(painter)

    def left_to_right(painter) -> None:  # type: ignore[no-untyped-def]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(theme.readable_ink(item._background())))
        painter.setFont(item.badge_font())
        flags = item.badge_flags() | int(Qt.TextFlag.TextForceLeftToRight)
        painter.drawText(rect, flags, "\u200e" + item.badge_text())  # LRM: a LTR paragraph

    assert drawn(on_the_wall) == drawn(left_to_right)


def test_a_text_of_short_words_is_fitted_without_searching_its_pieces(qapp, monkeypatch) -> None:
    """The board image measures 2000 notes: cutting each text at its breaks with BREAKS
    (spaces, soft hyphens, after a hyphen) was 7 % of the layout's instructions, while
    nearly no note has a word long enough to need measuring. Pieces between spaces are
    enough to tell; a long word or a long compound still goes through the breaks."""
    from ui import card_item
    from ui.card_item import Fonts

    searched: list[str] = []
    breaks = card_item.BREAKS

    class Counted:
        def split(self, text: str) -> list[str]:
            searched.append(text)
            return breaks.split(text)

    monkeypatch.setattr(card_item, "BREAKS", Counted())
    fonts = Fonts(QFont("DejaVu Sans"), 28)
    width = 400.0
    assert fonts.fit(False, "Des « Zones franches » pour favoriser l'initiative", width) == (
        1.0,
        False,
    )
    assert fonts.fit(True, "→2040  #Cohésion  #Soutien aux associations", width) == (1.0, False)
    assert searched == []
    compound = "Saint-Rémy-de-Provence-et-Montagnette-sur-Durance"  # cut after its hyphens
    assert fonts.fit(False, f"La gare {compound}", width) == (1.0, False)
    word = "Anticonstitutionnellementissimesque"  # no break at all: shrunk to fit
    scale, anywhere = fonts.fit(False, f"Un {word}", width)
    assert scale < 1
    assert not anywhere
    assert searched == [f"La gare {compound}", f"Un {word}"]


def test_a_theme_in_guillemets_and_a_group_s_colon_never_break_apart(qapp) -> None:
    """The seed's theme « #Nouvelle compétence « Espaces naturels et forestiers » » left « «
    » at the end of a badge line and « » » alone on the next (seen at 1280×720 on atelier
    3's wall); a group named « Mobilité : … » could wrap before its « : ». French spacing:
    no-break spaces inside « » and before « : », on the notes' badges, the groups' bands
    and the engagements' traces."""
    from fabrique_desktop.template import builtin_template
    from ui.card_item import CardLook
    from ui.cluster_item import ClusterItem
    from ui.engagements_view import EngagementDialog

    item = _note("Gérer des espaces naturels", 230)
    item.set_look(CardLook(trace="Ateliers 3 et 4 · lecture seule"))
    item.card.tags = ["#Nouvelle compétence « Espaces naturels et forestiers »"]
    item.measured = False
    item.measure()
    badges = item.badge_text()
    assert f"«{NBSP}Espaces" in badges
    assert f"forestiers{NBSP}»" in badges
    assert "« " not in badges
    assert " »" not in badges
    band = ClusterItem("groupe", "Mobilité : sortir de la voiture")
    assert f"Mobilité{NBSP}: sortir" in band.label()
    dialog = EngagementDialog(
        builtin_template(),
        [(Card(text="Une piste : « la mer »", column="mieux"), 0)],
        objectives=["Objectif « Sortir de la voiture »"],
    )
    shown = dialog.ideas.text()
    assert f"piste{NBSP}: «{NBSP}la mer{NBSP}»" in shown
    assert f"«{NBSP}Sortir de la voiture{NBSP}»" in shown
    dialog.deleteLater()


def test_a_notes_height_is_guessed_without_making_font_metrics(qapp, monkeypatch) -> None:
    """A 2000-idea board guesses each note's height as it is made, and again when the
    type or the fonts change: three font metrics made per guess were half of a note's
    making. The guess reads its fonts' line heights, read once per type size, and is the
    same as from fresh metrics."""
    from ui import card_item
    from ui.app import make_application

    make_application()
    fonts = card_item.Fonts(QFont("DejaVu Sans"), 28)
    cards = [
        Card(text="Une idée " * n, column="monde", tags=["mobilité"] * (n % 2)) for n in range(1, 9)
    ]
    made = [0]

    def metrics(font):  # type: ignore[no-untyped-def]
        made[0] += 1
        return QFontMetricsF(font)

    monkeypatch.setattr(card_item, "QFontMetricsF", metrics)
    items = [card_item.CardItem(card, "#E3F2FD", fonts, 300) for card in cards]
    assert made[0] == 0
    items[1].set_votes(3)  # (a note's dots: measured, then guessed again below)
    made[0] = 0
    for item in items:
        item.set_geometry(fonts, 300)
    assert made[0] == 0
    monkeypatch.undo()
    text, small = QFontMetricsF(fonts.text), QFontMetricsF(fonts.small)
    for item in items:
        lines = round(item._text_height / text.lineSpacing())
        badges = small.lineSpacing() + 6 if item.card.tags else 0.0
        votes = text.height() + 4 + 6 if item.votes else 0.0
        expected = lines * text.lineSpacing() + badges + votes + 2 * card_item.PADDING
        assert item.height() == expected


def test_a_line_of_chinese_keeps_the_board_s_type(qapp) -> None:
    """« 李华：更多的公共交通和自行车道，还有更多的绿地和公园 » has no space: the note took it
    for one word too long for its width and drew it at half the board's type (15 px on a
    1280×720 wall, the floor is 28). Qt breaks a line between any two Chinese characters:
    the note keeps the board's type, its text whole."""
    item = _note("李华：更多的公共交通和自行车道，还有更多的绿地和公园", 267)
    assert item.text_font().pixelSize() == 28
    assert _fits(item)
    mixed = _note("Une maison pour chaque quartier (中文/русский/العربية) et ses habitants", 267)
    assert mixed.text_font().pixelSize() == 28
    assert _fits(mixed)


def test_an_overview_tile_of_chinese_shows_as_many_lines_as_the_others(qapp) -> None:
    """Ctrl+8: a tile shows its idea's first words on two lines. A line of Chinese, with no
    space, was one word longer than the line: the tile showed one line and « … », half of
    what the others show. Each Chinese character counts as a word there."""
    font = QFont("DejaVu Sans")
    font.setPixelSize(28)
    for text in (
        "Un tram jusqu'à Aubagne et des vélos partout",
        "李华：更多的公共交通和自行车道，还有更多的绿地和公园",
    ):
        item = _note(text, 300)
        item.set_tile((300.0, 90.0, font, 2))
        lines = item.tile_text().split("\n")
        assert len(lines) == 2, lines
        assert text.startswith(lines[0])
