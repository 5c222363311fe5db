"""``fabrique`` with no command: open the app on a session (Qt is imported only here, lazily)."""

from __future__ import annotations

import argparse
import gc
from pathlib import Path

from fabrique_desktop.cli.context import Context
from fabrique_desktop.errors import NotFoundError
from fabrique_desktop.logs import echo_to_stderr
from fabrique_desktop.model import Card, Session
from fabrique_desktop.ports import Store
from fabrique_desktop.workspace import find_session, list_series, list_sessions


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--open",
        metavar="ATELIER",
        help="ouvre cet atelier (numéro, partie du titre ou identifiant)",
    )
    parser.add_argument("--fullscreen", action="store_true", help="plein écran dès l'ouverture")
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="écrit aussi le journal (durée du démarrage comprise) sur la sortie d'erreur",
    )


OPENED_SUFFIXES = (".fabrique", ".json")  # what `fabrique FILE` imports (the .fabrique MIME type)


def is_file_to_open(arg: str) -> bool:
    """`fabrique copie.fabrique` (a double-click in a file manager) rather than a command."""
    return not arg.startswith("-") and Path(arg).suffix.lower() in OPENED_SUFFIXES


def choose_session(args: argparse.Namespace, context: Context) -> Session:
    store = context.store
    if getattr(args, "open", None):
        return find_session(store, args.open)
    last = context.settings.get("last_session")
    if last:
        session = store.get(Session, last)
        if session is not None and not session.deleted:
            return session
    for series in list_series(store):
        sessions = list_sessions(store, series.id)
        if sessions:
            return first_with_work(store, sessions)
    raise NotFoundError(  # every series deleted: the app has nothing to show; the way out
        "Aucun atelier à ouvrir : toutes les séries de ce dossier ont été supprimées. "
        "Remettez une sauvegarde en place (« fabrique backups » les liste, « fabrique restore "
        "SAUVEGARDE »), importez un atelier (« fabrique import FICHIER ») ou un modèle "
        "(« fabrique import-template FICHIER »)."
    )


def first_with_work(store: Store, sessions: list[Session]) -> Session:
    """Of a series' ateliers, the one the app opens on when none was open before: the
    first whose wall holds cards, else the first (an empty wall tells a newcomer nothing of
    what the app does). On first use it is the demo's atelier 1, whose Valeurs wall holds
    the seed's atouts, problèmes and values, the work of ateliers 1 and 2."""
    for session in sessions:
        if any(not c.deleted for c in store.find(Card, session_id=session.id)):
            return session
    return sessions[0]


def run(args: argparse.Namespace, context: Context) -> int:
    # The app collects cyclic garbage from a timer of its own (ui/gui_thread_gc.py), which
    # switches Python's automatic collection off. Off from here already: importing Qt and
    # the app's modules set off some 40 collections before the first frame (issue 28).
    gc.disable()
    if getattr(args, "verbose", False):
        echo_to_stderr()
    file = Path(args.file).resolve() if getattr(args, "file", None) else None
    if context.read_only is not None:  # another process owns the folder: the app, maybe
        from ui.front_door import knock

        asked = find_session(context.store, args.open) if getattr(args, "open", None) else None
        answer = knock(context.data_dir.root, file, asked.id if asked else None)
        if answer is not None:  # the app did it, or said why not: the exit code tells which
            done = ["sa fenêtre passe devant", *answer.done]
            said = " et ".join([", ".join(done[:-1]), done[-1]]) if len(done) > 1 else done[0]
            said += f", mais {answer.refused.rstrip('.')}" if answer.refused else ""
            print(f"Fabrique est déjà ouvert sur ce dossier : {said}.")
            if answer.details:
                print(answer.details)
            return 1 if answer.refused else 0
    session = choose_session(args, context)
    from ui.app import run as run_app

    return run_app(
        context.store,
        context.data_dir,
        context.backups,
        session.id,
        getattr(args, "fullscreen", False),
        context.started,
        open_file=file,
        stay_on_asked=bool(getattr(args, "open", None)),
    )
