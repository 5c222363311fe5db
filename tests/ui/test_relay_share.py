"""« Partager la série par un relais… » from the window: the series goes to the relay, another
town receives it with the key, and what that town writes comes back onto this wall (announced
on the bus as a remote change); a window of a series already shared resumes by itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from fabrique_desktop.changes import Origin
from fabrique_desktop.cli import main
from tests.relay.conftest import Laptop, running_relay
from tests.ui.dialogs import answering_dialogs
from ui.card_item import CardItem
from ui.relay_share import RelayDialog, remembered

pytestmark = pytest.mark.slow


def test_a_wall_shared_through_a_relay_receives_another_towns_ideas(
    qtbot, wall, tmp_path: Path, capsys
) -> None:
    with running_relay(tmp_path / "relay") as relay:
        statuses: list[str] = []

        def fill(dialog) -> None:
            if isinstance(dialog, RelayDialog):
                dialog.url.setText(relay.url)

        with answering_dialogs(tmp_path / "files") as answers:
            answers.tweak = fill
            wall.live_menu.relay_action.trigger()
        assert answers.internal_errors == []
        share = wall.live_menu.relay
        assert share is not None
        assert share.relay is not None
        share.relay.status_changed.connect(statuses.append)
        qtbot.wait_until(lambda: any("à jour" in s for s in statuses), timeout=60_000)
        found = remembered(wall.live_menu.context.settings, wall.session.series_id)
        assert found is not None
        url, key = found

        aubagne = Laptop(tmp_path / "aubagne", capsys)
        assert main(["--data-dir", str(aubagne.folder), "sync", "--relay", url, "--key", key]) == 0
        with aubagne.store() as store:
            from fabrique_desktop import board

            store.apply(board.capture(store, wall.session.id, "Un tram jusqu'à Aubagne, le soir"))

        remote: list[object] = []
        wall.bus.changed.connect(lambda change, origin: remote.append(origin))
        # no round asked for: the wall listens to its atelier's room, and fetches the idea
        # as soon as Aubagne's update passes through the relay (not at the next minute)
        assert main(["--data-dir", str(aubagne.folder), "sync", "--relay", url, "--key", key]) == 0
        qtbot.wait_until(
            lambda: (
                "Un tram jusqu'à Aubagne, le soir"
                in [i.card.text for i in wall.scene.items() if isinstance(i, CardItem)]
            ),
            timeout=20_000,
        )
        assert Origin.REMOTE in remote
        share.relay.stop()


def test_a_window_of_a_shared_series_resumes_its_relay(qtbot, fabrique_app, demo_session, tmp_path):
    with running_relay(tmp_path / "relay") as relay:
        from fabrique_desktop.relay.keys import SeriesKey
        from ui.relay_share import remember

        remember(fabrique_app.settings, demo_session.series_id, relay.url, str(SeriesKey.new()))
        window = fabrique_app.open_session(demo_session.id)
        qtbot.addWidget(window)
        window.show()
        share = window.live_menu.relay
        assert share is not None
        assert share.relay is not None
        statuses: list[str] = []
        share.relay.status_changed.connect(statuses.append)
        qtbot.wait_until(lambda: any("à jour" in s for s in statuses), timeout=60_000)
        share.relay.stop()


def test_undo_keeps_what_another_town_wrote_since(qtbot, wall, tmp_path: Path, capsys) -> None:
    from fabrique_desktop import board
    from fabrique_desktop.model import Card
    from fabrique_desktop.relay.keys import SeriesKey
    from ui.relay_share import RelayShare

    with running_relay(tmp_path / "relay") as relay:
        key = SeriesKey.new()
        share = RelayShare(wall.live_menu.context)
        share.begin(relay.url, key, wall.session.series_id)
        assert share.relay is not None
        statuses: list[str] = []
        share.relay.status_changed.connect(statuses.append)
        qtbot.wait_until(lambda: any("à jour" in s for s in statuses), timeout=60_000)
        aubagne = Laptop(tmp_path / "aubagne", capsys)
        command = ["--data-dir", str(aubagne.folder), "sync", "--relay", relay.url]

        def aubagne_sync() -> int:
            return main([*command, "--key", str(key)])

        assert aubagne_sync() == 0

        card = sorted(wall.store.iter_all(Card, session_id=wall.session.id), key=lambda c: c.id)[0]
        wall.bus.push(board.edit(card, text="Écrit à Marseille"))
        statuses.clear()
        qtbot.wait_until(lambda: any("à jour" in s for s in statuses), timeout=60_000)
        assert aubagne_sync() == 0
        with aubagne.store() as store:
            theirs = store.get(Card, card.id)
            assert theirs is not None
            assert theirs.text == "Écrit à Marseille"
            store.apply(board.edit(theirs, text="Réécrit à Aubagne"))
        assert aubagne_sync() == 0
        qtbot.wait_until(
            lambda: (wall.store.get(Card, card.id) or card).text == "Réécrit à Aubagne",
            timeout=20_000,
        )

        wall.bus.undo()

        after = wall.store.get(Card, card.id)
        assert after is not None
        assert after.text == "Réécrit à Aubagne"  # not Marseille's undo over Aubagne's edit
        share.relay.stop()
