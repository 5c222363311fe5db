"""Live sharing on screen, with real note-taker processes on 127.0.0.1 only."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from fabrique_desktop.live.discovery import Finder
from tests.live.processes import Peer

LOOPBACK = "127.0.0.1"
pytestmark = pytest.mark.slow


@pytest.fixture
def processes():
    started: list[Peer] = []
    yield started
    for peer in started:
        peer.quit()


def test_sharing_shows_the_code_and_the_laptops_and_cards_arrive_live(
    qtbot, window, tmp_path: Path, processes: list[Peer]
) -> None:
    from ui.live_share import share_window

    live = share_window(window, host=LOOPBACK, port=0, discovery_port=None)
    assert live is not None
    panel = window.live_menu.panel
    assert panel.code_label.text().replace("-", "") == live.code
    assert panel.code_label.font().pointSize() >= 40  # readable from the back of the room
    port = live.link.server.port

    note = Peer.note_taker(tmp_path / "table2", live.code.lower(), port, "Table 2")
    processes.append(note)
    qtbot.wait_until(lambda: panel.peer_list.count() == 1, timeout=10_000)
    assert panel.peer_list.item(0).text().startswith("Table 2 — 127.0.0.1")

    card_id = note.ask("capture", text="Une idée de la table 2 : « jardins partagés »")["id"]
    start = time.monotonic()
    qtbot.wait_until(lambda: card_id in window.scene.items_by_id, timeout=5_000)
    assert time.monotonic() - start < 1.0
    assert window.scene.items_by_id[card_id].card.text.endswith("« jardins partagés »")

    mine = window.controller.capture("Au tableau : un festival des quartiers")
    qtbot.wait_until(lambda: mine in {c[0] for c in note.cards()}, timeout=5_000)
    window.bus.undo()  # undo at the projector flows back too (tombstone)
    qtbot.wait_until(lambda: any(c[0] == mine and c[3] for c in note.cards()), timeout=5_000)

    panel.peer_list.setCurrentRow(0)
    panel.remove_button.click()
    qtbot.wait_until(lambda: note.ask("status")["ended"] == "removed", timeout=5_000)
    qtbot.wait_until(lambda: panel.peer_list.count() == 0, timeout=5_000)

    assert panel.hint.text().startswith("Pour rejoindre")
    panel.stop_button.click()
    assert not live.active
    assert not panel.code_label.isVisible()
    assert panel.hint.text().startswith("Pour le reprendre")  # not « Pour rejoindre… ce code : »
    assert not panel.peer_list.isVisible()


def test_joining_fetches_the_session_opens_it_and_follows_the_projector(
    qtbot, fabrique_app, session, tmp_path: Path, processes: list[Peer]
) -> None:
    from ui.live_share import join_with

    window = fabrique_app.open_session(session.id)  # replaced by the joined session's window
    window.show()
    host = Peer.host(tmp_path / "projector", "HJK479")
    processes.append(host)
    live = join_with(window, LOOPBACK, host.port, "hjk-479", "Table 9")
    assert live is not None
    joined = fabrique_app.window
    assert joined.session.id == host.session
    qtbot.wait_until(lambda: host.ask("status")["peers"] == ["Table 9"], timeout=10_000)
    assert len(joined.scene.items_by_id) == 87

    card_id = host.ask("capture", text="Projetée au tableau")["id"]
    qtbot.wait_until(lambda: card_id in joined.scene.items_by_id, timeout=5_000)
    mine = joined.controller.capture("Saisie à la table 9")
    qtbot.wait_until(lambda: mine in {c[0] for c in host.cards()}, timeout=5_000)
    assert "Connecté" in joined.live_menu.panel.status_label.text()
    assert joined.live_menu.panel.hint.text().startswith("Relié à l'animateur (127.0.0.1:")
    joined.live_menu.panel.stop_button.click()
    assert not live.active
    assert joined.live_menu.panel.hint.text().startswith("Plus relié à l'animateur")


def test_a_wrong_code_is_told_in_french(qtbot, window, tmp_path, processes, monkeypatch) -> None:
    from ui import telling_box
    from ui.live_share import join_with

    host = Peer.host(tmp_path / "projector", "HJK479")
    processes.append(host)
    shown: list[str] = []
    monkeypatch.setattr(telling_box, "tell", lambda *args: shown.append(args[2]))
    assert join_with(window, LOOPBACK, host.port, "AAA-AAA", "Table 9") is None
    assert shown == ["Le code n'est pas le bon : vérifiez le code affiché au tableau."]


def test_the_join_dialog_lists_sessions_found_on_the_network(qtbot, window) -> None:
    from ui.live_join_dialog import LiveJoinDialog
    from ui.live_share import share_window

    live = share_window(window, host=LOOPBACK, port=0, discovery_port=0)
    server = live.link.server
    dialog = LiveJoinDialog(window, Finder([(LOOPBACK, server.discovery_port)]))
    qtbot.addWidget(dialog)
    qtbot.wait_until(lambda: dialog.offers.count() == 1, timeout=5_000)
    assert window.session.title in dialog.offers.item(0).text()
    assert dialog.address.text() == f"{LOOPBACK}:{server.port}"
    dialog._accept()
    assert "six caractères" in dialog.error.text()
    dialog.address.setText("8.8.8.8")
    dialog.code.setText(live.code)
    dialog._accept()
    assert "réseau local" in dialog.error.text()
    dialog.address.setText(f"{LOOPBACK}:{server.port}")
    dialog._accept()
    assert dialog.result() == LiveJoinDialog.DialogCode.Accepted
    assert dialog.choice()[:3] == (LOOPBACK, server.port, live.code)
    live.stop()


def test_menu_entries_exist_with_shortcuts(window) -> None:
    texts = {a.text(): a.shortcut().toString() for a in window.file_menu.actions()}
    assert texts["Partager l'atelier en direct…"] == "Ctrl+Shift+L"
    assert texts["Rejoindre un atelier en direct…"] == "Ctrl+Shift+J"
    assert Qt is not None


def test_too_many_wrong_codes_are_told_calmly_to_the_facilitator(
    qtbot, window, monkeypatch, tmp_path
) -> None:
    """The global limit of wrong codes trips: the panel and the status bar say what happens
    (known laptops still come back) and what to do; the line goes when the minute is over."""
    from fabrique_desktop.live import server
    from fabrique_desktop.live.peers import Throttle
    from tests.live.wire import RawPeer
    from ui.live_share import share_window

    monkeypatch.setattr(server, "WRONG_CODE_DELAY", 0.0)
    live = share_window(window, host=LOOPBACK, port=0, discovery_port=None)
    live.link.server.throttle = Throttle(window=2.0, wrong_codes=3)
    for n in range(4):
        with RawPeer(live.link.server.port, source=f"127.0.0.{90 + n}") as guesser:
            guesser.join(f"WRONG{n}")
    panel = window.live_menu.panel
    qtbot.wait_until(lambda: "codes faux" in panel.status_label.text(), timeout=5_000)
    assert panel.status_label.text().startswith("Partage ouvert : aucun appareil connecté.")
    assert "déjà connectés" in window.statusBar().currentMessage()
    window.grab().save(str(tmp_path / "live-guard.png"))
    qtbot.wait_until(lambda: "codes faux" not in panel.status_label.text(), timeout=6_000)
    assert window.statusBar().currentMessage() == ""
    live.stop()
