"""Two laptops in two « towns » (two data folders) share a series through ``fabrique relay``,
with no file passed between them: share, receive, edit offline on both, converge."""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp
import pytest

from fabrique_desktop.model import Series
from fabrique_desktop.relay.keys import SeriesKey
from fabrique_desktop.workspace import rename
from tests.relay.conftest import Laptop, RunningRelay, running_relay

TOWN = "Fabrique à Marseille"


def share(laptop: Laptop, url: str) -> str:
    """The demo series renamed (so that it differs from the other laptop's own demo), shared."""
    with laptop.store() as store:
        if not any(s.title == TOWN for s in store.iter_all(Series)):
            (demo,) = store.iter_all(Series)
            store.apply(rename(demo, TOWN))
    code, out, err = laptop.run("sync", TOWN, "--relay", url)
    assert code == 0, err
    key = out.splitlines()[0]
    assert SeriesKey.parse(key)
    return key


def test_a_series_shared_is_received_whole_on_another_laptop(relay: RunningRelay, laptops) -> None:
    marseille, aubagne = laptops("marseille"), laptops("aubagne")
    key = share(marseille, relay.url)

    code, _, err = aubagne.run("sync", "--relay", relay.url, "--key", key)

    assert code == 0, err
    assert "5 ateliers reçus" in err
    for number in range(1, 6):
        assert aubagne.texts(TOWN, number) == marseille.texts(TOWN, number)
    assert len(aubagne.texts(TOWN, 3)) > 50


def test_the_key_is_kept_with_the_series(relay: RunningRelay, laptops) -> None:
    marseille = laptops("marseille")
    first = share(marseille, relay.url)
    assert share(marseille, relay.url) == first


def test_edits_made_offline_on_both_laptops_converge(tmp_path: Path, laptops) -> None:
    marseille, aubagne = laptops("marseille"), laptops("aubagne")
    relay_data = tmp_path / "relay"
    with running_relay(relay_data) as relay:
        port = int(relay.url.rsplit(":", 1)[1].split("/")[0])
        key = share(marseille, relay.url)
        assert aubagne.run("sync", "--relay", relay.url, "--key", key)[0] == 0
        url = relay.url

    # the relay is down: both towns work on
    marseille.add(TOWN, 3, "Navette fluviale entre l'Estaque et le Vieux-Port")
    aubagne.add(TOWN, 3, "Marché paysan « de saison » place de l'Église")
    aubagne.edit_first(TOWN, 3, "Une piste réécrite à Aubagne")
    code, _, err = marseille.run("sync", TOWN, "--relay", url)
    assert code == 1
    assert "injoignable" in err

    # the relay comes back (same store, same address): each laptop syncs, in any order
    with running_relay(relay_data, port=port):
        for laptop in (aubagne, marseille, aubagne):
            code, _, err = laptop.run("sync", TOWN, "--relay", url)
            assert code == 0, err

    for number in range(1, 6):
        assert marseille.texts(TOWN, number) == aubagne.texts(TOWN, number)
    assert "Navette fluviale entre l'Estaque et le Vieux-Port" in aubagne.texts(TOWN, 3)
    assert "Marché paysan « de saison » place de l'Église" in marseille.texts(TOWN, 3)
    assert "Une piste réécrite à Aubagne" in marseille.texts(TOWN, 3)


def test_a_relay_restarted_serves_what_it_stored(tmp_path: Path, laptops) -> None:
    marseille, aubagne = laptops("marseille"), laptops("aubagne")
    with running_relay(tmp_path / "relay") as relay:
        key = share(marseille, relay.url)
        port = int(relay.url.rsplit(":", 1)[1].split("/")[0])
    with running_relay(tmp_path / "relay", port=port) as again:
        assert again.url == relay.url  # the token is kept in the relay's folder
        code, _, err = aubagne.run("sync", "--relay", again.url, "--key", key)
    assert code == 0, err
    assert aubagne.texts(TOWN, 3) == marseille.texts(TOWN, 3)


