"""Groups (clusters) on the board: their cards together, framed, under their name."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QRectF

from fabrique_desktop import board, groups
from fabrique_desktop.model import Card


def _cards(window, store, session, texts, column="mieux") -> list[Card]:
    for text in texts:
        store.apply(board.capture(store, session.id, text, column))
    window.board_actions.start(window.controller.cards())
    window.scene.notes.measure_all()
    return board.column_cards(store, session.id, column)


def _group(window, monkeypatch, ids, name) -> None:
    monkeypatch.setattr(
        "ui.animation.group_feature.QInputDialog.getText", lambda *a, **k: (name, True)
    )
    window.scene.select_cards(ids)
    window.animation.group_action.trigger()
    window.scene.notes.measure_all()


def _column_texts(window, column="mieux") -> list[str]:
    return [i.card.text for i in window.scene.cards_in(column)]


def _frame(window, cluster_id) -> QRectF:
    item = window.scene.cluster_items[cluster_id]
    return item.sceneBoundingRect()


def test_a_group_is_drawn_around_its_cards_with_its_name(
    qtbot, window, store, session, monkeypatch, tmp_path
) -> None:
    tram, velo, metro, marche = _cards(
        window, store, session, ["Un tram", "Des vélos", "Un métro", "La marche"]
    )
    _group(window, monkeypatch, [tram.id, metro.id], "Transports en commun")
    (cluster,) = groups.clusters(store, session.id)
    # the group's cards are one block, where its first card was
    assert _column_texts(window) == ["Un tram", "Un métro", "Des vélos", "La marche"]
    item = window.scene.cluster_items[cluster.id]
    assert item.isVisible()
    assert "Transports en commun" in item.label()
    assert item.font().pixelSize() >= 18
    frame = _frame(window, cluster.id)
    inside = [window.scene.items_by_id[i].sceneBoundingRect() for i in (tram.id, metro.id)]
    outside = [window.scene.items_by_id[i].sceneBoundingRect() for i in (velo.id, marche.id)]
    assert all(frame.contains(r) for r in inside)
    assert not any(frame.intersects(r) for r in outside)
    band = item.band_rect().translated(item.pos())
    assert band.bottom() <= min(r.top() for r in inside)  # the name is above the cards
    # the keyboard walks the cards in the order they are shown
    window.scene.select_cards([tram.id])
    assert window.scene.move_selection(0, 1) == metro.id
    assert window.scene.move_selection(0, 1) == velo.id

    folder = Path(os.environ.get("FABRIQUE_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(1280, 720)
    qtbot.wait(10)
    assert window.grab().save(str(folder / "board-cluster.png"))
    window.set_projector_mode(True)
    window.scene.notes.measure_all()
    assert window.scene.cluster_items[cluster.id].font().pixelSize() >= 26
    assert window.grab().save(str(folder / "board-cluster-projector.png"))
    window.set_projector_mode(False)


def test_ungroup_undo_and_redo_keep_the_frame_in_step(
    qtbot, window, store, session, monkeypatch
) -> None:
    tram, _velo, metro = _cards(window, store, session, ["Un tram", "Des vélos", "Un métro"])
    _group(window, monkeypatch, [tram.id, metro.id], "Transports")
    (cluster,) = groups.clusters(store, session.id)
    window.scene.select_cards([metro.id])
    window.animation.ungroup_action.trigger()
    assert groups.clusters(store, session.id) == []
    assert cluster.id not in window.scene.cluster_items
    window.undo_action.trigger()  # the group is back
    assert window.scene.cluster_items[cluster.id].isVisible()
    window.undo_action.trigger()  # before the group: cards where they were, no frame
    assert not window.scene.cluster_items
    assert _column_texts(window) == ["Un tram", "Des vélos", "Un métro"]
    window.redo_action.trigger()
    assert window.scene.cluster_items[cluster.id].isVisible()
    assert _column_texts(window) == ["Un tram", "Un métro", "Des vélos"]
    store.apply(groups.rename_cluster(store.get(groups.Cluster, cluster.id), "Mobilité"))
    window.bus.push(groups.rename_cluster(store.get(groups.Cluster, cluster.id), "Tram"))
    assert "Tram" in window.scene.cluster_items[cluster.id].label()
    window.undo_action.trigger()
    assert "Mobilité" in window.scene.cluster_items[cluster.id].label()


def test_a_card_sent_to_another_column_leaves_the_frame(
    qtbot, window, store, session, monkeypatch
) -> None:
    tram, velo = _cards(window, store, session, ["Un tram", "Des vélos"])
    _group(window, monkeypatch, [tram.id, velo.id], "Mobilité")
    (cluster,) = groups.clusters(store, session.id)
    window.scene.select_cards([velo.id])
    window.board_actions.send_to(2)
    window.scene.notes.measure_all()
    frame = _frame(window, cluster.id)
    assert frame.contains(window.scene.items_by_id[tram.id].sceneBoundingRect())
    assert not frame.intersects(window.scene.items_by_id[velo.id].sceneBoundingRect())
    assert window.scene.cluster_items[cluster.id].count == 1


def test_groups_are_shown_when_a_session_opens(qtbot, fabrique_app, store, session) -> None:
    for text in ("Un tram", "Des vélos"):
        store.apply(board.capture(store, session.id, text, "mieux"))
    cards = board.column_cards(store, session.id, "mieux")
    store.apply(groups.group(store, cards, "Mobilité"))
    window = fabrique_app.open_session(session.id)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.wait_exposed(window)
    qtbot.wait_until(lambda: bool(window.scene.cluster_items))  # right after the first paint
    window.scene.notes.measure_all()
    (item,) = window.scene.cluster_items.values()
    assert item.isVisible()
    assert item.count == 2


def test_a_group_named_in_arabic_shows_its_count_after_its_name(qapp) -> None:
    """A group named « Transports — محمد » had its band drawn « ▦ Transports — (3) محمد »:
    the count taken into the Arabic name's right-to-left run, read before the name (and a
    name all in Arabic turned the whole band round). The band reads left to right: the
    icon, the name (in its own direction), then the count."""
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from ui.cluster_item import ICON, ClusterItem

    item = ClusterItem("g", "Transports — محمد")
    item.count = 3
    font = QFont()
    font.setPixelSize(30)
    item.set_font(font)
    item.set_frame(QRectF(0, 0, 700, 200), item.band_height(700))
    band = item.text_rect().toAlignedRect()

    def ink(paint) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
        image = QImage(720, 220, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        paint(painter)
        painter.end()
        return {
            (x, y)
            for y in range(band.top(), band.bottom())
            for x in range(band.left(), band.right())
            if image.pixelColor(x, y) != QColor(item.colour)
            and image.pixelColor(x, y).lightness() > 128
        }

    def in_order(painter) -> None:  # type: ignore[no-untyped-def]
        painter.fillRect(item.band_rect(), QColor(item.colour))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(item.ink()))
        painter.setFont(item.font())
        metrics = painter.fontMetrics()
        x = band.left() + 0.0
        for piece in (ICON, "Transports — ", "محمد", "\u00a0(3)"):
            painter.drawText(QPointF(x, band.top() + metrics.ascent()), piece)
            x += metrics.horizontalAdvance(piece)

    drawn, wanted = ink(lambda p: item.paint(p, None)), ink(in_order)
    assert wanted
    assert len(drawn ^ wanted) <= 0.1 * len(wanted), (len(drawn ^ wanted), len(wanted))
