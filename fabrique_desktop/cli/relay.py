"""``fabrique relay`` (serve a y-websocket relay) and ``fabrique sync`` (share or receive a
series through one, once).

``fabrique relay --address A --port P --data DOSSIER`` prints the address laptops use (with the
relay's access token in it) on its first line, then serves until SIGTERM or Ctrl+C. It keeps Yjs
updates only, in ``DOSSIER/relay.db``; it never opens a Fabrique database.

``fabrique sync SERIE --relay URL`` shares a series: prints its key alone on the first line
(the same key each time: it is kept with the series in the settings), then sends what is new and
receives what is new. ``fabrique sync --relay URL --key KEY`` on another data folder receives the
whole series, and sends back what was written there since. Exit 0, or 1 with a French reason.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
import threading
from pathlib import Path

from fabrique_desktop.cli.context import Context
from fabrique_desktop.cli.french import port_number
from fabrique_desktop.errors import FabriqueError, NotFoundError
from fabrique_desktop.model import Series
from fabrique_desktop.paths import DB_NAME
from fabrique_desktop.ports import Store
from fabrique_desktop.relay import keys
from fabrique_desktop.relay.series import check_url
from fabrique_desktop.workspace import find_series, list_series

SETTINGS_KEY = "relais"


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "relay",
        parents=[common],
        help="sert un relais y-websocket pour partager des séries entre ordinateurs éloignés",
    )
    p.add_argument("--address", metavar="A", default="127.0.0.1", help="adresse d'écoute")
    p.add_argument("--port", metavar="P", type=port_number, default=47830, help="port (47830)")
    p.add_argument(
        "--data",
        metavar="DOSSIER",
        required=True,
        help="dossier où le relais garde les mises à jour",
    )
    p.set_defaults(handler=serve)

    s = commands.add_parser(
        "sync",
        parents=[common],
        help="partage une série par un relais, ou la reçoit avec sa clé (une fois)",
    )
    s.add_argument("series", metavar="SERIE", nargs="?", help="la série à partager")
    s.add_argument("--relay", metavar="URL", required=True, help="adresse du relais (ws://…)")
    s.add_argument("--key", metavar="CLE", default=None, help="clé de la série (pour la recevoir)")
    s.set_defaults(handler=sync_once, owner="la commande « fabrique sync »")


def serve(args: argparse.Namespace, context: Context) -> int:
    from fabrique_desktop.relay.server import Relay

    data = Path(args.data)
    if data.exists() and not data.is_dir():
        raise FabriqueError(
            f"« {data} » est un fichier : --data attend le dossier où le relais garde ses "
            "données (il est créé s'il n'existe pas)."
        )
    if (data / DB_NAME).exists():
        raise FabriqueError(
            f"« {data} » est un dossier de données de Fabrique : le relais garde ses données "
            "dans un dossier à lui (--data), jamais dans celui des ateliers. Rien n'a été écrit."
        )
    relay = Relay(data)
    stop = threading.Event()
    previous = {
        sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGTERM, signal.SIGINT)
    }
    failure: list[BaseException] = []

    def run() -> None:
        try:
            relay.serve(args.address, args.port, stop)
        except BaseException as error:  # reported on the main thread
            failure.append(error)
            relay.ready.set()

    thread = threading.Thread(target=run, name="fabrique-relay")
    thread.start()
    try:
        relay.ready.wait()
        if failure or relay.address is None:
            raise _bind_error(args, failure[0] if failure else None)
        print(relay.address.url, flush=True)
        print(f"jeton du relais : {relay.address.token}", flush=True)
        while thread.is_alive():
            thread.join(0.2)
    finally:
        stop.set()
        thread.join()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print("Relais arrêté.", file=sys.stderr)
    return 0


def _series_to_sync(
    store: Store, ref: str, remembered: dict[str, dict[str, str]], url: str
) -> Series:
    """The series ``ref`` names; when it names several, the one already shared through this
    relay. A laptop that received « La Fabrique — Acte 1 » (`sync --key`) also has its own demo
    of that title: `fabrique sync "acte 1"`, as the README says to go on, named both."""
    try:
        return find_series(store, ref)
    except NotFoundError as several:
        shared = [s for s in list_series(store) if (remembered.get(s.id) or {}).get("url") == url]
        if shared:
            with contextlib.suppress(NotFoundError):
                return find_series(store, ref, among=shared)
        raise several from None


def _bind_error(args: argparse.Namespace, error: BaseException | None) -> FabriqueError:
    if isinstance(error, OSError):
        return FabriqueError(
            f"Le relais ne peut pas écouter sur {args.address}:{args.port} "
            "(port déjà pris, ou adresse absente de cet ordinateur)."
        )
    if isinstance(error, FabriqueError):
        return error
    if error is not None:
        raise error
    return FabriqueError("Le relais n'a pas démarré.")


def sync_once(args: argparse.Namespace, context: Context) -> int:
    from db.sync_store import SyncJournal
    from fabrique_desktop.relay.series import SeriesExchange

    url = check_url(args.relay)
    store = context.store
    if store.read_only:  # a key printed here would be a new one each time, kept nowhere
        raise FabriqueError(
            f"{store.read_only} Rien n'a été partagé : la clé de la série et ce que le relais "
            "enverrait ne pourraient pas être gardés sur cet ordinateur."
        )
    settings = context.settings
    remembered = dict(settings.get(SETTINGS_KEY) or {})
    series_id: str | None = None
    if args.series is not None:
        series = _series_to_sync(store, args.series, remembered, url)
        series_id = series.id
        entry = remembered.get(series.id) or {}
        key = keys.SeriesKey.parse(args.key or entry.get("key") or str(keys.SeriesKey.new()))
        print(key, flush=True)
    elif args.key is not None:
        key = keys.SeriesKey.parse(args.key)
    else:
        raise FabriqueError("Donnez la série à partager, ou la clé de la série à recevoir (--key).")

    async def exchange() -> object:
        import aiohttp

        async with aiohttp.ClientSession() as http:
            journal = SyncJournal(store)
            exchange = SeriesExchange(store, journal, http, url, key, write=store.apply)
            return await exchange.run(series_id)

    report = asyncio.run(exchange())
    from fabrique_desktop.relay.series import SyncReport

    assert isinstance(report, SyncReport)
    if report.series is not None:
        remembered[report.series.id] = {"url": url, "key": str(key)}
        settings.set(SETTINGS_KEY, remembered)
    print(report.message(), file=sys.stderr)
    for reason in report.refused:
        print(f"Refusé : {reason}", file=sys.stderr)
    return 1 if report.refused else 0
