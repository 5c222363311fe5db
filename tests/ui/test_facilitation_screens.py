"""pytest-qt for each facilitation screen, with a 1280×720 screenshot of each.

Set FABRIQUE_SHOTS=/some/folder to keep the PNGs (they are looked at by a person).
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QTextOption
from PySide6.QtWidgets import QApplication

from fabrique_desktop import agenda, board, convergence, groups, recit, timer, votes
from fabrique_desktop.model import Card, Engagement, Vote
from tests.ui.conftest import type_text
from ui import facilitation_style as style
from ui import theme

T0 = datetime(2017, 5, 9, 9, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def shot(widget, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("FABRIQUE_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


@pytest.fixture
def clock(window) -> FakeClock:
    fake = FakeClock()
    window.animation.context.clock = fake
    return fake


@pytest.fixture
def demo_window(qtbot, fabrique_app, demo_session):
    window = fabrique_app.open_session(demo_session.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.wait_exposed(window)
    return window


def _board(window, qtbot) -> None:
    window.board.view.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.wait_until(lambda: window.board.view.hasFocus())


def test_colour_pairs_pass_wcag_aa() -> None:
    for ink, paper in style.PAIRS:
        assert theme.contrast_ratio(ink, paper) >= 4.5, (ink, paper)


def test_animation_menu_has_a_shortcut_for_everything(window) -> None:
    animation = window.animation
    assert animation.menu.title() == "A&nimation"
    assert all(action.shortcuts() for action in animation.actions)
    keys = [k.toString() for a in animation.actions for k in a.shortcuts()]
    assert len(keys) == len(set(keys))


def test_agenda_panel_steps_and_starts_the_timer(qtbot, window, store, session, clock, tmp_path):
    window.animation.agenda_action.trigger()
    panel = window.animation.agenda.panel
    assert panel.current_title.text() == "Pas encore de déroulé"
    window.animation.next_step_action.trigger()  # no agenda yet: loads the Valeurs one
    assert panel.items.count() == len(agenda.builtin("valeurs"))
    window.animation.next_step_action.trigger()
    first = agenda.activities(store, session.id)[0]
    assert first.running
    overlay = window.animation.timer.overlay
    assert overlay.isVisible()
    assert overlay.time_label.text() == f"{first.planned_minutes}:00"
    clock.advance(17 * 60)
    window.animation.next_step_action.trigger()
    panel.refresh()
    assert "réel 17 min" in panel.items.item(0).text()
    assert panel.current_title.text() == agenda.activities(store, session.id)[1].title
    window.undo_action.trigger()  # a step is an undo step
    assert agenda.current(agenda.activities(store, session.id)).id == first.id
    shot(window, "agenda", tmp_path)


def test_timer_overlay_counts_down_flashes_and_rings(
    qtbot, window, store, session, clock, tmp_path
):
    rings = []
    overlay = window.animation.timer.make_overlay()
    overlay.ring = lambda: rings.append(1)
    overlay.set_minutes(2)
    window.animation.start_timer_action.trigger()
    assert overlay.isVisible()
    assert timer.get(store, session.id).running
    clock.advance(61)
    overlay.update_display()
    assert overlay.time_label.text() == "0:59"
    window.animation.minute_action.trigger()
    overlay.update_display()
    assert overlay.time_label.text() == "1:59"
    shot(window, "timer", tmp_path)
    clock.advance(120)
    overlay.update_display()
    assert rings == [1]
    assert overlay.time_label.text().startswith("−0:0")
    overlay.update_display()
    assert rings == [1]  # rings once per round
    window.animation.large_timer_action.trigger()
    assert overlay.large
    shot(window, "timer-large", tmp_path)
    window.animation.start_timer_action.trigger()  # pause
    assert not timer.get(store, session.id).running


def test_timer_comes_back_after_a_restart(qtbot, fabrique_app, store, session) -> None:
    from ui.main_window import MainWindow

    clock = FakeClock()
    first = MainWindow(store, session)
    qtbot.addWidget(first)
    first.animation.context.clock = clock
    first.animation.timer.make_overlay().set_minutes(20, start=True)
    clock.advance(5 * 60)
    first.close()  # the app is gone (crash, battery)…
    clock.advance(60)  # …and comes back a minute later, on the same database
    again = MainWindow(store, session)
    qtbot.addWidget(again)
    again.animation.context.clock = clock
    again.show()
    qtbot.wait_until(lambda: again.animation.timer.overlay is not None)
    overlay = again.animation.timer.overlay
    overlay.update_display()
    assert overlay.isVisible()
    assert overlay.time_label.text() == "14:00"


def _cards(store, session, texts, column="mieux"):
    for text in texts:
        store.apply(board.capture(store, session.id, text, column))
    return board.column_cards(store, session.id, column)


def _reload(window, store, session) -> None:
    window.scene.notes.show(board.session_cards(store, session.id))


def test_vote_keys_budget_secret_and_reveal(qtbot, window, store, session, tmp_path) -> None:
    cards = _cards(store, session, ["Tramway", "Vélo", "Covoiturage"])
    _reload(window, store, session)
    window.animation.votes_action.trigger()
    panel = window.animation.votes.panel
    assert "Sans votant" in panel.voter_label.text()  # the room's dots until tables vote
    panel.tables_count.setValue(4)
    panel.tables_button.click()
    assert panel.voter_list.count() == 4
    assert panel.voter_label.text() == "Table 1 : 3 gommettes restantes"
    _board(window, qtbot)
    window.scene.select_cards([cards[1].id])
    qtbot.keyClick(window.board.view, Qt.Key.Key_Plus)
    qtbot.keyClick(window.board.view, Qt.Key.Key_Plus)
    assert votes.totals(store, session.id) == {cards[1].id: 2}
    assert window.scene.items_by_id[cards[1].id].votes == 2
    assert panel.voter_label.text() == "Table 1 : 1 gommette restante"
    qtbot.keyClick(window.board.view, Qt.Key.Key_Minus)
    assert votes.totals(store, session.id) == {cards[1].id: 1}
    window.undo_action.trigger()  # the correction is undone: 2 dots again
    assert votes.totals(store, session.id) == {cards[1].id: 2}
    qtbot.keyClick(window.board.view, Qt.Key.Key_Plus)
    qtbot.keyClick(window.board.view, Qt.Key.Key_Plus)  # over budget: a message, nothing stored
    assert votes.totals(store, session.id) == {cards[1].id: 3}
    assert "toutes ses gommettes" in panel.message.text()
    qtbot.keyClick(window.board.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert panel.voter_label.text().startswith("Table 2")
    panel.secret.setChecked(True)
    assert window.scene.items_by_id[cards[1].id].votes == 0  # hidden
    window.scene.select_cards([cards[0].id])
    _board(window, qtbot)
    qtbot.keyClick(window.board.view, Qt.Key.Key_Plus)
    assert window.scene.items_by_id[cards[0].id].votes == 0
    assert store.count(Vote, session_id=session.id) == 2
    shot(window, "votes-secret", tmp_path)
    window.animation.ranking_action.trigger()
    ranking = window.animation.votes.ranking
    assert ranking.reveal_button.isVisible()
    assert "Vote secret" in ranking.browser.toPlainText()
    window.animation.reveal_action.trigger()
    assert window.scene.items_by_id[cards[0].id].votes == 1
    assert ranking.rows == [("Vélo", 3), ("Tramway", 1)]
    assert not ranking.reveal_button.isVisible()
    window.activateWindow()
    shot(window, "votes-revealed", tmp_path)


def test_ranking_view_is_projector_readable(qtbot, demo_window, store, demo_session, tmp_path):
    store.apply(votes.add_tables(store, demo_session.id, 8))
    cards = board.session_cards(store, demo_session.id)
    for i, voter in enumerate(votes.voters(store, demo_session.id)):
        picks = [cards[(i * 7 + k * 5) % 20].id for k in range(3)]
        store.apply(votes.add_dot(store, demo_session.id, picks, voter.id))
    demo_window.animation.ranking_action.trigger()
    ranking = demo_window.animation.votes.ranking
    ranking.resize(1280, 720)
    qtbot.wait_exposed(ranking)
    assert len(ranking.rows) == 10
    assert ranking.rows[0][1] >= ranking.rows[-1][1]
    path = shot(ranking, "ranking", tmp_path)
    assert QImage(str(path)).width() == 1280


def test_fusion_dialog_fuses_and_unfuse_restores(qtbot, window, store, session, tmp_path):
    cards = _cards(store, session, ["Un tram", "Le tramway", "Des vélos"])
    store.apply(votes.add_tables(store, session.id, 1))
    (t1,) = votes.voters(store, session.id)
    store.apply(votes.add_dot(store, session.id, [cards[0].id, cards[1].id], t1.id))
    _reload(window, store, session)
    window.animation.votes.update_counts()
    _board(window, qtbot)
    window.scene.select_cards([cards[0].id, cards[1].id])
    qtbot.keyClick(window.board.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = window.animation.fusion.dialog
    qtbot.wait_exposed(dialog)
    dialog.choices.button(1).click()
    assert dialog.text.toPlainText() == "Le tramway"
    dialog.text.clear()
    type_text(dialog.text, "Un tramway jusqu'à Aubagne")
    dialog.resize(1280, 720)
    shot(dialog, "merge-dialog", tmp_path)
    dialog.accept()
    live = board.column_cards(store, session.id, "mieux")
    assert [c.text for c in live] == ["Un tramway jusqu'à Aubagne", "Des vélos"]
    merged = live[0]
    assert window.scene.items_by_id[merged.id].votes == 2
    assert cards[0].id not in window.scene.items_by_id
    assert window.scene.selected_card_ids() == [merged.id]
    window.animation.unfuse_action.trigger()
    assert [c.text for c in board.column_cards(store, session.id, "mieux")] == [
        "Un tram",
        "Le tramway",
        "Des vélos",
    ]
    assert window.scene.items_by_id[cards[0].id].votes == 1
    window.undo_action.trigger()  # undo the unmerge
    assert len(board.column_cards(store, session.id, "mieux")) == 2
    window.undo_action.trigger()  # undo the merge
    assert store.get(Card, merged.id).deleted


def test_merge_needs_two_cards(qtbot, window, store, session) -> None:
    cards = _cards(store, session, ["Seule"])
    _reload(window, store, session)
    window.scene.select_cards([cards[0].id])
    window.animation.fuse_action.trigger()
    assert "au moins deux" in window.statusBar().currentMessage()


def test_group_and_promote_a_cluster(qtbot, window, store, session, monkeypatch, tmp_path):
    cards = _cards(store, session, ["Vélos en libre service", "Pistes cyclables", "Marche"])
    _reload(window, store, session)
    window.scene.select_cards([c.id for c in cards[:2]])
    monkeypatch.setattr(
        "ui.animation.group_feature.QInputDialog.getText", lambda *a, **k: ("Modes doux", True)
    )
    window.animation.group_action.trigger()
    (cluster,) = groups.clusters(store, session.id)
    assert cluster.name == "Modes doux"
    window.scene.select_cards([cards[0].id])
    window.animation.promote_action.trigger()
    dialog = window.animation.engagements.dialog
    assert dialog.title.text() == "Modes doux"
    assert dialog.column.currentData() == "mieux"
    type_text(dialog.purpose, "réduire le trafic")
    type_text(dialog.how, "Des pistes continues")
    dialog.resize(1280, 720)
    shot(dialog, "engagement-dialog", tmp_path)
    dialog.accept()
    (engagement,) = store.find(Engagement, session_id=session.id)
    assert engagement.purpose == "Pour réduire le trafic"
    assert engagement.card_ids == [cards[0].id, cards[1].id]
    view = window.animation.engagements.view
    assert view.isVisible()
    assert view.lists["mieux"].count() == 1


def test_engagements_view_shows_the_trace(qtbot, demo_window, store, demo_session, tmp_path):
    template = demo_window.controller.template
    store.apply(votes.add_tables(store, demo_session.id, 3))
    voters = votes.voters(store, demo_session.id)
    for data in template.section("engagements"):
        column_cards = board.column_cards(store, demo_session.id, data["column"])
        picked = column_cards[data["number"] - 1 : data["number"]]
        store.apply(votes.add_dot(store, demo_session.id, [picked[0].id], voters[0].id)) if (
            data["number"] == 1 and data["column"] == "mieux"
        ) else None
        store.apply(
            convergence.promote(
                store,
                demo_session.id,
                picked,
                title=data["title"],
                column=data["column"],
                purpose=data["purpose"],
                how=data["how"],
            )
        )
    demo_window.animation.engagements_action.trigger()
    view = demo_window.animation.engagements.view
    view.resize(1280, 720)
    qtbot.wait_exposed(view)
    assert [view.lists[k].count() for k in ("mieux", "monde", "ensemble", "art")] == [3, 3, 3, 3]
    view.lists["mieux"].setCurrentRow(0)
    view.lists["mieux"].setFocus()
    assert "1 ●" in view.trace.toPlainText()
    assert "12 engagements" in view.summary.text()
    shot(view, "engagements", tmp_path)
    first = view.current_id()
    view.activateWindow()
    qtbot.wait_until(view.isActiveWindow)
    qtbot.keyClick(view.lists["mieux"], Qt.Key.Key_Delete)
    assert store.get(Engagement, first).deleted
    demo_window.undo_action.trigger()
    assert not store.get(Engagement, first).deleted


def test_recit_view_dreams_and_quotes(qtbot, window, store, session, demo, tmp_path) -> None:
    window.animation.recit_action.trigger()
    view = window.animation.recit.view
    qtbot.wait_exposed(view)
    page = view.pages[0]
    type_text(page.dream, "Une Métropole de la douceur de vivre, « pour tous »")
    view.save_dream()
    assert recit.dreams(store, demo.id)["mieux"].text.endswith("« pour tous »")
    view.persona.setCurrentIndex(2)
    view.quote.setFocus()
    type_text(view.quote, "La congestion n'est plus qu'un mauvais souvenir")
    qtbot.keyClick(view.quote, Qt.Key.Key_Return)
    (quote,) = recit.quotes(store, demo.id)
    assert quote.column == "mieux"
    assert quote.persona_id is not None
    assert page.quotes.count() == 1
    assert "—" in page.quotes.item(0).text()
    assert page.quotes.item(0).text().startswith("«\u00a0La congestion")  # never « « » alone
    view.resize(1280, 720)
    shot(view, "recit", tmp_path)
    window.undo_action.trigger()
    assert recit.quotes(store, demo.id) == []


def test_a_dream_typed_just_before_the_window_goes_is_kept(
    qtbot, fabrique_app, store, session, demo
) -> None:
    """A dream is saved after a pause in the typing (or as the récit closes). The window
    replaced within that pause (`fabrique --open N` from a terminal, the language changed,
    another atelier opened) took the récit and the words typed with it: nothing saved."""
    from fabrique_desktop.workspace import list_sessions

    window = fabrique_app.open_session(session.id)
    window.animation.recit_action.trigger()
    type_text(window.animation.recit.view.pages[0].dream, "Une ville où l'on respire")
    fabrique_app.set_language("en")
    try:
        assert recit.dreams(store, demo.id)["mieux"].text == "Une ville où l'on respire"
        window = fabrique_app.window
        window.animation.recit_action.trigger()
        type_text(window.animation.recit.view.pages[1].dream, "Un monde ouvert")
        other = next(s for s in list_sessions(store, session.series_id) if s.id != session.id)
        assert fabrique_app.open_asked(other.id).refused == ""  # what `fabrique --open` asks
        assert recit.dreams(store, demo.id)["monde"].text == "Un monde ouvert"
    finally:
        fabrique_app.set_language("fr")
        qtbot.wait(20)


def _png(path: Path, width: int, height: int) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#C5E1A5"))
    assert image.save(str(path))
    return path


@pytest.mark.qt_log_ignore("JPEG")  # libjpeg's own words about the broken file
def test_photo_gallery_adds_scales_and_refuses(qtbot, window, store, session, tmp_path) -> None:
    window.animation.photos_action.trigger()
    gallery = window.animation.photos.gallery
    qtbot.wait_exposed(gallery)
    big = _png(tmp_path / "paperboard.png", 4000, 3000)
    (tmp_path / "notes.txt").write_text("pas une image", encoding="utf-8")
    broken = tmp_path / "abime.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    refused = gallery.add_files([big, tmp_path / "notes.txt", broken])
    assert len(refused) == 1
    assert "JPEG ou PNG" in refused[0]
    assert gallery.message.isVisible()
    assert gallery.grid.count() == 2
    from ui.photo_gallery import THUMB, read_scaled

    media = window.animation.photos.media_dir()
    image, reason = read_scaled(
        media / store.find_photos if False else next(media.glob("*.png")), THUMB
    )
    assert image is not None
    assert image.width() <= THUMB.width()
    assert reason == ""
    image, reason = read_scaled(next(media.glob("*.jpg")), THUMB)
    assert image is None
    assert "illisible" in reason
    gallery.grid.setCurrentRow(1)
    gallery._preview()
    assert "illisible" in gallery.message.text()
    gallery.grid.setCurrentRow(0)
    gallery.caption.setText("Tableau Vivre Mieux")
    qtbot.keyClick(gallery.caption, Qt.Key.Key_Return)
    assert gallery.grid.item(0).text() == "Tableau Vivre Mieux"
    gallery.resize(1280, 720)
    shot(gallery, "photos", tmp_path)


def test_a_caption_typed_without_enter_is_kept(qtbot, fabrique_app, store, session, tmp_path):
    """A caption typed, then another photo chosen, the gallery closed (« Fermer », Échap) or
    its window replaced (`fabrique --open N`, the language): the words were dropped (only
    Enter saved them). Each keeps them now."""
    from fabrique_desktop import photos
    from tests.ui.conftest import shown_window

    window = shown_window(qtbot, fabrique_app, session)
    window.animation.photos_action.trigger()
    gallery = window.animation.photos.gallery
    qtbot.wait_exposed(gallery)
    gallery.add_files([_png(tmp_path / f"tableau{i}.png", 40, 30) for i in range(2)])

    def captions() -> list[str]:
        return [p.caption for p in photos.photos(store, session.id)]

    assert captions() == ["tableau0", "tableau1"]  # named after their files
    gallery.grid.setCurrentRow(0)
    gallery.caption.clear()
    type_text(gallery.caption, "Le tableau de la table 1")
    gallery.grid.setCurrentRow(1)  # another photo chosen
    assert captions() == ["Le tableau de la table 1", "tableau1"]
    gallery.caption.clear()
    type_text(gallery.caption, "La table 2")
    qtbot.keyClick(gallery, Qt.Key.Key_Escape)  # closed
    assert captions() == ["Le tableau de la table 1", "La table 2"]
    window.animation.photos_action.trigger()
    gallery.grid.setCurrentRow(0)
    gallery.caption.clear()
    type_text(gallery.caption, "Table 1, au propre")
    fabrique_app.set_language("en")  # the window replaced
    fabrique_app.set_language("fr")
    assert captions() == ["Table 1, au propre", "La table 2"]
    # an undo shown in the open gallery is not taken for words typed there
    window = fabrique_app.window
    window.animation.photos_action.trigger()
    gallery = window.animation.photos.gallery
    gallery.grid.setCurrentRow(1)
    gallery.caption.clear()
    type_text(gallery.caption, "Table 2")
    qtbot.keyClick(gallery.caption, Qt.Key.Key_Return)
    assert captions() == ["Table 1, au propre", "Table 2"]
    window.bus.undo()
    assert captions() == ["Table 1, au propre", "La table 2"]
    gallery.close()
    assert captions() == ["Table 1, au propre", "La table 2"]


def test_enter_in_the_merge_text_merges(qtbot) -> None:
    """The keyboard user typed the new wording, then Enter only added a line break."""
    from PySide6.QtWidgets import QDialog

    from ui.fusion_dialog import FusionDialog

    dialog = FusionDialog([Card(text="Un tram"), Card(text="Le tramway")])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.wait_exposed(dialog)
    type_text(dialog.text, "Un tramway « jusqu'à » Aubagne")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.fused_text() == "Un tramway « jusqu'à » Aubagne"
    empty = FusionDialog([Card(text="Un tram"), Card(text="Le tram")])
    qtbot.addWidget(empty)
    empty.show()
    empty.text.clear()
    qtbot.keyClick(empty.text, Qt.Key.Key_Enter)
    assert empty.isVisible()  # refused: the message says the text is empty
    assert empty.message.isVisibleTo(empty)


def test_the_vote_panel_gives_the_keyboard_back_to_the_board(qtbot, window, store, session):
    """After « Ajouter des tables » or Esc in the panel, + and - vote again without the mouse."""
    cards = _cards(store, session, ["Tramway", "Vélo"])
    _reload(window, store, session)
    window.animation.votes_action.trigger()
    panel = window.animation.votes.panel
    qtbot.wait_until(panel.isVisible)
    panel.tables_button.setFocus()
    qtbot.keyClick(panel.tables_button, Qt.Key.Key_Space)
    assert panel.voter_list.count() == 6
    assert window.board.view.hasFocus()
    panel.dots.setFocus()
    qtbot.keyClick(panel.dots, Qt.Key.Key_Escape)
    assert window.board.view.hasFocus()
    window.scene.select_cards([cards[0].id])
    qtbot.keyClick(window.board.view, Qt.Key.Key_Plus)
    assert votes.totals(store, session.id) == {cards[0].id: 1}


def test_one_engagement_is_counted_in_the_singular(qtbot, window, store, session) -> None:
    cards = _cards(store, session, ["Tarif unique pour voyager sur tous les réseaux"])
    store.apply(
        convergence.promote(
            store, session.id, cards, title="Un réseau, un tarif", column="mieux", how=["Billet"]
        )
    )
    window.animation.engagements_action.trigger()
    view = window.animation.engagements.view
    qtbot.wait_exposed(view)
    assert view.summary.text().startswith("1 engagement  —")


def test_starting_the_agenda_says_it_replaces_a_running_timer(qtbot, window, clock) -> None:
    """The facilitator's own countdown was running: the agenda's first step replaced it
    without a word."""
    animation = window.animation
    animation.timer.show_or_hide()
    animation.timer.toggle()  # a countdown of the facilitator's own, running
    assert animation.timer.overlay.state.running
    left = animation.timer.overlay.time_label.text()
    animation.next_step_action.trigger()  # loads the Valeurs agenda
    animation.next_step_action.trigger()  # its first step starts its own countdown
    message = window.statusBar().currentMessage()
    assert f"Le minuteur en cours ({left} restant) est remplacé" in message
    window.statusBar().clearMessage()
    animation.next_step_action.trigger()  # a step following a step: nothing to say
    assert "remplacé" not in window.statusBar().currentMessage()


def _ink_bottom(image: QImage, top: int, bottom: int, background: QColor) -> int:
    """The lowest row between ``top`` and ``bottom`` with a dark (text) pixel."""
    for y in range(bottom, top - 1, -1):
        for x in range(4, image.width() - 24):  # off the scroll bar
            if QColor(image.pixel(x, y)).lightness() < background.lightness() - 120:
                return y
    return top


def test_an_engagement_with_a_chinese_name_keeps_its_last_line(
    qtbot, window, store, session
) -> None:
    """A « Comment ? » point « 李华 » (a fallback font's glyphs): Qt sized the item a few
    pixels short and drew « 李华… », dropping the line « ↳ 0 idée(s) · 0 gommette(s) »
    under it. Its item ends with that line, as the same engagement with « Li Hua » does."""
    from ui import fallback_fonts

    fallback_fonts.install(QApplication.instance())
    from fabrique_desktop.changes import Change, create

    made = [
        Engagement(
            session_id=session.id,
            column="mieux",
            number=number,
            title="Vivre la mer",
            purpose="Parce que la mer est à tout le monde",
            how=["Des navettes", name],
        )
        for number, name in ((1, "李华"), (2, "Li Hua"))
    ]
    store.apply(Change("test", tuple(create(e) for e in made)))
    window.animation.engagements_action.trigger()
    view = window.animation.engagements.view
    view.resize(1280, 720)
    qtbot.wait_exposed(view)
    listed = view.lists["mieux"]
    assert listed.count() == 2
    image = listed.viewport().grab().toImage()
    background = QColor(theme.PAPER)
    gaps = []
    for row in range(2):
        rect = listed.visualItemRect(listed.item(row))
        gaps.append(rect.bottom() - _ink_bottom(image, rect.top(), rect.bottom(), background))
    assert "↳" in listed.item(0).text().splitlines()[-1]
    assert abs(gaps[0] - gaps[1]) <= 4, gaps  # the last line drawn in both


def test_an_engagements_guillemets_never_break_apart_in_the_list(qtbot, window, store, session):
    """The seed's « Pour valoriser … la marque « Provence » » showed « marque « » at the end of a
    line and « Provence » » on the next, on the engagements screen at 1920×1080: the list's
    lines get French spacing (no-break spaces inside « » and before « : »), as the wall's
    notes and the engagement's traces already had."""
    from fabrique_desktop.typography import NBSP

    cards = _cards(store, session, ["Une marque territoriale"])
    store.apply(
        convergence.promote(
            store,
            session.id,
            cards,
            title="Mettons en scène nos lieux",
            column="mieux",
            purpose="Pour faire vivre la marque « Provence »",
            how=["Privilégier « l'éco-intensité » : partout"],
        )
    )
    window.animation.engagements_action.trigger()
    view = window.animation.engagements.view
    qtbot.wait_exposed(view)
    shown = view.lists["mieux"].item(0).text()
    assert f"«{NBSP}Provence{NBSP}»" in shown
    assert f"«{NBSP}l'éco-intensité{NBSP}»{NBSP}: partout" in shown
    assert "« " not in shown
    assert " »" not in shown


def test_the_rankings_guillemets_never_break_apart(qtbot, window, store, session) -> None:
    """The ranking shows the ideas' own words at 24 pt: « la mer » keeps its guillemets and
    « : » on the same line as their words (French spacing, as on the wall)."""
    from fabrique_desktop.typography import NBSP

    cards = _cards(store, session, ["Une piste : « la mer »"])
    store.apply(votes.add_tables(store, session.id, 1))
    voter = votes.voters(store, session.id)[0]
    store.apply(votes.add_dot(store, session.id, [cards[0].id], voter.id))
    window.animation.ranking_action.trigger()
    shown = window.animation.votes.ranking.browser.document().toRawText()
    assert f"piste{NBSP}: «{NBSP}la mer{NBSP}»" in shown


def test_the_engagements_summary_wraps_between_its_columns(qtbot, window) -> None:
    """At 1280×720 the summary « 0 engagements — Vivre Mieux : 0/3 · … · Art de Vivre : 0/3 »
    needs two lines; its last line was « 0/3 » alone, away from « Art de Vivre : ». It wraps
    only between the columns' counts: every line ends a column's count."""
    from PySide6.QtGui import QTextLayout

    window.animation.engagements_action.trigger()
    view = window.animation.engagements.view
    view.resize(1280, 720)
    qtbot.wait_exposed(view)
    summary = view.summary
    layout = QTextLayout(summary.text(), summary.font())
    option = QTextOption(Qt.AlignmentFlag.AlignLeft)
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(summary.contentsRect().width())
        lines.append(summary.text()[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    assert len(lines) >= 2, lines  # the case: it does not fit one line
    for text in lines:
        assert re.search(r"\d+/\d+\s*(·\s*)?$", text), lines
