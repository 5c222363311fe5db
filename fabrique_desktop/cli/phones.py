"""``fabrique phones SESSION [--address A] [--port P] [--[no-]moderation] [--new-code]``: the
phones' page without the app.

For a second laptop acting as the room's server, and for tests and benchmarks. The first line
printed is the address phones open (the QR code's, with the room code in it), the second the
room code alone (the atelier's, kept with the session: the same as the app's and as the day's
table tents; ``--new-code`` gives the atelier a new one, the old one is refused); then it serves
until SIGTERM or Ctrl+C, and stops cleanly (open pages are told). Every request is committed
to the session's database before the phone is answered.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from fabrique_desktop.changes import Change
from fabrique_desktop.cli.context import Context
from fabrique_desktop.cli.french import port_number
from fabrique_desktop.counting import said
from fabrique_desktop.ports import Store
from fabrique_desktop.workspace import find_session


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "phones",
        parents=[common],
        help="ouvre la salle aux téléphones des participants, sans l'application",
    )
    p.add_argument("session", metavar="ATELIER", help="identifiant ou titre de l'atelier")
    p.add_argument(
        "--address",
        metavar="A",
        default=None,
        help="adresse sur le réseau local (par défaut : celle de cet ordinateur)",
    )
    p.add_argument(
        "--port", metavar="P", type=port_number, default=None, help="port (par défaut : 47814)"
    )
    p.add_argument(
        "--moderation",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="les idées attendent d'être acceptées avant d'aller au tableau (réglage gardé avec "
        "l'atelier ; par défaut : celui de l'atelier)",
    )
    p.add_argument(
        "--new-code",
        action="store_true",
        help="donne un nouveau code à la salle (l'ancien a fuité) : les pages ouvertes avec "
        "l'ancien code et les chevalets déjà imprimés ne servent plus",
    )
    p.set_defaults(handler=serve, owner="la commande « fabrique phones »", long=True)


@contextmanager
def store_batch(store: Store) -> Iterator[Callable[[Change], None]]:
    """Head-less, the phones' batch writer (``PhoneService``'s ``batch``): each change into the
    store within one transaction for the batch, committed when it ends. No window listens:
    nothing to announce."""
    with store.atomic():
        yield store.apply


def serve(args: argparse.Namespace, context: Context) -> int:
    from fabrique_desktop.phones import room
    from fabrique_desktop.phones.service import PhoneService

    store = context.store
    session = find_session(store, args.session)
    context.backups.take("salle-telephones", thin=False)
    if args.moderation is not None:
        store.apply(room.set_moderated(store, session.id, args.moderation))
    if args.new_code:
        store.apply(room.new_room_code(store, session.id)[1])
    stop = threading.Event()
    service = PhoneService(store, session.id, lambda: store_batch(store))
    address = service.open(args.address, args.port)
    previous = {
        sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGTERM, signal.SIGINT)
    }
    try:
        print(address, flush=True)
        print(service.code, flush=True)
        service.serve(stop)
    finally:
        service.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    received = said(service.received, "demande reçue", "demandes reçues", "aucune demande reçue")
    print(f"Salle fermée : {received}.", file=sys.stderr)
    return 0