def test_a_laptop_without_the_key_reads_nothing(relay: RunningRelay, laptops) -> None:
    marseille, stranger = laptops("marseille"), laptops("stranger")
    share(marseille, relay.url)

    code, _, err = stranger.run("sync", "--relay", relay.url, "--key", str(SeriesKey.new()))
    assert code == 1
    assert "Aucune série n'est partagée sous cette clé" in err

    code, _, err = stranger.run("sync", "--relay", relay.url, "--key", "FAB-1234")
    assert code == 1
    assert "clé de série n'est pas valable" in err


def test_a_wrong_relay_token_is_refused(relay: RunningRelay, laptops) -> None:
    marseille = laptops("marseille")
    key = share(marseille, relay.url)
    wrong = relay.url.rsplit("/", 1)[0] + "/pas-le-bon-jeton"
    code, _, err = laptops("other").run("sync", "--relay", wrong, "--key", key)
    assert code == 1
    assert "refuse l'accès" in err


def test_crafted_updates_in_a_room_change_nothing_here(relay: RunningRelay, laptops) -> None:
    """A client that has the key and sends its own Yjs updates (a card of another atelier, a
    text over the limits): the laptop refuses the atelier, changes nothing, says why."""
    marseille, aubagne = laptops("marseille"), laptops("aubagne")
    key = SeriesKey.parse(share(marseille, relay.url))
    assert aubagne.run("sync", "--relay", relay.url, "--key", str(key))[0] == 0
    with aubagne.store() as store:
        atelier = aubagne.session(store, TOWN, 3)
    before = aubagne.texts(TOWN, 3)

    asyncio.run(_push_hostile(relay.url, key.room(atelier.id)))

    code, _, err = aubagne.run("sync", TOWN, "--relay", relay.url)
    assert code == 1
    assert "Refusé" in err
    assert aubagne.texts(TOWN, 3) == before


async def _push_hostile(url: str, room: str) -> None:
    from pycrdt import Map

    from fabrique_desktop.relay.rooms import RoomLink

    async with aiohttp.ClientSession() as http, RoomLink(http, url, room) as link:
        doc = link.mirror()
        before = doc.get_state()
        cards = doc.get("cards", type=Map)
        cards["evil:text"] = '["' + "x" * 5000 + '", {"1": 1}]'
        cards["evil:session_id"] = '["another-atelier", {"1": 1}]'
        await link.send(doc.get_update(before))


@pytest.mark.parametrize("url", ["http://nowhere", "ftp://x", ""])
def test_a_relay_address_must_be_a_websocket(url: str, laptops) -> None:
    code, _, err = laptops("x").run("sync", "--relay", url, "--key", str(SeriesKey.new()))
    if url.startswith("http://"):
        assert code == 1
        assert "injoignable" in err
    else:
        assert code == 1
        assert "ws://" in err


def test_the_readme_flow_with_the_demos_own_title(relay: RunningRelay, laptops) -> None:
    """As the README says: `sync "acte 1"` shares the demo, `sync --key` receives it on a
    laptop that has its own demo of the same title, then `sync "acte 1"` there goes on with
    the series received (it named both: « Plusieurs séries correspondent à « acte 1 » »)."""
    marseille, aubagne = laptops("marseille"), laptops("aubagne")
    code, out, err = marseille.run("sync", "acte 1", "--relay", relay.url)
    assert code == 0, err
    key = out.splitlines()[0]
    assert aubagne.run("sync", "--relay", relay.url, "--key", key)[0] == 0

    code, out, err = aubagne.run("sync", "acte 1", "--relay", relay.url)

    assert code == 0, err
    assert out.splitlines()[0] == key  # the series received, not this laptop's own demo
    code, _, err = aubagne.run("sync", "acte 1", "--relay", relay.url + "x")
    assert code == 1  # through another relay, nothing is shared: both are named
    assert "Plusieurs séries correspondent à « acte 1 »" in err
