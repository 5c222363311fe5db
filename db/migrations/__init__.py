"""Append-only, named schema migrations. Never edit one that has shipped: add a new module.

``NAMES`` lists the modules in the order they apply; each module's ``migrate(db)`` receives
a ``sqlite_utils.Database``; ``Store.migrate`` runs each in its own transaction with its
stamp in ``_sqlite_migrations``. sqlite-utils is imported only when a migration is pending, so
that opening an up-to-date database stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

SET_NAME = "fabrique"
TABLE = "_sqlite_migrations"

NAMES = [
    "0001_initial",
    "0003_facilitation",
    "0004_sync",
    "0005_booklet",
    "0006_phones",
    "0007_phone_rounds",
    "0008_phone_code",
    "0009_phone_bans",
    "0010_cards_covering_index",
]


def step(name: str) -> Callable[[Database], None]:
    """The ``migrate(db)`` function of the migration ``name``."""
    module = importlib.import_module(f"db.migrations.m{name}")
    return module.migrate


def ensure_table(db: Database) -> None:
    """The table of applied migrations, as sqlite-utils makes it."""
    from sqlite_utils.migrations import Migrations

    Migrations(SET_NAME).ensure_migrations_table(db)


def migrations() -> Migrations:
    """The sqlite-utils migration set, built from the modules listed in ``NAMES``."""
    from sqlite_utils.migrations import Migrations

    steps = Migrations(SET_NAME)
    for name in NAMES:
        module = importlib.import_module(f"db.migrations.m{name}")
        steps(name=name)(module.migrate)
    return steps
